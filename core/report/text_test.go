package report

import (
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite web/i18n/messages.mjs from the source")

func TestSay(t *testing.T) {
	got := Say("validity.from-until", "Valid from {from|date} until {until|date} ({n}).", "from", "2025-03-01T00:00:00Z", "until", "2026-03-01T12:30:00+02:00", "n", "{x}")
	want := "Valid from 1 March 2025, 00:00 UTC until 1 March 2026, 10:30 UTC ({x})."
	if got.English != want || got.Code != "validity.from-until" || got.Params["until"] != "2026-03-01T12:30:00+02:00" {
		t.Fatalf("Say = %+v, want English %q", got, want)
	}
	if s := Say("a", "no params {missing} {").English; s != "no params  {" {
		t.Fatalf("unknown parameter and a lone brace: %q", s)
	}
}

func TestThen(t *testing.T) {
	a := Say("a", "First {x}.", "x", "1")
	b := Say("b", "Second.").Then(Say("c", "Third {y}.", "y", "3"))
	got := a.Then(Text{}, b)
	if got.English != "First 1. Second. Third 3." || got.Code != "a" || got.Params["x"] != "1" {
		t.Fatalf("Then = %+v", got)
	}
	if len(got.More) != 2 || got.More[0].Code != "b" || got.More[1].Code != "c" || got.More[1].Params["y"] != "3" {
		t.Fatalf("More = %+v, want b then c", got.More)
	}
	if e := (Text{}).Then(b); e.Code != "b" || len(e.More) != 1 {
		t.Fatalf("an empty Text followed by b is b: %+v", e)
	}
	if len(a.More) != 0 || len(b.More) != 1 {
		t.Fatalf("Then changed its operands: %+v %+v", a, b)
	}
}

// catalogueFile lists every message code the core can emit with its English
// template, as a JavaScript module: web/i18n.mjs draws English from it (with
// dates in the reader's format) and must say each code in every other
// language, which tests/browser/i18n.test.mjs checks.
const catalogueFile = "../../web/i18n/messages.mjs"

// TestMessageCatalogue reads every report.Say call under core/ and checks
// that web/i18n/messages.mjs lists exactly those codes and templates (run
// with -update to rewrite it). A code must be a string literal and mean one
// template.
func TestMessageCatalogue(t *testing.T) {
	found := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		own := filepath.Dir(path) == filepath.Join("..", "report")
		ast.Inspect(f, func(n ast.Node) bool {
			// Outside this package a message is set only through a Text
			// (Say, Check.Say): never as a bare string.
			if bare := bareMessage(n); bare != nil && !own {
				t.Errorf("%s: a check's message set without report.Say", fset.Position(bare.Pos()))
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || !isSay(call.Fun) || len(call.Args) < 2 {
				return true
			}
			code, err1 := literal(call.Args[0])
			tmpl, err2 := literal(call.Args[1])
			if err1 != nil || err2 != nil {
				t.Errorf("%s: Say needs a literal code and template", fset.Position(call.Pos()))
				return true
			}
			if old, dup := found[code]; dup && old != tmpl {
				t.Errorf("%s: code %q has two templates:\n%q\n%q", fset.Position(call.Pos()), code, old, tmpl)
			}
			found[code] = tmpl
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	codes := make([]string, 0, len(found))
	for c := range found {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b strings.Builder
	b.WriteString("// The message codes the Go core emits (report.Say), with their English\n" +
		"// templates. Generated: go test ./core/report -run TestMessageCatalogue -update\n" +
		"export default {\n")
	for i, c := range codes {
		k, _ := json.Marshal(c)
		v, _ := json.Marshal(found[c])
		b.WriteString("  " + string(k) + ": " + string(v))
		if i < len(codes)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("};\n")
	if *update {
		if err := os.WriteFile(catalogueFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(catalogueFile)
	if err != nil || string(have) != b.String() {
		t.Fatalf("web/i18n/messages.mjs is not the list of codes in the source; run `go test ./core/report -run TestMessageCatalogue -update` and translate the new codes in web/i18n.mjs (err %v)", err)
	}
}

// bareMessage returns the node that sets a Message or Code field by hand: a
// report.Check or report.Missing literal naming them, or an assignment to
// x.Message or x.Code.
func bareMessage(n ast.Node) ast.Node {
	switch x := n.(type) {
	case *ast.CompositeLit:
		sel, ok := x.Type.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Check" && sel.Sel.Name != "Missing" {
			return nil
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "report" {
			return nil
		}
		for _, e := range x.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if k, ok := kv.Key.(*ast.Ident); ok && (k.Name == "Message" || k.Name == "Code") {
					return kv
				}
			}
		}
	case *ast.AssignStmt:
		for _, l := range x.Lhs {
			if sel, ok := l.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Message" || sel.Sel.Name == "Code") {
				return l
			}
		}
	}
	return nil
}

func isSay(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "Say"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "report" && f.Sel.Name == "Say"
	}
	return false
}

// literal reads a string literal, or literals joined with +.
func literal(e ast.Expr) (string, error) {
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		x, err := literal(b.X)
		if err != nil {
			return "", err
		}
		y, err := literal(b.Y)
		return x + y, err
	}
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", strconv.ErrSyntax
	}
	return strconv.Unquote(lit.Value)
}

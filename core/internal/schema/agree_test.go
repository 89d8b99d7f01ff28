//go:build !clearbadge_offline

package schema

// Do the built-in rules say what 1EdTech's published JSON Schemas say?
// The schemas are read from the shared vectors (schemas/purl: the
// compaction-tolerant variants purl.imsglobal.org serves) and compiled by
// the same code path a named schema takes, served by a fetch.Static under
// their purl URLs.
//
// Two things are normalised before both judges see a document, because
// they are outside this check by design: every @context is set to the
// canonical list for its class (the format check judges @context), and VC
// 1.1 credentials get the VC 2.0 date names (issuanceDate → validFrom,
// expirationDate → validUntil), because the VC 1.1 "any…" schemas are not
// published anywhere we could read them; OB 3.0 §B.9 differs from §B.1
// only in those names and in requiring `name`, which the rule tests cover.

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// published are the class schemas, by the class the built-in rules pick.
var published = map[string]string{
	"AchievementCredential": "ob_v3p0_achievementcredential_schema.json",
	"EndorsementCredential": "ob_v3p0_endorsementcredential_schema.json",
	"ClrCredential":         "clr_v2p0_clrcredential_schema.json",
}

// purlStatic serves the published schemas under their $id (the purl URL)
// and returns the URL of each file.
func purlStatic(t *testing.T) (*fetch.Static, map[string]string) {
	t.Helper()
	dir := vectors.Dir(t, "1edtech", "schemas", "purl")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schemas in %s: %v", dir, err)
	}
	s := &fetch.Static{Docs: map[string][]byte{}}
	ids := map[string]string{}
	for _, f := range files {
		b := vectors.Read(t, "1edtech", "schemas", "purl", filepath.Base(f))
		var head struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(b, &head); err != nil || head.ID == "" {
			t.Fatalf("%s: no $id: %v", f, err)
		}
		s.Docs[head.ID] = b
		ids[filepath.Base(f)] = head.ID
	}
	return s, ids
}

// judges compiles the class schemas.
func judges(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	static, ids := purlStatic(t)
	out := map[string]*jsonschema.Schema{}
	for cls, file := range published {
		s, err := compiled(t.Context(), static, ids[file], jsonschema.Draft2019, "")
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		out[cls] = s
	}
	return out
}

func schemaFor(js map[string]*jsonschema.Schema, doc map[string]any) *jsonschema.Schema {
	if cls := rootClass(doc); cls != "" {
		return js[cls]
	}
	return js["AchievementCredential"]
}

// normalize returns a deep copy of doc with canonical @context lists and
// VC 2.0 date names.
func normalize(t *testing.T, doc map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if _, ok := x["@context"]; ok {
				if credential.Version(x) != 2 {
					for from, to := range map[string]string{"issuanceDate": "validFrom", "expirationDate": "validUntil"} {
						if d, ok := x[from]; ok {
							x[to] = d
							delete(x, from)
						}
					}
				}
				ctx := []any{credential.ContextV2}
				if credential.HasType(x, report.KindCLR) {
					ctx = append(ctx, "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")
				}
				x["@context"] = append(ctx, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(out)
	return out
}

// copyDoc deep-copies a decoded JSON document.
func copyDoc(t *testing.T, doc map[string]any) map[string]any {
	t.Helper()
	var cp func(v any) any
	cp = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			m := make(map[string]any, len(x))
			for k, e := range x {
				m[k] = cp(e)
			}
			return m
		case []any:
			l := make([]any, len(x))
			for i, e := range x {
				l[i] = cp(e)
			}
			return l
		}
		return v
	}
	return cp(doc).(map[string]any)
}

var pathToken = regexp.MustCompile(`[^.\[\]]+|\[\d+\]`)

// lookupPath returns the parent container and the key or index of a
// dotted path such as credentialSubject.result[1].type.
func lookupPath(doc map[string]any, path string) (parent any, key string) {
	toks := pathToken.FindAllString(path, -1)
	var cur any = doc
	for i, tok := range toks {
		if i == len(toks)-1 {
			return cur, tok
		}
		if strings.HasPrefix(tok, "[") {
			n, _ := strconv.Atoi(strings.Trim(tok, "[]"))
			cur = cur.([]any)[n]
		} else {
			cur = cur.(map[string]any)[tok]
		}
	}
	return nil, ""
}

// outside lists the vectors the published schemas cannot judge, and the
// only place their schema errors may be.
var outside = map[string]string{
	// CLR 2.0 with its credentials as VC-JWT strings, which 1EdTech's
	// validator verifies but the CLR schema types as objects.
	"validator/clr20/simple.jwt": "credentialSubject.verifiableCredential",
}

// TestAgreeCorpus: on every vector, the published schema and the built-in
// rules give the same verdict, except where the schema's bare-string
// `type` loophole lets a wrong type through; for those, writing the same
// wrong type as a list makes the schema fail too.
func TestAgreeCorpus(t *testing.T) {
	js := judges(t)
	loopholes := 0
	for _, v := range corpus(t) {
		n := normalize(t, v.doc)
		ps, _ := builtin(n)
		if got, want := strings.Join(paths(ps), " "), strings.Join(sorted(expectedProblems[v.name]), " "); got != want {
			t.Errorf("%s: normalising changed the problems: %q, want %q", v.name, got, want)
		}
		schemaErr := schemaFor(js, n).Validate(any(n))
		if where, ok := outside[v.name]; ok {
			var ve *jsonschema.ValidationError
			if !errors.As(schemaErr, &ve) {
				t.Errorf("%s: the published schema accepts it: %v", v.name, schemaErr)
				continue
			}
			errs, _ := leafErrors(ve)
			for _, e := range errs {
				if !strings.HasPrefix(e, where) {
					t.Errorf("%s: schema error outside %s: %s", v.name, where, e)
				}
			}
			continue
		}
		schemaOK := schemaErr == nil
		if schemaOK == (len(ps) == 0) {
			continue
		}
		if !schemaOK {
			t.Errorf("%s: the published schema rejects what the built-in rules accept: %v", v.name, schemaFor(js, n).Validate(any(n)))
			continue
		}
		// The schema passed a document the built-in rules reject: it must
		// be the bare-string type, and only that.
		loopholes++
		t.Logf("%s passes the schema by a bare-string type", v.name)
		wrapped := copyDoc(t, n)
		for _, p := range ps {
			parent, key := lookupPath(wrapped, p.Path)
			m, ok := parent.(map[string]any)
			s, isString := m[key].(string)
			if !ok || key != "type" || !isString {
				t.Errorf("%s: the schema passes, the built-in rules report %s", v.name, p.Text.English)
				continue
			}
			m[key] = []any{s}
		}
		if schemaFor(js, wrapped).Validate(any(wrapped)) == nil {
			t.Errorf("%s: the schema still passes with the wrong type written as a list", v.name)
		}
		if ws, _ := builtin(wrapped); strings.Join(paths(ws), " ") != strings.Join(paths(ps), " ") {
			t.Errorf("%s: the built-in rules changed their mind on a list type: %v", v.name, ws)
		}
	}
	if loopholes != 3 {
		// simple-err-evidence-type.json, -credential-subject-profile-type.json
		// and -credential-subject-achievement-result-description-type.json.
		t.Errorf("%d vectors pass the schema only by a bare-string type, want 3", loopholes)
	}
}

// keyPaths lists every object key of doc as a path, outside @context.
func keyPaths(v any, prefix string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == "@context" {
				continue
			}
			p := join(prefix, k)
			*out = append(*out, p)
			keyPaths(e, p, out)
		}
	case []any:
		for i, e := range x {
			keyPaths(e, fmt.Sprintf("%s[%d]", prefix, i), out)
		}
	}
}

// TestAgreeMutations removes each property of each valid vector in turn.
// Whenever the published schema then rejects the document, the built-in
// rules must reject it too, with exactly one message; whenever the schema
// accepts it, so must the rules, except for the one rule the schemas do
// not encode (OB 3.0 §B.1.4 / CLR 2.0: the subject needs an id or an
// identifier).
func TestAgreeMutations(t *testing.T) {
	js := judges(t)
	total, failing := 0, 0
	done := map[string]bool{} // the same credential signed two ways is mutated once
	for _, v := range corpus(t) {
		if len(expectedProblems[v.name]) > 0 || outside[v.name] != "" {
			continue
		}
		n := normalize(t, v.doc)
		unsigned := copyDoc(t, n)
		delete(unsigned, "proof")
		key, _ := json.Marshal(unsigned)
		if done[string(key)] {
			continue
		}
		done[string(key)] = true
		var keys []string
		keyPaths(n, "", &keys)
		for _, k := range keys {
			m := copyDoc(t, n)
			parent, key := lookupPath(m, k)
			delete(parent.(map[string]any), key)
			total++
			schemaErr := schemaFor(js, m).Validate(any(m))
			ps, _ := builtin(m)
			switch {
			case schemaErr != nil:
				failing++
				if len(ps) != 1 {
					t.Errorf("%s without %s: the schema fails, the built-in rules give %d messages: %v", v.name, k, len(ps), ps)
				}
			case len(ps) == 1 && strings.Contains(ps[0].Text.English, "named neither by an id nor by an identifier"):
			case key == "type" && len(ps) == 1 && ps[0].Path == k && isText(parent, true):
				// The adapted schemas allow a language map wherever a URI
				// may stand, so an issuer {"id": "https://…"} without its
				// type passes as a map from the language "id"
				// (Indonesian) to a string; OB 3.0 §B.2.9 requires the
				// Profile's type.
			case len(ps) != 0:
				t.Errorf("%s without %s: the schema passes, the built-in rules report %v", v.name, k, ps)
			}
		}
	}
	t.Logf("%d single-property deletions, %d of them rejected by the published schemas", total, failing)
	if total < 1000 || failing < 500 {
		t.Errorf("only %d deletions (%d failing): the corpus is smaller than expected", total, failing)
	}
}

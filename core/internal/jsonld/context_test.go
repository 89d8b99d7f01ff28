package jsonld

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
	"github.com/piprate/json-gold/ld"
)

func readJSON(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func bundledDoc(t *testing.T, url string) map[string]any {
	t.Helper()
	rd, err := Loader{}.LoadDocument(url)
	if err != nil {
		t.Fatal(err)
	}
	return rd.Document.(map[string]any)
}

// readManifest reads the manifest as encoding/json reads it into
// manifestEntry.
func TestManifestAsEncodingJSONReadsIt(t *testing.T) {
	raw, err := os.ReadFile("contexts/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Contexts []manifestEntry `json:"contexts"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	got, err := readManifest(raw)
	if err != nil || !reflect.DeepEqual(got, m.Contexts) {
		t.Errorf("readManifest: %v\n got %+v\nwant %+v", err, got, m.Contexts)
	}
	for _, bad := range []string{`{}`, `{"contexts": {}}`, `{"contexts": [1]}`, `{"contexts": [{"file": 1}]}`, `{"contexts": [{"urls": [1]}]}`} {
		if _, err := readManifest([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// The files on disk must hash to what manifest.json pins, and the manifest
// must list every file: this is what makes the pins mean something.
func TestManifestPinsEveryFile(t *testing.T) {
	var m struct {
		Contexts []manifestEntry `json:"contexts"`
	}
	raw, err := os.ReadFile("contexts/manifest.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{"manifest.json": true}
	for _, e := range m.Contexts {
		listed[e.File] = true
		b, err := os.ReadFile(filepath.Join("contexts", e.File))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != e.SHA256 {
			t.Errorf("%s: SHA-256 %s, manifest pins %s (run npm run contexts)", e.File, got, e.SHA256)
		}
		if len(e.URLs) == 0 || e.Source == "" {
			t.Errorf("%s: manifest entry without URLs or source", e.File)
		}
		written := map[string]string{
			"clr-":                  "written from the CLR 2.0 specification",
			"ob-v2p0-":              "written from the Open Badges 2.0 specification",
			"credentials-examples-": "written from the VC Data Model 2.0 specification (the context published at its URL)",
		}
		want := ""
		for prefix, src := range written {
			if strings.HasPrefix(e.File, prefix) {
				want = src
			}
		}
		if (want != "" || strings.HasPrefix(e.Source, "written")) && e.Source != want {
			t.Errorf("%s: unexpected source %q", e.File, e.Source)
		}
	}
	files, _ := filepath.Glob("contexts/*")
	for _, f := range files {
		if !listed[filepath.Base(f)] {
			t.Errorf("%s is not in the manifest", f)
		}
	}
	bundleDocs(t) // every file reads, and matches its pinned SHA-256
}

// bundleDocs reads every bundled context file (they are otherwise read when
// a document first names them) and returns the shared documents and the
// marked copies (graphs.go), by URL.
func bundleDocs(t testing.TB) (docs, marked map[string]any) {
	t.Helper()
	b := loadBundle()
	if b.err != nil {
		t.Fatal(b.err)
	}
	docs, marked = map[string]any{}, map[string]any{}
	for _, c := range b.contexts {
		f := b.file(c.URL)
		if f.err != nil {
			t.Fatal(f.err)
		}
		docs[c.URL] = f.doc
		if f.marked != nil {
			marked[c.URL] = f.marked
		}
	}
	return docs, marked
}

func TestContextsListsTheRequiredURLs(t *testing.T) {
	got := map[string]Context{}
	for _, c := range Contexts() {
		got[c.URL] = c
	}
	for _, u := range []string{
		"https://www.w3.org/2018/credentials/v1",
		"https://www.w3.org/ns/credentials/v2",
		"https://w3id.org/security/data-integrity/v1",
		"https://w3id.org/security/data-integrity/v2",
		"https://w3id.org/security/multikey/v1",
		"https://w3id.org/security/suites/ed25519-2020/v1",
		"https://www.w3.org/ns/did/v1",
		"https://www.w3.org/ns/credentials/status/v1",
		"https://w3id.org/vc/status-list/2021/v1",
		"https://purl.imsglobal.org/spec/ob/v3p0/context.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
		"https://purl.imsglobal.org/spec/clr/v2p0/context.json",
		"https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
		"https://w3id.org/openbadges/v2",
	} {
		c, ok := got[u]
		if !ok {
			t.Errorf("%s is not bundled", u)
			continue
		}
		if c.File == "" || c.Source == "" || len(c.SHA256) != 64 {
			t.Errorf("%s: incomplete %+v", u, c)
		}
	}
	if !sort.SliceIsSorted(Contexts(), func(i, j int) bool { return Contexts()[i].URL < Contexts()[j].URL }) {
		t.Error("Contexts() is not sorted by URL")
	}
}

// The Open Badges contexts come from the DCC npm package; they must equal,
// as JSON, the copies published in 1EdTech's specification repository.
func TestOpenBadgesContextsEqualPublishedCopies(t *testing.T) {
	for url, published := range map[string]string{
		"https://purl.imsglobal.org/spec/ob/v3p0/context.json":                               "ob-v3p0-context-3.0.0.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld":                     "ob-v3p0-context-3.0.0.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json":                         "ob-v3p0-context-3.0.1.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json":                         "ob-v3p0-context-3.0.2.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json":                         "ob-v3p0-context-3.0.3.json",
		"https://purl.imsglobal.org/spec/ob/v3p0/extensions.json":                            "ob-v3p0-extensions.json",
		"https://imsglobal.github.io/openbadges-specification/ob_v3p0.html":                  "ob-v3p0-context-beta-2022-05-18.json",
		"https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json": "ob-v3p0-context-beta-2022-05-18.json",
	} {
		want := readJSON(t, vectors.Read(t, "1edtech", "contexts", published))
		if got := bundledDoc(t, url); !reflect.DeepEqual(any(got), want) {
			t.Errorf("%s differs from the published %s", url, published)
		}
	}
}

// Our OB 2.0 context was written from the specification: it must map every
// term exactly as the published copy does, and define no other.
func TestOB2ContextMapsEveryPublishedTermTheSameWay(t *testing.T) {
	pub := readJSON(t, vectors.Read(t, "1edtech", "contexts", "ob-v2p0-context.json")).(map[string]any)["@context"].(map[string]any)
	ours, err := Definitions("https://w3id.org/openbadges/v2")
	if err != nil {
		t.Fatal(err)
	}
	for term, def := range pub {
		if !reflect.DeepEqual(ours[term], def) {
			t.Errorf("term %q: ours %v, published %v", term, ours[term], def)
		}
	}
	for term := range ours {
		if _, ok := pub[term]; !ok {
			t.Errorf("term %q is not in the published context", term)
		}
	}
	if _, err := newContext().Parse(ours); err != nil {
		t.Errorf("our OB 2.0 context does not process: %v", err)
	}
	if _, err := Definitions("https://example.org/not-bundled"); err == nil {
		t.Error("Definitions served a context that is not bundled")
	}
}

// Our CLR contexts were written from the specification. Every term of each
// published copy must have the same expanded definition in ours (IRI, type,
// container, reverse, protected, language, direction, prefix, nest, index),
// recursively through scoped contexts. Each is compared both alone and as
// it is used in a ClrCredential, after the VC v2 context and before the OB
// context that supplies "xsd:".
func TestCLRContextsMapEveryPublishedTermTheSameWay(t *testing.T) {
	for _, c := range []struct {
		published, url string
		exact          bool // ours defines no term the published copy lacks
	}{
		{"clr-v2p0-context-2.0.0.json", "https://purl.imsglobal.org/spec/clr/v2p0/context.json", true},
		{"clr-v2p0-context-2.0.1.json", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", true},
		// 1EdTech's copy before "partial" was added: ours is a superset.
		{"clr-v2p0-context-2.0.1-before-2025-03.json", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", false},
	} {
		t.Run(c.published, func(t *testing.T) {
			pub := readJSON(t, vectors.Read(t, "1edtech", "contexts", c.published)).(map[string]any)["@context"]
			ours := bundledDoc(t, c.url)["@context"]
			vc := bundledDoc(t, "https://www.w3.org/ns/credentials/v2")["@context"]
			ob := bundledDoc(t, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")["@context"]
			if _, err := newContext().Parse([]any{vc, ours, ob}); err != nil {
				t.Fatalf("our context does not process after VC v2 and before OB 3.0.3: %v", err)
			}
			diffs := contextDiffs(c.published+" alone", newContext(), pub, ours, c.exact)
			diffs = append(diffs, contextDiffs(c.published+" in a ClrCredential", newContext(), []any{vc, pub, ob}, []any{vc, ours, ob}, c.exact)...)
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
}

func newContext() *ld.Context {
	return ld.NewContext(nil, &ld.JsonLdOptions{ProcessingMode: ld.JsonLd_1_1, DocumentLoader: Loader{}})
}

// contextDiffs applies pub and ours on top of base and compares the term
// definitions of every term pub defines, then does the same for each scoped
// context, applied on top of the context it would be applied to in use. It
// returns the differences found.
func contextDiffs(where string, base *ld.Context, pub, ours any, exact bool) []string {
	pubCtx, errP := base.Parse(pub)
	ourCtx, errO := base.Parse(ours)
	if (errP == nil) != (errO == nil) {
		return []string{fmt.Sprintf("%s: processing differs: published %v, ours %v", where, errP, errO)}
	}
	if errP != nil {
		return nil
	}
	var diffs []string
	pubTerms, ourTerms := localTerms(pub), localTerms(ours)
	if exact && !reflect.DeepEqual(pubTerms, ourTerms) {
		diffs = append(diffs, fmt.Sprintf("%s: published defines %v, ours %v", where, pubTerms, ourTerms))
	}
	for _, term := range pubTerms {
		p, o := pubCtx.GetTermDefinition(term), ourCtx.GetTermDefinition(term)
		if p == nil || o == nil {
			diffs = append(diffs, fmt.Sprintf("%s: %q defined: published %v, ours %v", where, term, p != nil, o != nil))
			continue
		}
		pc, oc := *p, *o
		pc.Context, oc.Context = nil, nil
		if !reflect.DeepEqual(pc, oc) {
			diffs = append(diffs, fmt.Sprintf("%s: %q maps differently:\npublished %+v\nours      %+v", where, term, pc, oc))
		}
		if p.HasContext && o.HasContext {
			diffs = append(diffs, contextDiffs(where+" > "+term, pubCtx, p.Context, o.Context, exact)...)
		}
	}
	return diffs
}

// localTerms lists the terms a context value (an object, or an array of
// them) defines itself, for the CLR file in the middle of an array too.
func localTerms(ctx any) []string {
	seen := map[string]bool{}
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			for k := range x {
				if !strings.HasPrefix(k, "@") {
					seen[k] = true
				}
			}
		}
	}
	add(ctx)
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The CLR comparison must be able to fail: a one-character change in a
// scoped term's IRI is caught.
func TestCompareContextsCatchesADifference(t *testing.T) {
	pub := readJSON(t, vectors.Read(t, "1edtech", "contexts", "clr-v2p0-context-2.0.1.json")).(map[string]any)["@context"]
	changed := ld.CloneDocument(pub).(map[string]any)
	assoc := changed["Association"].(map[string]any)["@context"].(map[string]any)
	assoc["sourceId"].(map[string]any)["@type"] = "xsd:anyURl"
	if len(contextDiffs("probe", newContext(), pub, changed, true)) == 0 {
		t.Error("a changed @type in a scoped context went unnoticed")
	}
	missing := ld.CloneDocument(pub).(map[string]any)
	delete(missing["ClrCredential"].(map[string]any)["@context"].(map[string]any), "partial")
	if len(contextDiffs("probe", newContext(), pub, missing, false)) == 0 {
		t.Error("a missing scoped term went unnoticed")
	}
}

func TestBundledContextsHaveNoImport(t *testing.T) {
	// Canonicalize shares parsed contexts unless the document itself has an
	// "@import"; a bundled context with one would need the same care.
	for _, c := range Contexts() {
		b, err := contextFiles.ReadFile("contexts/" + c.File)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `"@import"`) {
			t.Errorf("%s uses @import", c.File)
		}
	}
}

func TestLoaderRefusesUnknownURLs(t *testing.T) {
	for _, u := range []string{
		"https://example.com/context.json",
		"http://www.w3.org/ns/credentials/v2", // http, not https: not the same URL
		"https://www.w3.org/ns/credentials/v2#",
		"",
	} {
		_, err := Loader{}.LoadDocument(u)
		var unknown *UnknownContextError
		if !errors.As(err, &unknown) || unknown.URL != u {
			t.Errorf("%q: got %v, want an UnknownContextError", u, err)
			continue
		}
		if !strings.Contains(err.Error(), "never fetched") || !strings.Contains(err.Error(), u) {
			t.Errorf("message %q should name the URL and say contexts are never fetched", err)
		}
	}
}

func TestZeroLoaderHandsOutPrivateCopies(t *testing.T) {
	const u = "https://www.w3.org/ns/credentials/v2"
	a := bundledDoc(t, u)
	a["@context"].(map[string]any)["injected"] = "https://example.com/x"
	if _, found := bundledDoc(t, u)["@context"].(map[string]any)["injected"]; found {
		t.Error("a change to one loaded document showed up in the next")
	}
	if _, found := loadBundle().file(u).doc.(map[string]any)["@context"].(map[string]any)["injected"]; found {
		t.Error("a change to a loaded document reached the shared copy")
	}
}

// Canonicalize shares one parsed copy of each context between calls. After
// canonicalizing credentials that exercise scoped and protected contexts,
// every shared document must still equal a fresh parse of its file.
func TestSharedContextsStayUnmodified(t *testing.T) {
	for _, f := range [][]string{
		{"spec-test-vectors", "obv3p0", "credential-signed.json"},
		{"spec-test-vectors", "clrv2p0", "credential-signed.json"},
		{"validator", "ob30", "complete.json"},
		{"validator", "ob30", "simple_v1.json"},
		{"validator", "clr20", "complex.json"},
	} {
		doc := readJSON(t, vectors.Read(t, append([]string{"1edtech"}, f...)...))
		if _, err := Canonicalize(doc); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
	}
	// A presentation, which uses the marked VC 2.0 context.
	if _, err := Canonicalize(readJSON(t, readFile(t, "testdata/vp2-two.json"))); err != nil {
		t.Fatal(err)
	}
	// A document importing a bundled context and adding a term to it.
	imp := map[string]any{
		"@context": map[string]any{"@import": "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "extra": "https://example.com/extra"},
		"@id":      "https://example.com/s",
		"extra":    "x",
	}
	if _, err := Canonicalize(imp); err != nil {
		t.Fatal(err)
	}
	b := loadBundle()
	docs, marked := bundleDocs(t)
	for _, c := range b.contexts {
		raw, err := contextFiles.ReadFile("contexts/" + c.File)
		if err != nil {
			t.Fatal(err)
		}
		fresh := readJSON(t, raw)
		if !reflect.DeepEqual(docs[c.URL], fresh) {
			t.Errorf("the shared copy of %s was modified", c.URL)
		}
		if m, ok := marked[c.URL]; ok {
			g := &graphMarks{prefix: b.graphs.prefix, iris: make(map[string]bool)}
			if _, err := g.markContext(fresh.(map[string]any)["@context"]); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(m, fresh) {
				t.Errorf("the shared marked copy of %s was modified", c.URL)
			}
		}
	}
}

// Why "@import" gets a private copy: json-gold merges the importing context
// into the document the loader handed out.
func TestImportModifiesTheLoadedDocument(t *testing.T) {
	private := ld.CloneDocument(bundledDoc(t, "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"))
	loader := loaderFunc(func(string) (*ld.RemoteDocument, error) {
		return &ld.RemoteDocument{DocumentURL: "https://example.com/imported", Document: private}, nil
	})
	ctx := ld.NewContext(nil, &ld.JsonLdOptions{ProcessingMode: ld.JsonLd_1_1, DocumentLoader: loader})
	if _, err := ctx.Parse(map[string]any{"@import": "https://example.com/imported", "extra": "https://example.com/extra"}); err != nil {
		t.Fatal(err)
	}
	if _, added := private.(map[string]any)["@context"].(map[string]any)["extra"]; !added {
		t.Skip("json-gold no longer modifies imported contexts; Loader's private copies could go")
	}
}

type loaderFunc func(string) (*ld.RemoteDocument, error)

func (f loaderFunc) LoadDocument(u string) (*ld.RemoteDocument, error) { return f(u) }

// A context file is read when a document first names it, by whichever
// verification gets there first (the CLI runs several at once): readers
// racing for the files get the same documents, each frozen before it is
// handed out (run under -race by make test).
func TestContextFilesReadConcurrently(t *testing.T) {
	b, err := readBundle()
	if err != nil {
		t.Fatal(err)
	}
	got := make([]map[string]any, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[string]any{}
			// Each reader starts elsewhere, so that they meet on different files.
			for j := range b.contexts {
				c := b.contexts[(j+i*len(b.contexts)/len(got))%len(b.contexts)]
				f := b.file(c.URL)
				if f.err != nil {
					t.Error(f.err)
					return
				}
				for _, d := range []any{f.doc, f.marked} {
					if m, ok := d.(map[string]any); ok && !b.immutable(m) {
						t.Errorf("%s handed out before it was frozen", c.URL)
					}
				}
				seen[c.URL] = f.doc
			}
			got[i] = seen
		}()
	}
	wg.Wait()
	for _, m := range got[1:] {
		for u, d := range m {
			if reflect.ValueOf(d).Pointer() != reflect.ValueOf(got[0][u]).Pointer() {
				t.Errorf("%s was read twice", u)
			}
		}
	}
}

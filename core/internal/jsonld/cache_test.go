package jsonld

import (
	"crypto"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/piprate/json-gold/ld"
)

// json-gold's processed-context cache (third_party/json-gold, PATCH.md) must
// change nothing: on every JSON document the project has, the expanded form
// and the canonical N-Quads with the cache are those of json-gold as
// published (no cache), and the cached contexts are never modified.

type corpusDoc struct {
	name string
	doc  any
}

// cacheCorpus is corpus(t) with each document's variants, in a fixed order.
func cacheCorpus(t *testing.T) []corpusDoc {
	t.Helper()
	var out []corpusDoc
	for name, doc := range corpus(t) {
		for n, v := range variants(name, doc) {
			out = append(out, corpusDoc{n, v})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	if len(out) < 100 {
		t.Fatalf("only %d documents in the corpus", len(out))
	}
	return out
}

// sameWithAndWithoutCache compares expansion and canonicalization of doc
// with the cache and without; it returns a description of the difference.
func sameWithAndWithoutCache(doc any) string {
	ref, _, refErr := expandChecked(ld.CloneDocument(doc), false)
	got, _, gotErr := expandChecked(ld.CloneDocument(doc), true)
	if !sameError(refErr, gotErr) {
		return "expansion: error " + errString(gotErr) + ", json-gold as published: " + errString(refErr)
	}
	if !reflect.DeepEqual(ref, got) {
		return "the expanded forms differ"
	}
	refNQ, refErr := canonicalizeWith(ld.CloneDocument(doc), crypto.SHA256, false)
	gotNQ, gotErr := canonicalizeWith(ld.CloneDocument(doc), crypto.SHA256, true)
	if !sameError(refErr, gotErr) {
		return "canonicalization: error " + errString(gotErr) + ", json-gold as published: " + errString(refErr)
	}
	if string(refNQ) != string(gotNQ) {
		return "the N-Quads differ:\n" + string(gotNQ) + "\njson-gold as published:\n" + string(refNQ)
	}
	return ""
}

// sameError compares two refusals. Refusing is the verdict that counts, as
// in FuzzToRDF: a document with several bad values is refused for the first
// one met in map order, which varies from run to run with or without the
// cache, and json-gold words one fault several ways. So any two refusals
// are the same; a refusal and a success are not.
func sameError(a, b error) bool {
	return (a == nil) == (b == nil)
}

func errString(err error) string {
	if err == nil {
		return "none"
	}
	return err.Error()
}

func TestContextCacheChangesNothing(t *testing.T) {
	docs := cacheCorpus(t)
	// Twice, so that the second pass runs on a warm cache filled by the
	// whole corpus, in another order.
	for pass := range 2 {
		for i := range docs {
			d := docs[i]
			if pass == 1 {
				d = docs[len(docs)-1-i]
			}
			if diff := sameWithAndWithoutCache(d.doc); diff != "" {
				t.Errorf("%s (pass %d): %s", d.name, pass+1, diff)
			}
		}
	}
}

// snapshot is a deep copy (as JSON) of every context the cache holds.
func snapshot(t *testing.T) map[*ld.Context]string {
	t.Helper()
	out := make(map[*ld.Context]string)
	for _, c := range loadBundle().cache.Contexts() {
		b, err := json.Marshal(c.AsMap())
		if err != nil {
			t.Fatal(err)
		}
		out[c] = string(b)
	}
	return out
}

func TestCachedContextsStayUnmodified(t *testing.T) {
	docs := cacheCorpus(t)
	for _, d := range docs {
		_, _ = Canonicalize(d.doc)
	}
	before := snapshot(t)
	if len(before) < 5 {
		t.Fatalf("only %d contexts cached", len(before))
	}
	shared, markedDocs := bundleDocs(t)
	bundled := ld.CloneDocument(shared)
	marked := ld.CloneDocument(markedDocs)
	for _, d := range docs {
		_, _ = Canonicalize(d.doc)
	}
	after := snapshot(t)
	for c, want := range before {
		if after[c] != want {
			t.Errorf("a cached context changed:\nbefore %s\nafter  %s", want, after[c])
		}
	}
	if !reflect.DeepEqual(bundled, ld.CloneDocument(shared)) || !reflect.DeepEqual(marked, ld.CloneDocument(markedDocs)) {
		t.Error("a bundled context document changed")
	}
	t.Logf("%d contexts cached, %d documents", len(after), len(docs))
}

// A credential's own context objects are never cached: only the bundle's.
func TestOwnContextsAreNotCached(t *testing.T) {
	b := loadBundle()
	own := map[string]any{"@vocab": "https://example.com/"}
	if b.immutable(own) || b.immutable("https://example.com/context.json") || b.immutable(nil) {
		t.Error("a value from outside the bundle counts as immutable")
	}
	if !b.immutable("https://www.w3.org/ns/credentials/v2") {
		t.Error("a bundled URL does not count as immutable")
	}
	doc := map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2", own},
		"type":     "VerifiableCredential",
		"name":     "n",
	}
	n := len(b.cache.Contexts())
	if diff := sameWithAndWithoutCache(doc); diff != "" {
		t.Error(diff)
	}
	for _, c := range b.cache.Contexts() {
		if v := c.Values.Vocab; v != nil && *v == "https://example.com/" {
			t.Errorf("a context built from the document's own object was cached (%d before)", n)
		}
	}
}

func FuzzContextCache(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.json")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(sampleCredential))
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		if diff := sameWithAndWithoutCache(doc); diff != "" {
			t.Error(diff)
		}
	})
}

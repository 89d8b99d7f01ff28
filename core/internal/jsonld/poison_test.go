package jsonld

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ring is n blank nodes in a cycle, all alike: every first-degree hash is
// the same (RDFC-1.0 §7 "dataset poisoning").
func ring(n int) []cquad {
	var qs []cquad
	for i := 0; i < n; i++ {
		qs = append(qs, cquad{text: [4]string{fmt.Sprint("r", i), "<http://example.org/next>", fmt.Sprint("r", (i+1)%n), ""}, blank: [4]bool{true, false, true, false}})
	}
	return qs
}

// twinChains is two identical chains of n blank nodes: groups of two, but
// each hash recurses along the whole chain, copying a growing issuer.
func twinChains(n int) []cquad {
	var qs []cquad
	for _, c := range []string{"a", "b"} {
		for i := 0; i+1 < n; i++ {
			qs = append(qs, cquad{text: [4]string{fmt.Sprint(c, i), "<http://example.org/next>", fmt.Sprint(c, i+1), ""}, blank: [4]bool{true, false, true, false}})
		}
	}
	return qs
}

// TestPoisonRefusedBeforeWork: graphs whose least possible Hash N-Degree
// Quads work passes the caps are refused before any of it is done.
func TestPoisonRefusedBeforeWork(t *testing.T) {
	for name, qs := range map[string][]cquad{"ring of 50,000": ring(50000), "ring of 300": ring(300), "twin chains of 5,000": twinChains(5000)} {
		c := newCanonicalizer()
		_, err := c.run(qs)
		var le *LimitError
		if !errors.As(err, &le) {
			t.Errorf("%s: %v, want a LimitError", name, err)
		}
		if c.work != 0 || c.copies != 0 {
			t.Errorf("%s: refused after %d units of work and %d copies, want before any", name, c.work, c.copies)
		}
	}
	// Small symmetric graphs still canonicalize.
	for name, qs := range map[string][]cquad{"ring of 40": ring(40), "twin chains of 100": twinChains(100)} {
		c := newCanonicalizer()
		if _, err := c.run(qs); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestRepeatedQuadsCountOnce: a dataset is a set of quads, so a quad given
// twice (here: every one, and in another order) canonicalizes as if given
// once, and the quads handed in are left as they were.
func TestRepeatedQuadsCountOnce(t *testing.T) {
	once := twinChains(3)
	want, err := newCanonicalizer().run(once)
	if err != nil {
		t.Fatal(err)
	}
	twice := append(slices.Clone(once), once[len(once)/2:]...)
	twice = append(twice, once[:len(once)/2]...)
	given := slices.Clone(twice)
	got, err := newCanonicalizer().run(twice)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("with repeats: %v\n%s\nwant\n%s", err, got, want)
	}
	if !slices.Equal(twice, given) {
		t.Error("the quads handed in were changed")
	}
}

// TestLongIRIsCheckedOncePerDocument: an IRI too long for the memos, named
// by a term on every one of many nodes, is checked and written as N-Quads
// once per document, not once per use (a 160 KB credential of this shape
// took seconds and half a GB when it was).
func TestLongIRIsCheckedOncePerDocument(t *testing.T) {
	long := "https://example.com/" + strings.Repeat("a", 4*maxMemoKey)
	nodes := make([]any, 500)
	for i := range nodes {
		nodes[i] = map[string]any{"t": fmt.Sprint(i)}
	}
	doc := map[string]any{
		"@context": map[string]any{"t": long, "list": "https://example.com/list"},
		"@id":      "https://example.com/s",
		"list":     nodes,
	}
	checks, refs := 0, 0
	checkF, refF := iriCache.f, refCache.f
	defer func() { iriCache.f, refCache.f = checkF, refF }()
	iriCache.f = func(s string) iriCheck {
		if s == long {
			checks++
		}
		return checkF(s)
	}
	refCache.f = func(s string) iriRefResult {
		if s == long {
			refs++
		}
		return refF(s)
	}
	quads, err := toQuads(doc, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(quads) != 2*len(nodes) {
		t.Errorf("%d quads, want %d", len(quads), 2*len(nodes))
	}
	if checks != 1 || refs != 1 {
		t.Errorf("the long IRI was checked %d times and written %d times, want once each", checks, refs)
	}
}

package jsonld

// Graph containers whose term has a scoped context of null.
//
// The VC 2.0 context defines a presentation's verifiableCredential as
// {"@id": …#verifiableCredential, "@type": "@id", "@container": "@graph",
// "@context": null}: each embedded credential becomes a named graph of its
// own, expanded under its own @context alone. JSON-LD 1.1 API §5.1.2
// (Expansion Algorithm) step 13.13 wraps the values in graph objects when
// "the container mapping of key in active context" includes @graph.
// json-gold v0.9.1 reads the container mapping from the term context
// instead, the active context after the term's scoped context is applied;
// the null scoped context has removed the term there, so json-gold leaves
// the credential's statements in the default graph and links the
// credential's id directly. jsonld.js, on which Digital Bazaar's signers are
// built, follows the specification, so a presentation it signs could not be
// verified here.
//
// json-gold is not forked. Instead Canonicalize's loader serves each bundled
// context that has such a term with the term's definition marked: its @id
// becomes a private mark followed by the IRI, and @graph leaves its
// container; type coercion and the scoped context stay as written. json-gold
// then expands the value exactly as before (under the same term context,
// which lacks the term whether or not it is marked) and stores it under the
// marked IRI, in the node where the active context defined the term: the one
// fact json-gold loses. unmarkGraphs renames the property back and wraps each
// value in a graph object, which is step 13.13.
//
// The mark is sound only for this form: with a scoped context of null,
// json-gold's term context never holds the term, so json-gold never wraps the
// value itself. A bundled term definition with a scoped context and a
// container mapping or @reverse in any other form (json-gold consults the
// term context for those too) makes that context fail to load, and
// TestManifestPinsEveryFile with it, so that a new context cannot be
// mishandled unnoticed.

import (
	"crypto/rand"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// GraphValueError reports a value of a graph-container property, such as a
// VC 2.0 presentation's verifiableCredential, that is not a node with
// statements of its own: a string, a literal, a list, an empty object or a
// bare reference ({"id": …}). The named graph it would become says nothing,
// so none of it would be signed; jsonld.js drops such a value, and in the
// safe mode Data Integrity uses refuses the document.
type GraphValueError struct {
	// Property is the expanded IRI of the property.
	Property string
}

func (e *GraphValueError) Error() string {
	return fmt.Sprintf("a value of %q is not an object with statements of its own, so it would not be signed", e.Property)
}

// graphMarks holds the mark and the IRIs of the marked terms.
type graphMarks struct {
	// prefix starts every marked IRI. Its random part keeps a document from
	// writing a marked IRI itself; "://" makes JSON-LD IRI expansion treat it
	// as an absolute IRI whatever prefixes a document defines (JSON-LD 1.1
	// API §5.2.2 step 6.2), like the bundled "https://" IRIs it precedes.
	prefix string
	// iris grows as the bundled context files are read, on first use, by
	// whichever verification needs them first (contexts.go).
	mu   sync.RWMutex
	iris map[string]bool
}

func newGraphMarks() *graphMarks {
	return &graphMarks{prefix: "clearbadge-graph-container://" + rand.Text() + "/", iris: make(map[string]bool)}
}

// markContext marks, in place, every term definition of the context value
// ctx (a context document's "@context": a map, an array, a URL or null) that
// has a graph container and a scoped context of null, and refuses the other
// forms json-gold mishandles (see above). It reports whether it marked any.
func (g *graphMarks) markContext(ctx any) (bool, error) {
	return g.mark(ctx, true)
}

// mark is markContext, changing nothing unless apply: without it, it only
// reports whether markContext would mark a term, or refuse.
func (g *graphMarks) mark(ctx any, apply bool) (bool, error) {
	changed := false
	switch c := ctx.(type) {
	case []any:
		for _, e := range c {
			ch, err := g.mark(e, apply)
			if err != nil {
				return false, err
			}
			changed = changed || ch
		}
	case map[string]any:
		for term, v := range c {
			def, ok := v.(map[string]any)
			if !ok || strings.HasPrefix(term, "@") {
				continue
			}
			scoped, hasScoped := def["@context"]
			if !hasScoped {
				continue
			}
			ch, err := g.mark(scoped, apply)
			if err != nil {
				return false, err
			}
			changed = changed || ch
			_, hasContainer := def["@container"]
			_, hasReverse := def["@reverse"]
			if !hasContainer && !hasReverse {
				continue
			}
			iri, rest, ok := nullScopedGraph(def)
			if !ok {
				return false, fmt.Errorf("the term %q has a scoped context together with a container or @reverse in a form json-gold expands wrongly and Canonicalize does not correct (see graphs.go)", term)
			}
			changed = true
			if !apply {
				continue
			}
			def["@id"] = g.prefix + iri
			if len(rest) == 0 {
				delete(def, "@container")
			} else {
				def["@container"] = rest
			}
			g.mu.Lock()
			g.iris[iri] = true
			g.mu.Unlock()
		}
	}
	return changed, nil
}

// nullScopedGraph reports whether def is the form marking handles: a scoped
// context of null, a container of @graph alone or with @set, no @reverse or
// @prefix, and an @id that is an absolute IRI as written (the mark is put in
// front of it, so it must not need expanding). It returns the IRI and the
// container without @graph.
func nullScopedGraph(def map[string]any) (iri string, rest []any, ok bool) {
	if def["@context"] != nil {
		return "", nil, false
	}
	if _, has := def["@reverse"]; has {
		return "", nil, false
	}
	if _, has := def["@prefix"]; has {
		return "", nil, false
	}
	iri, _ = def["@id"].(string)
	if i := strings.Index(iri, ":"); i <= 0 || !strings.HasPrefix(iri[i+1:], "//") {
		return "", nil, false
	}
	container := def["@container"]
	if s, isString := container.(string); isString {
		container = []any{s}
	}
	list, _ := container.([]any)
	graph := false
	for _, c := range list {
		switch c {
		case "@graph":
			graph = true
		case "@set":
			rest = append(rest, c)
		default:
			return "", nil, false
		}
	}
	return iri, rest, graph
}

// unmarkGraphs undoes the marks in json-gold's expanded output, in place.
// A property under a marked term's IRI gets the term's IRI back, each value
// wrapped in a graph object (JSON-LD 1.1 API §5.1.2 step 13.13). The mark met
// anywhere else (a type, or an IRI derived from the term's, such as an @id
// mapped through the vocabulary) is dropped, leaving the IRI jsonld.js
// produces. @json literals are left alone: their content is the document's.
func (g *graphMarks) unmarkGraphs(expanded []any) error {
	return g.element(expanded)
}

func (g *graphMarks) element(v any) error {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if err := g.element(e); err != nil {
				return err
			}
		}
	case map[string]any:
		if _, ok := x["@value"]; ok {
			if t, ok := x["@type"].(string); ok {
				if u, marked := strings.CutPrefix(t, g.prefix); marked {
					x["@type"] = u
				}
			}
			return nil
		}
		if l, ok := x["@list"]; ok {
			return g.element(l)
		}
		return g.node(x)
	}
	return nil
}

func (g *graphMarks) iri(s string) string {
	return strings.TrimPrefix(s, g.prefix)
}

func (g *graphMarks) node(x map[string]any) error {
	// Only a marked IRI is written back: storing a string in an any
	// allocates, and most IRIs carry no mark.
	if id, ok := x["@id"].(string); ok {
		if u, marked := strings.CutPrefix(id, g.prefix); marked {
			x["@id"] = u
		}
	}
	switch t := x["@type"].(type) {
	case string:
		if u, marked := strings.CutPrefix(t, g.prefix); marked {
			x["@type"] = u
		}
	case []any:
		for i, e := range t {
			if s, ok := e.(string); ok {
				if u, marked := strings.CutPrefix(s, g.prefix); marked {
					t[i] = u
				}
			}
		}
	}
	for _, k := range [...]string{"@graph", "@included"} {
		if err := g.element(x[k]); err != nil {
			return err
		}
	}
	if r, ok := x["@reverse"].(map[string]any); ok {
		if err := g.properties(r); err != nil {
			return err
		}
	}
	return g.properties(x)
}

// properties unmarks the properties (the keys not starting with "@") of a
// node object or of its @reverse map.
func (g *graphMarks) properties(x map[string]any) error {
	var marked []string
	for k, v := range x {
		if strings.HasPrefix(k, "@") {
			continue
		}
		if err := g.element(v); err != nil {
			return err
		}
		if strings.HasPrefix(k, g.prefix) {
			marked = append(marked, k)
		}
	}
	sort.Strings(marked)
	for _, k := range marked {
		values, ok := x[k].([]any)
		if !ok {
			values = []any{x[k]}
		}
		delete(x, k)
		iri := g.iri(k)
		g.mu.RLock()
		graph := g.iris[iri]
		g.mu.RUnlock()
		if graph {
			for i, v := range values {
				if !hasStatements(v) {
					return &GraphValueError{Property: iri}
				}
				values[i] = map[string]any{"@graph": []any{v}}
			}
		}
		// Another key may expand to the same IRI (JSON-LD 1.1 API §5.1.2
		// step 13.16 appends to what is there).
		existing, _ := x[iri].([]any)
		x[iri] = append(existing, values...)
	}
	return nil
}

// hasStatements is the test by which jsonld.js keeps a value it is about to
// put into a graph object (its _dropUnsafeObject): an expanded object that is
// not empty, not a value or list object, and not an @id alone.
func hasStatements(v any) bool {
	m, ok := v.(map[string]any)
	if !ok || len(m) == 0 {
		return false
	}
	if _, ok := m["@value"]; ok {
		return false
	}
	if _, ok := m["@list"]; ok {
		return false
	}
	_, id := m["@id"]
	return !(len(m) == 1 && id)
}

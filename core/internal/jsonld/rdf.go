package jsonld

// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §6.2), written here in place
// of json-gold's ToRDF. json-gold checks every IRI of every statement with a
// large URL regular expression and drops the statements it rejects; that
// check was most of its conversion's cost (more in WebAssembly), and the
// dropping is not in the specification, so Canonicalize had to detect it
// afterwards. Here the expanded document, already checked by iriChecker, is
// turned straight into the quads rdfc.go canonicalizes.
//
// The node map of §6.1 (Node Map Generation) is not built: it merges the
// statements about one node from wherever the node appears, but a dataset is
// a set of quads, so emitting each statement where it is found and leaving
// duplicates to canonicalize gives the same dataset. The one observable
// effect of the merge, the conflicting indexes error of §6.1 step 6.6
// (Node Map Generation, "@index"), is kept by remembering each node's
// @index.

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/piprate/json-gold/ld"
)

const (
	rdfType    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	rdfFirst   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
	rdfRest    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
	rdfNil     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
	rdfJSON    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
	xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean"
	xsdInteger = "http://www.w3.org/2001/XMLSchema#integer"
	xsdDouble  = "http://www.w3.org/2001/XMLSchema#double"
)

// term is one component of a quad as cquad holds it: a blank node
// identifier without "_:", or the canonical N-Quads form of an IRI or
// literal; the zero term is the default graph.
type term struct {
	text  string
	blank bool
	// invalid is why N-Quads cannot write the IRI; it matters only if the
	// term ends up in a quad.
	invalid error
}

// toRDF returns the quads of an expanded document whose IRIs iriChecker has
// accepted.
type toRDF struct {
	quads []cquad
	// labels maps the document's blank node identifiers to fresh ones, so
	// they cannot collide with those made for nodes without @id (§6.1 step
	// 6.1 relabels every blank node the same way).
	labels map[string]string
	next   int
	// bad is the first IRI in a quad that N-Quads cannot write. It is
	// reported after the whole document is converted, so that the
	// conflicting indexes error and Canonicalize's URL check come first, as
	// they did when json-gold converted the document and rdfc.go wrote its
	// quads.
	bad error
	// indexes holds each node's @index, per graph (§6.1 step 6.6).
	indexes map[[2]term]string
	// long holds the answers refCache does not keep (see memo.getLocal).
	long map[string]iriRefResult
}

func newToRDF() *toRDF {
	return &toRDF{labels: make(map[string]string), indexes: make(map[[2]term]string)}
}

func (w *toRDF) fresh() term {
	w.next++
	return term{text: "b" + strconv.Itoa(w.next-1), blank: true}
}

// node returns the term for an identifier: a blank node for "_:…", else
// the IRI (§6.2.2 Object to RDF Conversion, step 3).
func (w *toRDF) node(id string) term {
	if strings.HasPrefix(id, "_:") {
		l, ok := w.labels[id]
		if !ok {
			l = w.fresh().text
			w.labels[id] = l
		}
		return term{text: l, blank: true}
	}
	return w.iri(id)
}

func (w *toRDF) iri(s string) term {
	r, _ := refCache.getLocal(s, &w.long)
	return term{text: r.text, invalid: r.err}
}

// iriRefResult is what iriRef gives for an IRI.
type iriRefResult struct {
	text string
	err  error
}

// refCache remembers iriRef's answers across verifications (see memo): each
// was a new "<…>" string per IRI per verification.
var refCache = memo[iriRefResult]{f: func(s string) iriRefResult {
	text, err := iriRef(s)
	return iriRefResult{text, err}
}, max: 4096}

func (w *toRDF) emit(s, p, o, g term) {
	for _, t := range [...]term{s, p, o, g} {
		if t.invalid != nil && w.bad == nil {
			w.bad = t.invalid
		}
	}
	w.quads = append(w.quads, cquad{text: [4]string{s.text, p.text, o.text, g.text}, blank: [4]bool{s.blank, false, o.blank, g.blank}})
}

// elements converts a list of expanded elements in graph g; only node
// objects say anything there (expansion drops free-floating values).
func (w *toRDF) elements(v any, g term) error {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	for _, e := range list {
		if m, ok := e.(map[string]any); ok && !isValue(m) && !isList(m) {
			if _, err := w.nodeObject(m, g); err != nil {
				return err
			}
		}
	}
	return nil
}

func isValue(m map[string]any) bool { _, ok := m["@value"]; return ok }
func isList(m map[string]any) bool  { _, ok := m["@list"]; return ok }

// nodeObject writes the statements of a node object in graph g and returns
// the node's term.
func (w *toRDF) nodeObject(m map[string]any, g term) (term, error) {
	var subject term
	if id, ok := m["@id"].(string); ok {
		subject = w.node(id)
	} else {
		subject = w.fresh()
	}
	if idx, ok := m["@index"]; ok {
		s, _ := idx.(string)
		key := [2]term{g, subject}
		if prev, seen := w.indexes[key]; seen && prev != s {
			return term{}, fmt.Errorf("jsonld: %w", ld.NewJsonLdError(ld.ConflictingIndexes, "conflicting @index property detected"))
		}
		w.indexes[key] = s
	}
	for k, v := range m {
		switch k {
		case "@type":
			p := w.iri(rdfType)
			types, ok := v.([]any)
			if !ok {
				types = []any{v}
			}
			for _, t := range types {
				s, _ := t.(string)
				w.emit(subject, p, w.node(s), g)
			}
		case "@reverse":
			// Each reverse property makes the value the subject (§6.1
			// step 6.7).
			rev, _ := v.(map[string]any)
			for prop, values := range rev {
				p, err := w.predicate(prop)
				if err != nil {
					return term{}, err
				}
				list, ok := values.([]any)
				if !ok {
					list = []any{values}
				}
				for _, e := range list {
					n, ok := e.(map[string]any)
					if !ok || isValue(n) || isList(n) {
						continue // expansion refuses these
					}
					o, err := w.nodeObject(n, g)
					if err != nil {
						return term{}, err
					}
					w.emit(o, p, subject, g)
				}
			}
		case "@graph":
			// A graph object's statements form the graph named by its
			// node (§6.1 step 6.8).
			if err := w.elements(v, subject); err != nil {
				return term{}, err
			}
		case "@included":
			if err := w.elements(v, g); err != nil {
				return term{}, err
			}
		default:
			if strings.HasPrefix(k, "@") {
				continue
			}
			p, err := w.predicate(k)
			if err != nil {
				return term{}, err
			}
			values, ok := v.([]any)
			if !ok {
				values = []any{v}
			}
			for _, e := range values {
				o, err := w.object(e, g)
				if err != nil {
					return term{}, err
				}
				w.emit(subject, p, o, g)
			}
		}
	}
	return subject, nil
}

func (w *toRDF) predicate(p string) (term, error) {
	if strings.HasPrefix(p, "_:") {
		// Generalized RDF (§6.2 step 1.3.2.3); iriChecker refuses it first.
		return term{}, &InvalidIRIError{Value: p}
	}
	return w.iri(p), nil
}

// object is Object to RDF Conversion (§6.2.2), with lists (§6.2.3) and
// embedded node objects written as they are met.
func (w *toRDF) object(v any, g term) (term, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return term{}, fmt.Errorf("jsonld: unexpected %T in an expanded document", v)
	}
	if isValue(m) {
		return w.literal(m)
	}
	if l, ok := m["@list"]; ok {
		items, ok := l.([]any)
		if !ok {
			items = []any{l}
		}
		return w.list(items, g)
	}
	return w.nodeObject(m, g)
}

// list is List Conversion (§6.2.3): an rdf:first/rdf:rest chain of fresh
// blank nodes ending in rdf:nil, or rdf:nil itself when empty.
func (w *toRDF) list(items []any, g term) (term, error) {
	nilTerm := w.iri(rdfNil)
	if len(items) == 0 {
		return nilTerm, nil
	}
	first, rest := w.iri(rdfFirst), w.iri(rdfRest)
	head := w.fresh()
	s := head
	for i, e := range items {
		o, err := w.object(e, g)
		if err != nil {
			return term{}, err
		}
		w.emit(s, first, o, g)
		next := nilTerm
		if i < len(items)-1 {
			next = w.fresh()
		}
		w.emit(s, rest, next, g)
		s = next
	}
	return head, nil
}

// literal converts a value object (§6.2.2 steps 4-13). Numbers follow
// json-gold, which every credential verified so far was canonicalized by:
// an integral number within the int64 range is an xsd:integer, any other an
// xsd:double in the canonical form of XML Schema ("7.5E0", "1.0E-7"). The
// specification draws the integer line at 10^21 instead; numbers between
// 2^63 and 10^21 do not occur in credentials.
func (w *toRDF) literal(m map[string]any) (term, error) {
	value := m["@value"]
	datatype, _ := m["@type"].(string)
	var lexical, lang string
	if datatype == "@json" {
		// Step 7: the JSON canonical form (RFC 8785) of the value, whatever
		// its type.
		var b strings.Builder
		if err := writeJCS(&b, value); err != nil {
			return term{}, err
		}
		lexical, datatype = b.String(), rdfJSON
	} else {
		if n, ok := value.(json.Number); ok {
			f, err := n.Float64()
			if err != nil {
				return term{}, fmt.Errorf("jsonld: the number %s cannot be converted to RDF", n)
			}
			value = f
		}
		switch x := value.(type) {
		case bool:
			lexical = strconv.FormatBool(x)
			if datatype == "" {
				datatype = xsdBoolean
			}
		case float64:
			if isInteger(x) && datatype != xsdDouble {
				lexical = strconv.FormatInt(int64(x), 10)
				if datatype == "" {
					datatype = xsdInteger
				}
			} else {
				lexical = canonicalDouble(x)
				if datatype == "" {
					datatype = xsdDouble
				}
			}
		case string:
			lexical = x
			if l, ok := m["@language"].(string); ok {
				lang = l
				if datatype == "" {
					datatype = rdfLangString
				}
			}
			if datatype == "" {
				datatype = xsdString
			}
		default:
			return term{}, fmt.Errorf("jsonld: a %T @value cannot be converted to RDF", value)
		}
	}
	// @direction is dropped: that is what the default rdfDirection (null)
	// of JSON-LD 1.1 API §9.2 does, and what json-gold and jsonld.js do.
	s, err := literal(lexical, datatype, lang)
	return term{text: s, invalid: err}, nil
}

// isInteger reports whether json-gold writes f as an xsd:integer: f has no
// fraction and converts to an int64 and back unchanged.
func isInteger(f float64) bool {
	return f == math.Trunc(f) && f >= -(1<<63) && f < 1<<63
}

// canonicalDouble is the canonical xsd:double form (XML Schema 1.1 Part 2
// §3.3.5.2): one digit before the point, at least one after, no trailing
// zeros, and an exponent without "+" or leading zeros: "7.5E0", "1.0E-7".
func canonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', 15, 64)
	mant, exp, _ := strings.Cut(s, "E")
	mant = strings.TrimRight(mant, "0")
	if strings.HasSuffix(mant, ".") {
		mant += "0"
	}
	neg := strings.HasPrefix(exp, "-")
	exp = strings.TrimLeft(exp, "+-")
	exp = strings.TrimLeft(exp, "0")
	if exp == "" {
		exp = "0"
	}
	if neg {
		exp = "-" + exp
	}
	return mant + "E" + exp
}

// JCS returns v, a value decoded by encoding/json, in the JSON
// Canonicalization Scheme (RFC 8785): what the eddsa-jcs-2022 and
// ecdsa-jcs-2019 cryptosuites hash (VC-DI-EdDSA §3.3.3, VC-DI-ECDSA §3.3.3).
// The package's limits (MaxDepth, MaxDocumentBytes) apply as for
// Canonicalize.
func JCS(v any) ([]byte, error) {
	if _, err := checkLimits(v); err != nil {
		return nil, err
	}
	var b strings.Builder
	if err := writeJCS(&b, v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

// writeJCS writes v in the JSON Canonicalization Scheme (RFC 8785), the
// lexical form of an rdf:JSON literal (JSON-LD 1.1 API §6.2.2 step 7).
// Depth is bounded by MaxDepth, checked before expansion.
func writeJCS(b *strings.Builder, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return fmt.Errorf("jsonld: the number %s cannot be written as canonical JSON", x)
		}
		return writeJCS(b, f)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return errors.New("jsonld: a non-finite number cannot be written as canonical JSON")
		}
		b.WriteString(esNumber(x))
	case string:
		writeJCSString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJCS(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// RFC 8785 §3.2.3: keys sorted by their UTF-16 code units.
		sort.Slice(keys, func(i, j int) bool { return lessUTF16(keys[i], keys[j]) })
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJCSString(b, k)
			b.WriteByte(':')
			if err := writeJCS(b, x[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	default:
		return fmt.Errorf("jsonld: a %T cannot be written as canonical JSON", v)
	}
	return nil
}

func lessUTF16(a, b string) bool {
	ua, ub := utf16.Encode([]rune(a)), utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// writeJCSString quotes s as ECMAScript's JSON.stringify does (RFC 8785
// §3.2.2.2): the short escapes, \u00xx in lowercase for the other control
// characters, everything else as itself.
func writeJCSString(b *strings.Builder, s string) {
	b.WriteByte('"')
	escapeString(b, s, "0123456789abcdef", false)
	b.WriteByte('"')
}

// esNumber is ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20), which
// RFC 8785 §3.2.2.3 prescribes: the shortest digits that round-trip, written
// plainly for exponents from -6 to 20 and with an "e" otherwise.
func esNumber(f float64) string {
	if f == 0 {
		return "0" // also -0
	}
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	s := strconv.FormatFloat(f, 'e', -1, 64) // d[.ddd]e±XX
	mant, e, _ := strings.Cut(s, "e")
	digits := strings.Replace(mant, ".", "", 1)
	exp, _ := strconv.Atoi(e)
	k, n := len(digits), exp+1
	switch {
	case k <= n && n <= 21:
		return sign + digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return sign + digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return sign + "0." + strings.Repeat("0", -n) + digits
	}
	out := sign + digits[:1]
	if k > 1 {
		out += "." + digits[1:]
	}
	if n-1 > 0 {
		return out + "e+" + strconv.Itoa(n-1)
	}
	return out + "e-" + strconv.Itoa(1-n)
}

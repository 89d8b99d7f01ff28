package jsonld

import (
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/piprate/json-gold/ld"
)

// Limits on a document handed to Canonicalize, checked before json-gold sees
// it (json-gold recurses once per level and has no limits of its own).
// core/internal/credential decodes with the same numbers, so anything it accepts fits.
const (
	// MaxDocumentBytes caps a document's size, counted as the bytes of its
	// keys and strings plus one per other value: a lower bound on its JSON
	// encoding, so a decoded document of at most MaxDocumentBytes of JSON
	// always passes.
	MaxDocumentBytes = 8 << 20
	// MaxDepth caps the nesting of objects and arrays.
	MaxDepth = 64
	// MaxObjects caps the JSON objects of a document. Expansion's cost
	// grows with objects times the size of the active context (json-gold
	// copies the context for each node under a type-scoped context, as the
	// OB 3.0 context's are), so 40,000 small objects in a 2.5 MB credential
	// took seconds (issue 10). A CLR of a hundred badges has a few
	// thousand.
	MaxObjects = 10000
)

// UndefinedTermError reports a property that the document's @context does not
// define. JSON-LD expansion drops such a property, so it would not be covered
// by a signature over the canonical form; the verifier refuses it instead, as
// the Data Integrity cryptosuites' JSON-LD "safe mode" does.
type UndefinedTermError struct {
	// Term is the property name as written in the document; it is empty in
	// the rare case where it could not be identified.
	Term string
}

func (e *UndefinedTermError) Error() string {
	if e.Term == "" {
		return "a property is not defined by the credential's @context, so it would not be covered by the signature"
	}
	return fmt.Sprintf("the property %q is not defined by the credential's @context, so it would not be covered by the signature", e.Term)
}

// RelativeIRIError reports a value used as an IRI (a type, an id, a
// property's IRI or a datatype) that is not absolute: typically a type name
// the @context does not define, such as "1EdTechJsonSchemaValidator2019"
// under a context without @vocab. A relative IRI has no meaning in RDF, and
// json-gold would either drop the statement or write invalid N-Quads.
type RelativeIRIError struct {
	Value string
}

func (e *RelativeIRIError) Error() string {
	return fmt.Sprintf("%q is not defined by the credential's @context and is not an absolute IRI, so it cannot be signed as written", e.Value)
}

// InvalidIRIError reports an absolute IRI that cannot be canonicalized as
// written: it holds characters N-Quads does not allow in an IRI, or it is an
// http(s) IRI that json-gold's URL check rejects (json-gold would silently
// leave the statement out of the canonical form, unsigned).
type InvalidIRIError struct {
	Value string
}

func (e *InvalidIRIError) Error() string {
	return fmt.Sprintf("%q is not a valid IRI, so the statement using it could not be signed", e.Value)
}

// InvalidLanguageError reports a language tag json-gold would drop, with its
// statement, from the canonical form.
type InvalidLanguageError struct {
	Tag string
}

func (e *InvalidLanguageError) Error() string {
	return fmt.Sprintf("%q is not a valid language tag, so the text using it could not be signed", e.Tag)
}

// LimitError reports a document over one of the package's limits.
type LimitError struct {
	Reason string
}

func (e *LimitError) Error() string {
	return "the document cannot be canonicalized: " + e.Reason
}

// Canonicalize returns the RDFC-1.0 canonical N-Quads of a JSON-LD document
// decoded by encoding/json (map[string]any, []any, string, float64, bool,
// nil; json.Number is accepted too). Contexts come only from the bundle; see
// the package comment for what is refused and why. doc is not modified.
func Canonicalize(doc any) ([]byte, error) {
	return canonicalizeWith(doc, crypto.SHA256, true)
}

// CanonicalizeHash is Canonicalize with the hash function of RDFC-1.0's
// blank node labelling chosen by the caller (RDFC-1.0 §4.4 makes it a
// parameter, SHA-256 by default). VC-DI-ECDSA §3.2 asks for SHA-384 with
// P-384 keys: with two or more blank nodes whose order depends on their
// hashes, the two choices give different canonical forms. Only SHA-256 and
// SHA-384 are accepted.
func CanonicalizeHash(doc any, h crypto.Hash) ([]byte, error) {
	return canonicalizeWith(doc, h, true)
}

// CanonicalLines returns the canonical N-Quads of doc (RDFC-1.0 with
// SHA-256) as sorted lines, each ending in LF, after replacing every
// canonical blank node label ("c14n0", ...) by relabel(label). The sort
// comes after the relabelling, as VC-DI-ECDSA §3.4.2 (ecdsa-sd-2023, via
// VC-DI-SD's labelReplacementCanonicalizeNQuads) requires: sorting by the
// canonical labels instead breaks every document with two or more blank
// nodes. An error from relabel is returned as is.
func CanonicalLines(doc any, relabel func(label string) (string, error)) ([]string, error) {
	quads, err := toQuads(doc, true)
	if err != nil {
		return nil, err
	}
	lines, err := canonicalLines(quads, crypto.SHA256, relabel)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = string(l)
	}
	return out, nil
}

// canonicalizeWith is CanonicalizeHash; cached=false leaves json-gold's
// context cache out (json-gold then runs exactly as published), which the
// differential tests compare against.
func canonicalizeWith(doc any, h crypto.Hash, cached bool) ([]byte, error) {
	quads, err := toQuads(doc, cached)
	if err != nil {
		return nil, err
	}
	lines, err := canonicalLines(quads, h, nil)
	if err != nil {
		return nil, err
	}
	return joinLines(lines), nil
}

// toQuads converts doc to RDF (JSON-LD 1.1 API §6.1/§6.2) after the checks
// described in the package comment.
func toQuads(doc any, cached bool) ([]cquad, error) {
	expanded, checker, err := expandChecked(doc, cached)
	if err != nil {
		return nil, err
	}
	w := newToRDF()
	w.quads = make([]cquad, 0, checker.values)
	if err := w.elements(expanded, term{}); err != nil {
		return nil, err
	}
	if err := checker.urls(); err != nil {
		return nil, err
	}
	if w.bad != nil {
		return nil, w.bad
	}
	return w.quads, nil
}

// expandChecked expands doc in safe mode, corrects its graph containers
// (graphs.go) and checks its IRIs and language tags; the returned checker
// still has the http(s) IRIs to check (iriChecker.urls).
func expandChecked(doc any, cached bool) ([]any, *iriChecker, error) {
	if err := loadBundle().err; err != nil {
		return nil, nil, err
	}
	hasImport, err := checkLimits(doc)
	if err != nil {
		return nil, nil, err
	}
	shared := !hasImport
	input := doc
	if shared && cached {
		input = withProcessedContext(doc)
	}
	expanded, err := expand(input, options(true, shared))
	if err != nil {
		var jerr *ld.JsonLdError
		if errors.As(err, &jerr) && jerr.Code == ld.InvalidProperty {
			return nil, nil, &UndefinedTermError{Term: findUndefinedTerm(doc, shared)}
		}
		return nil, nil, err
	}
	if err := loadBundle().graphs.unmarkGraphs(expanded); err != nil {
		return nil, nil, err
	}
	checker := &iriChecker{}
	if err := checker.elements(expanded); err != nil {
		return nil, nil, err
	}
	return expanded, checker, nil
}

// withProcessedContext returns doc with its top-level @context replaced by
// json-gold's processed context, in a shallow copy, or doc itself when the
// @context is not a list of URLs or cannot be processed (expansion then
// reports the problem the usual way). Processing the VC and OB contexts,
// and the type- and property-scoped contexts inside them, is most of
// json-gold's work per document and gives the same result every time: the
// bundle's ld.ContextCache (a patch to json-gold, third_party/json-gold)
// processes each combination once and shares the result, which json-gold
// never modifies. The cached contexts are built with Canonicalize's
// options (json-gold reads SafeMode from the active context).
func withProcessedContext(doc any) any {
	m, ok := doc.(map[string]any)
	if !ok {
		return doc
	}
	if _, ok := contextURLs(m["@context"]); !ok {
		return doc
	}
	var ctx *ld.Context
	if err := guard(func() (err error) {
		ctx, err = loadBundle().cache.Root().Parse(m["@context"])
		return err
	}); err != nil {
		return doc
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	out["@context"] = ctx
	return out
}

func contextURLs(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		return []string{x}, true
	case []any:
		urls := make([]string, len(x))
		for i, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			urls[i] = s
		}
		return urls, len(urls) > 0
	}
	return nil, false
}

func options(safe, shared bool) *ld.JsonLdOptions {
	// A literal rather than ld.NewJsonLdOptions, whose default loader would
	// fetch over HTTP.
	return &ld.JsonLdOptions{
		ProcessingMode: ld.JsonLd_1_1,
		DocumentLoader: Loader{shared: shared, marked: true},
		SafeMode:       safe,
	}
}

// expand runs JSON-LD expansion. json-gold's Normalize would build its own
// options and silently lose SafeMode, so expansion is run here, with it.
func expand(doc any, opts *ld.JsonLdOptions) ([]any, error) {
	var out []any
	err := guard(func() (err error) {
		out, err = ld.NewJsonLdProcessor().Expand(doc, opts)
		return err
	})
	if err != nil {
		var unknown *UnknownContextError
		if errors.As(err, &unknown) {
			return nil, unknown
		}
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	return out, nil
}

// guard turns a panic inside json-gold into an error: a bug in a dependency
// met by a crafted document must fail that document, not stop the verifier
// (under wasm a panic ends the whole Go program).
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("json-gold failed on this document: %v", r)
		}
	}()
	return f()
}

// probeVocab is a default vocabulary used only to name an undefined term:
// expanded with it, the term becomes probeVocab+term instead of vanishing.
const probeVocab = "urn:clearbadge:undefined-term:"

// findUndefinedTerm names the term that made safe-mode expansion fail.
// json-gold's error does not say which one, so the document is expanded again
// without safe mode under a probe @vocab, and the first property found under
// it (in sorted order) is the answer. A property whose value is null
// expands to nothing even then, so if nothing is found the probe is repeated
// with null values replaced by "", and then unknown "@" keys are looked for.
// It returns "" if still nothing is found (a document that resets the default
// vocabulary with "@vocab": null).
func findUndefinedTerm(doc any, shared bool) string {
	if t := probeUndefinedTerm(doc, shared); t != "" {
		return t
	}
	if t := probeUndefinedTerm(nullsToEmpty(doc), shared); t != "" {
		return t
	}
	return unknownKeyword(doc)
}

// unknownKeyword finds a key of the form "@name" that is not a JSON-LD
// keyword: expansion drops it (JSON-LD 1.1 API §13.2.4 step 13.2), and no
// @vocab applies to it, so the probe cannot name it.
func unknownKeyword(v any) string {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if k := unknownKeyword(e); k != "" {
				return k
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if strings.HasPrefix(k, "@") && !ld.IsKeyword(k) {
				return k
			}
		}
		for _, k := range keys {
			if k == "@context" {
				continue
			}
			if t := unknownKeyword(x[k]); t != "" {
				return t
			}
		}
	}
	return ""
}

// nullsToEmpty copies doc with every null property value outside @context
// (and outside keywords) replaced by "".
func nullsToEmpty(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = nullsToEmpty(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			switch {
			case strings.HasPrefix(k, "@"):
				out[k] = e
			case e == nil:
				out[k] = ""
			default:
				out[k] = nullsToEmpty(e)
			}
		}
		return out
	}
	return v
}

func probeUndefinedTerm(doc any, shared bool) string {
	opts := options(false, shared)
	opts.ExpandContext = map[string]any{"@vocab": probeVocab}
	expanded, err := expand(doc, opts)
	if err != nil {
		return ""
	}
	var find func(v any) string
	find = func(v any) string {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if t := find(e); t != "" {
					return t
				}
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if t, ok := strings.CutPrefix(k, probeVocab); ok {
					return t
				}
			}
			for _, k := range keys {
				if t := find(x[k]); t != "" {
					return t
				}
			}
		}
		return ""
	}
	return find(expanded)
}

// checkLimits walks doc once, enforcing MaxDepth, MaxObjects and MaxDocumentBytes and
// refusing values encoding/json would not produce. It also reports whether
// any object has an "@import" key (see Loader).
func checkLimits(doc any) (hasImport bool, err error) {
	size, objects := 0, 0
	var walk func(v any, depth int) error
	walk = func(v any, depth int) error {
		if depth > MaxDepth {
			return &LimitError{Reason: fmt.Sprintf("it nests deeper than %d levels", MaxDepth)}
		}
		switch x := v.(type) {
		case map[string]any:
			if objects++; objects > MaxObjects {
				return &LimitError{Reason: fmt.Sprintf("it has more than %d JSON objects", MaxObjects)}
			}
			for k, e := range x {
				size += len(k) + 1
				hasImport = hasImport || k == "@import"
				if err := walk(e, depth+1); err != nil {
					return err
				}
			}
		case []any:
			size++
			for _, e := range x {
				if err := walk(e, depth+1); err != nil {
					return err
				}
			}
		case string:
			size += len(x)
		case float64, bool, nil, json.Number:
			size++
		default:
			return fmt.Errorf("jsonld: a %T is not a decoded JSON value", v)
		}
		if size > MaxDocumentBytes {
			return &LimitError{Reason: fmt.Sprintf("it is larger than %d bytes", MaxDocumentBytes)}
		}
		return nil
	}
	err = walk(doc, 0)
	return hasImport, err
}

// iriChecker walks expanded JSON-LD and refuses every IRI, and language tag,
// that JSON-LD to RDF would drop (JSON-LD 1.1 API §6.2 steps 1.3.1 and
// 1.3.2.3 drop relative IRIs and blank node predicates) or that json-gold,
// which converted documents to RDF here before, would drop or write as
// invalid N-Quads: http(s) IRIs its URL check rejects, language tags its
// pattern rejects. Refusing them keeps every credential that was refused
// refused. Checking here, on the expanded form, lets the error name the
// value.
type iriChecker struct {
	// badURLs holds the http(s) IRIs seen that isURL refuses, for urls.
	badURLs []string
	// long holds the answers iriCache does not keep (see memo.getLocal).
	long map[string]iriCheck
	// values counts the types and property values of the nodes seen: about
	// the quads the document makes, so that they are allocated at once.
	values int
}

// urls refuses an http(s) IRI that json-gold's URL check rejects (see
// urlcheck.go), naming the least in code point order as json-gold's path
// did. It runs after the conversion to RDF, whose conflicting indexes error
// came first before too.
func (c *iriChecker) urls() error {
	if len(c.badURLs) == 0 {
		return nil
	}
	return &InvalidIRIError{Value: slices.Min(c.badURLs)}
}

func (c *iriChecker) elements(list []any) error {
	for _, e := range list {
		if err := c.element(e); err != nil {
			return err
		}
	}
	return nil
}

func (c *iriChecker) element(v any) error {
	switch x := v.(type) {
	case []any:
		return c.elements(x)
	case map[string]any:
		if _, ok := x["@value"]; ok {
			return c.valueObject(x)
		}
		if l, ok := x["@list"]; ok {
			return c.element(l)
		}
		return c.node(x)
	}
	return nil
}

func (c *iriChecker) valueObject(x map[string]any) error {
	if t, ok := x["@type"].(string); ok && t != "@json" {
		if err := c.iri(t, false); err != nil {
			return err
		}
	}
	if lang, ok := x["@language"].(string); ok && !validLanguage(lang) {
		return &InvalidLanguageError{Tag: lang}
	}
	return nil
}

func (c *iriChecker) node(x map[string]any) error {
	for k, v := range x {
		switch k {
		case "@id":
			if s, ok := v.(string); ok {
				if err := c.iri(s, true); err != nil {
					return err
				}
			}
		case "@type":
			types, ok := v.([]any)
			if !ok {
				types = []any{v}
			}
			c.values += len(types)
			for _, t := range types {
				if s, ok := t.(string); ok {
					if err := c.iri(s, true); err != nil {
						return err
					}
				}
			}
		case "@reverse":
			if m, ok := v.(map[string]any); ok {
				if err := c.node(m); err != nil {
					return err
				}
			}
		case "@graph", "@included":
			if err := c.element(v); err != nil {
				return err
			}
		default:
			if strings.HasPrefix(k, "@") {
				continue
			}
			if err := c.iri(k, false); err != nil {
				return err
			}
			if list, ok := v.([]any); ok {
				c.values += len(list)
			} else {
				c.values++
			}
			if err := c.element(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// iri checks one IRI. The answers are remembered across verifications
// (iriCache): a credential repeats the same few dozen IRIs, and credentials
// share most of them.
func (c *iriChecker) iri(s string, blankOK bool) error {
	if strings.HasPrefix(s, "_:") {
		if blankOK {
			return nil
		}
		// A blank node as a predicate is "generalized RDF", which json-gold
		// drops (JSON-LD 1.1 API §8.1 step 1.3.2.3).
		return &InvalidIRIError{Value: s}
	}
	r, repeat := iriCache.getLocal(s, &c.long)
	// A long IRI repeated on thousands of nodes is listed once: urls
	// compares the list's entries, each as long as the IRI.
	if r.badURL && !repeat {
		c.badURLs = append(c.badURLs, s)
	}
	return r.err
}

// iriCheck is what checkIRI finds of an IRI.
type iriCheck struct {
	err    error // an *InvalidIRIError or *RelativeIRIError, never changed once made
	badURL bool  // an http(s) IRI that isURL refuses, for iriChecker.urls
}

// iriCache remembers checkIRI's answers across verifications (see memo).
var iriCache = memo[iriCheck]{f: checkIRI, max: 4096}

// checkIRI refuses what url.Parse cannot parse and relative IRIs.
func checkIRI(s string) iriCheck {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return iriCheck{err: &InvalidIRIError{Value: s}}
	case !u.IsAbs():
		// With the parse above, this mirrors ld.IsAbsoluteIri, json-gold's
		// test for the IRIs it keeps.
		return iriCheck{err: &RelativeIRIError{Value: s}}
	}
	web := strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
	return iriCheck{badURL: web && !isURL(s)}
}

// validLanguage is the pattern json-gold keeps language tags by,
// ^[a-zA-Z]+(-[a-zA-Z0-9]+)*$, without a regular expression.
func validLanguage(tag string) bool {
	parts := strings.Split(tag, "-")
	for i, p := range parts {
		if p == "" {
			return false
		}
		for _, r := range p {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

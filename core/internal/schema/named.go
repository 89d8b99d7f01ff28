package schema

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
)

// Schema types a credential may name in credentialSchema, with the JSON
// Schema draft used when the schema document has no $schema.
var validators = map[string]*jsonschema.Draft{
	// VCCS 1.0 (1EdTech Verifiable Credentials JSON Schema Validator 2019),
	// the type OB 3.0 §9.1 step 1 and CLR 2.0 name: JSON Schema 2019-09.
	"1EdTechJsonSchemaValidator2019": jsonschema.Draft2019,
	// W3C VC JSON Schema §3.1 JsonSchema: the schema is fetched directly;
	// 2020-12 is the draft that specification requires support for.
	"JsonSchema": jsonschema.Draft2020,
	// The VC 1.1 examples' type, still used by OB 3.0 VC 1.1 credentials
	// (validator/ob30/complete_v1.json); draft-07 was current in 2018.
	"JsonSchemaValidator2018": jsonschema.Draft7,
}

// Limits on what one named schema may pull in.
const (
	maxSchemaDocs = 16 // the schema and the documents its $refs name
	maxNamed      = 8  // credentialSchema entries looked at
	maxCached     = 32 // compiled schemas kept in the process
)

// Outcomes of one named schema.
type namedStatus int

const (
	namedPassed      namedStatus = iota // fetched, compiled, the credential is valid against it
	namedFailed                         // the credential is not valid against it
	namedOffline                        // not checked: offline
	namedUnreadable                     // not checked: fetch failed, not a schema, digest mismatch
	namedUnsupported                    // not checked: a schema type ClearBadge does not implement
)

// namedResult is what became of one credentialSchema entry.
type namedResult struct {
	URL    string // the id the credential names
	Used   string // the URL actually fetched, when it differs (VC 1.1 substitution)
	Type   string
	Status namedStatus
	Reason string   // why it was not checked
	Over   bool     // not checked: beyond maxNamed
	Errors []string // validation errors, "path: message", at most maxListed
	More   int      // errors beyond Errors
}

// v1Schemas maps 1EdTech's VC 2.0 class schemas to their VC 1.1-tolerant
// counterparts: OB 3.0 §1.2 lists the "any…" schemas for credentials built
// on VC Data Model 1.1, which the VC 2.0 schemas reject by design (their
// @context and validFrom rules).
var v1Schemas = map[string]string{
	"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyachievementcredential_schema.json",
	"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyendorsementcredential_schema.json",
	"https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json":       "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_anyclrcredential_schema.json",
}

// checkNamed validates doc against each schema its credentialSchema names.
// Entries that are not objects with a string id and type are left to the
// built-in rules, which report them.
func checkNamed(ctx context.Context, doc map[string]any, f fetch.Fetcher) []namedResult {
	var out []namedResult
	for _, e := range jsonval.List(doc["credentialSchema"]) {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		id, _ := m["id"].(string)
		typ, _ := m["type"].(string)
		if id == "" || typ == "" {
			continue
		}
		r := namedResult{URL: id, Type: typ}
		if len(out) >= maxNamed {
			r.Status, r.Reason = namedUnsupported, fmt.Sprintf("ClearBadge checks at most %d schemas per credential", maxNamed)
			r.Over = true
			out = append(out, r)
			continue
		}
		draft, known := validators[typ]
		switch {
		case !known:
			r.Status, r.Reason = namedUnsupported, "ClearBadge does not implement schemas of type "+quote(typ)
		default:
			r.Used = id
			if credential.Version(doc) == 1 && v1Schemas[id] != "" {
				r.Used = v1Schemas[id]
			}
			sri, _ := m["digestSRI"].(string)
			validate(ctx, doc, f, draft, sri, &r)
		}
		out = append(out, r)
	}
	return out
}

// validate fetches, compiles and applies one schema, filling r.
func validate(ctx context.Context, doc map[string]any, f fetch.Fetcher, draft *jsonschema.Draft, sri string, r *namedResult) {
	sch, err := compiled(ctx, f, r.Used, draft, sri)
	if err != nil {
		r.Status, r.Reason = namedUnreadable, err.Error()
		if errors.Is(err, fetch.ErrOffline) {
			r.Status, r.Reason = namedOffline, "ClearBadge is offline"
		}
		return
	}
	err = sch.Validate(any(doc))
	if err == nil {
		r.Status = namedPassed
		return
	}
	r.Status = namedFailed
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		r.Errors = []string{err.Error()}
		return
	}
	r.Errors, r.More = leafErrors(ve)
}

// leafErrors flattens a validation error tree to its leaves: the
// innermost reasons, each with the JSON path of the value it is about.
func leafErrors(ve *jsonschema.ValidationError) ([]string, int) {
	seen := map[string]bool{}
	var out []string
	more := 0
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		s := display(pointerPath(e.InstanceLocation)) + ": " + leafMessage(e)
		if seen[s] {
			return
		}
		seen[s] = true
		if len(out) < maxListed {
			out = append(out, s)
		} else {
			more++
		}
	}
	walk(ve)
	return out, more
}

// leafMessage is the library's message for one error, without the
// location prefix its Error method adds.
func leafMessage(e *jsonschema.ValidationError) string {
	if u := e.BasicOutput(); u.Error != nil {
		return u.Error.String()
	}
	return e.Error()
}

// pointerPath writes JSON pointer tokens as the dotted path used in
// messages: credentialSubject.achievement.alignment[0].targetUrl.
func pointerPath(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if t != "" && strings.Trim(t, "0123456789") == "" && b.Len() > 0 {
			b.WriteString("[" + t + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

// A compiled schema is kept per URL and draft, together with the hash of
// every document it was built from. A later check fetches the documents
// again through its own Fetcher (a session cache makes that free) and
// reuses the compiled schema only if they are byte-for-byte the same, so a
// document the user supplies, or a schema that changed, is never shadowed.
type cacheEntry struct {
	docs   []docHash // the schema first, then its $ref'd documents
	schema *jsonschema.Schema
}

type docHash struct {
	url string
	sum [sha256.Size]byte
}

var cache = struct {
	sync.Mutex
	m map[string]*cacheEntry
}{m: map[string]*cacheEntry{}}

// schemaError says why a named schema could not be used.
type schemaError struct {
	URL    string
	Reason string
	Err    error
}

func (e *schemaError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.URL, e.Reason, e.Err)
	}
	return e.URL + ": " + e.Reason
}

func (e *schemaError) Unwrap() error { return e.Err }

// compiled returns the schema at loc, compiled with draft as the default.
func compiled(ctx context.Context, f fetch.Fetcher, loc string, draft *jsonschema.Draft, sri string) (*jsonschema.Schema, error) {
	base, _, _ := strings.Cut(loc, "#")
	if !webURL(base) {
		return nil, &schemaError{URL: loc, Reason: "not a web address"}
	}
	if f == nil {
		f = fetch.Offline
	}
	root, err := fetchDoc(ctx, f, base)
	if err != nil {
		return nil, err
	}
	if sri != "" {
		if err := checkSRI(root, sri); err != nil {
			return nil, &schemaError{URL: base, Reason: "the schema differs from the one the credential pinned", Err: err}
		}
	}
	key := draft.String() + " " + loc
	if s := lookup(ctx, f, key, root); s != nil {
		return s, nil
	}
	l := &loader{ctx: ctx, f: f, docs: []docHash{{url: base, sum: sha256.Sum256(root)}}}
	v, err := decode(base, root)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(draft)
	// Only our loader: no file system, no HTTP of the library's own. The
	// JSON Schema meta-schemas are built into the library.
	c.UseLoader(l)
	if err := c.AddResource(base, v); err != nil {
		return nil, &schemaError{URL: base, Reason: "not usable as a schema", Err: err}
	}
	s, err := c.Compile(loc)
	if err != nil {
		if l.err != nil {
			return nil, l.err // keep ErrOffline visible
		}
		return nil, &schemaError{URL: loc, Reason: "not a valid JSON Schema", Err: err}
	}
	store(key, &cacheEntry{docs: l.docs, schema: s})
	return s, nil
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// fetchDoc fetches one schema document through the Fetcher.
func fetchDoc(ctx context.Context, f fetch.Fetcher, loc string) ([]byte, error) {
	b, err := f.Fetch(ctx, loc, "application/schema+json", "application/json")
	if err != nil {
		if errors.Is(err, fetch.ErrOffline) {
			return nil, err
		}
		return nil, &schemaError{URL: loc, Reason: "could not be fetched", Err: err}
	}
	if len(b) > fetch.MaxBytes {
		return nil, &fetch.TooLargeError{URL: loc}
	}
	return b, nil
}

func decode(loc string, b []byte) (any, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, &schemaError{URL: loc, Reason: "not JSON", Err: err}
	}
	return v, nil
}

// loader serves $ref'd documents, through the Fetcher only.
type loader struct {
	ctx  context.Context
	f    fetch.Fetcher
	docs []docHash
	err  error // the first fetch failure, reported instead of the compiler's wrapping
}

func (l *loader) Load(loc string) (any, error) {
	v, err := l.load(loc)
	if err != nil && l.err == nil {
		l.err = err
	}
	return v, err
}

func (l *loader) load(loc string) (any, error) {
	if !webURL(loc) {
		return nil, &schemaError{URL: loc, Reason: "refers to a document that is not a web address"}
	}
	if len(l.docs) >= maxSchemaDocs {
		return nil, &schemaError{URL: loc, Reason: fmt.Sprintf("the schema refers to more than %d documents", maxSchemaDocs)}
	}
	b, err := fetchDoc(l.ctx, l.f, loc)
	if err != nil {
		return nil, err
	}
	l.docs = append(l.docs, docHash{url: loc, sum: sha256.Sum256(b)})
	return decode(loc, b)
}

// lookup returns a cached schema whose documents are unchanged.
func lookup(ctx context.Context, f fetch.Fetcher, key string, root []byte) *jsonschema.Schema {
	cache.Lock()
	e := cache.m[key]
	cache.Unlock()
	if e == nil || e.docs[0].sum != sha256.Sum256(root) {
		return nil
	}
	for _, d := range e.docs[1:] {
		b, err := fetchDoc(ctx, f, d.url)
		if err != nil || sha256.Sum256(b) != d.sum {
			return nil
		}
	}
	return e.schema
}

func store(key string, e *cacheEntry) {
	cache.Lock()
	defer cache.Unlock()
	if len(cache.m) >= maxCached {
		// Drop the entries with the smallest keys: which ones does not
		// matter, only that the cache stays bounded and deterministic.
		keys := make([]string, 0, len(cache.m))
		for k := range cache.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys[:len(keys)-maxCached+1] {
			delete(cache.m, k)
		}
	}
	cache.m[key] = e
}

// checkSRI checks b against a W3C Subresource Integrity value
// ("sha384-<base64>"), as VC JSON Schema §3.1 digestSRI describes.
func checkSRI(b []byte, sri string) error {
	alg, want, ok := strings.Cut(strings.TrimSpace(sri), "-")
	if !ok {
		return fmt.Errorf("digestSRI %q is not <algorithm>-<base64 digest>", sri)
	}
	var h hash.Hash
	switch alg {
	case "sha256":
		h = sha256.New()
	case "sha384":
		h = sha512.New384()
	case "sha512":
		h = sha512.New()
	default:
		return fmt.Errorf("digestSRI algorithm %q is not sha256, sha384 or sha512", alg)
	}
	h.Write(b)
	if base64.StdEncoding.EncodeToString(h.Sum(nil)) != want {
		return errors.New("digestSRI does not match the fetched schema")
	}
	return nil
}

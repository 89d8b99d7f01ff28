//go:build !clearbadge_offline

package schema

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// The JSON Schema validator (santhosh-tekuri/jsonschema) is in every build
// but the page's offline wasm (build tag clearbadge_offline, see
// validate_offline.go), which cannot fetch a schema anyway.

// drafts are the JSON Schema drafts of validators' names.
var drafts = map[string]*jsonschema.Draft{
	"2019-09":  jsonschema.Draft2019,
	"2020-12":  jsonschema.Draft2020,
	"draft-07": jsonschema.Draft7,
}

// validate fetches, compiles and applies one schema, filling r.
func validate(ctx context.Context, doc map[string]any, f fetch.Fetcher, draft string, sri string, r *namedResult) {
	sch, err := compiled(ctx, f, r.Used, drafts[draft], sri)
	if err != nil {
		notChecked(r, err)
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

// compiled returns the schema at loc, compiled with draft as the default.
func compiled(ctx context.Context, f fetch.Fetcher, loc string, draft *jsonschema.Draft, sri string) (*jsonschema.Schema, error) {
	f, base, root, err := rootDoc(ctx, f, loc, sri)
	if err != nil {
		return nil, err
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

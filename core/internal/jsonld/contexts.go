package jsonld

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/piprate/json-gold/ld"
)

//go:embed contexts/*.json
var contextFiles embed.FS

// Context describes one bundled context URL: the file that serves it, where
// that file came from (an npm package@version and path, or "written from the
// CLR 2.0 specification") and the file's pinned SHA-256 (hex).
type Context struct {
	URL    string
	File   string
	Source string
	SHA256 string
}

// UnknownContextError is returned for a context URL that is not bundled.
// Remote contexts are never fetched, so such a document cannot be
// canonicalized (and its signature cannot be checked).
type UnknownContextError struct {
	URL string
}

func (e *UnknownContextError) Error() string {
	return fmt.Sprintf("the JSON-LD context %q is not bundled with ClearBadge, and remote contexts are never fetched", e.URL)
}

// manifestEntry is one entry of contexts/manifest.json, which
// scripts/contexts/regen.mjs writes.
type manifestEntry struct {
	File   string   `json:"file"`
	URLs   []string `json:"urls"`
	Source string   `json:"source"`
	SHA256 string   `json:"sha256"`
	Note   string   `json:"note"`
}

// bundle is the set of bundled contexts: the manifest, read once on first
// use, and each context file, read and checked against its pinned SHA-256
// when a document first names it. A credential names two or three of the
// 22 files; reading all of them was most of the first verification's
// reading of the bundle in wasm (hashing, decoding and walking ~124 KB).
type bundle struct {
	// contexts lists every URL of the manifest, sorted.
	contexts []Context
	// files maps a context URL to the file serving it; files serving
	// several URLs are read once.
	files  map[string]*contextFile
	graphs *graphMarks
	// mu orders the publishing of a file's objects in frozen.
	mu sync.Mutex
	// frozen holds the address of every object of the files read so far
	// (their published and marked copies): the local contexts json-gold's
	// processed-context cache may key on. It is replaced, never modified,
	// so that immutable reads it without a lock; an object is in it before
	// its file is handed to json-gold.
	frozen atomic.Pointer[map[uintptr]bool]
	// cache holds json-gold's processed contexts for Canonicalize's
	// options (see withProcessedContext).
	cache *ld.ContextCache
	err   error
}

// contextFile is one context file of the manifest, read on first use.
type contextFile struct {
	name, sha256 string
	once         sync.Once
	// doc is the parsed document, shared by every call: json-gold reads a
	// loaded context but never modifies it (TestLoaderDocumentsStayUnmodified
	// checks this). marked, when the file has a term json-gold expands
	// wrongly, is a copy with that term marked (graphs.go), which
	// Canonicalize's loader serves in place of doc.
	doc, marked any
	err         error
}

// maxProcessed bounds the processed-context cache. A credential meets a
// dozen combinations of the bundled contexts; the bound only stops a crafted
// stream of documents from growing it without end.
const maxProcessed = 1024

var loadBundle = sync.OnceValue(func() *bundle {
	b, err := readBundle()
	if err != nil {
		return &bundle{err: err}
	}
	return b
})

// readBundle reads the manifest; each context file is read by file, when
// a document first names it.
func readBundle() (*bundle, error) {
	raw, err := contextFiles.ReadFile("contexts/manifest.json")
	if err != nil {
		return nil, fmt.Errorf("jsonld: bundled manifest: %w", err)
	}
	entries, err := readManifest(raw)
	if err != nil {
		return nil, fmt.Errorf("jsonld: bundled manifest: %w", err)
	}
	b := &bundle{files: make(map[string]*contextFile), graphs: newGraphMarks()}
	for _, e := range entries {
		f := &contextFile{name: e.File, sha256: e.SHA256}
		for _, u := range e.URLs {
			if _, dup := b.files[u]; dup {
				return nil, fmt.Errorf("jsonld: the manifest lists %s twice", u)
			}
			b.files[u] = f
			b.contexts = append(b.contexts, Context{URL: u, File: e.File, Source: e.Source, SHA256: e.SHA256})
		}
	}
	sort.Slice(b.contexts, func(i, j int) bool { return b.contexts[i].URL < b.contexts[j].URL })
	b.frozen.Store(&map[uintptr]bool{})
	b.cache = ld.NewContextCache(options(true, true), b.immutable, maxProcessed)
	return b, nil
}

// file returns the context file serving url, read on first use: nil for a
// URL that is not bundled.
func (b *bundle) file(url string) *contextFile {
	f := b.files[url]
	if f != nil {
		f.once.Do(func() { f.doc, f.marked, f.err = b.read(f.name, f.sha256) })
	}
	return f
}

// read parses a context file, checking it against its pinned SHA-256, and
// publishes its objects in frozen. A mismatch means a context file was
// edited without regenerating the manifest: a build defect, reported as an
// error by every call that needs the file rather than a panic.
func (b *bundle) read(name, pinned string) (doc, marked any, err error) {
	data, err := contextFiles.ReadFile("contexts/" + name)
	if err != nil {
		return nil, nil, fmt.Errorf("jsonld: bundled context %s: %w", name, err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != pinned {
		return nil, nil, fmt.Errorf("jsonld: bundled context %s has SHA-256 %s but the manifest pins %s (run npm run contexts)", name, got, pinned)
	}
	// The decoder credentials are read with: the value encoding/json
	// gives, several times faster in wasm.
	obj, err := credential.Decode(data)
	if err != nil {
		return nil, nil, fmt.Errorf("jsonld: bundled context %s: %w", name, err)
	}
	doc = obj
	// A marked copy only of a context that needs one (one so far): a dry
	// run first, so that the others are not copied.
	changed, err := b.graphs.mark(obj["@context"], false)
	if err != nil {
		return nil, nil, fmt.Errorf("jsonld: bundled context %s: %w", name, err)
	}
	if changed {
		marked = ld.CloneDocument(doc)
		if _, err := b.graphs.markContext(marked.(map[string]any)["@context"]); err != nil {
			return nil, nil, fmt.Errorf("jsonld: bundled context %s: %w", name, err)
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	old := *b.frozen.Load()
	frozen := make(map[uintptr]bool, len(old)+64)
	for k := range old {
		frozen[k] = true
	}
	freeze(frozen, doc)
	freeze(frozen, marked)
	b.frozen.Store(&frozen)
	return doc, marked, nil
}

// readManifest reads contexts/manifest.json's entries, with the decoder the
// contexts are read with: encoding/json's decoding into a struct was, on
// its first use in wasm, a tenth of the first verification's reading of the
// bundle (TestManifestAsEncodingJSONReadsIt holds the two together).
func readManifest(raw []byte) ([]manifestEntry, error) {
	m, err := credential.Decode(raw)
	if err != nil {
		return nil, err
	}
	list, ok := m["contexts"].([]any)
	if !ok {
		return nil, errors.New(`"contexts" is not a list`)
	}
	entries := make([]manifestEntry, len(list))
	for i, v := range list {
		o, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("entry %d is not an object", i)
		}
		e := &entries[i]
		for k, dst := range map[string]*string{"file": &e.File, "source": &e.Source, "sha256": &e.SHA256, "note": &e.Note} {
			if x, has := o[k]; has {
				if *dst, ok = x.(string); !ok {
					return nil, fmt.Errorf("entry %d: %q is not a string", i, k)
				}
			}
		}
		urls, _ := o["urls"].([]any)
		for _, u := range urls {
			s, ok := u.(string)
			if !ok {
				return nil, fmt.Errorf("entry %d: a URL is not a string", i)
			}
			e.URLs = append(e.URLs, s)
		}
	}
	return entries, nil
}

// Contexts lists every bundled context URL, sorted by URL. It is empty if the
// bundle failed its integrity check (Canonicalize then reports why).
func Contexts() []Context {
	b := loadBundle()
	return append([]Context(nil), b.contexts...)
}

// Loader is a json-gold document loader that serves the bundled contexts and
// nothing else. Any other URL gets an *UnknownContextError: there is no
// network fallback, on purpose (see the package comment).
//
// The zero Loader hands out a private copy of each context as published,
// which is always safe. Canonicalize uses the shared, parsed-once documents
// instead, except for a document containing "@import": json-gold merges the
// importing context into the imported document's map (JSON-LD 1.1 API
// §4.1.2 step 5.6.7 done in place), which would alter the shared copy for
// later calls. Canonicalize's loader also serves the contexts with the terms
// json-gold expands wrongly marked (see graphs.go); those marks mean nothing
// outside Canonicalize.
type Loader struct {
	shared bool
	marked bool
}

var _ ld.DocumentLoader = Loader{}

// LoadDocument returns the bundled context for u.
func (l Loader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	b := loadBundle()
	if b.err != nil {
		return nil, b.err
	}
	f := b.file(u)
	if f == nil {
		return nil, &UnknownContextError{URL: u}
	}
	if f.err != nil {
		return nil, f.err
	}
	doc := f.doc
	if f.marked != nil && l.marked {
		doc = f.marked
	}
	if !l.shared {
		doc = ld.CloneDocument(doc)
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// Definitions returns a private copy of the term definitions (the
// "@context" object) of the bundled context served for url, for callers
// that read a context's terms without JSON-LD processing (OB 2.0 is
// verified as JSON). It fails for a URL that is not bundled.
func Definitions(url string) (map[string]any, error) {
	b := loadBundle()
	if b.err != nil {
		return nil, b.err
	}
	f := b.file(url)
	if f == nil {
		return nil, &UnknownContextError{URL: url}
	}
	if f.err != nil {
		return nil, f.err
	}
	doc, ok := f.doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("jsonld: the bundled context %s is not an object", url)
	}
	defs, ok := ld.CloneDocument(doc["@context"]).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("jsonld: the bundled context %s has no term definitions object", url)
	}
	return defs, nil
}

// freeze adds the address of every object in v to frozen.
func freeze(frozen map[uintptr]bool, v any) {
	switch x := v.(type) {
	case map[string]any:
		frozen[reflect.ValueOf(x).Pointer()] = true
		for _, e := range x {
			freeze(frozen, e)
		}
	case []any:
		for _, e := range x {
			freeze(frozen, e)
		}
	}
}

// immutable tells json-gold's context cache which local contexts it may
// cache: bundled context URLs and objects inside the bundled documents,
// which nothing modifies (the tests check) and which live as long as the
// process. A credential's own context objects are never cached.
func (b *bundle) immutable(v any) bool {
	switch x := v.(type) {
	case string:
		_, ok := b.files[x]
		return ok
	case map[string]any:
		return (*b.frozen.Load())[reflect.ValueOf(x).Pointer()]
	}
	return false
}

// ClearBadge patch to json-gold v0.9.1: a cache of processed contexts.
// See ../PATCH.md. Without a ContextCache nothing here runs and json-gold
// behaves exactly as published.

package ld

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// ContextCache memoizes context processing: the active context that results
// from processing a local context (a context URL, a context object, or a
// list of them) on top of an active context. JSON-LD processors spend most
// of their expansion time re-processing the same type- and property-scoped
// contexts of the same well-known context documents; with a cache each
// combination is processed once per process.
//
// Only local contexts that the owner declares immutable are cached, by
// identity (a string by value, an object by its map's address), so the
// owner must guarantee that such values are never modified and stay
// reachable as long as the cache. Every context the cache holds is shared
// by all callers and is never modified: json-gold copies an active context
// before changing it. The cache is safe for concurrent use in expansion
// (compaction fills a context's inverse lazily and must not be run
// concurrently on cached contexts).
type ContextCache struct {
	root      *Context
	immutable func(v any) bool
	max       int

	mu sync.RWMutex
	m  map[contextCacheKey]*Context
}

type contextCacheKey struct {
	parent *Context
	local  string  // one URL, or a description of a list (localKey)
	object uintptr // the address of one context object
	flags  uint8
}

// Key flags beyond the four parse flags: what the key's local context is.
const (
	keyOneURL    = 1 << 4
	keyOneObject = 1 << 5
)

// NewContextCache returns an empty cache for contexts processed with opts
// (every cached context keeps opts: its DocumentLoader must serve each URL
// the owner declares immutable with the same, never modified document).
// immutable reports whether a local context entry (a string URL or a
// map[string]any) may be cached; max bounds the number of cached contexts.
func NewContextCache(opts *JsonLdOptions, immutable func(v any) bool, max int) *ContextCache {
	cc := &ContextCache{immutable: immutable, max: max, m: make(map[contextCacheKey]*Context)}
	cc.root = NewContext(nil, opts)
	cc.root.owner = cc
	return cc
}

// Root returns the cache's empty active context. Contexts processed on top
// of it (with Parse) are cached, and so are, during expansion, the scoped
// contexts processed on top of those.
func (cc *ContextCache) Root() *Context { return cc.root }

// Contexts returns every context the cache holds, for tests that check they
// are never modified.
func (cc *ContextCache) Contexts() []*Context {
	cc.mu.RLock()
	defer cc.mu.RUnlock()
	out := make([]*Context, 0, len(cc.m))
	for _, c := range cc.m {
		out = append(out, c)
	}
	return out
}

// parse is Context.parseContext with the cache in front when c is held by a
// cache and the local context is made only of entries declared immutable.
// A nested remote context (remoteContexts not empty) is never cached, so
// recursive inclusion is detected as before.
func (c *Context) parse(localContext interface{}, remoteContexts []string, parsingARemoteContext, propagate,
	protected, overrideProtected bool) (*Context, error) {
	cc := c.owner
	if cc == nil || len(remoteContexts) != 0 {
		return c.parseContext(localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected)
	}
	key, ok := cc.key(c, localContext)
	if !ok {
		return c.parseContext(localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected)
	}
	for i, f := range []bool{parsingARemoteContext, propagate, protected, overrideProtected} {
		if f {
			key.flags |= 1 << i
		}
	}
	cc.mu.RLock()
	hit := cc.m[key]
	cc.mu.RUnlock()
	if hit != nil {
		return hit, nil
	}
	result, err := c.parseContext(localContext, remoteContexts, parsingARemoteContext, propagate, protected, overrideProtected)
	if err != nil || result == c || result.owner != nil {
		return result, err
	}
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if prev := cc.m[key]; prev != nil {
		return prev, nil
	}
	if len(cc.m) >= cc.max {
		return result, nil
	}
	result.owner = cc
	cc.m[key] = result
	return result, nil
}

// key is the cache key of localContext on top of c, without the parse
// flags, or false if an entry is not declared immutable. A single URL or
// object (the scoped contexts, which expansion looks up for every node of
// their type) is keyed without building a string.
func (cc *ContextCache) key(c *Context, localContext any) (contextCacheKey, bool) {
	key := contextCacheKey{parent: c}
	if localContext == nil || !cc.immutable(localContext) {
		local, ok := cc.localKey(localContext)
		key.local = local
		return key, ok
	}
	switch v := localContext.(type) {
	case string:
		key.local, key.flags = v, keyOneURL
	case map[string]any:
		key.object, key.flags = reflect.ValueOf(v).Pointer(), keyOneObject
	default:
		local, ok := cc.localKey(localContext)
		key.local = local
		return key, ok
	}
	return key, true
}

// localKey names a local context by the identity of its entries, or reports
// false if an entry is not declared immutable.
func (cc *ContextCache) localKey(localContext any) (string, bool) {
	var b strings.Builder
	for _, e := range Arrayify(localContext) {
		if e == nil {
			b.WriteString("n;")
			continue
		}
		if !cc.immutable(e) {
			return "", false
		}
		switch v := e.(type) {
		case string:
			b.WriteString("s")
			b.WriteString(strconv.Itoa(len(v)))
			b.WriteString(":")
			b.WriteString(v)
		case map[string]any:
			b.WriteString("m")
			b.WriteString(strconv.FormatUint(uint64(reflect.ValueOf(v).Pointer()), 16))
			b.WriteString(";")
		default:
			return "", false
		}
	}
	return b.String(), true
}

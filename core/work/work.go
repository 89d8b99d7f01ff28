// Package work counts the expensive steps of one verification (documents
// canonicalized, status lists decoded, network requests and bytes), so that
// tests can assert that a hostile input costs what its size allows and not
// what its repetitions multiply (issue 10), and so that a caller can see what
// a verification did. Counting is opt-in: a context without Counters counts
// nothing.
package work

import (
	"context"
	"sync/atomic"
)

// Counters are the work done by one verification (or several, if the caller
// shares them). Safe for concurrent use.
type Counters struct {
	// Canonicalizations counts RDFC-1.0 canonicalizations of a whole
	// document (not of proof options, which are a few quads).
	Canonicalizations atomic.Int64
	// ListDecodes counts status list bitstrings decoded (base64 or
	// multibase, then gunzipped).
	ListDecodes atomic.Int64
	// Fetches counts requests handed to the network fetcher, and
	// FetchedBytes the bytes of the bodies it returned.
	Fetches      atomic.Int64
	FetchedBytes atomic.Int64
}

type key struct{}

// With returns ctx carrying c.
func With(ctx context.Context, c *Counters) context.Context {
	return context.WithValue(ctx, key{}, c)
}

// From returns the Counters ctx carries, or a throwaway set, so callers
// count without checking.
func From(ctx context.Context) *Counters {
	if c, ok := ctx.Value(key{}).(*Counters); ok && c != nil {
		return c
	}
	return &Counters{}
}

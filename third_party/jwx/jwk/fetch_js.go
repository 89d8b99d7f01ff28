//go:build js

// ClearBadge patch to jwx v2.1.7 (see ../PATCH.md).

package jwk

import (
	"context"
	"errors"
)

// In a js/wasm build jwk fetches nothing. Fetch and Cache (fetch.go,
// cache.go) are built on github.com/lestrrat-go/httprc and net/http, and
// importing net/http links its package initialisation (mime, log,
// net/textproto, part of crypto/tls) into every WebAssembly program that
// uses jwk, whether or not it fetches a key set; in a browser a fetch goes
// through the host's fetch API anyway. The option types keep their names so
// that the options compile; they are never used.

// HTTPClient is httprc.HTTPClient in other builds.
type HTTPClient any

// ErrSink is httprc.ErrSink in other builds.
type ErrSink interface{ Error(error) }

// Whitelist is httprc.Whitelist in other builds.
type Whitelist interface{ IsAllowed(string) bool }

// Fetch fails in a js/wasm build: see above.
func Fetch(context.Context, string, ...FetchOption) (Set, error) {
	return nil, errors.New(`jwk.Fetch: not available in a js/wasm build`)
}

// Package fetch is the only way the core reaches the network, and it does so
// only through a Fetcher the caller hands in. The native CLI uses HTTP, the
// wasm bridge uses the browser's fetch, and offline mode uses none at all:
// every lookup then fails with ErrOffline and the check that wanted it is
// reported as skipped, never silently passed.
package fetch

import (
	"context"
	"errors"
	"fmt"
)

// MaxBytes caps any fetched document (a DID document, status list, JWKS or
// schema). Real ones are a few KiB; a 16 KiB bitstring list compresses to less.
const MaxBytes = 2 << 20

// ErrOffline is returned when a document would have to come from the network
// and the verifier is offline (or no Fetcher was given).
var ErrOffline = errors.New("offline: network lookups are turned off")

// Fetcher returns the body of a public document. accept is the list of media
// types the caller can use, most preferred first; implementations send it as
// the Accept header and must refuse a response of another type.
type Fetcher interface {
	Fetch(ctx context.Context, url string, accept ...string) ([]byte, error)
}

// Func adapts a function to the Fetcher interface.
type Func func(ctx context.Context, url string, accept ...string) ([]byte, error)

// Fetch calls f.
func (f Func) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	return f(ctx, url, accept...)
}

// Offline is the Fetcher used in offline mode.
var Offline Fetcher = Func(func(context.Context, string, ...string) ([]byte, error) {
	return nil, ErrOffline
})

// TooLargeError is returned for a document over MaxBytes.
type TooLargeError struct{ URL string }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s: document is larger than %d bytes", e.URL, MaxBytes)
}

// Static serves documents the user supplied (air-gapped verification: a status
// list, a did:web document, a JWKS or a schema saved beforehand), falling back
// to Next (which may be nil, meaning offline) for any other URL.
type Static struct {
	Docs map[string][]byte
	Next Fetcher
}

// Fetch returns the supplied document for url, or asks Next.
func (s *Static) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	if b, err, ok := supplied(s.Docs, url); ok {
		return b, err
	}
	if s.Next == nil {
		return nil, ErrOffline
	}
	return s.Next.Fetch(ctx, url, accept...)
}

// Error is a document that could not be had, and why: offline (Err is
// ErrOffline) or unreachable (a network error, a timeout, an HTTP status, a
// refused media type). A document that was read but says something else is
// never an Error; the checks tell the two apart, because an unreachable
// document is evidence of nothing (the check is skipped and names the URL
// that would complete it) while a document that answers can contradict.
type Error struct {
	URL string
	Err error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Labelled returns a Fetcher whose every failure is an *Error naming the URL.
func Labelled(next Fetcher) Fetcher {
	return Func(func(ctx context.Context, url string, accept ...string) ([]byte, error) {
		b, err := next.Fetch(ctx, url, accept...)
		var fe *Error
		if err != nil && !errors.As(err, &fe) {
			err = &Error{URL: url, Err: err}
		}
		return b, err
	})
}

// Unfetched returns the *Error in err's chain, or nil when err is not a
// document that could not be had.
func Unfetched(err error) *Error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	return nil
}

// StatusError is an HTTP response other than 200 OK. A registry reads 404 as
// "not listed"; everything else treats it as a document that could not be
// had.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: the server answered HTTP %d", e.URL, e.Code)
}

// supplied returns the document the user gave for url (ok false when none),
// held to the same size cap as a fetched one.
func supplied(docs map[string][]byte, url string) (b []byte, err error, ok bool) {
	if b, ok = docs[url]; !ok {
		return nil, nil, false
	}
	if len(b) > MaxBytes {
		return nil, &TooLargeError{URL: url}, true
	}
	return b, nil, true
}

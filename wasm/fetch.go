//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"syscall/js"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// jsFetcher is the online fetch.Fetcher: a GET through the host's fetch API.
// It is handed to the core only when the caller asked for offline: false.
//
// Requests carry no cookies or credentials and no referrer, so the site
// contacted learns only that someone fetched a public document (and the
// address it came from), not which page or which learner asked. In a browser
// the request is a CORS request from the page's origin: a server that does not
// allow it makes the lookup fail, and the core reports that check as skipped.
//
// Addresses: the URL is checked before the request (https, no local address
// written out unless allowPrivate), and again after redirects (the
// response's final URL). A browser does not show the hops in between;
// it refuses an https page's redirect to http: (mixed content) and applies
// its own Private Network Access rules to a public page reaching a local
// address. Names are resolved by the browser, so a name pointing at a local
// address is left to those rules too. The core's fetch.Session applies the
// time, document and byte limits.
//
// hosts, when not empty, are the only hosts (URL host, with its port if any)
// it contacts: any other document is refused as if offline, and redirects
// are refused, so that a check the user allowed for one site contacts that
// site only (the verifier page's "Check revocation online").
type jsFetcher struct {
	allowPrivate bool
	hosts        []string
	kept         *keeper // nil unless the caller asked to keep what was fetched
}

// keeper collects the documents a verification fetched, so that a wallet can
// keep them and verify again offline later (the documents option), saying
// how old that evidence is. Fetches may run concurrently.
type keeper struct {
	mu   sync.Mutex
	docs []keptDoc
}

type keptDoc struct {
	url       string
	fetchedAt time.Time
	lifetime  time.Duration // fetch.Lifetime of the response
	body      []byte
}

func (k *keeper) add(d keptDoc) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.docs = append(k.docs, d)
}

// jsArray is the kept documents as JavaScript objects:
// [{url, fetchedAt (RFC 3339), maxAge (seconds), body (Uint8Array)}].
func (k *keeper) jsArray() js.Value {
	k.mu.Lock()
	defer k.mu.Unlock()
	arr := js.Global().Get("Array").New()
	for _, d := range k.docs {
		o := js.Global().Get("Object").New()
		o.Set("url", d.url)
		o.Set("fetchedAt", d.fetchedAt.UTC().Format(time.RFC3339))
		o.Set("maxAge", int(d.lifetime/time.Second))
		o.Set("body", bytesJS(d.body))
		arr.Call("push", o)
	}
	return arr
}

// ContentTypeError is a response whose media type the caller cannot use.
type ContentTypeError struct {
	URL  string
	Got  string
	Want []string
}

func (e *ContentTypeError) Error() string {
	return fmt.Sprintf("%s: the server sent %q, expected one of %s", e.URL, e.Got, strings.Join(e.Want, ", "))
}

// FetchError is a request the host's fetch refused or could not complete: a
// network error, a CORS refusal, a Content-Security-Policy block, or a
// cancelled context.
type FetchError struct {
	URL    string
	Reason string
}

func (e *FetchError) Error() string { return e.URL + ": " + e.Reason }

// Fetch implements fetch.Fetcher: only a 200 response of an accepted media
// type and at most fetch.MaxBytes long is returned.
func (f jsFetcher) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	// Public documents are fetched over HTTPS only, as natively; a page served
	// over https could not fetch http: anyway (mixed content).
	if err := fetch.CheckURL(url, f.allowPrivate); err != nil {
		return nil, err
	}
	if !f.allowed(url) {
		return nil, fmt.Errorf("%s: %w (online checks may contact only %s)", url, fetch.ErrOffline, strings.Join(f.hosts, ", "))
	}
	fetchFn := js.Global().Get("fetch")
	if fetchFn.Type() != js.TypeFunction {
		return nil, &FetchError{URL: url, Reason: "this JavaScript host has no fetch API"}
	}

	// Cancel the request when ctx ends.
	ac := js.Global().Get("AbortController").New()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-ctx.Done():
			ac.Call("abort")
		case <-stop:
		}
	}()

	headers := js.Global().Get("Object").New()
	if len(accept) > 0 {
		headers.Set("Accept", strings.Join(accept, ", "))
	}
	init := js.Global().Get("Object").New()
	init.Set("method", "GET")
	init.Set("headers", headers)
	init.Set("credentials", "omit")
	init.Set("referrerPolicy", "no-referrer")
	init.Set("cache", "no-store")
	if len(f.hosts) > 0 {
		init.Set("redirect", "error")
	} else {
		init.Set("redirect", "follow")
	}
	init.Set("signal", ac.Get("signal"))

	resp, err := await(ctx, fetchFn.Invoke(url, init))
	if err != nil {
		return nil, &FetchError{URL: url, Reason: err.Error()}
	}
	if final := resp.Get("url"); resp.Get("redirected").Truthy() && final.Type() == js.TypeString {
		if err := fetch.CheckURL(final.String(), f.allowPrivate); err != nil {
			cancelBody(resp)
			return nil, &fetch.RefusedError{URL: url, Reason: "it redirects to " + final.String() + ", which is refused"}
		}
	}
	if st := resp.Get("status").Int(); st != 200 {
		cancelBody(resp)
		return nil, &fetch.StatusError{URL: url, Code: st}
	}
	ct := resp.Get("headers").Call("get", "Content-Type")
	got := ""
	if ct.Type() == js.TypeString {
		got = ct.String()
	}
	if !acceptable(got, accept) {
		cancelBody(resp)
		return nil, &ContentTypeError{URL: url, Got: got, Want: accept}
	}
	body, err := readBody(ctx, url, resp)
	if err == nil && f.kept != nil {
		h := resp.Get("headers")
		hdr := func(name string) string {
			if v := h.Call("get", name); v.Type() == js.TypeString {
				return v.String()
			}
			return ""
		}
		f.kept.add(keptDoc{url: url, fetchedAt: time.Now(), lifetime: fetch.Lifetime(hdr("Cache-Control"), hdr("Expires"), hdr("Date")), body: body})
	}
	return body, err
}

// allowed reports whether rawURL's host may be contacted. Hosts compare as
// the URL Standard's host does (JavaScript's new URL(u).host): lower case,
// without the default port.
func (f jsFetcher) allowed(rawURL string) bool {
	if len(f.hosts) == 0 {
		return true
	}
	u, err := neturl.Parse(rawURL)
	if err != nil {
		return false
	}
	host := canonicalHost(u.Host)
	return slices.ContainsFunc(f.hosts, func(h string) bool { return canonicalHost(h) == host })
}

func canonicalHost(h string) string { return strings.TrimSuffix(strings.ToLower(h), ":443") }

// readBody reads the response stream chunk by chunk and gives up as soon as
// it passes fetch.MaxBytes, so an endless or huge response costs at most the
// cap (a declared Content-Length is not trusted either way).
func readBody(ctx context.Context, url string, resp js.Value) ([]byte, error) {
	body := resp.Get("body")
	if body.IsNull() || body.IsUndefined() {
		return nil, nil
	}
	reader := body.Call("getReader")
	var out []byte
	for {
		chunk, err := await(ctx, reader.Call("read"))
		if err != nil {
			return nil, &FetchError{URL: url, Reason: "reading the response: " + err.Error()}
		}
		if chunk.Get("done").Bool() {
			return out, nil
		}
		v := chunk.Get("value")
		n := v.Get("byteLength").Int()
		if len(out)+n > fetch.MaxBytes {
			reader.Call("cancel")
			return nil, &fetch.TooLargeError{URL: url}
		}
		start := len(out)
		out = append(out, make([]byte, n)...)
		js.CopyBytesToGo(out[start:], v)
	}
}

// cancelBody releases a response body that will not be read.
func cancelBody(resp js.Value) {
	if b := resp.Get("body"); b.Type() == js.TypeObject {
		b.Call("cancel")
	}
}

// acceptable reports whether the Content-Type header names one of the
// accepted media types, with the same rules as the native fetcher
// (core/fetch/httpfetch): parameters such as charset are ignored, "*/*"
// accepts anything, and any JSON type is accepted when some JSON type was
// asked for, because servers label DID documents and status lists loosely
// (application/json for application/did+json).
func acceptable(contentType string, accept []string) bool {
	if len(accept) == 0 {
		return true
	}
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	if mt == "" {
		return false
	}
	for _, a := range accept {
		if a == mt || a == "*/*" || (isJSON(a) && isJSON(mt)) {
			return true
		}
	}
	return false
}

func isJSON(mt string) bool { return mt == "application/json" || strings.HasSuffix(mt, "+json") }

// errCancelled is returned by await when ctx ends first.
var errCancelled = errors.New("cancelled")

// await blocks the calling goroutine (never a js.FuncOf callback) until the
// promise settles. The Go scheduler yields to the JavaScript event loop
// meanwhile, which is what lets the promise make progress.
func await(ctx context.Context, p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	onOK := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: arg0(args)}
		return nil
	})
	onErr := js.FuncOf(func(_ js.Value, args []js.Value) any {
		reason := arg0(args)
		msg := "rejected"
		if reason.Type() == js.TypeObject && reason.Get("message").Type() == js.TypeString {
			msg = reason.Get("name").String() + ": " + reason.Get("message").String()
		} else if reason.Type() == js.TypeString {
			msg = reason.String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	p.Call("then", onOK, onErr)
	// The callbacks must outlive the promise settling even if ctx ends first:
	// releasing them early would make a late settlement call a released Func.
	select {
	case r := <-ch:
		onOK.Release()
		onErr.Release()
		return r.v, r.err
	case <-ctx.Done():
		go func() {
			<-ch
			onOK.Release()
			onErr.Release()
		}()
		return js.Undefined(), errCancelled
	}
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}

//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"syscall/js"
)

// hostEd25519 checks Ed25519 signatures with the host's own implementation.
// Go's curve arithmetic compiled to wasm takes ~430 µs per signature on the
// bench machine, against ~60 µs natively; the host's native code is used
// instead, in one of two ways:
//   - a synchronous function the loader supplies as
//     globalThis.ClearBadgeHost.ed25519Verify(pub, msg, sig) → boolean
//     (web/clearbadge.mjs in Node: node:crypto, ~140 µs with the call);
//   - else WebCrypto (crypto.subtle; Ed25519 is in Chromium 137+, Firefox
//     129+, Safari 17+), whose promise the verifying goroutine waits out
//     while the event loop runs. In a Chromium worker that pays (0.1-0.3 ms
//     per verification); in Node, whose subtle runs on a thread pool, it
//     costs more than it saves, hence the first way there.
//
// The core believes only its "yes" and checks any "no" again in Go
// (proof.UseHostEd25519).
type hostEd25519 struct {
	sync   js.Value // the loader's synchronous function, or undefined
	subtle js.Value
	alg    js.Value // {name: "Ed25519"}
	usages js.Value // ["verify"]

	mu     sync.Mutex
	keys   map[string]js.Value // WebCrypto keys imported, by their 32 raw bytes
	failed error               // set once importing a key is refused: the host has no Ed25519
}

// maxKeys bounds the imported keys kept; a verification names one issuer key
// (a CLR or presentation a few), so more than this is a stream of strangers.
const maxKeys = 64

// newHostEd25519 returns nil when the host offers neither way.
func newHostEd25519() *hostEd25519 {
	if f := js.Global().Get("ClearBadgeHost"); f.Type() == js.TypeObject && f.Get("ed25519Verify").Type() == js.TypeFunction {
		return &hostEd25519{sync: f.Get("ed25519Verify")}
	}
	c := js.Global().Get("crypto")
	if c.Type() != js.TypeObject || c.Get("subtle").Type() != js.TypeObject {
		return nil
	}
	alg := js.Global().Get("Object").New()
	alg.Set("name", "Ed25519")
	return &hostEd25519{
		subtle: c.Get("subtle"),
		alg:    alg,
		usages: js.ValueOf([]any{"verify"}),
		keys:   map[string]js.Value{},
	}
}

// verify reports whether sig is pub's Ed25519 signature of msg. It blocks the
// calling goroutine, which must not be a js.FuncOf callback (verifications
// run in goroutines of their own, see verifyJS).
func (w *hostEd25519) verify(pub, msg, sig []byte) (ok bool, err error) {
	defer func() {
		// A JavaScript exception (a key node:crypto cannot import, a
		// host whose subtle lacks a method) is a "could not check", never
		// a crash.
		if p := recover(); p != nil {
			ok, err = false, fmt.Errorf("host ed25519: %v", p)
		}
	}()
	var v js.Value
	if w.sync.Type() == js.TypeFunction {
		v = w.sync.Invoke(bytesJS(pub), bytesJS(msg), bytesJS(sig))
	} else if v, err = w.webCrypto(pub, msg, sig); err != nil {
		return false, err
	}
	if v.Type() != js.TypeBoolean {
		return false, errors.New("host ed25519: the answer is not true or false")
	}
	return v.Bool(), nil
}

// webCrypto starts crypto.subtle.verify and waits for its answer.
func (w *hostEd25519) webCrypto(pub, msg, sig []byte) (js.Value, error) {
	key, err := w.key(pub)
	if err != nil {
		return js.Value{}, err
	}
	return await(context.Background(), w.subtle.Call("verify", w.alg, key, bytesJS(sig), bytesJS(msg)))
}

// key imports pub, or returns it from the keys already imported.
func (w *hostEd25519) key(pub []byte) (js.Value, error) {
	w.mu.Lock()
	k, ok := w.keys[string(pub)]
	failed := w.failed
	w.mu.Unlock()
	if ok {
		return k, nil
	}
	if failed != nil {
		return js.Value{}, failed
	}
	k, err := await(context.Background(), w.subtle.Call("importKey", "raw", bytesJS(pub), w.alg, false, w.usages))
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		// A key that is not a point on the curve is refused too (a
		// DataError); only a host without the algorithm (await names the
		// DOMException first) is remembered.
		if strings.HasPrefix(err.Error(), "NotSupportedError") {
			w.failed = err
		}
		return js.Value{}, err
	}
	if len(w.keys) >= maxKeys {
		clear(w.keys)
	}
	w.keys[string(pub)] = k
	return k, nil
}

// uint8Array is the constructor, looked up once: each lookup is a call
// into JavaScript, and a verification makes a few.
var uint8Array = js.Global().Get("Uint8Array")

// bytesJS copies b into a new Uint8Array.
func bytesJS(b []byte) js.Value {
	a := uint8Array.New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// newHostSHA256 returns the loader's synchronous SHA-256,
// globalThis.ClearBadgeHost.sha256(bytes) → Uint8Array (web/clearbadge.mjs
// in Node: node:crypto), or nil. Go's SHA-256 compiled to wasm was 6 % of a
// verification in Node. WebCrypto's digest is asynchronous, and waiting for
// it costs about what it saves, so a browser has none.
func newHostSHA256() func(b []byte) ([]byte, error) {
	h := js.Global().Get("ClearBadgeHost")
	if h.Type() != js.TypeObject || h.Get("sha256").Type() != js.TypeFunction {
		return nil
	}
	f := h.Get("sha256")
	return func(b []byte) (d []byte, err error) {
		defer func() {
			if p := recover(); p != nil {
				d, err = nil, fmt.Errorf("host sha256: %v", p)
			}
		}()
		v := f.Invoke(bytesJS(b))
		if !v.InstanceOf(uint8Array) || v.Length() != 32 {
			return nil, errors.New("host sha256: the answer is not 32 bytes")
		}
		d = make([]byte, 32)
		js.CopyBytesToGo(d, v)
		return d, nil
	}
}

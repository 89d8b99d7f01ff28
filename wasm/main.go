//go:build js && wasm

// Command wasm is the bridge between the ClearBadge core and JavaScript. Built
// with GOOS=js GOARCH=wasm it runs in a browser Web Worker, in Node or in a
// wallet's service worker, and exposes exactly one global:
//
//	globalThis.ClearBadge = {
//	  version: string,                   // build description
//	  ready:   Promise<void>,            // resolves once verify can be called
//	  verify(input, opts): Promise<Report>,
//	  keygen, present, bake, unbake,     // the wallet's: see wallet.go
//	  defaultRegistries: [{name, url}]   // registry.Defaults
//	}
//
// defaultRegistries are the issuer registries the CLI consults online when
// none is named. verify uses none unless told (the registries option): a
// surface passes these when it goes online, and first asks before
// contacting their hosts (the wallet) or names them (the page).
//
// input is a string (JSON, JWT or SVG text) or a Uint8Array (any of those, or a
// baked PNG). opts is optional: {offline = true, at (RFC 3339 time to verify
// as of), challenge, domain, source (a name for the input, e.g. a file name),
// strict (schema slips fail), hosts (with offline: false, the only hosts that
// may be contacted), documents ({url: string | Uint8Array}, supplied instead
// of fetched, as the CLI's --with), allowPrivateNetwork = false (let online
// checks reach local addresses, for intranet issuers), keepDocuments = false
// (with offline: false, the result also carries documents: the public
// documents fetched, [{url, fetchedAt, maxAge (seconds the server allows
// reusing it), body (Uint8Array)}], for a wallet to keep and supply later;
// this field is the bridge's, not part of the Report), registries ([{name,
// url} | {name, data: string | Uint8Array}]: issuer registries for the
// identity check, a file's bytes or a URL fetched when online, as the CLI's
// --registry; none by default), reportJSON = false (resolve to the Report's
// JSON text instead, except when documents are kept: the page's worker sends
// the text on to the page, which parses it faster than a parsed Report is
// copied between threads)}.
// The promise resolves to the JSON-parsed report.Report and rejects only for a
// misuse of the API (wrong argument types) or an internal failure; a bad
// credential is a Report with failed checks, not a rejection.
//
// Each call runs in its own goroutine so the calling JavaScript never waits
// inside the callback (a blocked callback would also deadlock any fetch the
// verifier makes online, see syscall/js.FuncOf). Offline is the default; only
// an explicit offline: false hands the core a Fetcher over the JS fetch API.
//
// web/clearbadge.mjs is the supported way to load this module; it keeps the
// global out of the page by running the module in a worker (browser) or in a
// private scope (Node).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"syscall/js"

	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/verify"
)

// globalName is the one property this program sets on globalThis.
const globalName = "ClearBadge"

// gcPercent trades memory for garbage-collection time. WebAssembly has one
// thread, so every collection stops the verifier. Measured with
// GODEBUG=gctrace=1 over 2,000 eddsa-rdfc-2022 verifications in Node (after
// the context cache cut allocations to ~76 KB each): 100 (Go's default)
// ran 77 collections with a 4 MB heap goal, 200 ran 26 with 9 MB, 400 ran 9
// with 32-38 MB; collection is then 2-5 % of the time either way, so 200
// takes most of the gain for a heap a worker can afford.
const gcPercent = 200

func main() {
	debug.SetGCPercent(gcPercent)
	if w := newHostEd25519(); w != nil {
		verify.UseHostEd25519(w.verify)
	}
	if f := newHostSHA256(); f != nil {
		verify.UseHostSHA256(f)
	}
	api := js.Global().Get("Object").New()
	api.Set("version", version())
	api.Set("verify", js.FuncOf(verifyJS))
	api.Set("keygen", js.FuncOf(keygenJS))
	api.Set("present", js.FuncOf(presentJS))
	api.Set("bake", js.FuncOf(bakeJS))
	api.Set("unbake", js.FuncOf(unbakeJS))
	api.Set("defaultRegistries", defaultRegistries())
	// ready is resolved now, once the exports exist: a loader that finds the
	// global after go.run awaits it, so a future asynchronous start-up
	// needs no change on the JavaScript side.
	api.Set("ready", promise.Call("resolve"))
	js.Global().Set(globalName, api)
	spawn(warmUp)
	// The exported functions live as long as the Go program; block forever.
	select {}
}

// warmUpCredential is an OB 3.0 credential in the shape of the common ones
// (issuer profile, hashed identifier, achievement with criteria and image)
// whose eddsa-rdfc-2022 signature is made up: verifying it runs what a real
// one does, the signature check included (the did:key is the example of
// the did:key specification).
const warmUpCredential = `{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 "id": "urn:uuid:00000000-0000-4000-8000-000000000000", "type": ["VerifiableCredential", "OpenBadgeCredential"],
 "name": "Warm-up", "description": "Verified once at start-up and thrown away.",
 "issuer": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "type": ["Profile"], "name": "Warm-up", "description": "x"},
 "validFrom": "2025-01-01T00:00:00Z",
 "credentialSubject": {"type": ["AchievementSubject"],
  "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true, "identityHash": "sha256$0000000000000000000000000000000000000000000000000000000000000000"}],
  "achievement": {"id": "urn:uuid:00000000-0000-4000-8000-000000000001", "type": ["Achievement"], "achievementType": "Badge", "name": "Warm-up", "description": "x",
   "criteria": {"narrative": "x"}, "image": {"id": "data:image/png;base64,", "type": "Image", "caption": "x"}}},
 "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z", "proofPurpose": "assertionMethod",
  "verificationMethod": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
  "proofValue": "z2CNiVUkS2FjsZkw2bLksLCxVXsJot5GebHiqorSEzbmFZ4DQ9T2C6ic7UgzRs2jbDHc458LmC8tYGo3HMihqsBN"}}`

// warmUp verifies warmUpCredential once, soon after start-up, while a page
// is usually still idle: the first verification pays for parsing and
// processing the bundled contexts and for V8 compiling the code it runs
// (in Node 130 ms against 2 for the next ones, on a quiet machine; in
// Chromium, which compiles wasm lazily, 150-400 ms). It first lets the host
// run for warmUpWait (go.run returns, the loader says ready) and is skipped
// when a verification has been asked for by then: that one does the same
// one-time work, and would otherwise wait for the warm-up (a call that
// arrives while it runs still does).
func warmUp() {
	time.Sleep(warmUpWait)
	if called.Load() {
		return
	}
	defer func() { _ = recover() }() // a warm-up that fails changes nothing
	verify.New().Verify(context.Background(), []byte(warmUpCredential), "")
}

// warmUpWait is how long the warm-up leaves to a first call: long enough for
// a page whose file is already chosen to hear that the worker is ready and
// send it (two messages), short against a person choosing a file.
const warmUpWait = 50 * time.Millisecond

// called is set by the first verify call.
var called atomic.Bool

// version describes the build: the module version, which for a build from a
// git checkout is a pseudo-version naming the commit (and "+dirty" for
// uncommitted changes; `make wasm` asks for that stamping).
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return "clearbadge " + bi.Main.Version
	}
	return "clearbadge"
}

// defaultRegistries is registry.Defaults as a JavaScript array of {name, url}.
func defaultRegistries() js.Value {
	arr := js.Global().Get("Array").New()
	for _, r := range registry.Defaults {
		o := js.Global().Get("Object").New()
		o.Set("name", r.Name)
		o.Set("url", r.URL)
		arr.Call("push", o)
	}
	return arr
}

// options are the JavaScript verify options after checking their types.
type options struct {
	offline           bool
	strict            bool
	allowPrivate      bool
	keepDocuments     bool
	reportJSON        bool
	at                time.Time
	challenge, domain string
	source            string
	hosts             []string
	documents         map[string][]byte
	registries        []registry.Source
}

// verifyJS is ClearBadge.verify. It reads its arguments synchronously (the
// caller may reuse its buffer afterwards) and returns a Promise at once.
func verifyJS(_ js.Value, args []js.Value) any {
	called.Store(true)
	var in js.Value
	if len(args) > 0 {
		in = args[0]
	}
	input, err := inputBytes(in)
	if err != nil {
		return rejected(typeError(err.Error()))
	}
	var o js.Value
	if len(args) > 1 {
		o = args[1]
	}
	opts, err := readOptions(o)
	if err != nil {
		return rejected(typeError(err.Error()))
	}
	return newPromise(func(resolve, reject js.Value) {
		spawn(func() { run(input, opts, resolve, reject) })
	})
}

// tasks hands calls to goroutines kept from earlier calls. A verification
// grows its goroutine's stack to tens of KB (JSON-LD is recursive); a new
// goroutine for each call would start from 8 KB and grow again, copying its
// stack each time, which cost ~5 % of a verification in wasm.
var tasks = make(chan func())

// spawn runs f on an idle kept goroutine, or on a new one (kept afterwards)
// when all are busy, as `go f()` would.
func spawn(f func()) {
	select {
	case tasks <- f:
	default:
		go func() {
			f()
			for f := range tasks {
				f()
			}
		}()
	}
}

// run verifies and settles the promise. A panic anywhere below is turned into
// a rejection, so one bad input can never take the runtime (and with it every
// later call) down.
func run(input []byte, o options, resolve, reject js.Value) {
	defer func() {
		if p := recover(); p != nil {
			reject.Invoke(jsError(fmt.Sprintf("clearbadge: internal error: %v", p)))
		}
	}()
	vopts := []verify.Option{verify.WithOffline(o.offline), verify.WithPrivateNetwork(o.allowPrivate)}
	var kept *keeper
	if !o.offline {
		if o.keepDocuments {
			kept = &keeper{}
		}
		vopts = append(vopts, verify.WithFetcher(jsFetcher{allowPrivate: o.allowPrivate, hosts: o.hosts, kept: kept}))
	}
	if len(o.documents) > 0 {
		vopts = append(vopts, verify.WithDocuments(o.documents))
	}
	if len(o.registries) > 0 {
		vopts = append(vopts, verify.WithRegistries(o.registries...))
	}
	if o.strict {
		vopts = append(vopts, verify.WithStrict(true))
	}
	if !o.at.IsZero() {
		vopts = append(vopts, verify.WithTime(o.at))
	}
	if o.challenge != "" {
		vopts = append(vopts, verify.WithChallenge(o.challenge))
	}
	if o.domain != "" {
		vopts = append(vopts, verify.WithDomain(o.domain))
	}
	// The core bounds the network time (fetch.DefaultLimits); the page's
	// worker bounds the whole call and restarts a worker that passes it.
	rep := verify.New(vopts...).Verify(context.Background(), input, o.source)
	b, err := json.Marshal(rep)
	if err != nil {
		reject.Invoke(jsError("clearbadge: encoding the report: " + err.Error()))
		return
	}
	if o.reportJSON && kept == nil {
		resolve.Invoke(string(b))
		return
	}
	// JSON.parse hands JavaScript a plain object; building it field by field
	// through syscall/js would be slower and would duplicate the JSON shape.
	res := jsonObject.Call("parse", string(b))
	if kept != nil {
		res.Set("documents", kept.jsArray())
	}
	resolve.Invoke(res)
}

// inputBytes copies a string or Uint8Array argument into Go memory.
func inputBytes(v js.Value) ([]byte, error) {
	switch {
	case v.Type() == js.TypeString:
		return []byte(v.String()), nil
	case v.InstanceOf(uint8Array):
		b := make([]byte, v.Get("byteLength").Int())
		js.CopyBytesToGo(b, v)
		return b, nil
	}
	return nil, fmt.Errorf("ClearBadge.verify: input must be a string or a Uint8Array, not %s", describe(v))
}

// readOptions checks the option object's fields. Unknown fields are ignored
// (callers may pass their own settings object), but a known field of the
// wrong type is an error rather than a silent default: {offline: "false"}
// must not quietly mean online or offline.
func readOptions(v js.Value) (options, error) {
	o := options{offline: true}
	if v.IsUndefined() || v.IsNull() {
		return o, nil
	}
	if v.Type() != js.TypeObject {
		return o, fmt.Errorf("ClearBadge.verify: options must be an object, not %s", describe(v))
	}
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"offline", &o.offline}, {"strict", &o.strict}, {"allowPrivateNetwork", &o.allowPrivate}, {"keepDocuments", &o.keepDocuments}, {"reportJSON", &o.reportJSON}} {
		if err := boolOption(v, f.name, f.dst); err != nil {
			return o, err
		}
	}
	var err error
	if o.hosts, err = hostsOption(v.Get("hosts")); err != nil {
		return o, err
	}
	if o.documents, err = documentsOption(v.Get("documents")); err != nil {
		return o, err
	}
	if o.registries, err = registriesOption(v.Get("registries")); err != nil {
		return o, err
	}
	str := func(name string, dst *string) error {
		f := v.Get(name)
		if f.IsUndefined() || f.IsNull() {
			return nil
		}
		if f.Type() != js.TypeString {
			return fmt.Errorf("ClearBadge.verify: options.%s must be a string, not %s", name, describe(f))
		}
		*dst = f.String()
		return nil
	}
	var at string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"at", &at}, {"challenge", &o.challenge}, {"domain", &o.domain}, {"source", &o.source}} {
		if err := str(f.name, f.dst); err != nil {
			return o, err
		}
	}
	if at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return o, fmt.Errorf("ClearBadge.verify: options.at must be an RFC 3339 date-time such as 2025-06-01T00:00:00Z: %v", err)
		}
		o.at = t
	}
	return o, nil
}

// boolOption reads an optional boolean field into dst.
func boolOption(v js.Value, name string, dst *bool) error {
	f := v.Get(name)
	if f.IsUndefined() {
		return nil
	}
	if f.Type() != js.TypeBoolean {
		return fmt.Errorf("ClearBadge.verify: options.%s must be a boolean, not %s", name, describe(f))
	}
	*dst = f.Bool()
	return nil
}

// hostsOption reads options.hosts: an array of non-empty strings.
func hostsOption(f js.Value) ([]string, error) {
	if f.IsUndefined() || f.IsNull() {
		return nil, nil
	}
	if !js.Global().Get("Array").Call("isArray", f).Bool() {
		return nil, fmt.Errorf("ClearBadge.verify: options.hosts must be an array of host names, not %s", describe(f))
	}
	hosts := make([]string, f.Length())
	for i := range hosts {
		h := f.Index(i)
		if h.Type() != js.TypeString || h.String() == "" {
			return nil, fmt.Errorf("ClearBadge.verify: options.hosts[%d] must be a host name, not %s", i, describe(h))
		}
		hosts[i] = h.String()
	}
	return hosts, nil
}

// documentsOption reads options.documents: an object from URL to a string
// or Uint8Array.
func documentsOption(f js.Value) (map[string][]byte, error) {
	if f.IsUndefined() || f.IsNull() {
		return nil, nil
	}
	if f.Type() != js.TypeObject {
		return nil, fmt.Errorf("ClearBadge.verify: options.documents must be an object, not %s", describe(f))
	}
	keys := js.Global().Get("Object").Call("keys", f)
	docs := make(map[string][]byte, keys.Length())
	for i := 0; i < keys.Length(); i++ {
		url := keys.Index(i).String()
		b, err := inputBytes(f.Get(url))
		if err != nil {
			return nil, fmt.Errorf("ClearBadge.verify: options.documents[%q] must be a string or a Uint8Array, not %s", url, describe(f.Get(url)))
		}
		docs[url] = b
	}
	return docs, nil
}

// registriesOption reads options.registries: an array of {name, url} or
// {name, data}.
func registriesOption(f js.Value) ([]registry.Source, error) {
	if f.IsUndefined() || f.IsNull() {
		return nil, nil
	}
	if !js.Global().Get("Array").Call("isArray", f).Bool() {
		return nil, fmt.Errorf("ClearBadge.verify: options.registries must be an array, not %s", describe(f))
	}
	out := make([]registry.Source, f.Length())
	for i := range out {
		r := f.Index(i)
		if r.Type() != js.TypeObject {
			return nil, fmt.Errorf("ClearBadge.verify: options.registries[%d] must be {name, url} or {name, data}, not %s", i, describe(r))
		}
		for _, k := range []struct {
			name string
			dst  *string
		}{{"name", &out[i].Name}, {"url", &out[i].URL}} {
			if v := r.Get(k.name); !v.IsUndefined() && !v.IsNull() {
				if v.Type() != js.TypeString {
					return nil, fmt.Errorf("ClearBadge.verify: options.registries[%d].%s must be a string, not %s", i, k.name, describe(v))
				}
				*k.dst = v.String()
			}
		}
		if d := r.Get("data"); !d.IsUndefined() && !d.IsNull() {
			b, err := inputBytes(d)
			if err != nil {
				return nil, fmt.Errorf("ClearBadge.verify: options.registries[%d].data must be a string or a Uint8Array, not %s", i, describe(d))
			}
			out[i].Data = b
		}
		if (out[i].URL == "") == (out[i].Data == nil) {
			return nil, fmt.Errorf("ClearBadge.verify: options.registries[%d] needs exactly one of url and data", i)
		}
	}
	return out, nil
}

// describe names a JavaScript value's type for error messages.
func describe(v js.Value) string {
	if v.Type() == js.TypeObject {
		if c := v.Get("constructor"); c.Type() == js.TypeFunction {
			return "a " + c.Get("name").String()
		}
	}
	return v.Type().String()
}

// promise and jsonObject are JavaScript's Promise and JSON, looked up once
// as uint8Array is: every call settles a promise and parses its report.
var (
	promise    = js.Global().Get("Promise")
	jsonObject = js.Global().Get("JSON")
)

// newPromise returns new Promise(executor) with executor run synchronously.
func newPromise(executor func(resolve, reject js.Value)) js.Value {
	var fn js.Func
	fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		fn.Release()
		executor(args[0], args[1])
		return nil
	})
	return promise.New(fn)
}

func rejected(err js.Value) js.Value {
	return promise.Call("reject", err)
}

func jsError(msg string) js.Value { return js.Global().Get("Error").New(msg) }

func typeError(msg string) js.Value { return js.Global().Get("TypeError").New(msg) }

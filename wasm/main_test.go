//go:build js && wasm

// These tests run under Node through the Go toolchain's wasm runner:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm
//
// (`make test-browser` does). The page-level behaviour is tested in
// tests/browser.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"syscall/js"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
)

func TestDefaultRegistries(t *testing.T) {
	got := defaultRegistries()
	if got.Length() != len(registry.Defaults) {
		t.Fatalf("%d default registries, want %d", got.Length(), len(registry.Defaults))
	}
	for i, want := range registry.Defaults {
		r := got.Index(i)
		if r.Get("name").String() != want.Name || r.Get("url").String() != want.URL {
			t.Errorf("defaultRegistries[%d] = {%s, %s}, want {%s, %s}", i, r.Get("name"), r.Get("url"), want.Name, want.URL)
		}
	}
}

func TestAcceptable(t *testing.T) {
	cases := []struct {
		ct     string
		accept []string
		want   bool
	}{
		{"application/json", []string{"application/json"}, true},
		{"application/json; charset=utf-8", []string{"application/json"}, true},
		{"Application/JSON", []string{"application/json"}, true},
		{"application/did+json", []string{"application/did+ld+json", "application/json"}, true},
		{"application/ld+json", []string{"application/json"}, true},
		{"text/html", []string{"application/json"}, false},
		{"", []string{"application/json"}, false},
		{"text/plain", []string{"application/vc+jwt", "text/plain"}, true},
		{"text/html", []string{"*/*"}, true},
		{"anything/at-all", nil, true},
	}
	for _, c := range cases {
		if got := acceptable(c.ct, c.accept); got != c.want {
			t.Errorf("acceptable(%q, %q) = %v, want %v", c.ct, c.accept, got, c.want)
		}
	}
}

func TestFetcherHosts(t *testing.T) {
	f := jsFetcher{hosts: []string{"status.example", "issuer.example:8443"}}
	for url, want := range map[string]bool{
		"https://status.example/list":     true,
		"https://STATUS.example:443/list": true,
		"https://issuer.example:8443/did": true,
		"https://issuer.example/did":      false,
		"https://evil.example/":           false,
	} {
		if got := f.allowed(url); got != want {
			t.Errorf("allowed(%q) = %v, want %v", url, got, want)
		}
	}
	_, err := f.Fetch(context.Background(), "https://evil.example/x")
	if !errors.Is(err, fetch.ErrOffline) {
		t.Errorf("a host not allowed: %v, want fetch.ErrOffline", err)
	}
	if !(jsFetcher{}).allowed("https://any.example/") {
		t.Error("no host list must allow any host")
	}
}

func TestReadOptions(t *testing.T) {
	obj := func(kv ...any) js.Value {
		o := js.Global().Get("Object").New()
		for i := 0; i < len(kv); i += 2 {
			o.Set(kv[i].(string), kv[i+1])
		}
		return o
	}
	o, err := readOptions(js.Undefined())
	if err != nil || !o.offline {
		t.Fatalf("no options: %+v, %v; want offline", o, err)
	}
	o, err = readOptions(obj("offline", false, "at", "2025-06-01T12:00:00Z", "challenge", "c", "domain", "d", "source", "f.json", "other", 1, "allowPrivateNetwork", true, "keepDocuments", true))
	if err != nil {
		t.Fatal(err)
	}
	if o.offline || !o.allowPrivate || !o.keepDocuments || o.challenge != "c" || o.domain != "d" || o.source != "f.json" || !o.at.Equal(time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("got %+v", o)
	}
	hosts := js.Global().Get("Array").New("status.example", "issuer.example:8443")
	docs := obj("https://status.example/list", "{}", "https://issuer.example/key", js.Global().Get("Uint8Array").New(2))
	regs := js.Global().Get("Array").New(obj("name", "R", "url", "https://registry.example/r.json"), obj("data", "{}"))
	o, err = readOptions(obj("strict", true, "hosts", hosts, "documents", docs, "registries", regs))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.registries) != 2 || o.registries[0].Name != "R" || o.registries[0].URL != "https://registry.example/r.json" || string(o.registries[1].Data) != "{}" {
		t.Errorf("registries: %+v", o.registries)
	}
	if !o.strict || !o.offline || strings.Join(o.hosts, " ") != "status.example issuer.example:8443" ||
		string(o.documents["https://status.example/list"]) != "{}" || len(o.documents["https://issuer.example/key"]) != 2 {
		t.Errorf("got %+v", o)
	}
	for _, bad := range []js.Value{
		obj("offline", "false"), // a string must not silently mean online or offline
		obj("strict", 1),
		obj("hosts", "status.example"),
		obj("hosts", js.Global().Get("Array").New("")),
		obj("documents", "x"),
		obj("documents", obj("https://a.example/", 5)),
		obj("at", "yesterday"),
		obj("at", 5),
		obj("challenge", true),
		obj("allowPrivateNetwork", "yes"),
		obj("keepDocuments", 1),
		obj("reportJSON", "yes"),
		obj("registries", "https://registry.example/r.json"),
		obj("registries", js.Global().Get("Array").New(obj("name", "no source"))),
		obj("registries", js.Global().Get("Array").New(obj("url", "https://a.example/", "data", "{}"))),
		obj("registries", js.Global().Get("Array").New(obj("url", 5))),
		js.ValueOf("offline"),
	} {
		if _, err := readOptions(bad); err == nil {
			t.Errorf("readOptions(%v) accepted", bad)
		}
	}
}

func TestInputBytes(t *testing.T) {
	if b, err := inputBytes(js.ValueOf("{}")); err != nil || string(b) != "{}" {
		t.Errorf("string: %q, %v", b, err)
	}
	u8 := js.Global().Get("Uint8Array").New(3)
	js.CopyBytesToJS(u8, []byte{1, 2, 3})
	if b, err := inputBytes(u8); err != nil || string(b) != "\x01\x02\x03" {
		t.Errorf("Uint8Array: %q, %v", b, err)
	}
	for _, bad := range []js.Value{js.Undefined(), js.ValueOf(42), js.Global().Get("Object").New()} {
		if _, err := inputBytes(bad); err == nil {
			t.Errorf("inputBytes(%v) accepted", bad)
		}
	}
}

// settle awaits a promise returned to JavaScript and reports its outcome.
func settle(t *testing.T, p js.Value) (js.Value, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	return await(ctx, p)
}

// TestVerifyJS calls the exported function as JavaScript would, on the
// bundled sample credential: the promise resolves to a parsed Report.
func TestVerifyJS(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "web", "samples", "sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	opts := js.Global().Get("Object").New()
	opts.Set("source", "sample.json")
	v, err := settle(t, verifyJS(js.Undefined(), []js.Value{js.ValueOf(string(b)), opts}).(js.Value))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Get("verified").Bool() || v.Get("source").String() != "sample.json" || v.Get("checks").Length() == 0 {
		t.Errorf("report: %s", js.Global().Get("JSON").Call("stringify", v).String())
	}

	// Misuse rejects; a bad credential resolves to a report.
	if _, err := settle(t, verifyJS(js.Undefined(), []js.Value{js.ValueOf(1)}).(js.Value)); err == nil || !strings.Contains(err.Error(), "TypeError") {
		t.Errorf("verify(1): %v, want a TypeError", err)
	}
	v, err = settle(t, verifyJS(js.Undefined(), []js.Value{js.ValueOf("not a credential")}).(js.Value))
	if err != nil || v.Get("verified").Bool() {
		t.Errorf("verify(junk): %v, %v", v, err)
	}

	// reportJSON: the same Report, as JSON text.
	opts.Set("reportJSON", true)
	text, err := settle(t, verifyJS(js.Undefined(), []js.Value{js.ValueOf(string(b)), opts}).(js.Value))
	if err != nil || text.Type() != js.TypeString {
		t.Fatalf("reportJSON: %v, %v; want a string", text, err)
	}
	var r report.Report
	if err := json.Unmarshal([]byte(text.String()), &r); err != nil || !r.Verified || r.Source != "sample.json" || len(r.Checks) == 0 {
		t.Errorf("reportJSON: %v\n%s", err, text.String())
	}
}

// TestFetchRefusesPlainHTTPAndLocal: public documents come over HTTPS only,
// and not from a local address unless allowed, before any request is made.
func TestFetchRefusesPlainHTTPAndLocal(t *testing.T) {
	for _, u := range []string{"http://127.0.0.1:1/x", "file:///etc/passwd", "https://127.0.0.1:1/x", "https://[::1]:1/x", "https://192.168.1.1/x"} {
		_, err := jsFetcher{}.Fetch(context.Background(), u, "application/json")
		var re *fetch.RefusedError
		if !errors.As(err, &re) {
			t.Errorf("%s: err = %v, want a RefusedError", u, err)
		}
	}
	_, err := jsFetcher{allowPrivate: true}.Fetch(context.Background(), "https://127.0.0.1:1/x", "application/json")
	var re *fetch.RefusedError
	if errors.As(err, &re) {
		t.Errorf("allowed private network, still refused: %v", err)
	}
	// The fetcher satisfies the core's interface.
	var _ fetch.Fetcher = jsFetcher{}
}

// TestKeeper: what an online verification fetched is handed to JavaScript
// with its fetch time and cache lifetime, for a wallet to keep.
func TestKeeper(t *testing.T) {
	k := &keeper{}
	at := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	k.add(keptDoc{url: "https://status.example/1", fetchedAt: at, lifetime: 5 * time.Minute, body: []byte("{}")})
	arr := k.jsArray()
	if arr.Length() != 1 {
		t.Fatalf("%d documents", arr.Length())
	}
	d := arr.Index(0)
	if d.Get("url").String() != "https://status.example/1" || d.Get("fetchedAt").String() != "2026-11-30T12:00:00Z" ||
		d.Get("maxAge").Int() != 300 || d.Get("body").Get("byteLength").Int() != 2 {
		t.Errorf("got %s", js.Global().Get("JSON").Call("stringify", d).String())
	}
}

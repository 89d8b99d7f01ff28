package main

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// webDir is the real page folder: the tests check the policies the page
// actually ships with.
const webDir = "../../web"

func get(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

func TestHeaders(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"index.html", "worker.js", "worker-online.js", "app.mjs", "clearbadge.wasm", "widget.mjs", "sub/x.json"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := handler(dir)
	cases := []struct {
		path, csp, ctype, acao string
		status                 int
	}{
		{"/", pagePolicy, "text/html; charset=utf-8", "", 200},
		{"/worker.js", offlineWorkerPolicy, "text/javascript; charset=utf-8", "*", 200},
		{"/worker-online.js", onlineWorkerPolicy, "text/javascript; charset=utf-8", "", 200},
		{"/app.mjs", "", "text/javascript; charset=utf-8", "", 200},
		{"/clearbadge.wasm", "", "application/wasm", "*", 200},
		{"/widget.mjs", "", "text/javascript; charset=utf-8", "*", 200},
		{"/sub/x.json", "", "application/json", "", 200}, // a badge file: not for other origins
		{"/sub/", "", "", "", 404},                       // no directory listings
		{"/missing.js", "", "", "", 404},
	}
	for _, c := range cases {
		rec := get(t, h, "GET", c.path)
		if rec.Code != c.status {
			t.Errorf("%s: status %d, want %d", c.path, rec.Code, c.status)
			continue
		}
		if c.status != 200 {
			continue
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != c.csp {
			t.Errorf("%s: CSP %q, want %q", c.path, got, c.csp)
		}
		if got := rec.Header().Get("Content-Type"); got != c.ctype {
			t.Errorf("%s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != c.acao {
			t.Errorf("%s: Access-Control-Allow-Origin %q, want %q", c.path, got, c.acao)
		}
		if got := rec.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", c.path, got)
		}
	}
	if rec := get(t, h, "POST", "/"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", rec.Code)
	}
}

// The content-hashed wasm is cached for good and open to other origins (the
// widget); its precompressed forms are served to a browser that accepts
// them, with the wasm's own type, and never to one that does not.
func TestHashedAndPrecompressed(t *testing.T) {
	dir := t.TempDir()
	const name = "clearbadge.0123456789abcdef.wasm"
	for f, body := range map[string]string{name: "raw", name + ".br": "brotli", name + ".gz": "gzip", "wasm-name.mjs": "x", "app.mjs": "js"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := handler(dir)
	for _, c := range []struct{ accept, encoding, body string }{
		{"gzip, deflate, br, zstd", "br", "brotli"},
		{"gzip, deflate", "gzip", "gzip"},
		{"br;q=0, gzip;q=0.5", "gzip", "gzip"},
		{"br;q=0.0, gzip;q=0", "", "raw"},
		{"", "", "raw"},
		{"identity", "", "raw"},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/"+name, nil)
		req.Header.Set("Accept-Encoding", c.accept)
		h.ServeHTTP(rec, req)
		hd := rec.Header()
		if rec.Code != 200 || rec.Body.String() != c.body || hd.Get("Content-Encoding") != c.encoding {
			t.Errorf("Accept-Encoding %q: %d %q %q, want %q %q", c.accept, rec.Code, hd.Get("Content-Encoding"), rec.Body, c.encoding, c.body)
		}
		if hd.Get("Content-Type") != "application/wasm" || hd.Get("Cache-Control") != immutable ||
			hd.Get("Access-Control-Allow-Origin") != "*" || hd.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: headers %v", c.accept, hd)
		}
	}
	if rec := get(t, h, "GET", "/wasm-name.mjs"); rec.Header().Get("Access-Control-Allow-Origin") != "*" || rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("wasm-name.mjs: headers %v", rec.Header())
	}
	if rec := get(t, h, "GET", "/app.mjs"); rec.Header().Get("Vary") != "" || rec.Body.String() != "js" {
		t.Errorf("app.mjs (no compressed form): %v %q", rec.Header(), rec.Body)
	}
	for _, p := range []string{"/" + name + ".br", "/../" + name} {
		if rec := get(t, h, "GET", p); rec.Header().Get("Content-Encoding") != "" {
			t.Errorf("%s: Content-Encoding %q", p, rec.Header().Get("Content-Encoding"))
		}
	}
}

// TestOfflineWorkerPolicy pins what makes offline mode offline at the
// browser level: the offline worker may connect to its own origin only.
func TestOfflineWorkerPolicy(t *testing.T) {
	if !strings.Contains(offlineWorkerPolicy, "connect-src 'self'") || strings.Contains(offlineWorkerPolicy, "https:") {
		t.Errorf("offline worker policy lets connections out: %s", offlineWorkerPolicy)
	}
	if !strings.Contains(pagePolicy, "connect-src 'self';") {
		t.Errorf("page policy lets connections out: %s", pagePolicy)
	}
}

// TestMetaMatchesHeader keeps the page's <meta> policy equal to the header
// (less frame-ancestors, which a meta tag cannot carry).
func TestMetaMatchesHeader(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(webDir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(b)
	if m == nil {
		t.Fatal("index.html has no CSP meta tag")
	}
	want := strings.TrimSuffix(pagePolicy, "; frame-ancestors 'none'")
	if string(m[1]) != want {
		t.Errorf("index.html meta CSP\n got %s\nwant %s", m[1], want)
	}
}

// TestHeadersFileMatches keeps web/_headers (for static hosts) equal to what
// this server sends.
func TestHeadersFileMatches(t *testing.T) {
	f, err := os.Open(filepath.Join(webDir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := map[string]map[string]string{}
	var cur string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			cur = line
			got[cur] = map[string]string{}
		default:
			k, v, _ := strings.Cut(strings.TrimSpace(line), ": ")
			got[cur][k] = v
		}
	}
	for _, p := range []string{"/", "/index.html", "/worker.js", "/worker-online.js"} {
		if want := headersFor(p)["Content-Security-Policy"]; got[p]["Content-Security-Policy"] != want {
			t.Errorf("_headers %s: CSP %q, want %q", p, got[p]["Content-Security-Policy"], want)
		}
	}
	for f := range widgetFiles {
		if v := got["/"+f]["Access-Control-Allow-Origin"]; v != "*" {
			t.Errorf("_headers /%s: Access-Control-Allow-Origin %q, want *", f, v)
		}
	}
	if h := got["/clearbadge.*.wasm"]; h["Access-Control-Allow-Origin"] != "*" || h["Cache-Control"] != immutable {
		t.Errorf("_headers /clearbadge.*.wasm: %v, want Access-Control-Allow-Origin * and Cache-Control %q", h, immutable)
	}
	for k, v := range commonHeaders {
		if k == "Cache-Control" {
			continue // no-store is for development; a host should cache
		}
		if got["/*"][k] != v {
			t.Errorf("_headers /*: %s %q, want %q", k, got["/*"][k], v)
		}
	}
}

// Command serve is a small static file server for the ClearBadge web page:
// `make run` uses it to serve web/ on 127.0.0.1, and the browser tests start
// it on a free port.
//
// It sends what a production host should send (web/_headers lists the same
// lines for hosts that read that file, and a test keeps the two equal):
//   - the page's Content-Security-Policy as a header too (the page also has it
//     in a meta tag, so it holds on hosts that cannot set headers; only the
//     header can carry frame-ancestors);
//   - a policy of its own for each verification worker, because a dedicated
//     worker is governed by the policy delivered with its script, not by the
//     page's (CSP Level 3 §"Workers"; Chromium does this since it shipped
//     PlzDedicatedWorker). The offline worker may connect only to its own
//     origin (to load the wasm); the online worker may also fetch https: URLs;
//   - Access-Control-Allow-Origin: * for the files of the embeddable widget
//     (widgetFiles), so that a page on another origin can load it: module
//     scripts and the wasm are fetched with CORS;
//   - application/wasm for .wasm, so that browsers compile while downloading;
//   - the precompressed X.br or X.gz for a request for X when the browser
//     accepts that encoding and the file exists (`make wasm` writes them for
//     the wasm), as static hosts serve;
//   - Cache-Control: immutable for the content-hashed wasm
//     (clearbadge.<hash>.wasm, named in wasm-name.mjs by `make wasm`), so a
//     browser keeps it, and the code it compiled from it, for the next
//     visit; no-store for everything else, so a rebuilt page is always
//     picked up.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path"
	"regexp"
	"strings"
	"time"
)

// Content-Security-Policies. pagePolicy must stay equal to the meta tag in
// web/index.html (plus frame-ancestors, which a meta tag cannot carry).
const (
	pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
		"connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
	offlineWorkerPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"
	onlineWorkerPolicy  = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https:"
)

// widgetFiles are what <clearbadge-verify> loads from ClearBadge's origin
// when another site embeds it (web/widget.mjs and its imports, the worker it
// starts and the wasm), by path. They are public and carry nothing of the visitor's,
// so any origin may read them.
var widgetFiles = map[string]bool{
	"widget.mjs": true, "render.mjs": true, "common.mjs": true, "common.js": true, "i18n.mjs": true, "i18n/messages.mjs": true, "clearbadge.mjs": true,
	"worker.js": true, "wasm_exec.js": true, "clearbadge.wasm": true, "wasm-name.mjs": true,
}

// hashedWasm matches the content-hashed copy of the wasm that `make wasm`
// writes: its name changes whenever its bytes do, so it may be cached for
// good.
var hashedWasm = regexp.MustCompile(`^clearbadge\.[0-9a-f]{16}\.wasm$`)

// immutable is the Cache-Control of hashedWasm files (RFC 8246).
const immutable = "public, max-age=31536000, immutable"

// headersFor returns the headers for a request path, beyond those every
// response gets.
func headersFor(p string) map[string]string {
	h := map[string]string{}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if widgetFiles[name] || hashedWasm.MatchString(name) {
		h["Access-Control-Allow-Origin"] = "*"
	}
	if hashedWasm.MatchString(name) {
		h["Cache-Control"] = immutable
	}
	switch base := path.Base(p); {
	case strings.HasSuffix(p, "/") || strings.HasSuffix(base, ".html"):
		h["Content-Security-Policy"] = pagePolicy
	case base == "worker.js":
		h["Content-Security-Policy"] = offlineWorkerPolicy
	case base == "worker-online.js":
		h["Content-Security-Policy"] = onlineWorkerPolicy
	}
	switch path.Ext(p) {
	case ".wasm":
		h["Content-Type"] = "application/wasm"
	case ".js", ".mjs":
		h["Content-Type"] = "text/javascript; charset=utf-8"
	case ".jwt":
		h["Content-Type"] = "text/plain; charset=utf-8"
	}
	return h
}

// commonHeaders go on every response.
var commonHeaders = map[string]string{
	"Cache-Control":          "no-store",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
}

// handler serves dir with the headers above. Directories without an
// index.html are not listed.
func handler(dir string) http.Handler {
	fs := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/") {
			if _, err := os.Stat(path.Join(dir, path.Clean(r.URL.Path), "index.html")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		for k, v := range commonHeaders {
			w.Header().Set(k, v)
		}
		for k, v := range headersFor(r.URL.Path) {
			w.Header().Set(k, v)
		}
		if serveCompressed(w, r, http.Dir(dir)) {
			return
		}
		fs.ServeHTTP(w, r)
	})
}

// encodings are the precompressed forms looked for, best first, by the
// Content-Encoding they are served with and their file suffix.
var encodings = []struct{ name, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// serveCompressed answers r with a precompressed form of the file it names,
// if one exists that the client accepts, and reports whether it did. The
// Content-Type stays that of the file asked for.
func serveCompressed(w http.ResponseWriter, r *http.Request, root http.Dir) bool {
	p := path.Clean("/" + r.URL.Path)
	for _, e := range encodings {
		f, err := root.Open(p + e.suffix)
		if err != nil {
			continue
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || st.IsDir() {
			continue
		}
		w.Header().Set("Vary", "Accept-Encoding")
		if !accepts(r.Header.Get("Accept-Encoding"), e.name) {
			continue
		}
		w.Header().Set("Content-Encoding", e.name)
		// ServeContent takes the type from the name asked for, when
		// headersFor has not set it.
		http.ServeContent(w, r, p, st.ModTime(), f)
		return true
	}
	return false
}

// accepts reports whether an Accept-Encoding header value allows coding
// (RFC 9110 §12.5.3; a q of 0 refuses it).
func accepts(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), coding) {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		return !ok || strings.Trim(q, "0.") != ""
	}
	return false
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free port)")
	dir := flag.String("dir", "web", "folder to serve")
	flag.Parse()
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		log.Fatalf("serve: %s is not a folder", *dir)
	}
	if _, err := os.Stat(path.Join(*dir, "clearbadge.wasm")); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "serve: warning: %s/clearbadge.wasm is missing; run `make wasm`\n", *dir)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("serve: %v", err)
	}
	// The first line of output is the URL; the browser tests read it.
	fmt.Printf("ClearBadge: serving %s at http://%s/\n", *dir, ln.Addr())
	// A newcomer's first look: the page with its sample already verified.
	if _, err := os.Stat(path.Join(*dir, "samples", "sample.json")); err == nil {
		fmt.Printf("Open http://%s/#sample to see a sample badge verified.\n", ln.Addr())
	}
	srv := &http.Server{Handler: handler(*dir), ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.Serve(ln))
}

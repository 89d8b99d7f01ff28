package httpfetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// server is a TLS server on 127.0.0.1 that counts the connections it
// accepts, so a test can show a refused request never connected.
func server(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv, &conns
}

func trusting(srv *httptest.Server, allowPrivate bool) *Fetcher {
	return &Fetcher{AllowPrivate: allowPrivate, TLS: srv.Client().Transport.(*http.Transport).TLSClientConfig}
}

func TestFetch(t *testing.T) {
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/did.json":
			if !strings.Contains(r.Header.Get("Accept"), "application/did+json") {
				t.Errorf("Accept = %q", r.Header.Get("Accept"))
			}
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Write([]byte(`{"id":"did:web:example"}`))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html>"))
		case "/huge":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(strings.Repeat(" ", fetch.MaxBytes+10)))
		default:
			http.NotFound(w, r)
		}
	})
	f := trusting(srv, true)
	ctx := context.Background()

	b, err := f.Fetch(ctx, srv.URL+"/did.json", "application/did+json")
	if err != nil || string(b) != `{"id":"did:web:example"}` {
		t.Fatalf("did.json: %q %v", b, err)
	}
	var te *TypeError
	if _, err := f.Fetch(ctx, srv.URL+"/page", "application/json"); !errors.As(err, &te) {
		t.Errorf("HTML for JSON: %v", err)
	}
	var tl *fetch.TooLargeError
	if _, err := f.Fetch(ctx, srv.URL+"/huge", "application/json"); !errors.As(err, &tl) {
		t.Errorf("oversize body: %v", err)
	}
	if _, err := f.Fetch(ctx, srv.URL+"/missing", "application/json"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("404: %v", err)
	}
	if _, err := f.Fetch(ctx, "http://127.0.0.1:1/x"); err == nil || !strings.Contains(err.Error(), "https") {
		t.Errorf("plain http was allowed: %v", err)
	}
}

// TestLocalRefused: without AllowPrivate a server on 127.0.0.1 gets no
// connection, whether named by address or by a name resolving to it.
func TestLocalRefused(t *testing.T) {
	srv, conns := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{}`))
	})
	f := trusting(srv, false)
	ctx := context.Background()
	var r *fetch.RefusedError
	_, err := f.Fetch(ctx, srv.URL+"/.well-known/did.json")
	if !errors.As(err, &r) || !strings.Contains(err.Error(), "127.0.0.1 is a local address") {
		t.Errorf("127.0.0.1: %v", err)
	}
	// A name is checked where it is resolved: the dialer refuses it.
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	if _, err := f.dial(ctx, "tcp", net.JoinHostPort("localhost", port)); !errors.As(err, &r) {
		t.Errorf("localhost dialed: %v", err)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the local server accepted %d connections, want 0", n)
	}
	if _, err := trusting(srv, true).Fetch(ctx, srv.URL+"/x"); err != nil || conns.Load() != 1 {
		t.Errorf("with private network allowed: %v, %d connections", err, conns.Load())
	}
}

// TestRedirects: each hop is checked; http and long chains are refused.
func TestRedirects(t *testing.T) {
	var internal atomic.Int64
	admin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internal.Add(1)
		w.Write([]byte("secret"))
	}))
	defer admin.Close()
	srv, _ := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-http":
			http.Redirect(w, r, admin.URL+"/internal-admin", http.StatusFound)
		case "/chain":
			n := len(r.URL.Query().Get("n"))
			http.Redirect(w, r, "/chain?n="+strings.Repeat("x", n+1), http.StatusFound)
		case "/three":
			n := len(r.URL.Query().Get("n"))
			if n < 3 {
				http.Redirect(w, r, "/three?n="+strings.Repeat("x", n+1), http.StatusFound)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"ok":true}`))
		}
	})
	f := trusting(srv, true)
	ctx := context.Background()
	var r *fetch.RefusedError
	_, err := f.Fetch(ctx, srv.URL+"/to-http")
	if !errors.As(err, &r) || !strings.Contains(err.Error(), "only https") || strings.Contains(err.Error(), "secret") {
		t.Errorf("redirect to http: %v", err)
	}
	if internal.Load() != 0 {
		t.Errorf("the http server was reached")
	}
	if _, err := f.Fetch(ctx, srv.URL+"/chain"); !errors.As(err, &r) || !strings.Contains(err.Error(), "more than 3") {
		t.Errorf("endless redirects: %v", err)
	}
	if b, err := f.Fetch(ctx, srv.URL+"/three", "application/json"); err != nil || string(b) != `{"ok":true}` {
		t.Errorf("three redirects: %q %v", b, err)
	}
}

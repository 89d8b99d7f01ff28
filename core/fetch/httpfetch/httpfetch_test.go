package httpfetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
)

func TestFetch(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	}))
	defer srv.Close()
	f := &Fetcher{Client: srv.Client()}
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

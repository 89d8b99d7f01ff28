// Package httpfetch is the native Fetcher: HTTPS GETs with a timeout, a size
// cap and a media-type check. It lives apart from package fetch so that the
// wasm build, which fetches through the browser, does not link net/http.
package httpfetch

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// Fetcher fetches public documents over HTTP(S).
type Fetcher struct {
	Client *http.Client
	// AllowHTTP permits plain http:// URLs (tests on loopback); public
	// documents are fetched over HTTPS only.
	AllowHTTP bool
}

// New returns a Fetcher with a 15-second timeout.
func New() *Fetcher { return &Fetcher{Client: &http.Client{Timeout: 15 * time.Second}} }

// TypeError is returned when the response's media type is not one asked for.
type TypeError struct{ URL, Got string }

func (e *TypeError) Error() string {
	return fmt.Sprintf("%s: unexpected media type %q", e.URL, e.Got)
}

// Fetch GETs url and returns its body.
func (f *Fetcher) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	if !strings.HasPrefix(url, "https://") && !(f.AllowHTTP && strings.HasPrefix(url, "http://")) {
		return nil, fmt.Errorf("%s: only https:// documents are fetched", url)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	if len(accept) > 0 {
		req.Header.Set("Accept", strings.Join(accept, ", "))
	}
	resp, err := f.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &fetch.StatusError{URL: url, Code: resp.StatusCode}
	}
	if len(accept) > 0 && !acceptable(resp.Header.Get("Content-Type"), accept) {
		return nil, &TypeError{URL: url, Got: resp.Header.Get("Content-Type")}
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, fetch.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > fetch.MaxBytes {
		return nil, &fetch.TooLargeError{URL: url}
	}
	return b, nil
}

// acceptable allows the asked-for types, and any JSON type when JSON of
// some kind was asked for: servers label DID documents and status lists
// loosely (application/json for application/did+json).
func acceptable(contentType string, accept []string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	for _, a := range accept {
		if a == mt || a == "*/*" {
			return true
		}
		if isJSON(a) && isJSON(mt) {
			return true
		}
	}
	return false
}

func isJSON(mt string) bool { return mt == "application/json" || strings.HasSuffix(mt, "+json") }

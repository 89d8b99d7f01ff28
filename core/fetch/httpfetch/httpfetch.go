// Package httpfetch is the native Fetcher: HTTPS GETs with a size cap, a
// media-type check and the address rule of core/fetch applied where it
// cannot be dodged, at the dial. It lives apart from package fetch so that
// the wasm build, which fetches through the browser, does not link net/http.
package httpfetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
)

// MaxRedirects is how many redirects one request may follow; each new
// location is checked like the first (https, address).
const MaxRedirects = 3

// Fetcher fetches public documents over HTTPS. Timeouts come from the
// caller's context (core/fetch.Session sets them per request and per
// verification).
type Fetcher struct {
	// AllowPrivate lets requests reach local addresses (loopback, RFC 1918,
	// ...): for intranet deployments and tests on 127.0.0.1.
	AllowPrivate bool
	// TLS, when set, replaces the default TLS configuration (tests trust
	// their own certificate with it).
	TLS *tls.Config

	once   sync.Once
	client *http.Client
}

// New returns a Fetcher for public servers.
func New() *Fetcher { return &Fetcher{} }

// TypeError is returned when the response's media type is not one asked for.
type TypeError struct{ URL, Got string }

func (e *TypeError) Error() string {
	return fmt.Sprintf("%s: unexpected media type %q", e.URL, e.Got)
}

// httpClient builds the client once: no proxy (a proxy would make the
// connection, past the address check), a dialer that resolves the name
// itself and connects only to an address it checked, and a redirect policy
// that re-checks each hop.
func (f *Fetcher) httpClient() *http.Client {
	f.once.Do(func() {
		t := &http.Transport{
			DialContext:            f.dial,
			TLSClientConfig:        f.TLS,
			ForceAttemptHTTP2:      true,
			TLSHandshakeTimeout:    10 * time.Second,
			MaxResponseHeaderBytes: 64 << 10,
			IdleConnTimeout:        30 * time.Second,
		}
		f.client = &http.Client{Transport: t, CheckRedirect: f.redirect}
	})
	return f.client
}

// dial resolves host itself, refuses the connection if any of its addresses
// is local (a name with one public and one private address could otherwise
// be steered to the private one), and dials the checked address: there is
// no second lookup for a DNS-rebinding server to answer differently.
func (f *Fetcher) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host); err != nil {
		return nil, err
	}
	if !f.AllowPrivate {
		for _, ip := range ips {
			if why := fetch.LocalAddress(ip); why != "" {
				return nil, &fetch.RefusedError{URL: host, Reason: fetch.LocalReason(ip.Unmap().String(), why)}
			}
		}
	}
	var d net.Dialer
	var last error
	for _, ip := range ips {
		c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return c, nil
		}
		last = err
	}
	if last == nil {
		last = fmt.Errorf("%s has no address", host)
	}
	return nil, last
}

// redirect re-checks every hop (the default policy would follow ten of them,
// to http: as well).
func (f *Fetcher) redirect(req *http.Request, via []*http.Request) error {
	from := via[0].URL.String()
	if len(via) > MaxRedirects {
		return &fetch.RefusedError{URL: from, Reason: fmt.Sprintf("it redirects more than %d times", MaxRedirects)}
	}
	if err := fetch.CheckURL(req.URL.String(), f.AllowPrivate); err != nil {
		var r *fetch.RefusedError
		errors.As(err, &r)
		return &fetch.RefusedError{URL: from, Reason: "it redirects to " + req.URL.String() + ", which is refused: " + r.Reason}
	}
	return nil
}

// Fetch GETs url and returns its body.
func (f *Fetcher) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	if err := fetch.CheckURL(url, f.AllowPrivate); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	if len(accept) > 0 {
		req.Header.Set("Accept", strings.Join(accept, ", "))
	}
	resp, err := f.httpClient().Do(req)
	if err != nil {
		// The reason, not the transport's wrapping (which repeats the URL).
		var r *fetch.RefusedError
		if errors.As(err, &r) {
			if r.URL != url && !strings.HasPrefix(r.URL, "https://") {
				r = &fetch.RefusedError{URL: url, Reason: r.Reason}
			}
			return nil, r
		}
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

package fetch

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/work"
)

func TestStaticOffline(t *testing.T) {
	ctx := context.Background()
	if _, err := Offline.Fetch(ctx, "https://x"); !errors.Is(err, ErrOffline) {
		t.Fatalf("Offline: %v", err)
	}
	s := &Static{Docs: map[string][]byte{"https://list": []byte("supplied"), "https://big": make([]byte, MaxBytes+1)}}
	if b, err := s.Fetch(ctx, "https://list"); err != nil || string(b) != "supplied" {
		t.Fatalf("supplied document: %q %v", b, err)
	}
	var tl *TooLargeError
	if _, err := s.Fetch(ctx, "https://big"); !errors.As(err, &tl) {
		t.Errorf("oversize supplied document: %v", err)
	}
	if _, err := s.Fetch(ctx, "https://x"); !errors.Is(err, ErrOffline) {
		t.Errorf("Static without Next: %v", err)
	}
}

// counting is a network that answers every URL with size bytes and counts
// the requests per URL.
type counting struct {
	calls map[string]int
	size  int
	err   error
}

func (c *counting) Fetch(ctx context.Context, url string, _ ...string) ([]byte, error) {
	if c.calls == nil {
		c.calls = map[string]int{}
	}
	c.calls[url]++
	if c.err != nil {
		return nil, c.err
	}
	return make([]byte, c.size), nil
}

func TestSession(t *testing.T) {
	var cnt work.Counters
	ctx := work.With(context.Background(), &cnt)
	net := &counting{size: 10}
	s := &Session{Docs: map[string][]byte{"https://list": []byte("supplied")}, Next: net}
	for i := 0; i < 3; i++ {
		if b, err := s.Fetch(ctx, "https://list"); err != nil || string(b) != "supplied" {
			t.Fatalf("supplied document: %q %v", b, err)
		}
		if b, err := s.Fetch(ctx, "https://other.example/doc"); err != nil || len(b) != 10 {
			t.Fatalf("network: %d bytes, %v", len(b), err)
		}
	}
	if net.calls["https://other.example/doc"] != 1 || cnt.Fetches.Load() != 1 || cnt.FetchedBytes.Load() != 10 {
		t.Errorf("one URL asked for three times: %d requests (counted %d, %d bytes), want 1", net.calls["https://other.example/doc"], cnt.Fetches.Load(), cnt.FetchedBytes.Load())
	}
	// A failure is remembered too: the same URL is requested once.
	failing := &counting{err: errors.New("HTTP 500")}
	s = &Session{Next: failing}
	for i := 0; i < 3; i++ {
		s.Fetch(ctx, "https://down.example/")
	}
	if failing.calls["https://down.example/"] != 1 {
		t.Errorf("a failing URL was requested %d times, want 1", failing.calls["https://down.example/"])
	}
	// Offline and untrusted: supplied documents only.
	s = &Session{Docs: map[string][]byte{"https://list": []byte("supplied")}}
	if _, err := s.Fetch(ctx, "https://x.example/"); !errors.Is(err, ErrOffline) {
		t.Errorf("offline session: %v", err)
	}
	net = &counting{}
	s = &Session{Docs: map[string][]byte{"https://list": []byte("supplied")}, Next: net}
	if _, err := s.Fetch(Untrusted(ctx), "https://x.example/"); !errors.Is(err, ErrUntrusted) || len(net.calls) != 0 {
		t.Errorf("untrusted: %v, %d requests", err, len(net.calls))
	}
	if b, err := s.Fetch(Untrusted(ctx), "https://list"); err != nil || string(b) != "supplied" {
		t.Errorf("untrusted, supplied document: %q %v", b, err)
	}
	// The untrusted refusal is not cached: a trusted credential may ask next.
	if _, err := s.Fetch(ctx, "https://x.example/"); err != nil || net.calls["https://x.example/"] != 1 {
		t.Errorf("trusted after untrusted: %v, %d requests", err, net.calls["https://x.example/"])
	}
}

func TestSessionRefusesLocal(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{
		"http://example.org/did.json", "https://127.0.0.1:8443/.well-known/did.json", "https://[::1]/x",
		"https://10.1.2.3/x", "https://192.168.0.1/x", "https://172.16.5.4/x", "https://169.254.169.254/latest/meta-data",
		"https://100.64.0.1/x", "https://[fd00::1]/x", "https://0.0.0.0/x", "https://[::]/x", "https://224.0.0.1/x",
		"https://[::ffff:127.0.0.1]/x", "https://localhost/x", "https://a.localhost./x", "https://user:pw@example.org/x",
		"ftp://example.org/x", "https://[fe80::1%25eth0]/x",
	} {
		net := &counting{}
		s := &Session{Next: net}
		_, err := s.Fetch(ctx, u)
		var r *RefusedError
		if !errors.As(err, &r) || len(net.calls) != 0 {
			t.Errorf("%s: %v, %d requests; want refused without a request", u, err, len(net.calls))
		}
		s = &Session{Next: net, AllowPrivate: true}
		if _, err := s.Fetch(ctx, u); strings.HasPrefix(u, "https://") && !strings.Contains(u, "@") && err != nil {
			t.Errorf("%s with private network allowed: %v", u, err)
		}
	}
	_, err := (&Session{Next: &counting{}}).Fetch(ctx, "https://127.0.0.1:8443/.well-known/did.json")
	if want := "refused: 127.0.0.1 is a local address"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}
}

func TestLocalAddress(t *testing.T) {
	for _, a := range []string{"8.8.8.8", "2606:4700::1111", "93.184.216.34", "100.128.0.1", "172.32.0.1"} {
		if why := LocalAddress(netip.MustParseAddr(a)); why != "" {
			t.Errorf("%s is public, got %q", a, why)
		}
	}
	for _, a := range []string{"127.1.2.3", "::1", "10.0.0.1", "169.254.1.1", "fe80::1", "fc00::1", "100.127.255.255",
		"0.1.2.3", "255.255.255.255", "ff02::1", "64:ff9b::7f00:1", "::ffff:192.168.1.1", "198.18.0.1", "fec0::1"} {
		if LocalAddress(netip.MustParseAddr(a)) == "" {
			t.Errorf("%s is local", a)
		}
	}
}

func TestSessionBudget(t *testing.T) {
	ctx := context.Background()
	fetchAll := func(s *Session, n int) (ok int) {
		for i := 0; i < n; i++ {
			_, err := s.Fetch(ctx, "https://example.org/"+strings.Repeat("x", i))
			var le *LimitError
			switch {
			case err == nil:
				ok++
			case !errors.As(err, &le):
				t.Fatalf("unexpected error %v", err)
			}
		}
		return ok
	}
	// Documents: at most 32 distinct URLs are requested.
	net := &counting{size: 10}
	if ok := fetchAll(&Session{Next: net}, 40); ok != 32 || len(net.calls) != 32 {
		t.Errorf("%d documents, %d requests; want the 32-document cap", ok, len(net.calls))
	}
	// Bytes: bodies past the budget are dropped, and nothing more is asked.
	net = &counting{size: 1 << 20}
	s := &Session{Next: net, Limits: Limits{MaxBytes: 4 << 20}}
	if ok := fetchAll(s, 40); ok != 4 || s.bytes > 4<<20 || len(net.calls) != 5 {
		t.Errorf("%d documents of 1 MiB kept (%d bytes, %d requests) with a 4 MiB budget", ok, s.bytes, len(net.calls))
	}
}

// slow never answers before its context ends.
type slow struct{ calls int }

func (s *slow) Fetch(ctx context.Context, url string, _ ...string) ([]byte, error) {
	s.calls++
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestSessionTimeouts(t *testing.T) {
	net := &slow{}
	s := &Session{Next: net, Limits: Limits{RequestTimeout: time.Millisecond, Deadline: time.Hour}}
	_, err := s.Fetch(context.Background(), "https://slow.example/")
	var le *LimitError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "did not answer within 1ms") {
		t.Errorf("request timeout: %v", err)
	}
	// Past the verification's deadline nothing more is requested.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = s.Fetch(ctx, "https://slow.example/2")
	if !errors.As(err, &le) || net.calls != 1 {
		t.Errorf("after the deadline: %v, %d requests", err, net.calls)
	}
}

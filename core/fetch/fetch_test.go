package fetch

import (
	"context"
	"errors"
	"testing"
)

func TestStaticCacheOffline(t *testing.T) {
	ctx := context.Background()
	if _, err := Offline.Fetch(ctx, "https://x"); !errors.Is(err, ErrOffline) {
		t.Fatalf("Offline: %v", err)
	}
	calls := 0
	next := Func(func(ctx context.Context, url string, accept ...string) ([]byte, error) {
		calls++
		return []byte("net:" + url), nil
	})
	s := &Static{Docs: map[string][]byte{"https://list": []byte("supplied"), "https://big": make([]byte, MaxBytes+1)}, Next: next}
	c := &Cache{Next: s}
	for i := 0; i < 2; i++ {
		if b, err := c.Fetch(ctx, "https://list"); err != nil || string(b) != "supplied" {
			t.Fatalf("supplied document: %q %v", b, err)
		}
		if b, err := c.Fetch(ctx, "https://other"); err != nil || string(b) != "net:https://other" {
			t.Fatalf("fallback: %q %v", b, err)
		}
	}
	if calls != 1 {
		t.Errorf("the network was asked %d times for one URL, want 1 (cached)", calls)
	}
	var tl *TooLargeError
	if _, err := s.Fetch(ctx, "https://big"); !errors.As(err, &tl) {
		t.Errorf("oversize supplied document: %v", err)
	}
	if _, err := (&Static{}).Fetch(ctx, "https://x"); !errors.Is(err, ErrOffline) {
		t.Errorf("Static without Next: %v", err)
	}
}

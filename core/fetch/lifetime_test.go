package fetch

import (
	"testing"
	"time"
)

func TestLifetime(t *testing.T) {
	const date = "Mon, 30 Nov 2026 12:00:00 GMT"
	cases := []struct {
		cc, expires, date string
		want              time.Duration
	}{
		{"max-age=300", "", "", 300 * time.Second},
		{"public, max-age=86400", "", "", 24 * time.Hour},
		{`max-age="60"`, "", "", time.Minute},
		{"MAX-AGE=5", "", "", 5 * time.Second},
		{"s-maxage=600", "", "", 0}, // shared caches only
		{"max-age=300, no-cache", "", "", 0},
		{"no-store", "Mon, 30 Nov 2026 13:00:00 GMT", date, 0},
		{"max-age=-1", "", "", 0},
		{"max-age=abc", "", "", 0},
		{"max-age=99999999999999999999999", "", "", (1 << 31) * time.Second},
		{"", "Mon, 30 Nov 2026 13:00:00 GMT", date, time.Hour},
		{"max-age=10", "Mon, 30 Nov 2026 13:00:00 GMT", date, 10 * time.Second}, // max-age wins
		{"", "Mon, 30 Nov 2026 11:00:00 GMT", date, 0},                          // already expired
		{"", "0", date, 0},                                                      // invalid: expired
		{"", "", "", 0},
	}
	for _, c := range cases {
		if got := Lifetime(c.cc, c.expires, c.date); got != c.want {
			t.Errorf("Lifetime(%q, %q, %q) = %v, want %v", c.cc, c.expires, c.date, got, c.want)
		}
	}
}

func FuzzLifetime(f *testing.F) {
	f.Add("max-age=300, public", "Mon, 30 Nov 2026 13:00:00 GMT", "Mon, 30 Nov 2026 12:00:00 GMT")
	f.Fuzz(func(t *testing.T, cc, expires, date string) {
		if d := Lifetime(cc, expires, date); d < 0 {
			t.Fatalf("negative lifetime %v", d)
		}
	})
}

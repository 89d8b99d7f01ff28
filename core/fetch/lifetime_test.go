package fetch

import (
	"net/http"
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

func TestParseHTTPDateIsParseTime(t *testing.T) {
	for _, v := range []string{
		"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
		"Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT",
		"Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "1994-11-06T08:49:37Z", "", "0", "GMT",
		"Sun Nov 6 08:49:37 1994", "Sunday, 06-Nov-94 08:49:37 PST", " Sun, 06 Nov 1994 08:49:37 GMT",
	} {
		got, gotErr := parseHTTPDate(v)
		want, wantErr := http.ParseTime(v)
		if !got.Equal(want) || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("parseHTTPDate(%q) = %v, %v; http.ParseTime: %v, %v", v, got, gotErr, want, wantErr)
		}
	}
}

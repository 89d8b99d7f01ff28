package fetch

import (
	"strconv"
	"strings"
	"time"
)

// Lifetime is how long a fetched document may be reused without asking its
// server again, from the response's Cache-Control, Expires and Date headers,
// as a private cache reads them (RFC 9111 §4.2.1: max-age wins over Expires;
// s-maxage is for shared caches only). no-store and no-cache mean zero (use
// it now, ask again next time), and so does a response that says nothing:
// a wallet keeping the document then shows its age rather than guessing a
// heuristic freshness (§4.2.2). Malformed values count as absent.
func Lifetime(cacheControl, expires, date string) time.Duration {
	maxAge := -1
	for _, d := range strings.Split(cacheControl, ",") {
		name, val, _ := strings.Cut(strings.TrimSpace(d), "=")
		switch strings.ToLower(name) {
		case "no-store", "no-cache":
			return 0
		case "max-age":
			// §1.2.2: delta-seconds; a quoted value is tolerated (§5.2).
			// A value too large to represent counts as 2^31 seconds.
			v := strings.Trim(val, `"`)
			if n, err := strconv.ParseUint(v, 10, 31); err == nil {
				maxAge = int(n)
			} else if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				maxAge = 1 << 31
			}
		}
	}
	if maxAge >= 0 {
		return time.Duration(maxAge) * time.Second
	}
	if expires == "" {
		return 0
	}
	exp, err := parseHTTPDate(expires)
	if err != nil {
		return 0 // §5.3: an invalid Expires means already expired
	}
	ref := time.Now()
	if date != "" {
		if d, err := parseHTTPDate(date); err == nil {
			ref = d
		}
	}
	if exp.Before(ref) {
		return 0
	}
	return exp.Sub(ref)
}

// parseHTTPDate is net/http's ParseTime: an HTTP-date in the preferred
// format or one of the two obsolete ones (RFC 9110 §5.6.7), in ParseTime's
// order, with ParseTime's error otherwise. Written out so that core/fetch does not import net/http, whose
// package initialisation would link mime, log and net/textproto into the
// WebAssembly builds (TestParseHTTPDateIsParseTime holds it to ParseTime).
func parseHTTPDate(v string) (t time.Time, err error) {
	for _, layout := range []string{"Mon, 02 Jan 2006 15:04:05 GMT", time.RFC850, time.ANSIC} {
		if t, err = time.Parse(layout, v); err == nil {
			return t, nil
		}
	}
	return t, err
}

package fetch

import (
	"errors"
	"net/netip"
	"net/url"
	"strings"
)

// RefusedError is a request ClearBadge will not make: a URL that is not
// https, or one whose server is on the user's own network. A credential
// decides which URLs are fetched, so without this rule a hostile credential
// could make the verifier probe the machine or intranet it runs on
// (server-side request forgery).
type RefusedError struct{ URL, Reason string }

func (e *RefusedError) Error() string { return e.URL + ": refused: " + e.Reason }

// Non-public address ranges netip has no predicate for.
var (
	thisNetwork = netip.MustParsePrefix("0.0.0.0/8")     // RFC 1122 §3.2.1.3
	cgnat       = netip.MustParsePrefix("100.64.0.0/10") // RFC 6598 shared address space
	benchmark   = netip.MustParsePrefix("198.18.0.0/15") // RFC 2544
	reserved    = netip.MustParsePrefix("240.0.0.0/4")   // RFC 1112 §4, broadcast included
	siteLocal   = netip.MustParsePrefix("fec0::/10")     // RFC 3879, deprecated but routable inside sites
	nat64       = netip.MustParsePrefix("64:ff9b::/96")  // RFC 6052: an IPv4 address inside IPv6
)

// LocalAddress says why ip is not a public address ("a loopback address"),
// or returns "" for a public one. Loopback, private (RFC 1918), link-local,
// shared (CGNAT), unique-local IPv6 (RFC 4193), unspecified, multicast and
// reserved addresses are all local in this sense; an IPv4 address mapped
// into IPv6 or behind NAT64 is judged as the IPv4 address it is.
func LocalAddress(ip netip.Addr) string {
	ip = ip.Unmap()
	if nat64.Contains(ip) {
		b := ip.As16()
		ip = netip.AddrFrom4([4]byte(b[12:]))
	}
	switch {
	case ip.IsLoopback():
		return "a loopback address"
	case ip.IsPrivate():
		return "a private address"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "a link-local address"
	case ip.IsUnspecified():
		return "the unspecified address"
	case ip.IsMulticast():
		return "a multicast address"
	case cgnat.Contains(ip):
		return "a shared (carrier-grade NAT) address"
	case thisNetwork.Contains(ip), benchmark.Contains(ip), reserved.Contains(ip), siteLocal.Contains(ip):
		return "a reserved address"
	}
	return ""
}

// CheckURL refuses a URL that is not https://, and, unless allowPrivate,
// one whose host is a local address written out (127.0.0.1, [::1]) or a
// name that always means this machine (localhost, RFC 6761 §6.3). Names
// are checked again where they are resolved: the native fetcher checks every
// address a name resolves to (core/fetch/httpfetch); a browser applies its
// own Private Network Access rules.
func CheckURL(raw string, allowPrivate bool) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return &RefusedError{URL: raw, Reason: "only https:// documents are fetched"}
	}
	if u.User != nil {
		return &RefusedError{URL: raw, Reason: "the URL carries a user name or password"}
	}
	if allowPrivate {
		return nil
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return &RefusedError{URL: raw, Reason: host + " is this computer"}
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if why := LocalAddress(ip); why != "" {
			return &RefusedError{URL: raw, Reason: LocalReason(ip.String(), why)}
		}
	}
	return nil
}

// LocalReason is the reason given for refusing a local address.
func LocalReason(addr, why string) string {
	return addr + " is a local address (" + why + "); documents are fetched only from public servers unless private network access is allowed"
}

// Withheld returns why ClearBadge itself did not fetch a document (a refused
// URL or address, a spent budget or deadline), for messages, or "" when
// err is something else (a server that did not answer, say).
func Withheld(err error) string {
	var r *RefusedError
	var l *LimitError
	switch {
	case errors.As(err, &r):
		return "refused: " + r.Reason
	case errors.As(err, &l):
		return l.Reason
	}
	return ""
}

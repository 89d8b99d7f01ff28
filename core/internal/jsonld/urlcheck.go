package jsonld

// json-gold's URL check, without its regular expression.
//
// json-gold v0.9.1 (ld.IsURL, taken from govalidator) silently dropped, from
// the RDF it produced, every statement with an http(s) IRI its URL pattern
// rejects; Canonicalize refused such IRIs instead (*InvalidIRIError). Since
// a credential accepted or refused before must stay so, isURL accepts
// exactly the strings ld.IsURL accepts (FuzzIsURL compares them), but runs
// the pattern as a small hand-written matcher on the host part alone: the
// pattern compiled into one of the largest regular expressions json-gold
// runs, and running it on every IRI was a third of a verification's time.
//
// The pattern is ^scheme? userinfo? host \.? port? path?$ with userinfo
// \S+@ and path [/?#]\S*. No whitespace (\s: tab, LF, FF, CR, space) can
// occur anywhere, and a host holds none of '/', '?', '#' or '@', so a host
// can only start at the string's start, after the scheme, or after an '@',
// and ends at the next '/', '?' or '#'. Only that part needs the matcher.

import (
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// memo remembers the answers of a pure function of a string across
// verifications: credentials use few hosts and repeat the same vocabulary
// IRIs. It stops growing at max entries and never holds a key longer than
// maxMemoKey, so a stream of fresh values cannot grow it. A sync.Map, whose
// reads take no lock: the CLI's jobs look up every IRI of every credential
// here at once, and a mutex's cache line bounced between the cores.
type memo[V any] struct {
	f   func(string) V
	max int64

	n atomic.Int64 // entries in m
	m sync.Map     // string → V
}

const maxMemoKey = 512

func (c *memo[V]) get(k string) V {
	v, _ := c.getLocal(k, nil)
	return v
}

// getLocal is get for a caller that keeps, in local (its own, for one
// document; nil for none), the answers the memo does not hold: those for
// keys longer than maxMemoKey, and all once the memo is full. Without it a
// document that repeats one long IRI (a term defined once in its context,
// used on thousands of nodes) paid for it on every use: seconds and half a
// GB for a 160 KB credential (TestLongIRIsCheckedOncePerDocument). repeat
// reports an answer found in local.
func (c *memo[V]) getLocal(k string, local *map[string]V) (v V, repeat bool) {
	short := len(k) <= maxMemoKey
	if short {
		if v, seen := c.m.Load(k); seen {
			return v.(V), false
		}
	}
	if local != nil {
		if v, seen := (*local)[k]; seen {
			return v, true
		}
	}
	v = c.f(k)
	switch {
	case short && c.n.Load() < c.max:
		if _, loaded := c.m.LoadOrStore(k, v); !loaded {
			c.n.Add(1)
		}
	case local != nil:
		if *local == nil {
			*local = make(map[string]V)
		}
		(*local)[k] = v
	}
	return v, false
}

// hostCache remembers the matcher's answers for host parts, urlCache
// isURL's: url.Parse was a tenth of a native verification.
var (
	hostCache = memo[bool]{f: matchHost, max: 1024}
	urlCache  = memo[bool]{f: checkURL, max: 4096}
)

// isURL is ld.IsURL.
func isURL(s string) bool { return urlCache.get(s) }

// checkURL is ld.IsURL, uncached.
func checkURL(s string) bool {
	if s == "" || utf8.RuneCountInString(s) >= 2083 || len(s) <= 3 || strings.HasPrefix(s, ".") {
		return false
	}
	parsed := s
	if strings.Contains(s, ":") && !strings.Contains(s, "://") {
		parsed = "http://" + s // as ld.IsURL, for host:port without a scheme
	}
	u, err := url.Parse(parsed)
	if err != nil || strings.HasPrefix(u.Host, ".") || u.Host == "" && u.Path != "" && !strings.Contains(u.Path, ".") {
		return false
	}
	if strings.ContainsAny(s, "\t\n\f\r ") {
		return false
	}
	starts := []int{0}
	for _, scheme := range []string{"ftp://", "tcp://", "udp://", "ws://", "wss://", "http://", "https://"} {
		if strings.HasPrefix(s, scheme) {
			starts = append(starts, len(scheme))
		}
	}
	for i := 1; i < len(s); i++ { // userinfo is at least one character
		if s[i] == '@' {
			starts = append(starts, i+1)
		}
	}
	for _, p := range starts {
		end := len(s)
		if i := strings.IndexAny(s[p:], "/?#"); i >= 0 {
			end = p + i
		}
		if host := s[p:end]; !strings.Contains(host, "@") && hostCache.get(host) {
			return true
		}
	}
	return false
}

// positions is the set of offsets into a host's runes a match can reach.
type positions []bool

// pattern maps the offsets a match can start from to those it can reach.
//
// The constructors that return closures are marked go:noinline: inlined into
// hostPattern, every call site got its own copy of the closure's code (91 KB
// of wasm for a pattern built once); matching runs the same code either way.
type pattern func(r []rune, in positions) positions

//go:noinline
func class(f func(rune) bool) pattern {
	return func(r []rune, in positions) positions {
		out := make(positions, len(in))
		for i := range r {
			if in[i] && f(r[i]) {
				out[i+1] = true
			}
		}
		return out
	}
}

// chars is a run of at least min (0 or 1) characters of one class, in one
// pass rather than by repetition.
//
//go:noinline
func chars(f func(rune) bool, min int) pattern {
	return func(r []rune, in positions) positions {
		out := make(positions, len(in))
		run := false // a run of at least one character ends here
		for i := range in {
			if i > 0 {
				run = f(r[i-1]) && (in[i-1] || run)
			}
			out[i] = run || min == 0 && in[i]
		}
		return out
	}
}

//go:noinline
func lit(s string) pattern {
	var ps []pattern
	for _, c := range s {
		ps = append(ps, class(func(r rune) bool { return r == c }))
	}
	return seq(ps...)
}

//go:noinline
func seq(ps ...pattern) pattern {
	return func(r []rune, in positions) positions {
		for _, p := range ps {
			in = p(r, in)
		}
		return in
	}
}

func union(a, b positions) positions {
	out := make(positions, len(a))
	for i := range a {
		out[i] = a[i] || b[i]
	}
	return out
}

//go:noinline
func alt(ps ...pattern) pattern {
	return func(r []rune, in positions) positions {
		out := make(positions, len(in))
		for _, p := range ps {
			out = union(out, p(r, in))
		}
		return out
	}
}

// rep is p{min,max}; max < 0 means no upper bound.
//
//go:noinline
func rep(p pattern, min, max int) pattern {
	return func(r []rune, in positions) positions {
		acc := make(positions, len(in))
		if min == 0 {
			copy(acc, in)
		}
		cur := in
		for k := 1; max < 0 || k <= max; k++ {
			next := p(r, cur)
			if k >= min {
				grown := false
				for i, ok := range next {
					if ok && !acc[i] {
						acc[i], grown = true, true
					}
				}
				if max < 0 && !grown {
					break // a fixed point: more repetitions reach nothing new
				}
			}
			if !reaches(next) {
				break
			}
			cur = next
		}
		return acc
	}
}

func reaches(ps positions) bool {
	for _, ok := range ps {
		if ok {
			return true
		}
	}
	return false
}

func opt(p pattern) pattern  { return rep(p, 0, 1) }
func star(p pattern) pattern { return rep(p, 0, -1) }

func between(lo, hi rune) pattern {
	return class(func(r rune) bool { return lo <= r && r <= hi })
}

var (
	digit  = between('0', '9')
	hexDig = class(func(r rune) bool { return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F' })
	alnum  = class(isAlnum)
	oneOf  = func(s string) pattern { return class(func(r rune) bool { return strings.ContainsRune(s, r) }) }
)

func isAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// isWord is [a-zA-Z\x{00a1}-\x{ffff}0-9]; isLetter drops the digits.
func isWord(r rune) bool { return isAlnum(r) || 0xa1 <= r && r <= 0xffff }

func isLetter(r rune) bool { return isWord(r) && (r < '0' || r > '9') }

// hostPattern is the host, \.? and port of json-gold's URL pattern (ld.URL),
// transcribed part for part.
var hostPattern = func() pattern {
	// URLIP
	ipv4 := seq(
		alt(seq(between('1', '9'), opt(digit)), seq(lit("1"), digit, digit), seq(lit("2"), oneOf("01"), digit), seq(lit("22"), between('0', '3'))),
		rep(seq(lit("."), alt(seq(opt(lit("1")), rep(digit, 1, 2)), seq(lit("2"), between('0', '4'), digit), seq(lit("25"), between('0', '5')))), 2, 2),
		lit("."), alt(seq(digit, opt(digit)), seq(lit("1"), digit, digit), seq(lit("2"), between('0', '4'), digit), seq(lit("25"), between('0', '4'))),
	)
	// IP: the IPv6 forms, one alternative per line of the pattern.
	h16 := rep(hexDig, 1, 4)
	h16c := seq(h16, lit(":"))
	ch16 := seq(lit(":"), h16)
	octet := alt(seq(lit("25"), between('0', '5')), seq(opt(alt(seq(lit("2"), between('0', '4')), seq(opt(lit("1")), digit))), digit))
	v4 := seq(rep(seq(octet, lit(".")), 3, 3), octet)
	ipv6 := alt(
		seq(rep(h16c, 7, 7), h16),
		seq(rep(h16c, 1, 7), lit(":")),
		seq(rep(h16c, 1, 6), lit(":"), h16),
		seq(rep(h16c, 1, 5), rep(ch16, 1, 2)),
		seq(rep(h16c, 1, 4), rep(ch16, 1, 3)),
		seq(rep(h16c, 1, 3), rep(ch16, 1, 4)),
		seq(rep(h16c, 1, 2), rep(ch16, 1, 5)),
		seq(h16c, rep(ch16, 1, 6)),
		seq(lit(":"), alt(rep(ch16, 1, 7), lit(":"))),
		seq(lit("fe80:"), rep(seq(lit(":"), rep(hexDig, 0, 4)), 0, 4), lit("%"), chars(isAlnum, 1)),
		seq(lit("::"), opt(seq(lit("ffff"), opt(seq(lit(":"), rep(lit("0"), 1, 4))), lit(":"))), v4),
		seq(rep(h16c, 1, 4), lit(":"), v4),
	)
	// The name: ([a-zA-Z0-9]([a-zA-Z0-9-_]+)?[a-zA-Z0-9]([-\.][a-zA-Z0-9]+)* |
	// URLSubdomain?)? (([…]+-?-?)*[…]+) (?:\.([…]{1,}))?
	alnums := chars(isAlnum, 1)
	words := chars(isWord, 1)
	first := seq(alnum, opt(chars(func(r rune) bool { return isAlnum(r) || r == '-' || r == '_' }, 1)), alnum, star(seq(oneOf("-."), alnums)))
	subdomain := alt(lit("www."), seq(alnums, star(seq(opt(oneOf("-_.")), alnum)), alnum, lit("."), alnums))
	label := seq(star(seq(words, opt(lit("-")), opt(lit("-")))), words)
	name := seq(opt(alt(first, opt(subdomain))), label, opt(seq(lit("."), chars(isLetter, 1))))
	return seq(alt(ipv4, seq(lit("["), ipv6, lit("]")), name), opt(lit(".")), opt(seq(lit(":"), rep(digit, 1, 5))))
}()

// matchHost reports whether host is, entirely, a host part of the pattern.
func matchHost(host string) bool {
	r := []rune(host) // an invalid byte is U+FFFD, as for Go's regexp
	for _, c := range r {
		if !isWord(c) && !strings.ContainsRune("-_.:[]%", c) {
			return false // no part of the pattern takes it
		}
	}
	in := make(positions, len(r)+1)
	in[0] = true
	return hostPattern(r, in)[len(r)]
}

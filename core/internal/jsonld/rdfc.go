package jsonld

// RDFC-1.0 (W3C RDF Dataset Canonicalization, 2024), implemented here rather
// than taken from json-gold for two reasons. json-gold hashes and serializes
// quads with its own N-Quads escaping, which leaves most control characters
// raw where RDFC-1.0 Appendix A requires \b, \f and \u00XX; because the same
// serialization feeds the blank node hashes, fixing only the output would not
// be enough. And json-gold's Hash N-Degree Quads has no bound, so a document
// with many indistinguishable blank nodes ("dataset poisoning", RDFC-1.0 §7)
// would hang the verifier; here the work is capped by maxNDegreeWork.
//
// Section numbers below are those of the RDFC-1.0 Recommendation.

import (
	"bytes"
	"crypto"
	_ "crypto/sha256" // crypto.SHA256
	_ "crypto/sha512" // crypto.SHA384 for CanonicalizeHash
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// maxNDegreeWork bounds the calls to Hash N-Degree Quads plus the
// permutations they try. Credentials rarely need any: their blank nodes are
// told apart by their first-degree quads. A few identical sibling objects
// need a few dozen units, but a presentation holding the same signed VC 1.1
// credential twice (two identical named graphs, each with a proof graph)
// needed more than 2^14 for about one key in ten; 2^16 leaves room for that
// and still refuses a crafted symmetric graph in a fraction of a second.
const maxNDegreeWork = 1 << 16

// maxNDegreeCopies bounds the identifiers copied between issuers (each
// permutation copies its issuer, §4.8.3 step 5.4.1): a unit of work above
// costs as much as the issuer it copies, which grows with the chain of
// blank nodes being hashed, so a few long symmetric chains would stay under
// maxNDegreeWork and still take seconds.
const maxNDegreeCopies = 1 << 22

const (
	xsdString     = "http://www.w3.org/2001/XMLSchema#string"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

// cquad is a quad prepared for canonicalization: each component is either a
// blank node identifier (blank[i] true, text without "_:") or the component's
// final canonical N-Quads form (text). Graph text "" is the default graph.
type cquad struct {
	text  [4]string
	blank [4]bool
}

const (
	posS = iota
	posP
	posO
	posG
)

// issuer is an identifier issuer (§4.3): it hands out prefix+counter in
// order and remembers the order, which Hash N-Degree Quads copies and replays.
type issuer struct {
	prefix string
	issued map[string]string
	order  []string
}

func newIssuer(prefix string) *issuer {
	return &issuer{prefix: prefix, issued: make(map[string]string)}
}

func (is *issuer) issue(id string) string {
	if c, ok := is.issued[id]; ok {
		return c
	}
	c := fmt.Sprintf("%s%d", is.prefix, len(is.order))
	is.issued[id] = c
	is.order = append(is.order, id)
	return c
}

func (is *issuer) has(id string) bool {
	_, ok := is.issued[id]
	return ok
}

func (is *issuer) clone() *issuer {
	c := &issuer{prefix: is.prefix, issued: make(map[string]string, len(is.issued)), order: append([]string(nil), is.order...)}
	for k, v := range is.issued {
		c.issued[k] = v
	}
	return c
}

type canonicalizer struct {
	quads      []cquad
	bnodeQuads map[string][]int // blank node to quads map (§4.2)
	firstHash  map[string]string
	canonical  *issuer
	work       int // Hash N-Degree Quads calls and permutations
	copies     int // identifiers copied by issuer clones
	hash       crypto.Hash
	first      lineBuf // hashFirstDegree's lines, the buffer reused
}

// errPoisoned is the refusal of a dataset whose blank nodes would cost more
// than the caps.
func errPoisoned() error {
	return &LimitError{Reason: "its blank nodes are too alike to canonicalize in bounded time (RDFC-1.0 §7, dataset poisoning)"}
}

// precheck refuses, before any Hash N-Degree Quads, a dataset whose least
// possible work already passes the caps. Blank nodes sharing a first-degree
// hash are "ambiguous"; hashing one recurses through every ambiguous node
// connected to it that has no identifier yet (its component), each call
// copying an issuer that grows along the way. Groups are processed in hash
// order and a processed group's components end up with canonical
// identifiers, so summing component sizes (and their triangular copy
// counts) over the groups, each component counted in the first group that
// reaches it, is a lower bound of the real work. It costs one pass over the
// quads.
func (c *canonicalizer) precheck(hashes []string, hashToNodes map[string][]string) error {
	parent := map[string]string{}
	for _, h := range hashes {
		if l := hashToNodes[h]; len(l) > 1 {
			for _, id := range l {
				parent[id] = id
			}
		}
	}
	if len(parent) == 0 {
		return nil
	}
	find := func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, q := range c.quads {
		first := ""
		for _, pos := range [...]int{posS, posO, posG} {
			if _, ok := parent[q.text[pos]]; q.blank[pos] && ok {
				if first == "" {
					first = q.text[pos]
				} else if a, b := find(first), find(q.text[pos]); a != b {
					parent[a] = b
				}
			}
		}
	}
	size := map[string]int{}
	for id := range parent {
		size[find(id)]++
	}
	done := map[string]bool{}
	work, copies := 0, 0
	for _, h := range hashes {
		l := hashToNodes[h]
		if len(l) < 2 {
			continue
		}
		var reached []string
		for _, id := range l {
			if r := find(id); !done[r] {
				n := size[r]
				work += n
				copies += n * (n - 1) / 2
				reached = append(reached, r)
			}
		}
		if work > maxNDegreeWork || copies > maxNDegreeCopies {
			return errPoisoned()
		}
		for _, r := range reached {
			done[r] = true
		}
	}
	return nil
}

// canonicalLines is the canonical form (§4.4, §5) of a dataset (toRDF's
// quads) with hash h: every quad in canonical N-Quads form ending in LF,
// blank nodes labeled c14n0, c14n1, … (or relabel's answer for each, when
// relabel is not nil), sorted in code point order.
func canonicalLines(quads []cquad, h crypto.Hash, relabel func(string) (string, error)) ([][]byte, error) {
	if h != crypto.SHA256 && h != crypto.SHA384 {
		return nil, fmt.Errorf("jsonld: RDFC-1.0 with %v is not supported (SHA-256 or SHA-384)", h)
	}
	c := newCanonicalizer()
	c.hash = h
	return c.lines(quads, relabel)
}

// newCanonicalizer is a canonicalizer with RDFC-1.0's default hash, SHA-256.
func newCanonicalizer() *canonicalizer {
	return &canonicalizer{bnodeQuads: make(map[string][]int), firstHash: make(map[string]string), canonical: newIssuer("c14n"), hash: crypto.SHA256}
}

// run returns the serialized canonical form: the lines, concatenated.
func (c *canonicalizer) run(quads []cquad) ([]byte, error) {
	lines, err := c.lines(quads, nil)
	if err != nil {
		return nil, err
	}
	return joinLines(lines), nil
}

// joinLines is the lines, concatenated, in one allocation.
func joinLines(lines [][]byte) []byte {
	n := 0
	for _, l := range lines {
		n += len(l)
	}
	out := make([]byte, 0, n)
	for _, l := range lines {
		out = append(out, l...)
	}
	return out
}

func (c *canonicalizer) lines(quads []cquad, relabel func(string) (string, error)) ([][]byte, error) {
	// An RDF dataset is a set of quads. A repeat is rare: quads is copied
	// (never changed) only from the first one on.
	seen := make(map[[4]string]bool, len(quads))
	c.quads = quads
	copied := false
	for i, cq := range quads {
		switch {
		case !seen[cq.text]:
			seen[cq.text] = true
			if copied {
				c.quads = append(c.quads, cq)
			}
		case !copied:
			c.quads = append(make([]cquad, 0, len(quads)), quads[:i]...)
			copied = true
		}
	}
	// §4.4.3 step 2: blank node to quads map.
	for i, q := range c.quads {
		for _, pos := range [...]int{posS, posO, posG} {
			if q.blank[pos] {
				id := q.text[pos]
				if l := c.bnodeQuads[id]; len(l) == 0 || l[len(l)-1] != i {
					c.bnodeQuads[id] = append(l, i)
				}
			}
		}
	}
	// Step 3: first-degree hashes.
	hashToNodes := make(map[string][]string)
	ids := make([]string, 0, len(c.bnodeQuads))
	most, mostSize := 0, 0 // hashFirstDegree's largest set of lines
	for id, qs := range c.bnodeQuads {
		ids = append(ids, id)
		size := 0
		for _, qi := range qs {
			size += c.quads[qi].size()
		}
		most, mostSize = max(most, len(qs)), max(mostSize, size)
	}
	c.first.grow(most, mostSize)
	sort.Strings(ids) // only for a deterministic order within equal hashes' lists
	for _, id := range ids {
		h := c.hashFirstDegree(id)
		hashToNodes[h] = append(hashToNodes[h], id)
	}
	hashes := make([]string, 0, len(hashToNodes))
	for h := range hashToNodes {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	// Step 4: issue canonical identifiers for unique hashes, in hash order.
	for _, h := range hashes {
		if l := hashToNodes[h]; len(l) == 1 {
			c.canonical.issue(l[0])
		}
	}
	if err := c.precheck(hashes, hashToNodes); err != nil {
		return nil, err
	}
	// Step 5: the rest, through Hash N-Degree Quads.
	for _, h := range hashes {
		l := hashToNodes[h]
		if len(l) == 1 {
			continue
		}
		type result struct {
			hash string
			is   *issuer
		}
		var paths []result
		for _, id := range l {
			if c.canonical.has(id) {
				continue
			}
			tmp := newIssuer("b")
			tmp.issue(id)
			hh, is, err := c.hashNDegree(id, tmp)
			if err != nil {
				return nil, err
			}
			paths = append(paths, result{hh, is})
		}
		sort.SliceStable(paths, func(i, j int) bool { return paths[i].hash < paths[j].hash })
		for _, r := range paths {
			for _, id := range r.is.order {
				c.canonical.issue(id)
			}
		}
	}
	// Step 6 and §5: relabel, serialize, sort.
	labels := make(map[string]string, len(c.canonical.issued))
	for id, l := range c.canonical.issued {
		if relabel != nil {
			var err error
			if l, err = relabel(l); err != nil {
				return nil, err
			}
		}
		labels[id] = "_:" + l
	}
	var out lineBuf
	size := 0
	for i := range c.quads {
		size += c.quads[i].size()
	}
	out.grow(len(c.quads), size)
	for i := range c.quads {
		out.add(&c.quads[i], func(id string) string { return labels[id] })
	}
	return out.sorted(), nil
}

// appendLine appends the quad in canonical N-Quads form (Appendix A), blank
// nodes written as label(id): subject, predicate, object and graph label
// each followed by one space, then "." and LF.
func (q *cquad) appendLine(b []byte, label func(id string) string) []byte {
	for pos := posS; pos <= posG; pos++ {
		switch {
		case q.blank[pos]:
			b = append(b, label(q.text[pos])...)
		case q.text[pos] == "":
			continue // default graph
		default:
			b = append(b, q.text[pos]...)
		}
		b = append(b, ' ')
	}
	return append(b, ".\n"...)
}

// lineBuf holds lines written one after the other in one buffer: a string
// per line was most of RDFC-1.0's allocations.
type lineBuf struct {
	buf   []byte
	ends  []int    // line i is buf[ends[i-1]:ends[i]]
	lines [][]byte // sorted's answer, its array reused
}

func (l *lineBuf) add(q *cquad, label func(id string) string) {
	l.buf = q.appendLine(l.buf, label)
	l.ends = append(l.ends, len(l.buf))
}

// sorted returns the lines, in code point order, as slices of the buffer,
// valid until the next reset.
func (l *lineBuf) sorted() [][]byte {
	l.lines = l.lines[:0]
	start := 0
	for _, end := range l.ends {
		l.lines = append(l.lines, l.buf[start:end:end])
		start = end
	}
	slices.SortFunc(l.lines, bytes.Compare)
	return l.lines
}

// grow makes room for n more lines of about size bytes in all.
func (l *lineBuf) grow(n, size int) {
	l.buf = slices.Grow(l.buf, size)
	l.ends = slices.Grow(l.ends, n)
	l.lines = slices.Grow(l.lines, n)
}

// size is about the length of the quad's line: exactly, but for blank node
// labels, counted as long as the identifier with "_:".
func (q *cquad) size() int {
	n := len(".\n")
	for pos, t := range q.text {
		n += len(t) + 1
		if q.blank[pos] {
			n += len("_:")
		}
	}
	return n
}

func (l *lineBuf) reset() {
	l.buf, l.ends = l.buf[:0], l.ends[:0]
}

// hashFirstDegree is Hash First Degree Quads (§4.6): the quads mentioning id,
// with id written _:a and every other blank node _:z, sorted and hashed.
func (c *canonicalizer) hashFirstDegree(id string) string {
	if h, ok := c.firstHash[id]; ok {
		return h
	}
	c.first.reset()
	for _, qi := range c.bnodeQuads[id] {
		c.first.add(&c.quads[qi], func(other string) string {
			if other == id {
				return "_:a"
			}
			return "_:z"
		})
	}
	h := c.hash.New()
	for _, l := range c.first.sorted() {
		h.Write(l)
	}
	s := hex.EncodeToString(h.Sum(nil))
	c.firstHash[id] = s
	return s
}

// sum is the hex digest of s with the canonicalization's hash.
func (c *canonicalizer) sum(s string) string {
	h := c.hash.New()
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil))
}

// hashRelated is Hash Related Blank Node (§4.7).
func (c *canonicalizer) hashRelated(related string, q *cquad, is *issuer, pos int) string {
	var b strings.Builder
	b.WriteByte("spog"[pos])
	if pos != posG {
		b.WriteString(q.text[posP])
	}
	switch {
	case c.canonical.has(related):
		b.WriteString("_:" + c.canonical.issued[related])
	case is.has(related):
		b.WriteString("_:" + is.issued[related])
	default:
		b.WriteString(c.hashFirstDegree(related))
	}
	return c.sum(b.String())
}

// hashNDegree is Hash N-Degree Quads (§4.8). It returns the hash and the
// issuer holding the identifiers issued along the chosen path.
func (c *canonicalizer) hashNDegree(id string, is *issuer) (string, *issuer, error) {
	if c.work++; c.work > maxNDegreeWork {
		return "", nil, errPoisoned()
	}
	// Steps 1-3: group related blank nodes by their related hash.
	related := make(map[string][]string)
	for _, qi := range c.bnodeQuads[id] {
		q := &c.quads[qi]
		for _, pos := range [...]int{posS, posO, posG} {
			if q.blank[pos] && q.text[pos] != id {
				h := c.hashRelated(q.text[pos], q, is, pos)
				related[h] = append(related[h], q.text[pos])
			}
		}
	}
	hashes := make([]string, 0, len(related))
	for h := range related {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	// Steps 4-5.
	var data strings.Builder
	for _, h := range hashes {
		data.WriteString(h)
		var chosenPath string
		var chosenIssuer *issuer
		perm := newPermuter(related[h])
		for p, ok := perm.first(); ok; p, ok = perm.next() {
			c.copies += len(is.order)
			if c.work++; c.work > maxNDegreeWork || c.copies > maxNDegreeCopies {
				return "", nil, errPoisoned()
			}
			cp := is.clone()
			var path strings.Builder
			var recursion []string
			skip := false
			for _, r := range p {
				if c.canonical.has(r) {
					path.WriteString("_:" + c.canonical.issued[r])
				} else {
					if !cp.has(r) {
						recursion = append(recursion, r)
					}
					path.WriteString("_:" + cp.issue(r))
				}
				// Step 5.4.4.3: this permutation cannot beat the chosen path.
				if chosenPath != "" && path.Len() >= len(chosenPath) && path.String() > chosenPath {
					skip = true
					break
				}
			}
			if skip {
				continue
			}
			for _, r := range recursion {
				rh, ris, err := c.hashNDegree(r, cp)
				if err != nil {
					return "", nil, err
				}
				path.WriteString("_:" + cp.issue(r))
				path.WriteString("<" + rh + ">")
				cp = ris
				if chosenPath != "" && path.Len() >= len(chosenPath) && path.String() > chosenPath {
					skip = true
					break
				}
			}
			if skip {
				continue
			}
			if chosenPath == "" || path.String() < chosenPath {
				chosenPath = path.String()
				chosenIssuer = cp
			}
		}
		data.WriteString(chosenPath)
		is = chosenIssuer
	}
	return c.sum(data.String()), is, nil
}

// permuter yields every permutation of a list, in lexicographic order of
// the sorted list (any order gives the same result: §4.8.3 keeps the least
// path, and equal paths issue equivalent labels).
type permuter struct {
	items []string
	idx   []int
}

func newPermuter(items []string) *permuter {
	s := append([]string(nil), items...)
	sort.Strings(s)
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	return &permuter{items: s, idx: idx}
}

func (p *permuter) current() []string {
	out := make([]string, len(p.idx))
	for i, j := range p.idx {
		out[i] = p.items[j]
	}
	return out
}

func (p *permuter) first() ([]string, bool) { return p.current(), true }

// next advances to the next permutation of the indices (Narayana Pandita).
func (p *permuter) next() ([]string, bool) {
	a := p.idx
	i := len(a) - 2
	for i >= 0 && a[i] >= a[i+1] {
		i--
	}
	if i < 0 {
		return nil, false
	}
	j := len(a) - 1
	for a[j] <= a[i] {
		j--
	}
	a[i], a[j] = a[j], a[i]
	for l, r := i+1, len(a)-1; l < r; l, r = l+1, r-1 {
		a[l], a[r] = a[r], a[l]
	}
	return p.current(), true
}

// iriRef writes <iri>. A character IRIREF does not allow raw would need a
// \u escape that other implementations do not write, so such an IRI (which
// RFC 3987 does not allow either) is refused rather than signed differently.
func iriRef(iri string) (string, error) {
	if err := checkIRIRef(iri); err != nil {
		return "", err
	}
	return "<" + iri + ">", nil
}

// checkIRIRef is iriRef's check alone. The characters refused are all
// ASCII, so it looks at bytes (the bytes of other characters are all
// 0x80 or above): decoding runes and searching a list for each was 4 % of a
// verification in WebAssembly.
func checkIRIRef(iri string) error {
	for i := 0; i < len(iri); i++ {
		switch c := iri[i]; {
		case c <= 0x20, c == '<', c == '>', c == '"', c == '{', c == '}', c == '|', c == '^', c == '`', c == '\\':
			return &InvalidIRIError{Value: iri}
		}
	}
	return nil
}

// literal writes a literal in canonical form (Appendix A): the lexical form
// escaped, then @lang for rdf:langString, nothing for xsd:string, else
// ^^<datatype>.
func literal(lexical, datatype, lang string) (string, error) {
	var b strings.Builder
	// Room for the usual case (no escapes) at once, rather than growing.
	b.Grow(len(lexical) + len(datatype) + len(lang) + 6)
	b.WriteByte('"')
	escapeLiteral(&b, lexical)
	b.WriteByte('"')
	switch datatype {
	case rdfLangString:
		b.WriteByte('@')
		b.WriteString(lang)
	case xsdString, "":
	default:
		if err := checkIRIRef(datatype); err != nil {
			return "", err
		}
		b.WriteString("^^<")
		b.WriteString(datatype)
		b.WriteByte('>')
	}
	return b.String(), nil
}

// escapeLiteral applies RDFC-1.0 Appendix A: within STRING_LITERAL_QUOTE,
// U+0008, U+0009, U+000A, U+000C, U+000D, U+0022 and U+005C MUST be written
// as ECHAR (\b \t \n \f \r \" \\); the other characters in U+0000–U+001F and
// U+007F MUST be written as UCHAR with uppercase HEX (\u000B, \u007F); all
// other characters are written as themselves.
func escapeLiteral(b *strings.Builder, s string) {
	escapeString(b, s, "0123456789ABCDEF", true)
}

// escapeString writes s with the short escapes (\b \t \n \f \r \" \\) and
// the other control characters as \u00XX in the given hex digits; escapeDEL
// also escapes U+007F. N-Quads (escapeLiteral) and RFC 8785 JSON
// (writeJCSString) differ only in those two choices.
func escapeString(b *strings.Builder, s, hexDigits string, escapeDEL bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if c < 0x20 || escapeDEL && c == 0x7F {
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xF])
			} else {
				b.WriteByte(c) // bytes of multi-byte UTF-8 are all ≥ 0x80
			}
		}
	}
}

package baked

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

const (
	svgNamespace = "http://www.w3.org/2000/svg"
	// Caps on the SVG walk. Real badges nest a few levels and have at most
	// some ten thousand tokens; the caps stop pathological inputs early.
	maxSVGDepth  = 256
	maxSVGTokens = 1 << 21
)

// svgCredential is a credential (or OB 2.0 assertion) element found in an SVG.
type svgCredential struct {
	keyword    string
	start, end int64 // byte range of the whole element
	verify     []byte
	body       []byte
}

// svgDoc is what scanSVG learns about a document.
type svgDoc struct {
	rootStart, rootEnd int64     // byte range of the root start tag
	rootName           string    // the root tag's name as written, e.g. "svg" or "s:svg"
	prefixes           []xmlAttr // xmlns:prefix declarations on the root, in order
	creds              []svgCredential
	ob2                *svgCredential
}

type xmlAttr struct{ name, value string }

// looksLikeXML reports whether data starts, after a byte order mark and
// white space, with '<'. Only then is an XML parse worth trying.
func looksLikeXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}

func svgError(off int64, format string, args ...any) error {
	return &FormatError{Format: FormatSVG, Offset: off, Reason: fmt.Sprintf(format, args...)}
}

// credentialKeyword maps the name of a credential element to its keyword.
func credentialKeyword(n xml.Name) string {
	switch {
	case n.Space == NamespaceOB3 && n.Local == "credential":
		return KeywordOB3
	case n.Space == NamespaceCLR && n.Local == "credential":
		return KeywordCLR
	case n.Space == NamespaceOB2 && n.Local == "assertion":
		return KeywordOB2
	}
	return ""
}

// scanSVG walks the document with encoding/xml, which resolves namespaces
// and checks well-formedness. With first set it stops at the first OB 3.0 or
// CLR credential (that is all Extract needs); otherwise it reads to the end
// and collects all of them, as BakeSVG must remove them.
func scanSVG(data []byte, first bool) (*svgDoc, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	// d.Strict is true and d.Entity nil: only the five predefined entities
	// and character references are known, and no charset other than UTF-8
	// is accepted (CharsetReader is nil).
	var (
		doc    svgDoc
		root   bool
		depth  int
		tokens int
		cur    *svgCredential
		curAt  int
	)
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			if !root {
				return nil, fmt.Errorf("%w: XML without a root element", ErrUnknownFormat)
			}
			return &doc, nil
		}
		if err != nil {
			return nil, svgError(d.InputOffset(), "%v", err)
		}
		if tokens++; tokens > maxSVGTokens {
			return nil, svgError(off, "more than %d XML tokens", maxSVGTokens)
		}
		switch t := tok.(type) {
		case xml.Directive:
			// A DOCTYPE internal subset may declare entities ("billion
			// laughs"). encoding/xml would not expand them anyway, but a
			// document relying on them cannot be read correctly, so say so.
			if bytes.Contains(t, []byte("<!ENTITY")) {
				return nil, svgError(off, "the DOCTYPE declares XML entities, which are not supported")
			}
		case xml.StartElement:
			if depth++; depth > maxSVGDepth {
				return nil, svgError(off, "elements nested deeper than %d levels", maxSVGDepth)
			}
			if !root {
				root = true
				if t.Name.Space != svgNamespace || t.Name.Local != "svg" {
					return nil, fmt.Errorf("%w: XML root element is <%s> in namespace %q, not <svg> in %q",
						ErrUnknownFormat, t.Name.Local, t.Name.Space, svgNamespace)
				}
				doc.rootStart, doc.rootEnd = off, d.InputOffset()
				doc.rootName = tagName(data[off:])
				for _, a := range t.Attr {
					if a.Name.Space == "xmlns" {
						doc.prefixes = append(doc.prefixes, xmlAttr{a.Name.Local, a.Value})
					}
				}
				continue
			}
			if cur != nil {
				return nil, svgError(off, "element <%s> inside the credential element, which holds only text", t.Name.Local)
			}
			if k := credentialKeyword(t.Name); k != "" {
				cur, curAt = &svgCredential{keyword: k, start: off}, depth
				for _, a := range t.Attr {
					if a.Name.Space == "" && a.Name.Local == "verify" {
						cur.verify = []byte(a.Value)
					}
				}
			}
		case xml.EndElement:
			if cur != nil && depth == curAt {
				cur.end = d.InputOffset()
				switch {
				case cur.keyword != KeywordOB2:
					doc.creds = append(doc.creds, *cur)
					if first {
						return &doc, nil
					}
				case doc.ob2 == nil:
					doc.ob2 = cur
				}
				cur = nil
			}
			depth--
		case xml.CharData:
			if cur != nil {
				// CDATA sections arrive as CharData too, so JSON split over
				// several sections (to escape "]]>") is joined here.
				cur.body = append(cur.body, t...)
			}
		}
	}
}

// tagName returns the element name of the start tag at the beginning of b.
func tagName(b []byte) string {
	end := bytes.IndexAny(b, " \t\r\n/>")
	if end < 1 {
		return ""
	}
	return string(b[1:end])
}

// payload returns the text of a credential element: the JWS in verify, or
// the element's content (JSON). Both at once is ambiguous and refused.
func (c *svgCredential) payload() ([]byte, error) {
	verify, body := bytes.TrimSpace(c.verify), bytes.TrimSpace(c.body)
	switch {
	case len(verify) > 0 && len(body) > 0:
		return nil, svgError(c.start, "the %s element has both a verify attribute and content", c.keyword)
	case len(verify) > 0:
		return bytes.Clone(verify), nil
	case len(body) > 0:
		return bytes.Clone(body), nil
	}
	return nil, svgError(c.start, "the %s element is empty", c.keyword)
}

func extractSVG(data []byte) (*Baked, error) {
	doc, err := scanSVG(data, true)
	if err != nil {
		return nil, err
	}
	c := doc.ob2
	if len(doc.creds) > 0 {
		c = &doc.creds[0]
	}
	if c == nil {
		return nil, ErrNotBaked
	}
	p, err := c.payload()
	if err != nil {
		return nil, err
	}
	return &Baked{Format: FormatSVG, Keyword: c.keyword, Payload: p}, nil
}

// BakeSVG returns a copy of svg with payload (a credential JSON object or
// compact JWS) baked in a credential element in namespace (NamespaceOB3 or
// NamespaceCLR), inserted directly after the root <svg> start tag, which
// gains the namespace declaration if it lacks one. A JWS goes in the verify
// attribute, JSON in CDATA. Existing OB 3.0 and CLR credential elements are
// removed; all other bytes are kept as they were.
func BakeSVG(svg []byte, payload []byte, namespace string) ([]byte, error) {
	var prefix string
	switch namespace {
	case NamespaceOB3:
		prefix = "openbadges"
	case NamespaceCLR:
		prefix = "clr"
	default:
		return nil, fmt.Errorf("%w: namespace %q", ErrUnsupportedKind, namespace)
	}
	if len(svg) > MaxImageBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(svg), MaxImageBytes)
	}
	text, isJSON, err := bakeText(payload)
	if err != nil {
		return nil, err
	}
	if i := invalidXMLChar(text); i >= 0 {
		return nil, fmt.Errorf("%w: character at byte %d cannot appear in XML", ErrInvalidPayload, i)
	}
	if !looksLikeXML(svg) {
		return nil, fmt.Errorf("%w: BakeSVG needs an SVG document", ErrUnknownFormat)
	}
	doc, err := scanSVG(svg, false)
	if err != nil {
		return nil, err
	}
	prefix, declare := doc.choosePrefix(prefix, namespace)

	elem := make([]byte, 0, len(text)+2*len(prefix)+64)
	elem = append(elem, '<')
	elem = append(elem, prefix...)
	elem = append(elem, ":credential"...)
	if isJSON {
		// CDATA cannot contain "]]>": end the section after "]]" and start
		// a new one for ">" (XML 1.0 §2.7).
		elem = append(elem, "><![CDATA["...)
		elem = append(elem, bytes.ReplaceAll(text, []byte("]]>"), []byte("]]]]><![CDATA[>"))...)
		elem = append(elem, "]]></"...)
		elem = append(elem, prefix...)
		elem = append(elem, ":credential>"...)
	} else {
		// A compact JWS is base64url and dots (bakeText checked): nothing
		// to escape.
		elem = append(elem, ` verify="`...)
		elem = append(elem, text...)
		elem = append(elem, `"/>`...)
	}

	nameEnd := doc.rootStart + 1 + int64(len(doc.rootName))
	out := make([]byte, 0, len(svg)+len(elem)+len(declare)+len(doc.rootName)+3)
	out = append(out, svg[:nameEnd]...)
	out = append(out, declare...)
	if bytes.HasSuffix(svg[:doc.rootEnd], []byte("/>")) {
		// <svg .../> has no content: open it, add the element, close it.
		out = append(out, svg[nameEnd:doc.rootEnd-2]...)
		out = append(out, '>')
		out = append(out, elem...)
		out = append(out, "</"+doc.rootName+">"...)
		out = append(out, svg[doc.rootEnd:]...)
	} else {
		out = append(out, svg[nameEnd:doc.rootEnd]...)
		out = append(out, elem...)
		at := doc.rootEnd
		for _, c := range doc.creds {
			out = append(out, svg[at:c.start]...)
			at = c.end
		}
		out = append(out, svg[at:]...)
	}
	if len(out) > MaxImageBytes {
		return nil, fmt.Errorf("%w: the baked image would be %d bytes, the limit is %d", ErrTooLarge, len(out), MaxImageBytes)
	}
	return out, nil
}

// choosePrefix picks the prefix for the credential element: one the root
// already binds to namespace, else want (or want2, want3, … if want is bound
// to something else, as "openbadges" is in OB 2.0 badges). declare is the
// attribute text to add to the root, empty when the binding exists.
func (doc *svgDoc) choosePrefix(want, namespace string) (prefix, declare string) {
	bound := map[string]bool{}
	for _, a := range doc.prefixes {
		// encoding/xml accepts attribute names XML does not (xmlns:000);
		// reuse only a prefix that is also a valid element name prefix.
		if a.value == namespace && plainName(a.name) {
			return a.name, ""
		}
		bound[a.name] = true
	}
	prefix = want
	for i := 2; bound[prefix]; i++ {
		prefix = want + strconv.Itoa(i)
	}
	return prefix, ` xmlns:` + prefix + `="` + namespace + `"`
}

// plainName reports whether s is an ASCII XML name without colons
// ([A-Za-z_][A-Za-z0-9._-]*), a safe subset of the NCName production.
func plainName(s string) bool {
	for i, c := range []byte(s) {
		letter := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '.' || c == '-')) {
			return false
		}
	}
	return s != ""
}

// invalidXMLChar returns the byte index of the first rune outside XML 1.0's
// Char production (§2.2), or -1. text is valid UTF-8.
func invalidXMLChar(text []byte) int {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		ok := r == 0x9 || r == 0xA || r == 0xD ||
			r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
		if !ok {
			return i
		}
		i += n
	}
	return -1
}

package baked

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
)

func TestBakePNGRoundTrip(t *testing.T) {
	orig := goPNG(t)
	baked, err := BakePNG(orig, []byte("  "+testJSON+"\n"), KeywordOB3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Extract(baked)
	if err != nil {
		t.Fatal(err)
	}
	if b.Format != FormatPNG || b.Keyword != KeywordOB3 || string(b.Payload) != testJSON {
		t.Fatalf("got %s %s %q", b.Format, b.Keyword, b.Payload)
	}
	if !crcOK(baked) {
		t.Error("a chunk CRC is wrong")
	}
	if !samePixels(decodePixels(t, orig), decodePixels(t, baked)) {
		t.Error("baking changed the pixels")
	}
	// The chunk sits right after IHDR with flag 0, method 0, empty language
	// tag and translated keyword.
	cs := pngChunks(t, baked)
	if cs[1].typ != "iTXt" || !bytes.Equal(cs[1].data, itxt(KeywordOB3, 0, "", "", testJSON)) {
		t.Fatalf("second chunk is %s %q", cs[1].typ, cs[1].data)
	}
	// Everything else is the original stream.
	if !bytes.Equal(append(bytes.Clone(baked[:8+len(cs[0].raw)]), baked[8+len(cs[0].raw)+len(cs[1].raw):]...), orig) {
		t.Error("the other chunks were not copied unchanged")
	}

	// Re-baking replaces, also across OB 3.0 and CLR keywords.
	again, err := BakePNG(baked, []byte(testJWS), KeywordCLR)
	if err != nil {
		t.Fatal(err)
	}
	b, err = Extract(again)
	if err != nil || b.Keyword != KeywordCLR || string(b.Payload) != testJWS {
		t.Fatalf("re-baked: %+v %v", b, err)
	}
	if n := countCredentialChunks(t, again); n != 1 {
		t.Errorf("%d credential chunks after re-baking, want 1", n)
	}
	if len(again) != len(orig)+12+len(itxt(KeywordCLR, 0, "", "", testJWS)) {
		t.Errorf("re-baked size %d: the old chunk was not removed", len(again))
	}
}

func countCredentialChunks(t *testing.T, img []byte) int {
	n := 0
	for _, c := range pngChunks(t, img) {
		if k, _, ok := textKeyword(c.data); ok && c.typ == "iTXt" && isCredentialKeyword(k) {
			n++
		}
	}
	return n
}

// The vector images were encoded by ImageMagick, not Go: re-baking them must
// keep every other chunk and the pixels, and leave one credential.
func TestBakePNGVectorImage(t *testing.T) {
	orig := vectors.Read(t, "1edtech", "validator", "ob30", "simple-json.png")
	jwt, err := Extract(vectors.Read(t, "1edtech", "validator", "ob30", "simple-jwt.png"))
	if err != nil {
		t.Fatal(err)
	}
	baked, err := BakePNG(orig, jwt.Payload, KeywordOB3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Extract(baked)
	if err != nil || !bytes.Equal(b.Payload, jwt.Payload) {
		t.Fatalf("got %v %v", b, err)
	}
	if n := countCredentialChunks(t, baked); n != 1 {
		t.Errorf("%d credential chunks, want 1", n)
	}
	var before, after []string
	for _, c := range pngChunks(t, orig) {
		if k, _, _ := textKeyword(c.data); c.typ != "iTXt" || k != KeywordOB3 {
			before = append(before, string(c.raw))
		}
	}
	for _, c := range pngChunks(t, baked)[2:] {
		after = append(after, string(c.raw))
	}
	if strings.Join(before[1:], "") != strings.Join(after, "") {
		t.Error("other chunks changed")
	}
	if !samePixels(decodePixels(t, orig), decodePixels(t, baked)) {
		t.Error("pixels changed")
	}
}

func TestBakePNGErrors(t *testing.T) {
	img := goPNG(t)
	for _, tc := range []struct {
		name    string
		img     []byte
		payload string
		keyword string
		want    error
	}{
		{"ob2 keyword", img, testJSON, KeywordOB2, ErrUnsupportedKind},
		{"other keyword", img, testJSON, "Comment", ErrUnsupportedKind},
		{"not a credential", img, "hello", KeywordOB3, ErrInvalidPayload},
		{"bad JSON", img, `{"a":`, KeywordOB3, ErrInvalidPayload},
		{"JSON array", img, `[1]`, KeywordOB3, ErrInvalidPayload},
		{"JWS with 2 parts", img, "a.b", KeywordOB3, ErrInvalidPayload},
		{"JWS with empty signature", img, "a.b.", KeywordOB3, ErrInvalidPayload},
		{"not UTF-8", img, "{\"a\":\"\xff\"}", KeywordOB3, ErrInvalidPayload},
		{"empty", img, " ", KeywordOB3, ErrInvalidPayload},
		{"SVG", []byte(svgOpen + "</svg>"), testJSON, KeywordOB3, ErrUnknownFormat},
		{"truncated", img[:len(img)-5], testJSON, KeywordOB3, nil},
		{"too large", make([]byte, MaxImageBytes+1), testJSON, KeywordOB3, ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := BakePNG(tc.img, []byte(tc.payload), tc.keyword)
			if err == nil {
				t.Fatalf("no error, %d bytes", len(out))
			}
			var fe *FormatError
			if tc.want == nil && !errors.As(err, &fe) || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

const (
	ob3Decl = ` xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"`
	jwsElem = `<openbadges:credential verify="` + testJWS + `"/>`
)

func TestBakeSVG(t *testing.T) {
	for _, tc := range []struct {
		name, in, payload, namespace, want string
	}{
		{
			"jws",
			`<?xml version="1.0"?>` + "\n<!-- art -->\n" + `<svg xmlns="http://www.w3.org/2000/svg" width="1"><circle r="1"/></svg>` + "\n",
			testJWS, NamespaceOB3,
			`<?xml version="1.0"?>` + "\n<!-- art -->\n" + `<svg` + ob3Decl + ` xmlns="http://www.w3.org/2000/svg" width="1">` + jwsElem + `<circle r="1"/></svg>` + "\n",
		},
		{
			"json with ]]>",
			svgOpen + "\n</svg>", jsonWithCDATAEnd, NamespaceOB3,
			`<svg` + ob3Decl + ` xmlns="http://www.w3.org/2000/svg" width="10" height="10">` +
				`<openbadges:credential><![CDATA[{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"a]]]]><![CDATA[>b <&>"}]]></openbadges:credential>` + "\n</svg>",
		},
		{
			"clr",
			"<svg\n  xmlns='http://www.w3.org/2000/svg'>x</svg>", testJWS, NamespaceCLR,
			`<svg xmlns:clr="https://purl.imsglobal.org/clr/v2p0"` + "\n  xmlns='http://www.w3.org/2000/svg'>" + `<clr:credential verify="` + testJWS + `"/>x</svg>`,
		},
		{
			"self-closing root",
			`<svg xmlns="http://www.w3.org/2000/svg" />`, testJWS, NamespaceOB3,
			`<svg` + ob3Decl + ` xmlns="http://www.w3.org/2000/svg" >` + jwsElem + `</svg>`,
		},
		{
			"prefixed root",
			`<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:g/></s:svg>`, testJWS, NamespaceOB3,
			`<s:svg` + ob3Decl + ` xmlns:s="http://www.w3.org/2000/svg">` + jwsElem + `<s:g/></s:svg>`,
		},
		{
			// The root already binds the namespace, under another prefix:
			// reuse it, and replace the credential already there.
			"replace, existing binding",
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0">
  <ob:credential><![CDATA[{"old":true}]]></ob:credential>
  <g><ob:credential verify="o.l.d"/></g>
</svg>`, testJWS, NamespaceOB3,
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0">` + `<ob:credential verify="` + testJWS + `"/>` + `
  
  <g></g>
</svg>`,
		},
		{
			// encoding/xml lets "xmlns:1" through, but "1" cannot prefix an
			// element name: declare a usable prefix instead.
			"unusable existing prefix",
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:1="https://purl.imsglobal.org/ob/v3p0"></svg>`, testJWS, NamespaceOB3,
			`<svg` + ob3Decl + ` xmlns="http://www.w3.org/2000/svg" xmlns:1="https://purl.imsglobal.org/ob/v3p0">` + jwsElem + `</svg>`,
		},
		{
			// An OB 2.0 badge binds "openbadges" to its own namespace; its
			// assertion stays and the OB 3.0 element gets a fresh prefix.
			"ob2 badge",
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a"/></svg>`,
			testJWS, NamespaceOB3,
			`<svg xmlns:openbadges2="https://purl.imsglobal.org/ob/v3p0" xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">` +
				`<openbadges2:credential verify="` + testJWS + `"/><openbadges:assertion verify="https://example.org/a"/></svg>`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := BakeSVG([]byte(tc.in), []byte(tc.payload), tc.namespace)
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", out, tc.want)
			}
			wellFormed(t, out)
			b, err := Extract(out)
			if err != nil {
				t.Fatal(err)
			}
			if string(b.Payload) != tc.payload || b.Format != FormatSVG {
				t.Fatalf("extracted %s %q", b.Format, b.Payload)
			}
			// Baking is idempotent: the second bake replaces the first.
			again, err := BakeSVG(out, []byte(tc.payload), tc.namespace)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, out) {
				t.Errorf("re-baking changed the document:\n%s", again)
			}
		})
	}
}

// wellFormed parses the whole document with encoding/xml.
func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		if _, err := d.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, doc)
		}
	}
}

// Re-baking a vector SVG (made by 1EdTech, with an XML declaration, DOCTYPE
// and an existing credential) swaps the element and nothing else.
func TestBakeSVGVector(t *testing.T) {
	orig := vectors.Read(t, "1edtech", "validator", "ob30", "simple-json.svg")
	jwt, err := Extract(vectors.Read(t, "1edtech", "validator", "ob30", "simple-jwt.svg"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := BakeSVG(orig, jwt.Payload, NamespaceOB3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Extract(out)
	if err != nil || !bytes.Equal(b.Payload, jwt.Payload) || b.Keyword != KeywordOB3 {
		t.Fatalf("got %+v %v", b, err)
	}
	wellFormed(t, out)
	// Cut the old element out of the original and the new one out of the
	// result: the rest must be identical.
	s := string(orig)
	i, j := strings.Index(s, "<openbadges:credential>"), strings.Index(s, "</openbadges:credential>")+len("</openbadges:credential>")
	newElem := `<openbadges:credential verify="` + string(jwt.Payload) + `"/>`
	if got, want := strings.Replace(string(out), newElem, "", 1), s[:i]+s[j:]; got != want {
		t.Errorf("bytes outside the credential changed:\n%s", got)
	}
}

func TestBakeSVGErrors(t *testing.T) {
	for _, tc := range []struct {
		name, svg, payload, namespace string
		want                          error
	}{
		{"ob2 namespace", svgOpen + "</svg>", testJWS, NamespaceOB2, ErrUnsupportedKind},
		{"bad payload", svgOpen + "</svg>", "<x/>", NamespaceOB3, ErrInvalidPayload},
		{"U+FFFF in JSON", svgOpen + "</svg>", "{\"a\":\"\uffff\"}", NamespaceOB3, ErrInvalidPayload},
		{"not XML", testJSON, testJWS, NamespaceOB3, ErrUnknownFormat},
		{"PNG", string(goPNG(t)), testJWS, NamespaceOB3, ErrUnknownFormat},
		{"not SVG", `<html xmlns="http://www.w3.org/1999/xhtml"/>`, testJWS, NamespaceOB3, ErrUnknownFormat},
		{"malformed", svgOpen + "<g></svg>", testJWS, NamespaceOB3, nil},
		{"entities", `<!DOCTYPE svg [<!ENTITY a "b">]>` + svgOpen + "</svg>", testJWS, NamespaceOB3, nil},
		{"too large", svgOpen + strings.Repeat(" ", MaxImageBytes) + "</svg>", testJWS, NamespaceOB3, ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := BakeSVG([]byte(tc.svg), []byte(tc.payload), tc.namespace)
			if err == nil {
				t.Fatalf("no error:\n%s", out)
			}
			var fe *FormatError
			if tc.want == nil && !errors.As(err, &fe) || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

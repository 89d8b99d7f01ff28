package baked

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
)

// The validator's baked vectors were made by 1EdTech's tooling from artwork
// encoded by ImageMagick (see the tEXt date chunks), not by Go.
func TestExtractVectors(t *testing.T) {
	for _, tc := range []struct {
		file    []string
		format  string
		keyword string
		jws     bool
	}{
		{[]string{"ob30", "simple-json.png"}, FormatPNG, KeywordOB3, false},
		{[]string{"ob30", "simple-json.svg"}, FormatSVG, KeywordOB3, false},
		{[]string{"ob30", "simple-jwt.png"}, FormatPNG, KeywordOB3, true},
		{[]string{"ob30", "simple-jwt.svg"}, FormatSVG, KeywordOB3, true},
		{[]string{"ob30", "simple-jwt_v1.png"}, FormatPNG, KeywordOB3, true},
		{[]string{"ob30", "simple-jwt_v1.svg"}, FormatSVG, KeywordOB3, true},
		{[]string{"ob20", "simple-badge.png"}, FormatPNG, KeywordOB2, false},
	} {
		name := strings.Join(tc.file, "/")
		t.Run(name, func(t *testing.T) {
			data := vectors.Read(t, append([]string{"1edtech", "validator"}, tc.file...)...)
			b, err := Extract(data)
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != tc.format || b.Keyword != tc.keyword {
				t.Fatalf("got format %q keyword %q, want %q %q", b.Format, b.Keyword, tc.format, tc.keyword)
			}
			if !bytes.Equal(b.Payload, bytes.TrimSpace(b.Payload)) {
				t.Error("payload is not trimmed")
			}
			if tc.jws {
				checkJWS(t, b.Payload)
				return
			}
			var m map[string]any
			if err := json.Unmarshal(b.Payload, &m); err != nil {
				t.Fatalf("payload is not a JSON object: %v", err)
			}
			want := "OpenBadgeCredential"
			if tc.keyword == KeywordOB2 {
				want = "Assertion"
			}
			if typ, _ := json.Marshal(m["type"]); !strings.Contains(string(typ), want) {
				t.Errorf("type %s does not name %s", typ, want)
			}
		})
	}
}

// The JSON PNG and SVG vectors bake the same credential.
func TestExtractVectorsAgree(t *testing.T) {
	p, err := Extract(vectors.Read(t, "1edtech", "validator", "ob30", "simple-json.png"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Extract(vectors.Read(t, "1edtech", "validator", "ob30", "simple-json.svg"))
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if json.Unmarshal(p.Payload, &a) != nil || json.Unmarshal(s.Payload, &b) != nil {
		t.Fatal("not JSON")
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Errorf("PNG and SVG credentials differ:\n%s\n%s", ja, jb)
	}
}

func TestExtractPNG(t *testing.T) {
	ihdr, rest := ihdrOf(t, goPNG(t))
	for _, tc := range []struct {
		name    string
		chunks  [][]byte
		keyword string
		payload string
	}{
		{"ob3", [][]byte{rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", "\n "+testJSON+"\n"))}, KeywordOB3, testJSON},
		{"clr", [][]byte{rawChunk("iTXt", itxt(KeywordCLR, 0, "", "", testJWS))}, KeywordCLR, testJWS},
		// Language tag and translated keyword are parsed, not mistaken for text.
		{"language tag", [][]byte{rawChunk("iTXt", itxt(KeywordOB3, 0, "en-GB", "Offenes Abzeichen", testJWS))}, KeywordOB3, testJWS},
		{"first wins", [][]byte{
			rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJWS)),
			rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJSON)),
		}, KeywordOB3, testJWS},
		{"other text chunks ignored", [][]byte{
			rawChunk("tEXt", []byte("Comment\x00made by hand")),
			rawChunk("iTXt", itxt("XML:com.adobe.xmp", 0, "", "", "<x/>")),
			rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJSON)),
		}, KeywordOB3, testJSON},
		// A keyword is case-sensitive (PNG §11.3.4.2).
		{"keyword case", [][]byte{
			rawChunk("iTXt", itxt("OpenBadgeCredential", 0, "", "", testJWS)),
			rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJSON)),
		}, KeywordOB3, testJSON},
		{"ob3 preferred over an earlier ob2", [][]byte{
			rawChunk("iTXt", itxt(KeywordOB2, 0, "", "", `{"type":"Assertion"}`)),
			rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJWS)),
		}, KeywordOB3, testJWS},
		{"ob2 iTXt", [][]byte{rawChunk("iTXt", itxt(KeywordOB2, 0, "", "", `{"type":"Assertion"}`))}, KeywordOB2, `{"type":"Assertion"}`},
		{"ob1 tEXt URL in Latin-1", [][]byte{rawChunk("tEXt", []byte("openbadges\x00https://example.org/b\xe9.json"))}, KeywordOB2, "https://example.org/bé.json"},
		{"broken ob2 does not hide ob3", [][]byte{
			rawChunk("iTXt", itxt(KeywordOB2, 1, "", "", "x")),
			rawChunk("iTXt", itxt(KeywordCLR, 0, "", "", testJWS)),
		}, KeywordCLR, testJWS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := splice(append(append([][]byte{ihdr}, tc.chunks...), rest)...)
			b, err := Extract(img)
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != FormatPNG || b.Keyword != tc.keyword || string(b.Payload) != tc.payload {
				t.Fatalf("got %s %s %q, want %s %q", b.Format, b.Keyword, b.Payload, tc.keyword, tc.payload)
			}
		})
	}
}

// Once the credential is found the rest of the stream is not read (OB 3.0
// "Extracting"), so damage after it does not matter.
func TestExtractPNGStopsAtCredential(t *testing.T) {
	ihdr, _ := ihdrOf(t, goPNG(t))
	img := splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJWS)), []byte("garbage"))
	if b, err := Extract(img); err != nil || string(b.Payload) != testJWS {
		t.Fatalf("got %v, %v", b, err)
	}
}

func TestExtractPNGErrors(t *testing.T) {
	good := goPNG(t)
	ihdr, rest := ihdrOf(t, good)
	credential := rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", testJSON))
	badCRC := bytes.Clone(credential)
	badCRC[20] ^= 0x01
	for _, tc := range []struct {
		name string
		img  []byte
		want error  // errors.Is target, or nil for a *FormatError
		msg  string // in the error text
	}{
		{"plain image", good, ErrNotBaked, "no baked credential"},
		{"bad CRC", splice(ihdr, badCRC, rest), nil, "CRC mismatch in iTXt"},
		{"truncated chunk", splice(ihdr, credential[:len(credential)-10]), nil, "truncated iTXt chunk"},
		{"truncated header", splice(ihdr, credential[:7]), nil, "truncated chunk header"},
		{"no IEND", splice(ihdr), nil, "without an IEND"},
		{"signature only", bytes.Clone(pngSignature), nil, "without an IEND"},
		{"not IHDR first", splice(rawChunk("tEXt", []byte("a\x00b")), ihdr, rest), nil, "first chunk is tEXt"},
		{"bad chunk type", splice(ihdr, rawChunk("iT1t", nil), rest), nil, "invalid chunk type"},
		{"length over 2^31-1", splice(ihdr, []byte{0x80, 0, 0, 0, 'i', 'T', 'X', 't', 0, 0, 0, 0}), nil, "exceeds the PNG maximum"},
		{"compressed", splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 1, "", "", "x\x9c")), rest), ErrCompressed, "compressed"},
		{"bad compression flag", splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 2, "", "", testJSON)), rest), nil, "compression flag 2"},
		{"no compression fields", splice(ihdr, rawChunk("iTXt", []byte(KeywordOB3+"\x00")), rest), nil, "compression fields"},
		{"language tag unterminated", splice(ihdr, rawChunk("iTXt", []byte(KeywordOB3+"\x00\x00\x00en")), rest), nil, "language tag"},
		{"translated keyword unterminated", splice(ihdr, rawChunk("iTXt", []byte(KeywordOB3+"\x00\x00\x00\x00abc")), rest), nil, "translated keyword is not NUL"},
		{"text not UTF-8", splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", "{\"a\":\"\xff\"}")), rest), nil, "not UTF-8"},
		{"empty text", splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 0, "", "", " \n")), rest), nil, "text is empty"},
		{"only a broken ob2", splice(ihdr, rawChunk("iTXt", itxt(KeywordOB2, 1, "", "", "x")), rest), ErrCompressed, "compressed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Extract(tc.img)
			if err == nil {
				t.Fatalf("no error, got %+v", b)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			var fe *FormatError
			if tc.want == nil && (!errors.As(err, &fe) || fe.Format != FormatPNG) {
				t.Errorf("error %v is not a PNG *FormatError", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not mention %q", err, tc.msg)
			}
		})
	}
}

// A length field claiming 1 GiB must be rejected from the bytes present,
// without reserving memory for it.
func TestExtractPNGHugeLengthDoesNotAllocate(t *testing.T) {
	ihdr, _ := ihdrOf(t, goPNG(t))
	img := splice(ihdr, []byte{0x40, 0, 0, 0, 'i', 'T', 'X', 't'}, []byte(KeywordOB3+"\x00\x00\x00\x00\x00{}"), make([]byte, 64))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Extract(img)
	runtime.ReadMemStats(&after)
	var fe *FormatError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "length field says 1073741824 bytes") {
		t.Fatalf("got %v", err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("Extract allocated %d bytes for a forged length", n)
	}
}

func TestExtractTooLarge(t *testing.T) {
	big := make([]byte, MaxImageBytes+1)
	copy(big, goPNG(t))
	if _, err := Extract(big); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
}

func TestExtractUnknownFormat(t *testing.T) {
	for name, data := range map[string]string{
		"empty":          "",
		"JSON":           testJSON,
		"JWS":            testJWS,
		"JPEG":           "\xff\xd8\xff\xe0\x00\x10JFIF",
		"HTML":           "<!DOCTYPE html><html><body></body></html>",
		"svg no xmlns":   `<svg width="1"><openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify="a.b.c"/></svg>`,
		"XML other root": `<?xml version="1.0"?><credential xmlns="https://purl.imsglobal.org/ob/v3p0">{}</credential>`,
		"XML no root":    `<?xml version="1.0"?><!-- nothing -->`,
	} {
		if _, err := Extract([]byte(data)); !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("%s: got %v, want ErrUnknownFormat", name, err)
		}
	}
}

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">`

func TestExtractSVG(t *testing.T) {
	for _, tc := range []struct {
		name, svg, keyword, payload string
	}{
		{"verify", svgOpen + `<openbadges:credential xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" verify=" ` + testJWS + ` "/></svg>`, KeywordOB3, testJWS},
		{"cdata", `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
  <openbadges:credential>
    <![CDATA[ ` + testJSON + ` ]]>
  </openbadges:credential>
  <circle r="4"/>
</svg>`, KeywordOB3, testJSON},
		{"split cdata", svgOpen + `<ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><![CDATA[{"a":"]]]]><![CDATA[>"}]]></ob:credential></svg>`, KeywordOB3, `{"a":"]]>"}`},
		{"escaped text", svgOpen + `<ob:credential xmlns:ob="https://purl.imsglobal.org/ob/v3p0">{"a":"&lt;&amp;&#x2713;"}</ob:credential></svg>`, KeywordOB3, `{"a":"<&✓"}`},
		// Matched by namespace URI: any prefix, or a default namespace.
		{"clr other prefix", svgOpen + `<x:credential xmlns:x="https://purl.imsglobal.org/clr/v2p0" verify="` + testJWS + `"/></svg>`, KeywordCLR, testJWS},
		{"default namespace", svgOpen + `<g><credential xmlns="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `"/></g></svg>`, KeywordOB3, testJWS},
		{"prefixed root", `<s:svg xmlns:s="http://www.w3.org/2000/svg"><o:credential xmlns:o="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `"/></s:svg>`, KeywordOB3, testJWS},
		{"ob2 assertion", svgOpen + `<openbadges:assertion xmlns:openbadges="http://openbadges.org" verify="https://example.org/a.json"/></svg>`, KeywordOB2, "https://example.org/a.json"},
		{"ob3 preferred over an earlier ob2", svgOpen + `<a:assertion xmlns:a="http://openbadges.org" verify="https://example.org/a.json"/><b:credential xmlns:b="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `"/></svg>`, KeywordOB3, testJWS},
		{"first wins", svgOpen + `<b:credential xmlns:b="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `"/><b:credential xmlns:b="https://purl.imsglobal.org/ob/v3p0">{}</b:credential></svg>`, KeywordOB3, testJWS},
		{"bom and external doctype", "\xef\xbb\xbf" + `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + svgOpen + `<c:credential xmlns:c="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `"/></svg>`, KeywordOB3, testJWS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Extract([]byte(tc.svg))
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != FormatSVG || b.Keyword != tc.keyword || string(b.Payload) != tc.payload {
				t.Fatalf("got %s %s %q, want %s %q", b.Format, b.Keyword, b.Payload, tc.keyword, tc.payload)
			}
		})
	}
}

func TestExtractSVGErrors(t *testing.T) {
	deep := svgOpen + strings.Repeat("<g>", 10000) + strings.Repeat("</g>", 10000) + "</svg>"
	bomb := `<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>`
	for _, tc := range []struct {
		name, svg string
		want      error
		msg       string
	}{
		{"plain", svgOpen + `<circle r="1"/></svg>`, ErrNotBaked, "no baked credential"},
		{"prefix bound elsewhere", svgOpen + `<openbadges:credential xmlns:openbadges="https://example.org/ob" verify="a.b.c"/></svg>`, ErrNotBaked, "no baked"},
		{"entity bomb", bomb, nil, "declares XML entities"},
		{"undeclared entity", svgOpen + `<text>&lol;</text></svg>`, nil, "invalid character entity"},
		{"deep nesting", deep, nil, "nested deeper than 256"},
		{"not UTF-8", svgOpen + "<text>caf\xe9</text></svg>", nil, "invalid UTF-8"},
		{"Latin-1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?>` + svgOpen + `</svg>`, nil, "ISO-8859-1"},
		{"unclosed", svgOpen + `<g>`, nil, "unexpected EOF"},
		{"mismatched", svgOpen + `</g>`, nil, "syntax error"},
		{"verify and content", svgOpen + `<o:credential xmlns:o="https://purl.imsglobal.org/ob/v3p0" verify="` + testJWS + `">{}</o:credential></svg>`, nil, "both a verify attribute and content"},
		{"empty", svgOpen + `<o:credential xmlns:o="https://purl.imsglobal.org/ob/v3p0" verify=""> </o:credential></svg>`, nil, "element is empty"},
		{"child element", svgOpen + `<o:credential xmlns:o="https://purl.imsglobal.org/ob/v3p0"><b>{}</b></o:credential></svg>`, nil, "element <b> inside the credential"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Extract([]byte(tc.svg))
			if err == nil {
				t.Fatalf("no error, got %+v", b)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v is not %v", err, tc.want)
			}
			var fe *FormatError
			if tc.want == nil && (!errors.As(err, &fe) || fe.Format != FormatSVG) {
				t.Errorf("error %v is not an SVG *FormatError", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not mention %q", err, tc.msg)
			}
		})
	}
}

func TestExtractSVGTokenCap(t *testing.T) {
	// Comments are the cheapest tokens: 7 bytes each.
	svg := svgOpen + strings.Repeat("<!---->", maxSVGTokens) + "</svg>"
	if _, err := Extract([]byte(svg)); err == nil || !strings.Contains(err.Error(), "XML tokens") {
		t.Fatalf("got %v, want the token cap", err)
	}
}

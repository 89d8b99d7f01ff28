package baked

import (
	"bytes"
	"testing"
)

// seeds returns baked and plain PNG and SVG images built in the test, so the
// fuzz targets have seeds even where the shared vectors are absent.
func seeds(f *testing.F) [][]byte {
	plain := goPNG(f)
	ihdr, rest := ihdrOf(f, plain)
	withJSON, err := BakePNG(plain, []byte(testJSON), KeywordOB3)
	if err != nil {
		f.Fatal(err)
	}
	svg := []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><g><circle r="1"/></g></svg>`)
	svgJSON, err := BakeSVG(svg, []byte(jsonWithCDATAEnd), NamespaceOB3)
	if err != nil {
		f.Fatal(err)
	}
	svgJWS, err := BakeSVG(svg, []byte(testJWS), NamespaceCLR)
	if err != nil {
		f.Fatal(err)
	}
	return [][]byte{
		plain, withJSON,
		splice(ihdr, rawChunk("iTXt", itxt(KeywordCLR, 0, "de", "Nachweis", testJWS)), rest),
		splice(ihdr, rawChunk("tEXt", []byte("openbadges\x00https://example.org/a")), rest),
		splice(ihdr, rawChunk("iTXt", itxt(KeywordOB3, 1, "", "", "x")), rest),
		svg, svgJSON, svgJWS,
		[]byte(`<svg xmlns="http://www.w3.org/2000/svg"><a:assertion xmlns:a="http://openbadges.org" verify="u"/></svg>`),
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Extract(data)
		if err != nil {
			if b != nil {
				t.Fatal("result and error")
			}
			return
		}
		if b.Format != FormatPNG && b.Format != FormatSVG {
			t.Fatalf("format %q", b.Format)
		}
		if b.Keyword != KeywordOB3 && b.Keyword != KeywordCLR && b.Keyword != KeywordOB2 {
			t.Fatalf("keyword %q", b.Keyword)
		}
		if len(b.Payload) == 0 || !bytes.Equal(b.Payload, bytes.TrimSpace(b.Payload)) {
			t.Fatalf("payload %q is empty or untrimmed", b.Payload)
		}
	})
}

// FuzzBakePNG bakes fuzzed payloads: whatever is accepted must come back
// out unchanged (trimmed) and leave a PNG that image/png still decodes.
func FuzzBakePNG(f *testing.F) {
	img := goPNG(f)
	want := decodePixels(f, img)
	f.Add([]byte(testJSON), false)
	f.Add([]byte(jsonWithCDATAEnd), true)
	f.Add([]byte(testJWS), true)
	f.Fuzz(func(t *testing.T, payload []byte, clr bool) {
		keyword := KeywordOB3
		if clr {
			keyword = KeywordCLR
		}
		out, err := BakePNG(img, payload, keyword)
		if err != nil {
			return
		}
		b, err := Extract(out)
		if err != nil {
			t.Fatalf("baked image does not extract: %v", err)
		}
		if b.Keyword != keyword || !bytes.Equal(b.Payload, bytes.TrimSpace(payload)) {
			t.Fatalf("got %s %q", b.Keyword, b.Payload)
		}
		if !samePixels(want, decodePixels(t, out)) {
			t.Fatal("pixels changed")
		}
	})
}

// FuzzBakeSVG bakes into fuzzed documents: whatever is accepted must be
// well-formed afterwards and give the payload back.
func FuzzBakeSVG(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, svg []byte, jws bool) {
		payload, ns, keyword := jsonWithCDATAEnd, NamespaceOB3, KeywordOB3
		if jws {
			payload, ns, keyword = testJWS, NamespaceCLR, KeywordCLR
		}
		out, err := BakeSVG(svg, []byte(payload), ns)
		if err != nil {
			return
		}
		wellFormed(t, out)
		b, err := Extract(out)
		if err != nil {
			t.Fatalf("baked document does not extract: %v\n%q", err, out)
		}
		if b.Keyword != keyword || string(b.Payload) != payload {
			t.Fatalf("got %s %q from\n%q", b.Keyword, b.Payload, out)
		}
	})
}

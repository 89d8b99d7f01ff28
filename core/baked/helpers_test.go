package baked

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// Payloads used across the tests. jsonWithCDATAEnd holds "]]>" so that the
// SVG writer has to split its CDATA section.
const (
	testJSON         = `{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Teamwork ✓"}`
	jsonWithCDATAEnd = `{"type":["VerifiableCredential","OpenBadgeCredential"],"name":"a]]>b <&>"}`
	testJWS          = "eyJhbGciOiJFZERTQSJ9.eyJuYW1lIjoiVGVhbXdvcmsifQ.c2lnbmF0dXJl"
)

// goPNG encodes a small image with the standard library's encoder.
func goPNG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 5, 3))
	for y := 0; y < 3; y++ {
		for x := 0; x < 5; x++ {
			img.Set(x, y, color.NRGBA{uint8(50 * x), uint8(80 * y), 200, uint8(255 - 10*x)})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rawChunk builds one PNG chunk with a correct CRC.
func rawChunk(typ string, data []byte) []byte {
	td := append([]byte(typ), data...)
	b := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	b = append(b, td...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(td))
}

// splice returns a PNG made of the signature and the given chunks.
func splice(chunks ...[]byte) []byte {
	return append(bytes.Clone(pngSignature), bytes.Join(chunks, nil)...)
}

// pngChunks lists the chunks of a well-formed PNG, failing the test otherwise.
func pngChunks(tb testing.TB, img []byte) []chunk {
	tb.Helper()
	r, err := newChunkReader(img)
	if err != nil {
		tb.Fatal(err)
	}
	var cs []chunk
	for {
		c, err := r.next()
		if err != nil {
			tb.Fatal(err)
		}
		cs = append(cs, c)
		if c.typ == "IEND" {
			return cs
		}
	}
}

// ihdrOf returns the raw IHDR chunk of a PNG and the rest after it.
func ihdrOf(tb testing.TB, img []byte) (ihdr, rest []byte) {
	tb.Helper()
	n := binary.BigEndian.Uint32(img[8:])
	end := 8 + 12 + int(n)
	if string(img[12:16]) != "IHDR" {
		tb.Fatal("no IHDR")
	}
	return img[8:end], img[end:]
}

// itxt builds an iTXt chunk body with the given fields.
func itxt(keyword string, flag byte, lang, translated, text string) []byte {
	b := []byte(keyword)
	b = append(b, 0, flag, 0)
	b = append(b, lang...)
	b = append(b, 0)
	b = append(b, translated...)
	b = append(b, 0)
	return append(b, text...)
}

// decodePixels decodes a PNG with image/png, failing the test on error.
func decodePixels(tb testing.TB, img []byte) image.Image {
	tb.Helper()
	m, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		tb.Fatalf("image/png cannot decode: %v", err)
	}
	return m
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

// checkJWS asserts p is a compact JWS whose header and payload are
// base64url-encoded JSON objects.
func checkJWS(tb testing.TB, p []byte) {
	tb.Helper()
	parts := strings.Split(string(p), ".")
	if len(parts) != 3 {
		tb.Fatalf("payload has %d dot-separated parts, a compact JWS has 3: %.60q", len(parts), p)
	}
	for i, part := range parts[:2] {
		raw, err := base64.RawURLEncoding.DecodeString(part)
		if err != nil {
			tb.Fatalf("JWS part %d: %v", i, err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			tb.Fatalf("JWS part %d is not a JSON object: %v", i, err)
		}
	}
	if _, err := base64.RawURLEncoding.DecodeString(parts[2]); err != nil || parts[2] == "" {
		tb.Fatalf("JWS signature part: %q %v", parts[2], err)
	}
}

// crcOK reports whether every chunk of img has a correct CRC, independently
// of chunkReader.
func crcOK(img []byte) bool {
	for pos := 8; pos+12 <= len(img); {
		n := int(binary.BigEndian.Uint32(img[pos:]))
		end := pos + 12 + n
		if end > len(img) || crc32.ChecksumIEEE(img[pos+4:end-4]) != binary.BigEndian.Uint32(img[end-4:]) {
			return false
		}
		pos = end
	}
	return true
}

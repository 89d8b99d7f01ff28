//go:build js && wasm

package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"syscall/js"
	"testing"

	"github.com/clearbadge/clearbadge/core/baked"
)

// bakeInto bakes into the given image when it has the asked format, else
// into a plain badge, and what it bakes comes back out of the image.
func TestBakeInto(t *testing.T) {
	payload := []byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}`)
	own := plainPNG
	for _, tc := range []struct {
		name, format string
		img          []byte
		clr          bool
		keyword      string
	}{
		{"png, no image", baked.FormatPNG, nil, false, baked.KeywordOB3},
		{"png, own image", baked.FormatPNG, own, false, baked.KeywordOB3},
		{"png, clr", baked.FormatPNG, nil, true, baked.KeywordCLR},
		{"png from an svg image", baked.FormatPNG, baked.Badge("x"), false, baked.KeywordOB3},
		{"svg, no image", baked.FormatSVG, nil, false, baked.KeywordOB3},
		{"svg from a png image", baked.FormatSVG, own, false, baked.KeywordOB3},
		{"svg, clr", baked.FormatSVG, baked.Badge("Team <lead>"), true, baked.KeywordCLR},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := bakeInto(tc.format, tc.img, payload, "Title", tc.clr)
			if err != nil {
				t.Fatal(err)
			}
			b, err := baked.Extract(out)
			if err != nil {
				t.Fatal(err)
			}
			if b.Format != tc.format || b.Keyword != tc.keyword || !bytes.Equal(b.Payload, payload) {
				t.Fatalf("got %s %s %q", b.Format, b.Keyword, b.Payload)
			}
			if tc.format == baked.FormatPNG && len(tc.img) > 0 && bytes.HasPrefix(tc.img, []byte("\x89PNG")) &&
				len(out) <= len(tc.img) {
				t.Error("the own PNG was not used")
			}
		})
	}
	if _, err := bakeInto(baked.FormatPNG, nil, []byte("not a credential"), "", false); err == nil {
		t.Error("baking text that is neither JSON nor a JWS must fail")
	}
}

// TestUnbakeJS: what bake put into an image comes back out as text; what is
// not a baked image is refused.
func TestUnbakeJS(t *testing.T) {
	payload := `{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}`
	for _, format := range []string{baked.FormatPNG, baked.FormatSVG} {
		img, err := bakeInto(format, nil, []byte(payload), "Title", false)
		if err != nil {
			t.Fatal(err)
		}
		v, err := settle(t, unbakeJS(js.Undefined(), []js.Value{bytesJS(img)}).(js.Value))
		if err != nil || v.String() != payload {
			t.Errorf("%s: %v, %v", format, v, err)
		}
	}
	if _, err := settle(t, unbakeJS(js.Undefined(), []js.Value{js.ValueOf(`{"not":"an image"}`)}).(js.Value)); err == nil {
		t.Error("unbake of JSON must be refused")
	}
	if _, err := settle(t, unbakeJS(js.Undefined(), nil).(js.Value)); err == nil || !strings.Contains(err.Error(), "TypeError") {
		t.Errorf("unbake(): %v, want a TypeError", err)
	}
}

// TestPlainPNG: badge.png is the disc it is described as: 240×240, blue
// within radius 112 but for a white ring between radii 94 and 98, clear
// outside.
func TestPlainPNG(t *testing.T) {
	m, err := png.Decode(bytes.NewReader(plainPNG))
	if err != nil {
		t.Fatal(err)
	}
	const n = 240
	if m.Bounds() != image.Rect(0, 0, n, n) {
		t.Fatalf("bounds %v", m.Bounds())
	}
	blue := color.NRGBA{0x1d, 0x4f, 0x91, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			dx, dy := float64(x)-n/2+.5, float64(y)-n/2+.5
			d := dx*dx + dy*dy
			var want color.NRGBA
			switch {
			case d <= 112*112 && (d >= 94*94 && d <= 98*98):
				want = white
			case d <= 112*112:
				want = blue
			}
			if got := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA); got != want {
				t.Fatalf("pixel (%d, %d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

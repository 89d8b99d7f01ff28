package baked

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// Badge returns a plain SVG badge showing title, for baking a credential
// that has no image of its own (the wallet's "download as image").
func Badge(title string) []byte {
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(shorten(title, 28)))
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="` +
		esc.String() + `">` +
		`<circle cx="120" cy="120" r="112" fill="#1d4f91"/>` +
		`<circle cx="120" cy="120" r="96" fill="none" stroke="#ffffff" stroke-width="4"/>` +
		`<path d="M92 122l20 20 38-44" fill="none" stroke="#ffffff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>` +
		`<text x="120" y="190" text-anchor="middle" font-family="sans-serif" font-size="15" fill="#ffffff">` + esc.String() + `</text>` +
		`</svg>`)
}

func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}

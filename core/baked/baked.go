package baked

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Image formats reported in Baked.Format.
const (
	FormatPNG = "png"
	FormatSVG = "svg"
)

// PNG iTXt keywords, also reported in Baked.Keyword for SVG images to say
// which kind of credential was found.
const (
	KeywordOB3 = "openbadgecredential" // Open Badges 3.0
	KeywordCLR = "clrcredential"       // CLR 2.0
	KeywordOB2 = "openbadges"          // Open Badges 2.0 (and the 1.0 hosted URL)
)

// SVG namespaces of the credential element (OB 3.0, CLR 2.0: "credential";
// OB 2.0: "assertion").
const (
	NamespaceOB3 = "https://purl.imsglobal.org/ob/v3p0"
	NamespaceCLR = "https://purl.imsglobal.org/clr/v2p0"
	NamespaceOB2 = "http://openbadges.org"
)

// MaxImageBytes caps the images Extract, BakePNG and BakeSVG accept and
// produce. Badge images are tens of KiB; 16 MiB leaves room for large artwork
// while keeping a hostile file from costing more than that.
const MaxImageBytes = 16 << 20

var (
	// ErrUnknownFormat: the bytes are neither a PNG nor an SVG document.
	ErrUnknownFormat = errors.New("baked: not a PNG or SVG image")
	// ErrNotBaked: a valid image that carries no credential.
	ErrNotBaked = errors.New("baked: the image carries no baked credential")
	// ErrTooLarge: the image (or the baked result) exceeds MaxImageBytes.
	ErrTooLarge = errors.New("baked: image exceeds the size limit")
	// ErrCompressed: the credential's iTXt chunk is compressed, which the
	// baking rules forbid ("compression MUST NOT be used").
	ErrCompressed = errors.New("baked: the credential chunk is compressed, which Open Badges forbids")
	// ErrInvalidPayload: BakePNG or BakeSVG got something that is neither a
	// JSON object nor a compact JWS, or that the image format cannot carry.
	ErrInvalidPayload = errors.New("baked: payload is not a credential JSON object or compact JWS")
	// ErrUnsupportedKind: BakePNG or BakeSVG got a keyword or namespace other
	// than those of Open Badges 3.0 and CLR 2.0.
	ErrUnsupportedKind = errors.New("baked: only Open Badges 3.0 and CLR 2.0 credentials can be baked")
)

// FormatError reports a malformed image: a PNG or SVG that breaks a rule of
// its own format or of the baking rules.
type FormatError struct {
	Format string // FormatPNG or FormatSVG
	Offset int64  // byte offset in the input where the problem was found
	Reason string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("baked: malformed %s at byte %d: %s", e.Format, e.Offset, e.Reason)
}

// Baked is a credential found in an image.
type Baked struct {
	Format  string // FormatPNG or FormatSVG
	Keyword string // KeywordOB3, KeywordCLR or KeywordOB2
	// Payload is the baked text with surrounding white space removed: the
	// credential JSON or its compact JWS (for OB 2.0 also a hosted URL).
	Payload []byte
}

// Extract finds the credential baked into a PNG or SVG image. PNG is
// recognised by its signature, SVG by a root element <svg> in the SVG
// namespace. The first OB 3.0 or CLR credential wins; an OB 2.0 assertion is
// returned only when there is none. It returns ErrNotBaked for a plain
// image, ErrUnknownFormat for anything else, and a *FormatError for a
// damaged one.
func Extract(data []byte) (*Baked, error) {
	if len(data) > MaxImageBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(data), MaxImageBytes)
	}
	switch {
	case bytes.HasPrefix(data, pngSignature):
		return extractPNG(data)
	case looksLikeXML(data):
		return extractSVG(data)
	}
	return nil, ErrUnknownFormat
}

// bakeText validates and trims a payload for baking. It must be a JSON
// object or a compact JWS (three non-empty base64url parts): that is what the
// baking rules allow, and it keeps the SVG attribute free of characters that
// would need escaping.
func bakeText(payload []byte) (text []byte, isJSON bool, err error) {
	p := bytes.TrimSpace(payload)
	if len(p) > MaxImageBytes {
		return nil, false, fmt.Errorf("%w: payload of %d bytes", ErrTooLarge, len(p))
	}
	if !utf8.Valid(p) {
		return nil, false, fmt.Errorf("%w: not UTF-8", ErrInvalidPayload)
	}
	if len(p) > 0 && p[0] == '{' {
		if !json.Valid(p) {
			return nil, false, fmt.Errorf("%w: starts with '{' but is not valid JSON", ErrInvalidPayload)
		}
		return p, true, nil
	}
	if !isCompactJWS(p) {
		return nil, false, ErrInvalidPayload
	}
	return p, false, nil
}

func isCompactJWS(p []byte) bool {
	parts := bytes.Split(p, []byte("."))
	if len(parts) != 3 {
		return false
	}
	for _, part := range parts {
		if len(part) == 0 {
			return false
		}
		for _, c := range part {
			if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

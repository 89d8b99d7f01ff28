// Package baked reads and writes "baked" badge images: PNG and SVG files that
// carry an Open Badges 3.0 or CLR 2.0 credential inside the picture, so one
// file is both the badge people see and the credential a verifier checks.
//
// # Formats
//
// OB 3.0 "Open Badges Document Formats" › "Baked Badge" (and CLR 2.0 "CLR
// Document Formats", which repeats it with its own names) define two
// carriers. The baked text is either the compact JWS of a VC-JWT or the
// credential's JSON with an embedded proof; exactly one credential per image.
//
// PNG: an iTXt chunk (PNG Second Edition §11.3.4.5) whose keyword is
// "openbadgecredential" (CLR: "clrcredential"), compression flag 0 — the
// spec says the text MUST NOT be compressed — and empty language tag and
// translated keyword. A reader takes the first such chunk and may discard
// the rest of the stream. Extract refuses a compressed chunk with
// ErrCompressed rather than inflating it: the spec forbids it, and refusing
// needs no decompression bomb defences.
//
// SVG: the root <svg> declares xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"
// (CLR: xmlns:clr="https://purl.imsglobal.org/clr/v2p0") and the first child
// is a <openbadges:credential> element. A JWS goes in its verify attribute
// and the element stays empty; JSON goes in the element's content, wrapped in
// CDATA. Extract matches the element by namespace URI, never by prefix.
//
// Open Badges 2.0 used the same places with other names (PNG keyword
// "openbadges" in iTXt, or in tEXt for the pre-2.0 hosted URL; SVG element
// <assertion> in namespace "http://openbadges.org"). Extract reports such an
// image with Keyword KeywordOB2 so the caller can say why it stops there; an
// OB 3.0 or CLR credential in the same image is preferred over it.
//
// # Robustness
//
// Every input is untrusted. Images over MaxImageBytes are refused before any
// work. The PNG reader walks the chunk layout of §5.3 itself, checks every
// chunk's CRC (§5.5) up to the one it needs, and compares each length field
// with the bytes actually left before using it, so a forged length costs
// nothing. SVG goes through encoding/xml, which knows only the five predefined
// entities and never expands ones a DOCTYPE declares; a DOCTYPE that declares
// entities is refused outright with a clear error, and element depth and token
// count are capped.
//
// # Baking
//
// BakePNG and BakeSVG insert the credential where the spec puts it and
// remove any OB 3.0 or CLR credential already there, so re-baking replaces.
// They splice bytes instead of re-encoding: the PNG keeps every other chunk
// as it was (the new iTXt goes right after IHDR, before the image data), and
// the SVG keeps every byte outside the inserted element and namespace
// declaration and the removed elements, at offsets found by the XML decoder.
// OB 2.0 data is left alone.
package baked

//go:build js

// ClearBadge patch to json-gold v0.9.1 (see ../PATCH.md).

package ld

// ParseNQuadsFrom is not available in a js/wasm build. The published parser
// (parse_nquads.go) is built on github.com/cayleygraph/quad, whose format
// registry is filled by package init, so importing it links the whole N-Quads
// reader and writer (about 200 KiB of code) into every WebAssembly program
// that uses json-gold, whether or not it parses N-Quads. ClearBadge's wasm
// never does (it reads JSON-LD and writes canonical N-Quads itself).
func ParseNQuadsFrom(o interface{}) (*RDFDataset, error) {
	return nil, NewJsonLdError(NotImplemented, "N-Quads parsing is not built into js/wasm builds")
}

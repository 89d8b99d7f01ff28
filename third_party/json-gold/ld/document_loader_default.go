//go:build !js

// ClearBadge patch to json-gold v0.9.1 (see ../PATCH.md).

package ld

// defaultDocumentLoader is NewJsonLdOptions' loader: as published, one that
// fetches over HTTP.
func defaultDocumentLoader() DocumentLoader { return NewDefaultDocumentLoader(nil) }

//go:build js

// ClearBadge patch to json-gold v0.9.1 (see ../PATCH.md).

package ld

import "errors"

// defaultDocumentLoader is NewJsonLdOptions' loader. In a js/wasm build it
// fetches nothing: the published default, an HTTP loader, is what links
// net/http, crypto/tls and x509 into every WebAssembly program that uses
// json-gold (about a third of the binary), while an HTTP request made
// synchronously from a JavaScript callback would deadlock anyway. Callers
// set JsonLdOptions.DocumentLoader.
func defaultDocumentLoader() DocumentLoader { return noDocumentLoader{} }

type noDocumentLoader struct{}

func (noDocumentLoader) LoadDocument(u string) (*RemoteDocument, error) {
	return nil, NewJsonLdError(LoadingDocumentFailed,
		errors.New("no document loader in a js/wasm build: set JsonLdOptions.DocumentLoader"))
}

// Package did resolves Decentralized Identifiers (DID Core 1.0) to the
// verification methods their documents publish, for the three methods Open
// Badges issuers use (OB 3.0 Implementation Guide, "Selecting DID methods"):
//
//   - did:key and did:jwk carry the key in the identifier itself and are
//     expanded locally, offline;
//   - did:web names an HTTPS URL whose document is fetched through the
//     caller's Fetcher, so offline it fails with an error that matches
//     fetch.ErrOffline.
//
// Any other method is an *UnsupportedMethodError naming it. The same
// document reader serves controller documents that are not DID documents
// (an https issuer profile listing its keys), see ParseDocument.
package did

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
)

// maxDIDLength caps an identifier before any decoding. did:jwk of an
// RSA-4096 key is under 1 KiB.
const maxDIDLength = 4096

// Resolver resolves DIDs. Fetcher is used only for did:web; nil means
// offline.
type Resolver struct {
	Fetcher fetch.Fetcher
}

// InvalidDIDError means the string is not a syntactically valid DID of its
// method.
type InvalidDIDError struct{ DID, Reason string }

func (e *InvalidDIDError) Error() string {
	return fmt.Sprintf("invalid DID %q: %s", truncate(e.DID), e.Reason)
}

// UnsupportedMethodError names a DID method this resolver does not know.
type UnsupportedMethodError struct{ Method string }

func (e *UnsupportedMethodError) Error() string {
	return "unsupported DID method did:" + e.Method + " (supported: did:key, did:jwk, did:web)"
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// Resolve returns the document of a DID (without path, query or fragment).
func (r *Resolver) Resolve(ctx context.Context, id string) (*Document, error) {
	method, msid, err := Parse(id)
	if err != nil {
		return nil, err
	}
	switch method {
	case "key":
		return resolveKey(id, msid)
	case "jwk":
		return resolveJWK(id, msid)
	case "web":
		return r.resolveWeb(ctx, id)
	}
	return nil, &UnsupportedMethodError{Method: method}
}

// Parse checks DID syntax (DID Core §3.1: "did:" method-name ":"
// method-specific-id) and returns the method name and method-specific id.
func Parse(id string) (method, msid string, err error) {
	if len(id) > maxDIDLength {
		return "", "", &InvalidDIDError{DID: id, Reason: fmt.Sprintf("longer than %d characters", maxDIDLength)}
	}
	rest, ok := strings.CutPrefix(id, "did:")
	if !ok {
		return "", "", &InvalidDIDError{DID: id, Reason: `it does not start with "did:"`}
	}
	method, msid, ok = strings.Cut(rest, ":")
	if !ok || method == "" {
		return "", "", &InvalidDIDError{DID: id, Reason: "no method name"}
	}
	for _, c := range method {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "", "", &InvalidDIDError{DID: id, Reason: "the method name has characters other than a-z and 0-9"}
		}
	}
	// method-specific-id = *( *idchar ":" ) 1*idchar, idchar = ALPHA / DIGIT
	// / "." / "-" / "_" / pct-encoded.
	if msid == "" || strings.HasSuffix(msid, ":") {
		return "", "", &InvalidDIDError{DID: id, Reason: "empty method-specific identifier"}
	}
	for i := 0; i < len(msid); i++ {
		c := msid[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-', c == '_', c == ':':
		case c == '%' && i+2 < len(msid) && isHex(msid[i+1]) && isHex(msid[i+2]):
			i += 2
		default:
			return "", "", &InvalidDIDError{DID: id, Reason: fmt.Sprintf("character %q is not allowed in a DID (a DID URL's path, query or fragment must be removed first)", c)}
		}
	}
	return method, msid, nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// resolveKey expands a did:key (did:key Method §3.1.2 "Document Creation
// Algorithm", Multikey representation): one verification method,
// did#<multibase>, listed under every signing relationship.
func resolveKey(id, msid string) (*Document, error) {
	key, err := multikey.Decode(msid)
	if err != nil {
		return nil, &InvalidDIDError{DID: id, Reason: err.Error()}
	}
	vmID := id + "#" + msid
	return &Document{
		ID:                  id,
		VerificationMethods: []VerificationMethod{{ID: vmID, Type: "Multikey", Controller: id, PublicKey: key}},
		AssertionMethod:     []string{vmID},
		Authentication:      []string{vmID},
	}, nil
}

// resolveJWK expands a did:jwk (did:jwk Method §2.3 "Read"): the
// identifier is the base64url of a public JWK; one verification method,
// did#0. A key marked "use": "enc" is only for key agreement, so it is not
// listed under assertionMethod or authentication.
func resolveJWK(id, msid string) (*Document, error) {
	b, err := base64.RawURLEncoding.Strict().DecodeString(msid)
	if err != nil {
		return nil, &InvalidDIDError{DID: id, Reason: "the identifier is not base64url"}
	}
	k, err := jose.ParseJWK(b)
	if err != nil {
		return nil, &InvalidDIDError{DID: id, Reason: err.Error()}
	}
	var use struct {
		Use string `json:"use"`
	}
	_ = json.Unmarshal(b, &use)
	vmID := id + "#0"
	d := &Document{
		ID:                  id,
		VerificationMethods: []VerificationMethod{{ID: vmID, Type: "JsonWebKey2020", Controller: id, PublicKey: k.Key}},
	}
	if use.Use != "enc" {
		d.AssertionMethod = []string{vmID}
		d.Authentication = []string{vmID}
	}
	return d, nil
}

// WebURL returns the HTTPS URL of a did:web document (did:web Method
// Specification §3.2 "Read (Resolve)"): colons become slashes, a
// percent-encoded port colon is decoded, and /.well-known/did.json or, with
// a path, /did.json is appended.
func WebURL(id string) (string, error) {
	method, msid, err := Parse(id)
	if err != nil {
		return "", err
	}
	if method != "web" {
		return "", &InvalidDIDError{DID: id, Reason: "not a did:web"}
	}
	segs := strings.Split(msid, ":")
	host, err := url.PathUnescape(segs[0])
	if err != nil {
		return "", &InvalidDIDError{DID: id, Reason: "bad percent-encoding in the host"}
	}
	name, port, hasPort := strings.Cut(host, ":")
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") != "" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-") || strings.Contains(name, "..") {
		return "", &InvalidDIDError{DID: id, Reason: fmt.Sprintf("the host %q is not a domain name", name)}
	}
	if hasPort && (port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "") {
		return "", &InvalidDIDError{DID: id, Reason: fmt.Sprintf("the port %q is not a number", port)}
	}
	u := &url.URL{Scheme: "https", Host: host}
	path := segs[1:]
	for _, s := range path {
		p, err := url.PathUnescape(s)
		if err != nil || p == "" || p == "." || p == ".." || strings.ContainsAny(p, "/?#") {
			return "", &InvalidDIDError{DID: id, Reason: fmt.Sprintf("path segment %q is not allowed", s)}
		}
	}
	if len(path) == 0 {
		return u.String() + "/.well-known/did.json", nil
	}
	return u.String() + "/" + strings.Join(path, "/") + "/did.json", nil
}

// resolveWeb fetches a did:web document. Its id must be the DID (did:web
// §3.2: the resolved document's id must match the DID being resolved);
// otherwise any site could answer for another identifier.
func (r *Resolver) resolveWeb(ctx context.Context, id string) (*Document, error) {
	u, err := WebURL(id)
	if err != nil {
		return nil, err
	}
	f := r.Fetcher
	if f == nil {
		f = fetch.Offline
	}
	body, err := f.Fetch(ctx, u, "application/did+json", "application/json", "application/did+ld+json", "application/ld+json")
	if err != nil {
		return nil, fmt.Errorf("%s: fetching %s: %w", id, u, err)
	}
	d, err := ParseDocument(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	if d.ID != id {
		return nil, &DocumentError{ID: id, Reason: fmt.Sprintf("the document at %s is for %q, not for this DID", u, truncate(d.ID))}
	}
	return d, nil
}

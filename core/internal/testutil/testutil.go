// Package testutil holds what tests across packages need to make their own
// credentials (a fresh did:key issuer, its JWK, a Data Integrity signature)
// and to read them (a file, a credential's JSON). Packages that proof itself
// imports (jsonld, multikey) cannot use it.
package testutil

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
)

// DIDKey is a fresh Ed25519 did:key.
type DIDKey struct {
	DID       string
	Multikey  string
	Public    ed25519.PublicKey
	Private   ed25519.PrivateKey
	Reference string // the DID URL of its one verification method
}

// NewDIDKey makes a fresh Ed25519 did:key.
func NewDIDKey(t testing.TB) *DIDKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	mk, err := multikey.Encode(pub)
	if err != nil {
		t.Fatal(err)
	}
	did := "did:key:" + mk
	return &DIDKey{DID: did, Multikey: mk, Public: pub, Private: priv, Reference: did + "#" + mk}
}

// Sign adds an eddsa-rdfc-2022 assertion proof made with key under the
// verification method vm, dated 2024-01-01, and returns the JSON.
func Sign(t testing.TB, doc map[string]any, key ed25519.PrivateKey, vm string) []byte {
	t.Helper()
	signed, err := proof.Sign(doc, proof.Options{Cryptosuite: "eddsa-rdfc-2022", VerificationMethod: vm,
		ProofPurpose: "assertionMethod", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, key)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// JWK is the public JWK of an Ed25519 key (RFC 8037 §2).
func JWK(pub ed25519.PublicKey) map[string]any {
	return map[string]any{"kty": "OKP", "crv": "Ed25519", "x": base64.RawURLEncoding.EncodeToString(pub)}
}

// ReadFile reads a test file, failing the test when it cannot.
func ReadFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Decode decodes a credential's JSON as the verifier does (credential.Decode).
func Decode(t testing.TB, b []byte) map[string]any {
	t.Helper()
	m, err := credential.Decode(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return m
}

// JSON encodes v, failing the test when it cannot.
func JSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Package testutil holds what tests across packages need to make their own
// credentials: a fresh did:key issuer and a Data Integrity signature.
package testutil

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"testing"
	"time"

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

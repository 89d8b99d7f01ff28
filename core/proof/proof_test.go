package proof_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/proof"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// The OB 3.0 and CLR 2.0 specification test vectors publish their key: the
// proof verifies with it, and any change to the document breaks it.
func TestSpecVector(t *testing.T) {
	for _, dir := range []string{"obv3p0", "clrv2p0"} {
		t.Run(dir, func(t *testing.T) {
			var doc map[string]any
			if err := json.Unmarshal(vectors.Read(t, "1edtech", "spec-test-vectors", dir, "credential-signed.json"), &doc); err != nil {
				t.Fatal(err)
			}
			var keys struct{ PublicKeyHex string }
			if err := json.Unmarshal(vectors.Read(t, "1edtech", "spec-test-vectors", dir, "key-and-intermediates.json"), &keys); err != nil {
				t.Fatal(err)
			}
			pub, _ := hex.DecodeString(keys.PublicKeyHex)
			ps, err := proof.Parse(doc)
			if err != nil {
				t.Fatal(err)
			}
			if err := proof.Verify(doc, &ps[0], ed25519.PublicKey(pub)); err != nil {
				t.Fatalf("spec vector does not verify: %v", err)
			}
			doc["name"] = "Changed"
			var sig *proof.SignatureError
			if err := proof.Verify(doc, &ps[0], ed25519.PublicKey(pub)); !errors.As(err, &sig) {
				t.Fatalf("tampered vector: err = %v, want SignatureError", err)
			}
		})
	}
}

func credential() map[string]any {
	return map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:1",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"issuer":    map[string]any{"id": "did:example:issuer", "type": []any{"Profile"}, "name": "Issuer"},
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"type":        []any{"AchievementSubject"},
			"id":          "did:example:learner",
			"achievement": map[string]any{"id": "urn:uuid:a", "type": []any{"Achievement"}, "name": "Go", "description": "d", "criteria": map[string]any{"narrative": "n"}},
		},
	}
}

// Sign then Verify round-trips for every suite and key, and a key of the
// wrong kind is refused rather than tried (algorithm confusion).
func TestSignVerify(t *testing.T) {
	_, edKey, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	for _, c := range []struct {
		name, suite string
		signer      crypto.Signer
	}{
		{"ed25519", "eddsa-rdfc-2022", edKey},
		{"p256", "ecdsa-rdfc-2019", p256},
		{"p384", "ecdsa-rdfc-2019", p384},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := proof.Options{Cryptosuite: c.suite, VerificationMethod: "did:example:issuer#key", ProofPurpose: "assertionMethod", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
			signed, err := proof.Sign(credential(), opts, c.signer)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := proof.Parse(signed)
			if err != nil {
				t.Fatal(err)
			}
			if err := proof.Verify(signed, &ps[0], c.signer.Public()); err != nil {
				t.Fatalf("verify: %v", err)
			}
			signed["validFrom"] = "2024-01-02T00:00:00Z"
			var sig *proof.SignatureError
			if err := proof.Verify(signed, &ps[0], c.signer.Public()); !errors.As(err, &sig) {
				t.Fatalf("tampered: %v", err)
			}
			var kt *proof.KeyTypeError
			other := any(edKey.Public())
			if c.name == "ed25519" {
				other = &p256.PublicKey
			}
			if err := proof.Verify(signed, &ps[0], other); !errors.As(err, &kt) {
				t.Fatalf("wrong key type: %v", err)
			}
		})
	}
}

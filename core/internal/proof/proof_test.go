package proof_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/jsonld"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/internal/vectors"
	"github.com/mr-tron/base58"
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
		{"ed25519-jcs", "eddsa-jcs-2022", edKey},
		{"p256-jcs", "ecdsa-jcs-2019", p256},
		{"p384-jcs", "ecdsa-jcs-2019", p384},
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
			if strings.HasPrefix(c.name, "ed25519") {
				other = &p256.PublicKey
			}
			if err := proof.Verify(signed, &ps[0], other); !errors.As(err, &kt) {
				t.Fatalf("wrong key type: %v", err)
			}
		})
	}
}

// A host Ed25519 (UseHostEd25519: WebCrypto in the wasm) may only speed up
// a "yes": whatever the host answers, a tampered document fails, a signature
// whose S is not below the group order fails (RFC 8032 §5.1.7; its S+ℓ twin
// is the classic malleability case), and a good one verifies.
func TestHostEd25519DecidesNoVerdict(t *testing.T) {
	defer proof.UseHostEd25519(nil)
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	opts := proof.Options{Cryptosuite: "eddsa-rdfc-2022", VerificationMethod: "did:example:issuer#key", ProofPurpose: "assertionMethod", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	signed, err := proof.Sign(credential(), opts, key)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := proof.Parse(signed)
	if err != nil {
		t.Fatal(err)
	}
	good := ps[0]
	sig, err := base58.Decode(good.ProofValue[1:])
	if err != nil {
		t.Fatal(err)
	}
	// S+ℓ: the same signature with a non-canonical S, which crypto/ed25519
	// refuses; a host that accepted it must not be believed.
	ell, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
	s := new(big.Int).SetBytes(reverse(sig[32:]))
	malleable := append(sig[:32:32], reverse(new(big.Int).Add(s, ell).FillBytes(make([]byte, 32)))...)
	twin := good
	twin.ProofValue = "z" + base58.Encode(malleable)
	tampered := map[string]any{}
	for k, v := range signed {
		tampered[k] = v
	}
	tampered["validFrom"] = "2024-01-02T00:00:00Z"

	hosts := map[string]func(pub, msg, sig []byte) (bool, error){
		"none":        nil,
		"agrees":      func(pub, msg, sig []byte) (bool, error) { return ed25519.Verify(pub, msg, sig), nil },
		"always yes":  func(pub, msg, sig []byte) (bool, error) { return true, nil },
		"always no":   func(pub, msg, sig []byte) (bool, error) { return false, nil },
		"always errs": func(pub, msg, sig []byte) (bool, error) { return true, errors.New("no Ed25519 here") },
	}
	for name, h := range hosts {
		t.Run(name, func(t *testing.T) {
			proof.UseHostEd25519(h)
			if err := proof.Verify(signed, &good, key.Public()); err != nil {
				t.Errorf("good signature: %v", err)
			}
			var se *proof.SignatureError
			if err := proof.Verify(signed, &twin, key.Public()); !errors.As(err, &se) {
				t.Errorf("S+ℓ signature: %v, want a SignatureError", err)
			}
			if name == "always yes" {
				return // a host that lies about the mathematics is believed on that; nothing else is
			}
			if err := proof.Verify(tampered, &good, key.Public()); !errors.As(err, &se) {
				t.Errorf("tampered document: %v, want a SignatureError", err)
			}
		})
	}
}

// A host SHA-256 that agrees changes nothing; one that fails is not used;
// one that answers with the wrong length is not believed.
func TestHostSHA256(t *testing.T) {
	defer proof.UseHostSHA256(nil)
	_, key, _ := ed25519.GenerateKey(rand.Reader)
	opts := proof.Options{Cryptosuite: "eddsa-rdfc-2022", VerificationMethod: "did:example:issuer#key", ProofPurpose: "assertionMethod", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	signed, err := proof.Sign(credential(), opts, key)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := proof.Parse(signed)
	if err != nil {
		t.Fatal(err)
	}
	tampered := map[string]any{}
	for k, v := range signed {
		tampered[k] = v
	}
	tampered["validFrom"] = "2024-01-02T00:00:00Z"
	asked := 0
	hosts := map[string]func(b []byte) ([]byte, error){
		"agrees": func(b []byte) ([]byte, error) { asked++; d := sha256.Sum256(b); return d[:], nil },
		"errs":   func(b []byte) ([]byte, error) { asked++; return nil, errors.New("no SHA-256 here") },
		"short":  func(b []byte) ([]byte, error) { asked++; return make([]byte, 31), nil },
	}
	for name, h := range hosts {
		t.Run(name, func(t *testing.T) {
			asked = 0
			proof.UseHostSHA256(h)
			if err := proof.Verify(signed, &ps[0], key.Public()); err != nil {
				t.Errorf("good signature: %v", err)
			}
			var se *proof.SignatureError
			if err := proof.Verify(tampered, &ps[0], key.Public()); !errors.As(err, &se) {
				t.Errorf("tampered document: %v, want a SignatureError", err)
			}
			if asked == 0 {
				t.Error("the host's SHA-256 was never asked")
			}
		})
	}
}

// reverse returns b's bytes in the opposite order (Ed25519 scalars are little
// endian, big.Int big endian).
func reverse(b []byte) []byte {
	r := make([]byte, len(b))
	for i := range b {
		r[len(b)-1-i] = b[i]
	}
	return r
}

// peerFixture reads a credential made by Digital Bazaar's suites
// (testdata/peer, scripts/peer/make-fixtures.mjs) and its first proof and
// issuer key (a did:key).
func peerFixture(t *testing.T, name string) (map[string]any, *proof.Proof, crypto.PublicKey) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "peer", name))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	ps, err := proof.Parse(doc)
	if err != nil {
		t.Fatal(err)
	}
	_, frag, _ := strings.Cut(ps[0].VerificationMethod, "#")
	pub, err := multikey.Decode(frag)
	if err != nil {
		t.Fatal(err)
	}
	return doc, &ps[0], pub
}

// VC-DI-ECDSA §3.2: with a P-384 key, RDFC-1.0 runs with SHA-384. The
// fixture's look-alike blank nodes are ordered differently by the two
// hashes, so only the SHA-384 form verifies what Digital Bazaar signed.
func TestP384CanonicalizesWithSHA384(t *testing.T) {
	doc, p, pub := peerFixture(t, "ob-ecdsa-rdfc-2019-p384-blank-nodes.json")
	if err := proof.Verify(doc, p, pub); err != nil {
		t.Fatal(err)
	}
	delete(doc, "proof")
	c256, err := jsonld.CanonicalizeHash(doc, crypto.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	c384, err := jsonld.CanonicalizeHash(doc, crypto.SHA384)
	if err != nil {
		t.Fatal(err)
	}
	if string(c256) == string(c384) {
		t.Fatal("the fixture canonicalizes the same with SHA-256 and SHA-384: it does not test the hash choice")
	}
	if n := strings.Count(string(c384), "_:c14n"); n < 10 {
		t.Fatalf("only %d blank node mentions", n)
	}
}

// A base ecdsa-sd-2023 proof is refused as the holder's, not as broken.
func TestSDBaseProofRefused(t *testing.T) {
	doc, p, pub := peerFixture(t, "di-ecdsa-sd-2023-base.json")
	var base *proof.BaseProofError
	if err := proof.Verify(doc, p, pub); !errors.As(err, &base) || !strings.Contains(err.Error(), "meant for the holder") {
		t.Fatalf("err = %v, want a BaseProofError", err)
	}
}

// Hostile derived proofs: each is refused with an error, never a panic.
func TestSDHostileProofValues(t *testing.T) {
	doc, p, pub := peerFixture(t, "ob-ecdsa-sd-2023-some.json")
	if err := proof.Verify(doc, p, pub); err != nil {
		t.Fatal(err)
	}
	// The suite is P-256 only: another key is refused, not tried.
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	var kt *proof.KeyTypeError
	if err := proof.Verify(doc, p, &p384.PublicKey); !errors.As(err, &kt) {
		t.Fatalf("P-384 key: %v", err)
	}
	for name, pv := range map[string]string{
		"empty":          "",
		"not base64url":  "u!!!",
		"base58 prefix":  "z" + p.ProofValue[1:],
		"header only":    "u2V0B",
		"truncated":      p.ProofValue[:len(p.ProofValue)/2],
		"huge array":     "u2V0BmwAAAAAAAAAA", // 0x9b: an array of 2^64-ish items
		"indefinite":     "u2V0Bnw",           // 0x9f: indefinite-length array
		"wrong item":     "u2V0BhQEBAQEB",     // [1,1,1,1,1]
		"trailing bytes": p.ProofValue + "AA",
	} {
		t.Run(name, func(t *testing.T) {
			q := *p
			q.ProofValue = pv
			err := proof.Verify(doc, &q, pub)
			var m *proof.MalformedError
			var sig *proof.SignatureError
			if !errors.As(err, &m) && !errors.As(err, &sig) {
				t.Fatalf("err = %v (%T), want malformed or signature", err, err)
			}
		})
	}
}

// The Ed25519Signature2018 JWS header must be the detached, unencoded form.
func TestEd2018Header(t *testing.T) {
	doc, p, pub := peerFixture(t, "ob-v1-ed25519signature2018.json")
	if err := proof.Verify(doc, p, pub); err != nil {
		t.Fatal(err)
	}
	jws := p.Raw["jws"].(string)
	_, sig, _ := strings.Cut(jws, "..")
	for name, j := range map[string]string{
		"b64 true":    "eyJhbGciOiJFZERTQSJ9.." + sig, // {"alg":"EdDSA"}
		"attached":    strings.Replace(jws, "..", ".e30.", 1),
		"HS256":       "eyJhbGciOiJIUzI1NiIsImI2NCI6ZmFsc2UsImNyaXQiOlsiYjY0Il19.." + sig,
		"no jws":      "",
		"garbage sig": strings.SplitN(jws, "..", 2)[0] + "..!!",
	} {
		t.Run(name, func(t *testing.T) {
			raw := map[string]any{}
			for k, v := range p.Raw {
				raw[k] = v
			}
			raw["jws"] = j
			q := *p
			q.Raw = raw
			var m *proof.MalformedError
			if err := proof.Verify(doc, &q, pub); !errors.As(err, &m) {
				t.Fatalf("err = %v, want MalformedError", err)
			}
		})
	}
}

// 1EdTech's validator's derived ecdsa-sd-2023 OpenBadgeCredential verifies
// with the key in its verificationMethod fragment; a changed disclosed value
// or a removed disclosed statement does not.
func TestValidatorSDVector(t *testing.T) {
	raw := vectors.Read(t, "1edtech", "validator", "ob30", "sd", "derivedcredential.json")
	read := func() (map[string]any, *proof.Proof, crypto.PublicKey) {
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		ps, err := proof.Parse(doc)
		if err != nil {
			t.Fatal(err)
		}
		_, frag, _ := strings.Cut(ps[0].VerificationMethod, "#")
		pub, err := multikey.Decode(frag)
		if err != nil {
			t.Fatal(err)
		}
		return doc, &ps[0], pub
	}
	doc, p, pub := read()
	if err := proof.Verify(doc, p, pub); err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(map[string]any){
		"changed": func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["name"] = "Leadership"
		},
		"removed": func(d map[string]any) { delete(d["issuer"].(map[string]any), "url") },
		"added":   func(d map[string]any) { d["issuer"].(map[string]any)["email"] = "a@example.org" },
	} {
		t.Run(name, func(t *testing.T) {
			doc, p, pub := read()
			change(doc)
			var sig *proof.SignatureError
			if err := proof.Verify(doc, p, pub); !errors.As(err, &sig) {
				t.Fatalf("err = %v, want a SignatureError", err)
			}
		})
	}
}

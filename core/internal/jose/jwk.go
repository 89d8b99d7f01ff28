package jose

import (
	"crypto"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"

	"github.com/lestrrat-go/jwx/v2/jwk"
)

// JWK is a public JSON Web Key.
type JWK struct {
	Kid string
	// Iss is the non-standard `iss` member the OB 3.0 Implementation Guide
	// ("Key provenance", external proofs) lets an issuer put in a JWK to say
	// whose key it is; "" when absent.
	Iss string
	Key crypto.PublicKey
}

const (
	maxJWKBytes    = 16 << 10
	maxJWKMembers  = 32
	maxJWKSetBytes = 256 << 10
	maxJWKSetKeys  = 64
)

// privateMembers are the JWK members that hold private or secret key
// material: "d" (EC, OKP, RSA), the RSA CRT members and "k" (symmetric).
var privateMembers = []string{"d", "p", "q", "dp", "dq", "qi", "oth", "k"}

// ParseJWK reads a public JWK of type RSA, EC (P-256, P-384, P-521) or OKP
// (Ed25519). A JWK with private members is refused with ErrPrivateJWK.
func ParseJWK(b []byte) (*JWK, error) {
	if len(b) > maxJWKBytes {
		return nil, &MalformedError{Reason: fmt.Sprintf("the JWK is larger than %d bytes", maxJWKBytes)}
	}
	m, err := members(b, maxJWKMembers)
	if err != nil {
		return nil, &MalformedError{Reason: "JWK: " + err.Error()}
	}
	for _, p := range privateMembers {
		if _, ok := m[p]; ok {
			return nil, ErrPrivateJWK
		}
	}
	var kty, crv string
	_ = json.Unmarshal(m["kty"], &kty)
	_ = json.Unmarshal(m["crv"], &crv)
	switch kty {
	case "RSA", "EC":
	case "OKP":
		if crv != "Ed25519" {
			return nil, &KeyError{Reason: "OKP key on curve " + crv + " cannot verify signatures (only Ed25519)"}
		}
	case "":
		return nil, &MalformedError{Reason: "the JWK has no kty"}
	default:
		return nil, &KeyError{Reason: "JWK key type " + kty + " is not supported (RSA, EC, OKP)"}
	}
	k, err := jwk.ParseKey(b)
	if err != nil {
		return nil, &MalformedError{Reason: "JWK: " + err.Error()}
	}
	var raw any
	if err := k.Raw(&raw); err != nil {
		return nil, &MalformedError{Reason: "JWK: " + err.Error()}
	}
	pub, err := normalize(raw)
	if err != nil {
		return nil, err
	}
	out := &JWK{Kid: k.KeyID(), Key: pub}
	if v, ok := m["iss"]; ok {
		if err := json.Unmarshal(v, &out.Iss); err != nil {
			return nil, &MalformedError{Reason: "JWK iss is not a string"}
		}
	}
	return out, nil
}

// normalize checks the key and, for EC keys, rebuilds it from its encoding
// so that later code never depends on how jwx filled the coordinates.
func normalize(raw any) (crypto.PublicKey, error) {
	if err := usable(raw); err != nil {
		return nil, err
	}
	if k, ok := raw.(*ecdsa.PublicKey); ok {
		b, _ := k.Bytes() // usable has checked it encodes
		p, err := ecdsa.ParseUncompressedPublicKey(k.Curve, b)
		if err != nil {
			return nil, &KeyError{Reason: err.Error()}
		}
		return p, nil
	}
	return raw, nil
}

// ParseJWKSet reads a JWK Set (RFC 7517 §5). Keys marked for encryption
// ("use": "enc") and keys of types or sizes this package does not use
// (*KeyError) are left out, as RFC 7517 §5 asks of keys a reader does not
// understand; a malformed key, or a private key, anywhere in the set makes
// the whole set an error.
func ParseJWKSet(b []byte) ([]JWK, error) {
	if len(b) > maxJWKSetBytes {
		return nil, &MalformedError{Reason: fmt.Sprintf("the JWK Set is larger than %d bytes", maxJWKSetBytes)}
	}
	var set struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(b, &set); err != nil || set.Keys == nil {
		return nil, &MalformedError{Reason: "not a JWK Set (an object with a keys array)"}
	}
	if len(set.Keys) > maxJWKSetKeys {
		return nil, &MalformedError{Reason: fmt.Sprintf("the JWK Set has more than %d keys", maxJWKSetKeys)}
	}
	var out []JWK
	for i, raw := range set.Keys {
		var use struct {
			Use string `json:"use"`
		}
		_ = json.Unmarshal(raw, &use)
		k, err := ParseJWK(raw)
		switch err.(type) {
		case nil:
			if use.Use != "enc" {
				out = append(out, *k)
			}
		case *KeyError:
			// A key type this verifier cannot use: skip it.
		default:
			return nil, fmt.Errorf("key %d: %w", i+1, err)
		}
	}
	return out, nil
}

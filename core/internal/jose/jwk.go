package jose

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
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
	pub, kid, err := decodeJWK(kty, crv, m)
	if errors.Is(err, errOffCurve) {
		return nil, &MalformedError{Reason: "the EC key is not a point on " + crv}
	}
	if err != nil {
		return nil, &MalformedError{Reason: "JWK: " + err.Error()}
	}
	if err := usable(pub); err != nil {
		return nil, err
	}
	out := &JWK{Kid: kid, Key: pub}
	if v, ok := m["iss"]; ok {
		if err := json.Unmarshal(v, &out.Iss); err != nil {
			return nil, &MalformedError{Reason: "JWK iss is not a string"}
		}
	}
	return out, nil
}

// errOffCurve: an EC key's coordinates are not a point of its curve.
var errOffCurve = errors.New("not a point on the curve")

// jwkStrings are the members RFC 7517 §4 defines as strings for every key
// type (RFC 7518 §6 adds crv for EC and OKP); one of another JSON type makes
// the key malformed (null reads as "").
var jwkStrings = []string{"alg", "kid", "use", "x5u", "x5t", "x5t#S256"}

// jwkCurves are the curves of the "EC" keys this package uses.
var jwkCurves = map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}

// decodeJWK builds the public key of a JWK of type kty ("RSA", "EC", or
// "OKP" on curve Ed25519, which ParseJWK has checked) from its members m,
// and returns its kid. It accepts what github.com/lestrrat-go/jwx v2, which
// read keys here before, accepted, so that no verdict changes: the members
// above must be strings, key_ops and x5c arrays of strings, and the key's
// own members present strings of base64 (see b64Lenient).
func decodeJWK(kty, crv string, m map[string]json.RawMessage) (crypto.PublicKey, string, error) {
	str := map[string]string{}
	strs := jwkStrings
	if kty != "RSA" {
		strs = append(strs[:len(strs):len(strs)], "crv")
	}
	for _, name := range strs {
		if v, ok := m[name]; ok {
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return nil, "", fmt.Errorf("%s is not a string", name)
			}
			str[name] = s
		}
	}
	for _, name := range []string{"key_ops", "x5c"} {
		if v, ok := m[name]; ok {
			var l []string
			if err := json.Unmarshal(v, &l); err != nil {
				return nil, "", fmt.Errorf("%s is not a list of strings", name)
			}
		}
	}
	field := func(name string) ([]byte, error) {
		v, ok := m[name]
		if !ok {
			return nil, fmt.Errorf("the %s key has no %s", kty, name)
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("%s is not a string", name)
		}
		b, err := b64Lenient(s)
		if err != nil {
			return nil, fmt.Errorf("%s is not base64url", name)
		}
		return b, nil
	}
	var names []string
	switch kty {
	case "RSA":
		names = []string{"e", "n"}
	case "EC":
		names = []string{"crv", "x", "y"}
	default:
		names = []string{"crv", "x"}
	}
	vals := map[string][]byte{}
	for _, name := range names {
		if name == "crv" {
			if _, ok := m["crv"]; !ok {
				return nil, "", fmt.Errorf("the %s key has no crv", kty)
			}
			continue
		}
		b, err := field(name)
		if err != nil {
			return nil, "", err
		}
		vals[name] = b
	}
	kid := str["kid"]
	switch kty {
	case "RSA":
		// As jwx did: the exponent's low 64 bits; usable refuses an even one.
		e := new(big.Int).SetBytes(vals["e"])
		return &rsa.PublicKey{N: new(big.Int).SetBytes(vals["n"]), E: int(e.Int64())}, kid, nil
	case "EC":
		c, ok := jwkCurves[crv]
		if !ok {
			return nil, "", fmt.Errorf("EC curve %q is not supported (P-256, P-384, P-521)", crv)
		}
		// The coordinates as numbers (jwx read them so: leading zeros do
		// not count), encoded at the curve's size.
		n := (c.Params().BitSize + 7) / 8
		x, y := bytes.TrimLeft(vals["x"], "\x00"), bytes.TrimLeft(vals["y"], "\x00")
		if len(x) > n || len(y) > n {
			return nil, "", errOffCurve
		}
		b := make([]byte, 1+2*n)
		b[0] = 4
		copy(b[1+n-len(x):1+n], x)
		copy(b[1+2*n-len(y):], y)
		k, err := ecdsa.ParseUncompressedPublicKey(c, b)
		if err != nil {
			return nil, "", errOffCurve
		}
		return k, kid, nil
	}
	return ed25519.PublicKey(vals["x"]), kid, nil
}

// b64Lenient decodes base64url as RFC 7515 §2 defines it (no padding) and,
// as jwx did, the padded and standard alphabets that some publishers use,
// chosen by the text's own padding and characters.
func b64Lenient(s string) ([]byte, error) {
	padded := strings.HasSuffix(s, "=")
	url := !strings.ContainsAny(s, "+/")
	enc := base64.RawURLEncoding
	switch {
	case padded && url:
		enc = base64.URLEncoding
	case padded:
		enc = base64.StdEncoding
	case !url:
		enc = base64.RawStdEncoding
	}
	b, err := enc.DecodeString(s)
	if err != nil {
		return nil, errors.New("not base64")
	}
	return b, nil
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

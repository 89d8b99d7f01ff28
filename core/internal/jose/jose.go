// Package jose reads, checks and makes compact JSON Web Signatures (RFC 7515)
// and reads JSON Web Keys (RFC 7517): the VC-JWT and VC-JOSE proofs of Open
// Badges 3.0 "JSON Web Token Proof Format" (#jwt-proof) and VC-JOSE-COSE.
//
// The signature mathematics is the standard library's (crypto/rsa,
// crypto/ecdsa, crypto/ed25519); what this package decides is what is
// acceptable around it, because that is where JWT verifiers go wrong:
//
//   - the algorithm is taken from the protected header and then checked
//     against an allow-list and against the key's type and curve before the
//     signature is checked with that explicit algorithm and key. "none" and the HMAC
//     algorithms are refused outright (a verifier that holds only public keys
//     must never accept a MAC: the public key would be the MAC secret);
//   - a key of the wrong kind for the algorithm is refused (algorithm
//     confusion), as are RSA keys below 2048 bits (RFC 7518 §3.3);
//   - a `jwk` header that carries private key members is refused;
//   - `crit` is refused: no extension is understood (RFC 7515 §4.1.11), which
//     also rules out unencoded payloads (RFC 7797 "b64");
//   - sizes and member counts are capped before anything is decoded, and
//     duplicate header names are refused (RFC 7515 §4).
//
// Parse never verifies; Verify needs the key, which the caller finds (see
// core/internal/keys) and whose ownership the caller judges.
package jose

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"
)

// MaxTokenBytes caps a compact token. A signed CLR with its nested
// credentials is the largest expected; a few hundred KiB at most.
const MaxTokenBytes = 1 << 20

const (
	maxHeaderBytes   = 16 << 10 // an RSA-8192 jwk header is under 2 KiB
	maxHeaderMembers = 32
)

// Header is the protected header of a token.
type Header struct {
	Alg string
	Kid string
	Typ string
	Cty string
	// JWK is the public key in the `jwk` header parameter, or nil.
	JWK *JWK
	// Extra lists, sorted, the names of header parameters other than alg,
	// kid, typ, cty and jwk. OB 3.0 (#jwt-proof) says "additional JOSE headers are
	// NOT allowed"; what to make of them is the caller's decision.
	Extra []string
}

// Token is a parsed, unverified compact JWS.
type Token struct {
	Header  Header
	Payload []byte
	// SigningInput is ASCII(BASE64URL(header) || '.' || BASE64URL(payload)),
	// the bytes the signature covers (RFC 7515 §5.1 step 8).
	SigningInput []byte
	Signature    []byte
	raw          string
}

// ErrAlgNone is returned by Verify for an unsecured token ("alg": "none").
var ErrAlgNone = errors.New(`the token is not signed ("alg": "none")`)

// ErrHMAC is returned by Verify for HS256, HS384 and HS512: a shared-secret
// MAC can prove nothing to a verifier that holds public keys.
var ErrHMAC = errors.New("the token uses a shared-secret MAC (HS256/HS384/HS512), which cannot show who issued it")

// ErrPrivateJWK is returned when a JWK that should be public carries
// private key members (RFC 7518 §6.2.2, §6.3.2, RFC 8037 §2: "d" and friends).
var ErrPrivateJWK = errors.New("the JWK contains a private key, which must never be published")

// MalformedError means the token or key is not well-formed.
type MalformedError struct{ Reason string }

func (e *MalformedError) Error() string { return "malformed JOSE object: " + e.Reason }

// UnsupportedAlgError names an algorithm this package does not verify.
type UnsupportedAlgError struct{ Alg string }

func (e *UnsupportedAlgError) Error() string {
	return fmt.Sprintf("unsupported signature algorithm %q (supported: %s)", e.Alg, strings.Join(Algorithms(), ", "))
}

// AlgKeyMismatchError means the key cannot make signatures of the header's
// algorithm (an RSA key for ES256, a P-384 key for ES256, ...). Accepting it
// would let a token choose how its own signature is checked.
type AlgKeyMismatchError struct{ Alg, Key string }

func (e *AlgKeyMismatchError) Error() string {
	return fmt.Sprintf("a %s key cannot verify an %s signature", e.Key, e.Alg)
}

// KeyError means the key is of a type or size this package does not use
// (an X25519 or secp256k1 key, RSA below 2048 bits); a key whose own data is
// broken (a point off its curve) is a *MalformedError instead.
type KeyError struct{ Reason string }

func (e *KeyError) Error() string { return "unusable key: " + e.Reason }

// SignatureError means the signature does not match the token with that key.
type SignatureError struct{ Alg string }

func (e *SignatureError) Error() string {
	return e.Alg + ": the signature does not match the token (it was changed, or signed with another key)"
}

// algs maps each supported algorithm to how it is checked (RFC 7518 §3):
// the hash, and what the key must be.
var algs = map[string]struct {
	hash  crypto.Hash
	pss   bool           // RSASSA-PSS rather than PKCS #1 v1.5, for RSA
	curve elliptic.Curve // for ES*
	kind  string         // "RSA", "EC", "OKP"
}{
	"RS256": {crypto.SHA256, false, nil, "RSA"},
	"RS384": {crypto.SHA384, false, nil, "RSA"},
	"RS512": {crypto.SHA512, false, nil, "RSA"},
	"PS256": {crypto.SHA256, true, nil, "RSA"},
	"PS384": {crypto.SHA384, true, nil, "RSA"},
	"PS512": {crypto.SHA512, true, nil, "RSA"},
	"ES256": {crypto.SHA256, false, elliptic.P256(), "EC"},
	"ES384": {crypto.SHA384, false, elliptic.P384(), "EC"},
	"ES512": {crypto.SHA512, false, elliptic.P521(), "EC"},
	"EdDSA": {0, false, nil, "OKP"},
}

// Algorithms lists the signature algorithms Verify accepts, sorted.
func Algorithms() []string {
	out := make([]string, 0, len(algs))
	for a := range algs {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

var b64 = base64.RawURLEncoding.Strict()

// Parse splits and decodes a compact JWS without verifying it.
func Parse(token string) (*Token, error) {
	if len(token) > MaxTokenBytes {
		return nil, &MalformedError{Reason: fmt.Sprintf("the token is longer than %d bytes", MaxTokenBytes)}
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		if len(parts) == 5 {
			return nil, &MalformedError{Reason: "this is an encrypted token (JWE), not a signed one"}
		}
		return nil, &MalformedError{Reason: fmt.Sprintf("a compact JWS has 3 parts separated by dots, this has %d", len(parts))}
	}
	if len(parts[0]) > maxHeaderBytes*4/3+4 {
		return nil, &MalformedError{Reason: fmt.Sprintf("the header is larger than %d bytes", maxHeaderBytes)}
	}
	hb, err := b64.DecodeString(parts[0])
	if err != nil {
		return nil, &MalformedError{Reason: "the header is not base64url"}
	}
	payload, err := b64.DecodeString(parts[1])
	if err != nil {
		return nil, &MalformedError{Reason: "the payload is not base64url"}
	}
	if len(payload) == 0 {
		return nil, &MalformedError{Reason: "the payload is empty (detached payloads are not supported)"}
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return nil, &MalformedError{Reason: "the signature is not base64url"}
	}
	h, err := parseHeader(hb)
	if err != nil {
		return nil, err
	}
	return &Token{
		Header:       *h,
		Payload:      payload,
		SigningInput: []byte(token[:len(parts[0])+1+len(parts[1])]),
		Signature:    sig,
		raw:          token,
	}, nil
}

func parseHeader(b []byte) (*Header, error) {
	m, err := members(b, maxHeaderMembers)
	if err != nil {
		return nil, &MalformedError{Reason: "header: " + err.Error()}
	}
	h := &Header{}
	for name, v := range m {
		var dst *string
		switch name {
		case "alg":
			dst = &h.Alg
		case "kid":
			dst = &h.Kid
		case "typ":
			dst = &h.Typ
		case "cty":
			dst = &h.Cty
		case "jwk":
			k, err := ParseJWK(v)
			if err != nil {
				return nil, fmt.Errorf("header jwk: %w", err)
			}
			h.JWK = k
			continue
		case "crit":
			// RFC 7515 §4.1.11: a recipient that does not understand every
			// listed extension must reject the JWS. This package understands none.
			return nil, &MalformedError{Reason: "the header marks extensions as critical (crit: " + string(v) + "), which this verifier does not support"}
		default:
			// The other parameters RFC 7515 §4.1 registers have fixed types;
			// one of another type makes the header malformed (as it did
			// when jwx checked signatures here).
			var err error
			switch name {
			case "jku", "x5u", "x5t", "x5t#S256":
				var s string
				err = json.Unmarshal(v, &s)
			case "x5c":
				var l []string
				err = json.Unmarshal(v, &l)
			}
			if err != nil {
				return nil, &MalformedError{Reason: "header " + name + " is not of the type RFC 7515 §4.1 gives it"}
			}
			h.Extra = append(h.Extra, name)
			continue
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return nil, &MalformedError{Reason: "header " + name + " is not a string"}
		}
	}
	if h.Alg == "" {
		return nil, &MalformedError{Reason: "the header has no alg"}
	}
	sort.Strings(h.Extra)
	return h, nil
}

// members decodes a JSON object's top level, refusing duplicate names,
// more than max members and trailing data.
func members(b []byte, max int) (map[string]json.RawMessage, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	m := map[string]json.RawMessage{}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return nil, errors.New("not valid JSON")
		}
		name, _ := t.(string)
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("member %q appears twice", name)
		}
		if len(m) == max {
			return nil, fmt.Errorf("more than %d members", max)
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, errors.New("not valid JSON")
		}
		m[name] = v
	}
	if _, err := d.Token(); err != nil {
		return nil, errors.New("not valid JSON")
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON object")
	}
	return m, nil
}

// Verify checks the token's signature with key, using the header's
// algorithm only if it is supported and fits the key.
func (t *Token) Verify(key crypto.PublicKey) error {
	alg := t.Header.Alg
	a, ok := algs[alg]
	switch {
	case strings.EqualFold(alg, "none"):
		return ErrAlgNone
	case alg == "HS256" || alg == "HS384" || alg == "HS512":
		return ErrHMAC
	case !ok:
		return &UnsupportedAlgError{Alg: alg}
	}
	if err := usable(key); err != nil {
		return err
	}
	if kind, curve := keyKind(key); kind != a.kind || (a.curve != nil && curve != a.curve) {
		return &AlgKeyMismatchError{Alg: alg, Key: KeyName(key)}
	}
	if !checkSignature(t.SigningInput, t.Signature, key, a.hash, a.pss) {
		return &SignatureError{Alg: alg}
	}
	return nil
}

// checkSignature reports whether sig is a signature of input by key (whose
// kind Verify has matched to the algorithm): RFC 7518 §3.3 (RS*), §3.5
// (PS*, any salt length as jwx allowed, though §3.5 says the hash's), §3.4
// (ES*: R and S as two big-endian integers of the curve's size), RFC 8037 §3.1
// (EdDSA, the message itself).
func checkSignature(input, sig []byte, key crypto.PublicKey, hash crypto.Hash, pss bool) bool {
	var digest []byte
	if hash != 0 {
		h := hash.New()
		h.Write(input)
		digest = h.Sum(nil)
	}
	switch k := key.(type) {
	case *rsa.PublicKey:
		if pss {
			return rsa.VerifyPSS(k, hash, digest, sig, nil) == nil
		}
		return rsa.VerifyPKCS1v15(k, hash, digest, sig) == nil
	case *ecdsa.PublicKey:
		n := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*n {
			return false
		}
		r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
		return ecdsa.Verify(k, digest, r, s)
	case ed25519.PublicKey:
		return ed25519.Verify(k, input, sig)
	}
	return false
}

func keyKind(key crypto.PublicKey) (string, elliptic.Curve) {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return "RSA", nil
	case *ecdsa.PublicKey:
		return "EC", k.Curve
	case ed25519.PublicKey:
		return "OKP", nil
	}
	return "", nil
}

// KeyName is a short human name of a public key's type ("RSA-2048",
// "P-256", "Ed25519"), for messages.
func KeyName(key crypto.PublicKey) string {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA-%d", k.N.BitLen())
	case *ecdsa.PublicKey:
		return k.Curve.Params().Name
	case ed25519.PublicKey:
		return "Ed25519"
	}
	return fmt.Sprintf("%T", key)
}

// RSA keys shorter than 2048 bits are refused (RFC 7518 §3.3, §3.5); longer
// than 8192 bits only make verification slow enough to be an attack.
const (
	minRSABits = 2048
	maxRSABits = 8192
)

// usable reports whether key is a well-formed public key of a supported
// type: a *KeyError for a type or size not used here, a *MalformedError for
// a broken key.
func usable(key crypto.PublicKey) error {
	switch k := key.(type) {
	case *rsa.PublicKey:
		if k == nil || k.N == nil {
			return &KeyError{Reason: "empty RSA key"}
		}
		if n := k.N.BitLen(); n < minRSABits || n > maxRSABits {
			return &KeyError{Reason: fmt.Sprintf("an RSA key of %d bits; between %d and %d are accepted (RFC 7518 §3.3)", n, minRSABits, maxRSABits)}
		}
		if k.E < 3 || k.E%2 == 0 {
			return &MalformedError{Reason: "the RSA public exponent is not an odd number above 1"}
		}
	case *ecdsa.PublicKey:
		if k == nil || k.Curve == nil {
			return &KeyError{Reason: "empty EC key"}
		}
		switch k.Curve {
		case elliptic.P256(), elliptic.P384(), elliptic.P521():
		default:
			return &KeyError{Reason: "unsupported curve " + k.Curve.Params().Name}
		}
		if _, err := k.Bytes(); err != nil { // fails for a point not on the curve
			return &MalformedError{Reason: "the EC key is not a point on " + k.Curve.Params().Name}
		}
	case ed25519.PublicKey:
		if len(k) != ed25519.PublicKeySize {
			return &MalformedError{Reason: "an Ed25519 key must be 32 bytes"}
		}
	default:
		return &KeyError{Reason: fmt.Sprintf("%T is not a supported public key (RSA, P-256, P-384, P-521, Ed25519)", key)}
	}
	return nil
}

// SignOptions are the header parameters of a token to sign.
type SignOptions struct {
	Typ string // e.g. "JWT", "vc+jwt", "vp+jwt"; omitted when empty
	Kid string // omitted when empty
	// JWK puts the signer's public key in the header (RFC 7515 §4.1.3).
	JWK bool
}

// Sign makes a compact JWS of payload: EdDSA for an Ed25519 key, ES256 for
// a P-256 key, ES384 for a P-384 key. The header's members are written in
// sorted order.
func Sign(payload []byte, key crypto.Signer, o SignOptions) (string, error) {
	pub := key.Public()
	var alg string
	var hash crypto.Hash
	switch kind, curve := keyKind(pub); {
	case kind == "OKP":
		alg = "EdDSA"
	case kind == "EC" && curve == elliptic.P256():
		alg, hash = "ES256", crypto.SHA256
	case kind == "EC" && curve == elliptic.P384():
		alg, hash = "ES384", crypto.SHA384
	default:
		return "", &KeyError{Reason: "cannot sign with a " + KeyName(pub) + " key (Ed25519, P-256 and P-384 are supported)"}
	}
	h := map[string]any{"alg": alg}
	if o.Typ != "" {
		h["typ"] = o.Typ
	}
	if o.Kid != "" {
		h["kid"] = o.Kid
	}
	if o.JWK {
		k, err := publicJWK(pub)
		if err != nil {
			return "", err
		}
		h["jwk"] = k
	}
	hb, err := json.Marshal(h)
	if err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	input := b64.EncodeToString(hb) + "." + b64.EncodeToString(payload)
	var sig []byte
	if hash == 0 {
		sig, err = key.Sign(rand.Reader, []byte(input), crypto.Hash(0))
	} else {
		d := hash.New()
		d.Write([]byte(input))
		sig, err = key.Sign(rand.Reader, d.Sum(nil), hash)
		if err == nil {
			sig, err = fixedRS(sig, pub.(*ecdsa.PublicKey))
		}
	}
	if err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// fixedRS turns a crypto.Signer's ASN.1 ECDSA signature into JWS's R || S,
// each as long as the curve's size (RFC 7518 §3.4).
func fixedRS(der []byte, pub *ecdsa.PublicKey) ([]byte, error) {
	var rs struct{ R, S *big.Int }
	if rest, err := asn1.Unmarshal(der, &rs); err != nil || len(rest) > 0 || rs.R.Sign() <= 0 || rs.S.Sign() <= 0 {
		return nil, errors.New("the signer returned a malformed ECDSA signature")
	}
	n := (pub.Curve.Params().BitSize + 7) / 8
	if rs.R.BitLen() > 8*n || rs.S.BitLen() > 8*n {
		return nil, errors.New("the signer returned a malformed ECDSA signature")
	}
	out := make([]byte, 2*n)
	rs.R.FillBytes(out[:n])
	rs.S.FillBytes(out[n:])
	return out, nil
}

// publicJWK is the JWK of an Ed25519 or NIST-curve public key (RFC 8037
// §2, RFC 7518 §6.2.1: coordinates as long as the curve's size).
func publicJWK(pub crypto.PublicKey) (map[string]string, error) {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return map[string]string{"kty": "OKP", "crv": "Ed25519", "x": b64.EncodeToString(k)}, nil
	case *ecdsa.PublicKey:
		b, err := k.Bytes()
		if err != nil {
			return nil, &KeyError{Reason: err.Error()}
		}
		n := (len(b) - 1) / 2
		return map[string]string{"kty": "EC", "crv": k.Curve.Params().Name, "x": b64.EncodeToString(b[1 : 1+n]), "y": b64.EncodeToString(b[1+n:])}, nil
	}
	return nil, &KeyError{Reason: "no JWK for a " + KeyName(pub) + " key"}
}

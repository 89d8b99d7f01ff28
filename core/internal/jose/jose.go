// Package jose reads, checks and makes compact JSON Web Signatures (RFC 7515)
// and reads JSON Web Keys (RFC 7517): the VC-JWT and VC-JOSE proofs of Open
// Badges 3.0 "JSON Web Token Proof Format" (#jwt-proof) and VC-JOSE-COSE.
//
// It is the only package that imports github.com/lestrrat-go/jwx, so that a
// change of JOSE library touches one package. jwx does the signature
// mathematics; this package decides what is acceptable around it, because
// that is where JWT verifiers go wrong:
//
//   - the algorithm is taken from the protected header and then checked
//     against an allow-list and against the key's type and curve before jwx
//     is called with that explicit algorithm and key. "none" and the HMAC
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
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwk"
	"github.com/lestrrat-go/jwx/v2/jws"
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

// algs maps each supported algorithm to what its key must be.
var algs = map[string]struct {
	jwa   jwa.SignatureAlgorithm
	curve elliptic.Curve // for ES*
	kind  string         // "RSA", "EC", "OKP"
}{
	"RS256": {jwa.RS256, nil, "RSA"},
	"RS384": {jwa.RS384, nil, "RSA"},
	"RS512": {jwa.RS512, nil, "RSA"},
	"PS256": {jwa.PS256, nil, "RSA"},
	"PS384": {jwa.PS384, nil, "RSA"},
	"PS512": {jwa.PS512, nil, "RSA"},
	"ES256": {jwa.ES256, elliptic.P256(), "EC"},
	"ES384": {jwa.ES384, elliptic.P384(), "EC"},
	"ES512": {jwa.ES512, elliptic.P521(), "EC"},
	"EdDSA": {jwa.EdDSA, nil, "OKP"},
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
	if _, err := jws.Verify([]byte(t.raw), jws.WithKey(a.jwa, key)); err != nil {
		return &SignatureError{Alg: alg}
	}
	return nil
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
// a P-256 key, ES384 for a P-384 key.
func Sign(payload []byte, key crypto.Signer, o SignOptions) (string, error) {
	pub := key.Public()
	var alg jwa.SignatureAlgorithm
	switch kind, curve := keyKind(pub); {
	case kind == "OKP":
		alg = jwa.EdDSA
	case kind == "EC" && curve == elliptic.P256():
		alg = jwa.ES256
	case kind == "EC" && curve == elliptic.P384():
		alg = jwa.ES384
	default:
		return "", &KeyError{Reason: "cannot sign with a " + KeyName(pub) + " key (Ed25519, P-256 and P-384 are supported)"}
	}
	h := jws.NewHeaders()
	set := func(k string, v any) error {
		if err := h.Set(k, v); err != nil {
			return fmt.Errorf("header %s: %w", k, err)
		}
		return nil
	}
	if o.Typ != "" {
		if err := set(jws.TypeKey, o.Typ); err != nil {
			return "", err
		}
	}
	if o.Kid != "" {
		if err := set(jws.KeyIDKey, o.Kid); err != nil {
			return "", err
		}
	}
	if o.JWK {
		k, err := jwk.FromRaw(pub)
		if err != nil {
			return "", &KeyError{Reason: err.Error()}
		}
		if err := set(jws.JWKKey, k); err != nil {
			return "", err
		}
	}
	out, err := jws.Sign(payload, jws.WithKey(alg, key, jws.WithProtectedHeaders(h)))
	if err != nil {
		return "", fmt.Errorf("sign: %w", err)
	}
	return string(out), nil
}

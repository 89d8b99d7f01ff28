// Package holder keeps a learner's own signing key: the key that proves,
// when they present credentials, that they are the holder (VC 2.0 §4.13
// "Verifiable Presentations", holder).
//
// A Key is an Ed25519 or P-256 key pair named as a did:key (did:key Method
// §3.1.2, Multikey form): the DID is "did:key:" followed by the public
// multikey, and its one verification method is that DID with the multikey
// again as fragment. Verifiers resolve it offline, from the DID itself.
//
// The private half stays inside this package. A Key signs (Prove for a Data
// Integrity proof, SignJWT for a compact JWS) but never hands out its
// private key, and it prints as its DID (fmt's %v, %+v and %#v all stop at
// String and GoString); the one way out is the explicit MarshalPrivateJWK,
// for saving the key to a file the user controls. Keys are stored as JSON
// Web Keys: RFC 8037 §2 (OKP, Ed25519) and RFC 7518 §6.2 (EC, P-256).
package holder

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
)

// Type names a kind of holder key.
type Type string

// The supported key types: the ones the presentation cryptosuites
// eddsa-rdfc-2022 (VC-DI-EdDSA §3.2) and ecdsa-rdfc-2019 (VC-DI-ECDSA §3.2)
// and the JWS algorithms EdDSA and ES256 sign with.
const (
	Ed25519 Type = "ed25519"
	P256    Type = "p256"
)

// UnsupportedError names a key type or JWK this package does not handle.
type UnsupportedError struct{ What string }

func (e *UnsupportedError) Error() string {
	return "unsupported holder key: " + e.What + " (supported: Ed25519, P-256)"
}

// MalformedError means a JWK is not a well-formed private key.
type MalformedError struct{ Reason string }

func (e *MalformedError) Error() string { return "malformed holder key: " + e.Reason }

// ErrPublicOnly means a JWK carries no private key ("d"), so it cannot sign.
var ErrPublicOnly = errors.New("the JWK is a public key only (no \"d\" member): a holder key must be able to sign")

// Key is a holder's key pair. The zero value is not usable; make one with
// Generate or ParsePrivateJWK.
type Key struct {
	priv crypto.Signer // ed25519.PrivateKey or *ecdsa.PrivateKey (P-256)
	typ  Type
	did  string
	vm   string
}

// Generate makes a new key of type t from the operating system's secure
// random source.
func Generate(t Type) (*Key, error) {
	switch t {
	case Ed25519:
		_, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return nil, err
		}
		return newKey(priv, t)
	case P256:
		priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return nil, err
		}
		return newKey(priv, t)
	}
	return nil, &UnsupportedError{What: fmt.Sprintf("type %q", string(t))}
}

func newKey(priv crypto.Signer, t Type) (*Key, error) {
	mb, err := multikey.Encode(priv.Public())
	if err != nil {
		return nil, err
	}
	did := "did:key:" + mb
	return &Key{priv: priv, typ: t, did: did, vm: did + "#" + mb}, nil
}

// Type is the key's type.
func (k *Key) Type() Type { return k.typ }

// DID is the key's did:key DID, the holder of the presentations it signs.
func (k *Key) DID() string { return k.did }

// VerificationMethod is the DID URL of the key (did:key:z…#z…): a Data
// Integrity proof's verificationMethod and a JWS's kid.
func (k *Key) VerificationMethod() string { return k.vm }

// Public is the public key.
func (k *Key) Public() crypto.PublicKey { return k.priv.Public() }

// String names the key by its DID and never shows the private key. It and
// GoString have value receivers so that a copied Key prints safely too.
func (k Key) String() string { return "holder key " + k.did }

// GoString is String, so that %#v does not print the private key either.
func (k Key) GoString() string { return k.String() }

// Cryptosuite is the Data Integrity cryptosuite the key signs with.
func (k *Key) Cryptosuite() string {
	if k.typ == P256 {
		return "ecdsa-rdfc-2019"
	}
	return "eddsa-rdfc-2022"
}

// ProofOptions are the parts of a Data Integrity proof the caller chooses;
// the cryptosuite and the verification method follow from the key.
type ProofOptions struct {
	Purpose           string // "authentication" for a presentation
	Created           time.Time
	Challenge, Domain string
	// JCS signs over RFC 8785 JSON instead of RDFC-1.0: eddsa-jcs-2022 for
	// Ed25519, ecdsa-jcs-2019 for P-256 (VC-DI-EdDSA §3.3, VC-DI-ECDSA §3.3).
	JCS bool
}

// Prove returns a copy of doc with a DataIntegrityProof made with the key
// (eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256; with o.JCS,
// eddsa-jcs-2022 or ecdsa-jcs-2019).
func (k *Key) Prove(doc map[string]any, o ProofOptions) (map[string]any, error) {
	suite := k.Cryptosuite()
	if o.JCS {
		suite = map[string]string{"eddsa-rdfc-2022": "eddsa-jcs-2022", "ecdsa-rdfc-2019": "ecdsa-jcs-2019"}[suite]
	}
	return proof.Sign(doc, proof.Options{
		Cryptosuite:        suite,
		VerificationMethod: k.vm,
		ProofPurpose:       o.Purpose,
		Created:            o.Created,
		Challenge:          o.Challenge,
		Domain:             o.Domain,
	}, k.priv)
}

// SignJWT returns a compact JWS of payload (EdDSA for Ed25519, ES256 for
// P-256) whose kid is the key's verification method, so that a verifier can
// resolve it from the DID alone.
func (k *Key) SignJWT(payload []byte, typ string) (string, error) {
	return jose.Sign(payload, k.priv, jose.SignOptions{Typ: typ, Kid: k.vm})
}

// privateJWK is a private JWK of either supported type; member order is
// that of the RFC examples.
type privateJWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y,omitempty"`
	D   string `json:"d"`
}

var b64 = base64.RawURLEncoding.Strict()

// MarshalPrivateJWK exports the key pair, private key included, as a JWK.
// It is the only way the private key leaves a Key: write it only where the
// user asked for it (a file of mode 0600, say).
func (k *Key) MarshalPrivateJWK() ([]byte, error) {
	j, err := k.jwk()
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// MarshalPublicJWK exports the public key as a JWK, without "d".
func (k *Key) MarshalPublicJWK() ([]byte, error) {
	j, err := k.jwk()
	if err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Kty string `json:"kty"`
		Crv string `json:"crv"`
		X   string `json:"x"`
		Y   string `json:"y,omitempty"`
	}{j.Kty, j.Crv, j.X, j.Y})
}

func (k *Key) jwk() (*privateJWK, error) {
	switch p := k.priv.(type) {
	case ed25519.PrivateKey:
		// RFC 8037 §2: x is the public key, d the 32-byte seed.
		return &privateJWK{Kty: "OKP", Crv: "Ed25519", X: b64.EncodeToString(p.Public().(ed25519.PublicKey)), D: b64.EncodeToString(p.Seed())}, nil
	case *ecdsa.PrivateKey:
		d, err := p.Bytes()
		if err != nil {
			return nil, &MalformedError{Reason: err.Error()}
		}
		u, err := p.PublicKey.Bytes() // 0x04 || X || Y
		if err != nil {
			return nil, &MalformedError{Reason: err.Error()}
		}
		n := (len(u) - 1) / 2
		return &privateJWK{Kty: "EC", Crv: "P-256", X: b64.EncodeToString(u[1 : 1+n]), Y: b64.EncodeToString(u[1+n:]), D: b64.EncodeToString(d)}, nil
	}
	return nil, &UnsupportedError{What: fmt.Sprintf("%T", k.priv)}
}

// maxJWKBytes caps a key file before it is decoded; a P-256 private JWK is
// under 200 bytes.
const maxJWKBytes = 4 << 10

// ParsePrivateJWK reads a private JWK written by MarshalPrivateJWK or by
// another tool: OKP/Ed25519 (RFC 8037 §2) or EC/P-256 (RFC 7518 §6.2.2).
// The public members must be the public key of "d". Members other than
// kty, crv, x, y and d (kid, alg, use, ...) are ignored (RFC 7517 §4).
func ParsePrivateJWK(b []byte) (*Key, error) {
	if len(b) > maxJWKBytes {
		return nil, &MalformedError{Reason: fmt.Sprintf("larger than %d bytes", maxJWKBytes)}
	}
	var j struct {
		Kty, Crv, X, Y *string
		D              *string
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&j); err != nil {
		return nil, &MalformedError{Reason: "not a JSON object with string members kty, crv, x, y, d: " + err.Error()}
	}
	if dec.More() {
		return nil, &MalformedError{Reason: "data after the JSON object"}
	}
	if j.Kty == nil || j.Crv == nil {
		return nil, &MalformedError{Reason: "kty and crv are required"}
	}
	if j.D == nil {
		return nil, ErrPublicOnly
	}
	field := func(name string, v *string, size int) ([]byte, error) {
		if v == nil {
			return nil, &MalformedError{Reason: name + " is missing"}
		}
		raw, err := b64.DecodeString(*v)
		if err != nil {
			return nil, &MalformedError{Reason: name + " is not unpadded base64url"}
		}
		if len(raw) != size {
			return nil, &MalformedError{Reason: fmt.Sprintf("%s is %d bytes, not %d", name, len(raw), size)}
		}
		return raw, nil
	}
	switch kty, crv := *j.Kty, *j.Crv; {
	case kty == "OKP" && crv == "Ed25519":
		seed, err := field("d", j.D, ed25519.SeedSize)
		if err != nil {
			return nil, err
		}
		x, err := field("x", j.X, ed25519.PublicKeySize)
		if err != nil {
			return nil, err
		}
		priv := ed25519.NewKeyFromSeed(seed)
		if !bytes.Equal(priv.Public().(ed25519.PublicKey), x) {
			return nil, &MalformedError{Reason: "x is not the public key of d"}
		}
		return newKey(priv, Ed25519)
	case kty == "EC" && crv == "P-256":
		d, err := field("d", j.D, 32)
		if err != nil {
			return nil, err
		}
		x, err := field("x", j.X, 32)
		if err != nil {
			return nil, err
		}
		y, err := field("y", j.Y, 32)
		if err != nil {
			return nil, err
		}
		priv, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
		if err != nil {
			return nil, &MalformedError{Reason: "d: " + err.Error()}
		}
		u, err := priv.PublicKey.Bytes()
		if err != nil {
			return nil, &MalformedError{Reason: err.Error()}
		}
		if !bytes.Equal(u[1:33], x) || !bytes.Equal(u[33:], y) {
			return nil, &MalformedError{Reason: "x and y are not the public key of d"}
		}
		return newKey(priv, P256)
	default:
		return nil, &UnsupportedError{What: fmt.Sprintf("JWK kty %q crv %q", kty, crv)}
	}
}

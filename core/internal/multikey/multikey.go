// Package multikey reads and writes public keys in the Multikey encoding
// (Controlled Identifiers 1.0 §2.2.2 "Multikey"; VC Data Integrity EdDSA §2.1.1
// and ECDSA §2.1.1): the letter "z" (multibase base58-btc), then base58 of a
// multicodec varint naming the key type followed by the raw public key bytes.
// The same string is the `publicKeyMultibase` of a Multikey or
// Ed25519VerificationKey2020 verification method, the method-specific part
// of a did:key, and the fragment of the `https://issuer#z6Mk…` key URLs in the
// Open Badges 3.0 examples.
//
// Three key types are understood, the ones Open Badges and the Data Integrity
// cryptosuites use: Ed25519 (ed25519-pub, 0xed), P-256 (p256-pub, 0x1200) and
// P-384 (p384-pub, 0x1201). Elliptic-curve points are always compressed
// (SEC 1 §2.3.3), as the ECDSA cryptosuite specification requires.
package multikey

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"encoding/binary"
	"fmt"

	"github.com/mr-tron/base58"
)

// Multicodec codes of the supported public key types (multicodec table,
// https://github.com/multiformats/multicodec/blob/master/table.csv).
const (
	CodecEd25519 = 0xed
	CodecP256    = 0x1200
	CodecP384    = 0x1201
)

// maxLen caps the encoded string before base58 decoding, whose cost grows
// with the square of the length. The longest supported key (P-384, 2-byte
// codec + 49 bytes) is 70 characters.
const maxLen = 128

// MalformedError means the string is not a well-formed multibase multikey.
type MalformedError struct{ Reason string }

func (e *MalformedError) Error() string { return "malformed multikey: " + e.Reason }

// UnsupportedError names a key type this package does not handle: a
// multicodec code when decoding, a Go key type or curve when encoding.
type UnsupportedError struct {
	Codec uint64 // when decoding
	Key   string // when encoding
}

func (e *UnsupportedError) Error() string {
	if e.Key != "" {
		return "unsupported key type " + e.Key + " (supported: Ed25519, P-256, P-384)"
	}
	return fmt.Sprintf("unsupported multikey type 0x%x (supported: Ed25519 0xed, P-256 0x1200, P-384 0x1201)", e.Codec)
}

// Decode returns the public key encoded in a multibase multikey string: an
// ed25519.PublicKey or an *ecdsa.PublicKey on P-256 or P-384.
func Decode(s string) (crypto.PublicKey, error) {
	if s == "" {
		return nil, &MalformedError{Reason: "empty"}
	}
	if len(s) > maxLen {
		return nil, &MalformedError{Reason: fmt.Sprintf("longer than %d characters", maxLen)}
	}
	if s[0] != 'z' {
		return nil, &MalformedError{Reason: fmt.Sprintf("multibase prefix %q is not \"z\" (base58-btc)", s[0])}
	}
	b, err := base58.Decode(s[1:])
	if err != nil || len(b) == 0 {
		return nil, &MalformedError{Reason: "not valid base58-btc"}
	}
	codec, n := binary.Uvarint(b)
	if n <= 0 {
		return nil, &MalformedError{Reason: "bad multicodec varint"}
	}
	raw := b[n:]
	switch codec {
	case CodecEd25519:
		if len(raw) != ed25519.PublicKeySize {
			return nil, &MalformedError{Reason: fmt.Sprintf("an Ed25519 key is %d bytes, not %d", ed25519.PublicKeySize, len(raw))}
		}
		return ed25519.PublicKey(append([]byte(nil), raw...)), nil
	case CodecP256:
		return decompress(elliptic.P256(), raw)
	case CodecP384:
		return decompress(elliptic.P384(), raw)
	}
	return nil, &UnsupportedError{Codec: codec}
}

// decompress turns a SEC 1 compressed point into an ECDSA public key.
//
// Go has no non-deprecated API that parses a compressed point directly:
// ecdsa.ParseUncompressedPublicKey and crypto/ecdh take only the uncompressed
// form. elliptic.UnmarshalCompressed (not itself deprecated, though direct
// use of crypto/elliptic is discouraged) recovers the coordinates and checks
// the point is on the curve; the key is then built through
// ParseUncompressedPublicKey so that no deprecated big.Int field is set by
// hand and the key is validated once more by the FIPS code.
func decompress(c elliptic.Curve, raw []byte) (*ecdsa.PublicKey, error) {
	size := (c.Params().BitSize + 7) / 8
	if len(raw) != 1+size {
		return nil, &MalformedError{Reason: fmt.Sprintf("a compressed %s key is %d bytes, not %d", c.Params().Name, 1+size, len(raw))}
	}
	x, y := elliptic.UnmarshalCompressed(c, raw)
	if x == nil {
		return nil, &MalformedError{Reason: "not a compressed point on " + c.Params().Name}
	}
	u := make([]byte, 1+2*size)
	u[0] = 4
	x.FillBytes(u[1 : 1+size])
	y.FillBytes(u[1+size:])
	k, err := ecdsa.ParseUncompressedPublicKey(c, u)
	if err != nil {
		return nil, &MalformedError{Reason: err.Error()}
	}
	return k, nil
}

// Encode returns the multibase multikey string of an Ed25519, P-256 or
// P-384 public key (P-256 keys start "zDn", P-384 "z82", Ed25519 "z6Mk").
func Encode(pub crypto.PublicKey) (string, error) {
	var codec uint64
	var raw []byte
	switch k := pub.(type) {
	case ed25519.PublicKey:
		if len(k) != ed25519.PublicKeySize {
			return "", &MalformedError{Reason: "Ed25519 key of wrong length"}
		}
		codec, raw = CodecEd25519, k
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			codec = CodecP256
		case elliptic.P384():
			codec = CodecP384
		default:
			return "", &UnsupportedError{Key: "ECDSA " + k.Curve.Params().Name}
		}
		u, err := k.Bytes() // uncompressed 0x04 || X || Y; fails for an invalid key
		if err != nil {
			return "", &MalformedError{Reason: err.Error()}
		}
		size := (len(u) - 1) / 2
		// SEC 1 §2.3.3: 0x02 for even Y, 0x03 for odd, then X.
		raw = append([]byte{2 | u[len(u)-1]&1}, u[1:1+size]...)
	default:
		return "", &UnsupportedError{Key: fmt.Sprintf("%T", pub)}
	}
	b := binary.AppendUvarint(nil, codec)
	return "z" + base58.Encode(append(b, raw...)), nil
}

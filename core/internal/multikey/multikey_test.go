package multikey

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/mr-tron/base58"
)

// The 1EdTech OB 3.0 implementation guide's test vector key
// (shared/vectors/1edtech/spec-test-vectors/obv3p0/key-and-intermediates.json).
const (
	vectorMultikey = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
	vectorHex      = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"
)

func TestDecodeKnownEd25519(t *testing.T) {
	k, err := Decode(vectorMultikey)
	if err != nil {
		t.Fatal(err)
	}
	ed, ok := k.(ed25519.PublicKey)
	if !ok {
		t.Fatalf("got %T, want ed25519.PublicKey", k)
	}
	if got := hex.EncodeToString(ed); got != vectorHex {
		t.Fatalf("key %s, want %s", got, vectorHex)
	}
	s, err := Encode(ed)
	if err != nil || s != vectorMultikey {
		t.Fatalf("Encode = %q, %v; want %q", s, err, vectorMultikey)
	}
}

func TestRoundTrip(t *testing.T) {
	edPub, _, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	for _, tc := range []struct {
		name   string
		key    crypto.PublicKey
		prefix string
	}{
		{"Ed25519", edPub, "z6Mk"},
		{"P-256", &p256.PublicKey, "zDn"},
		{"P-384", &p384.PublicKey, "z82"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Several keys, so both parities of Y are exercised for the curves.
			for range 8 {
				s, err := Encode(tc.key)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(s, tc.prefix) {
					t.Fatalf("%s does not start with %s", s, tc.prefix)
				}
				back, err := Decode(s)
				if err != nil {
					t.Fatal(err)
				}
				if !back.(interface{ Equal(crypto.PublicKey) bool }).Equal(tc.key) {
					t.Fatalf("round trip changed the key")
				}
				switch tc.name {
				case "P-256":
					k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
					tc.key = &k.PublicKey
				case "P-384":
					k, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
					tc.key = &k.PublicKey
				default:
					tc.key, _, _ = ed25519.GenerateKey(rand.Reader)
				}
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in    string
		unsupported bool
	}{
		{"empty", "", false},
		{"not base58btc multibase", "u7QE", false},
		{"invalid base58", "z0OIl", false},
		{"too long", "z" + strings.Repeat("2", 200), false},
		{"short Ed25519", "z" + encodeRaw(append([]byte{0xed, 0x01}, make([]byte, 31)...)), false},
		// 0xec is x25519-pub: a key agreement key, not a signing key.
		{"X25519", "z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc", true},
		{"corrupt (1EdTech simple-err-proof-method)", "z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", true},
		{"only a codec", "z" + encodeRaw([]byte{0xed, 0x01}), false},
		{"truncated varint", "z" + encodeRaw([]byte{0x80}), false},
		{"P-256 x beyond the field", "z" + encodeRaw(append([]byte{0x80, 0x24, 0x02}, bytes.Repeat([]byte{0xff}, 32)...)), false},
		{"P-256 uncompressed", "z" + encodeRaw(append([]byte{0x80, 0x24, 0x04}, make([]byte, 64)...)), false},
		{"P-384 wrong length", "z" + encodeRaw(append([]byte{0x81, 0x24, 0x02}, make([]byte, 32)...)), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := Decode(tc.in)
			if err == nil {
				t.Fatalf("Decode(%q) = %T, want an error", tc.in, k)
			}
			var mal *MalformedError
			var uns *UnsupportedError
			if tc.unsupported && !errors.As(err, &uns) {
				t.Fatalf("error %v (%T), want *UnsupportedError", err, err)
			}
			if !tc.unsupported && !errors.As(err, &mal) {
				t.Fatalf("error %v (%T), want *MalformedError", err, err)
			}
		})
	}
}

func TestEncodeUnsupported(t *testing.T) {
	r, _ := rsa.GenerateKey(rand.Reader, 1024)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	for _, k := range []crypto.PublicKey{&r.PublicKey, &p521.PublicKey, "text"} {
		var uns *UnsupportedError
		if _, err := Encode(k); !errors.As(err, &uns) {
			t.Errorf("Encode(%T) error = %v, want *UnsupportedError", k, err)
		}
	}
	var mal *MalformedError
	if _, err := Encode(ed25519.PublicKey{1, 2, 3}); !errors.As(err, &mal) {
		t.Errorf("short Ed25519 key: error = %v, want *MalformedError", err)
	}
}

func encodeRaw(b []byte) string { return base58.Encode(b) }

func FuzzDecode(f *testing.F) {
	f.Add(vectorMultikey)
	f.Add("zDnaekGZTbQBerwcehBSXLqAg6s55hVEBms1zFy89VHXtJSa9")
	f.Add("z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc")
	f.Add("z")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := Decode(s)
		if err != nil {
			return
		}
		// Whatever decodes must encode back to a string that decodes to the
		// same key (the string itself may differ: base58 leading zeros).
		again, err := Encode(k)
		if err != nil {
			t.Fatalf("Decode(%q) gave a key Encode refuses: %v", s, err)
		}
		k2, err := Decode(again)
		if err != nil || !k2.(interface{ Equal(crypto.PublicKey) bool }).Equal(k) {
			t.Fatalf("re-encoding %q changed the key", s)
		}
	})
}

//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"net/url"
	"path/filepath"
	"testing"

	"syscall/js"
)

// Both ways the wasm checks Ed25519 with the host (WebCrypto, and the
// node:crypto function web/clearbadge.mjs supplies in Node) agree with
// crypto/ed25519 on good and bad signatures, and never say yes where Go says
// no on the edge cases where implementations are known to differ (RFC 8032
// §5.1.7; "Taming the many EdDSAs", Chalkias et al. 2020): S not below the
// group order, small-order and non-canonically encoded keys and R.
func TestHostEd25519AgreesWithGo(t *testing.T) {
	hosts := map[string]*hostEd25519{"webcrypto": newHostEd25519()}
	if hosts["webcrypto"] == nil {
		t.Fatal("Node has crypto.subtle, but newHostEd25519 found no host Ed25519")
	}
	mod := importLoader(t)
	hosts["node:crypto"] = &hostEd25519{sync: mod.Call("nodeEd25519", js.Global().Call("require", "node:crypto"))}

	type tc struct {
		name          string
		pub, msg, sig []byte
		ordinary      bool // implementations must agree exactly
	}
	var cases []tc
	for i, n := range []int{0, 1, 32, 64, 1000} {
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		msg := make([]byte, n)
		rand.Read(msg)
		sig := ed25519.Sign(priv, msg)
		cases = append(cases, tc{name: "good", pub: pub, msg: msg, sig: sig, ordinary: true})
		if n > 0 {
			m := append([]byte(nil), msg...)
			m[i%n] ^= 1
			cases = append(cases, tc{name: "message changed", pub: pub, msg: m, sig: sig, ordinary: true})
		}
		for _, at := range []int{0, 31, 32, 63} {
			s := append([]byte(nil), sig...)
			s[at] ^= 0x10
			cases = append(cases, tc{name: "signature changed", pub: pub, msg: msg, sig: s, ordinary: true})
		}
		other, _, _ := ed25519.GenerateKey(rand.Reader)
		cases = append(cases, tc{name: "other key", pub: other, msg: msg, sig: sig, ordinary: true})
		// S+ℓ: the same signature, S no longer canonical.
		ell, _ := new(big.Int).SetString("7237005577332262213973186563042994240857116359379907606001950938285454250989", 10)
		s := new(big.Int).Add(new(big.Int).SetBytes(reversed(sig[32:])), ell).FillBytes(make([]byte, 32))
		cases = append(cases, tc{name: "S+ℓ", pub: pub, msg: msg, sig: append(sig[:32:32], reversed(s)...)})
	}
	h := func(s string) []byte { b, _ := hex.DecodeString(s); return b }
	identity := h("0100000000000000000000000000000000000000000000000000000000000000")
	identityNonCanonical := h("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f") // y = p+1
	order2 := h("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")               // y = -1, order 2
	notOnCurve := h("0200000000000000000000000000000000000000000000000000000000000000")
	zero := make([]byte, 32)
	for _, c := range []tc{
		{name: "identity key, identity R, S=0", pub: identity, msg: []byte("m"), sig: append(identity[:32:32], zero...)},
		{name: "order-2 key, identity R, S=0", pub: order2, msg: []byte("m"), sig: append(identity[:32:32], zero...)},
		{name: "non-canonical identity key", pub: identityNonCanonical, msg: []byte("m"), sig: append(identity[:32:32], zero...)},
		{name: "non-canonical identity R", pub: identity, msg: []byte("m"), sig: append(identityNonCanonical[:32:32], zero...)},
		{name: "key not on the curve", pub: notOnCurve, msg: []byte("m"), sig: append(identity[:32:32], zero...)},
	} {
		cases = append(cases, c)
	}

	for name, host := range hosts {
		for _, c := range cases {
			want := ed25519.Verify(c.pub, c.msg, c.sig)
			got, err := host.verify(c.pub, c.msg, c.sig)
			switch {
			case c.ordinary && (err != nil || got != want):
				t.Errorf("%s, %s: host says %v (%v), crypto/ed25519 %v", name, c.name, got, err, want)
			case got && !want:
				t.Errorf("%s, %s: host says yes where crypto/ed25519 says no", name, c.name)
			case got != want:
				t.Logf("%s, %s: host says %v (%v), crypto/ed25519 %v; the core decides with crypto/ed25519", name, c.name, got, err, want)
			}
		}
	}
}

// importLoader imports web/clearbadge.mjs, whose host functions for Node
// the tests hold to Go's.
func importLoader(t *testing.T) js.Value {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "web", "clearbadge.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	importer := js.Global().Get("Function").New("u", "return import(u)")
	mod, err := await(context.Background(), importer.Invoke((&url.URL{Scheme: "file", Path: abs}).String()))
	if err != nil {
		t.Fatalf("importing web/clearbadge.mjs: %v", err)
	}
	return mod
}

// The node:crypto SHA-256 web/clearbadge.mjs supplies in Node gives
// crypto/sha256's digest, for lengths around the block size and the
// threshold from which the core asks it.
func TestHostSHA256AgreesWithGo(t *testing.T) {
	mod := importLoader(t)
	js.Global().Set("ClearBadgeHost", js.ValueOf(map[string]any{"sha256": mod.Call("nodeSHA256", js.Global().Call("require", "node:crypto"))}))
	defer js.Global().Delete("ClearBadgeHost")
	host := newHostSHA256()
	if host == nil {
		t.Fatal("newHostSHA256 found no ClearBadgeHost.sha256")
	}
	for _, n := range []int{0, 1, 55, 56, 63, 64, 65, 255, 256, 257, 4096, 100_000} {
		b := make([]byte, n)
		rand.Read(b)
		want := sha256.Sum256(b)
		got, err := host(b)
		if err != nil || !bytes.Equal(got, want[:]) {
			t.Errorf("%d bytes: host says %x (%v), crypto/sha256 %x", n, got, err, want)
		}
	}
}

// reversed returns b's bytes in the opposite order (Ed25519 scalars are
// little endian, big.Int big endian).
func reversed(b []byte) []byte {
	r := make([]byte, len(b))
	for i := range b {
		r[len(b)-1-i] = b[i]
	}
	return r
}

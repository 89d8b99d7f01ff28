package did

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/mr-tron/base58"
)

// The 1EdTech OB 3.0 test vector key, also used as a did:key by
// validator/ob30/simple-did-key-method.json.
const (
	vectorKey = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
	vectorHex = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5"
)

func equalKey(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

func TestDIDKey(t *testing.T) {
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	want, _ := hex.DecodeString(vectorHex)
	for _, tc := range []struct {
		name string
		key  crypto.PublicKey
	}{
		{"Ed25519 (1EdTech vector)", ed25519.PublicKey(want)},
		{"P-256", &p256.PublicKey},
		{"P-384", &p384.PublicKey},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mb, err := multikey.Encode(tc.key)
			if err != nil {
				t.Fatal(err)
			}
			did := "did:key:" + mb
			doc, err := (&Resolver{}).Resolve(context.Background(), did)
			if err != nil {
				t.Fatal(err)
			}
			vmID := did + "#" + mb
			if doc.ID != did || len(doc.VerificationMethods) != 1 {
				t.Fatalf("doc = %+v", doc)
			}
			for _, ref := range []string{vmID, "#" + mb} {
				for _, rel := range []string{AssertionMethod, Authentication} {
					vm, err := doc.Method(ref, rel)
					if err != nil {
						t.Fatalf("Method(%s, %s): %v", ref, rel, err)
					}
					if vm.ID != vmID || vm.Type != "Multikey" || vm.Controller != did || !equalKey(vm.PublicKey, tc.key) {
						t.Fatalf("vm = %+v", vm)
					}
				}
			}
		})
	}
	if mb, _ := multikey.Encode(ed25519.PublicKey(want)); mb != vectorKey {
		t.Fatalf("vector key encodes to %s", mb)
	}
}

func TestDIDJWK(t *testing.T) {
	// The P-256 example of the did:jwk specification §2.4.
	const specExample = "did:jwk:eyJjcnYiOiJQLTI1NiIsImt0eSI6IkVDIiwieCI6ImFjYklRaXVNczNpOF91c3pFakoydHBUdFJNNEVVM3l6OTFQSDZDZEgyVjAiLCJ5IjoiX0tjeUxqOXZXTXB0bm1LdG00NkdxRHo4d2Y3NEk1TEtncmwyR3pIM25TRSJ9"
	doc, err := (&Resolver{}).Resolve(context.Background(), specExample)
	if err != nil {
		t.Fatal(err)
	}
	vm, err := doc.Method("#0", AssertionMethod)
	if err != nil {
		t.Fatal(err)
	}
	if vm.ID != specExample+"#0" || vm.Type != "JsonWebKey2020" {
		t.Fatalf("vm = %+v", vm)
	}
	if k, ok := vm.PublicKey.(*ecdsa.PublicKey); !ok || k.Curve != elliptic.P256() {
		t.Fatalf("key %T", vm.PublicKey)
	}

	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	x := base64.RawURLEncoding.EncodeToString(pub)
	mk := func(jwk string) string { return "did:jwk:" + base64.RawURLEncoding.EncodeToString([]byte(jwk)) }

	enc, err := (&Resolver{}).Resolve(context.Background(), mk(`{"kty":"OKP","crv":"Ed25519","use":"enc","x":"`+x+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	var na *NotAuthorizedError
	if _, err := enc.Method("#0", AssertionMethod); !errors.As(err, &na) {
		t.Fatalf(`a "use":"enc" key must not be an assertion method: %v`, err)
	}

	for name, did := range map[string]string{
		"private key":  mk(`{"kty":"OKP","crv":"Ed25519","x":"` + x + `","d":"` + x + `"}`),
		"padded":       "did:jwk:" + base64.URLEncoding.EncodeToString([]byte(`{"kty":"OKP","crv":"Ed25519","x":"`+x+`"}`)),
		"not JSON":     mk(`kty`),
		"symmetric":    mk(`{"kty":"oct","k":"AAAA"}`),
		"X25519":       mk(`{"kty":"OKP","crv":"X25519","x":"` + x + `"}`),
		"not base64":   "did:jwk:***",
		"standard b64": "did:jwk:eyJrdHkiOiJPS1AifQ+",
	} {
		var inv *InvalidDIDError
		if _, err := (&Resolver{}).Resolve(context.Background(), did); !errors.As(err, &inv) {
			t.Errorf("%s: error = %v, want *InvalidDIDError", name, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		did         string
		unsupported string
	}{
		{"", ""},
		{"did:", ""},
		{"did:key", ""},
		{"did:key:", ""},
		{"did:KEY:z6Mk", ""},
		{"did:key:abc:", ""},
		{"did:key:" + vectorKey + "#" + vectorKey, ""},
		{"did:web:example.com/path", ""},
		{"did:web:example.com?q", ""},
		{"did:web:ex%2", ""},
		{"https://example.com", ""},
		{"did:key:x" + strings.Repeat("1", maxDIDLength), ""},
		{"did:key:abc", ""},                                                         // not base58btc
		{"did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc", ""},            // X25519: not a signing key
		{"did:example:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", "example"}, // 1EdTech simple-err-proof-method-unknown-did-method
		{"did:velocity:v2:0x4ade3a40a6092366765fa42a8247d07a6c3bdddd:89849842277648:6168", "velocity"},
	} {
		_, err := (&Resolver{}).Resolve(context.Background(), tc.did)
		var inv *InvalidDIDError
		var uns *UnsupportedMethodError
		switch {
		case tc.unsupported != "":
			if !errors.As(err, &uns) || uns.Method != tc.unsupported {
				t.Errorf("%.40q: error = %v, want unsupported method %s", tc.did, err, tc.unsupported)
			} else if !strings.Contains(err.Error(), "did:"+tc.unsupported) {
				t.Errorf("message %q does not name the method", err)
			}
		case !errors.As(err, &inv):
			t.Errorf("%.40q: error = %v (%T), want *InvalidDIDError", tc.did, err, err)
		}
	}
}

func TestWebURL(t *testing.T) {
	for _, tc := range []struct{ did, url string }{
		// did:web Method Specification §3.2 examples.
		{"did:web:w3c-ccg.github.io", "https://w3c-ccg.github.io/.well-known/did.json"},
		{"did:web:w3c-ccg.github.io:user:alice", "https://w3c-ccg.github.io/user/alice/did.json"},
		{"did:web:example.com%3A3000:user:alice", "https://example.com:3000/user/alice/did.json"},
		{"did:web:dc.1edtech.org:wellspring2022:wellspring-portal:org:da1e96e9-afcc-4eed-b9a2-2ddf7353214c",
			"https://dc.1edtech.org/wellspring2022/wellspring-portal/org/da1e96e9-afcc-4eed-b9a2-2ddf7353214c/did.json"},
		{"did:web:example.com:a%20b", "https://example.com/a%20b/did.json"},
	} {
		got, err := WebURL(tc.did)
		if err != nil || got != tc.url {
			t.Errorf("WebURL(%s) = %q, %v; want %q", tc.did, got, err, tc.url)
		}
	}
	for _, bad := range []string{
		"did:web:exa%2Fmple.com", "did:web:example.com%40evil.com", "did:web:example.com:..:x", "did:web:example.com:.",
		"did:web:%3A80", "did:web:example.com%3Aabc", "did:web:example.com%3A", "did:web:example.com::x",
		"did:web:.example.com", "did:web:example.com:a%2Fb", "did:web:exa_mple.com", "did:key:" + vectorKey,
	} {
		if u, err := WebURL(bad); err == nil {
			t.Errorf("WebURL(%s) = %s, want an error", bad, u)
		}
	}
}

const webDID = "did:web:issuer.example:org:1"

func webDoc(t *testing.T, mutate func(m map[string]any)) []byte {
	t.Helper()
	edPub, _, _ := ed25519.GenerateKey(rand.Reader)
	ed2, _, _ := ed25519.GenerateKey(rand.Reader)
	ed3, _, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	mb1, _ := multikey.Encode(edPub)
	mb2, _ := multikey.Encode(ed2)
	mb3, _ := multikey.Encode(ed3)
	u, _ := p256.PublicKey.Bytes()
	enc := base64.RawURLEncoding.EncodeToString
	m := map[string]any{
		"@context": []any{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"},
		"id":       webDID,
		"verificationMethod": []any{
			map[string]any{"id": "#key-1", "type": "Multikey", "controller": webDID, "publicKeyMultibase": mb1},
			map[string]any{"id": webDID + "#key-2", "type": "Ed25519VerificationKey2020", "controller": webDID, "publicKeyMultibase": mb2},
			map[string]any{"id": webDID + "#jwk", "type": "JsonWebKey2020", "controller": webDID,
				"publicKeyJwk": map[string]any{"kty": "EC", "crv": "P-256", "x": enc(u[1:33]), "y": enc(u[33:])}},
			map[string]any{"id": "#x25519", "type": "X25519KeyAgreementKey2020", "controller": webDID,
				"publicKeyMultibase": "z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc"},
		},
		"assertionMethod": []any{"#key-1", webDID + "#jwk", "#x25519",
			map[string]any{"id": "#embedded", "type": "Multikey", "controller": webDID, "publicKeyMultibase": mb3}},
		"authentication": []any{webDID + "#key-2"},
		"keyAgreement":   []any{"#x25519"},
	}
	if mutate != nil {
		mutate(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDIDWeb(t *testing.T) {
	const url = "https://issuer.example/org/1/did.json"
	var accept []string
	r := &Resolver{Fetcher: fetch.Func(func(_ context.Context, u string, a ...string) ([]byte, error) {
		accept = a
		if u != url {
			return nil, fmt.Errorf("unexpected URL %s", u)
		}
		return webDoc(t, nil), nil
	})}
	doc, err := r.Resolve(context.Background(), webDID)
	if err != nil {
		t.Fatal(err)
	}
	if len(accept) < 2 || accept[0] != "application/did+json" || accept[1] != "application/json" {
		t.Errorf("accept = %v", accept)
	}
	wantAssert := []string{webDID + "#key-1", webDID + "#jwk", webDID + "#x25519", webDID + "#embedded"}
	if !reflect.DeepEqual(doc.AssertionMethod, wantAssert) || !reflect.DeepEqual(doc.Authentication, []string{webDID + "#key-2"}) {
		t.Errorf("relationships %v / %v", doc.AssertionMethod, doc.Authentication)
	}
	ok := []struct{ ref, rel, typ string }{
		{"#key-1", AssertionMethod, "Multikey"},
		{webDID + "#jwk", AssertionMethod, "JsonWebKey2020"},
		{"#embedded", AssertionMethod, "Multikey"},
		{"#key-2", Authentication, "Ed25519VerificationKey2020"},
	}
	for _, c := range ok {
		vm, err := doc.Method(c.ref, c.rel)
		if err != nil || vm.Type != c.typ || vm.PublicKey == nil || vm.Controller != webDID {
			t.Errorf("Method(%s, %s) = %+v, %v", c.ref, c.rel, vm, err)
		}
	}
	var na *NotAuthorizedError
	var nf *NotFoundError
	var ke *KeyError
	for _, c := range []struct {
		ref, rel string
		want     any
	}{
		{"#key-2", AssertionMethod, &na},   // only for authentication
		{"#key-1", Authentication, &na},    // only for assertion
		{"#embedded", Authentication, &na}, // embedded under assertionMethod only
		{"#key-9", AssertionMethod, &nf},
		{"did:web:other.example#key-1", AssertionMethod, &nf},
		{"#x25519", AssertionMethod, &ke}, // listed, but not a signing key
	} {
		_, err := doc.Method(c.ref, c.rel)
		if err == nil || !errors.As(err, c.want) {
			t.Errorf("Method(%s, %s) error = %v (%T)", c.ref, c.rel, err, err)
		}
	}
	if _, err := doc.Method("#key-1", "capabilityInvocation"); err == nil {
		t.Error("an unsupported relationship must be an error")
	}
}

func TestDIDWebRefusals(t *testing.T) {
	serve := func(b []byte) *Resolver {
		// Not fetch.Static, which would refuse the oversized document itself.
		return &Resolver{Fetcher: fetch.Func(func(context.Context, string, ...string) ([]byte, error) { return b, nil })}
	}
	many := make([]any, MaxMethods+1)
	for i := range many {
		many[i] = map[string]any{"id": fmt.Sprintf("#k%d", i), "type": "Multikey", "publicKeyMultibase": vectorKey}
	}
	var de *DocumentError
	for _, tc := range []struct {
		name string
		doc  []byte
	}{
		{"id of another DID", webDoc(t, func(m map[string]any) { m["id"] = "did:web:evil.example" })},
		{"no id", webDoc(t, func(m map[string]any) { delete(m, "id") })},
		{"not JSON", []byte("<html>")},
		{"too many methods", webDoc(t, func(m map[string]any) { m["verificationMethod"] = many })},
		{"too many relationship entries", webDoc(t, func(m map[string]any) { m["assertionMethod"] = many })},
		{"one id, two keys", webDoc(t, func(m map[string]any) {
			m["assertionMethod"] = []any{map[string]any{"id": "#key-1", "type": "Multikey", "publicKeyMultibase": vectorKey}}
		})},
		{"method without id", webDoc(t, func(m map[string]any) {
			m["verificationMethod"] = []any{map[string]any{"type": "Multikey", "publicKeyMultibase": vectorKey}}
		})},
		{"method not an object", webDoc(t, func(m map[string]any) { m["verificationMethod"] = []any{42} })},
		{"verificationMethod not a list", webDoc(t, func(m map[string]any) { m["verificationMethod"] = "#key-1" })},
		{"too large", append(webDoc(t, nil), make([]byte, fetch.MaxBytes)...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := serve(tc.doc).Resolve(context.Background(), webDID)
			if !errors.As(err, &de) {
				t.Fatalf("error = %v (%T), want *DocumentError", err, err)
			}
		})
	}

	t.Run("offline", func(t *testing.T) {
		for _, r := range []*Resolver{{}, {Fetcher: fetch.Offline}, {Fetcher: &fetch.Static{}}} {
			_, err := r.Resolve(context.Background(), webDID)
			if !errors.Is(err, fetch.ErrOffline) {
				t.Fatalf("error = %v, want one matching fetch.ErrOffline", err)
			}
		}
	})
}

func TestEd25519VerificationKey2018(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	doc, err := ParseDocument([]byte(`{"id":"did:web:a.example","verificationMethod":[
		{"id":"#k","type":"Ed25519VerificationKey2018","controller":"did:web:a.example","publicKeyBase58":"` + base58.Encode(pub) + `"},
		{"id":"#bad","type":"Ed25519VerificationKey2020","publicKeyJwk":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}}],
		"assertionMethod":["#k","#bad"]}`))
	if err != nil {
		t.Fatal(err)
	}
	vm, err := doc.Method("#k", AssertionMethod)
	if err != nil || !pub.Equal(vm.PublicKey) {
		t.Fatalf("2018 key: %+v, %v", vm, err)
	}
	var ke *KeyError
	if _, err := doc.Method("#bad", AssertionMethod); !errors.As(err, &ke) {
		t.Fatalf("a P-256 key typed Ed25519VerificationKey2020: error = %v", err)
	}
}

func FuzzParseDocument(f *testing.F) {
	f.Add([]byte(`{"id":"did:web:a","verificationMethod":[{"id":"#k","type":"Multikey","publicKeyMultibase":"` + vectorKey + `"}],"assertionMethod":["#k",{"id":"#e","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"AA"}}]}`))
	f.Add([]byte(`{"id":"x","authentication":"#k"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := ParseDocument(b)
		if err != nil {
			return
		}
		if len(d.VerificationMethods) > MaxMethods {
			t.Fatalf("%d methods", len(d.VerificationMethods))
		}
		for _, id := range append(d.AssertionMethod, d.Authentication...) {
			if vm, err := d.Method(id, AssertionMethod); err == nil && vm.PublicKey == nil {
				t.Fatalf("Method returned %s without a key", id)
			}
		}
	})
}

func FuzzResolve(f *testing.F) {
	f.Add("did:key:" + vectorKey)
	f.Add("did:jwk:eyJrdHkiOiJPS1AiLCJjcnYiOiJFZDI1NTE5IiwieCI6IkFBIn0")
	f.Add("did:web:example.com%3A3000:user:alice")
	f.Fuzz(func(t *testing.T, id string) {
		r := &Resolver{Fetcher: fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) {
			if !strings.HasPrefix(u, "https://") || !strings.HasSuffix(u, "/did.json") {
				t.Fatalf("did:web fetched %q", u)
			}
			return nil, fetch.ErrOffline
		})}
		d, err := r.Resolve(context.Background(), id)
		if err == nil && d.ID != id {
			t.Fatalf("document id %q for %q", d.ID, id)
		}
	})
}

func TestParseMethod(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	mb, _ := multikey.Encode(pub)
	vm, err := ParseMethod([]byte(`{"id":"https://issuer.example/keys/1","type":"Multikey","controller":"https://issuer.example/","publicKeyMultibase":"` + mb + `"}`))
	if err != nil || vm.ID != "https://issuer.example/keys/1" || vm.Controller != "https://issuer.example/" || !pub.Equal(vm.PublicKey) {
		t.Fatalf("ParseMethod = %+v, %v", vm, err)
	}
	var de *DocumentError
	var ke *KeyError
	for _, tc := range []struct {
		doc  string
		want any
	}{
		{`{"type":"Multikey","publicKeyMultibase":"` + mb + `"}`, &de},
		{`[]`, &de},
		{`{"id":"https://issuer.example/keys/1","type":"Multikey"}`, &ke},
		{`{"id":"https://issuer.example/keys/1","type":"Multikey","publicKeyMultibase":"z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc"}`, &ke},
	} {
		if _, err := ParseMethod([]byte(tc.doc)); !errors.As(err, tc.want) {
			t.Errorf("ParseMethod(%s): error = %v (%T)", tc.doc, err, err)
		}
	}
}

func TestMethodWithKey(t *testing.T) {
	doc, err := ParseDocument(webDoc(t, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, vm := range doc.VerificationMethods {
		if vm.PublicKey == nil {
			continue
		}
		got := doc.MethodWithKey(vm.PublicKey, AssertionMethod)
		_, listedErr := doc.Method(vm.ID, AssertionMethod)
		if (got != nil) != (listedErr == nil) || got != nil && got.ID != vm.ID {
			t.Errorf("MethodWithKey(key of %s) = %v; listed under assertionMethod: %v", vm.ID, got, listedErr == nil)
		}
	}
	other, _, _ := ed25519.GenerateKey(rand.Reader)
	if doc.MethodWithKey(other, AssertionMethod) != nil {
		t.Error("found a key the document does not have")
	}
}

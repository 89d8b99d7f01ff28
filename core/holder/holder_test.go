package holder_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
)

// rfc8037 is the Ed25519 key of RFC 8037 Appendix A.1.
const rfc8037 = `{"kty":"OKP","crv":"Ed25519",
 "d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A",
 "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`

func sameKey(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

func TestGenerate(t *testing.T) {
	for _, tc := range []struct {
		typ    holder.Type
		prefix string // multikey prefix of the key type
		suite  string
	}{
		{holder.Ed25519, "did:key:z6Mk", "eddsa-rdfc-2022"},
		{holder.P256, "did:key:zDn", "ecdsa-rdfc-2019"},
	} {
		t.Run(string(tc.typ), func(t *testing.T) {
			k, err := holder.Generate(tc.typ)
			if err != nil {
				t.Fatal(err)
			}
			if k.Type() != tc.typ || k.Cryptosuite() != tc.suite {
				t.Errorf("type %q suite %q", k.Type(), k.Cryptosuite())
			}
			did := k.DID()
			if !strings.HasPrefix(did, tc.prefix) {
				t.Errorf("DID %s does not start with %s", did, tc.prefix)
			}
			// did:key §3.1.2: the one verification method is the DID with its
			// multikey as fragment, and that multikey is the public key.
			mb := strings.TrimPrefix(did, "did:key:")
			if k.VerificationMethod() != did+"#"+mb {
				t.Errorf("verification method %s", k.VerificationMethod())
			}
			pub, err := multikey.Decode(mb)
			if err != nil {
				t.Fatal(err)
			}
			if !sameKey(pub, k.Public()) {
				t.Error("the DID does not name the key's public key")
			}
			other, err := holder.Generate(tc.typ)
			if err != nil {
				t.Fatal(err)
			}
			if other.DID() == did {
				t.Error("two generated keys are the same")
			}
		})
	}
	var unsupported *holder.UnsupportedError
	if _, err := holder.Generate("rsa"); !errors.As(err, &unsupported) {
		t.Errorf("Generate(rsa): %v, want *UnsupportedError", err)
	}
}

func TestJWKRoundTrip(t *testing.T) {
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		t.Run(string(typ), func(t *testing.T) {
			k, err := holder.Generate(typ)
			if err != nil {
				t.Fatal(err)
			}
			priv, err := k.MarshalPrivateJWK()
			if err != nil {
				t.Fatal(err)
			}
			back, err := holder.ParsePrivateJWK(priv)
			if err != nil {
				t.Fatalf("%v\n%s", err, priv)
			}
			if back.DID() != k.DID() || back.Type() != typ {
				t.Errorf("round trip gives %s (%s), want %s", back.DID(), back.Type(), k.DID())
			}
			again, _ := back.MarshalPrivateJWK()
			if !bytes.Equal(again, priv) {
				t.Errorf("re-export differs:\n%s\n%s", priv, again)
			}

			// The public export has no private member and is a JWK that
			// core/internal/jose (which refuses private JWKs) reads as the same key.
			pub, err := k.MarshalPublicJWK()
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(pub, &m); err != nil {
				t.Fatal(err)
			}
			if _, has := m["d"]; has {
				t.Fatalf("public JWK has d: %s", pub)
			}
			j, err := jose.ParseJWK(pub)
			if err != nil {
				t.Fatalf("%v: %s", err, pub)
			}
			if !sameKey(j.Key, k.Public()) {
				t.Error("the public JWK is another key")
			}
			if _, err := holder.ParsePrivateJWK(pub); !errors.Is(err, holder.ErrPublicOnly) {
				t.Errorf("parsing the public JWK as private: %v, want ErrPublicOnly", err)
			}
			if _, err := jose.ParseJWK(priv); !errors.Is(err, jose.ErrPrivateJWK) {
				t.Errorf("jose reads the private JWK as a public key: %v", err)
			}
		})
	}
}

func TestRFC8037(t *testing.T) {
	k, err := holder.ParsePrivateJWK([]byte(rfc8037))
	if err != nil {
		t.Fatal(err)
	}
	pub := k.Public().(ed25519.PublicKey)
	if fmt.Sprintf("%x", []byte(pub)) != "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a" {
		t.Errorf("public key %x", []byte(pub))
	}
	out, _ := k.MarshalPrivateJWK()
	want := `{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}`
	if string(out) != want {
		t.Errorf("export\n%s\nwant\n%s", out, want)
	}
}

// TestPrivateKeyStaysInside: printing a Key in any fmt verb shows its DID,
// never the private key.
func TestPrivateKeyStaysInside(t *testing.T) {
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		k, err := holder.Generate(typ)
		if err != nil {
			t.Fatal(err)
		}
		priv, _ := k.MarshalPrivateJWK()
		var j struct{ D string }
		if err := json.Unmarshal(priv, &j); err != nil {
			t.Fatal(err)
		}
		//lint:ignore SA9005 the point is that marshalling a key reveals nothing
		raw, _ := json.Marshal(k)
		for _, out := range []string{fmt.Sprint(k), fmt.Sprintf("%v %+v %#v %s", k, k, k, k), fmt.Sprintf("%+v", *k), string(raw)} {
			if strings.Contains(out, j.D) || strings.Contains(out, "priv") || strings.Contains(out, "[") {
				t.Errorf("%s: the key prints its private part: %s", typ, out)
			}
		}
		if fmt.Sprint(k) != "holder key "+k.DID() {
			t.Errorf("String() = %q", fmt.Sprint(k))
		}
		if string(raw) != "{}" {
			t.Errorf("json.Marshal(key) = %s", raw)
		}
	}
}

func TestParseErrors(t *testing.T) {
	good := map[string]string{}
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		k, _ := holder.Generate(typ)
		b, _ := k.MarshalPrivateJWK()
		good[string(typ)] = string(b)
	}
	other, _ := holder.Generate(holder.P256)
	otherJWK, _ := other.MarshalPrivateJWK()
	var o map[string]string
	_ = json.Unmarshal(otherJWK, &o)
	swap := func(s, member, value string) string {
		var m map[string]any
		_ = json.Unmarshal([]byte(s), &m)
		if value == "" {
			delete(m, member)
		} else {
			m[member] = value
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	var (
		malformed   *holder.MalformedError
		unsupported *holder.UnsupportedError
	)
	for name, tc := range map[string]struct {
		in   string
		want any // a target for errors.As, or an error for errors.Is
	}{
		"empty":          {"", &malformed},
		"not JSON":       {"nope", &malformed},
		"array":          {`[]`, &malformed},
		"number member":  {`{"kty":"OKP","crv":"Ed25519","x":1,"d":"x"}`, &malformed},
		"trailing data":  {good["ed25519"] + `{}`, &malformed},
		"no kty":         {swap(good["ed25519"], "kty", ""), &malformed},
		"public only":    {swap(good["p256"], "d", ""), holder.ErrPublicOnly},
		"no x":           {swap(good["ed25519"], "x", ""), &malformed},
		"no y":           {swap(good["p256"], "y", ""), &malformed},
		"padded d":       {swap(good["ed25519"], "d", "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="), &malformed},
		"short d":        {swap(good["ed25519"], "d", "AAAA"), &malformed},
		"zero d":         {swap(good["p256"], "d", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), &malformed},
		"other x":        {swap(swap(good["p256"], "x", o["x"]), "y", o["y"]), &malformed},
		"ed25519 x":      {strings.Replace(rfc8037, "11qY", "21qY", 1), &malformed},
		"P-384":          {swap(good["p256"], "crv", "P-384"), &unsupported},
		"X25519":         {swap(good["ed25519"], "crv", "X25519"), &unsupported},
		"RSA":            {`{"kty":"RSA","crv":"","n":"AQAB","e":"AQAB","d":"AQAB"}`, &unsupported},
		"too large":      {`{"kty":"OKP","pad":"` + strings.Repeat("a", 5000) + `"}`, &malformed},
		"octet sequence": {`{"kty":"oct","crv":"","k":"c2VjcmV0","d":"c2VjcmV0"}`, &unsupported},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := holder.ParsePrivateJWK([]byte(tc.in))
			switch w := tc.want.(type) {
			case error:
				if !errors.Is(err, w) {
					t.Errorf("err = %v, want %v", err, w)
				}
			default:
				if !errors.As(err, w) {
					t.Errorf("err = %v (%T), want %T", err, err, w)
				}
			}
		})
	}
	// Unknown members are ignored (RFC 7517 §4).
	withKid := swap(good["p256"], "kid", "anything")
	if _, err := holder.ParsePrivateJWK([]byte(withKid)); err != nil {
		t.Errorf("a kid member is refused: %v", err)
	}
}

func TestProve(t *testing.T) {
	doc := map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2"},
		"type":     []any{"VerifiablePresentation"},
	}
	created := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		t.Run(string(typ), func(t *testing.T) {
			k, _ := holder.Generate(typ)
			doc["holder"] = k.DID()
			signed, err := k.Prove(doc, holder.ProofOptions{Purpose: "authentication", Created: created, Challenge: "c-1", Domain: "verifier.example"})
			if err != nil {
				t.Fatal(err)
			}
			ps, err := proof.Parse(signed)
			if err != nil || len(ps) != 1 {
				t.Fatalf("%v %v", ps, err)
			}
			p := ps[0]
			if p.Cryptosuite != k.Cryptosuite() || p.VerificationMethod != k.VerificationMethod() || p.ProofPurpose != "authentication" ||
				p.Challenge != "c-1" || p.Domain != "verifier.example" || p.Created != "2026-01-02T03:04:05Z" {
				t.Errorf("proof %+v", p.Raw)
			}
			if err := proof.Verify(signed, &p, k.Public()); err != nil {
				t.Fatal(err)
			}
			signed["holder"] = "did:example:someone-else"
			var sig *proof.SignatureError
			if err := proof.Verify(signed, &p, k.Public()); !errors.As(err, &sig) {
				t.Errorf("a changed document verifies: %v", err)
			}
		})
	}
}

func TestSignJWT(t *testing.T) {
	for _, tc := range []struct {
		typ holder.Type
		alg string
	}{{holder.Ed25519, "EdDSA"}, {holder.P256, "ES256"}} {
		t.Run(string(tc.typ), func(t *testing.T) {
			k, _ := holder.Generate(tc.typ)
			token, err := k.SignJWT([]byte(`{"nonce":"n"}`), "vp+jwt")
			if err != nil {
				t.Fatal(err)
			}
			tok, err := jose.Parse(token)
			if err != nil {
				t.Fatal(err)
			}
			if tok.Header.Alg != tc.alg || tok.Header.Kid != k.VerificationMethod() || tok.Header.Typ != "vp+jwt" || tok.Header.JWK != nil {
				t.Errorf("header %+v", tok.Header)
			}
			if err := tok.Verify(k.Public()); err != nil {
				t.Fatal(err)
			}
			other, _ := holder.Generate(tc.typ)
			var sig *jose.SignatureError
			if err := tok.Verify(other.Public()); !errors.As(err, &sig) {
				t.Errorf("verifies with another key: %v", err)
			}
		})
	}
}

func FuzzParsePrivateJWK(f *testing.F) {
	f.Add([]byte(rfc8037))
	k, _ := holder.Generate(holder.P256)
	b, _ := k.MarshalPrivateJWK()
	f.Add(b)
	f.Add([]byte(`{"kty":"EC","crv":"P-256","d":""}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		k, err := holder.ParsePrivateJWK(in)
		if err != nil {
			return
		}
		// Whatever parses names its own public key and exports again.
		out, err := k.MarshalPrivateJWK()
		if err != nil {
			t.Fatal(err)
		}
		back, err := holder.ParsePrivateJWK(out)
		if err != nil || back.DID() != k.DID() {
			t.Fatalf("re-export does not parse back: %v", err)
		}
		if _, isEC := k.Public().(*ecdsa.PublicKey); isEC != (k.Type() == holder.P256) {
			t.Fatalf("type %s for %T", k.Type(), k.Public())
		}
	})
}

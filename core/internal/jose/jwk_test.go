package jose

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/internal/testutil"
)

func TestParseJWK(t *testing.T) {
	k := testKeys()
	ed := k["ed"].Public().(ed25519.PublicKey)
	p256 := k["p256"].Public().(*ecdsa.PublicKey)
	u, _ := p256.Bytes()
	x, y := enc.EncodeToString(u[1:33]), enc.EncodeToString(u[33:])
	r := k["rsa"].Public().(*rsa.PublicKey)
	n, e := enc.EncodeToString(r.N.Bytes()), enc.EncodeToString(big.NewInt(int64(r.E)).Bytes())

	t.Run("valid", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			jwk  map[string]string
			want crypto.PublicKey
		}{
			{"Ed25519", map[string]string{"kty": "OKP", "crv": "Ed25519", "x": enc.EncodeToString(ed), "kid": "k1", "iss": "https://issuer.example/"}, ed},
			{"P-256", map[string]string{"kty": "EC", "crv": "P-256", "x": x, "y": y}, p256},
			{"RSA", map[string]string{"kty": "RSA", "n": n, "e": e, "alg": "RS256", "use": "sig"}, r},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := ParseJWK(testutil.JSON(t, tc.jwk))
				if err != nil {
					t.Fatal(err)
				}
				if !tc.want.(interface{ Equal(crypto.PublicKey) bool }).Equal(got.Key) {
					t.Fatalf("key %T differs", got.Key)
				}
				if got.Kid != tc.jwk["kid"] || got.Iss != tc.jwk["iss"] {
					t.Fatalf("kid %q iss %q", got.Kid, got.Iss)
				}
			})
		}
	})

	t.Run("refused", func(t *testing.T) {
		short := enc.EncodeToString(make([]byte, 31))
		for _, tc := range []struct {
			name string
			jwk  string
			want func(error) bool
		}{
			{"private EC", string(testutil.JSON(t, map[string]string{"kty": "EC", "crv": "P-256", "x": x, "y": y, "d": x})), isErr(ErrPrivateJWK)},
			{"private RSA (CRT member only)", string(testutil.JSON(t, map[string]string{"kty": "RSA", "n": n, "e": e, "qi": e})), isErr(ErrPrivateJWK)},
			{"symmetric", `{"kty":"oct","k":"c2VjcmV0"}`, isErr(ErrPrivateJWK)},
			{"oct without k", `{"kty":"oct"}`, asKeyError},
			{"X25519", string(testutil.JSON(t, map[string]string{"kty": "OKP", "crv": "X25519", "x": enc.EncodeToString(ed)})), asKeyError},
			{"secp256k1", string(testutil.JSON(t, map[string]string{"kty": "EC", "crv": "secp256k1", "x": x, "y": y})), func(e error) bool { return e != nil }},
			{"EC point off the curve", string(testutil.JSON(t, map[string]string{"kty": "EC", "crv": "P-256", "x": x, "y": x})), asMalformed},
			{"short Ed25519", string(testutil.JSON(t, map[string]string{"kty": "OKP", "crv": "Ed25519", "x": short})), func(e error) bool { return e != nil }},
			{"RSA-1024", rsa1024(t), asKeyError},
			{"no kty", `{"x":"AA"}`, asMalformed},
			{"duplicate member", `{"kty":"OKP","crv":"Ed25519","crv":"X25519","x":"AA"}`, asMalformed},
			{"not an object", `"key"`, asMalformed},
			{"iss not a string", `{"kty":"OKP","crv":"Ed25519","x":"` + enc.EncodeToString(ed) + `","iss":1}`, asMalformed},
			{"too large", `{"kty":"OKP","pad":"` + strings.Repeat("a", maxJWKBytes) + `"}`, asMalformed},
		} {
			t.Run(tc.name, func(t *testing.T) {
				got, err := ParseJWK([]byte(tc.jwk))
				if err == nil || !tc.want(err) {
					t.Fatalf("ParseJWK = %+v, %v (%T)", got, err, err)
				}
			})
		}
	})
}

func TestParseJWKSet(t *testing.T) {
	k := testKeys()
	ed := enc.EncodeToString(k["ed"].Public().(ed25519.PublicKey))
	set := fmt.Sprintf(`{"keys":[
		{"kty":"OKP","crv":"Ed25519","x":%q,"kid":"a"},
		{"kty":"OKP","crv":"Ed25519","x":%q,"kid":"enc","use":"enc"},
		{"kty":"OKP","crv":"X25519","x":%q,"kid":"x"},
		{"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"bad"}]}`, ed, ed, ed)
	_, err := ParseJWKSet([]byte(set))
	if err == nil {
		t.Fatal("a set with a malformed key must be an error")
	}
	set = strings.Replace(set, `,
		{"kty":"EC","crv":"P-256","x":"AA","y":"AA","kid":"bad"}`, "", 1)
	keys, err := ParseJWKSet([]byte(set))
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0].Kid != "a" {
		t.Fatalf("keys = %+v, want only the signing key a", keys)
	}
	for _, bad := range []string{
		`{"keys":[{"kty":"OKP","crv":"Ed25519","x":"` + ed + `","d":"` + ed + `"}]}`,
		`{"kty":"OKP"}`,
		`[]`,
		`{"keys":[` + strings.Repeat(`{"kty":"OKP","crv":"X25519","x":"AA"},`, maxJWKSetKeys) + `{"kty":"oct"}]}`,
	} {
		if _, err := ParseJWKSet([]byte(bad)); err == nil {
			t.Errorf("ParseJWKSet(%.60s...) accepted", bad)
		}
	}
}

func isErr(target error) func(error) bool { return func(e error) bool { return errors.Is(e, target) } }
func asKeyError(e error) bool             { var x *KeyError; return errors.As(e, &x) }
func asMalformed(e error) bool            { var x *MalformedError; return errors.As(e, &x) }

func rsa1024(t *testing.T) string {
	r, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	return string(testutil.JSON(t, map[string]string{"kty": "RSA", "n": enc.EncodeToString(r.N.Bytes()), "e": "AQAB"}))
}

func FuzzParseJWK(f *testing.F) {
	f.Add([]byte(`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`))
	f.Add([]byte(`{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}`))
	f.Add([]byte(`{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB"}`))
	f.Add([]byte(`{"keys":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if k, err := ParseJWK(b); err == nil {
			if usable(k.Key) != nil {
				t.Fatalf("ParseJWK returned an unusable key %T", k.Key)
			}
		}
		_, _ = ParseJWKSet(b)
	})
}

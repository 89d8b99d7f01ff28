package jose

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
)

// Keys are generated once: RSA generation is slow.
var testKeys = sync.OnceValue(func() map[string]crypto.Signer {
	r, _ := rsa.GenerateKey(rand.Reader, 2048)
	r2, _ := rsa.GenerateKey(rand.Reader, 2048)
	_, ed, _ := ed25519.GenerateKey(rand.Reader)
	_, ed2, _ := ed25519.GenerateKey(rand.Reader)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p256b, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	p384, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	p521, _ := ecdsa.GenerateKey(elliptic.P521(), rand.Reader)
	return map[string]crypto.Signer{"rsa": r, "rsa2": r2, "ed": ed, "ed2": ed2,
		"p256": p256, "p256b": p256b, "p384": p384, "p521": p521}
})

var enc = base64.RawURLEncoding

// signStd makes a compact JWS with the standard library alone, so that the
// jwx-based Verify is checked against an independent signer.
func signStd(t testing.TB, header map[string]any, payload string, key crypto.Signer) string {
	t.Helper()
	hb, _ := json.Marshal(header)
	input := enc.EncodeToString(hb) + "." + enc.EncodeToString([]byte(payload))
	alg, _ := header["alg"].(string)
	digest := func(h crypto.Hash) []byte {
		x := h.New()
		x.Write([]byte(input))
		return x.Sum(nil)
	}
	hashOf := map[string]crypto.Hash{"256": crypto.SHA256, "384": crypto.SHA384, "512": crypto.SHA512}
	var sig []byte
	var err error
	switch {
	case alg == "EdDSA":
		sig = ed25519.Sign(key.(ed25519.PrivateKey), []byte(input))
	case strings.HasPrefix(alg, "RS"):
		h := hashOf[alg[2:]]
		sig, err = rsa.SignPKCS1v15(rand.Reader, key.(*rsa.PrivateKey), h, digest(h))
	case strings.HasPrefix(alg, "PS"):
		h := hashOf[alg[2:]]
		sig, err = rsa.SignPSS(rand.Reader, key.(*rsa.PrivateKey), h, digest(h), &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	case strings.HasPrefix(alg, "ES"):
		k := key.(*ecdsa.PrivateKey)
		// Hash by the algorithm's name, not the key's curve, so that
		// mismatched tokens can be made on purpose.
		h := hashOf[alg[2:]]
		r, s, e := ecdsa.Sign(rand.Reader, k, digest(h))
		err = e
		n := (k.Curve.Params().BitSize + 7) / 8
		sig = make([]byte, 2*n)
		r.FillBytes(sig[:n])
		s.FillBytes(sig[n:])
	case strings.HasPrefix(alg, "HS"):
		// The classic attack: the verifier's public key used as MAC secret.
		m := hmac.New(sha256.New, []byte("public key bytes"))
		m.Write([]byte(input))
		sig = m.Sum(nil)
	case alg == "none" || alg == "None":
	default:
		t.Fatalf("signStd: no algorithm %q", alg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + enc.EncodeToString(sig)
}

func TestVerifyAlgorithms(t *testing.T) {
	k := testKeys()
	for _, tc := range []struct {
		alg, key string
	}{
		{"RS256", "rsa"}, {"RS384", "rsa"}, {"RS512", "rsa"},
		{"PS256", "rsa"}, {"PS384", "rsa"}, {"PS512", "rsa"},
		{"ES256", "p256"}, {"ES384", "p384"}, {"ES512", "p521"},
		{"EdDSA", "ed"},
	} {
		t.Run(tc.alg, func(t *testing.T) {
			tok, err := Parse(signStd(t, map[string]any{"alg": tc.alg}, `{"iss":"x"}`, k[tc.key]))
			if err != nil {
				t.Fatal(err)
			}
			if err := tok.Verify(k[tc.key].Public()); err != nil {
				t.Fatalf("valid %s token: %v", tc.alg, err)
			}
		})
	}
}

func TestVerifyRefusals(t *testing.T) {
	k := testKeys()
	short, _ := rsa.GenerateKey(rand.Reader, 1024)
	tampered := func(tok string) string {
		p := strings.Split(tok, ".")
		p[1] = enc.EncodeToString([]byte(`{"iss":"mallory"}`))
		return strings.Join(p, ".")
	}
	type check func(error) bool
	is := func(target error) check { return func(e error) bool { return errors.Is(e, target) } }
	mismatch := func(e error) bool { var x *AlgKeyMismatchError; return errors.As(e, &x) }
	badSig := func(e error) bool { var x *SignatureError; return errors.As(e, &x) }
	unsupported := func(e error) bool { var x *UnsupportedAlgError; return errors.As(e, &x) }
	badKey := func(e error) bool { var x *KeyError; return errors.As(e, &x) }

	for _, tc := range []struct {
		name   string
		token  string
		verify crypto.PublicKey
		want   check
	}{
		{"alg none", signStd(t, map[string]any{"alg": "none"}, `{}`, nil), k["rsa"].Public(), is(ErrAlgNone)},
		{"alg None", signStd(t, map[string]any{"alg": "None"}, `{}`, nil), k["rsa"].Public(), is(ErrAlgNone)},
		{"HS256 with a public key as secret", signStd(t, map[string]any{"alg": "HS256"}, `{}`, nil), k["rsa"].Public(), is(ErrHMAC)},
		{"HS512", junkToken("HS512"), k["ed"].Public(), is(ErrHMAC)},
		{"ES256K unsupported", junkToken("ES256K"), k["p256"].Public(), unsupported},
		{"RSA key, ES256 token", signStd(t, map[string]any{"alg": "ES256"}, `{}`, k["p256"]), k["rsa"].Public(), mismatch},
		{"P-384 key, ES256 token", signStd(t, map[string]any{"alg": "ES256"}, `{}`, k["p384"]), k["p384"].Public(), mismatch},
		{"P-256 key, ES384 token", signStd(t, map[string]any{"alg": "ES384"}, `{}`, k["p256"]), k["p256"].Public(), mismatch},
		{"Ed25519 key, RS256 token", signStd(t, map[string]any{"alg": "RS256"}, `{}`, k["rsa"]), k["ed"].Public(), mismatch},
		{"EC key, EdDSA token", signStd(t, map[string]any{"alg": "EdDSA"}, `{}`, k["ed"]), k["p256"].Public(), mismatch},
		{"RSA key, EdDSA token", signStd(t, map[string]any{"alg": "EdDSA"}, `{}`, k["ed"]), k["rsa"].Public(), mismatch},
		{"RSA-1024", signStd(t, map[string]any{"alg": "RS256"}, `{}`, short), short.Public(), badKey},
		{"not a public key", signStd(t, map[string]any{"alg": "EdDSA"}, `{}`, k["ed"]), k["ed"], badKey},
		{"RS256 tampered", tampered(signStd(t, map[string]any{"alg": "RS256"}, `{"iss":"a"}`, k["rsa"])), k["rsa"].Public(), badSig},
		{"ES256 tampered", tampered(signStd(t, map[string]any{"alg": "ES256"}, `{"iss":"a"}`, k["p256"])), k["p256"].Public(), badSig},
		{"EdDSA tampered", tampered(signStd(t, map[string]any{"alg": "EdDSA"}, `{"iss":"a"}`, k["ed"])), k["ed"].Public(), badSig},
		{"RS256 other key", signStd(t, map[string]any{"alg": "RS256"}, `{}`, k["rsa"]), k["rsa2"].Public(), badSig},
		{"PS256 as RS256", swapAlg(signStd(t, map[string]any{"alg": "PS256"}, `{}`, k["rsa"]), "RS256"), k["rsa"].Public(), badSig},
		{"ES256 other key", signStd(t, map[string]any{"alg": "ES256"}, `{}`, k["p256"]), k["p256b"].Public(), badSig},
		{"EdDSA other key", signStd(t, map[string]any{"alg": "EdDSA"}, `{}`, k["ed"]), k["ed2"].Public(), badSig},
		{"EdDSA empty signature", stripSig(signStd(t, map[string]any{"alg": "EdDSA"}, `{}`, k["ed"])), k["ed"].Public(), badSig},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok, err := Parse(tc.token)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			err = tok.Verify(tc.verify)
			if err == nil || !tc.want(err) {
				t.Fatalf("Verify error = %v (%T)", err, err)
			}
		})
	}
}

// junkToken is a token whose header names alg and whose signature is junk.
func junkToken(alg string) string {
	hb, _ := json.Marshal(map[string]string{"alg": alg})
	return enc.EncodeToString(hb) + "." + enc.EncodeToString([]byte("{}")) + "." + enc.EncodeToString([]byte("sig"))
}

// swapAlg replaces the header (and so invalidates the signature input).
func swapAlg(tok, alg string) string {
	p := strings.Split(tok, ".")
	hb, _ := json.Marshal(map[string]string{"alg": alg})
	p[0] = enc.EncodeToString(hb)
	return strings.Join(p, ".")
}

func stripSig(tok string) string { return tok[:strings.LastIndex(tok, ".")+1] }

func TestParse(t *testing.T) {
	k := testKeys()
	pub, _ := json.Marshal(map[string]string{"kty": "OKP", "crv": "Ed25519", "x": enc.EncodeToString(k["ed"].Public().(ed25519.PublicKey))})
	tok, err := Parse(signStd(t, map[string]any{"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": "did:example:1#k",
		"jwk": json.RawMessage(pub), "x5u": "https://evil.example/", "iat": 1}, `{"a":1}`, k["ed"]))
	if err != nil {
		t.Fatal(err)
	}
	h := tok.Header
	if h.Alg != "EdDSA" || h.Typ != "vc+jwt" || h.Cty != "vc" || h.Kid != "did:example:1#k" {
		t.Errorf("header = %+v", h)
	}
	if h.JWK == nil || !h.JWK.Key.(ed25519.PublicKey).Equal(k["ed"].Public()) {
		t.Errorf("jwk = %+v", h.JWK)
	}
	if !reflect.DeepEqual(h.Extra, []string{"iat", "x5u"}) {
		t.Errorf("Extra = %v", h.Extra)
	}
	if string(tok.Payload) != `{"a":1}` {
		t.Errorf("payload = %s", tok.Payload)
	}
	if !ed25519.Verify(k["ed"].Public().(ed25519.PublicKey), tok.SigningInput, tok.Signature) {
		t.Error("SigningInput and Signature do not verify by hand")
	}
	if err := tok.Verify(h.JWK.Key); err != nil {
		t.Error(err)
	}
}

func TestParseErrors(t *testing.T) {
	h := func(s string) string { return enc.EncodeToString([]byte(s)) }
	p := h(`{}`)
	priv, _ := json.Marshal(map[string]string{"kty": "OKP", "crv": "Ed25519", "x": enc.EncodeToString(make([]byte, 32)), "d": enc.EncodeToString(make([]byte, 32))})
	many := `{"alg":"EdDSA"`
	for i := range 40 {
		many += `,"h` + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `":1`
	}
	many += "}"
	for _, tc := range []struct {
		name, token string
		want        error // nil: any *MalformedError
	}{
		{"two parts", h(`{"alg":"EdDSA"}`) + "." + p, nil},
		{"JWE", "a.b.c.d.e", nil},
		{"header not base64url", "!!." + p + ".", nil},
		{"padded base64", h(`{"alg":"EdDSA"}`) + "=." + p + ".", nil},
		{"standard base64 alphabet", "eyJhbGciOiJFZERTQSJ9+/." + p + ".", nil},
		{"header not an object", h(`["alg"]`) + "." + p + ".", nil},
		{"header not JSON", h(`{"alg":`) + "." + p + ".", nil},
		{"trailing data after header", h(`{"alg":"EdDSA"} {}`) + "." + p + ".", nil},
		{"duplicate alg", h(`{"alg":"EdDSA","alg":"none"}`) + "." + p + ".", nil},
		{"no alg", h(`{"typ":"JWT"}`) + "." + p + ".", nil},
		{"alg not a string", h(`{"alg":1}`) + "." + p + ".", nil},
		{"kid not a string", h(`{"alg":"EdDSA","kid":{}}`) + "." + p + ".", nil},
		{"crit", h(`{"alg":"EdDSA","crit":["b64"],"b64":false}`) + "." + p + ".", nil},
		{"too many header members", h(many) + "." + p + ".", nil},
		{"empty payload", h(`{"alg":"EdDSA"}`) + ".." + h("sig"), nil},
		{"payload not base64url", h(`{"alg":"EdDSA"}`) + ".**." + h("sig"), nil},
		{"signature not base64url", h(`{"alg":"EdDSA"}`) + "." + p + ".**", nil},
		{"too large", h(`{"alg":"EdDSA"}`) + "." + strings.Repeat("A", MaxTokenBytes) + ".", nil},
		{"huge header", h(`{"alg":"EdDSA","x":"`+strings.Repeat("a", 20000)+`"}`) + "." + p + ".", nil},
		{"private jwk", h(`{"alg":"EdDSA","jwk":`+string(priv)+`}`) + "." + p + ".", ErrPrivateJWK},
		{"symmetric jwk", h(`{"alg":"HS256","jwk":{"kty":"oct","k":"c2VjcmV0"}}`) + "." + p + ".", ErrPrivateJWK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok, err := Parse(tc.token)
			if err == nil {
				t.Fatalf("Parse = %+v, want an error", tok.Header)
			}
			var mal *MalformedError
			if tc.want != nil && !errors.Is(err, tc.want) || tc.want == nil && !errors.As(err, &mal) {
				t.Fatalf("error = %v (%T)", err, err)
			}
		})
	}
}

func TestSign(t *testing.T) {
	k := testKeys()
	for _, tc := range []struct{ key, alg string }{{"ed", "EdDSA"}, {"p256", "ES256"}, {"p384", "ES384"}} {
		t.Run(tc.alg, func(t *testing.T) {
			s, err := Sign([]byte(`{"vp":1}`), k[tc.key], SignOptions{Typ: "vp+jwt", Kid: "did:key:z#z", JWK: true})
			if err != nil {
				t.Fatal(err)
			}
			tok, err := Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			h := tok.Header
			if h.Alg != tc.alg || h.Typ != "vp+jwt" || h.Kid != "did:key:z#z" || len(h.Extra) != 0 {
				t.Errorf("header = %+v", h)
			}
			if h.JWK == nil || !h.JWK.Key.(interface{ Equal(crypto.PublicKey) bool }).Equal(k[tc.key].Public()) {
				t.Errorf("jwk header is not the signer's public key")
			}
			if err := tok.Verify(k[tc.key].Public()); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("bare", func(t *testing.T) {
		s, err := Sign([]byte(`{}`), k["ed"], SignOptions{})
		if err != nil {
			t.Fatal(err)
		}
		tok, err := Parse(s)
		if err != nil || tok.Header.JWK != nil || tok.Header.Typ != "" || tok.Header.Kid != "" {
			t.Fatalf("Parse = %+v, %v", tok, err)
		}
	})
	for _, name := range []string{"rsa", "p521"} {
		var ke *KeyError
		if _, err := Sign([]byte(`{}`), k[name], SignOptions{}); !errors.As(err, &ke) {
			t.Errorf("Sign with %s: error = %v, want *KeyError", name, err)
		}
	}
}

// The OB 3.0 specification's rendered examples are RS256 JWTs that carry
// their public key in a jwk header (shared/vectors/1edtech/SOURCES.md).
func TestSpecExampleJWTs(t *testing.T) {
	dir := vectors.Dir(t, "1edtech", "spec-rendered-examples")
	files, _ := filepath.Glob(filepath.Join(dir, "*.jwt"))
	if len(files) == 0 {
		t.Fatalf("no .jwt files in %s", dir)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tok, err := Parse(strings.TrimSpace(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			if tok.Header.Alg != "RS256" || tok.Header.Typ != "JWT" || tok.Header.JWK == nil || len(tok.Header.Extra) != 0 {
				t.Fatalf("header = %+v", tok.Header)
			}
			if err := tok.Verify(tok.Header.JWK.Key); err != nil {
				t.Fatal(err)
			}
			// One changed byte of payload must break it.
			p := strings.Split(strings.TrimSpace(string(b)), ".")
			payload, _ := enc.DecodeString(p[1])
			payload[len(payload)/2] ^= 1
			p[1] = enc.EncodeToString(payload)
			bad, err := Parse(strings.Join(p, "."))
			if err != nil {
				t.Fatal(err)
			}
			var se *SignatureError
			if err := bad.Verify(tok.Header.JWK.Key); !errors.As(err, &se) {
				t.Fatalf("tampered example: error = %v", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	k := testKeys()
	f.Add(signStd(f, map[string]any{"alg": "EdDSA", "kid": "#0"}, `{"iss":"x"}`, k["ed"]))
	f.Add(signStd(f, map[string]any{"alg": "ES256", "typ": "JWT"}, `{"iss":"x"}`, k["p256"]))
	s, _ := Sign([]byte(`{"a":1}`), k["p256"], SignOptions{JWK: true})
	f.Add(s)
	f.Add("e30.e30.")
	f.Add("a.b.c.d.e")
	f.Fuzz(func(t *testing.T, token string) {
		tok, err := Parse(token)
		if err != nil {
			return
		}
		if tok.Header.Alg == "" || len(tok.Payload) == 0 {
			t.Fatalf("Parse accepted a token without alg or payload: %q", token)
		}
		// Verify must refuse or check, never panic; a fuzzed token must not
		// verify under a key that did not sign it.
		if tok.Verify(k["ed"].Public()) == nil && !ed25519.Verify(k["ed"].Public().(ed25519.PublicKey), tok.SigningInput, tok.Signature) {
			t.Fatalf("Verify accepted a signature ed25519.Verify refuses: %q", token)
		}
		if tok.Header.JWK != nil {
			_ = tok.Verify(tok.Header.JWK.Key)
		}
	})
}

func benchVerify(b *testing.B, alg string, key crypto.Signer) {
	tok, err := Parse(signStd(b, map[string]any{"alg": alg, "typ": "JWT"}, strings.Repeat(`{"credentialSubject":"x"}`, 100), key))
	if err != nil {
		b.Fatal(err)
	}
	pub := key.Public()
	b.ReportAllocs()
	for b.Loop() {
		if err := tok.Verify(pub); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyRS256(b *testing.B) {
	k, _ := rsa.GenerateKey(rand.Reader, 2048)
	benchVerify(b, "RS256", k)
}

func BenchmarkVerifyES256(b *testing.B) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	benchVerify(b, "ES256", k)
}

func BenchmarkVerifyEdDSA(b *testing.B) {
	_, k, _ := ed25519.GenerateKey(rand.Reader)
	benchVerify(b, "EdDSA", k)
}

package present_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/present"
)

var created = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// issuer is a fixed Ed25519 issuer key named as did:key.
var issuer = ed25519.NewKeyFromSeed(func() []byte { s := sha256.Sum256([]byte("present_test issuer")); return s[:] }())

func issuerDID(t *testing.T) (id, vm string) {
	t.Helper()
	mb, err := multikey.Encode(issuer.Public())
	if err != nil {
		t.Fatal(err)
	}
	return "did:key:" + mb, "did:key:" + mb + "#" + mb
}

// badge returns an OB 3.0 credential of the given VC Data Model version,
// issued to subject and signed with eddsa-rdfc-2022.
func badge(t *testing.T, version int, subject string) []byte {
	t.Helper()
	did, vm := issuerDID(t)
	doc := map[string]any{
		"@context": []any{credential.ContextV2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":       "urn:uuid:2f7a4b8e-5d1c-4e3a-9b6f-0c8d7e6f5a41",
		"type":     []any{"VerifiableCredential", "OpenBadgeCredential"},
		"issuer":   map[string]any{"id": did, "type": []any{"Profile"}, "name": "Present Test Issuer"},
		"name":     "Bundled badge",
		"credentialSubject": map[string]any{
			"id":   subject,
			"type": []any{"AchievementSubject"},
			"achievement": map[string]any{
				"id": "https://achievements.example/bundled", "type": []any{"Achievement"}, "name": "Bundled",
				"description": "Put in a presentation.", "criteria": map[string]any{"narrative": "Be bundled."},
			},
		},
	}
	if version == 1 {
		doc["@context"] = []any{credential.ContextV1, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "https://w3id.org/security/data-integrity/v2"}
		doc["issuanceDate"] = "2025-01-01T00:00:00Z"
	} else {
		doc["validFrom"] = "2025-01-01T00:00:00Z"
	}
	signed, err := proof.Sign(doc, proof.Options{Cryptosuite: "eddsa-rdfc-2022", VerificationMethod: vm, ProofPurpose: "assertionMethod", Created: created}, issuer)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jwtBadge returns badge as a JWT: VC-JOSE-COSE (typ vc+jwt, the payload is
// the credential) or, with vcClaim, a VC 1.1 style VC-JWT (the vc claim).
func jwtBadge(t *testing.T, version int, vcClaim bool) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(badge(t, version, "did:example:learner"), &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "proof")
	did, vm := issuerDID(t)
	payload, typ := doc, "vc+jwt"
	if vcClaim {
		payload, typ = map[string]any{"vc": doc, "iss": did, "sub": "did:example:learner", "nbf": 1735689600}, "JWT"
	}
	b, _ := json.Marshal(payload)
	token, err := jose.Sign(b, issuer, jose.SignOptions{Typ: typ, Kid: vm})
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func newKey(t *testing.T, typ holder.Type) *holder.Key {
	t.Helper()
	k, err := holder.Generate(typ)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestDataIntegrity(t *testing.T) {
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		t.Run(string(typ), func(t *testing.T) {
			k := newKey(t, typ)
			in := badge(t, 2, k.DID())
			out, err := present.Create([][]byte{in}, present.Options{Key: k, Challenge: "c-123", Domain: "verifier.example", Created: created, ID: "urn:uuid:8c4f3a1e-0b2d-4e6f-9a7c-5d3e2f1a0b9c"})
			if err != nil {
				t.Fatal(err)
			}
			vp := testutil.Decode(t, out)
			if got := jsonval.Strings(vp["@context"]); len(got) != 1 || got[0] != credential.ContextV2 {
				t.Errorf("@context %v", got)
			}
			if !credential.HasType(vp, "VerifiablePresentation") || vp["holder"] != k.DID() || vp["id"] != "urn:uuid:8c4f3a1e-0b2d-4e6f-9a7c-5d3e2f1a0b9c" {
				t.Errorf("envelope %v %v %v", vp["type"], vp["holder"], vp["id"])
			}
			// The credential is embedded exactly: its issuer's proof still holds.
			creds := jsonval.List(vp["verifiableCredential"])
			if len(creds) != 1 {
				t.Fatalf("%d credentials", len(creds))
			}
			embedded := creds[0].(map[string]any)
			ps, _ := proof.Parse(embedded)
			if err := proof.Verify(embedded, &ps[0], issuer.Public()); err != nil {
				t.Errorf("the embedded credential no longer verifies: %v", err)
			}
			ps, err = proof.Parse(vp)
			if err != nil || len(ps) != 1 {
				t.Fatalf("proof: %v", err)
			}
			p := ps[0]
			if p.Cryptosuite != k.Cryptosuite() || p.ProofPurpose != "authentication" || p.Challenge != "c-123" || p.Domain != "verifier.example" ||
				p.VerificationMethod != k.VerificationMethod() || p.Created != "2026-03-01T12:00:00Z" {
				t.Errorf("proof %v", p.Raw)
			}
			if err := proof.Verify(vp, &p, k.Public()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestEnvelopes(t *testing.T) {
	k := newKey(t, holder.Ed25519)
	vcJOSE := jwtBadge(t, 2, false)
	vcJWT := jwtBadge(t, 1, true)
	v1, v2 := badge(t, 1, k.DID()), badge(t, 2, k.DID())
	for _, tc := range []struct {
		name    string
		in      []string
		context []string // the presentation's @context
		creds   []string // what each entry of verifiableCredential is
	}{
		{"JSON-LD v2", []string{string(v2)}, []string{credential.ContextV2}, []string{"object"}},
		{"VC-JOSE", []string{vcJOSE}, []string{credential.ContextV2}, []string{"data:application/vc+jwt," + vcJOSE}},
		// A VC 1.1 JWT cannot be embedded in JSON-LD: the VC 2.0 envelope
		// carries it, named as a plain JWT.
		{"VC 1.1 JWT", []string{vcJWT}, []string{credential.ContextV2}, []string{"data:application/jwt," + vcJWT}},
		{"mixed", []string{string(v1), vcJOSE, string(v2)}, []string{credential.ContextV2}, []string{"object", "data:application/vc+jwt," + vcJOSE, "object"}},
		{"all VC 1.1", []string{string(v1), string(v1)}, []string{credential.ContextV1, "https://w3id.org/security/data-integrity/v2"}, []string{"object", "object"}},
		{"VC 1.1 and a VC 1.1 JWT", []string{string(v1), vcJWT}, []string{credential.ContextV2}, []string{"object", "data:application/jwt," + vcJWT}},
		{"no credentials", nil, []string{credential.ContextV2}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := make([][]byte, len(tc.in))
			for i, s := range tc.in {
				in[i] = []byte("\n " + s + "\n") // surrounding space, as read from a file
			}
			out, err := present.Create(in, present.Options{Key: k, Challenge: "c", Created: created})
			if err != nil {
				t.Fatal(err)
			}
			vp := testutil.Decode(t, out)
			if got := jsonval.Strings(vp["@context"]); fmt.Sprint(got) != fmt.Sprint(tc.context) {
				t.Errorf("@context %v, want %v", got, tc.context)
			}
			creds := jsonval.List(vp["verifiableCredential"])
			if len(creds) != len(tc.creds) {
				t.Fatalf("%d credentials, want %d", len(creds), len(tc.creds))
			}
			for i, c := range creds {
				m := c.(map[string]any)
				if tc.creds[i] == "object" {
					if !credential.HasType(m, "VerifiableCredential") {
						t.Errorf("credential %d: %v", i+1, m["type"])
					}
					continue
				}
				if !credential.HasType(m, "EnvelopedVerifiableCredential") || m["id"] != tc.creds[i] || m["@context"] != credential.ContextV2 {
					t.Errorf("credential %d: %v", i+1, m)
				}
			}
			ps, _ := proof.Parse(vp)
			if err := proof.Verify(vp, &ps[0], k.Public()); err != nil {
				t.Errorf("holder proof: %v", err)
			}
		})
	}
}

func TestJWT(t *testing.T) {
	vcJOSE := jwtBadge(t, 2, false)
	vcJWT := jwtBadge(t, 1, true)
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		k := newKey(t, typ)
		alg := map[holder.Type]string{holder.Ed25519: "EdDSA", holder.P256: "ES256"}[typ]
		t.Run(string(typ)+"/VC 2.0", func(t *testing.T) {
			out, err := present.Create([][]byte{badge(t, 2, k.DID()), []byte(vcJOSE)}, present.Options{Key: k, Format: present.JWT, Challenge: "n-1", Domain: "verifier.example", Created: created})
			if err != nil {
				t.Fatal(err)
			}
			tok, payload := parse(t, string(out), k, alg, "vp+jwt")
			// VC-JOSE-COSE §3.2: the payload is the presentation, no vp claim.
			if _, has := payload["vp"]; has {
				t.Error("a vp claim in a vp+jwt")
			}
			if payload["holder"] != k.DID() || payload["nonce"] != "n-1" || payload["aud"] != "verifier.example" || payload["iat"] != float64(created.Unix()) {
				t.Errorf("claims %v", payload)
			}
			if credential.Version(payload) != 2 || !credential.HasType(payload, "VerifiablePresentation") {
				t.Errorf("payload is not a VC 2.0 presentation: %v", payload["@context"])
			}
			creds := jsonval.List(payload["verifiableCredential"])
			if len(creds) != 2 || creds[1].(map[string]any)["id"] != "data:application/vc+jwt,"+vcJOSE {
				t.Errorf("credentials %v", creds)
			}
			if tok.Header.JWK != nil {
				t.Error("the key travels in the header: kid names it")
			}
		})
		t.Run(string(typ)+"/VC 1.1", func(t *testing.T) {
			out, err := present.Create([][]byte{badge(t, 1, k.DID()), []byte(vcJWT)}, present.Options{Key: k, Format: present.JWT, Challenge: "n-2", Domain: "verifier.example", Created: created, ID: "urn:uuid:1"})
			if err != nil {
				t.Fatal(err)
			}
			_, payload := parse(t, string(out), k, alg, "JWT")
			// VC 1.1 §6.3.1: iss is the holder, the presentation is in vp and
			// JWT credentials are listed as strings.
			if payload["iss"] != k.DID() || payload["nonce"] != "n-2" || payload["aud"] != "verifier.example" || payload["jti"] != "urn:uuid:1" {
				t.Errorf("claims %v", payload)
			}
			vp, ok := payload["vp"].(map[string]any)
			if !ok || credential.Version(vp) != 1 || vp["holder"] != k.DID() {
				t.Fatalf("vp claim %v", payload["vp"])
			}
			creds := jsonval.List(vp["verifiableCredential"])
			if len(creds) != 2 || creds[1] != vcJWT {
				t.Errorf("credentials %v", creds)
			}
			if _, ok := creds[0].(map[string]any); !ok {
				t.Errorf("the JSON-LD credential is not embedded: %T", creds[0])
			}
		})
	}
	// Without challenge and domain the claims are absent, not empty.
	k := newKey(t, holder.Ed25519)
	out, err := present.Create([][]byte{[]byte(vcJOSE)}, present.Options{Key: k, Format: present.JWT})
	if err != nil {
		t.Fatal(err)
	}
	_, payload := parse(t, string(out), k, "EdDSA", "vp+jwt")
	if _, has := payload["nonce"]; has {
		t.Error("nonce without a challenge")
	}
	if _, has := payload["aud"]; has {
		t.Error("aud without a domain")
	}
}

// parse checks a VP-JWT's header and signature and returns its payload.
func parse(t *testing.T, token string, k *holder.Key, alg, typ string) (*jose.Token, map[string]any) {
	t.Helper()
	tok, err := jose.Parse(token)
	if err != nil {
		t.Fatal(err)
	}
	if tok.Header.Alg != alg || tok.Header.Typ != typ || tok.Header.Kid != k.VerificationMethod() {
		t.Errorf("header %+v", tok.Header)
	}
	if err := tok.Verify(k.Public()); err != nil {
		t.Fatal(err)
	}
	return tok, testutil.Decode(t, tok.Payload)
}

func TestErrors(t *testing.T) {
	k := newKey(t, holder.Ed25519)
	good := badge(t, 2, k.DID())
	var unsigned map[string]any
	_ = json.Unmarshal(good, &unsigned)
	delete(unsigned, "proof")
	unsignedJSON, _ := json.Marshal(unsigned)
	vp, err := present.Create([][]byte{good}, present.Options{Key: k})
	if err != nil {
		t.Fatal(err)
	}
	none := "eyJhbGciOiJub25lIn0." + strings.Split(jwtBadge(t, 2, false), ".")[1] + "."

	if _, err := present.Create([][]byte{good}, present.Options{}); !errors.Is(err, present.ErrNoKey) {
		t.Errorf("no key: %v", err)
	}
	var fe *present.FormatError
	if _, err := present.Create([][]byte{good}, present.Options{Key: k, Format: "cbor"}); !errors.As(err, &fe) {
		t.Errorf("unknown format: %v", err)
	}
	for name, tc := range map[string]struct {
		in     [][]byte
		index  int
		reason string
	}{
		"empty":        {[][]byte{good, []byte("  ")}, 2, "empty"},
		"garbage":      {[][]byte{[]byte("hello")}, 1, "neither a JSON credential nor a JWT"},
		"unsigned":     {[][]byte{unsignedJSON}, 1, "no proof"},
		"presentation": {[][]byte{vp}, 1, "cannot be put inside another presentation"},
		"not a VC":     {[][]byte{[]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["Thing"],"proof":{}}`)}, 1, "type does not include VerifiableCredential"},
		"no context":   {[][]byte{[]byte(`{"type":["VerifiableCredential"],"proof":{}}`)}, 1, "first @context"},
		"bad JSON":     {[][]byte{[]byte(`{"a":`)}, 1, "not valid JSON"},
		"alg none":     {[][]byte{[]byte(none)}, 1, "not signed"},
		"JWT of junk":  {[][]byte{[]byte("eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln")}, 1, "the first @context"},
		"too many":     {make([][]byte, present.MaxCredentials+1), present.MaxCredentials + 1, "at most"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := present.Create(tc.in, present.Options{Key: k})
			var ce *present.CredentialError
			if !errors.As(err, &ce) || ce.Index != tc.index || !strings.Contains(ce.Reason, tc.reason) {
				t.Errorf("err = %v, want credential %d: …%s…", err, tc.index, tc.reason)
			}
		})
	}
}

// TestNoPrivateKeyInOutput: neither form carries the private key.
func TestNoPrivateKeyInOutput(t *testing.T) {
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		k := newKey(t, typ)
		priv, _ := k.MarshalPrivateJWK()
		var j struct{ D string }
		_ = json.Unmarshal(priv, &j)
		for _, f := range []present.Format{present.DataIntegrity, present.JWT} {
			out, err := present.Create([][]byte{badge(t, 2, k.DID())}, present.Options{Key: k, Format: f})
			if err != nil {
				t.Fatal(err)
			}
			text := string(out)
			if f == present.JWT {
				tok, err := jose.Parse(text)
				if err != nil {
					t.Fatal(err)
				}
				text = fmt.Sprintf("%s %+v", tok.Payload, tok.Header)
			}
			if strings.Contains(text, j.D) {
				t.Errorf("%s %s: the presentation contains the private key", typ, f)
			}
		}
	}
}

func FuzzCreate(f *testing.F) {
	k, err := holder.Generate(holder.Ed25519)
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"proof":{}}`))
	f.Add([]byte(`eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln`))
	f.Add([]byte(`{"@context":"https://www.w3.org/2018/credentials/v1","type":"VerifiableCredential","proof":[]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := present.Create([][]byte{in}, present.Options{Key: k, Format: present.JWT})
		if err != nil {
			return
		}
		// Whatever is accepted comes out as a token signed by the holder.
		tok, err := jose.Parse(string(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := tok.Verify(k.Public()); err != nil {
			t.Fatal(err)
		}
	})
}

// DataIntegrityJCS signs with the key's RFC 8785 suite, in the VC 2.0 and
// VC 1.1 forms, and the proof verifies.
func TestDataIntegrityJCS(t *testing.T) {
	for typ, suite := range map[holder.Type]string{holder.Ed25519: "eddsa-jcs-2022", holder.P256: "ecdsa-jcs-2019"} {
		for _, version := range []int{1, 2} {
			t.Run(fmt.Sprintf("%s/v%d", typ, version), func(t *testing.T) {
				k := newKey(t, typ)
				out, err := present.Create([][]byte{badge(t, version, k.DID())}, present.Options{Key: k, Format: present.DataIntegrityJCS, Challenge: "c-1", Created: created})
				if err != nil {
					t.Fatal(err)
				}
				vp := testutil.Decode(t, out)
				ps, err := proof.Parse(vp)
				if err != nil || len(ps) != 1 || ps[0].Cryptosuite != suite || ps[0].Challenge != "c-1" {
					t.Fatalf("proof %v (%v)", ps, err)
				}
				if err := proof.Verify(vp, &ps[0], k.Public()); err != nil {
					t.Fatal(err)
				}
				vp["holder"] = "did:example:someone-else"
				var sig *proof.SignatureError
				if err := proof.Verify(vp, &ps[0], k.Public()); !errors.As(err, &sig) {
					t.Fatalf("changed holder: %v", err)
				}
			})
		}
	}
}

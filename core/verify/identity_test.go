package verify_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

func TestSelfNamedDIDKeyIssuer(t *testing.T) {
	// A did:key issuer calling itself Harvard really did sign it: verified,
	// but the identity check says the name is its own claim…
	issuer := profile("{did}", "Harvard University")
	cred, _ := forge(t, issuer, "", nil)
	did := issuer["id"].(string)

	r := verdictOf(t, cred)
	want(t, r, report.Verified, outcomes("issuer", report.Pass, "identity", report.Skip))

	other := dccRegistry(t, map[string]string{"did:key:z6MkSomeoneElse": "Someone Else"})
	r = verdictOf(t, cred, verify.WithRegistries(registry.Source{Name: "Test registry", Data: other}))
	want(t, r, report.Verified, outcomes("identity", report.Warn))
	if !strings.Contains(r.Check("identity").Message, "own claim") {
		t.Errorf("identity: %s", r.Check("identity").Message)
	}
	// …until a registry the verifier uses lists it.
	listed := dccRegistry(t, map[string]string{did: "Harvard University"})
	r = verdictOf(t, cred, verify.WithRegistries(registry.Source{Data: listed}))
	want(t, r, report.Verified, outcomes("identity", report.Pass))
	if l := r.Summary.Issuer.Registry; l == nil || l.Name != "Harvard University" || l.Registry != "Test Registry" {
		t.Errorf("listing %+v", l)
	}
}

func TestSpoofedNames(t *testing.T) {
	for _, name := range []string{"\u0397arvard University", "Harvard\u202e ytisrevinU"} {
		cred := mustForge(t, profile("{did}", name))
		r := verdictOf(t, cred)
		want(t, r, report.Verified, outcomes("identity", report.Warn))
		if !strings.Contains(r.Check("identity").Message, "Be careful") {
			t.Errorf("%q: %s", name, r.Check("identity").Message)
		}
	}
}

// An OpenID Federation trust anchor's statements are verified against the
// anchor's keys: a listed issuer passes, a statement signed by anyone else
// is refused.
func TestOpenIDFederationRegistry(t *testing.T) {
	const anchorID = "https://registry.example.org"
	const fetchEndpoint = anchorID + "/fetch"
	anchorKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	raw, err := anchorKey.PublicKey.Bytes() // 0x04 ‖ x ‖ y
	if err != nil {
		t.Fatal(err)
	}
	jwk := map[string]any{"kty": "EC", "crv": "P-256", "kid": "anchor-1", "x": b64(raw[1:33]), "y": b64(raw[33:])}
	exp := time.Now().Add(time.Hour).Unix()
	sign := func(key *ecdsa.PrivateKey, claims map[string]any) []byte {
		b, _ := json.Marshal(claims)
		tok, err := jose.Sign(b, key, jose.SignOptions{Typ: "entity-statement+jwt", Kid: "anchor-1"})
		if err != nil {
			t.Fatal(err)
		}
		return []byte(tok)
	}
	ec := sign(anchorKey, map[string]any{"iss": anchorID, "sub": anchorID, "exp": exp, "jwks": map[string]any{"keys": []any{jwk}},
		"metadata": map[string]any{"federation_entity": map[string]any{"organization_name": "Example Federation", "federation_fetch_endpoint": fetchEndpoint}}})

	cred := mustForge(t, profile("{did}", "Example University"))
	var m map[string]any
	_ = json.Unmarshal(cred, &m)
	did := m["issuer"].(map[string]any)["id"].(string)
	statementURL := fetchEndpoint + "?sub=" + url.QueryEscape(did)
	sub := map[string]any{"iss": anchorID, "sub": did, "exp": exp,
		"metadata": map[string]any{"federation_entity": map[string]any{"organization_name": "Example University", "homepage_uri": "https://example.edu"},
			"institution_additional_information": map[string]any{"legal_name": "Example University Inc."}}}

	src := registry.Source{Name: "anchor file", Data: ec}
	r := verdictOf(t, cred, verify.WithRegistries(src), verify.WithDocuments(map[string][]byte{statementURL: sign(anchorKey, sub)}))
	want(t, r, report.Verified, outcomes("identity", report.Warn)) // listed, under its legal name
	if l := r.Summary.Issuer.Registry; l == nil || l.Name != "Example University Inc." || l.Registry != "Example Federation" {
		t.Errorf("listing %+v", l)
	}
	impostor, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	r = verdictOf(t, cred, verify.WithRegistries(src), verify.WithDocuments(map[string][]byte{statementURL: sign(impostor, sub)}))
	if c := r.Check("identity"); c.Outcome == report.Pass || r.Summary.Issuer.Registry != nil || !strings.Contains(c.Detail, "not signed by any of the trust anchor's keys") {
		t.Errorf("a statement the anchor did not sign was believed: %+v", c)
	}
}

package verify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/present"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// The forgeries and honest credentials of the Trust issue: what an attacker
// can sign correctly must never read as verified, and what an honest issuer
// signs must not read as a forgery.

// forge signs an OB 3.0 badge with a fresh Ed25519 key, naming the given
// issuer and verification method (vm may contain "{key}", replaced by the
// key's multikey; "" is the key's own did:key method, and an issuer id
// "{did}" becomes that did:key).
func forge(t *testing.T, issuer map[string]any, vm string, edit func(doc map[string]any)) ([]byte, ed25519.PublicKey) {
	t.Helper()
	k := testutil.NewDIDKey(t)
	mk := k.Multikey
	if id, _ := issuer["id"].(string); id == "{did}" {
		issuer["id"] = k.DID
	}
	if vm == "" {
		vm = "did:key:{key}#{key}"
	}
	vm = strings.ReplaceAll(vm, "{key}", mk)
	doc := map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:2f3a7f0e-3c0b-4a51-9d55-8f5d3c2a1b00",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Doctor of Medicine",
		"issuer":    issuer,
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id":   "did:example:mallory",
			"type": []any{"AchievementSubject"},
			"achievement": map[string]any{
				"id": "https://example.org/achievements/md", "type": []any{"Achievement"}, "name": "Doctor of Medicine",
				"description": "Medical degree.", "criteria": map[string]any{"narrative": "Graduate."},
			},
		},
	}
	if edit != nil {
		edit(doc)
	}
	return testutil.Sign(t, doc, k.Private, vm), k.Public
}

func profile(id, name string) map[string]any {
	return map[string]any{"id": id, "type": []any{"Profile"}, "name": name}
}

func verdictOf(t *testing.T, in []byte, opts ...verify.Option) *report.Report {
	t.Helper()
	r := verify.New(append([]verify.Option{verify.WithTime(at)}, opts...)...).Verify(context.Background(), in, "forgery")
	if r.Verified != (r.Verdict == report.Verified) {
		t.Fatalf("verified %v with verdict %s", r.Verified, r.Verdict)
	}
	return r
}

func want(t *testing.T, r *report.Report, v report.Verdict, checks map[string]report.Outcome) {
	t.Helper()
	check(t, r, expect{verdict: v, checks: checks})
}

// answering is an online fetcher that answers every URL with fn.
func answering(fn func(u string) ([]byte, error)) verify.Option {
	return verify.WithFetcher(fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) { return fn(u) }))
}

const harvard = "https://www.harvard.edu/issuers/registrar"

func TestForgedHTTPSIssuerWithFragmentKey(t *testing.T) {
	P, S, F := report.Pass, report.Skip, report.Fail
	cred, pub := forge(t, profile(harvard, "Harvard University"), harvard+"#{key}", nil)

	// Offline: the signature holds, nothing ties the key to Harvard.
	r := verdictOf(t, cred)
	want(t, r, report.Incomplete, outcomes("proof", P, "issuer", S))
	if len(r.Missing) != 1 || r.Missing[0].URL != harvard || r.Missing[0].Remedy != report.RemedyOnline {
		t.Errorf("missing = %+v, want the issuer's document, online", r.Missing)
	}
	// Online, the host answers 404, an HTML page, or nothing: never verified.
	for name, fn := range map[string]func(string) ([]byte, error){
		"404":        func(u string) ([]byte, error) { return nil, &fetch.StatusError{URL: u, Code: 404} },
		"no answer":  func(string) ([]byte, error) { return nil, errors.New("dial tcp: connection refused") },
		"HTML page":  func(string) ([]byte, error) { return []byte("<html><body>Harvard</body></html>"), nil },
		"other keys": func(string) ([]byte, error) { return controllerDoc(harvard, otherKey(t)), nil },
	} {
		r := verdictOf(t, cred, answering(fn))
		if r.Verdict == report.Verified {
			t.Errorf("%s: verified\n%s", name, dump(r))
		}
		if c := r.Check("issuer"); c == nil || c.Outcome == report.Pass {
			t.Errorf("%s: issuer check %+v", name, c)
		}
	}
	r = verdictOf(t, cred, answering(func(string) ([]byte, error) { return controllerDoc(harvard, otherKey(t)), nil }))
	want(t, r, report.NotVerified, outcomes("issuer", F))
	r = verdictOf(t, cred, answering(func(u string) ([]byte, error) { return nil, &fetch.StatusError{URL: u, Code: 404} }))
	if len(r.Missing) == 0 || r.Missing[0].Remedy != report.RemedyDocument {
		t.Errorf("unanswered document: missing %+v, want remedy document", r.Missing)
	}
	// The issuer's own document listing the key ties it: verified, and the
	// domain that published it is named.
	mk, _ := multikey.Encode(pub)
	r = verdictOf(t, cred, verify.WithDocuments(map[string][]byte{harvard: controllerDoc(harvard, mk)}))
	want(t, r, report.Verified, outcomes("proof", P, "issuer", P))
	if r.Summary.Issuer.Domain != "www.harvard.edu" {
		t.Errorf("domain %q", r.Summary.Issuer.Domain)
	}
}

func otherKey(t *testing.T) string {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	mk, err := multikey.Encode(pub)
	if err != nil {
		t.Fatal(err)
	}
	return mk
}

// controllerDoc is an issuer profile listing one Multikey for assertions.
func controllerDoc(id, mk string) []byte {
	b, _ := json.Marshal(map[string]any{
		"@context": []any{"https://www.w3.org/ns/cid/v1"},
		"id":       id,
		"verificationMethod": []any{map[string]any{
			"id": id + "#" + mk, "type": "Multikey", "controller": id, "publicKeyMultibase": mk,
		}},
		"assertionMethod": []any{id + "#" + mk},
	})
	return b
}

func TestForgedOpaqueAndHTTPIssuers(t *testing.T) {
	// An http:// issuer is never fetched; an opaque urn:uuid issuer has no
	// document at all: the signature may hold, the binding cannot.
	for name, c := range map[string]struct{ issuer, vm string }{
		"http":         {"http://www.harvard.edu/issuers/registrar", "http://www.harvard.edu/issuers/registrar#{key}"},
		"urn + didkey": {"urn:uuid:6a1f0c9e-1111-4c2b-9f00-000000000001", "did:key:{key}#{key}"},
	} {
		t.Run(name, func(t *testing.T) {
			cred, _ := forge(t, profile(c.issuer, "Massachusetts Institute of Technology"), c.vm, nil)
			r := verdictOf(t, cred)
			want(t, r, report.Incomplete, outcomes("proof", report.Pass, "issuer", report.Skip))
			if r.Missing[0].Remedy != report.RemedyNone {
				t.Errorf("missing %+v, want remedy none", r.Missing)
			}
		})
	}
}

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

func dccRegistry(t *testing.T, entries map[string]string) []byte {
	reg := map[string]any{}
	for id, name := range entries {
		reg[id] = map[string]any{"name": name, "location": "Cambridge, MA, USA", "url": "https://example.edu"}
	}
	b, err := json.Marshal(map[string]any{"meta": map[string]any{"name": "Test Registry", "created": "2026-01-01T00:00:00Z"}, "registry": reg})
	if err != nil {
		t.Fatal(err)
	}
	return b
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

func mustForge(t *testing.T, issuer map[string]any) []byte {
	b, _ := forge(t, issuer, "", nil)
	return b
}

func TestUnsignedPresentationWrapper(t *testing.T) {
	p := newParty(t, holder.Ed25519)
	var badge any
	_ = json.Unmarshal(p.badge, &badge)
	wrapper, _ := json.Marshal(map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2"},
		"type":     []any{"VerifiablePresentation"},
		"name":     "Doctor of Medicine", "description": "Awarded with honours",
		"issuer":               map[string]any{"name": "Harvard University"},
		"image":                "https://evil.example/harvard-seal.png",
		"verifiableCredential": []any{badge},
	})
	r := verifyVP(wrapper)
	want(t, r, report.Incomplete, outcomes("presentation", report.Skip, "credentials", report.Pass))
	s, _ := json.Marshal(r.Summary)
	for _, w := range []string{"Doctor of Medicine", "Harvard", "harvard-seal", "honours"} {
		if strings.Contains(string(s), w) {
			t.Errorf("the summary repeats the unsigned wrapper's %q: %s", w, s)
		}
	}
	if len(r.Credentials) != 1 || r.Credentials[0].Verdict != report.Verified {
		t.Errorf("the inner credential keeps its own verdict: %+v", r.Credentials)
	}
}

func TestReplayWithFakeProofInFront(t *testing.T) {
	p := newParty(t, holder.Ed25519)
	old := p.present(t, present.DataIntegrity, "OLD", p.badge)
	var m map[string]any
	_ = json.Unmarshal(old, &m)
	real := m["proof"]
	m["proof"] = []any{map[string]any{
		"type": "Nothing", "verificationMethod": real.(map[string]any)["verificationMethod"], "proofPurpose": "authentication",
		"challenge": "NEW", "domain": vpDomain,
	}, real}
	replay, _ := json.Marshal(m)
	r := verifyVP(replay, verify.WithChallenge("NEW"), verify.WithDomain(vpDomain))
	want(t, r, report.NotVerified, outcomes("proof", report.Pass, "presentation", report.Fail))
	// The honest answer to OLD still verifies through the same proof set.
	r = verifyVP(replay, verify.WithChallenge("OLD"), verify.WithDomain(vpDomain))
	want(t, r, report.Verified, outcomes("presentation", report.Pass))
}

// statusDir holds Digital Bazaar-made status lists and credentials
// (core/internal/status/testdata/peer), checked at their keys.json time.
const statusDir = "../internal/status/testdata/peer/"

var statusAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func statusFile(t *testing.T, name string) []byte {
	b, err := os.ReadFile(statusDir + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRevocationNeedsChecking(t *testing.T) {
	revoked := statusFile(t, "credential-revoked.json")
	// Offline, as the page, the widget and the wallet check by default.
	r := verify.New(verify.WithTime(statusAt)).Verify(context.Background(), revoked, "revoked")
	want(t, r, report.Incomplete, outcomes("proof", report.Pass, "status", report.Skip))
	if r.Missing[0].Check != "status" || r.Missing[0].URL != "https://status.example/lists/bsl-revocation" || r.Missing[0].Remedy != report.RemedyOnline {
		t.Errorf("missing %+v", r.Missing)
	}
	// With the list, it is revoked.
	r = verify.New(verify.WithTime(statusAt), verify.WithDocuments(map[string][]byte{
		"https://status.example/lists/bsl-revocation": statusFile(t, "bsl-revocation.json"),
	})).Verify(context.Background(), revoked, "revoked")
	want(t, r, report.NotVerified, outcomes("status", report.Fail))
}

func TestStatusListSignedBySomeoneElse(t *testing.T) {
	// Bitstring Status List §2.2: a status authority may sign the list.
	r := verify.New(verify.WithTime(statusAt), verify.WithDocuments(map[string][]byte{
		"https://status.example/lists/bsl-other-issuer": statusFile(t, "bsl-other-issuer.json"),
	})).Verify(context.Background(), statusFile(t, "credential-other-issuer.json"), "dcc-style")
	want(t, r, report.Verified, outcomes("status", report.Pass))
	if !strings.Contains(r.Check("status").Message, "published by") {
		t.Errorf("status does not name who signed the list: %s", r.Check("status").Message)
	}
}

func TestDataModelSlipIsANote(t *testing.T) {
	cred := mustForgeEdit(t, func(doc map[string]any) {
		delete(doc["credentialSubject"].(map[string]any), "id") // neither id nor identifier
		doc["issuer"].(map[string]any)["image"] = "https://example.edu/logo.png"
	})
	r := verdictOf(t, cred)
	want(t, r, report.Verified, outcomes("schema", report.Warn))
	if !strings.Contains(r.Check("schema").Message, "credentialSubject") {
		t.Errorf("schema warn names no rule path: %s", r.Check("schema").Message)
	}
	r = verdictOf(t, cred, verify.WithStrict(true))
	want(t, r, report.NotVerified, outcomes("schema", report.Fail))
}

func mustForgeEdit(t *testing.T, edit func(map[string]any)) []byte {
	b, _ := forge(t, profile("{did}", "Example College"), "", edit)
	return b
}

func TestUnreachableKeyIsNotAForgery(t *testing.T) {
	// Online with no network: a did:web key that cannot be fetched is a
	// skip (incomplete), not "could not be trusted".
	cred, _ := forge(t, profile("did:web:badges.example.edu", "Example College"), "did:web:badges.example.edu#key-1", nil)
	r := verdictOf(t, cred, answering(func(string) ([]byte, error) { return nil, errors.New("dial tcp: no route to host") }))
	want(t, r, report.Incomplete, outcomes("proof", report.Skip, "issuer", report.Skip))
	// Both wait on the same document: the issuer check names it too.
	for _, m := range r.Missing {
		if m.URL != "https://badges.example.edu/.well-known/did.json" || m.Remedy != report.RemedyDocument {
			t.Errorf("missing %+v", m)
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

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

package verify_test

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/present"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// Presentations made by core/present with a core/holder key, of badges
// signed here, checked as the issue asks: the holder's proof, the challenge
// and domain, who signed, and each credential inside; and tampering with
// any of them fails the check it should.

const (
	vpChallenge = "presentation-test-challenge-42"
	vpDomain    = "verifier.example"
)

var vpAt = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

// v1Badge is an OB 3.0 credential in the VC 1.1 envelope, for signBadge.
const v1Badge = `{
  "@context": ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "https://w3id.org/security/data-integrity/v2"],
  "id": "urn:uuid:5e0c2b6a-9d1f-4a7e-8c3b-1f2e3d4c5b6a",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "", "type": ["Profile"], "name": "ClearBadge VC 1.1 test issuer"},
  "issuanceDate": "2025-01-01T00:00:00Z",
  "name": "A VC 1.1 badge",
  "credentialSubject": {
    "id": "did:example:learner-ada-lovelace",
    "type": ["AchievementSubject"],
    "achievement": {
      "id": "https://achievements.example/vc11", "type": ["Achievement"], "name": "VC 1.1",
      "description": "A badge in the older envelope.", "criteria": {"narrative": "Be old."}
    }
  }
}`

// vpParty is a holder with badges issued to them.
type vpParty struct {
	key                     *holder.Key
	badge, v1, jose, others []byte // v2 JSON-LD, VC 1.1 JSON-LD, VC-JOSE, a v2 badge of someone else
}

func newParty(t *testing.T, typ holder.Type) *vpParty {
	t.Helper()
	k, err := holder.Generate(typ)
	if err != nil {
		t.Fatal(err)
	}
	issuer := newEd25519(t)
	marshal := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	p := &vpParty{key: k}
	p.badge = marshal(signBadge(t, issuer, "eddsa-rdfc-2022", nil, k.DID()))
	p.v1 = marshal(signBadge(t, issuer, "eddsa-rdfc-2022", []byte(v1Badge), k.DID()))
	p.others = marshal(signBadge(t, issuer, "eddsa-rdfc-2022", nil, "did:example:someone-else"))
	// The same badge as a VC-JOSE token (VC-JOSE-COSE §3.1.1) of its issuer.
	var doc map[string]any
	_ = json.Unmarshal(p.badge, &doc)
	delete(doc, "proof")
	did := didKey(t, issuer)
	token, err := jose.Sign(marshal(doc), issuer, jose.SignOptions{Typ: "vc+jwt", Kid: verificationMethod(did)})
	if err != nil {
		t.Fatal(err)
	}
	p.jose = []byte(token)
	return p
}

func (p *vpParty) present(t *testing.T, f present.Format, challenge string, creds ...[]byte) []byte {
	t.Helper()
	out, err := present.Create(creds, present.Options{Key: p.key, Format: f, Challenge: challenge, Domain: vpDomain, Created: vpAt.Add(-time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func verifyVP(in []byte, opts ...verify.Option) *report.Report {
	v := verify.New(append([]verify.Option{verify.WithTime(vpAt)}, opts...)...)
	return v.Verify(context.Background(), in, "vp")
}

var expectChallenge = []verify.Option{verify.WithChallenge(vpChallenge), verify.WithDomain(vpDomain)}

func TestPresentationRoundTrip(t *testing.T) {
	P, W := report.Pass, report.Warn
	for _, typ := range []holder.Type{holder.Ed25519, holder.P256} {
		p := newParty(t, typ)
		for _, tc := range []struct {
			name   string
			f      present.Format
			creds  [][]byte
			format string
		}{
			{"di/v2", present.DataIntegrity, [][]byte{p.badge, p.jose}, "json-ld"},
			{"di/v1", present.DataIntegrity, [][]byte{p.v1}, "json-ld"},
			{"di/mixed", present.DataIntegrity, [][]byte{p.v1, p.badge}, "json-ld"},
			{"jwt/v2", present.JWT, [][]byte{p.badge, p.jose}, "vc-jose"},
			{"jwt/v1", present.JWT, [][]byte{p.v1}, "vc-jwt"},
		} {
			t.Run(string(typ)+"/"+tc.name, func(t *testing.T) {
				r := verifyVP(p.present(t, tc.f, vpChallenge, tc.creds...), expectChallenge...)
				check(t, r, expect{verdict: report.Verified, checks: outcomes("format", P, "proof", P, "presentation", P, "credentials", P)})
				if r.Kind != "VerifiablePresentation" || r.Format != tc.format || r.Summary.Holder != p.key.DID() {
					t.Errorf("kind %q format %q holder %q", r.Kind, r.Format, r.Summary.Holder)
				}
				if len(r.Credentials) != len(tc.creds) {
					t.Fatalf("%d nested reports, want %d", len(r.Credentials), len(tc.creds))
				}
				for _, n := range r.Credentials {
					check(t, n, expect{verdict: report.Verified, checks: outcomes("proof", P, "issuer", P)})
				}
				if c := r.Check("proof"); !strings.Contains(c.Message, "holder") {
					t.Errorf("the proof check speaks of %q", c.Message)
				}
			})
		}
		// VC 2.0 §4.13 allows a holder to present someone else's credential
		// (a parent, a guardian): verified, with a warning that says so.
		t.Run(string(typ)+"/not the subject", func(t *testing.T) {
			for _, f := range []present.Format{present.DataIntegrity, present.JWT} {
				r := verifyVP(p.present(t, f, vpChallenge, p.badge, p.others), expectChallenge...)
				check(t, r, expect{verdict: report.Verified, checks: outcomes("presentation", P, "credentials", W)})
				if c := r.Check("credentials"); c != nil && !strings.Contains(c.Message, "not the subject") {
					t.Errorf("%s: %s", f, c.Message)
				}
			}
		})
	}
}

// A bundle of one credential says so, not "All 1 credentials" (issue 12);
// of two, it counts them.
func TestPresentationOfOne(t *testing.T) {
	p := newParty(t, holder.Ed25519)
	var changed map[string]any
	_ = json.Unmarshal(p.badge, &changed)
	changed["name"] = "A better badge"
	changedBadge, _ := json.Marshal(changed)
	for _, tc := range []struct {
		creds     [][]byte
		o         report.Outcome
		code, say string
	}{
		{[][]byte{p.badge}, report.Pass, "credentials.vp-verified-one", "The bundle's one credential verified."},
		{[][]byte{p.badge, p.v1}, report.Pass, "credentials.vp-verified", "All 2 credentials in this bundle verified."},
		{[][]byte{p.others}, report.Warn, "credentials.not-holder-one", "The bundle's one credential, \"Signed by ClearBadge\", verified, but the holder is not its subject."},
		{[][]byte{changedBadge}, report.Fail, "credentials.failed-one", "The bundle's one credential, \"A better badge\", did not verify."},
	} {
		c := verifyVP(p.present(t, present.DataIntegrity, vpChallenge, tc.creds...), expectChallenge...).Check(report.CheckCredentials)
		if c == nil || c.Outcome != tc.o || c.Code != tc.code || !strings.HasPrefix(c.Message, tc.say) {
			t.Errorf("%d credentials: %+v, want %s %s %q", len(tc.creds), c, tc.o, tc.code, tc.say)
		}
	}
}

// edit decodes a JSON presentation, changes it and encodes it again.
func edit(t *testing.T, vp []byte, change func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(vp, &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// resign replaces a JSON presentation's proof with a new one by key, keeping
// the challenge and domain: what a holder can do to anything they hold.
func resign(t *testing.T, key *holder.Key, vp []byte, challenge string) []byte {
	t.Helper()
	var m map[string]any
	_ = json.Unmarshal(vp, &m)
	delete(m, "proof")
	signed, err := key.Prove(m, holder.ProofOptions{Purpose: "authentication", Created: vpAt.Add(-time.Hour), Challenge: challenge, Domain: vpDomain})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(signed)
	return b
}

// editJWT changes a VP-JWT's payload and signs it again with key (or keeps
// the old signature when key is nil).
func editJWT(t *testing.T, token []byte, key *holder.Key, change func(m map[string]any)) []byte {
	t.Helper()
	tok, err := jose.Parse(string(token))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(tok.Payload, &m)
	change(m)
	payload, _ := json.Marshal(m)
	if key == nil {
		parts := strings.Split(string(token), ".")
		return []byte(parts[0] + "." + base64.RawURLEncoding.EncodeToString(payload) + "." + parts[2])
	}
	out, err := key.SignJWT(payload, tok.Header.Typ)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

func TestPresentationTampering(t *testing.T) {
	P, F, W := report.Pass, report.Fail, report.Warn
	p := newParty(t, holder.Ed25519)
	other := newParty(t, holder.Ed25519)
	di := p.present(t, present.DataIntegrity, vpChallenge, p.badge)
	vpJWT := p.present(t, present.JWT, vpChallenge, p.badge)
	// The holder changes their badge before presenting it: their own
	// signature is good, the issuer's is not.
	var changed map[string]any
	_ = json.Unmarshal(p.badge, &changed)
	changed["name"] = "A better badge"
	changedBadge, _ := json.Marshal(changed)
	firstCredential := func(m map[string]any) map[string]any {
		return m["verifiableCredential"].([]any)[0].(map[string]any)
	}

	for _, tc := range []struct {
		name string
		in   []byte
		opts []verify.Option
		want expect
	}{
		// Inner credentials.
		{"di: credential changed by the holder, then signed", p.present(t, present.DataIntegrity, vpChallenge, changedBadge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", P, "credentials", F)}},
		{"jwt: credential changed by the holder, then signed", p.present(t, present.JWT, vpChallenge, changedBadge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", P, "credentials", F)}},
		{"di: credential changed after signing", edit(t, di, func(m map[string]any) { firstCredential(m)["name"] = "A better badge" }), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F, "credentials", F)}},
		{"jwt: credential changed after signing", editJWT(t, vpJWT, nil, func(m map[string]any) { firstCredential(m)["name"] = "A better badge" }), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F, "credentials", F)}},
		{"di: another holder's credential swapped in, signed", resign(t, p.key, edit(t, di, func(m map[string]any) {
			m["verifiableCredential"] = []any{json.RawMessage(other.badge)}
		}), vpChallenge), expectChallenge,
			expect{report.Verified, outcomes("proof", P, "presentation", P, "credentials", W)}},

		// The holder.
		{"di: holder changed after signing", edit(t, di, func(m map[string]any) { m["holder"] = other.key.DID() }), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F)}},
		{"jwt: holder changed after signing", editJWT(t, vpJWT, nil, func(m map[string]any) { m["holder"] = other.key.DID() }), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F)}},
		{"di: names another holder, signed by me", resign(t, p.key, edit(t, di, func(m map[string]any) { m["holder"] = other.key.DID() }), vpChallenge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: names another holder, signed by me", editJWT(t, vpJWT, p.key, func(m map[string]any) { m["holder"] = other.key.DID() }), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"di: my presentation signed by someone else", resign(t, other.key, di, vpChallenge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: iss and holder differ", editJWT(t, vpJWT, p.key, func(m map[string]any) { m["iss"] = other.key.DID() }), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},

		// The challenge: a replay carries an old one.
		{"di: replayed (another challenge)", di, []verify.Option{verify.WithChallenge("a-new-challenge"), verify.WithDomain(vpDomain)},
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: replayed (another nonce)", vpJWT, []verify.Option{verify.WithChallenge("a-new-challenge"), verify.WithDomain(vpDomain)},
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"di: challenge rewritten to the expected one", edit(t, p.present(t, present.DataIntegrity, "old", p.badge), func(m map[string]any) {
			m["proof"].(map[string]any)["challenge"] = vpChallenge
		}), expectChallenge, expect{"", outcomes("proof", F, "presentation", F)}},
		{"jwt: nonce rewritten to the expected one", editJWT(t, p.present(t, present.JWT, "old", p.badge), nil, func(m map[string]any) { m["nonce"] = vpChallenge }),
			expectChallenge, expect{"", outcomes("proof", F, "presentation", F)}},
		{"di: no challenge, one expected", p.present(t, present.DataIntegrity, "", p.badge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: no nonce, one expected", p.present(t, present.JWT, "", p.badge), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"di: challenge, none expected", di, nil, expect{report.Verified, outcomes("proof", P, "presentation", W)}},
		{"unsigned, challenge expected", edit(t, di, func(m map[string]any) { delete(m, "proof") }), expectChallenge,
			expect{"", outcomes("presentation", F)}},

		// The domain.
		{"di: another domain", di, []verify.Option{verify.WithChallenge(vpChallenge), verify.WithDomain("evil.example")},
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: another aud", vpJWT, []verify.Option{verify.WithChallenge(vpChallenge), verify.WithDomain("evil.example")},
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"di: domain rewritten", edit(t, di, func(m map[string]any) { m["proof"].(map[string]any)["domain"] = "evil.example" }),
			[]verify.Option{verify.WithChallenge(vpChallenge), verify.WithDomain("evil.example")}, expect{"", outcomes("proof", F, "presentation", F)}},
		{"jwt: aud as a list with ours", editJWT(t, vpJWT, p.key, func(m map[string]any) { m["aud"] = []any{"other.example", vpDomain} }), expectChallenge,
			expect{report.Verified, outcomes("proof", P, "presentation", P)}},

		// The holder's JWS itself.
		{"jwt: expired", editJWT(t, vpJWT, p.key, func(m map[string]any) { m["exp"] = vpAt.Add(-time.Minute).Unix() }), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: not yet valid", editJWT(t, vpJWT, p.key, func(m map[string]any) { m["nbf"] = vpAt.Add(time.Hour).Unix() }), expectChallenge,
			expect{"", outcomes("proof", P, "presentation", F)}},
		{"jwt: signed by another key", []byte(resignJWS(t, vpJWT, other.key, p.key.VerificationMethod())), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F)}},
		{"jwt: no kid", []byte(resignJWS(t, vpJWT, p.key, "")), expectChallenge,
			expect{"", outcomes("proof", F, "presentation", F)}},
		{"jwt: relative kid", []byte(resignJWS(t, vpJWT, p.key, "#"+strings.TrimPrefix(p.key.DID(), "did:key:"))), expectChallenge,
			expect{report.Verified, outcomes("proof", P, "presentation", P)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check(t, verifyVP(tc.in, tc.opts...), tc.want)
		})
	}
}

// resignJWS signs a token's payload again with key, under the given kid.
func resignJWS(t *testing.T, token []byte, key *holder.Key, kid string) string {
	t.Helper()
	tok, err := jose.Parse(string(token))
	if err != nil {
		t.Fatal(err)
	}
	out, err := jose.Sign(tok.Payload, ed25519Signer(t, key), jose.SignOptions{Typ: tok.Header.Typ, Kid: kid})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ed25519Signer reads an Ed25519 holder key back from its exported JWK, to
// sign under a kid of the test's choosing.
func ed25519Signer(t *testing.T, key *holder.Key) ed25519.PrivateKey {
	t.Helper()
	b, err := key.MarshalPrivateJWK()
	if err != nil {
		t.Fatal(err)
	}
	var j struct{ D string }
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	seed, err := base64.RawURLEncoding.DecodeString(j.D)
	if err != nil || len(seed) != ed25519.SeedSize {
		t.Fatalf("not an Ed25519 JWK: %v", err)
	}
	return ed25519.NewKeyFromSeed(seed)
}

// TestPeerPresentations is the direction "what others present verifies
// here": presentations made by Digital Bazaar's vc.js and by jose
// (testdata/vp, scripts/peer/vp-make.mjs), with the challenge and domain
// recorded in keys.json; and the same presentations answering another
// request, or changed, fail the presentation check.
func TestPeerPresentations(t *testing.T) {
	P, F := report.Pass, report.Fail
	dir := filepath.Join(repoRoot, "testdata", "vp")
	var meta struct {
		VerifyAt          time.Time `json:"verifyAt"`
		Challenge, Domain string
	}
	b, err := os.ReadFile(filepath.Join(dir, "keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &meta); err != nil || meta.Challenge == "" || meta.Domain == "" {
		t.Fatalf("keys.json: %v %+v", err, meta)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "vp-*"))
	if len(files) < 7 {
		t.Fatalf("%d presentations in %s", len(files), dir)
	}
	at := verify.WithTime(meta.VerifyAt)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			in, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			run := func(opts ...verify.Option) *report.Report {
				return verify.New(append([]verify.Option{at}, opts...)...).Verify(context.Background(), in, filepath.Base(file))
			}
			r := run(verify.WithChallenge(meta.Challenge), verify.WithDomain(meta.Domain))
			check(t, r, expect{report.Verified, outcomes("format", P, "proof", P, "presentation", P, "credentials", P)})
			if r.Kind != "VerifiablePresentation" || len(r.Credentials) == 0 {
				t.Errorf("kind %s, %d credentials", r.Kind, len(r.Credentials))
			}
			for _, n := range r.Credentials {
				check(t, n, expect{report.Verified, outcomes("proof", P, "issuer", P, "validity", P)})
			}
			check(t, run(verify.WithChallenge("another-request"), verify.WithDomain(meta.Domain)), expect{"", outcomes("proof", P, "presentation", F)})
			check(t, run(verify.WithChallenge(meta.Challenge), verify.WithDomain("elsewhere.example")), expect{"", outcomes("proof", P, "presentation", F)})
			if in[0] != '{' {
				return
			}
			// A holder swapped after signing breaks the holder's proof.
			swapped := edit(t, in, func(m map[string]any) { m["holder"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" })
			check(t, verify.New(at, verify.WithChallenge(meta.Challenge), verify.WithDomain(meta.Domain)).Verify(context.Background(), swapped, "swapped"),
				expect{"", outcomes("proof", F, "presentation", F)})
		})
	}
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

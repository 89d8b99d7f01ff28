package verify_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/present"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
	"github.com/clearbadge/clearbadge/internal/testenv"
)

// The peer fixtures (testdata/peer, made by scripts/peer/make-fixtures.mjs
// with Digital Bazaar's vc stack and jose) are checked at peerAt, the time
// recorded in their keys.json.
const (
	repoRoot      = "../.."
	peerDir       = repoRoot + "/testdata/peer"
	peerChallenge = "clearbadge-peer-challenge-0001"
	peerDomain    = "verifier.example"
)

var peerAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// peerCase is what one peer fixture must give: the report's format and
// kind (when set), its verdict and checks, and those of the credentials
// nested in it, in order.
type peerCase struct {
	file   string
	opts   []verify.Option
	format string
	kind   string
	want   expect
	nested []expect
}

func outcomes(kv ...any) map[report.CheckID]report.Outcome {
	m := map[report.CheckID]report.Outcome{}
	for i := 0; i < len(kv); i += 2 {
		id, ok := kv[i].(report.CheckID)
		if !ok {
			id = report.CheckID(kv[i].(string))
		}
		m[id] = kv[i+1].(report.Outcome)
	}
	return m
}

func TestPeerFixtures(t *testing.T) {
	P, F := report.Pass, report.Fail
	var meta struct {
		VerifyAt  time.Time `json:"verifyAt"`
		Challenge string    `json:"challenge"`
		Domain    string    `json:"domain"`
		// Documents are published documents some fixtures need (a did:web
		// DID document), by URL.
		Documents map[string]json.RawMessage `json:"documents"`
	}
	b, err := os.ReadFile(filepath.Join(peerDir, "keys.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		t.Fatal(err)
	}
	if !meta.VerifyAt.Equal(peerAt) || meta.Challenge != peerChallenge || meta.Domain != peerDomain {
		t.Fatalf("keys.json has verifyAt %s, challenge %q, domain %q; the test uses %s, %q, %q",
			meta.VerifyAt, meta.Challenge, meta.Domain, peerAt, peerChallenge, peerDomain)
	}

	published := map[string][]byte{}
	for u, d := range meta.Documents {
		published[u] = d
	}
	// good: a proof made by the issuer's own did:key, checked and bound.
	good := expect{verdict: report.Verified, checks: outcomes("format", P, "proof", P, "issuer", P, "validity", P)}
	// jwkHeader: a key carried in the token, which nothing ties to the issuer.
	jwkHeader := expect{verdict: report.Incomplete, checks: outcomes("proof", P, "issuer", report.Skip, "validity", P)}
	brokenProof := expect{checks: outcomes("proof", F)}
	foreign := expect{checks: outcomes("proof", P, "issuer", F)}
	outOfDates := expect{checks: outcomes("proof", P, "issuer", P, "validity", F)}

	cases := []peerCase{
		{file: "ob-eddsa-rdfc-2022.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-ecdsa-rdfc-2019-p256.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-ecdsa-rdfc-2019-p384.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-v1-ed25519signature2020.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-eddsa-rich.json", format: "json-ld", want: good},
		{file: "endorsement-eddsa.json", format: "json-ld", kind: "EndorsementCredential", want: good},
		{file: "ob-with-endorsement.json", want: expect{verdict: report.Verified,
			checks: outcomes("proof", P, "issuer", P, "endorsements", P)}},
		{file: "clr-eddsa.json", kind: "ClrCredential",
			want:   expect{verdict: report.Verified, checks: outcomes("format", P, "proof", P, "issuer", P, "credentials", P)},
			nested: []expect{good, good}},
		// The CLR's own signature holds; the second credential in it was
		// changed after its issuer signed it.
		{file: "clr-nested-tampered.json", kind: "ClrCredential",
			want:   expect{checks: outcomes("proof", P, "issuer", P, "credentials", F)},
			nested: []expect{good, brokenProof}},
		{file: "vp-eddsa.json", kind: "VerifiablePresentation",
			opts: []verify.Option{verify.WithChallenge(peerChallenge), verify.WithDomain(peerDomain)},
			want: expect{verdict: report.Verified, checks: outcomes("presentation", P, "credentials", P)}, nested: []expect{good}},
		{file: "vp-eddsa.json", kind: "VerifiablePresentation",
			opts: []verify.Option{verify.WithChallenge("a-different-challenge"), verify.WithDomain(peerDomain)},
			want: expect{checks: outcomes("presentation", F)}},

		{file: "ob-eddsa-jcs-2022.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-ecdsa-jcs-2019-p256.json", format: "json-ld", want: good},
		{file: "ob-ecdsa-jcs-2019-p384.json", format: "json-ld", want: good},
		{file: "ob-v1-ed25519signature2018.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-v1-ed25519signature2018-didweb.json", opts: []verify.Option{verify.WithDocuments(published)}, want: good},
		{file: "ob-ecdsa-rdfc-2019-p384-blank-nodes.json", format: "json-ld", want: good},
		{file: "ob-ecdsa-sd-2023-mandatory-only.json", format: "json-ld", kind: "OpenBadgeCredential", want: good},
		{file: "ob-ecdsa-sd-2023-some.json", format: "json-ld", want: good},
		{file: "ob-ecdsa-sd-2023-all.json", format: "json-ld", want: good},
		{file: "di-eddsa-jcs-tampered.json", want: brokenProof},
		{file: "di-ecdsa-jcs-tampered.json", want: brokenProof},
		{file: "di-ed2018-tampered.json", want: brokenProof},
		{file: "di-ecdsa-sd-2023-tampered.json", want: brokenProof},
		{file: "di-ecdsa-sd-2023-dropped.json", want: brokenProof},
		{file: "di-ecdsa-sd-2023-mandatory-tampered.json", want: brokenProof},
		{file: "di-ecdsa-sd-2023-base.json", want: brokenProof},

		{file: "di-tampered.json", want: brokenProof},
		{file: "di-ecdsa-p256-tampered.json", want: brokenProof},
		{file: "di-ed2020-tampered.json", want: brokenProof},
		{file: "di-bitflip.json", want: brokenProof},
		{file: "di-wrong-purpose.json", want: brokenProof},
		{file: "di-foreign-key.json", want: foreign},
		{file: "di-expired.json", want: outOfDates},
		{file: "di-not-yet-valid.json", want: outOfDates},
		{file: "di-v1-expired.json", want: outOfDates},

		{file: "jwt-rs256-jwk.jwt", format: "vc-jwt", kind: "OpenBadgeCredential", want: jwkHeader},
		{file: "jwt-ps256-jwk.jwt", format: "vc-jwt", want: jwkHeader},
		{file: "jwt-es256-didjwk.jwt", format: "vc-jwt", want: good},
		{file: "jwt-eddsa-didkey.jwt", format: "vc-jwt", want: good},
		{file: "jwt-vc-claim-es256.jwt", format: "vc-jwt", want: good},
		{file: "jose-es384-didkey.jwt", format: "vc-jose", kind: "OpenBadgeCredential",
			want: expect{verdict: report.Verified, checks: outcomes("proof", P, "issuer", P, "validity", P)}},
		{file: "jwt-alg-none.jwt", want: brokenProof},
		{file: "jwt-hs256-confusion.jwt", want: brokenProof},
		{file: "jwt-hs256-confusion-jwk.jwt", want: brokenProof},
		{file: "jwt-es256-header-rsa-key.jwt", want: brokenProof},
		{file: "jwt-payload-tampered.jwt", want: brokenProof},
		{file: "jwt-expired.jwt", want: outOfDates},
		{file: "jwt-not-yet-valid.jwt", want: outOfDates},
		{file: "jwt-iss-mismatch.jwt", want: expect{checks: outcomes("proof", P, "issuer", F)}},
		{file: "jwt-foreign-key.jwt", want: foreign},
	}

	// Every fixture the script wrote is in the table, so that a new one
	// cannot go untested.
	files, err := filepath.Glob(filepath.Join(peerDir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s (%v): run npm run peer-fixtures", peerDir, err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if name == "keys.json" || name == "README.md" {
			continue
		}
		if !slices.ContainsFunc(cases, func(c peerCase) bool { return c.file == name }) {
			t.Errorf("%s has no expectation in TestPeerFixtures", name)
		}
	}

	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(peerDir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			v := verify.New(append([]verify.Option{verify.WithTime(peerAt)}, c.opts...)...)
			r := v.Verify(context.Background(), b, c.file)
			if c.format != "" && r.Format != c.format {
				t.Errorf("format = %q, want %q", r.Format, c.format)
			}
			if c.kind != "" && r.Kind != c.kind {
				t.Errorf("kind = %q, want %q", r.Kind, c.kind)
			}
			check(t, r, c.want)
			if c.nested == nil {
				return
			}
			if len(r.Credentials) != len(c.nested) {
				t.Fatalf("%d nested reports, want %d\n%s", len(r.Credentials), len(c.nested), dump(r))
			}
			for i, n := range r.Credentials {
				t.Run(n.Source, func(t *testing.T) { check(t, n, c.nested[i]) })
			}
		})
	}
}

// TestPeerVerifiesWhatWeSign is the reverse direction: credentials signed by
// core/internal/proof verify in Digital Bazaar's stack (scripts/peer/verify.mjs), and
// a credential changed after signing does not. It needs node and the npm
// packages (`npm ci`), which CI installs before `make test`.
func TestPeerVerifiesWhatWeSign(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Unavailable(t, "node is not installed: the JS side of the interop test cannot run")
	}
	// scripts/peer/verify.mjs imports these (and what they depend on).
	for _, pkg := range []string{"vc", "eddsa-jcs-2022-cryptosuite", "ecdsa-jcs-2019-cryptosuite", "ecdsa-sd-2023-cryptosuite", "ed25519-signature-2018"} {
		if _, err := os.Stat(filepath.Join(repoRoot, "node_modules", "@digitalbazaar", pkg)); err != nil {
			testenv.Unavailable(t, "node_modules/@digitalbazaar/%s is missing: run npm ci for the JS side of the interop test", pkg)
		}
	}
	rich, err := os.ReadFile(filepath.Join(peerDir, "ob-eddsa-rich.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	holder := newEd25519(t)
	for _, tc := range []struct {
		name, suite string
		key         crypto.Signer
		doc         []byte // an unsigned credential, or nil for a plain badge
		// present: the holder presents the credential, issued to them, in a
		// presentation signed for authentication with a challenge and domain.
		present bool
	}{
		{name: "ed25519", suite: "eddsa-rdfc-2022", key: newEd25519(t)},
		{name: "p256", suite: "ecdsa-rdfc-2019", key: newECDSA(t, elliptic.P256())},
		{name: "p384", suite: "ecdsa-rdfc-2019", key: newECDSA(t, elliptic.P384())},
		// Escapes, non-ASCII text and a decimal: where canonicalizers differ.
		{name: "ed25519-rich", suite: "eddsa-rdfc-2022", key: newEd25519(t), doc: rich},
		{name: "presentation", suite: "eddsa-rdfc-2022", key: newEd25519(t), present: true},
		// RFC 8785 both ways: Digital Bazaar's JCS suites verify ours.
		{name: "ed25519-jcs", suite: "eddsa-jcs-2022", key: newEd25519(t)},
		{name: "p256-jcs", suite: "ecdsa-jcs-2019", key: newECDSA(t, elliptic.P256())},
		{name: "p384-jcs", suite: "ecdsa-jcs-2019", key: newECDSA(t, elliptic.P384())},
		{name: "ed25519-rich-jcs", suite: "eddsa-jcs-2022", key: newEd25519(t), doc: rich},
		{name: "presentation-jcs", suite: "ecdsa-jcs-2019", key: newECDSA(t, elliptic.P256()), present: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := []verify.Option{verify.WithTime(peerAt)}
			var args []string
			var signed map[string]any
			if tc.present {
				signed = signPresentation(t, holder, signBadge(t, tc.key, tc.suite, tc.doc, didKey(t, holder)))
				opts = append(opts, verify.WithChallenge(peerChallenge), verify.WithDomain(peerDomain))
				args = []string{"--challenge", peerChallenge, "--domain", peerDomain}
			} else {
				signed = signBadge(t, tc.key, tc.suite, tc.doc, "")
			}
			file := writeJSON(t, dir, tc.name+".json", signed)
			// Both sides agree: ours verifies it ...
			b, _ := os.ReadFile(file)
			if r := verify.New(opts...).Verify(context.Background(), b, tc.name); !r.Verified {
				t.Errorf("ClearBadge does not verify what it signed\n%s", dump(r))
			}
			// ... and so does vc.js.
			if out, ok := jsVerify(t, node, file, args...); !ok {
				t.Errorf("vc.js does not verify what ClearBadge signed: %s", out)
			}
			// A changed copy is refused by vc.js, so the check above can fail.
			var tampered map[string]any
			if err := json.Unmarshal(b, &tampered); err != nil {
				t.Fatal(err)
			}
			tampered["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
			if out, ok := jsVerify(t, node, writeJSON(t, dir, tc.name+"-tampered.json", tampered), args...); ok {
				t.Errorf("vc.js verifies a document changed after signing: %s", out)
			}
		})
	}
}

// jsVerify runs scripts/peer/verify.mjs on file and reports its output and
// whether the credential verified (exit 0). Any other failure (exit 2, a
// crash) stops the test: that is a broken setup, not a verdict.
func jsVerify(t *testing.T, node, file string, args ...string) (string, bool) {
	t.Helper()
	abs, err := filepath.Abs(file)
	if err != nil {
		t.Fatal(err)
	}
	args = append([]string{"scripts/peer/verify.mjs", "--now", peerAt.Format(time.RFC3339)}, args...)
	cmd := exec.Command(node, append(args, abs)...)
	cmd.Dir = repoRoot
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), true
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return string(out), false
	}
	t.Fatalf("node scripts/peer/verify.mjs: %v\n%s%s", err, out, stderr.String())
	return "", false
}

func newEd25519(t *testing.T) crypto.Signer {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func newECDSA(t *testing.T, c elliptic.Curve) crypto.Signer {
	k, err := ecdsa.GenerateKey(c, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// didKey returns the did:key DID of a public key.
func didKey(t *testing.T, key crypto.Signer) string {
	t.Helper()
	mb, err := multikey.Encode(key.Public())
	if err != nil {
		t.Fatal(err)
	}
	return "did:key:" + mb
}

// verificationMethod is the DID URL of a did:key's one key (did:key §3.1.1).
func verificationMethod(id string) string { return id + "#" + strings.TrimPrefix(id, "did:key:") }

// signBadge signs doc (or a plain OB 3.0 badge when doc is nil) as the
// did:key of key: the issuer becomes that DID, any old proof is dropped.
// A non-empty subject replaces credentialSubject.id.
func signBadge(t *testing.T, key crypto.Signer, suite string, doc []byte, subject string) map[string]any {
	t.Helper()
	did := didKey(t, key)
	if doc == nil {
		doc = []byte(`{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:0b6a1c9e-7f7e-4d3c-9a55-2f1d6c1e0a01",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "", "type": ["Profile"], "name": "ClearBadge test issuer"},
  "validFrom": "2025-01-01T00:00:00Z",
  "name": "Signed by ClearBadge",
  "credentialSubject": {
    "id": "did:example:learner-ada-lovelace",
    "type": ["AchievementSubject"],
    "achievement": {
      "id": "https://achievements.example/signed-by-clearbadge",
      "type": ["Achievement"],
      "name": "Signed by ClearBadge",
      "description": "A credential ClearBadge signed, for the JS stack to verify.",
      "criteria": {"narrative": "Be signed by core/proof."}
    }
  }
}`)
	}
	var m map[string]any
	if err := json.Unmarshal(doc, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "proof")
	issuer, ok := m["issuer"].(map[string]any)
	if !ok {
		t.Fatal("the credential's issuer is not a Profile object")
	}
	issuer["id"] = did
	if subject != "" {
		m["credentialSubject"].(map[string]any)["id"] = subject
	}
	signed, err := proof.Sign(m, proof.Options{
		Cryptosuite:        suite,
		VerificationMethod: verificationMethod(did),
		ProofPurpose:       "assertionMethod",
		Created:            time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}, key)
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

// signPresentation wraps cred in a VC 2.0 presentation by holder's did:key,
// signed for authentication with peerChallenge and peerDomain (VC Data
// Integrity §2.1: challenge and domain bind the proof to one exchange).
func signPresentation(t *testing.T, holderKey crypto.Signer, cred map[string]any) map[string]any {
	t.Helper()
	did := didKey(t, holderKey)
	vp := map[string]any{
		"@context":             []any{"https://www.w3.org/ns/credentials/v2"},
		"type":                 []any{"VerifiablePresentation"},
		"holder":               did,
		"verifiableCredential": []any{cred},
	}
	signed, err := proof.Sign(vp, proof.Options{
		Cryptosuite:        "eddsa-rdfc-2022",
		VerificationMethod: verificationMethod(did),
		ProofPurpose:       "authentication",
		Created:            time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Challenge:          peerChallenge,
		Domain:             peerDomain,
	}, holderKey)
	if err != nil {
		t.Fatal(err)
	}
	return signed
}

func writeJSON(t *testing.T, dir, name string, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPresentPeerSuites: credentials secured with every newer suite (made
// by Digital Bazaar's stacks) travel in a presentation made by core/present,
// in both its formats, and each keeps a passing proof inside it.
func TestPresentPeerSuites(t *testing.T) {
	files := []string{"ob-eddsa-jcs-2022.json", "ob-ecdsa-jcs-2019-p384.json", "ob-v1-ed25519signature2018.json",
		"ob-ecdsa-rdfc-2019-p384-blank-nodes.json", "ob-ecdsa-sd-2023-some.json"}
	var creds [][]byte
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(peerDir, f))
		if err != nil {
			t.Fatal(err)
		}
		creds = append(creds, b)
	}
	key, err := holder.Generate(holder.P256)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []present.Format{present.DataIntegrity, present.JWT} {
		t.Run(string(format), func(t *testing.T) {
			vp, err := present.Create(creds, present.Options{Key: key, Format: format, Challenge: peerChallenge, Domain: peerDomain,
				Created: peerAt.Add(-time.Hour)})
			if err != nil {
				t.Fatal(err)
			}
			r := verify.New(verify.WithTime(peerAt), verify.WithChallenge(peerChallenge), verify.WithDomain(peerDomain)).
				Verify(context.Background(), vp, "presentation")
			if c := r.Check(report.CheckPresentation); c == nil || c.Outcome != report.Pass {
				t.Fatalf("presentation check %+v\n%s", c, dump(r))
			}
			if len(r.Credentials) != len(files) {
				t.Fatalf("%d credentials, want %d\n%s", len(r.Credentials), len(files), dump(r))
			}
			for i, n := range r.Credentials {
				if c := n.Check(report.CheckProof); c == nil || c.Outcome != report.Pass {
					t.Errorf("%s: proof %+v\n%s", files[i], c, dump(n))
				}
			}
		})
	}
}

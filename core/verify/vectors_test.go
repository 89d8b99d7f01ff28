package verify_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// at is the verification time for vector tests, so that verdicts do not
// change as the calendar moves.
var at = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// expect is what a vector must give: the verdict (when empty: any verdict
// but verified), and the outcome of the checks that matter for it.
type expect struct {
	verdict report.Verdict
	checks  map[report.CheckID]report.Outcome
}

func run(t *testing.T, path string, opts ...verify.Option) *report.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v := verify.New(append([]verify.Option{verify.WithTime(at)}, opts...)...)
	return v.Verify(context.Background(), b, filepath.Base(path))
}

func check(t *testing.T, r *report.Report, e expect) {
	t.Helper()
	switch {
	case r.Verified != (r.Verdict == report.Verified):
		t.Errorf("verified = %v but verdict %s", r.Verified, r.Verdict)
	case e.verdict == "" && r.Verdict == report.Verified:
		t.Errorf("verdict verified, want anything else\n%s", dump(r))
	case e.verdict != "" && r.Verdict != e.verdict:
		t.Errorf("verdict %s, want %s\n%s", r.Verdict, e.verdict, dump(r))
	}
	for id, want := range e.checks {
		c := r.Check(id)
		switch {
		case c == nil:
			t.Errorf("no %q check\n%s", id, dump(r))
		case c.Outcome != want:
			t.Errorf("%s = %s, want %s: %s (%s)", id, c.Outcome, want, c.Message, c.Detail)
		}
	}
}

func dump(r *report.Report) string {
	var b strings.Builder
	for _, c := range r.Checks {
		b.WriteString("  " + string(c.ID) + " " + string(c.Outcome) + ": " + c.Message + " [" + c.Detail + "]\n")
	}
	return b.String()
}

// Signed examples from the OB 3.0 and CLR 2.0 specifications: their
// signatures verify offline, but their keys sit in the fragment of an https
// issuer URL on an example domain, which only the issuer's own document
// could confirm (OB 3.0 Implementation Guide, "Key provenance"): offline
// they are incomplete, and say that going online would complete them.
func TestSpecVectors(t *testing.T) {
	dir := vectors.Dir(t, "1edtech")
	ok := expect{verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{
		"format": report.Pass, "proof": report.Pass, "issuer": report.Skip, "validity": report.Pass, "schema": report.Pass,
	}}
	for _, f := range []string{"spec-test-vectors/obv3p0/credential-signed.json", "spec-test-vectors/clrv2p0/credential-signed.json"} {
		t.Run(f, func(t *testing.T) {
			r := run(t, filepath.Join(dir, f))
			check(t, r, ok)
			issuerMissing(t, r)
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "spec-rendered-examples", "*"))
	if len(files) == 0 {
		t.Fatal("no rendered examples")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			e := ok
			switch base := filepath.Base(f); {
			case base == "ob-complete.di.json" || base == "ob-endorsement.di.json":
				// They name a 1EdTechRevocationList at a URL: offline, status is skipped.
				e = expect{verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": report.Pass, "issuer": report.Skip, "status": report.Skip}}
			case strings.HasSuffix(f, ".jwt"):
				// SOURCES.md: the rendered JWTs have no nbf claim (OB 3.0 §8.2.4
				// requires one) and carry their key as a bare jwk header.
				e = expect{verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{
					"format": report.Warn, "proof": report.Pass, "issuer": report.Skip, "validity": report.Pass,
				}}
			}
			r := run(t, f)
			check(t, r, e)
			issuerMissing(t, r)
		})
	}
}

// issuerMissing asserts that an incomplete report says the issuer's key is
// unconfirmed and that going online (to the issuer's https document) would
// complete it.
func issuerMissing(t *testing.T, r *report.Report) {
	t.Helper()
	for _, m := range r.Missing {
		if m.Check == report.CheckIssuer {
			if m.Remedy != report.RemedyOnline || !strings.HasPrefix(m.URL, "https://") || !strings.Contains(m.Message, "nothing confirms") {
				t.Errorf("issuer missing = %+v, want remedy online with an https document", m)
			}
			return
		}
	}
	t.Errorf("no missing issuer entry in %+v", r.Missing)
}

// The 1EdTech validator's own test files get the verdicts their names
// promise.
func TestValidatorVectors(t *testing.T) {
	dir := vectors.Dir(t, "1edtech", "validator")
	P, F, W, S := report.Pass, report.Fail, report.Warn, report.Skip
	// The validator's credentials are signed with keys written into the
	// fragment of https issuer ids on example domains: the signatures
	// verify, but only the issuer's document could tie the key to it, so
	// offline they are incomplete (issuer skipped).
	valid := expect{verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "issuer": S}}
	jwkValid := expect{verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "format": W, "issuer": S}}
	cases := map[string]expect{
		"ob30/simple.json":                 valid,
		"ob30/simple-context-alias.json":   valid,
		"ob30/simple-context-version.json": valid,
		// An opaque (urn:uuid) issuer cannot be tied to its did:key.
		"ob30/simple-did-key-method.json":  {verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "issuer": S}},
		"ob30/simple-did-web-method.json":  valid,
		"ob30/simple-multiple-proofs.json": valid,
		"ob30/simple-eddsa-2022.json":      valid,
		"ob30/simple_v1.json":              valid,
		"ob30/complete.json":               valid,
		// A derived ecdsa-sd-2023 proof (1EdTech's validator requires the suite).
		"ob30/sd/derivedcredential.json":   valid,
		"ob30/endorsement-valid.json":      valid,
		"ob30/simple-json.png":             valid,
		"ob30/simple-json.svg":             valid,
		"ob30/simple-jwt.png":              jwkValid,
		"ob30/simple-jwt.svg":              jwkValid,
		"ob30/simple-jwt_v1.png":           jwkValid,
		"ob30/simple-jwt_v1.svg":           jwkValid,
		"ob30/simple-err-expired.json":     {checks: map[report.CheckID]report.Outcome{"proof": P, "validity": F}},
		"ob30/simple-err-issued.json":      {checks: map[report.CheckID]report.Outcome{"proof": P, "validity": F}},
		"ob30/simple-err-issuer.json":      {verdict: report.NotVerified, checks: map[report.CheckID]report.Outcome{"proof": P, "issuer": F, "schema": W}},
		"ob30/simple-err-proof-value.json": {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple-err-type.json":        {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple-err-context.json":     {checks: map[report.CheckID]report.Outcome{"format": F}},
		"ob30/simple-noproof.json":         {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple.jwt":                  {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/complete_v1.json":            {checks: map[report.CheckID]report.Outcome{"proof": S}},
		// Key not resolvable: a bare multikey, an unknown DID method, an unknown scheme.
		"ob30/simple-err-proof-method-no-scheme.json":          {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple-err-proof-method-unknown-did-method.json": {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple-err-proof-method-unknown-scheme.json":     {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"ob30/simple-err-proof-method.json":                    {checks: map[report.CheckID]report.Outcome{"proof": F}},
		"clr20/simple.json":                                    {verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "credentials": S}},
		"clr20/simple_v1.json":                                 {verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "credentials": S}},
		// Its first credential embeds an EndorsementCredential without the
		// `name` OB 3.0 §B.1.6 requires: a schema note, not a failure.
		"clr20/complex.json":        {verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "credentials": S}},
		"clr20/simple.jwt":          {verdict: report.Incomplete, checks: map[report.CheckID]report.Outcome{"proof": P, "credentials": S}},
		"clr20/simple-noproof.json": {checks: map[report.CheckID]report.Outcome{"proof": F, "credentials": F}},
	}
	for f, e := range cases {
		t.Run(f, func(t *testing.T) { check(t, run(t, filepath.Join(dir, f)), e) })
	}
	// Every file whose name says it is broken in its types fails.
	errs, _ := filepath.Glob(filepath.Join(dir, "ob30", "simple-err-*-type.json"))
	for _, f := range errs {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if r := run(t, f); r.Verified {
				t.Errorf("verified\n%s", dump(r))
			}
		})
	}
}

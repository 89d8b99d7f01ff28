package verify_test

import (
	"testing"

	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/report"
)

// The credentials check: a CLR is verified only when every credential it
// carries is, each with its own report; a changed credential inside makes
// the CLR not verified.
func TestCredentials(t *testing.T) {
	inner := func(t *testing.T, name string) map[string]any {
		return testutil.Decode(t, mustForgeEdit(t, func(doc map[string]any) { doc["name"] = name }))
	}
	clr := func(t *testing.T, creds ...any) []byte {
		b, _ := forge(t, profile("{did}", "Example College"), "", func(doc map[string]any) {
			doc["@context"] = []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}
			doc["type"] = []any{"VerifiableCredential", "ClrCredential"}
			doc["name"] = "Transcript"
			doc["credentialSubject"] = map[string]any{"id": "did:example:learner", "type": []any{"ClrSubject"}, "verifiableCredential": creds}
		})
		return b
	}
	r := verdictOf(t, clr(t, inner(t, "First"), inner(t, "Second")))
	want(t, r, report.Verified, outcomes(report.CheckCredentials, report.Pass))
	if r.Kind != "ClrCredential" || len(r.Credentials) != 2 {
		t.Fatalf("kind %s, %d credentials", r.Kind, len(r.Credentials))
	}
	changed := inner(t, "Third")
	changed["name"] = "Changed after signing"
	r = verdictOf(t, clr(t, inner(t, "First"), changed))
	want(t, r, report.NotVerified, outcomes(report.CheckCredentials, report.Fail))

	// A record of one credential says so, not "All 1 credentials" (issue 12).
	for _, tc := range []struct {
		in        any
		o         report.Outcome
		code, say string
	}{
		{inner(t, "Only"), report.Pass, "credentials.clr-verified-one", "The record's one credential verified."},
		{changed, report.Fail, "credentials.failed-one", `The record's one credential, "Changed after signing", did not verify.`},
	} {
		c := verdictOf(t, clr(t, tc.in)).Check(report.CheckCredentials)
		if c == nil || c.Outcome != tc.o || c.Code != tc.code || c.Message != tc.say {
			t.Errorf("one credential: %+v, want %s %s %q", c, tc.o, tc.code, tc.say)
		}
	}
}

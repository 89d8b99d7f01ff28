package verify_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// Status lists secured as JWTs (core/internal/status/testdata/make-lists.mjs: vc+jwt
// and a VC-JWT with the `vc` claim, signed with jose) are verified as
// credentials, by this verifier, before their bits are read; one whose
// payload was swapped under its signature is not trusted.
func TestStatusListsAsJWT(t *testing.T) {
	dir := filepath.Join(repoRoot, "core", "internal", "status", "testdata", "peer")
	docs := map[string][]byte{}
	for _, name := range []string{"bsl-revocation-jwt", "bsl-revocation-vcjwt", "bsl-tampered-jwt"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".jwt"))
		if err != nil {
			t.Fatal(err)
		}
		docs["https://status.example/lists/"+name] = b
	}
	for _, tc := range []struct {
		file     string
		outcome  report.Outcome
		contains string
	}{
		{"credential-jwt-list-revoked.json", report.Fail, "has revoked"},
		{"credential-jwt-list-valid.json", report.Pass, "has not revoked"},
		{"credential-vcjwt-list-revoked.json", report.Fail, "has revoked"},
		{"credential-jwt-list-tampered.json", report.Fail, "could not be trusted"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			r := verify.New(verify.WithTime(peerAt), verify.WithDocuments(docs)).Verify(context.Background(), b, tc.file)
			c := r.Check(report.CheckStatus)
			if c == nil {
				t.Fatalf("no status check\n%s", dump(r))
			}
			if c.Outcome != tc.outcome || !strings.Contains(c.Message, tc.contains) {
				t.Fatalf("status %s %q [%s], want %s containing %q", c.Outcome, c.Message, c.Detail, tc.outcome, tc.contains)
			}
			if p := r.Check(report.CheckProof); p == nil || p.Outcome != report.Pass {
				t.Fatalf("the credential's own proof: %+v", p)
			}
		})
	}
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

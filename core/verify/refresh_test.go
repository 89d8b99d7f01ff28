package verify_test

import (
	"context"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// issue signs an OB 3.0 credential with a fresh did:key issuer; edit changes
// the document before signing.
func issue(t *testing.T, edit func(doc map[string]any)) []byte {
	t.Helper()
	k := testutil.NewDIDKey(t)
	did := k.DID
	doc := map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:6a3b9a6e-1f7c-4a8e-9a44-0d5f8c1e2b3a",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Teamwork",
		"issuer":    map[string]any{"id": did, "type": []any{"Profile"}, "name": "Test Issuer"},
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"type": []any{"AchievementSubject"},
			"identifier": []any{map[string]any{
				"type": "IdentityObject", "identityType": "emailAddress", "hashed": true, "salt": "Kosher",
				"identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
			}},
			"achievement": map[string]any{
				"id": "https://example.org/achievements/teamwork", "type": []any{"Achievement"}, "name": "Teamwork",
				"description": "Works well with others.", "criteria": map[string]any{"narrative": "Peer nominated."},
			},
		},
	}
	if edit != nil {
		edit(doc)
	}
	return testutil.Sign(t, doc, k.Private, k.Reference)
}

// OB 3.0 §9.1 step 5: the recipient check compares a known identifier with
// the subject's hashed identityHash (sha256 with salt).
func TestRecipient(t *testing.T) {
	cred := issue(t, nil)
	for who, want := range map[string]report.Outcome{"email:a@example.com": report.Pass, "email:b@example.com": report.Fail} {
		k, _ := recipient.Parse(who)
		r := verify.New(verify.WithTime(at), verify.WithRecipient(k)).Verify(context.Background(), cred, "t")
		if c := r.Check("recipient"); c == nil || c.Outcome != want {
			t.Errorf("%s: %+v\n%s", who, c, dump(r))
		}
		if r.Verified != (want == report.Pass) {
			t.Errorf("%s: verified %v", who, r.Verified)
		}
	}
}

// OB 3.0 §9.1 step 3: a 1EdTechCredentialRefresh service is shown; online
// with refresh allowed, the refreshed copy is fetched and verified too, and
// the original's verdict stands when it cannot be had.
func TestRefresh(t *testing.T) {
	const url = "https://issuer.example/refresh/1"
	cred := issue(t, func(d map[string]any) {
		// The 1EdTech type names are defined by the OB extensions context.
		d["@context"] = append(d["@context"].([]any), "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json")
		d["refreshService"] = map[string]any{"id": url, "type": "1EdTechCredentialRefresh"}
	})
	fresh := issue(t, nil)
	online := verify.WithFetcher(&fetch.Static{Docs: map[string][]byte{url: fresh}})
	cases := []struct {
		name string
		opts []verify.Option
		want report.Outcome
	}{
		{"not asked", []verify.Option{online}, report.Skip},
		{"offline", []verify.Option{verify.WithRefresh(true)}, report.Skip},
		{"fetched", []verify.Option{online, verify.WithRefresh(true)}, report.Pass},
		{"unreachable", []verify.Option{verify.WithRefresh(true), verify.WithFetcher(&fetch.Static{})}, report.Skip},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := verify.New(append([]verify.Option{verify.WithTime(at)}, c.opts...)...).Verify(context.Background(), cred, "t")
			if ch := r.Check("refresh"); ch == nil || ch.Outcome != c.want {
				t.Fatalf("refresh %+v\n%s", ch, dump(r))
			}
			if !r.Verified || r.Summary.Refresh != url {
				t.Errorf("verified %v, summary refresh %q", r.Verified, r.Summary.Refresh)
			}
			if c.want == report.Pass && (len(r.Credentials) != 1 || !r.Credentials[0].Verified) {
				t.Errorf("refreshed copy not reported as verified: %+v", r.Credentials)
			}
		})
	}
}

package verify_test

import (
	"context"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

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

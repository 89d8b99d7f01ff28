package verify_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// testdata/forgeries holds credentials made with Digital Bazaar's vc.js
// (scripts/peer/make-forgeries.mjs, `npm run forgeries`): every signature
// is valid, every claim of who issued it is false or unconfirmed. None may
// read as verified but the self-named did:key, whose issuer really signed
// it and whose name only a registry can vouch for.
func TestForgeriesFromAnotherStack(t *testing.T) {
	dir := filepath.Join(repoRoot, "testdata", "forgeries")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	P, S, F, W := report.Pass, report.Skip, report.Fail, report.Warn
	registryFile := registry.Source{Name: "forgery test registry", Data: read("registry-lists-self-named.json")}
	for _, tc := range []struct {
		file string
		opts []verify.Option
		want expect
	}{
		{"https-issuer-fragment-key.json", nil, expect{report.Incomplete, outcomes("proof", P, "issuer", S)}},
		{"https-issuer-fragment-key.json", []verify.Option{verify.WithDocuments(map[string][]byte{
			"https://www.harvard.edu/issuers/registrar": read("harvard-profile-listing-key.json")})},
			expect{report.Verified, outcomes("proof", P, "issuer", P)}},
		{"http-issuer.json", nil, expect{report.Incomplete, outcomes("proof", P, "issuer", S)}},
		{"urn-issuer-any-did-key.json", nil, expect{report.Incomplete, outcomes("proof", P, "issuer", S)}},
		{"did-key-self-named.json", nil, expect{report.Verified, outcomes("issuer", P, "identity", S)}},
		{"did-key-self-named.json", []verify.Option{verify.WithRegistries(registryFile)}, expect{report.Verified, outcomes("identity", P)}},
		{"did-key-homoglyph.json", []verify.Option{verify.WithRegistries(registryFile)}, expect{report.Verified, outcomes("identity", W)}},
		{"unsigned-presentation-wrapper.json", nil, expect{report.Incomplete, outcomes("presentation", S, "credentials", P)}},
		{"replay-fake-proof-in-front.json", []verify.Option{verify.WithChallenge("NEW"), verify.WithDomain("verifier.example")},
			expect{report.NotVerified, outcomes("proof", P, "presentation", F)}},
		{"replay-fake-proof-in-front.json", []verify.Option{verify.WithChallenge("OLD"), verify.WithDomain("verifier.example")},
			expect{report.Verified, outcomes("presentation", P)}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			r := verdictOf(t, read(tc.file), tc.opts...)
			check(t, r, tc.want)
			if strings.HasPrefix(tc.file, "unsigned") && (r.Summary.Name != "" || r.Summary.Issuer.Name != "" || r.Summary.Image != "") {
				t.Errorf("the unsigned wrapper's words reached the summary: %+v", r.Summary)
			}
		})
	}
}

package verify

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/baked"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// ob2Assets serves ../shared/vectors/1edtech/validator/ob20/assets/ at the
// three origins 1EdTech's OB20Tests maps to it.
func ob2Assets(t *testing.T) map[string][]byte {
	t.Helper()
	dir := vectors.Dir(t, "1edtech", "validator", "ob20", "assets")
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		for _, origin := range []string{"https://www.example.org/", "https://example.org/", "http://example.org/"} {
			docs[origin+f.Name()] = b
		}
	}
	return docs
}

// ob2Want is what a report must show.
type ob2Want struct {
	verified bool
	kind     string
	// failed is the check that must fail (empty: none may fail).
	failed report.CheckID
	// flagged is a check that must be warn or skip while nothing fails.
	flagged report.CheckID
}

// TestOB2ValidatorVectors runs every file of 1EdTech's OB 2.0 validator
// tests. The "1EdTech" column is the expectation in OB20Tests.java
// (digital-credentials-public-validator, inspector-vc, at commit 3825471):
// valid = assertValid, invalid = assertInvalid, warning = assertWarning.
// For a document that awards nothing (a BadgeClass, a Profile, an
// AlignmentObject), "valid" means every check passes, but ClearBadge does
// not call it verified (verdict not-verified: it is no award). "warning" maps to: nothing fails, and the named
// check is a warning or could not be completed; where 1EdTech warns that
// nothing ties the server to a non-HTTP issuer id, ClearBadge's verdict is
// not "verified" (the Trust rules: the issuer must be tied to what is
// verified).
//
// The assets are served at https://example.org/, http://example.org/ and
// https://www.example.org/ as in OB20Tests; a hosted input is also served at
// its own id (1EdTech's validator does not fetch it again, ClearBadge does:
// the issuer's copy is the one verified).
func TestOB2ValidatorVectors(t *testing.T) {
	assets := ob2Assets(t)
	dir := vectors.Dir(t, "1edtech", "validator", "ob20")
	cases := []struct {
		file, onextech string
		want           ob2Want
	}{
		{"basic-assertion.json", "valid (testSimpleJsonValid)", ob2Want{verified: true, kind: "Assertion"}},
		{"simple-badge.png", "valid (testSimplePNGPlainValid)", ob2Want{verified: true, kind: "Assertion"}},
		{"assets/badgeclass1.json", "valid (testSimpleBadgeClassJsonValid)", ob2Want{kind: "BadgeClass"}},
		{"basic-assertion-invalid-context.json", "invalid, ContextPropertyProbe (testSimpleJsonInvalidContext)", ob2Want{failed: report.CheckFormat, kind: "unknown"}},
		{"basic-assertion-invalid-type.json", "invalid, TypePropertyProbe (testSimpleJsonInvalidType)", ob2Want{failed: report.CheckSchema, kind: "unknown"}},
		{"simple.jwt", "valid (testSimpleJWTValid)", ob2Want{verified: true, kind: "Assertion"}},
		{"simple-not-revoked.jwt", "valid (testJWTNotRevoked)", ob2Want{verified: true, kind: "Assertion"}},
		{"simple-revoked.jwt", "invalid (testJWTRevoked)", ob2Want{failed: report.CheckStatus, kind: "Assertion"}},
		{"assets/badge-with-data-image.json", "valid (testDataImageInBadge)", ob2Want{kind: "BadgeClass"}},
		{"assertion-with-data-image.json", "invalid (testDataImageInAssertion)", ob2Want{failed: report.CheckSchema, kind: "Assertion"}},
		{"assets/badgeclass-with-complex-image.json", "valid (testComplexImageInAssertion)", ob2Want{kind: "BadgeClass"}},
		{"assertion-with-endorsements.json", "valid (testEndorsementsInAssertion)", ob2Want{verified: true, kind: "Assertion"}},
		{"basic-assertion-no-public-key.json", "valid (testNoPublicKeyInIssuer)", ob2Want{verified: true, kind: "Assertion"}},
		{"issuer-compact-iri-validation.json", "valid (testCompactIriInIssuer)", ob2Want{kind: "Issuer"}},
		{"rdf-validation/valid-badge-class.json", "valid (testRdfValidation)", ob2Want{kind: "BadgeClass"}},
		{"rdf-validation/valid-issuer-extension.json", "valid (testRdfValidation)", ob2Want{kind: "Issuer"}},
		{"rdf-validation/valid-alignment-object.json", "valid (testRdfValidation)", ob2Want{kind: "unknown"}},
		{"rdf-validation/valid-cool-class.json", "valid (testRdfValidation)", ob2Want{kind: "unknown"}},
		{"rdf-validation/valid-badge-class-empty-criteria-type.json", "valid (testRdfValidation)", ob2Want{kind: "BadgeClass"}},
		{"rdf-validation/invalid-empty-type.json", "invalid (testRdfValidation)", ob2Want{failed: report.CheckSchema, kind: "unknown"}},
		{"rdf-validation/invalid-class.json", "invalid (testRdfValidation)", ob2Want{failed: report.CheckSchema, kind: "unknown"}},
		{"rdf-validation/invalid-one-invalid-class.json", "invalid (testRdfValidation)", ob2Want{failed: report.CheckSchema, kind: "Issuer"}},
		{"rdf-validation/badge-class-invalid-issuer-type.json", "invalid (testRdfValidation)", ob2Want{failed: report.CheckSchema, kind: "BadgeClass"}},
		{"basic-assertion-with-allowed-origins.json", "valid (testVerification)", ob2Want{verified: true, kind: "Assertion"}},
		{"basic-assertion-with-allowed-origins-valid-starts-with.json", "valid (testVerificationStartsWith)", ob2Want{verified: true, kind: "Assertion"}},
		{"basic-assertion-with-allowed-origins-invalid-starts-with.json", "invalid (testVerificationStartsWith)", ob2Want{failed: report.CheckIssuer, kind: "Assertion"}},
		{"basic-assertion-with-allowed-origins-valid-multiple-starts-with.json", "valid (testVerificationMultipleStartsWith)", ob2Want{verified: true, kind: "Assertion"}},
		{"basic-assertion-with-allowed-origins-invalid-multiple-starts-with.json", "invalid (testVerificationMultipleStartsWith)", ob2Want{failed: report.CheckIssuer, kind: "Assertion"}},
		{"basic-assertion-expired.json", "invalid (testExpired)", ob2Want{failed: report.CheckValidity, kind: "Assertion"}},
		{"basic-assertion-expired-before-issued.json", "invalid (testExpiredBeforeIssued)", ob2Want{failed: report.CheckValidity, kind: "Assertion"}},
		{"basic-assertion-in-future.json", "invalid (testIssuedInFuture)", ob2Want{failed: report.CheckValidity, kind: "Assertion"}},
		{"basic-assertion-with-language.json", "valid (testAssertionWithLanguage)", ob2Want{verified: true, kind: "Assertion"}},
		{"assertion-with-extension-node-basic.json", "valid (testExtensionNode)", ob2Want{verified: true, kind: "Assertion"}},
		{"assertion-with-multiple-extensions.json", "valid (testMultipleExtensionNode)", ob2Want{verified: true, kind: "Assertion"}},
		{"assertion-with-extension-node-invalid.json", "invalid (testInvalidExtensionNode)", ob2Want{failed: report.CheckSchema, kind: "Assertion"}},
		{"warning-with-redirection.json", "warning (WarningTests.testWarningRedirectionJsonValid)", ob2Want{verified: true, kind: "Assertion", flagged: report.CheckSchema}},
		{"warning-issuer-non-http.json", "warning (WarningTests.testWarningIssuerNonHttps)", ob2Want{kind: "Assertion", flagged: report.CheckIssuer}},
		// Not run by OB20Tests at 3825471; an earlier OB20Tests
		// (testLanguageInBadgeClass) expected valid.
		{"badge-class-with-language.json", "valid (testLanguageInBadgeClass, earlier OB20Tests)", ob2Want{kind: "BadgeClass"}},
		// Not an input of OB20Tests: its comment says it is what two URLs
		// serve, and its // comments make it no JSON at all.
		{"redirected-validation-subject.json", "none (a fixture, not JSON)", ob2Want{failed: report.CheckFormat, kind: "unknown"}},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, c.file))
			if err != nil {
				t.Fatal(err)
			}
			r := verifyOB2(t, in, assets)
			checkOB2(t, r, c.want)
		})
	}
	// Every file of the folder is in the table.
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		if err == nil && !d.IsDir() && !strings.HasPrefix(rel, "assets/") && !seen[rel] {
			t.Errorf("%s is not in the table", rel)
		}
		return nil
	})
}

// verifyOB2 verifies in with the assets, serving a JSON input also at its id.
func verifyOB2(t *testing.T, in []byte, assets map[string][]byte, opts ...Option) *report.Report {
	t.Helper()
	docs := map[string][]byte{}
	for k, v := range assets {
		docs[k] = v
	}
	hosted := in
	if b, err := baked.Extract(in); err == nil {
		hosted = b.Payload
	}
	if id := jsonID(hosted); id != "" {
		docs[id] = hosted
	}
	v := New(append([]Option{WithDocuments(docs), WithTime(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))}, opts...)...)
	return v.Verify(context.Background(), in, "vector")
}

func jsonID(in []byte) string {
	var doc struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(in, &doc); err != nil {
		return ""
	}
	return doc.ID
}

func checkOB2(t *testing.T, r *report.Report, w ob2Want) {
	t.Helper()
	if r.Verified != w.verified || r.Kind != w.kind {
		t.Errorf("verified %v kind %q, want verified %v kind %q", r.Verified, r.Kind, w.verified, w.kind)
	}
	verdict := report.NotVerified
	switch {
	case w.verified:
		verdict = report.Verified
	case w.failed == report.CheckFormat:
		verdict = report.Error
	case w.flagged != "" && w.failed == "":
		verdict = report.Incomplete
	}
	if r.Verdict != verdict {
		t.Errorf("verdict %s, want %s", r.Verdict, verdict)
	}
	for _, c := range r.Checks {
		if c.Outcome == report.Fail && c.ID != w.failed {
			t.Errorf("check %s failed: %s (%s)", c.ID, c.Message, c.Detail)
		}
	}
	if w.failed != "" {
		if c := r.Check(w.failed); c == nil || c.Outcome != report.Fail {
			t.Errorf("check %s did not fail: %+v", w.failed, c)
		}
	}
	if w.flagged != "" {
		if c := r.Check(w.flagged); c == nil || (c.Outcome != report.Warn && c.Outcome != report.Skip) {
			t.Errorf("check %s is not a warning: %+v", w.flagged, c)
		}
	}
	if t.Failed() {
		for _, c := range r.Checks {
			t.Logf("  %s %s: %s (%s)", c.Outcome, c.ID, c.Message, c.Detail)
		}
		for _, n := range r.Credentials {
			for _, c := range n.Checks {
				t.Logf("    [%s] %s %s: %s (%s)", n.Source, c.Outcome, c.ID, c.Message, c.Detail)
			}
		}
	}
}

// OB 2.0 baking (Baking Specification 1.0): an SVG with an
// <openbadges:assertion> holding a JWS in its verify attribute or the JSON
// as content, and a PNG whose tEXt "openbadges" chunk holds the hosted
// assertion's URL (OB 1.0 style) all verify like the bare assertion.
func TestOB2BakedForms(t *testing.T) {
	assets := ob2Assets(t)
	dir := vectors.Dir(t, "1edtech", "validator", "ob20")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	jwt := strings.TrimSpace(string(read("simple.jwt")))
	hostedJSON := read("basic-assertion.json")
	svg := func(inner string) []byte {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="10" height="10">` +
			inner + `<rect width="10" height="10"/></svg>`)
	}
	withHosted := map[string][]byte{"https://example.org/beths-robotics-badge.json": hostedJSON}
	for k, v := range assets {
		withHosted[k] = v
	}
	for _, c := range []struct {
		name   string
		in     []byte
		format string
	}{
		{"svg verify attribute (JWS)", svg(`<openbadges:assertion verify="` + jwt + `"></openbadges:assertion>`), "svg"},
		{"svg JSON content", svg(`<openbadges:assertion><![CDATA[` + string(hostedJSON) + `]]></openbadges:assertion>`), "svg"},
		{"png tEXt URL", pngWithText(t, read("simple-badge.png"), "openbadges", "https://example.org/beths-robotics-badge.json"), "png"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := New(WithDocuments(withHosted), WithTime(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))).Verify(context.Background(), c.in, c.name)
			if r.Format != c.format {
				t.Errorf("format %q, want %q", r.Format, c.format)
			}
			checkOB2(t, r, ob2Want{verified: true, kind: "Assertion"})
		})
	}
}

// pngWithText replaces the text chunks of a PNG by one tEXt chunk.
func pngWithText(t *testing.T, img []byte, keyword, text string) []byte {
	t.Helper()
	out := append([]byte{}, img[:8]...)
	for p := 8; p+12 <= len(img); {
		n := int(binary.BigEndian.Uint32(img[p:]))
		typ := string(img[p+4 : p+8])
		end := p + 12 + n
		if typ != "iTXt" && typ != "tEXt" && typ != "zTXt" {
			out = append(out, img[p:end]...)
		}
		if typ == "IHDR" {
			data := append([]byte(keyword+"\x00"), text...)
			chunk := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
			chunk = append(chunk, "tEXt"...)
			chunk = append(chunk, data...)
			chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
			out = append(out, chunk...)
		}
		p = end
	}
	return out
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
)

const (
	goodJWT     = "../../testdata/peer/jwt-eddsa-didkey.jwt"
	goodV1      = "../../testdata/peer/ob-v1-ed25519signature2020.json"
	challenge   = "cli-test-challenge-7"
	domain      = "verifier.example"
	challengeIs = "--challenge=" + challenge
	domainIs    = "--domain=" + domain
)

// newKeyFile runs keygen into a temporary file.
func newKeyFile(t *testing.T, typ string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), typ+".jwk")
	if code, _, errs := cli(t, "", "keygen", "--type", typ, "--out", path); code != exitOK {
		t.Fatalf("keygen: exit %d: %s", code, errs)
	}
	return path
}

// presentFile runs present and writes its output to a file.
func presentFile(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, "", append([]string{"present"}, args...)...)
	if code != exitOK {
		t.Fatalf("present: exit %d: %s", code, errs)
	}
	path := filepath.Join(t.TempDir(), "vp")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// verifyReport runs verify --json on one file.
func verifyReport(t *testing.T, args ...string) (int, *report.Report) {
	t.Helper()
	code, out, errs := cli(t, "", append([]string{"verify", "--json", "--offline", at}, args...)...)
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("exit %d, %v\n%s%s", code, err, out, errs)
	}
	return code, &r
}

// TestPresentThenVerify is the command line: keygen, present, and
// verify with the challenge and domain.
func TestPresentThenVerify(t *testing.T) {
	badge := filepath.Join(t.TempDir(), "badge.svg")
	if code, _, errs := cli(t, "", "bake", "--out", badge, good); code != exitOK {
		t.Fatalf("bake: %s", errs)
	}
	for _, typ := range []string{"ed25519", "p256"} {
		key := newKeyFile(t, typ)
		for _, tc := range []struct {
			name   string
			args   []string
			format string
			n      int
		}{
			{"di", []string{good, goodJWT, badge}, "json-ld", 3},
			{"di/v1", []string{goodV1}, "json-ld", 1},
			{"jwt", []string{"--format=jwt", good, goodJWT}, "vc-jose", 2},
			{"jwt/v1", []string{"--format=jwt", goodV1}, "vc-jwt", 1},
		} {
			t.Run(typ+"/"+tc.name, func(t *testing.T) {
				vp := presentFile(t, append([]string{"--key", key, challengeIs, domainIs}, tc.args...)...)
				code, r := verifyReport(t, challengeIs, domainIs, vp)
				if code != exitOK || !r.Verified || r.Kind != "VerifiablePresentation" || r.Format != tc.format || len(r.Credentials) != tc.n {
					t.Errorf("exit %d, verified %v, kind %s, format %s, %d credentials", code, r.Verified, r.Kind, r.Format, len(r.Credentials))
				}
				if c := r.Check(report.CheckPresentation); c == nil || c.Outcome != report.Pass {
					t.Errorf("presentation check %+v", c)
				}
				// The same presentation answering another request is a replay.
				if code, r := verifyReport(t, "--challenge=another", domainIs, vp); code != exitNotValid || r.Check(report.CheckPresentation).Outcome != report.Fail {
					t.Errorf("replay: exit %d, %+v", code, r.Check(report.CheckPresentation))
				}
				if code, _ := verifyReport(t, challengeIs, "--domain=elsewhere.example", vp); code != exitNotValid {
					t.Errorf("another domain: exit %d", code)
				}
			})
		}
	}
}

func TestPresentStdinAndNotes(t *testing.T) {
	key := newKeyFile(t, "ed25519")
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, string(b), "present", "--key", key, "--id", "urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "no --challenge") {
		t.Errorf("no note about the missing challenge: %q", errs)
	}
	if !strings.Contains(out, `"id": "urn:uuid:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"`) {
		t.Errorf("the id is missing:\n%s", out)
	}
	// A key file others can read works, with a warning.
	if err := os.Chmod(key, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cli(t, "", "present", "--key", key, challengeIs, good); code != exitOK || !strings.Contains(errs, "chmod 600") {
		t.Errorf("loose key file: exit %d, %q", code, errs)
	}
}

func TestPresentUsage(t *testing.T) {
	key := newKeyFile(t, "ed25519")
	dir := t.TempDir()
	pub := filepath.Join(dir, "public.jwk")
	if err := os.WriteFile(pub, []byte(`{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	vp := presentFile(t, "--key", key, challengeIs, good)
	for name, tc := range map[string]struct {
		args []string
		msg  string // in stderr
	}{
		"no key":             {[]string{"present", good}, "Usage"},
		"no credential":      {[]string{"present", "--key", key}, "Usage"},
		"missing key file":   {[]string{"present", "--key", filepath.Join(dir, "none.jwk"), good}, "--key"},
		"public key":         {[]string{"present", "--key", pub, good}, "public key only"},
		"credential as key":  {[]string{"present", "--key", good, good}, "--key"},
		"bad format":         {[]string{"present", "--key", key, "--format=cbor", good}, "unknown presentation format"},
		"missing credential": {[]string{"present", "--key", key, filepath.Join(dir, "none.json")}, "none.json"},
		"a presentation":     {[]string{"present", "--key", key, good, vp}, vp + ": a presentation cannot be put inside"},
		"not a credential":   {[]string{"present", "--key", key, "../../README.md"}, "README.md: neither a JSON credential nor a JWT"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := cli(t, "", tc.args...)
			if code != exitUsage || out != "" || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d, stdout %q, stderr %q (want %q)", code, out, errs, tc.msg)
			}
		})
	}
}

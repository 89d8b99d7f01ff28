package main

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/testenv"
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

// TestPresentationVerifiesWithVCJS is the direction "what ClearBadge
// presents verifies elsewhere": presentations made by this command verify
// with Digital Bazaar's vc.js verify() given the challenge and domain (and
// jose for the JWTs), via scripts/peer/vp-verify.mjs; a replay with another
// challenge, another domain or a changed presentation does not. It needs
// node and the npm packages (npm ci), which CI installs.
func TestPresentationVerifiesWithVCJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Unavailable(t, "node is not installed: the JS side of the interop test cannot run")
	}
	const root = "../.."
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@digitalbazaar", "vc")); err != nil {
		testenv.Unavailable(t, "node_modules/@digitalbazaar/vc is missing: run npm ci for the JS side of the interop test")
	}
	peer := func(name string) string { return filepath.Join(root, "testdata", "peer", name) }
	dir := t.TempDir()
	var good, tampered []string
	for _, typ := range []string{"ed25519", "p256"} {
		key := newKeyFile(t, typ)
		for _, tc := range []struct {
			name string
			args []string
		}{
			// VC 2.0 with Data Integrity and JOSE credentials of three issuers.
			{"di", []string{peer("ob-eddsa-rdfc-2022.json"), peer("ob-ecdsa-rdfc-2019-p256.json"), peer("jwt-eddsa-didkey.jwt")}},
			{"di-v1", []string{peer("ob-v1-ed25519signature2020.json")}},
			{"jwt", []string{"--format=jwt", peer("ob-eddsa-rdfc-2022.json"), peer("jwt-eddsa-didkey.jwt")}},
			{"jwt-v1", []string{"--format=jwt", peer("ob-v1-ed25519signature2020.json")}},
			// The holder's proof over RFC 8785 JSON; credentials of the
			// newer suites inside.
			{"di-jcs", []string{"--format=di-jcs", peer("ob-eddsa-jcs-2022.json"), peer("ob-ecdsa-sd-2023-some.json"), peer("jwt-eddsa-didkey.jwt")}},
			{"di-jcs-v1", []string{"--format=di-jcs", peer("ob-v1-ed25519signature2020.json")}},
		} {
			vp := presentFile(t, append([]string{"--key", key, challengeIs, domainIs}, tc.args...)...)
			name := filepath.Join(dir, typ+"-"+tc.name)
			if err := os.Rename(vp, name); err != nil {
				t.Fatal(err)
			}
			good = append(good, name)
			// The same presentation changed after signing: the holder (in
			// either form) for JSON, a credential's name inside a VP-JWT.
			b, _ := os.ReadFile(name)
			changed := strings.Replace(string(b), "did:key:", "did:key:z", 1)
			if tc.args[0] == "--format=jwt" {
				parts := strings.Split(strings.TrimSpace(string(b)), ".")
				payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
				payload = []byte(strings.Replace(string(payload), "Peer Interop Explorer", "Peer Interop Expert", 1))
				changed = parts[0] + "." + base64.RawURLEncoding.EncodeToString(payload) + "." + parts[2]
			}
			if err := os.WriteFile(name+"-tampered", []byte(changed), 0o644); err != nil {
				t.Fatal(err)
			}
			tampered = append(tampered, name+"-tampered")
		}
	}
	// One node run per request (node's start-up is the slow part): each
	// prints a line per file.
	js := func(files []string, args ...string) map[string]string {
		t.Helper()
		cmd := exec.Command(node, append(append([]string{"scripts/peer/vp-verify.mjs", "--now", "2026-01-01T00:00:00Z"}, args...), files...)...)
		cmd.Dir = root
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
			t.Fatalf("node scripts/peer/vp-verify.mjs: %v\n%s%s", err, out, stderr.String())
		}
		results := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			var r struct {
				File     string
				Verified bool
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			if r.Verified {
				results[r.File] = ""
			} else {
				results[r.File] = line
			}
		}
		if len(results) != len(files) {
			t.Fatalf("%d results for %d files:\n%s", len(results), len(files), out)
		}
		return results
	}
	abs := func(files []string) []string {
		out := make([]string, len(files))
		for i, f := range files {
			out[i], _ = filepath.Abs(f)
		}
		return out
	}
	all := abs(append(append([]string{}, good...), tampered...))
	got := js(all, "--challenge", challenge, "--domain", domain)
	for i, f := range all {
		switch failed, isGood := got[f], i < len(good); {
		case isGood && failed != "":
			t.Errorf("vc.js does not verify what ClearBadge presented: %s", failed)
		case !isGood && failed == "":
			t.Errorf("vc.js accepts a changed presentation: %s", f)
		}
	}
	for _, args := range [][]string{{"--challenge", "another", "--domain", domain}, {"--challenge", challenge, "--domain", "elsewhere.example"}} {
		for f, failed := range js(abs(good), args...) {
			if failed == "" {
				t.Errorf("vc.js accepts %s with %v", f, args)
			}
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/internal/hostile"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// The peer fixtures are credentials made by Digital Bazaar's stack and the
// npm jose package (testdata/peer/README.md).
const (
	good     = "../../testdata/peer/ob-eddsa-rdfc-2022.json"
	tampered = "../../testdata/peer/di-tampered.json"
	at       = "--at=2026-01-01T00:00:00Z"
)

func cli(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestVerifyExitCodes(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"verified", []string{"verify", "--offline", at, good}, exitOK},
		{"tampered", []string{"verify", "--offline", at, tampered}, exitNotValid},
		{"one of two fails", []string{"verify", "--offline", at, good, tampered}, exitNotValid},
		{"missing file", []string{"verify", "--offline", "no-such-file.json"}, exitUsage},
		{"no file", []string{"verify"}, exitUsage},
		{"bad flag", []string{"verify", "--nope", good}, exitUsage},
		{"bad time", []string{"verify", "--at=yesterday", good}, exitUsage},
		{"bad recipient", []string{"verify", "--recipient=nobody", good}, exitUsage},
		{"bad --with", []string{"verify", "--with=https://x", good}, exitUsage},
		{"expired then", []string{"verify", "--offline", "--at=2040-01-01", good}, exitNotValid},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"no command", nil, exitUsage},
		{"help", []string{"help"}, exitOK},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if code, out, errs := cli(t, "", c.args...); code != c.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.want, out, errs)
			}
		})
	}
}

func TestVerifyJSON(t *testing.T) {
	code, out, _ := cli(t, "", "verify", "--json", "--offline", at, good)
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output is not one Report: %v\n%s", err, out)
	}
	if code != exitOK || !r.Verified || r.Kind != "OpenBadgeCredential" || r.Check("proof").Outcome != report.Pass {
		t.Errorf("exit %d, report %+v", code, r)
	}
	_, out, _ = cli(t, "", "verify", "--json", "--offline", at, good, tampered)
	var rs []report.Report
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != 2 || rs[1].Check("proof").Outcome != report.Fail {
		t.Errorf("two inputs: %v %+v", err, rs)
	}
}

func TestVerifyStdinAndReadable(t *testing.T) {
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := cli(t, string(b), "verify", "--offline", at, "-")
	if code != exitOK || !strings.HasPrefix(out, "VERIFIED") || !strings.Contains(out, "✔ proof") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = cli(t, "not a credential", "verify", "--offline", "-")
	// Not a credential is unreadable input: exit 2, like a missing file.
	if code != exitUsage || !strings.HasPrefix(out, "NOT A CREDENTIAL") || !strings.Contains(out, "✘ format") {
		t.Errorf("garbage on stdin: exit %d:\n%s", code, out)
	}
}

func TestWithDocument(t *testing.T) {
	// Status lists supplied with --with are used offline (core/internal/status's
	// peer-made fixtures: Digital Bazaar status lists).
	dir := "../../core/internal/status/testdata/peer/"
	list := "--with=https://status.example/lists/bsl-revocation=" + dir + "bsl-revocation.json"
	for name, want := range map[string]report.Outcome{"credential-revoked.json": report.Fail, "credential-valid.json": report.Pass} {
		code, out, errs := cli(t, "", "verify", "--offline", "--json", at, list, dir+name)
		var r report.Report
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%s: %v %s", name, err, errs)
		}
		if c := r.Check("status"); c == nil || c.Outcome != want {
			t.Errorf("%s: exit %d, status %+v", name, code, c)
		}
	}
	// Without the list, offline: skipped, never a silent pass.
	_, out, _ := cli(t, "", "verify", "--offline", "--json", at, dir+"credential-valid.json")
	var r report.Report
	json.Unmarshal([]byte(out), &r)
	if c := r.Check("status"); c == nil || c.Outcome != report.Skip {
		t.Errorf("offline without the list: %+v", c)
	}
}

func TestBakeThenVerify(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"svg", "png"} {
		out := filepath.Join(dir, "badge."+ext)
		args := []string{"bake", "--out", out, good}
		if ext == "png" {
			base := filepath.Join(dir, "base.png")
			if err := os.WriteFile(base, minimalPNG(), 0o644); err != nil {
				t.Fatal(err)
			}
			args = []string{"bake", "--image", base, "--out", out, good}
		}
		if code, _, errs := cli(t, "", args...); code != exitOK {
			t.Fatalf("bake %s: exit %d: %s", ext, code, errs)
		}
		if code, out, _ := cli(t, "", "verify", "--offline", at, out); code != exitOK {
			t.Errorf("baked %s does not verify:\n%s", ext, out)
		}
	}
}

// minimalPNG is a 1×1 PNG made with the standard library.
func minimalPNG() []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	png.Encode(&b, img)
	return b.Bytes()
}

// Every signed example of the OB 3.0 and CLR 2.0 specifications verifies
// offline through the command line (exit 0), the JWT ones with notes.
func TestSpecExamplesThroughCLI(t *testing.T) {
	dir := vectors.Dir(t, "1edtech")
	files, _ := filepath.Glob(filepath.Join(dir, "spec-rendered-examples", "*"))
	files = append(files,
		filepath.Join(dir, "spec-test-vectors", "obv3p0", "credential-signed.json"),
		filepath.Join(dir, "spec-test-vectors", "clrv2p0", "credential-signed.json"))
	if len(files) < 3 {
		t.Fatalf("found only %d examples", len(files))
	}
	// Their keys sit in URL fragments of https issuers on example domains:
	// offline the signatures verify but the issuer binding is unconfirmed,
	// so every one is incomplete (exit 3), and says going online completes it.
	code, out, errs := cli(t, "", append([]string{"verify", "--offline", "--json"}, files...)...)
	var rs []report.Report
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != len(files) {
		t.Fatalf("exit %d, %v: %s", code, err, errs)
	}
	for _, r := range rs {
		if r.Verdict != report.Incomplete || r.Check(report.CheckProof).Outcome != report.Pass || len(r.Missing) == 0 || r.Missing[0].Remedy != report.RemedyOnline {
			t.Errorf("%s: %s, missing %+v: %+v", r.Source, r.Verdict, r.Missing, r.Checks)
		}
	}
	if code != exitIncomplete {
		t.Fatalf("exit %d, want %d: %s", code, exitIncomplete, errs)
	}
}

// Badge images baked by another tool (1EdTech's validator test files: PNG
// iTXt and SVG, with JSON and with a JWT inside) verify through the command
// line.
func TestBakedByAnotherToolThroughCLI(t *testing.T) {
	dir := vectors.Dir(t, "1edtech", "validator", "ob30")
	var files []string
	for _, f := range []string{"simple-json.png", "simple-json.svg", "simple-jwt.png", "simple-jwt.svg"} {
		files = append(files, filepath.Join(dir, f))
	}
	code, out, errs := cli(t, "", append([]string{"verify", "--offline", "--json"}, files...)...)
	var rs []report.Report
	if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != len(files) {
		t.Fatalf("exit %d, %v: %s", code, err, errs)
	}
	for _, r := range rs {
		if r.Verdict != report.Incomplete || r.Check(report.CheckProof).Outcome != report.Pass || (r.Format != "png" && r.Format != "svg") {
			t.Errorf("%s: %s, format %q: %+v", r.Source, r.Verdict, r.Format, r.Checks)
		}
	}
	if code != exitIncomplete {
		t.Errorf("exit %d", code)
	}
}

// An Open Badges 2.0 assertion given by its web address is fetched (here
// from --with), and verified like the file; offline without the documents
// it is incomplete (exit 3).
func TestOB2AssertionURL(t *testing.T) {
	dir := vectors.Dir(t, "1edtech", "validator", "ob20")
	const id = "https://example.org/beths-robotics-badge.json"
	with := []string{"--with=" + id + "=" + filepath.Join(dir, "basic-assertion.json")}
	for _, f := range []string{"robotics-badge.json", "organization.json"} {
		with = append(with, "--with=https://example.org/"+f+"="+filepath.Join(dir, "assets", f))
	}
	args := append(append([]string{"verify", "--offline", "--json"}, with...), id)
	code, out, errs := cli(t, "", args...)
	var r report.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v %s", err, errs)
	}
	if code != exitOK || r.Verdict != report.Verified || r.Kind != "Assertion" || r.Format != "ob2-hosted" || r.Summary.Issuer.Name != "An Example Badge Issuer" {
		t.Errorf("exit %d, %s %s %s, issuer %+v", code, r.Verdict, r.Kind, r.Format, r.Summary.Issuer)
	}
	if code, _, _ := cli(t, "", "verify", "--offline", id); code != exitIncomplete {
		t.Errorf("offline without documents: exit %d, want %d", code, exitIncomplete)
	}
	if code, _, _ := cli(t, "", "verify", "--offline", filepath.Join(dir, "simple-badge.png")); code != exitIncomplete {
		t.Errorf("baked hosted badge offline: exit %d, want %d", code, exitIncomplete)
	}
}

// TestAllowPrivateNetwork: a did:web issuer on 127.0.0.1 gets no connection
// from the CLI unless --allow-private-network is given (the server's
// certificate is not trusted, so the connection then fails in TLS: it is
// the attempt that is counted).
func TestAllowPrivateNetwork(t *testing.T) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "did-web.json")
	if err := os.WriteFile(file, hostile.DIDWeb(strings.TrimPrefix(srv.URL, "https://")), 0o600); err != nil {
		t.Fatal(err)
	}
	_, out, _ := cli(t, "", "verify", at, file)
	if conns.Load() != 0 || !strings.Contains(out, "127.0.0.1 is a local address") {
		t.Errorf("%d connections without --allow-private-network; output:\n%s", conns.Load(), out)
	}
	cli(t, "", "verify", "--allow-private-network", "--timeout=5s", at, file)
	if conns.Load() == 0 {
		t.Errorf("--allow-private-network: the server was not contacted")
	}
	if code, _, errs := cli(t, "", "verify", "--timeout=0s", file); code != exitUsage {
		t.Errorf("--timeout=0s: exit %d, %s", code, errs)
	}
}

// Help is not an error: every command prints its usage on stdout and exits
// 0; a command missing its input says what is missing, on stderr, exit 2.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"verify", "bake", "keygen", "present"} {
		code, out, errs := cli(t, "", cmd, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: clearbadge "+cmd) || errs != "" {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", cmd, code, out, errs)
		}
	}
	code, _, errs := cli(t, "", "verify")
	if code != exitUsage || !strings.Contains(errs, "no file given") {
		t.Errorf("verify without a file: exit %d, %q", code, errs)
	}
	code, _, errs = cli(t, "", "verify", "--no-such-flag", "x")
	if code != exitUsage || !strings.Contains(errs, "Usage: clearbadge verify") {
		t.Errorf("a wrong flag: exit %d, %q", code, errs)
	}
}

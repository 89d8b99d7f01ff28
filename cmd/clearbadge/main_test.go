package main

import (
	"bytes"
	"encoding/json"
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

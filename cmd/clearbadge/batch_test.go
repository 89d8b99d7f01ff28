package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
)

// batchDir copies peer fixtures into a temporary directory tree: a good
// credential n times, a tampered one, a file that is not a credential
// format (ignored) and a hidden directory (ignored).
func batchDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	good, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	bad, err := os.ReadFile(tampered)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		write(filepath.Join("sub", "good-"+string(rune('a'+i%26))+strings.Repeat("x", i/26)+".json"), good)
	}
	write("m-tampered.json", bad)
	write("notes.txt", []byte("not a credential"))
	write(".hidden/x.json", []byte("{}"))
	return dir
}

func jsonLines(t *testing.T, out string) []report.Report {
	t.Helper()
	var rs []report.Report
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r report.Report
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("not one JSON object per line: %v\n%s", err, line)
		}
		rs = append(rs, r)
	}
	return rs
}

func TestBatchDirectoryJSONL(t *testing.T) {
	dir := batchDir(t, 30)
	code, out, errs := cli(t, "", "verify", "--offline", at, "--json", "--jsonl", "--jobs", "3", dir)
	if code != exitNotValid {
		t.Errorf("exit %d, want %d (the tampered one wins); stderr %s", code, exitNotValid, errs)
	}
	rs := jsonLines(t, out)
	if len(rs) != 31 {
		t.Fatalf("%d reports, want 31 (30 good, 1 tampered; notes.txt and .hidden skipped)", len(rs))
	}
	// Lexical order: m-tampered.json before sub/.
	if rs[0].Verdict != report.NotVerified || !strings.HasSuffix(rs[0].Source, "m-tampered.json") {
		t.Errorf("first report %s %s", rs[0].Verdict, rs[0].Source)
	}
	for _, r := range rs[1:] {
		if r.Verdict != report.Verified {
			t.Errorf("%s: %s", r.Source, r.Verdict)
		}
	}
	// The same output whatever the number of jobs.
	_, one, _ := cli(t, "", "verify", "--offline", at, "--json", "--jsonl", "--jobs", "1", dir)
	if one != out {
		t.Error("--jobs 1 and --jobs 3 print different output")
	}
}

// The worst input wins in a batch as with a few files: unreadable beats
// incomplete and verified; not verified beats unreadable.
func TestBatchExitCodes(t *testing.T) {
	dir := batchDir(t, 3)
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"all verified", []string{filepath.Join(dir, "sub")}, exitOK},
		{"one unreadable", []string{filepath.Join(dir, "sub"), filepath.Join(dir, "missing.json")}, exitUsage},
		{"not a credential", []string{filepath.Join(dir, "sub"), filepath.Join(dir, "notes.txt")}, exitUsage},
		{"not verified wins", []string{filepath.Join(dir, "missing.json"), dir}, exitNotValid},
		{"an empty directory", []string{t.TempDir()}, exitUsage},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"verify", "--offline", at, "--jobs", "2"}, c.args...)
			if code, _, errs := cli(t, "", args...); code != c.want {
				t.Errorf("exit %d, want %d; stderr %s", code, c.want, errs)
			}
		})
	}
	for _, bad := range [][]string{{"--jobs", "0"}, {"--jsonl"}} {
		args := append(append([]string{"verify", "--offline"}, bad...), dir)
		if code, _, _ := cli(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}

// Text and JSON-array output keep their form with several jobs, and no
// progress bar is drawn when stderr is not a terminal.
func TestBatchTextAndArray(t *testing.T) {
	dir := filepath.Join(batchDir(t, 4), "sub")
	code, out, errs := cli(t, "", "verify", "--offline", at, "--jobs", "4", dir)
	if code != exitOK || strings.Count(out, "VERIFIED") != 4 || errs != "" {
		t.Errorf("exit %d, stderr %q, output:\n%s", code, errs, out)
	}
	_, arr, _ := cli(t, "", "verify", "--offline", at, "--json", dir)
	var rs []report.Report
	if err := json.Unmarshal([]byte(arr), &rs); err != nil || len(rs) != 4 {
		t.Errorf("not an array of 4 reports: %v", err)
	}
	if !bytes.HasPrefix([]byte(arr), []byte("[\n  {")) {
		t.Errorf("the array is no longer indented: %.40s", arr)
	}
}

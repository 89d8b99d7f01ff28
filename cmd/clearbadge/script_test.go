package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run the CLI as the command "clearbadge": the
// test binary re-executes itself as it, so each run is a real process with
// its own standard streams and file modes. The exit code is a contract
// (README), and testscript's exec only tells zero from non-zero: the
// process also writes its code to $EXITFILE, which `exitcode` reads.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"clearbadge": func() {
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			if f := os.Getenv("EXITFILE"); f != "" {
				if err := os.WriteFile(f, []byte(strconv.Itoa(code)), 0o600); err != nil {
					panic(err)
				}
			}
			os.Exit(code)
		},
	})
}

// TestScripts runs the CLI's scenarios in testdata/script (one txtar file
// each, as the command line is used). $ROOT is the repository, for the peer
// fixtures under $ROOT/testdata/peer; `exitcode` checks the last run's exit
// code and `report` the JSON Report on its standard output.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("ROOT", root)
			env.Setenv("EXITFILE", filepath.Join(env.WorkDir, ".exitcode"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"report": cmdReport, "exitcode": cmdExitCode},
	})
}

// cmdExitCode checks the exit code of the last clearbadge run:
//
//	exitcode N
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 || neg {
		ts.Fatalf("usage: exitcode N")
	}
	f := ts.Getenv("EXITFILE")
	got := ts.ReadFile(f)
	// Read once: a later check must not see this run's code.
	ts.Check(os.Remove(f))
	if got != args[0] {
		ts.Fatalf("clearbadge exited %s, want %s", got, args[0])
	}
}

// cmdReport checks the JSON Report(s) on the last command's standard output:
//
//	report [N] [#I] FIELD=VALUE...
//
// N alone asserts an array of N Reports; #I picks the I-th of an array for
// the fields that follow, otherwise stdout must hold one Report. FIELD is
// verdict, verified, kind, format, issuer (the summary's issuer name),
// credentials (their count), remedy (the first missing item's), or check.ID
// (that check's outcome). With ! the command passes when some field differs.
func cmdReport(ts *testscript.TestScript, neg bool, args []string) {
	out := strings.TrimSpace(ts.ReadFile("stdout"))
	if len(args) > 0 && !strings.ContainsAny(args[0], "#=") {
		n, err := strconv.Atoi(args[0])
		if err != nil {
			ts.Fatalf("report: %q is not a count", args[0])
		}
		var rs []report.Report
		if err := json.Unmarshal([]byte(out), &rs); err != nil || len(rs) != n {
			ts.Fatalf("report: want an array of %d Reports, got %d (%v)", n, len(rs), err)
		}
		args = args[1:]
	}
	var r report.Report
	if len(args) > 0 && strings.HasPrefix(args[0], "#") {
		i, err := strconv.Atoi(args[0][1:])
		var rs []report.Report
		if err != nil || json.Unmarshal([]byte(out), &rs) != nil || i >= len(rs) {
			ts.Fatalf("report: no Report %s in stdout", args[0])
		}
		r, args = rs[i], args[1:]
	} else if len(args) > 0 {
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			ts.Fatalf("report: stdout is not one JSON Report: %v", err)
		}
	}
	var differs []string
	for _, a := range args {
		field, want, ok := strings.Cut(a, "=")
		if !ok {
			ts.Fatalf("report: %q is not FIELD=VALUE", a)
		}
		if got := reportField(&r, field); got != want {
			differs = append(differs, field+" is "+strconv.Quote(got)+", want "+strconv.Quote(want))
		}
	}
	switch {
	case neg && len(differs) == 0:
		ts.Fatalf("report: every field matches")
	case !neg && len(differs) > 0:
		ts.Fatalf("report: %s", strings.Join(differs, "; "))
	}
}

func reportField(r *report.Report, field string) string {
	switch field {
	case "verdict":
		return string(r.Verdict)
	case "verified":
		return strconv.FormatBool(r.Verified)
	case "kind":
		return r.Kind
	case "format":
		return r.Format
	case "issuer":
		return r.Summary.Issuer.Name
	case "credentials":
		return strconv.Itoa(len(r.Credentials))
	case "remedy":
		if len(r.Missing) == 0 {
			return ""
		}
		return string(r.Missing[0].Remedy)
	}
	if id, ok := strings.CutPrefix(field, "check."); ok {
		if c := r.Check(report.CheckID(id)); c != nil {
			return string(c.Outcome)
		}
		return "absent"
	}
	return "unknown field " + field
}

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
	"unicode"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/fetch/httpfetch"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// withFlags collects repeated --with URL=FILE flags.
type withFlags map[string][]byte

func (w withFlags) String() string { return "" }

func (w withFlags) Set(v string) error {
	u, file, ok := strings.Cut(v, "=")
	if !ok || u == "" || file == "" {
		return fmt.Errorf("expected URL=FILE, got %q", v)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	w[u] = b
	return nil
}

// registryFlags collects repeated --registry FILE|URL flags.
type registryFlags []registry.Source

func (r *registryFlags) String() string { return "" }

func (r *registryFlags) Set(v string) error {
	if strings.HasPrefix(v, "https://") {
		*r = append(*r, registry.Source{URL: v})
		return nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		return err
	}
	*r = append(*r, registry.Source{Name: filepath.Base(v), Data: b})
	return nil
}

func verifyCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the JSON Report (one object per input; a JSON array for several)")
	jsonl := fs.Bool("jsonl", false, "with --json: one JSON Report per line, written as each input is done (for batches)")
	jobs := fs.Int("jobs", runtime.NumCPU(), "verify this many inputs at once")
	offline := fs.Bool("offline", false, "make no network request (did:web keys, status lists and schemas are then skipped)")
	at := fs.String("at", "", "verify as of this time (RFC 3339, e.g. 2024-06-01T00:00:00Z, or a date 2024-06-01)")
	challenge := fs.String("challenge", "", "the challenge a presentation must carry")
	domain := fs.String("domain", "", "the domain a presentation must carry")
	refresh := fs.Bool("refresh", false, "fetch the issuer's refreshed copy when it offers one (online only)")
	recip := fs.String("recipient", "", "check the credential was issued to TYPE:VALUE: email:ADDRESS, username:, account:, sourcedid:, any OB 3.0 identityType (studentId:12345, phone:...), or a DID or URL compared with the subject's id (e.g. email:someone@example.org)")
	allowPrivate := fs.Bool("allow-private-network", false, "let online checks fetch from local addresses (127.0.0.1, 10.x, 192.168.x, ...), for intranet issuers; off by default")
	timeout := fs.Duration("timeout", fetch.DefaultLimits.Deadline, "the time all network requests of one input may take together (each request at most "+fetch.DefaultLimits.RequestTimeout.String()+")")
	strict := fs.Bool("strict", false, "fail credentials that break an OB 3.0 / CLR 2.0 data-model rule (for issuers testing their output)")
	var registries registryFlags
	fs.Var(&registries, "registry", "an issuer registry to consult for the identity check, a FILE or an https URL (repeatable); online, the default registries are used when none is given")
	with := withFlags{}
	fs.Var(with, "with", "use FILE as the document at URL instead of fetching it (repeatable): URL=FILE")
	if code, done := parseFlags(fs, "clearbadge verify [flags] FILE|DIR|URL... | -", args, stdout, stderr); done {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "clearbadge verify: no file given (name one or more files, or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	if *jobs < 1 {
		fmt.Fprintln(stderr, "clearbadge: --jobs must be at least 1")
		return exitUsage
	}
	if *jsonl && !*asJSON {
		fmt.Fprintln(stderr, "clearbadge: --jsonl needs --json")
		return exitUsage
	}
	if *timeout <= 0 {
		fmt.Fprintln(stderr, "clearbadge: --timeout must be positive, e.g. 30s")
		return exitUsage
	}
	limits := fetch.DefaultLimits
	limits.Deadline = *timeout
	limits.RequestTimeout = min(limits.RequestTimeout, *timeout)
	opts := []verify.Option{verify.WithDocuments(with), verify.WithChallenge(*challenge), verify.WithDomain(*domain), verify.WithRefresh(*refresh),
		verify.WithPrivateNetwork(*allowPrivate), verify.WithLimits(limits), verify.WithStrict(*strict)}
	if !*offline {
		opts = append(opts, verify.WithFetcher(&httpfetch.Fetcher{AllowPrivate: *allowPrivate}))
		if len(registries) == 0 {
			registries = registry.Defaults
		}
	}
	opts = append(opts, verify.WithRegistries(registries...))
	if *at != "" {
		t, err := parseAt(*at)
		if err != nil {
			fmt.Fprintf(stderr, "clearbadge: --at: %v\n", err)
			return exitUsage
		}
		opts = append(opts, verify.WithTime(t))
	}
	if *recip != "" {
		k, err := recipient.Parse(*recip)
		if err != nil {
			fmt.Fprintf(stderr, "clearbadge: --recipient: %v\n", err)
			return exitUsage
		}
		opts = append(opts, verify.WithRecipient(k))
	}
	v := verify.New(opts...)

	inputs, err := expandInputs(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "clearbadge verify: no credential files (.json, .jsonld, .jwt, .png, .svg) in "+strings.Join(fs.Args(), ", "))
		return exitUsage
	}
	code := exitOK
	var reports []*report.Report
	bar := newProgress(stderr, len(inputs))
	enc := json.NewEncoder(stdout)
	if !*jsonl {
		enc.SetIndent("", "  ")
	}
	if *jsonl || !*asJSON {
		collectLess()
	}
	var encode func(*report.Report) []byte
	if *jsonl {
		encode = func(r *report.Report) []byte {
			// What enc.Encode writes (a Report is plain data: it always
			// encodes), here on the job's goroutine.
			b, _ := json.Marshal(r)
			return append(b, '\n')
		}
	}
	done := 0
	verifyAll(v, inputs, *jobs, stdin, encode, func(res result) {
		done++
		if res.err != nil {
			bar.clear()
			fmt.Fprintf(stderr, "clearbadge: %v\n", res.err)
			code = worse(code, exitUsage)
			bar.update(done)
			return
		}
		code = worse(code, exitCode(res.r.Verdict))
		switch {
		case *jsonl:
			stdout.Write(res.line)
		case *asJSON:
			reports = append(reports, res.r) // one array, written at the end
		default:
			bar.clear()
			printReport(stdout, res.r, "")
		}
		bar.update(done)
	})
	bar.clear()
	if *asJSON && !*jsonl && len(reports) > 0 {
		var out any = reports
		if len(reports) == 1 && len(inputs) == 1 {
			out = reports[0]
		}
		enc.Encode(out)
	}
	return code
}

// exitCode is the exit status for one verdict: an input that is not a
// credential is unreadable input, like a file that cannot be opened.
func exitCode(v report.Verdict) int {
	switch v {
	case report.Verified:
		return exitOK
	case report.Incomplete:
		return exitIncomplete
	case report.Error:
		return exitUsage
	}
	return exitNotValid
}

// worse combines the statuses of several inputs: any not verified beats
// any unreadable, which beats any incomplete, which beats verified.
func worse(a, b int) int {
	rank := map[int]int{exitOK: 0, exitIncomplete: 1, exitUsage: 2, exitNotValid: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// maxInput caps what is read from a file or stdin before the core's own
// caps apply: a baked image may be larger than a credential.
const maxInput = 32 << 20

func readInput(name string, stdin io.Reader) ([]byte, error) {
	if strings.HasPrefix(name, "https://") || strings.HasPrefix(name, "http://") {
		// The web address of an Open Badges 2.0 assertion: the core
		// fetches it (or takes it from --with).
		return []byte(name), nil
	}
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxInput)
	}
	return b, nil
}

func parseAt(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time (2024-06-01T12:00:00Z) or a date (2024-06-01)", s)
}

var marks = map[report.Outcome]string{report.Pass: "✔", report.Fail: "✘", report.Warn: "!", report.Skip: "–"}

// verdictWords is how the readable report states each verdict.
var verdictWords = map[report.Verdict]string{
	report.Verified:    "VERIFIED",
	report.Incomplete:  "INCOMPLETE",
	report.NotVerified: "NOT VERIFIED",
	report.Error:       "NOT A CREDENTIAL",
}

// printReport writes the readable report: the verdict first, then what the
// credential says, then each check. Every string from the credential goes
// through clean: a name must not be able to redraw the terminal.
func printReport(w io.Writer, r *report.Report, indent string) {
	title := r.Summary.Name
	if title == "" {
		title = r.Kind
	}
	src := ""
	if r.Source != "" {
		src = "  (" + r.Source + ")"
	}
	line := func(label, value string) {
		fmt.Fprintf(w, "%s  %-12s %s\n", indent, label, clean(value))
	}
	fmt.Fprintf(w, "%s%s  %s%s\n", indent, verdictWords[r.Verdict], clean(title), clean(src))
	s := r.Summary
	if s.Issuer.ID != "" {
		name := s.Issuer.Name
		if name == "" {
			name = s.Issuer.ID
		} else {
			name += " <" + s.Issuer.ID + ">"
		}
		line("Issuer:", name)
	}
	if l := s.Issuer.Registry; l != nil {
		line("Listed as:", l.Name+" (by "+l.Registry+")")
	}
	if s.Subject != "" || s.SubjectName != "" {
		line("Recipient:", strings.TrimSpace(s.SubjectName+" "+s.Subject))
	}
	if s.Holder != "" {
		line("Holder:", s.Holder)
	}
	if a := s.Achievement; a != nil && a.Name != "" && a.Name != title {
		line("Achievement:", a.Name)
	}
	if s.ValidFrom != "" {
		line("Valid from:", s.ValidFrom)
	}
	if s.ValidUntil != "" {
		line("Valid until:", s.ValidUntil)
	}
	for _, c := range r.Checks {
		fmt.Fprintf(w, "%s  %s %-13s %s\n", indent, marks[c.Outcome], c.ID, clean(c.Message))
		if c.Detail != "" && c.Outcome != report.Pass {
			for _, d := range strings.Split(c.Detail, "\n") {
				fmt.Fprintf(w, "%s    %-13s %s\n", indent, "", clean(d))
			}
		}
	}
	for _, m := range r.Missing {
		fmt.Fprintf(w, "%s  To complete: %s\n", indent, clean(completion(m)))
	}
	for _, n := range r.Credentials {
		fmt.Fprintln(w)
		printReport(w, n, indent+"    ")
	}
	if indent == "" {
		fmt.Fprintln(w)
	}
}

// completion says, for the command line, what would complete a missing check.
func completion(m report.Missing) string {
	switch m.Remedy {
	case report.RemedyOnline:
		return string(m.Check) + ": run without --offline (it would fetch " + m.URL + "), or supply it with --with " + m.URL + "=FILE"
	case report.RemedyDocument:
		return string(m.Check) + ": " + m.URL + " did not answer; try again, or supply it with --with " + m.URL + "=FILE"
	}
	return string(m.Check) + ": nothing ClearBadge can fetch would complete this check"
}

// clean makes text from a credential safe to print on a terminal: control
// characters (ESC sequences that move the cursor or erase lines, carriage
// returns that overwrite a line) and bidirectional overrides (which reorder
// what follows them) are shown as \u escapes instead of acting.
func clean(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

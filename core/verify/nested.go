package verify

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

// Caps on what one input may ask to verify (issue 10); each nested
// credential costs a full verification. A CLR of a few dozen courses and
// a badge with a few endorsements are far inside them. MaxNestedDocuments
// bounds the total across all levels (a presentation of CLRs of endorsed
// badges), status lists and refreshed copies included.
const (
	MaxCredentials     = 128
	MaxEndorsements    = 16
	MaxNestedDocuments = 256
)

// nested verifies every credential a CLR carries in
// credentialSubject.verifiableCredential (CLR 2.0 ClrSubject), each with its
// own report. The CLR is verified only when its own proof is and every
// credential in it is.
func (s *session) nested(ctx context.Context, r *report.Report, doc map[string]any) {
	var items []any
	for _, sub := range credential.Subjects(doc) {
		items = append(items, credential.List(sub["verifiableCredential"])...)
	}
	if len(items) == 0 {
		r.Add(report.CheckCredentials, report.Fail, "This learner record holds no credentials.", "CLR 2.0: ClrSubject.verifiableCredential is required (1..*)")
		return
	}
	if len(items) > MaxCredentials {
		r.Add(report.CheckCredentials, report.Skip, fmt.Sprintf("This learner record holds %d credentials, more than the %d ClearBadge checks, so none of them was checked.", len(items), MaxCredentials),
			fmt.Sprintf("%d credentials; limit %d", len(items), MaxCredentials))
		return
	}
	var t tally
	for i, it := range items {
		nr := s.nestedValue(ctx, it, fmt.Sprintf("credential %d", i+1))
		r.Credentials = append(r.Credentials, nr)
		t.add(nr)
	}
	if t.failed != nil || t.incomplete != nil {
		t.report(r, "record")
		return
	}
	r.Add(report.CheckCredentials, report.Pass, fmt.Sprintf("All %s in this record verified.", plural(len(items), "credential", "credentials")), "")
}

// tally counts the verdicts of the credentials inside a record or a
// bundle: the container is verified only when each of them is, and
// incomplete when none failed but some could not be fully checked.
type tally struct {
	total              int
	failed, incomplete []string
	first              *report.Missing // what would complete the first incomplete one
}

func (t *tally) add(nr *report.Report) {
	t.total++
	switch nr.Verdict {
	case report.Verified:
	case report.Incomplete:
		t.incomplete = append(t.incomplete, label(nr))
		if t.first == nil && len(nr.Missing) > 0 {
			t.first = &nr.Missing[0]
		}
	default:
		t.failed = append(t.failed, label(nr))
	}
}

// report adds the credentials check for a tally with failures or gaps.
func (t *tally) report(r *report.Report, container string) {
	if len(t.failed) > 0 {
		r.Add(report.CheckCredentials, report.Fail, fmt.Sprintf("%d of the %d credentials in this %s did not verify: %s.", len(t.failed), t.total, container, strings.Join(t.failed, ", ")), "")
		return
	}
	c := report.Check{ID: report.CheckCredentials, Outcome: report.Skip, Remedy: report.RemedyNone,
		Message: fmt.Sprintf("%d of the %d credentials in this %s could not be fully checked: %s. See each one for what is missing.", len(t.incomplete), t.total, container, strings.Join(t.incomplete, ", "))}
	if t.first != nil {
		c.Remedy, c.URL = t.first.Remedy, t.first.URL
	}
	r.Checks = append(r.Checks, c)
}

// label names a nested credential for messages: its name in quotes, or
// where it was found ("endorsement 2").
func label(r *report.Report) string {
	if r.Summary.Name != "" {
		return fmt.Sprintf("%q", r.Summary.Name)
	}
	return r.Source
}

// endorsements verifies every embedded `endorsement` (JSON-LD
// EndorsementCredential) and `endorsementJwt` (compact JWS) found on the
// credential, its achievement or its profiles (OB 3.0 §9.2). A failed
// endorsement is a warning: the badge itself is unaffected.
func (s *session) endorsements(ctx context.Context, r *report.Report, doc map[string]any) {
	var found []any
	collectEndorsements(doc, &found, 0)
	if len(found) == 0 {
		return
	}
	if len(found) > MaxEndorsements {
		r.Add(report.CheckEndorsements, report.Warn, fmt.Sprintf("This credential carries %d endorsements, more than the %d ClearBadge checks, so none of them was checked; this does not affect the credential itself.", len(found), MaxEndorsements),
			fmt.Sprintf("%d endorsements; limit %d", len(found), MaxEndorsements))
		return
	}
	var failed []string
	incomplete := 0
	for i, e := range found {
		nr := s.nestedValue(ctx, e, fmt.Sprintf("endorsement %d", i+1))
		if nr.Kind != credential.KindEndorsement && nr.Kind != "unknown" {
			nr.Add(report.CheckFormat, report.Fail, "This endorsement is not an EndorsementCredential.", "type "+nr.Kind)
			nr.Finish()
		}
		r.Credentials = append(r.Credentials, nr)
		switch nr.Verdict {
		case report.Verified:
		case report.Incomplete:
			incomplete++
		default:
			failed = append(failed, label(nr))
		}
	}
	switch {
	case len(failed) == 0 && incomplete == 0:
		r.Add(report.CheckEndorsements, report.Pass, fmt.Sprintf("%s verified.", plural(len(found), "endorsement", "endorsements")), "")
		return
	case len(failed) == 0:
		r.Add(report.CheckEndorsements, report.Warn,
			fmt.Sprintf("%d of %s could not be fully checked; this does not affect the credential itself.", incomplete, plural(len(found), "endorsement", "endorsements")), "")
		return
	}
	r.Add(report.CheckEndorsements, report.Warn,
		fmt.Sprintf("%d of %s could not be verified (%s); this does not affect the credential itself.", len(failed), plural(len(found), "endorsement", "endorsements"), strings.Join(failed, ", ")), "")
}

// collectEndorsements walks the document for endorsement properties, not
// descending into the endorsements themselves (each verifies its own) or
// into a CLR's credentials (each is verified on its own).
func collectEndorsements(v any, out *[]any, depth int) {
	if depth > credential.MaxDepth {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		names := make([]string, 0, len(x))
		for k := range x {
			names = append(names, k)
		}
		sort.Strings(names) // a stable numbering of endorsements in the report
		for _, k := range names {
			val := x[k]
			switch k {
			case "endorsement", "endorsementJwt":
				*out = append(*out, credential.List(val)...)
			case "verifiableCredential", "proof":
			default:
				collectEndorsements(val, out, depth+1)
			}
		}
	case []any:
		for _, e := range x {
			collectEndorsements(e, out, depth+1)
		}
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

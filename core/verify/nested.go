package verify

import (
	"context"
	"fmt"
	"sort"
	"strconv"
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
		r.Add(report.CheckCredentials, report.Fail, report.Say("credentials.clr-empty", "This learner record holds no credentials."), "CLR 2.0: ClrSubject.verifiableCredential is required (1..*)")
		return
	}
	if len(items) > MaxCredentials {
		r.Add(report.CheckCredentials, report.Skip, report.Say("credentials.clr-too-many", "This learner record holds {n} credentials, more than the {max} ClearBadge checks, so none of them was checked.", "n", strconv.Itoa(len(items)), "max", strconv.Itoa(MaxCredentials)),
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
	all := report.Say("credentials.clr-verified", "All {n} credentials in this record verified.", "n", strconv.Itoa(len(items)))
	if len(items) == 1 {
		all = report.Say("credentials.clr-verified-one", "All 1 credential in this record verified.")
	}
	r.Add(report.CheckCredentials, report.Pass, all, "")
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

// report adds the credentials check for a tally with failures or gaps;
// container is "record" or "bundle".
func (t *tally) report(r *report.Report, container string) {
	if len(t.failed) > 0 {
		r.Add(report.CheckCredentials, report.Fail, report.Say("credentials.failed", "{n} of the {total} credentials in this {what} did not verify: {which}.",
			"n", strconv.Itoa(len(t.failed)), "total", strconv.Itoa(t.total), "what", container, "which", strings.Join(t.failed, ", ")), "")
		return
	}
	c := report.Say("credentials.incomplete", "{n} of the {total} credentials in this {what} could not be fully checked: {which}. See each one for what is missing.",
		"n", strconv.Itoa(len(t.incomplete)), "total", strconv.Itoa(t.total), "what", container, "which", strings.Join(t.incomplete, ", ")).
		Check(report.CheckCredentials, report.Skip, "")
	c.Remedy = report.RemedyNone
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
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.too-many", "This credential carries {n} endorsements, more than the {max} ClearBadge checks, so none of them was checked; this does not affect the credential itself.", "n", strconv.Itoa(len(found)), "max", strconv.Itoa(MaxEndorsements)),
			fmt.Sprintf("%d endorsements; limit %d", len(found), MaxEndorsements))
		return
	}
	var failed []string
	incomplete := 0
	for i, e := range found {
		nr := s.nestedValue(ctx, e, fmt.Sprintf("endorsement %d", i+1))
		if nr.Kind != credential.KindEndorsement && nr.Kind != "unknown" {
			nr.Add(report.CheckFormat, report.Fail, report.Say("format.not-endorsement", "This endorsement is not an EndorsementCredential."), "type "+nr.Kind)
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
	n, total, one := strconv.Itoa(len(failed)), strconv.Itoa(len(found)), len(found) == 1
	switch {
	case len(failed) == 0 && incomplete == 0 && one:
		r.Add(report.CheckEndorsements, report.Pass, report.Say("endorsements.verified-one", "1 endorsement verified."), "")
	case len(failed) == 0 && incomplete == 0:
		r.Add(report.CheckEndorsements, report.Pass, report.Say("endorsements.verified", "{total} endorsements verified.", "total", total), "")
	case len(failed) == 0 && one:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.incomplete-one", "1 of 1 endorsement could not be fully checked; this does not affect the credential itself."), "")
	case len(failed) == 0:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.incomplete", "{n} of {total} endorsements could not be fully checked; this does not affect the credential itself.",
			"n", strconv.Itoa(incomplete), "total", total), "")
	case one:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.failed-one", "1 of 1 endorsement could not be verified ({which}); this does not affect the credential itself.",
			"which", strings.Join(failed, ", ")), "")
	default:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.failed", "{n} of {total} endorsements could not be verified ({which}); this does not affect the credential itself.",
			"n", n, "total", total, "which", strings.Join(failed, ", ")), "")
	}
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

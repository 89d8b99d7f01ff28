package verify

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
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
		items = append(items, jsonval.List(sub["verifiableCredential"])...)
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
		all = report.Say("credentials.clr-verified-one", "The record's one credential verified.")
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
// A container of one credential says so rather than "1 of the 1".
func (t *tally) report(r *report.Report, container string) {
	switch {
	case len(t.failed) > 0 && t.total == 1:
		r.Add(report.CheckCredentials, report.Fail, report.Say("credentials.failed-one", "The {what}'s one credential, {which}, did not verify.",
			"what", container, "which", t.failed[0]), "")
		return
	case len(t.failed) > 0:
		r.Add(report.CheckCredentials, report.Fail, report.Say("credentials.failed", "{n} of the {total} credentials in this {what} did not verify: {which}.",
			"n", strconv.Itoa(len(t.failed)), "total", strconv.Itoa(t.total), "what", container, "which", strings.Join(t.failed, ", ")), "")
		return
	}
	text := report.Say("credentials.incomplete", "{n} of the {total} credentials in this {what} could not be fully checked: {which}. See each one for what is missing.",
		"n", strconv.Itoa(len(t.incomplete)), "total", strconv.Itoa(t.total), "what", container, "which", strings.Join(t.incomplete, ", "))
	if t.total == 1 {
		text = report.Say("credentials.incomplete-one", "The {what}'s one credential, {which}, could not be fully checked. See it for what is missing.",
			"what", container, "which", t.incomplete[0])
	}
	c := text.Check(report.CheckCredentials, report.Skip, "")
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

// nestedInput verifies bytes found inside another document (a status list,
// an endorsement, a CLR's credential) and also returns the decoded
// credential object. Nesting is bounded.
func (s *session) nestedInput(ctx context.Context, data []byte, source string) (*report.Report, map[string]any) {
	if s.depth >= maxNesting {
		r := formatError("", report.Say("format.too-deep", "This document is nested too deeply inside other documents to be checked."), fmt.Sprintf("more than %d levels", maxNesting))
		r.Source = source
		return r, nil
	}
	if s.nestedDocs >= MaxNestedDocuments {
		r := formatError("", report.Say("format.too-many-documents", "This document was not checked: the input holds more than {max} documents inside one another, the most ClearBadge checks.", "max", strconv.Itoa(MaxNestedDocuments)), fmt.Sprintf("limit %d", MaxNestedDocuments))
		r.Source = source
		return r, nil
	}
	s.nestedDocs++
	s.depth++
	defer func() { s.depth-- }()
	var doc map[string]any
	var r *report.Report
	if len(data) > 0 && data[0] == '{' {
		var err error
		if doc, err = credential.Decode(data); err != nil {
			r = formatError("json-ld", report.Say("format.document-unreadable", "The document could not be read."), err.Error())
		} else {
			r = s.document(ctx, doc, "json-ld")
		}
	} else {
		r, doc = s.jwtDoc(ctx, string(data))
	}
	r.Source = source
	return r, doc
}

// nestedValue verifies a credential given as a JSON object or a JWT string
// inside another document.
func (s *session) nestedValue(ctx context.Context, v any, source string) *report.Report {
	switch x := v.(type) {
	case string:
		r, _ := s.nestedInput(ctx, []byte(x), source)
		return r
	case map[string]any:
		if s.depth >= maxNesting || s.nestedDocs >= MaxNestedDocuments {
			r, _ := s.nestedInput(ctx, nil, source)
			return r
		}
		s.nestedDocs++
		s.depth++
		defer func() { s.depth-- }()
		r := s.document(ctx, x, "json-ld")
		r.Source = source
		return r
	}
	r := formatError("", report.Say("format.embedded-type", "An embedded credential is neither a JSON object nor a JWT."), fmt.Sprintf("%T", v))
	r.Source = source
	return r
}

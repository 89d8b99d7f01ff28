package verify

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/status"
	"github.com/clearbadge/clearbadge/core/report"
)

// validity checks the validity period (VC 2.0 §4.9 validFrom/validUntil;
// VC 1.1 issuanceDate/expirationDate; for a JWT also nbf/exp, RFC 7519
// §4.1.4-5) against the verification time.
func (s *session) validity(r *report.Report, doc map[string]any, ext *external) {
	d, err := credential.ReadDates(doc)
	if err != nil {
		r.Add(report.CheckValidity, report.Fail, report.Say("validity.unreadable", "The credential's dates cannot be read, so its validity is unknown."), err.Error())
		return
	}
	from, until := d.From, d.Until
	if ext != nil {
		// The JWT's own claims bound validity too; the stricter wins.
		if !ext.nbf.IsZero() && ext.nbf.After(from) {
			from = ext.nbf
		}
		if !ext.exp.IsZero() && (until.IsZero() || ext.exp.Before(until)) {
			until = ext.exp
		}
	}
	at := s.now
	switch {
	case !from.IsZero() && at.Before(from):
		r.Add(report.CheckValidity, report.Fail, report.Say("validity.not-yet", "This credential is not valid yet: it becomes valid on {from|date}.", "from", rfc3339(from)),
			fmt.Sprintf("%s %s is after the verification time %s", orName(d.FromName, "nbf"), from.Format(time.RFC3339), at.UTC().Format(time.RFC3339)))
	case !until.IsZero() && at.After(until):
		r.Add(report.CheckValidity, report.Fail, report.Say("validity.expired", "This credential expired on {until|date}.", "until", rfc3339(until)),
			fmt.Sprintf("%s %s is before the verification time %s", orName(d.UntilName, "exp"), until.Format(time.RFC3339), at.UTC().Format(time.RFC3339)))
	case from.IsZero():
		r.Add(report.CheckValidity, report.Warn, report.Say("validity.no-date", "The credential does not say when it was issued."), "no validFrom or issuanceDate")
	case until.IsZero():
		r.Add(report.CheckValidity, report.Pass, report.Say("validity.from", "Valid from {from|date}; it does not expire.", "from", rfc3339(from)), "")
	default:
		r.Add(report.CheckValidity, report.Pass, report.Say("validity.from-until", "Valid from {from|date} until {until|date}.", "from", rfc3339(from), "until", rfc3339(until)), "")
	}
}

// rfc3339 is a date as a message parameter carries it.
func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func orName(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// status checks revocation and suspension. The status list is itself a
// credential, verified by this same session before its bits are trusted;
// the session's one Checker caches lists, so a CLR whose credentials share a
// list fetches and verifies it once.
func (s *session) status(ctx context.Context, r *report.Report, doc map[string]any) {
	if s.lists == nil {
		s.lists = &status.Checker{
			Fetcher: s.fetch,
			Now:     s.now,
			VerifyList: func(ctx context.Context, data []byte, url string) (*report.Report, map[string]any) {
				return s.nestedInput(ctx, data, "status list "+url)
			},
		}
	}
	r.Checks = append(r.Checks, s.lists.Check(ctx, doc, credential.ID(doc["issuer"])))
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

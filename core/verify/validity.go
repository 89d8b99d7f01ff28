package verify

import (
	"fmt"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
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

package verify

import (
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
)

// recipient adds the recipient check when the verifier named a person.
func (s *session) recipient(r *report.Report, doc map[string]any) {
	if s.Verifier.recipient == nil {
		return
	}
	k := *s.Verifier.recipient
	how := "the credential has no subject"
	for _, sub := range credential.Subjects(doc) {
		res := recipient.Match(sub, k)
		if res.Matched {
			r.Add(report.CheckRecipient, report.Pass, report.Say("recipient.match", "This credential was issued to {recipient}.", "recipient", k.Value), res.How)
			return
		}
		how = res.How
	}
	r.Add(report.CheckRecipient, report.Fail, report.Say("recipient.mismatch", "This credential was not issued to {recipient}.", "recipient", k.Value), how)
}

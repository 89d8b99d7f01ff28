package verify

import (
	"context"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

// credential runs every check on a decoded credential. When ext is non-nil
// the proof was external (a JWT) and has been checked already: its checks are
// copied in and the embedded proof is not looked at.
func (s *session) credential(ctx context.Context, doc map[string]any, format string, ext *external) *report.Report {
	r := &report.Report{Kind: credential.Kind(doc), Format: format, Summary: credential.Summarize(doc)}
	if !s.shape(r, doc, format) {
		r.Finish()
		return r
	}
	var who *signer
	if ext != nil {
		if c := r.Check(report.CheckFormat); len(ext.notes) > 0 && c.Outcome == report.Pass {
			c.Outcome = report.Warn
			c.Say(c.Text().Then(report.Say("format.token-notes", "Its token does not follow every rule of the Open Badges specification; this does not affect the signature.")))
			c.Detail = joinDetail(c.Detail, strings.Join(ext.notes, "; "))
		}
		r.Checks = append(r.Checks, ext.checks...)
		who = ext.signer
	} else {
		who = s.embeddedProof(ctx, r, doc, "assertionMethod")
	}
	if ext != nil && ext.issuerMismatch != "" {
		r.Add(report.CheckIssuer, report.Fail, report.Say("issuer.token-mismatch", "The token and the credential inside it name different issuers."), ext.issuerMismatch)
	} else if who != nil {
		s.issuer(r, doc, who)
	} else if r.Check(report.CheckIssuer) == nil {
		// The issuer waits on the proof: what would complete the proof
		// (its key document) completes this too.
		c := report.Say("issuer.unchecked", "Who issued this credential could not be confirmed, because its signature could not be checked.").
			Check(report.CheckIssuer, report.Skip, "")
		c.Remedy = report.RemedyNone
		if p := r.Check(report.CheckProof); p != nil && p.Outcome == report.Skip {
			c.Remedy, c.URL = p.Remedy, p.URL
		}
		r.Checks = append(r.Checks, c)
	}
	s.identity(ctx, r, doc)
	s.validity(r, doc, ext)
	// What the credential points to (status list, schema, refreshed copy) is
	// fetched only when its proof verified: a forged credential must not
	// choose what the verifier requests (issue 10). Supplied documents
	// still serve.
	linked := ctx
	if who == nil {
		linked = fetch.Untrusted(ctx)
	}
	s.status(linked, r, doc)
	if r.Kind != report.KindCredential {
		// The OB 3.0 / CLR 2.0 data model applies to badges and records, not
		// to other credentials such as status lists.
		r.Checks = append(r.Checks, s.schema(linked, doc))
	}
	s.recipient(r, doc)
	s.endorsements(ctx, r, doc)
	if r.Kind == report.KindCLR {
		s.nested(ctx, r, doc)
	}
	s.refresh(linked, r, doc)
	r.Finish()
	return r
}

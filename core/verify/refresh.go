package verify

import (
	"context"
	"errors"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// refresh reports a 1EdTechCredentialRefresh service (OB 3.0 §9.1 step 3)
// and, when allowed and online, fetches the refreshed copy and verifies it
// as a nested report. The original's verdict stands either way.
func (s *session) refresh(ctx context.Context, r *report.Report, doc map[string]any) {
	rs, ok := doc["refreshService"].(map[string]any)
	if !ok || jsonval.Str(rs, "type") != "1EdTechCredentialRefresh" || jsonval.Str(rs, "id") == "" {
		return
	}
	u := jsonval.Str(rs, "id")
	if !s.Verifier.refresh {
		r.Add(report.CheckRefresh, report.Skip, report.Say("refresh.offered", "The issuer offers an updated copy of this credential; ClearBadge did not ask for it."), u)
		return
	}
	data, err := s.fetch.Fetch(ctx, u, "application/vc+ld+json", "application/ld+json", "application/json", "application/vc+jwt", "text/plain")
	if errors.Is(err, fetch.ErrOffline) {
		r.Add(report.CheckRefresh, report.Skip, report.Say("refresh.offline", "The issuer offers an updated copy of this credential; it was not fetched because ClearBadge is offline."), u)
		return
	}
	if errors.Is(err, fetch.ErrUntrusted) {
		r.Add(report.CheckRefresh, report.Skip, report.Say("refresh.unsigned", "The issuer's updated copy was not fetched, because this credential's signature did not verify."), u)
		return
	}
	if err != nil {
		r.Add(report.CheckRefresh, report.Warn, report.Say("refresh.unfetched", "The issuer's updated copy could not be fetched; the credential was checked as it is."), u+": "+err.Error())
		return
	}
	nr, _ := s.nestedInput(ctx, data, "refreshed copy")
	r.Credentials = append(r.Credentials, nr)
	if nr.Verified {
		r.Add(report.CheckRefresh, report.Pass, report.Say("refresh.verified", "The issuer's updated copy of this credential also verified."), u)
	} else {
		r.Add(report.CheckRefresh, report.Warn, report.Say("refresh.not-verified", "The issuer's updated copy did not verify; the credential was checked as it is."), u)
	}
}

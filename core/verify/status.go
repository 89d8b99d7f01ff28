package verify

import (
	"context"

	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/status"
	"github.com/clearbadge/clearbadge/core/report"
)

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
	r.Checks = append(r.Checks, s.lists.Check(ctx, doc, jsonval.ID(doc["issuer"])))
}

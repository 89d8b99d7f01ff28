package verify_test

import (
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// VC 2.0 §4.9: a credential is valid from validFrom until validUntil; before
// or after, the validity check fails, whatever the proof says.
func TestValidity(t *testing.T) {
	cred := mustForgeEdit(t, func(doc map[string]any) { doc["validUntil"] = "2030-01-01T00:00:00Z" })
	for name, c := range map[string]struct {
		at      time.Time
		verdict report.Verdict
		outcome report.Outcome
	}{
		"within":    {time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), report.Verified, report.Pass},
		"not yet":   {time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC), report.NotVerified, report.Fail},
		"expired":   {time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC), report.NotVerified, report.Fail},
		"the start": {time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), report.Verified, report.Pass},
	} {
		t.Run(name, func(t *testing.T) {
			want(t, verdictOf(t, cred, verify.WithTime(c.at)), c.verdict, outcomes(report.CheckValidity, c.outcome, report.CheckProof, report.Pass))
		})
	}
	unreadable := mustForgeEdit(t, func(doc map[string]any) { doc["validFrom"] = "the first of January" })
	want(t, verdictOf(t, unreadable), report.NotVerified, outcomes(report.CheckValidity, report.Fail))
}

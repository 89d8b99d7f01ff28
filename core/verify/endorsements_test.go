package verify_test

import (
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/report"
)

// Endorsements inform and never decide: a valid endorsement passes, a
// changed one is a warning, and the badge stays verified either way.
func TestEndorsements(t *testing.T) {
	endorsement := func(t *testing.T) map[string]any {
		return testutil.Decode(t, mustForgeEdit(t, func(doc map[string]any) {
			doc["type"] = []any{"VerifiableCredential", "EndorsementCredential"}
			doc["name"] = "Endorsement"
			doc["credentialSubject"] = map[string]any{"id": "https://example.org/achievements/md", "type": []any{"EndorsementSubject"}, "endorsementComment": "Sound."}
		}))
	}
	badge := func(t *testing.T, e map[string]any) []byte {
		return mustForgeEdit(t, func(doc map[string]any) { doc["endorsement"] = []any{e} })
	}
	want(t, verdictOf(t, badge(t, endorsement(t))), report.Verified, outcomes(report.CheckEndorsements, report.Pass))
	e := endorsement(t)
	e["name"] = "Changed after signing"
	r := verdictOf(t, badge(t, e))
	want(t, r, report.Verified, outcomes(report.CheckEndorsements, report.Warn))
	// One endorsement is not counted "1 of 1" (issue 12).
	if c := r.Check(report.CheckEndorsements); c.Code != "endorsements.failed-one" || !strings.HasPrefix(c.Message, `The one endorsement could not be verified ("Changed after signing")`) {
		t.Errorf("one endorsement: %s %q", c.Code, c.Message)
	}
}

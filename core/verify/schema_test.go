package verify_test

import (
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

func TestDataModelSlipIsANote(t *testing.T) {
	cred := mustForgeEdit(t, func(doc map[string]any) {
		delete(doc["credentialSubject"].(map[string]any), "id") // neither id nor identifier
		doc["issuer"].(map[string]any)["image"] = "https://example.edu/logo.png"
	})
	r := verdictOf(t, cred)
	want(t, r, report.Verified, outcomes("schema", report.Warn))
	if !strings.Contains(r.Check("schema").Message, "credentialSubject") {
		t.Errorf("schema warn names no rule path: %s", r.Check("schema").Message)
	}
	r = verdictOf(t, cred, verify.WithStrict(true))
	want(t, r, report.NotVerified, outcomes("schema", report.Fail))
}

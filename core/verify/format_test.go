package verify_test

import (
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
)

// The format check: what is not a credential is an error, not a failed
// credential; a credential whose envelope is not one ClearBadge knows fails
// the format check and nothing else is checked.
func TestFormat(t *testing.T) {
	for name, in := range map[string]string{
		"text":        "not a credential",
		"json array":  `[1, 2, 3]`,
		"json object": `{"name": "no type, no context"}`,
	} {
		t.Run(name, func(t *testing.T) {
			r := verdictOf(t, []byte(in))
			want(t, r, report.Error, outcomes(report.CheckFormat, report.Fail))
			if len(r.Checks) != 1 {
				t.Errorf("%d checks after a format failure: %+v", len(r.Checks), r.Checks)
			}
		})
	}
	ok := verdictOf(t, mustForgeEdit(t, nil))
	want(t, ok, report.Verified, outcomes(report.CheckFormat, report.Pass))
	if ok.Kind != "OpenBadgeCredential" {
		t.Errorf("kind %q", ok.Kind)
	}
}

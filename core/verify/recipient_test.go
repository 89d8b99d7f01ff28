package verify_test

import (
	"context"
	"testing"

	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// OB 3.0 §9.1 step 5: the recipient check compares a known identifier with
// the subject's hashed identityHash (sha256 with salt).
func TestRecipient(t *testing.T) {
	cred := issue(t, nil)
	for who, want := range map[string]report.Outcome{"email:a@example.com": report.Pass, "email:b@example.com": report.Fail} {
		k, _ := recipient.Parse(who)
		r := verify.New(verify.WithTime(at), verify.WithRecipient(k)).Verify(context.Background(), cred, "t")
		if c := r.Check("recipient"); c == nil || c.Outcome != want {
			t.Errorf("%s: %+v\n%s", who, c, dump(r))
		}
		if r.Verified != (want == report.Pass) {
			t.Errorf("%s: verified %v", who, r.Verified)
		}
	}
}

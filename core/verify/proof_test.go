package verify_test

import (
	"encoding/json"
	"testing"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/present"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

func TestReplayWithFakeProofInFront(t *testing.T) {
	p := newParty(t, holder.Ed25519)
	old := p.present(t, present.DataIntegrity, "OLD", p.badge)
	var m map[string]any
	_ = json.Unmarshal(old, &m)
	real := m["proof"]
	m["proof"] = []any{map[string]any{
		"type": "Nothing", "verificationMethod": real.(map[string]any)["verificationMethod"], "proofPurpose": "authentication",
		"challenge": "NEW", "domain": vpDomain,
	}, real}
	replay, _ := json.Marshal(m)
	r := verifyVP(replay, verify.WithChallenge("NEW"), verify.WithDomain(vpDomain))
	want(t, r, report.NotVerified, outcomes("proof", report.Pass, "presentation", report.Fail))
	// The honest answer to OLD still verifies through the same proof set.
	r = verifyVP(replay, verify.WithChallenge("OLD"), verify.WithDomain(vpDomain))
	want(t, r, report.Verified, outcomes("presentation", report.Pass))
}

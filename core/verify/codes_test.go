package verify_test

import (
	"context"
	"os"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// TestMessageCodes: the page's samples, verified, tampered and expired, carry
// a message code on every check and on what is missing, with the parameters
// that rebuild the English message exactly (report.Say), so the web surfaces
// can say every one of them in the reader's language.
func TestMessageCodes(t *testing.T) {
	templates := map[string]string{}
	for _, name := range []string{"sample.json", "sample-tampered.json", "sample-expired.json"} {
		in, err := os.ReadFile("../../web/samples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		r := verify.New().Verify(context.Background(), in, name)
		for _, c := range r.Checks {
			if c.Code == "" {
				t.Errorf("%s: check %s has no code: %q", name, c.ID, c.Message)
				continue
			}
			templates[c.Code] = c.Message
		}
		for _, m := range r.Missing {
			if m.Code == "" {
				t.Errorf("%s: missing %s has no code", name, m.Check)
			}
		}
	}
	for _, code := range []string{"proof.intact", "proof.changed", "validity.expired", "validity.from", "status.none", "schema.ok", "format.open-badge"} {
		if _, ok := templates[code]; !ok {
			t.Errorf("no sample produced %s", code)
		}
	}
	if got := report.Say("validity.from", "Valid from {from|date}; it does not expire.", "from", "2025-03-01T00:00:00Z").English; templates["validity.from"] != got {
		t.Errorf("validity.from: %q, want %q", templates["validity.from"], got)
	}
}

package verify

import (
	"context"

	"github.com/clearbadge/clearbadge/core/internal/schema"
	"github.com/clearbadge/clearbadge/core/report"
)

// schema is the data-model check. A rule of OB 3.0 / CLR 2.0 that a
// credential breaks says nothing about who issued it or whether it changed
// since: most credentials issued with widespread tools break one (a subject
// with neither id nor identifier, an image given as a bare string), and
// every other verifier accepts them. So, unless the verifier is strict (an
// issuer testing its output), a broken rule is a note: "verified, with
// notes".
func (s *session) schema(ctx context.Context, doc map[string]any) report.Check {
	c := schema.Check(ctx, doc, s.fetch)
	if c.Outcome == report.Fail && !s.strict {
		c.Outcome = report.Warn
		c.Say(c.Text().Then(report.Say("schema.notes", "These are notes on the data model; they do not affect who issued the credential or whether it changed (strict mode makes them failures).")))
	}
	return c
}

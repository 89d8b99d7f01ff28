package verify

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// endorsements verifies every embedded `endorsement` (JSON-LD
// EndorsementCredential) and `endorsementJwt` (compact JWS) found on the
// credential, its achievement or its profiles (OB 3.0 §9.2). A failed
// endorsement is a warning: the badge itself is unaffected.
func (s *session) endorsements(ctx context.Context, r *report.Report, doc map[string]any) {
	var found []any
	collectEndorsements(doc, &found, 0)
	if len(found) == 0 {
		return
	}
	if len(found) > MaxEndorsements {
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.too-many", "This credential carries {n} endorsements, more than the {max} ClearBadge checks, so none of them was checked; this does not affect the credential itself.", "n", strconv.Itoa(len(found)), "max", strconv.Itoa(MaxEndorsements)),
			fmt.Sprintf("%d endorsements; limit %d", len(found), MaxEndorsements))
		return
	}
	var failed []string
	incomplete := 0
	for i, e := range found {
		nr := s.nestedValue(ctx, e, fmt.Sprintf("endorsement %d", i+1))
		if nr.Kind != report.KindEndorsement && nr.Kind != "unknown" {
			nr.Add(report.CheckFormat, report.Fail, report.Say("format.not-endorsement", "This endorsement is not an EndorsementCredential."), "type "+nr.Kind)
			nr.Finish()
		}
		r.Credentials = append(r.Credentials, nr)
		switch nr.Verdict {
		case report.Verified:
		case report.Incomplete:
			incomplete++
		default:
			failed = append(failed, label(nr))
		}
	}
	n, total, one := strconv.Itoa(len(failed)), strconv.Itoa(len(found)), len(found) == 1
	switch {
	case len(failed) == 0 && incomplete == 0 && one:
		r.Add(report.CheckEndorsements, report.Pass, report.Say("endorsements.verified-one", "1 endorsement verified."), "")
	case len(failed) == 0 && incomplete == 0:
		r.Add(report.CheckEndorsements, report.Pass, report.Say("endorsements.verified", "{total} endorsements verified.", "total", total), "")
	case len(failed) == 0 && one:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.incomplete-one", "The one endorsement could not be fully checked; this does not affect the credential itself."), "")
	case len(failed) == 0:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.incomplete", "{n} of {total} endorsements could not be fully checked; this does not affect the credential itself.",
			"n", strconv.Itoa(incomplete), "total", total), "")
	case one:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.failed-one", "The one endorsement could not be verified ({which}); this does not affect the credential itself.",
			"which", strings.Join(failed, ", ")), "")
	default:
		r.Add(report.CheckEndorsements, report.Warn, report.Say("endorsements.failed", "{n} of {total} endorsements could not be verified ({which}); this does not affect the credential itself.",
			"n", n, "total", total, "which", strings.Join(failed, ", ")), "")
	}
}

// collectEndorsements walks the document for endorsement properties, not
// descending into the endorsements themselves (each verifies its own) or
// into a CLR's credentials (each is verified on its own).
func collectEndorsements(v any, out *[]any, depth int) {
	if depth > credential.MaxDepth {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		names := make([]string, 0, len(x))
		for k := range x {
			names = append(names, k)
		}
		sort.Strings(names) // a stable numbering of endorsements in the report
		for _, k := range names {
			val := x[k]
			switch k {
			case "endorsement", "endorsementJwt":
				*out = append(*out, jsonval.List(val)...)
			case "verifiableCredential", "proof":
			default:
				collectEndorsements(val, out, depth+1)
			}
		}
	case []any:
		for _, e := range x {
			collectEndorsements(e, out, depth+1)
		}
	}
}

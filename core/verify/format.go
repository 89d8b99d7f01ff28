package verify

import (
	"fmt"
	"regexp"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// The OB 3.0 and CLR 2.0 contexts, at any published patch version (OB 3.0
// also under its ob_v3p0.jsonld address), for contextOrdered.
var (
	obContext  = regexp.MustCompile(`^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d+\.\d+)?\.json$|^https://purl\.imsglobal\.org/spec/ob/v3p0/context/ob_v3p0\.jsonld$`)
	clrContext = regexp.MustCompile(`^https://purl\.imsglobal\.org/spec/clr/v2p0/context(-2\.\d+\.\d+)?\.json$`)
)

// dataModelNames names the VC Data Model versions credential.Version tells
// apart.
var dataModelNames = map[int]string{1: "1.1", 2: "2.0"}

// shape is the format check: the envelope is a Verifiable Credential of a
// kind ClearBadge knows. It returns false when nothing more can be checked.
func (s *session) shape(r *report.Report, doc map[string]any, format string) bool {
	ver := credential.Version(doc)
	if ver == 0 {
		r.Add(report.CheckFormat, report.Fail, report.Say("format.not-vc-context", "This is not a Verifiable Credential: its first @context entry is not the W3C credentials context."),
			"VC Data Model 1.1 §4.1 / 2.0 §4.3: the first @context item must be "+credential.ContextV1+" or "+credential.ContextV2)
		return false
	}
	if !credential.HasType(doc, report.KindCredential) {
		r.Add(report.CheckFormat, report.Fail, report.Say("format.not-vc-type", "This is not a Verifiable Credential: its type does not include VerifiableCredential."), "")
		return false
	}
	enc := map[string]string{"json-ld": "JSON with an embedded proof", "vc-jwt": "a VC-JWT", "vc-jose": "a VC-JOSE (vc+jwt) token"}[format]
	// is: "This is <kind>."; misordered: the same, when its @context
	// lists the contexts out of the order the specification requires.
	var is, misordered report.Text
	switch r.Kind {
	case report.KindOpenBadge, report.KindAchievement:
		is = report.Say("format.open-badge", "This is an Open Badges 3.0 credential.")
		misordered = report.Say("format.open-badge-context", "This is an Open Badges 3.0 credential, but its @context does not list the Open Badges 3.0 context second, as the specification requires.")
	case report.KindEndorsement:
		is = report.Say("format.endorsement", "This is an Open Badges 3.0 endorsement.")
		misordered = report.Say("format.endorsement-context", "This is an Open Badges 3.0 endorsement, but its @context does not list the Open Badges 3.0 context second, as the specification requires.")
	case report.KindCLR:
		is = report.Say("format.clr", "This is a Comprehensive Learner Record (CLR 2.0).")
		misordered = report.Say("format.clr-context", "This is a Comprehensive Learner Record (CLR 2.0), but its @context does not list the CLR 2.0 and Open Badges 3.0 contexts second and third, as CLR 2.0 requires.")
	default:
		r.Add(report.CheckFormat, report.Warn, report.Say("format.vc-only", "This is a Verifiable Credential, but not an Open Badge or learner record: only its signature, dates and status are checked."),
			fmt.Sprintf("VC Data Model %d.x, %s; types %v", ver, enc, credential.Types(doc)))
		return true
	}
	// Concatenated: fmt.Sprintf and a map literal here were ~1 % of a
	// verification in wasm.
	detail := "VC Data Model " + dataModelNames[ver] + ", " + enc
	if !contextOrdered(doc, r.Kind) {
		r.Add(report.CheckFormat, report.Warn, misordered, detail)
		return true
	}
	r.Add(report.CheckFormat, report.Pass, is, detail)
	return true
}

// contextOrdered checks the @context order OB 3.0 §B (AchievementCredential
// @context) and CLR 2.0 require: the VC context, then (for a CLR) the CLR
// context, then the OB context.
func contextOrdered(doc map[string]any, kind string) bool {
	ctx := jsonval.Strings(doc["@context"])
	at := func(i int, re *regexp.Regexp) bool { return len(ctx) > i && re.MatchString(ctx[i]) }
	if kind == report.KindCLR {
		return at(1, clrContext) && at(2, obContext)
	}
	return at(1, obContext)
}

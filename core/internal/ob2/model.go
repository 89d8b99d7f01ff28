package ob2

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// ContextURL is the OB 2.0 JSON-LD context.
const ContextURL = "https://w3id.org/openbadges/v2"

// The OB 2.0 classes (§Open Badges Vocabulary) a document may declare; the
// Report on a document has its class as kind.
const (
	ClassAssertion   = report.KindOB2Assertion
	ClassBadgeClass  = report.KindOB2BadgeClass
	ClassIssuer      = report.KindOB2Issuer
	ClassProfile     = report.KindOB2Profile
	ClassEndorsement = report.KindOB2Endorsement
)

// knownTypes are the class terms the OB 2.0 context defines (and its
// aliases): a bare word in `type` must be one of them, anything else must be
// an IRI (absolute, or compact with a prefix the context defines).
var knownTypes = set("AlignmentObject", "CryptographicKey", "Endorsement", "Assertion", "BadgeClass", "Criteria",
	"Evidence", "Extension", "FrameValidation", "IdentityObject", "Image", "HostedBadge", "hosted", "Issuer",
	"Profile", "RevocationList", "SignedBadge", "signed", "TypeValidation", "VerificationObject")

func set(s ...string) map[string]bool {
	m := make(map[string]bool, len(s))
	for _, x := range s {
		m[x] = true
	}
	return m
}

// problems collects what data validation found: errors fail the schema
// check, notes make it a warning.
type problems struct {
	errs, notes []string
}

func (p *problems) err(path, format string, a ...any) {
	p.errs = append(p.errs, path+": "+fmt.Sprintf(format, a...))
}

func (p *problems) note(path, format string, a ...any) {
	p.notes = append(p.notes, path+": "+fmt.Sprintf(format, a...))
}

// maxNodeDepth bounds the walk through embedded objects; credential.Decode
// has already bounded the JSON nesting, this keeps the walk's own recursion
// (which follows only known properties) as shallow.
const maxNodeDepth = 16

// validate checks node as an instance of class (§Open Badges Vocabulary:
// the bold properties are required; each value must have the expected
// type). Embedded objects are validated as their class; references by IRI
// are only checked to be IRIs here (the caller fetches those it needs).
func validate(p *problems, path string, node map[string]any, class string, depth int) {
	if depth > maxNodeDepth {
		p.err(path, "nested too deeply")
		return
	}
	rules, ok := model().classes[class]
	if !ok {
		return
	}
	if !rules.typeIsField {
		validateTypes(p, path, node, rules.types, rules.typeRequired)
	}
	for _, f := range rules.fields {
		v, present := node[f.name]
		if !present || v == nil {
			if f.required {
				p.err(path, "%s is required for a %s", f.name, class)
			}
			continue
		}
		vals := []any{v}
		if arr, isArr := v.([]any); isArr {
			if !f.many {
				p.err(path+"."+f.name, "takes one value, not a list")
				continue
			}
			vals = arr
		}
		for i, x := range vals {
			fp := path + "." + f.name
			if len(vals) > 1 {
				fp = fmt.Sprintf("%s[%d]", fp, i)
			}
			f.check(p, fp, x, depth)
		}
	}
	if lang, ok := node["@language"]; ok {
		if s, isStr := lang.(string); !isStr || !languageTag().MatchString(s) {
			p.err(path+".@language", "%v is not a BCP 47 language tag", lang)
		}
	}
	validateExtensions(p, path, node, depth)
}

// validateTypes checks `type` (§Assertion et al.: "An array including
// Assertion and other string elements that are either URLs or compact IRIs
// within the current context are allowed").
func validateTypes(p *problems, path string, node map[string]any, want []string, required bool) {
	raw, present := node["type"]
	if !present {
		if required {
			p.err(path, "type is required")
		}
		return
	}
	types := jsonval.Strings(raw)
	if len(types) == 0 || len(types) != len(jsonval.List(raw)) {
		p.err(path+".type", "must be a string or a non-empty list of strings")
		return
	}
	for _, t := range types {
		if !knownTypes[t] && !isIRI(t) {
			p.err(path+".type", "%q is neither an Open Badges 2.0 class nor an IRI", t)
		}
	}
	if len(want) == 0 {
		return
	}
	for _, t := range types {
		for _, w := range want {
			if t == w {
				return
			}
		}
	}
	p.err(path+".type", "must include %s", strings.Join(want, " or "))
}

// validateExtensions checks extension nodes (§Extensions): an object whose
// type includes "Extension" must name at least one more type, and must carry
// its own @context, the extension's context file that defines its terms.
func validateExtensions(p *problems, path string, node map[string]any, depth int) {
	keys := make([]string, 0, len(node))
	for k := range node {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, known := model().known[k]; known {
			continue
		}
		for i, v := range jsonval.List(node[k]) {
			m, ok := v.(map[string]any)
			if !ok || !credential.HasType(m, "Extension") {
				continue
			}
			ep := fmt.Sprintf("%s.%s", path, k)
			if i > 0 {
				ep = fmt.Sprintf("%s[%d]", ep, i)
			}
			validateTypes(p, ep, m, nil, true)
			if len(credential.Types(m)) < 2 {
				p.err(ep+".type", "an extension must name its own type beside Extension")
			}
			ctx := jsonval.Strings(m["@context"])
			if len(ctx) == 0 || len(ctx) != len(jsonval.List(m["@context"])) {
				p.err(ep, "an extension must name its JSON-LD context (@context), the file that defines its terms")
			}
			for _, c := range ctx {
				if !isURL(c) {
					p.err(ep+".@context", "%q is not a URL", c)
				}
			}
			if depth < maxNodeDepth {
				validateExtensions(p, ep, m, depth+1)
			}
		}
	}
}

// field is one property rule of a class.
type field struct {
	name           string
	required, many bool
	check          func(p *problems, path string, v any, depth int)
}

type class struct {
	types        []string // one of these must be in type (none: any)
	typeRequired bool
	// typeIsField: the class's type property is not a JSON-LD class but a
	// value with its own field rule (IdentityObject's type names a property).
	typeIsField bool
	fields      []field
}

// dataModel is the OB 2.0 data model as a table.
type dataModel struct {
	classes map[string]class
	// known are the properties the rules read; extensions are looked for
	// among the others.
	known map[string]struct{}
}

// model returns the data model, built on first use: only an Open Badges
// 2.0 document needs it, and building it was most of this package's
// initialisation, which every start of the wasm paid (520 allocations).
// A function with a sync.Once rather than a sync.OnceValue variable: the
// rules call validate, which reads the model, and a variable initialised
// from buildModel would be an initialisation cycle.
func model() *dataModel {
	modelOnce.Do(func() { theModel = buildModel() })
	return &theModel
}

var (
	modelOnce sync.Once
	theModel  dataModel
)

func buildModel() dataModel {
	profile := []field{
		{name: "id", required: true, check: iri},
		{name: "name", required: true, check: text},
		{name: "url", required: true, many: true, check: urlValue},
		{name: "email", required: true, many: true, check: email},
		{name: "description", check: text},
		{name: "image", check: image(true)},
		{name: "telephone", many: true, check: text},
		{name: "publicKey", many: true, check: ref(ClassCryptographicKey)},
		{name: "verification", check: object("IssuerVerification")},
		{name: "revocationList", check: iri},
		{name: "related", many: true, check: ref("")},
		{name: "endorsement", many: true, check: ref(ClassEndorsement)},
		{name: "version", check: textOrNumber},
	}
	classes := map[string]class{
		ClassAssertion: {types: []string{ClassAssertion}, typeRequired: true, fields: []field{
			{name: "id", required: true, check: iri},
			{name: "recipient", required: true, check: object("IdentityObject")},
			{name: "badge", required: true, check: ref(ClassBadgeClass)},
			{name: "verification", required: true, check: object("AssertionVerification")},
			{name: "issuedOn", required: true, check: dateTime},
			{name: "expires", check: dateTime},
			// The assertion's image is the baked badge (§Assertion: "should
			// be prepared via the Baking specification"), so it is a URL or
			// an Image whose id is one, never a data URI; 1EdTech's validator
			// refuses a data URI here too.
			{name: "image", check: image(false)},
			{name: "evidence", many: true, check: ref("Evidence")},
			{name: "narrative", check: text},
			{name: "revoked", check: boolean},
			{name: "revocationReason", check: text},
			{name: "related", many: true, check: ref("")},
			{name: "endorsement", many: true, check: ref(ClassEndorsement)},
			{name: "version", check: textOrNumber},
		}},
		ClassBadgeClass: {types: []string{ClassBadgeClass}, typeRequired: true, fields: []field{
			{name: "id", required: true, check: iri},
			{name: "name", required: true, check: text},
			{name: "description", required: true, check: text},
			{name: "image", check: image(true)},
			{name: "criteria", required: true, check: ref("Criteria")},
			{name: "issuer", required: true, check: ref(ClassProfile)},
			{name: "alignment", many: true, check: object("AlignmentObject")},
			{name: "tags", many: true, check: text},
			{name: "related", many: true, check: ref("")},
			{name: "endorsement", many: true, check: ref(ClassEndorsement)},
			{name: "version", check: textOrNumber},
		}},
		ClassProfile: {types: []string{ClassIssuer, ClassProfile}, typeRequired: true, fields: profile},
		ClassEndorsement: {types: []string{ClassEndorsement}, typeRequired: true, fields: []field{
			{name: "id", required: true, check: iri},
			{name: "claim", required: true, check: ref("EndorsementClaim")},
			{name: "issuedOn", required: true, check: dateTime},
			{name: "issuer", required: true, check: ref(ClassProfile)},
			{name: "verification", required: true, check: object("AssertionVerification")},
			{name: "related", many: true, check: ref("")},
			{name: "version", check: textOrNumber},
		}},
		"EndorsementClaim": {fields: []field{
			{name: "id", required: true, check: iri},
			{name: "endorsementComment", check: text},
		}},
		"IdentityObject": {typeIsField: true, fields: []field{
			{name: "type", required: true, check: identityType},
			{name: "identity", required: true, check: text},
			{name: "hashed", required: true, check: boolean},
			{name: "salt", check: text},
		}},
		"AssertionVerification": {typeIsField: true, fields: []field{
			{name: "type", required: true, check: verificationType},
			{name: "creator", check: iri},
		}},
		"IssuerVerification": {fields: []field{
			{name: "verificationProperty", check: text},
			{name: "startsWith", many: true, check: text},
			{name: "allowedOrigins", many: true, check: text},
		}},
		"AlignmentObject": {types: nil, fields: []field{
			{name: "targetName", required: true, check: text},
			{name: "targetUrl", required: true, check: urlValue},
			{name: "targetDescription", check: text},
			{name: "targetFramework", check: text},
			{name: "targetCode", check: text},
		}},
		"Criteria": {fields: []field{
			{name: "id", check: iri},
			{name: "narrative", check: text},
		}},
		"Evidence": {fields: []field{
			{name: "id", check: iri},
			{name: "narrative", check: text},
			{name: "name", check: text},
			{name: "description", check: text},
			{name: "genre", check: text},
			{name: "audience", check: text},
		}},
		ClassCryptographicKey: {fields: []field{
			{name: "id", check: iri},
			{name: "owner", check: iri},
			{name: "publicKeyPem", check: text},
		}},
		ClassRevocationList: {fields: []field{
			{name: "id", check: iri},
			{name: "issuer", check: iri},
			{name: "revokedAssertions", required: true, many: true, check: revokedEntry},
		}},
		"Image": {fields: []field{
			{name: "id", required: true, check: dataURIOrURL},
			{name: "caption", check: text},
			{name: "author", check: iri},
		}},
	}
	classes[ClassIssuer] = classes[ClassProfile]
	known := map[string]struct{}{}
	for _, c := range classes {
		for _, f := range c.fields {
			known[f.name] = struct{}{}
		}
	}
	for _, k := range []string{"@context", "@language", "type", "uid"} {
		known[k] = struct{}{}
	}
	return dataModel{classes: classes, known: known}
}

// Classes of linked documents.
const (
	ClassCryptographicKey = "CryptographicKey"
	ClassRevocationList   = "RevocationList"
)

// ref is a property whose value is an IRI or an embedded document of class c.
func ref(c string) func(*problems, string, any, int) {
	return func(p *problems, path string, v any, depth int) {
		switch x := v.(type) {
		case string:
			iri(p, path, x, depth)
		case map[string]any:
			validate(p, path, x, c, depth+1)
		default:
			p.err(path, "must be an IRI or an embedded %s", c)
		}
	}
}

// object is a property whose value is an embedded object of class c.
func object(c string) func(*problems, string, any, int) {
	return func(p *problems, path string, v any, depth int) {
		m, ok := v.(map[string]any)
		if !ok {
			if s, isStr := v.(string); isStr && isIRI(s) {
				return // a linked node (JSON-LD allows it); not dereferenced
			}
			p.err(path, "must be an object (%s)", c)
			return
		}
		validate(p, path, m, c, depth+1)
	}
}

func image(dataURI bool) func(*problems, string, any, int) {
	return func(p *problems, path string, v any, depth int) {
		switch x := v.(type) {
		case string:
			imageID(p, path, x, dataURI)
		case map[string]any:
			validate(p, path, x, "Image", depth+1)
			if id, ok := x["id"].(string); ok && !dataURI {
				imageID(p, path+".id", id, false)
			}
		default:
			p.err(path, "must be an image URL or an Image object")
		}
	}
}

func imageID(p *problems, path, s string, dataURI bool) {
	if strings.HasPrefix(s, "data:") {
		if !dataURI {
			p.err(path, "must be the URL of the badge image, not a data URI")
			return
		}
		if !imageDataURI().MatchString(s) {
			p.err(path, "is not a base64 data URI of a PNG or SVG image")
		}
		return
	}
	if !isURL(s) {
		p.err(path, "%q is not an HTTP(S) URL", s)
	}
}

// Compiled on first use, like model.
var imageDataURI = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^data:image/(png|svg\+xml)(;[a-zA-Z0-9=_.-]+)*;base64,[A-Za-z0-9+/]*={0,2}$`)
})

func dataURIOrURL(p *problems, path string, v any, _ int) {
	s, ok := v.(string)
	if !ok {
		p.err(path, "must be a URL or data URI")
		return
	}
	imageID(p, path, s, true)
}

func iri(p *problems, path string, v any, _ int) {
	s, ok := v.(string)
	if !ok || !isIRI(s) {
		p.err(path, "%v is not an IRI", show(v))
	}
}

func urlValue(p *problems, path string, v any, _ int) {
	s, ok := v.(string)
	if !ok || !isURL(s) {
		p.err(path, "%v is not an HTTP(S) URL", show(v))
	}
}

func text(p *problems, path string, v any, _ int) {
	switch x := v.(type) {
	case string:
		return
	case map[string]any:
		// A JSON-LD value object ({"@value": ..., "@language": ...}).
		if _, ok := x["@value"].(string); ok {
			return
		}
	}
	p.err(path, "%v is not text", show(v))
}

func textOrNumber(p *problems, path string, v any, d int) {
	if _, ok := v.(float64); ok {
		return
	}
	text(p, path, v, d)
}

func boolean(p *problems, path string, v any, _ int) {
	if _, ok := v.(bool); !ok {
		p.err(path, "%v is not true or false", show(v))
	}
}

func email(p *problems, path string, v any, _ int) {
	s, ok := v.(string)
	if !ok || !strings.Contains(s, "@") || strings.ContainsAny(s, " \t\r\n") {
		p.err(path, "%v is not an email address", show(v))
	}
}

func dateTime(p *problems, path string, v any, _ int) {
	s, ok := v.(string)
	if !ok {
		p.err(path, "%v is not a date and time", show(v))
		return
	}
	if _, err := ParseTime(s); err != nil {
		p.err(path, "%q is not an ISO 8601 date and time with a time zone", s)
	}
}

// identityType: §IdentityObject type, one of the Profile identifier
// properties (§Profile Identifier Properties) or id.
func identityType(p *problems, path string, v any, _ int) {
	s, _ := v.(string)
	switch s {
	case "email", "url", "telephone", "id":
		return
	}
	p.err(path, "%v is not a recipient type (email, url, telephone or id)", show(v))
}

func verificationType(p *problems, path string, v any, _ int) {
	if verificationKind(v) == "" {
		p.err(path, "%v is neither HostedBadge nor SignedBadge", show(v))
	}
}

func revokedEntry(p *problems, path string, v any, d int) {
	switch x := v.(type) {
	case string:
		return
	case map[string]any:
		if jsonval.Str(x, "id") == "" && jsonval.Str(x, "uid") == "" {
			p.err(path, "names neither an id nor a uid")
		}
		return
	}
	p.err(path, "is neither an id nor an object")
}

// verificationKind reads a VerificationObject's type: "hosted", "signed" or
// "" (the context maps the aliases hosted and signed to the class IRIs).
func verificationKind(v any) string {
	for _, t := range jsonval.Strings(v) {
		switch t {
		case "HostedBadge", "hosted":
			return "hosted"
		case "SignedBadge", "signed":
			return "signed"
		}
	}
	return ""
}

// isIRI accepts an absolute IRI or a compact IRI (both have a scheme-like
// prefix), or a blank node identifier (§Evidence allows ids outside HTTP).
func isIRI(s string) bool {
	if strings.HasPrefix(s, "_:") {
		return len(s) > 2
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || rest == "" || !schemeRE().MatchString(scheme) || strings.ContainsAny(s, " <>\"{}|\\^`\t\r\n") {
		return false
	}
	return true
}

var schemeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*$`) })

// isURL accepts an absolute http or https URL with a host (§Primitive
// datatypes: "Interpreters are only expected to interpret URLs in either
// the http or https schemes").
func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\r\n")
}

var languageTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`) })

func show(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

// ParseTime reads an OB 2.0 DateTime (§Primitive datatypes: ISO 8601 with
// the time and a time zone indicator; seconds are optional).
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse("2006-01-02T15:04Z07:00", s)
}

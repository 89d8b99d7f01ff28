package ob2

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
)

// Report formats.
const (
	FormatHosted = "ob2-hosted"
	FormatSigned = "ob2-signed"
)

// Verifier verifies OB 2.0 inputs within one verification session.
type Verifier struct {
	// Fetch gets the linked documents (assertion, BadgeClass, Profile, key,
	// revocation list, endorsements); supplied documents and offline mode
	// are the Fetcher's business.
	Fetch fetch.Fetcher
	// Now is the verification time.
	Now time.Time
	// Recipient, when set, is compared with the assertion's recipient.
	Recipient *recipient.Known
	// Other verifies what an assertion URL served when it is not an OB 2.0
	// document (an OB 3.0 credential published at an address).
	Other func(ctx context.Context, data []byte, source string) *report.Report

	depth int // endorsements being verified inside an assertion
}

// accept is what OB 2.0 documents are served as (§Setting Content-Type).
var accept = []string{"application/ld+json", "application/json"}

// run is the state of verifying one document.
type run struct {
	*Verifier
	r *report.Report
	p problems
	// missing lists documents needed but not available offline;
	// unreachable those whose fetch failed, why says how.
	missing, unreachable []string
	why                  map[string]string
}

func newRun(v *Verifier, format string) *run {
	return &run{Verifier: v, r: &report.Report{Kind: "unknown", Format: format}}
}

// fail ends a report with a failed format check.
func (x *run) fail(msg report.Text, detail string) *report.Report {
	x.r.Add(report.CheckFormat, report.Fail, msg, detail)
	x.r.Finish()
	return x.r
}

// get fetches and decodes a linked OB 2.0 document. It returns nil and no
// error when the document is unavailable (recorded in missing or
// unreachable), and an error when what was served is unusable.
func (x *run) get(ctx context.Context, u, path string) (map[string]any, error) {
	data, err := x.Fetch.Fetch(ctx, u, accept...)
	switch {
	case errors.Is(err, fetch.ErrOffline):
		x.missing = appendOnce(x.missing, u)
		return nil, nil
	case err != nil:
		x.unreachableErr(u, err)
		return nil, nil
	}
	doc, err := credential.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("the document at %s could not be read: %v", u, err)
	}
	if err := checkContext(doc); err != nil {
		return nil, fmt.Errorf("the document at %s: %v", u, err)
	}
	if id := jsonval.Str(doc, "id"); id != u {
		// A redirect, or a document that names another address as its
		// own: its declared id is what identifies it from here on.
		x.p.note(path, "the document fetched from %s names itself %s", u, id)
	}
	return doc, nil
}

// getData is get for the documents a badge's data depends on (BadgeClass,
// Profile): an unusable one is a data problem.
func (x *run) getData(ctx context.Context, u, path string) map[string]any {
	doc, err := x.get(ctx, u, path)
	if err != nil {
		x.p.err(path, "%v", err)
	}
	return doc
}

func (x *run) unreachableErr(u string, err error) {
	x.unreachable = appendOnce(x.unreachable, u)
	if x.why == nil {
		x.why = map[string]string{}
	}
	x.why[u] = err.Error()
}

// skip adds a check that could not run, with what would let it run: going
// online for a document not fetched offline, the document itself for one
// that did not answer (report.Remedy).
func (x *run) skip(id report.CheckID, msg report.Text, detail string) {
	c := msg.Check(id, report.Skip, detail)
	c.Remedy = report.RemedyNone
	switch {
	case len(x.missing) > 0:
		c.URL, c.Remedy = x.missing[0], report.RemedyOnline
	case len(x.unreachable) > 0:
		c.URL, c.Remedy = x.unreachable[0], report.RemedyDocument
	}
	x.r.Checks = append(x.r.Checks, c)
}

// skipNone adds a check that nothing the verifier can supply would let run.
func (x *run) skipNone(id report.CheckID, msg report.Text, detail string) {
	c := msg.Check(id, report.Skip, detail)
	c.Remedy = report.RemedyNone
	x.r.Checks = append(x.r.Checks, c)
}

func appendOnce(list []string, s string) []string {
	for _, e := range list {
		if e == s {
			return list
		}
	}
	return append(list, s)
}

// primaryClass is the OB 2.0 class a document is checked as.
func primaryClass(doc map[string]any) string {
	for _, c := range []string{ClassAssertion, ClassEndorsement, ClassBadgeClass, ClassIssuer, ClassProfile} {
		if credential.HasType(doc, c) {
			return c
		}
	}
	return ""
}

// Document verifies a decoded OB 2.0 JSON document: an assertion or
// endorsement (hosted verification), or any other Badge Object, whose data
// is validated but which, being no award, is never "verified".
func (v *Verifier) Document(ctx context.Context, doc map[string]any) *report.Report {
	x := newRun(v, FormatHosted)
	if err := checkContext(doc); err != nil {
		return x.fail(report.Say("ob2.format.context", "This is not a valid Open Badges 2.0 document: its JSON-LD context is wrong."), err.Error())
	}
	class := primaryClass(doc)
	if class != "" {
		x.r.Kind = class
	}
	switch class {
	case ClassAssertion, ClassEndorsement:
		if verificationKind(verificationOf(doc)) == "signed" {
			x.r.Add(report.CheckFormat, report.Pass, report.Say("ob2.format.signed-bare", "An Open Badges 2.0 {what} meant to be verified by its signature.", "what", strings.ToLower(class)), "")
			x.skipNone(report.CheckProof,
				report.Say("ob2.proof.signature-missing", "This badge is meant to be checked by its signature, which did not come with it: give the signed badge (the text in three parts separated by dots, or the badge image)."),
				"verification type SignedBadge, but the input is the bare JSON")
			return x.finish(ctx, doc, nil)
		}
		return x.hosted(ctx, doc)
	}
	return x.object(ctx, doc, class)
}

// Signed verifies a signed assertion or endorsement: a compact JWS whose
// payload is the OB 2.0 document (§SignedBadge Verification).
func (v *Verifier) Signed(ctx context.Context, token string) *report.Report {
	x := newRun(v, FormatSigned)
	tok, err := jose.Parse(token)
	if err != nil {
		return x.fail(report.Say("ob2.format.signed-unreadable", "This looks like a signed badge, but it could not be read."), err.Error())
	}
	doc, err := credential.Decode(tok.Payload)
	if err != nil {
		// §SignedBadge step 2: "If the parsing operation fails, assertion
		// MUST be treated as invalid."
		return x.fail(report.Say("ob2.format.signed-not-json", "The signed badge's content is not a JSON document."), err.Error())
	}
	if err := checkContext(doc); err != nil {
		return x.fail(report.Say("ob2.format.signed-context", "The signed badge's content is not a valid Open Badges 2.0 document: its JSON-LD context is wrong."), err.Error())
	}
	class := primaryClass(doc)
	if class != ClassAssertion && class != ClassEndorsement {
		x.r.Kind = orUnknown(class)
		return x.fail(report.Say("ob2.format.signed-not-assertion", "The signed badge's content is not an Open Badges 2.0 assertion."), "type "+strings.Join(credential.Types(doc), ", "))
	}
	x.r.Kind = class
	msg, outcome, detail := report.Say("ob2.format.signed", "An Open Badges 2.0 {what}, signed (JWS).", "what", strings.ToLower(class)), report.Pass, ""
	if verificationKind(verificationOf(doc)) != "signed" {
		outcome, detail = report.Warn, "the signed assertion's verification type is not SignedBadge"
	}
	x.r.Add(report.CheckFormat, outcome, msg, detail)
	return x.finish(ctx, doc, tok)
}

// URL verifies the assertion published at u (§HostedBadge Verification:
// "Verification of hosted assertions may be performed starting with the
// verification URL").
func (v *Verifier) URL(ctx context.Context, u string) *report.Report {
	x := newRun(v, FormatHosted)
	if !isURL(u) {
		return x.fail(report.Say("ob2.format.not-url", "This is not a web address of a badge."), u)
	}
	data, err := v.Fetch.Fetch(ctx, u, append(accept, "application/vc+ld+json", "application/vc+jwt", "text/plain")...)
	switch {
	case errors.Is(err, fetch.ErrOffline):
		x.skip(report.CheckFormat, report.Say("ob2.format.url-offline", "ClearBadge is offline, so the badge at this address was not fetched: go online, or add the badge as a file."), u)
		x.missing = append(x.missing, u)
		x.skip(report.CheckProof, report.Say("ob2.proof.not-fetched", "The badge could not be checked: it was not fetched."), "needs "+u)
		x.r.Finish()
		return x.r
	case err != nil:
		return x.fail(report.Say("ob2.format.url-unfetched", "The badge at this address could not be fetched."), err.Error())
	}
	doc, derr := credential.Decode(data)
	if derr != nil || !Is(doc) {
		if v.Other != nil {
			return v.Other(ctx, data, u)
		}
		return x.fail(report.Say("ob2.format.url-not-badge", "The document at this address is not an Open Badges 2.0 badge."), u)
	}
	// The document is verified as published at its own id (hosted
	// verification fetches it again from there; a URL that redirects to
	// the assertion is the usual case).
	return v.Document(ctx, doc)
}

func verificationOf(doc map[string]any) any {
	if v, ok := doc["verification"]; ok {
		return typeOf(v)
	}
	return typeOf(doc["verify"]) // the context's alias (§Assertion)
}

func typeOf(v any) any {
	if m, ok := v.(map[string]any); ok {
		return m["type"]
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// hosted fetches the assertion from its id and verifies the issuer's copy
// (§HostedBadge Verification: "the input data should only be trusted to
// identify the URI of the hosted verification file, and upon loading the
// hosted verification file, the retrieved data should be used").
func (x *run) hosted(ctx context.Context, given map[string]any) *report.Report {
	kind := strings.ToLower(x.r.Kind)
	id := jsonval.Str(given, "id")
	x.r.Add(report.CheckFormat, report.Pass, report.Say("ob2.format.hosted", "An Open Badges 2.0 {what}, verified by the issuer's server (hosted).", "what", kind), "")
	if !isURL(id) {
		x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.hosted-no-url", "A hosted badge must have the web address where the issuer publishes it as its id; this one does not."), fmt.Sprintf("id %q", id))
		return x.finish(ctx, given, nil)
	}
	data, err := x.Fetch.Fetch(ctx, id, accept...)
	switch {
	case errors.Is(err, fetch.ErrOffline):
		x.missing = appendOnce(x.missing, id)
		x.skip(report.CheckProof,
			report.Say("ob2.proof.hosted-offline", "A hosted badge is checked against the copy on the issuer's server, and ClearBadge is offline: go online, or add the issuer's copy as a file."),
			"needs "+id)
		return x.finish(ctx, given, nil)
	case isGone(err):
		// §Revoking Hosted Assertions: "respond with an HTTP Status of 410
		// Gone"; the badge is revoked, whatever body came with it.
		x.r.Add(report.CheckProof, report.Pass, answers(), id)
		x.r.Add(report.CheckStatus, report.Fail, report.Say("ob2.status.gone", "The issuer has revoked this badge: its server answers that it is gone."), id+": HTTP 410 Gone")
		x.summary(given, nil, nil)
		x.r.Finish()
		return x.r
	case err != nil:
		x.unreachableErr(id, err)
		x.skip(report.CheckProof,
			report.Say("ob2.proof.hosted-unfetched", "The issuer's server did not give its copy of this badge, so it could not be checked: the server may no longer serve it, or refuse requests from web pages. Saved copies of the documents it needs can be supplied instead."),
			id+": "+err.Error())
		return x.finish(ctx, given, nil)
	}
	served, err := credential.Decode(data)
	if err != nil {
		x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.hosted-unreadable", "The issuer's server does not serve this badge at its address."), id+": "+err.Error())
		return x.finish(ctx, given, nil)
	}
	// §Revoking Hosted Assertions: "a response body declaring revoked true".
	if b, _ := served["revoked"].(bool); b {
		x.r.Add(report.CheckProof, report.Pass, answers(), id)
		x.r.Add(report.CheckStatus, report.Fail, revoked(jsonval.Str(served, "revocationReason")), id+" is served with revoked: true")
		x.summary(given, nil, nil)
		x.r.Finish()
		return x.r
	}
	outcome, detail := report.Pass, id
	if jsonval.Str(served, "id") != id {
		outcome, detail = report.Fail, fmt.Sprintf("the document at %s names itself %q", id, jsonval.Str(served, "id"))
	} else if !reflect.DeepEqual(served, given) {
		outcome, detail = report.Warn, "the copy given differs from the issuer's; the issuer's copy was verified"
	}
	msg := report.Say("ob2.proof.hosted", "The issuer's server serves this badge at its address: a hosted badge is genuine as long as that server is the issuer's and still serves it.")
	switch outcome {
	case report.Fail:
		msg = report.Say("ob2.proof.hosted-other", "The issuer's server serves another badge at this badge's address.")
	case report.Warn:
		msg = report.Say("ob2.proof.hosted-differs", "The issuer's server serves this badge at its address, but its copy differs from the one given: the issuer's copy is what was checked, and what this card shows.")
	}
	x.r.Add(report.CheckProof, outcome, msg, detail)
	if err := checkContext(served); err != nil {
		x.p.err("issuer's copy", "%v", err)
	}
	return x.finish(ctx, served, nil)
}

func isGone(err error) bool {
	var se *fetch.StatusError
	return errors.As(err, &se) && se.Code == 410
}

func answers() report.Text {
	return report.Say("ob2.proof.hosted-answers", "The issuer's server answers for this badge at its address.")
}

// revoked says the badge is revoked, with the issuer's reason if it gave one.
func revoked(why string) report.Text {
	t := report.Say("ob2.status.revoked", "The issuer has revoked this badge.")
	if why != "" {
		// The issuer's own words, shown as written.
		t = t.Then(report.Say("ob2.status.reason", "Reason given: {reason}", "reason", why))
	}
	return t
}

// linked are the documents an assertion links to.
type linked struct {
	badge  map[string]any
	issuer map[string]any // fetched from its id; nil when not available
	// shown is the issuer to display: the fetched Profile, or the copy
	// embedded in the BadgeClass when it could not be fetched.
	shown    map[string]any
	issuerID string
}

// finish runs the checks shared by hosted and signed assertions on doc,
// the assertion verified. tok is the JWS for a signed one.
func (x *run) finish(ctx context.Context, doc map[string]any, tok *jose.Token) *report.Report {
	class := orUnknown(primaryClass(doc))
	validate(&x.p, class, doc, class, 0)
	l := x.links(ctx, doc)
	switch proof := x.r.Check(report.CheckProof); {
	case tok != nil:
		x.signature(ctx, doc, l, tok)
	case proof.Outcome == report.Fail:
	case verificationKind(verificationOf(doc)) == "hosted":
		x.policy(doc, l)
	default:
		x.skipNone(report.CheckIssuer, report.Say("ob2.issuer.unsigned", "Without its signature, nothing ties this badge to its issuer."), "")
	}
	x.validity(doc)
	if x.r.Check(report.CheckStatus) == nil {
		x.revocation(ctx, doc, l)
	}
	x.schema()
	x.recipient(doc)
	x.endorsements(ctx, doc, l)
	x.summary(doc, l.badge, l.shown)
	if c := x.r.Check(report.CheckIssuer); c != nil && c.Outcome == report.Pass {
		// The host whose published profile tied the badge to the issuer.
		x.r.Summary.Issuer.Domain = hostOf(l.issuerID)
	}
	x.r.Finish()
	return x.r
}

// links loads the BadgeClass (embedded or by IRI) and the issuer Profile.
// The Profile is always fetched from its id, even when embedded: its keys
// and verification policy are trusted only as the issuer publishes them
// (§SignedBadge step 4: "Do not trust a key that is not properly linked
// from the issuer Profile").
func (x *run) links(ctx context.Context, doc map[string]any) linked {
	var l linked
	issuerRef := doc["issuer"] // an Endorsement names its issuer itself
	if credential.HasType(doc, ClassAssertion) {
		switch b := doc["badge"].(type) {
		case string:
			if isURL(b) {
				l.badge = x.getData(ctx, b, "badge")
			}
		case map[string]any:
			l.badge = b
		}
		if l.badge == nil {
			return l
		}
		if _, linked := doc["badge"].(string); linked {
			validate(&x.p, "badge", l.badge, ClassBadgeClass, 0)
		}
		issuerRef = l.badge["issuer"]
	}
	l.issuerID = jsonval.ID(issuerRef)
	if m, ok := issuerRef.(map[string]any); ok {
		l.shown = m
	}
	if isURL(l.issuerID) {
		l.issuer = x.getData(ctx, l.issuerID, "issuer")
	}
	if l.issuer != nil {
		l.shown = l.issuer
		l.issuerID = jsonval.Str(l.issuer, "id")
		validate(&x.p, "issuer", l.issuer, ClassProfile, 0)
		if !isURL(l.issuerID) {
			x.p.note("issuer", "the issuer's id %q is not a web address", l.issuerID)
		}
	}
	return l
}

// policy checks a hosted badge against its issuer's verification policy
// (§VerificationObject, §HostedBadge Verification): the assertion's id must
// start with one of startsWith when given, and be on one of allowedOrigins,
// or by default on the issuer Profile id's host.
func (x *run) policy(doc map[string]any, l linked) {
	if l.issuer == nil {
		x.skip(report.CheckIssuer, report.Say("ob2.issuer.profile-missing", "The issuer's profile was not available, so it is unknown whether the issuer publishes badges at this address."), x.needs())
		return
	}
	id := jsonval.Str(doc, "id")
	name := partyName(l.issuer)
	if !isURL(l.issuerID) {
		x.skipNone(report.CheckIssuer,
			report.Say("ob2.issuer.id-not-url", "The issuer's id is not a web address, so nothing ties the server hosting this badge to {name}.", "name", name),
			fmt.Sprintf("issuer id %q has no HTTP domain to enforce the hosted verification policy against", l.issuerID))
		return
	}
	pol, _ := l.issuer["verification"].(map[string]any)
	if starts := jsonval.Strings(pol["startsWith"]); len(starts) > 0 {
		ok := false
		for _, s := range starts {
			ok = ok || strings.HasPrefix(id, s)
		}
		if !ok {
			x.r.Add(report.CheckIssuer, report.Fail, notHere(name),
				fmt.Sprintf("%s starts with none of the issuer's verification.startsWith %q", id, starts))
			return
		}
	}
	allowed := jsonval.Strings(pol["allowedOrigins"])
	if len(allowed) == 0 {
		allowed = []string{hostOf(l.issuerID)}
	}
	host := hostOf(id)
	for _, a := range allowed {
		if strings.EqualFold(a, host) {
			x.r.Add(report.CheckIssuer, report.Pass, report.Say("ob2.issuer.address", "This badge is published at an address {name} uses for its badges.", "name", name),
				fmt.Sprintf("%s is on %s, allowed by the issuer profile %s", id, host, l.issuerID))
			return
		}
	}
	x.r.Add(report.CheckIssuer, report.Fail, notHere(name),
		fmt.Sprintf("%s is on %s; the issuer profile %s allows %q", id, host, l.issuerID, allowed))
}

func notHere(name string) report.Text {
	return report.Say("ob2.issuer.not-address", "{name} does not publish badges at this address.", "name", name)
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}

func partyName(p map[string]any) string {
	if n := jsonval.Text(p["name"]); n != "" {
		return n
	}
	if id := jsonval.Str(p, "id"); id != "" {
		return id
	}
	return "The issuer"
}

// needs says which documents were missing or unreachable.
func (x *run) needs() string {
	var parts []string
	if len(x.missing) > 0 {
		parts = append(parts, "offline; needs "+strings.Join(x.missing, ", "))
	}
	for _, u := range x.unreachable {
		parts = append(parts, "could not fetch "+u+": "+x.why[u])
	}
	return strings.Join(parts, "; ")
}

// validity checks issuedOn and expires (§Assertion; §Verification: "The
// Assertion has not expired").
func (x *run) validity(doc map[string]any) {
	issued, ierr := ParseTime(jsonval.Str(doc, "issuedOn"))
	if ierr != nil {
		x.r.Add(report.CheckValidity, report.Fail, report.Say("ob2.validity.issued-unreadable", "The badge's issue date cannot be read, so its validity is unknown."), fmt.Sprintf("issuedOn %v", show(doc["issuedOn"])))
		return
	}
	var expires time.Time
	if raw, ok := doc["expires"]; ok {
		s, _ := raw.(string)
		t, err := ParseTime(s)
		if err != nil {
			x.r.Add(report.CheckValidity, report.Fail, report.Say("ob2.validity.expires-unreadable", "The badge's expiry date cannot be read, so its validity is unknown."), fmt.Sprintf("expires %v", show(raw)))
			return
		}
		expires = t
	}
	on, until := issued.Format(time.RFC3339), expires.Format(time.RFC3339)
	switch {
	case issued.After(x.Now):
		x.r.Add(report.CheckValidity, report.Fail, report.Say("ob2.validity.future", "This badge says it was issued in the future, on {issued|date}.", "issued", on),
			fmt.Sprintf("issuedOn %s is after the verification time %s", issued.Format(time.RFC3339), x.Now.UTC().Format(time.RFC3339)))
	case !expires.IsZero() && expires.Before(issued):
		x.r.Add(report.CheckValidity, report.Fail, report.Say("ob2.validity.expires-before-issued", "This badge expires before it was issued."),
			fmt.Sprintf("expires %s is before issuedOn %s", expires.Format(time.RFC3339), issued.Format(time.RFC3339)))
	case !expires.IsZero() && x.Now.After(expires):
		x.r.Add(report.CheckValidity, report.Fail, report.Say("ob2.validity.expired", "This badge expired on {expires|date}.", "expires", until),
			fmt.Sprintf("expires %s is before the verification time %s", expires.Format(time.RFC3339), x.Now.UTC().Format(time.RFC3339)))
	case expires.IsZero():
		x.r.Add(report.CheckValidity, report.Pass, report.Say("ob2.validity.issued", "Issued on {issued|date}; it does not expire.", "issued", on), "")
	default:
		x.r.Add(report.CheckValidity, report.Pass, report.Say("ob2.validity.issued-until", "Issued on {issued|date}; valid until {expires|date}.", "issued", on, "expires", until), "")
	}
}

// schema reports data validation (§Data Validation) of the assertion and
// the documents it links.
func (x *run) schema() {
	switch {
	case len(x.p.errs) > 0:
		x.r.Add(report.CheckSchema, report.Fail, report.Say("ob2.schema.invalid", "The badge's data does not follow the Open Badges 2.0 rules."), strings.Join(x.p.errs, "; "))
	case len(x.missing) > 0 || len(x.unreachable) > 0:
		x.skip(report.CheckSchema, report.Say("ob2.schema.incomplete", "Some of the documents this badge links to were not available, so its data could not all be checked."), x.needs())
	case len(x.p.notes) > 0:
		x.r.Add(report.CheckSchema, report.Warn, report.Say("ob2.schema.remarks", "The badge's data follows the Open Badges 2.0 rules, with remarks."), strings.Join(x.p.notes, "; "))
	default:
		x.r.Add(report.CheckSchema, report.Pass, report.Say("ob2.schema.ok", "The badge's data follows the Open Badges 2.0 rules."), "")
	}
}

// object validates a Badge Object that is not an award (a BadgeClass, a
// Profile, an AlignmentObject...): its data is checked, a BadgeClass's
// issuer with it, but there is nothing to verify.
func (x *run) object(ctx context.Context, doc map[string]any, class string) *report.Report {
	what := class
	if what == "" {
		what = "document"
		validateTypes(&x.p, "document", doc, nil, true)
	}
	x.r.Add(report.CheckFormat, report.Pass, report.Say("ob2.format.object", "An Open Badges 2.0 {class}: it describes, but awards nothing to anyone, so there is nothing to verify; its data was checked.", "class", what), "")
	rules := class
	for _, t := range credential.Types(doc) {
		if _, ok := model().classes[t]; ok && rules == "" {
			rules = t // an AlignmentObject, CryptographicKey, RevocationList...
		}
	}
	validate(&x.p, orUnknown(class), doc, rules, 0)
	var issuer map[string]any
	if class == ClassBadgeClass {
		if u := jsonval.ID(doc["issuer"]); isURL(u) {
			if issuer = x.getData(ctx, u, "issuer"); issuer != nil {
				validate(&x.p, "issuer", issuer, ClassProfile, 0)
			}
		}
	}
	x.schema()
	switch class {
	case ClassBadgeClass:
		x.summary(nil, doc, issuer)
	case ClassIssuer, ClassProfile:
		x.r.Summary.ID = jsonval.Str(doc, "id")
		x.r.Summary.Name = jsonval.Text(doc["name"])
		x.r.Summary.Issuer = party(doc)
	}
	x.r.Finish()
	return x.r
}

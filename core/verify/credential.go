package verify

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/jsonld"
	"github.com/clearbadge/clearbadge/core/internal/keys"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/work"
)

// signer is who made the proof that verified: the key and how it is bound
// to a controller. A JWT fills it from its header; an embedded proof from
// its verificationMethod, and then proof is the proof that verified, the
// only one whose challenge and domain count.
type signer struct {
	key   *keys.Key
	proof *proof.Proof
}

// credential runs every check on a decoded credential. When ext is non-nil
// the proof was external (a JWT) and has been checked already: its checks are
// copied in and the embedded proof is not looked at.
func (s *session) credential(ctx context.Context, doc map[string]any, format string, ext *external) *report.Report {
	r := &report.Report{Kind: credential.Kind(doc), Format: format, Summary: credential.Summarize(doc)}
	if !s.shape(r, doc, format) {
		r.Finish()
		return r
	}
	var who *signer
	if ext != nil {
		if c := r.Check(report.CheckFormat); len(ext.notes) > 0 && c.Outcome == report.Pass {
			c.Outcome = report.Warn
			c.Say(c.Text().Then(report.Say("format.token-notes", "Its token does not follow every rule of the Open Badges specification; this does not affect the signature.")))
			c.Detail = joinDetail(c.Detail, strings.Join(ext.notes, "; "))
		}
		r.Checks = append(r.Checks, ext.checks...)
		who = ext.signer
	} else {
		who = s.embeddedProof(ctx, r, doc, "assertionMethod")
	}
	if ext != nil && ext.issuerMismatch != "" {
		r.Add(report.CheckIssuer, report.Fail, report.Say("issuer.token-mismatch", "The token and the credential inside it name different issuers."), ext.issuerMismatch)
	} else if who != nil {
		s.issuer(r, doc, who)
	} else if r.Check(report.CheckIssuer) == nil {
		// The issuer waits on the proof: what would complete the proof
		// (its key document) completes this too.
		c := report.Say("issuer.unchecked", "Who issued this credential could not be confirmed, because its signature could not be checked.").
			Check(report.CheckIssuer, report.Skip, "")
		c.Remedy = report.RemedyNone
		if p := r.Check(report.CheckProof); p != nil && p.Outcome == report.Skip {
			c.Remedy, c.URL = p.Remedy, p.URL
		}
		r.Checks = append(r.Checks, c)
	}
	s.identity(ctx, r, doc)
	s.validity(r, doc, ext)
	// What the credential points to (status list, schema, refreshed copy) is
	// fetched only when its proof verified: a forged credential must not
	// choose what the verifier requests (issue 10). Supplied documents
	// still serve.
	linked := ctx
	if who == nil {
		linked = fetch.Untrusted(ctx)
	}
	s.status(linked, r, doc)
	if r.Kind != credential.KindCredential {
		// The OB 3.0 / CLR 2.0 data model applies to badges and records, not
		// to other credentials such as status lists.
		r.Checks = append(r.Checks, s.schema(linked, doc))
	}
	s.recipient(r, doc)
	s.endorsements(ctx, r, doc)
	if r.Kind == credential.KindCLR {
		s.nested(ctx, r, doc)
	}
	s.refresh(linked, r, doc)
	r.Finish()
	return r
}

var (
	obContext  = regexp.MustCompile(`^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d+\.\d+)?\.json$|^https://purl\.imsglobal\.org/spec/ob/v3p0/context/ob_v3p0\.jsonld$`)
	clrContext = regexp.MustCompile(`^https://purl\.imsglobal\.org/spec/clr/v2p0/context(-2\.\d+\.\d+)?\.json$`)
)

// shape is the format check: the envelope is a Verifiable Credential of a
// kind ClearBadge knows. It returns false when nothing more can be checked.
func (s *session) shape(r *report.Report, doc map[string]any, format string) bool {
	ver := credential.Version(doc)
	if ver == 0 {
		r.Add(report.CheckFormat, report.Fail, report.Say("format.not-vc-context", "This is not a Verifiable Credential: its first @context entry is not the W3C credentials context."),
			"VC Data Model 1.1 §4.1 / 2.0 §4.3: the first @context item must be "+credential.ContextV1+" or "+credential.ContextV2)
		return false
	}
	if !credential.HasType(doc, credential.KindCredential) {
		r.Add(report.CheckFormat, report.Fail, report.Say("format.not-vc-type", "This is not a Verifiable Credential: its type does not include VerifiableCredential."), "")
		return false
	}
	enc := map[string]string{"json-ld": "JSON with an embedded proof", "vc-jwt": "a VC-JWT", "vc-jose": "a VC-JOSE (vc+jwt) token"}[format]
	// is: "This is <kind>."; misordered: the same, when its @context
	// lists the contexts out of the order the specification requires.
	var is, misordered report.Text
	switch r.Kind {
	case credential.KindOpenBadge, credential.KindAchievement:
		is = report.Say("format.open-badge", "This is an Open Badges 3.0 credential.")
		misordered = report.Say("format.open-badge-context", "This is an Open Badges 3.0 credential, but its @context does not list the Open Badges 3.0 context second, as the specification requires.")
	case credential.KindEndorsement:
		is = report.Say("format.endorsement", "This is an Open Badges 3.0 endorsement.")
		misordered = report.Say("format.endorsement-context", "This is an Open Badges 3.0 endorsement, but its @context does not list the Open Badges 3.0 context second, as the specification requires.")
	case credential.KindCLR:
		is = report.Say("format.clr", "This is a Comprehensive Learner Record (CLR 2.0).")
		misordered = report.Say("format.clr-context", "This is a Comprehensive Learner Record (CLR 2.0), but its @context does not list the CLR 2.0 and Open Badges 3.0 contexts second and third, as CLR 2.0 requires.")
	default:
		r.Add(report.CheckFormat, report.Warn, report.Say("format.vc-only", "This is a Verifiable Credential, but not an Open Badge or learner record: only its signature, dates and status are checked."),
			fmt.Sprintf("VC Data Model %d.x, %s; types %v", ver, enc, credential.Types(doc)))
		return true
	}
	detail := fmt.Sprintf("VC Data Model %s, %s", map[int]string{1: "1.1", 2: "2.0"}[ver], enc)
	if !contextOrdered(doc, r.Kind) {
		r.Add(report.CheckFormat, report.Warn, misordered, detail)
		return true
	}
	r.Add(report.CheckFormat, report.Pass, is, detail)
	return true
}

// contextOrder checks the @context order OB 3.0 §B (AchievementCredential
// @context) and CLR 2.0 require: the VC context, then (for a CLR) the CLR
// context, then the OB context.
func contextOrdered(doc map[string]any, kind string) bool {
	ctx := credential.Strings(doc["@context"])
	at := func(i int, re *regexp.Regexp) bool { return len(ctx) > i && re.MatchString(ctx[i]) }
	if kind == credential.KindCLR {
		return at(1, clrContext) && at(2, obContext)
	}
	return at(1, obContext)
}

// keyResolver returns the resolver for verification methods.
func (s *session) keyResolver() *keys.Resolver { return &keys.Resolver{Fetcher: s.fetch} }

// embeddedProof checks the Data Integrity proofs of doc. One valid proof
// suffices (OB 3.0 §9.1 step 2); unknown proof types are noted, not fatal.
// It adds the proof check and returns who signed, or nil.
func (s *session) embeddedProof(ctx context.Context, r *report.Report, doc map[string]any, purpose string) *signer {
	// The same proofs secure credentials (issuer, assertionMethod) and
	// presentations (holder, authentication); messages name which.
	what := "credential"
	if purpose == "authentication" {
		what = "bundle"
	}
	proofs, err := proof.Parse(doc)
	if errors.Is(err, proof.ErrNoProof) {
		r.Add(report.CheckProof, report.Fail, report.Say("proof.none", "This {what} carries no signature, so nothing shows who made it or that it is unchanged.", "what", what), "no proof property")
		return nil
	}
	if err != nil {
		r.Add(report.CheckProof, report.Fail, report.Say("proof.malformed", "The {what}'s signature is malformed.", "what", what), err.Error())
		return nil
	}
	if len(proofs) > proof.MaxProofs {
		r.Add(report.CheckProof, report.Fail, report.Say("proof.too-many", "This {what} carries {n} signatures, more than the {max} ClearBadge checks, so none of them was checked.", "what", what, "n", strconv.Itoa(len(proofs)), "max", strconv.Itoa(proof.MaxProofs)),
			fmt.Sprintf("proof set of %d proofs; limit %d", len(proofs), proof.MaxProofs))
		return nil
	}
	pd := proof.NewDocument(doc) // canonicalized once for the whole proof set
	defer func() { work.From(ctx).Canonicalizations.Add(int64(pd.Canonicalizations())) }()
	var best *report.Check // the most telling reason no proof verified
	var ignored []string
	consider := func(c report.Check) {
		if best == nil || rank(c.Outcome) > rank(best.Outcome) {
			best = &c
		}
	}
	for i := range proofs {
		p := &proofs[i]
		if p.Suite() == "" {
			ignored = append(ignored, p.Name())
			continue
		}
		if p.ProofPurpose != purpose {
			consider(report.Say("proof.purpose", "The signature was not made for this use: its purpose is \"{purpose}\", not \"{expected}\".", "purpose", p.ProofPurpose, "expected", purpose).
				Check("", report.Fail, "VC Data Integrity §4.3: proofPurpose must be "+purpose))
			continue
		}
		// VC Data Integrity §2.1: a proof past its `expires` must not verify.
		if exp, err := credential.ParseTime(p.Expires); p.Expires != "" && (err != nil || s.now.After(exp)) {
			consider(report.Say("proof.expired", "The signature on this {what} has expired.", "what", what).Check("", report.Fail, "proof expires "+p.Expires))
			continue
		}
		key, err := s.keyResolver().Resolve(ctx, p.VerificationMethod, purpose)
		if err != nil {
			consider(s.keyProblem(what, p.VerificationMethod, err))
			continue
		}
		if err := pd.Verify(p, key.PublicKey); err != nil {
			consider(proofProblem(what, p, err))
			continue
		}
		detail := p.Name() + " by " + p.VerificationMethod
		if len(ignored) > 0 {
			detail += "; ignored proofs of unsupported types: " + strings.Join(ignored, ", ")
		}
		r.Add(report.CheckProof, report.Pass, intact(what), detail)
		return &signer{key: key, proof: p}
	}
	if best == nil {
		r.Add(report.CheckProof, report.Fail, report.Say("proof.unsupported", "This {what}'s signature is of a kind ClearBadge cannot check.", "what", what),
			"supported: "+proof.Supported+"; found: "+strings.Join(ignored, ", "))
		return nil
	}
	best.ID = report.CheckProof
	r.Checks = append(r.Checks, *best)
	return nil
}

// remedy says what would let a check that needs the document at url run:
// online checks when offline, the document itself when online checks ran
// and it did not answer, nothing when there is no document to ask.
func (s *session) remedy(url string) report.Remedy {
	switch {
	case url == "":
		return report.RemedyNone
	case s.offline:
		return report.RemedyOnline
	}
	return report.RemedyDocument
}

// intact is the proof check's passing message: a credential is signed by its
// issuer, a bundle (presentation) by its holder.
func intact(what string) report.Text {
	if what == "bundle" {
		return report.Say("proof.intact-holder", "The holder's signature is intact: nothing in this bundle was changed after it was signed.")
	}
	return report.Say("proof.intact", "The issuer's signature is intact: nothing in this credential was changed after it was signed.")
}

// changed: a signature that does not match the document it signs.
func changed(what string) report.Text {
	return report.Say("proof.changed", "This {what} was changed after it was signed, or it was not signed by the key it names.", "what", what)
}

// rank orders outcomes for choosing which failure to report: a definite
// failure says more than "could not check".
func rank(o report.Outcome) int {
	switch o {
	case report.Fail:
		return 2
	case report.Skip:
		return 1
	}
	return 0
}

// keyProblem explains why the signing key could not be had. A key document
// that could not be fetched is evidence of nothing, so the proof is skipped
// and names the document that would complete it; one that was read and
// does not hold the key is a failure.
func (s *session) keyProblem(what, vm string, err error) report.Check {
	fe := fetch.Unfetched(err)
	switch {
	case errors.Is(err, fetch.ErrOffline):
		c := report.Say("proof.key-offline", "The signature could not be checked offline: the signer's key is published online. Turn on online checks (or supply the key's document) to check it.").
			Check("", report.Skip, vm+": "+err.Error())
		if fe != nil {
			c.URL, c.Remedy = fe.URL, s.remedy(fe.URL)
		}
		return c
	case fe != nil && fetch.Withheld(err) != "":
		c := report.Say("proof.key-withheld", "The signature could not be checked: the signer's key is published at {host}, which was not contacted ({reason}).", "host", host(fe.URL), "reason", fetch.Withheld(err)).
			Check("", report.Skip, vm+": "+err.Error())
		c.URL, c.Remedy = fe.URL, s.remedy(fe.URL)
		return c
	case fe != nil:
		c := report.Say("proof.key-unreachable", "The signature could not be checked: the signer's key is published at {host}, which did not answer. Try again later, or supply the key's document.", "host", host(fe.URL)).
			Check("", report.Skip, vm+": "+err.Error())
		c.URL, c.Remedy = fe.URL, s.remedy(fe.URL)
		return c
	}
	return report.Say("proof.key-not-found", "The key that should have signed this {what} could not be found, so its signature cannot be trusted.", "what", what).
		Check("", report.Fail, vm+": "+err.Error())
}

// host names the server of a URL for messages.
func host(u string) string {
	if p, err := url.Parse(u); err == nil && p.Host != "" {
		return p.Host
	}
	return u
}

// proofProblem explains a failed proof in plain words.
func proofProblem(what string, p *proof.Proof, err error) report.Check {
	var sig *proof.SignatureError
	var undefined *jsonld.UndefinedTermError
	var unknownCtx *jsonld.UnknownContextError
	var base *proof.BaseProofError
	var limit *jsonld.LimitError
	switch {
	case errors.As(err, &base):
		return report.Say("proof.base-proof", "This {what} carries the issuer's base selective-disclosure proof, which is meant for the holder: the holder must derive a proof from it to show it.", "what", what).
			Check("", report.Fail, err.Error())
	case errors.As(err, &limit):
		return report.Say("proof.too-complex", "This {what} is too large or too complex for its signature to be checked in bounded time, so it is refused.", "what", what).
			Check("", report.Fail, err.Error())
	case errors.As(err, &sig):
		return changed(what).Check("", report.Fail, err.Error())
	case errors.As(err, &undefined):
		return report.Say("proof.undefined-term", "This {what} contains a property its vocabulary does not define ({term}), so the signature could not cover it.", "what", what, "term", strconv.Quote(undefined.Term)).
			Check("", report.Fail, err.Error())
	case errors.As(err, &unknownCtx):
		return report.Say("proof.unknown-context", "The signature could not be checked: the {what} uses a vocabulary ClearBadge does not carry ({url}), and vocabularies are never downloaded.", "what", what, "url", unknownCtx.URL).
			Check("", report.Skip, err.Error())
	}
	return report.Say("proof.unreadable", "The {what}'s signature could not be checked: it is malformed.", "what", what).Check("", report.Fail, p.Name()+": "+err.Error())
}

// issuer checks that whoever made the proof is the credential's issuer: the
// key must be listed by the issuer's own published material (its DID
// document, or for an https issuer the controller document or JWK Set the
// OB 3.0 Implementation Guide's "Key provenance" names). A binding that
// nothing contradicts but nothing confirms is a skip, which leaves the
// verdict "incomplete": the signature proves only that someone holding
// that key signed.
func (s *session) issuer(r *report.Report, doc map[string]any, who *signer) {
	issuerID := credential.ID(doc["issuer"])
	name := r.Summary.Issuer.Name
	if name == "" {
		name = issuerID
	}
	unconfirmed := func(reason report.Text, detail, url string) {
		c := report.Say("issuer.unconfirmed", "The signature is intact, but nothing confirms that the key that made it is {name}'s:", "name", name).Then(reason).
			Check(report.CheckIssuer, report.Skip, detail)
		c.URL, c.Remedy = url, s.remedy(url)
		r.Checks = append(r.Checks, c)
	}
	switch {
	case issuerID == "":
		r.Add(report.CheckIssuer, report.Fail, report.Say("issuer.none", "The credential does not say who issued it."), "no issuer id")
	case who.key.Binding == keys.NotListed:
		r.Add(report.CheckIssuer, report.Fail, report.Say("issuer.not-listed", "The credential was signed with a key that {name} does not publish as its own.", "name", name), who.key.Reason.English)
	case who.key.Controller != issuerID && !resolvable(issuerID):
		// An issuer named only by an opaque id (urn:uuid:...) or an http://
		// address publishes no document ClearBadge may read for its keys:
		// nothing can confirm or refute that the key is its own.
		unconfirmed(report.Say("issuer.opaque-id", "the issuer is identified only by {id}, which publishes no keys that could be checked.", "id", truncate(issuerID)),
			fmt.Sprintf("issuer %s; key %s controlled by %s", issuerID, who.key.ID, who.key.Controller), "")
	case who.key.Controller != issuerID:
		r.Add(report.CheckIssuer, report.Fail, report.Say("issuer.other-key", "The credential was signed with someone else's key, not one belonging to the issuer it names ({name}).", "name", name),
			fmt.Sprintf("key %s is controlled by %s; issuer is %s", who.key.ID, who.key.Controller, issuerID))
	case who.key.Binding == keys.Unconfirmed && who.key.ID == "":
		unconfirmed(report.Say("issuer.token-key", "the key was carried inside the token itself, and anyone could have made that key;").Then(who.key.Reason), who.key.Reason.English, who.key.Document)
	case who.key.Binding == keys.Unconfirmed:
		unconfirmed(who.key.Reason, "key "+who.key.ID, who.key.Document)
	default:
		r.Summary.Issuer.Domain = domain(issuerID)
		msg := report.Say("issuer.lists-key", "The signing key belongs to the issuer: {issuer} lists it as its own.", "issuer", issuerID)
		if r.Summary.Issuer.Domain != "" {
			msg = report.Say("issuer.domain-publishes-key", "The signing key belongs to the issuer: {domain} publishes it for {issuer}.", "domain", r.Summary.Issuer.Domain, "issuer", issuerID)
		}
		r.Add(report.CheckIssuer, report.Pass, msg, "key "+who.key.ID+" controlled by "+who.key.Controller)
	}
}

// resolvable reports whether an issuer id can lead to a document listing its
// keys: a DID or an https URL (http:// documents are never fetched: anyone
// on the path could answer).
func resolvable(id string) bool {
	return strings.HasPrefix(id, "did:") || strings.HasPrefix(id, "https://")
}

// domain is the host that published the issuer's keys: the did:web host or
// the https issuer's host; "" for a DID that names no host (did:key,
// did:jwk), whose document is the key itself.
func domain(issuerID string) string {
	if strings.HasPrefix(issuerID, "did:web:") {
		if u, err := did.WebURL(issuerID); err == nil {
			return host(u)
		}
		return ""
	}
	if strings.HasPrefix(issuerID, "https://") {
		return host(issuerID)
	}
	return ""
}

func truncate(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}

package verify

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/keys"
	"github.com/clearbadge/clearbadge/core/report"
)

// presentation verifies a Verifiable Presentation (VC 2.0 §4.13): the
// holder's proof (proofPurpose authentication, with the challenge and domain
// the verifier expects: VC Data Integrity §4.3 steps on challenge/domain),
// that the holder made it, and every credential inside with its own report.
func (s *session) presentation(ctx context.Context, doc map[string]any, format string) *report.Report {
	r := &report.Report{Kind: report.KindPresentation, Format: format, Summary: presentationSummary(doc)}
	if !presentationShape(r, doc) {
		r.Finish()
		return r
	}
	holder := jsonval.ID(doc["holder"])

	if _, signed := doc["proof"]; !signed {
		s.expectations(r, "", "", false)
	} else if who := s.embeddedProof(ctx, r, doc, "authentication"); who != nil {
		// Only the proof that verified speaks for the holder: a challenge
		// in any other proof of the set (a fake one put in front of a
		// replayed bundle, say) counts for nothing.
		s.holderBinding(r, holder, who.key, who.proof.Challenge, who.proof.Domain)
	} else {
		unverifiedHolder(r)
	}
	s.presented(ctx, r, doc, holder)
	r.Finish()
	return r
}

// unverifiedHolder adds the presentation check when the holder's proof did
// not verify: a failure when it failed, a skip (naming what would complete
// it) when it could not be checked.
func unverifiedHolder(r *report.Report) {
	c := report.Say("presentation.unverified", "The presenter's signature on this bundle could not be verified.").Check(report.CheckPresentation, report.Fail, "see the proof check")
	if p := r.Check(report.CheckProof); p != nil && p.Outcome == report.Skip {
		c.Say(report.Say("presentation.unchecked", "The presenter's signature on this bundle could not be checked yet:").Then(p.Text()))
		c.Outcome, c.URL, c.Remedy = report.Skip, p.URL, p.Remedy
	}
	r.Checks = append(r.Checks, c)
}

// presentationShape adds the format check of a presentation and reports
// whether it is one.
func presentationShape(r *report.Report, doc map[string]any) bool {
	if credential.Version(doc) == 0 {
		r.Add(report.CheckFormat, report.Fail, report.Say("format.not-vp-context", "This is not a Verifiable Presentation: its first @context entry is not the W3C credentials context."), "")
		return false
	}
	r.Add(report.CheckFormat, report.Pass, report.Say("format.presentation", "This is a Verifiable Presentation: a bundle of credentials signed by the person presenting them."), "")
	return true
}

// jwtPresentation verifies a presentation secured as a JWT, in either
// shape: VC-JOSE-COSE §3.2 (typ vp+jwt; the payload is the presentation)
// or VC 1.1 §6.3.1 (the presentation in the `vp` claim; `iss` is the
// holder, §6.3.1.2). The JWS is the holder's proof, so its kid must name a
// key the holder lists for authentication, as an embedded proof's
// verificationMethod must. VC-JOSE-COSE defines no challenge or domain; as
// in VC 1.1 §6.3.1.2 and OpenID for Verifiable Presentations, the `nonce`
// claim carries the challenge and `aud` the domain (the verifier the holder
// meant it for). core/present writes them so.
func (s *session) jwtPresentation(ctx context.Context, tok *jose.Token, payload, doc map[string]any, format string) *report.Report {
	r := &report.Report{Kind: report.KindPresentation, Format: format, Summary: presentationSummary(doc)}
	if !presentationShape(r, doc) {
		r.Finish()
		return r
	}
	holder := jsonval.ID(doc["holder"])
	iss, _ := payload["iss"].(string)
	if holder == "" {
		holder = iss
		r.Summary.Holder = iss
	}
	switch key := s.holderKey(ctx, r, tok, holder); {
	case iss != "" && iss != holder:
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.token-mismatch", "The token and the bundle inside it name different holders."), fmt.Sprintf("iss %q but holder %q", iss, holder))
	case key == nil:
		unverifiedHolder(r)
	default:
		if msg, detail := s.tokenTimes(payload); msg.Code != "" {
			r.Add(report.CheckPresentation, report.Fail, msg, detail)
			break
		}
		aud := strings.Join(jsonval.Strings(payload["aud"]), " ")
		nonce, _ := payload["nonce"].(string)
		s.holderBinding(r, holder, key, nonce, aud)
	}
	s.presented(ctx, r, doc, holder)
	r.Finish()
	return r
}

// holderKey resolves the key a VP-JWT's kid names, for authentication, and
// checks the signature with it; it adds the proof check. VC-JOSE-COSE §5.1
// ("Using Controlled Identifier Documents"): when the holder is a URL the
// kid is an absolute URL of a verification method in the holder's
// document; a relative kid ("#key-1") is read against the holder's id. A
// `jwk` header alone names no one, so it is not enough for a presentation.
func (s *session) holderKey(ctx context.Context, r *report.Report, tok *jose.Token, holderID string) *keys.Resolved {
	kid := tok.Header.Kid
	if kid == "" {
		r.Add(report.CheckProof, report.Fail, report.Say("proof.bundle-no-kid", "The bundle's token does not say which of the holder's keys signed it, so the holder cannot be confirmed."),
			"no kid in the JOSE header (VC-JOSE-COSE §5.1: the kid names the holder's verification method)")
		return nil
	}
	if strings.HasPrefix(kid, "#") && holderID != "" {
		base, _, _ := strings.Cut(holderID, "#")
		kid = base + kid
	}
	k, err := s.keyResolver().Resolve(ctx, kid, "authentication")
	if err != nil {
		c := s.keyProblem("bundle", kid, err)
		c.ID = report.CheckProof
		r.Checks = append(r.Checks, c)
		return nil
	}
	if tok.Header.JWK != nil && !sameKey(k.PublicKey, tok.Header.JWK.Key) {
		r.Add(report.CheckProof, report.Fail, twoKeys(), "the jwk header and the key named by kid differ")
		return nil
	}
	if err := tok.Verify(k.PublicKey); err != nil {
		o, msg, detail := jwtProblem("bundle", err)
		r.Add(report.CheckProof, o, msg, detail)
		return nil
	}
	r.Add(report.CheckProof, report.Pass, intact("bundle"), "JWS "+tok.Header.Alg+" by "+k.ID)
	return k
}

// tokenTimes checks a VP-JWT's exp and nbf, which bound the holder's
// signature (VC-JOSE-COSE §3.1.3: iat and exp are about the signature, not
// the credentials). It returns a failure message, or "".
func (s *session) tokenTimes(payload map[string]any) (msg report.Text, detail string) {
	at := func(k string) (time.Time, bool) {
		f, ok := payload[k].(float64)
		return time.Unix(int64(f), 0).UTC(), ok
	}
	if exp, ok := at("exp"); ok && s.now.After(exp) {
		return report.Say("presentation.expired", "The holder's signature on this bundle expired on {until|date}: ask for a new one.", "until", rfc3339(exp)),
			fmt.Sprintf("exp %s is before the verification time %s", exp.Format(time.RFC3339), s.now.UTC().Format(time.RFC3339))
	}
	if nbf, ok := at("nbf"); ok && s.now.Before(nbf) {
		return report.Say("presentation.not-yet", "The holder's signature on this bundle is not valid yet: it starts on {from|date}.", "from", rfc3339(nbf)),
			fmt.Sprintf("nbf %s is after the verification time %s", nbf.Format(time.RFC3339), s.now.UTC().Format(time.RFC3339))
	}
	return report.Text{}, ""
}

// presentationSummary is what a presentation's card shows: who holds it.
// Nobody vouches for anything else the presentation document says (its
// own name, image or "issuer" are the presenter's words, unsigned or signed
// by the presenter alone), so none of it reaches the summary; the card lists
// the credentials, each with its own issuer's words.
func presentationSummary(doc map[string]any) report.Summary {
	return report.Summary{ID: jsonval.Str(doc, "id"), Holder: jsonval.ID(doc["holder"])}
}

// holderBinding adds the presentation check: the key is the holder's and the
// proof carries the expected challenge and domain. As for an issuer, a key
// is the holder's only when the holder's document lists it (keys.Binding).
func (s *session) holderBinding(r *report.Report, holderID string, key *keys.Resolved, challenge, domain string) {
	switch {
	case holderID != "" && key.Controller != holderID:
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.other-signer", "This bundle was signed by someone other than the holder it names."),
			fmt.Sprintf("holder %s; key controlled by %s", holderID, key.Controller))
		return
	case key.Binding == keys.NotListed:
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.key-not-listed", "This bundle was signed with a key the holder does not publish as their own."), key.Reason.English)
		return
	}
	s.expectations(r, challenge, domain, true)
	c := r.Check(report.CheckPresentation)
	switch {
	case c.Outcome != report.Pass:
	case holderID == "":
		c.Outcome = report.Warn
		c.Say(c.Text().Then(report.Say("presentation.no-holder", "The bundle does not name its holder.")))
	case key.Binding == keys.Unconfirmed:
		// As for an issuer: the holder's signature holds, but nothing ties
		// the key to the holder it names, so the verdict waits.
		c.Outcome = report.Skip
		c.Say(c.Text().Then(report.Say("presentation.key-unconfirmed", "But the key could not be confirmed as the holder's:"), key.Reason))
		c.URL, c.Remedy = key.Document, s.remedy(key.Document)
	}
}

// expectations compares the proof's challenge and domain with what the
// verifier asked for. A replayed presentation carries an old challenge and
// fails here.
func (s *session) expectations(r *report.Report, challenge, domain string, signed bool) {
	switch {
	case s.challenge != "" && !signed:
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.unsigned-challenge", "This bundle is not signed by its holder, so it cannot answer your challenge."), "expected challenge "+s.challenge)
	case s.challenge != "" && challenge == "":
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.no-challenge", "This bundle was not made in answer to your request: it carries no challenge."), "expected challenge "+s.challenge)
	case s.challenge != "" && challenge != s.challenge:
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.challenge-mismatch", "This bundle was made for a different request (its challenge does not match yours): it may be a replay."),
			fmt.Sprintf("expected challenge %q, found %q", s.challenge, challenge))
	case s.domain != "" && !containsField(domain, s.domain):
		r.Add(report.CheckPresentation, report.Fail, report.Say("presentation.domain-mismatch", "This bundle was made for a different website or verifier (its domain does not match)."),
			fmt.Sprintf("expected domain %q, found %q", s.domain, domain))
	case !signed:
		// VC 2.0 §4.13 allows an unsigned presentation, but then nothing
		// shows who handed it over: never "verified" (each credential inside
		// keeps its own verdict).
		c := report.Say("presentation.unsigned", "This bundle is not signed by its holder, so who handed it over cannot be confirmed; each credential inside is checked on its own.").
			Check(report.CheckPresentation, report.Skip, "no proof")
		c.Remedy = report.RemedyNone
		r.Checks = append(r.Checks, c)
	case s.challenge == "" && challenge != "":
		r.Add(report.CheckPresentation, report.Warn, report.Say("presentation.unasked", "The holder signed this bundle, but no challenge was given to compare with: it could be a replay."),
			"presentation challenge "+challenge)
	default:
		r.Add(report.CheckPresentation, report.Pass, report.Say("presentation.ok", "The holder signed this bundle for this request."),
			fmt.Sprintf("challenge %q, domain %q", challenge, domain))
	}
}

func containsField(list, want string) bool {
	for _, f := range strings.Fields(list) {
		if f == want {
			return true
		}
	}
	return false
}

// presented verifies the credentials in a presentation, each with its own
// report, and warns where the holder is not the subject.
func (s *session) presented(ctx context.Context, r *report.Report, doc map[string]any, holderID string) {
	items := jsonval.List(doc["verifiableCredential"])
	if len(items) == 0 {
		r.Add(report.CheckCredentials, report.Warn, report.Say("credentials.vp-empty", "This bundle holds no credentials."), "")
		return
	}
	if len(items) > MaxCredentials {
		r.Add(report.CheckCredentials, report.Skip, report.Say("credentials.vp-too-many", "This bundle holds {n} credentials, more than the {max} ClearBadge checks, so none of them was checked.", "n", strconv.Itoa(len(items)), "max", strconv.Itoa(MaxCredentials)),
			fmt.Sprintf("%d credentials; limit %d", len(items), MaxCredentials))
		return
	}
	var t tally
	var notHolder []string
	for i, it := range items {
		nr := s.nestedValue(ctx, enveloped(it), fmt.Sprintf("credential %d", i+1))
		r.Credentials = append(r.Credentials, nr)
		t.add(nr)
		if holderID != "" && nr.Summary.Subject != "" && nr.Summary.Subject != holderID {
			notHolder = append(notHolder, label(nr))
		}
	}
	switch {
	case t.failed != nil || t.incomplete != nil:
		t.report(r, "bundle")
	case len(notHolder) > 0 && len(items) == 1:
		r.Add(report.CheckCredentials, report.Warn, report.Say("credentials.not-holder-one", "The bundle's one credential, {which}, verified, but the holder is not its subject. That can be legitimate (a parent presenting a child's record), but check who is presenting.",
			"which", notHolder[0]), "")
	case len(notHolder) > 0:
		r.Add(report.CheckCredentials, report.Warn, report.Say("credentials.not-holder", "All {n} credentials verified, but the holder is not the subject of {which}. That can be legitimate (a parent presenting a child's record), but check who is presenting.",
			"n", strconv.Itoa(len(items)), "which", strings.Join(notHolder, ", ")), "")
	case len(items) == 1:
		r.Add(report.CheckCredentials, report.Pass, report.Say("credentials.vp-verified-one", "The bundle's one credential verified."), "")
	default:
		r.Add(report.CheckCredentials, report.Pass, report.Say("credentials.vp-verified", "All {n} credentials in this bundle verified.", "n", strconv.Itoa(len(items))), "")
	}
}

// enveloped unwraps an EnvelopedVerifiableCredential (VC 2.0 §4.13.1): its
// id is a data: URL holding the secured credential (a VC-JOSE token, say).
// Anything else is returned as is.
func enveloped(v any) any {
	m, ok := v.(map[string]any)
	if !ok || !credential.HasType(m, "EnvelopedVerifiableCredential") {
		return v
	}
	data, ok := dataURL(jsonval.Str(m, "id"))
	if !ok {
		return v
	}
	return data
}

// dataURL decodes an RFC 2397 data: URL to its text.
func dataURL(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "data:")
	if !ok {
		return "", false
	}
	meta, payload, ok := strings.Cut(rest, ",")
	if !ok {
		return "", false
	}
	if strings.HasSuffix(meta, ";base64") {
		b, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			return "", false
		}
		return string(b), true
	}
	t, err := url.PathUnescape(payload)
	return t, err == nil
}

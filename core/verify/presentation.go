package verify

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/credential"
	"github.com/clearbadge/clearbadge/core/jose"
	"github.com/clearbadge/clearbadge/core/keys"
	"github.com/clearbadge/clearbadge/core/report"
)

// presentation verifies a Verifiable Presentation (VC 2.0 §4.13): the
// holder's proof (proofPurpose authentication, with the challenge and domain
// the verifier expects: VC Data Integrity §4.3 steps on challenge/domain),
// that the holder made it, and every credential inside with its own report.
func (s *session) presentation(ctx context.Context, doc map[string]any, format string) *report.Report {
	r := &report.Report{Kind: credential.KindPresentation, Format: format, Summary: credential.Summarize(doc)}
	if !presentationShape(r, doc) {
		r.Finish()
		return r
	}
	holder := credential.ID(doc["holder"])

	if _, signed := doc["proof"]; !signed {
		s.expectations(r, "", "", false)
	} else if who := s.embeddedProof(ctx, r, doc, "authentication"); who != nil {
		// embeddedProof verified the first acceptable proof; read its
		// challenge and domain from the same proof set.
		ch, dom := proofBinding(doc, who.key.ID)
		s.holderBinding(r, holder, who.key, ch, dom)
	} else {
		r.Add(report.CheckPresentation, report.Fail, "The presenter's signature on this bundle could not be verified.", "see the proof check")
	}
	s.presented(ctx, r, doc, holder)
	r.Finish()
	return r
}

// presentationShape adds the format check of a presentation and reports
// whether it is one.
func presentationShape(r *report.Report, doc map[string]any) bool {
	if credential.Version(doc) == 0 {
		r.Add(report.CheckFormat, report.Fail, "This is not a Verifiable Presentation: its first @context entry is not the W3C credentials context.", "")
		return false
	}
	r.Add(report.CheckFormat, report.Pass, "This is a Verifiable Presentation: a bundle of credentials signed by the person presenting them.", "")
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
	r := &report.Report{Kind: credential.KindPresentation, Format: format, Summary: credential.Summarize(doc)}
	if !presentationShape(r, doc) {
		r.Finish()
		return r
	}
	holder := credential.ID(doc["holder"])
	iss, _ := payload["iss"].(string)
	if holder == "" {
		holder = iss
		r.Summary.Holder = iss
	}
	switch key := s.holderKey(ctx, r, tok, holder); {
	case iss != "" && iss != holder:
		r.Add(report.CheckPresentation, report.Fail, "The token and the bundle inside it name different holders.", fmt.Sprintf("iss %q but holder %q", iss, holder))
	case key == nil:
		r.Add(report.CheckPresentation, report.Fail, "The presenter's signature on this bundle could not be verified.", "see the proof check")
	default:
		if msg, detail := s.tokenTimes(payload); msg != "" {
			r.Add(report.CheckPresentation, report.Fail, msg, detail)
			break
		}
		aud := strings.Join(credential.Strings(payload["aud"]), " ")
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
func (s *session) holderKey(ctx context.Context, r *report.Report, tok *jose.Token, holder string) *keys.Key {
	kid := tok.Header.Kid
	if kid == "" {
		r.Add(report.CheckProof, report.Fail, "The bundle's token does not say which of the holder's keys signed it, so the holder cannot be confirmed.",
			"no kid in the JOSE header (VC-JOSE-COSE §5.1: the kid names the holder's verification method)")
		return nil
	}
	if strings.HasPrefix(kid, "#") && holder != "" {
		base, _, _ := strings.Cut(holder, "#")
		kid = base + kid
	}
	k, err := s.keyResolver().Resolve(ctx, kid, "authentication")
	if err != nil {
		c := keyProblem("bundle", kid, err)
		r.Add(report.CheckProof, c.Outcome, c.Message, c.Detail)
		return nil
	}
	if tok.Header.JWK != nil && !sameKey(k.PublicKey, tok.Header.JWK.Key) {
		r.Add(report.CheckProof, report.Fail, "The token names two different keys for its signature, so it cannot be trusted.", "the jwk header and the key named by kid differ")
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
func (s *session) tokenTimes(payload map[string]any) (msg, detail string) {
	at := func(k string) (time.Time, bool) {
		f, ok := payload[k].(float64)
		return time.Unix(int64(f), 0).UTC(), ok
	}
	if exp, ok := at("exp"); ok && s.now.After(exp) {
		return "The holder's signature on this bundle expired on " + exp.Format(dateLayout) + ": ask for a new one.",
			fmt.Sprintf("exp %s is before the verification time %s", exp.Format(time.RFC3339), s.now.UTC().Format(time.RFC3339))
	}
	if nbf, ok := at("nbf"); ok && s.now.Before(nbf) {
		return "The holder's signature on this bundle is not valid yet: it starts on " + nbf.Format(dateLayout) + ".",
			fmt.Sprintf("nbf %s is after the verification time %s", nbf.Format(time.RFC3339), s.now.UTC().Format(time.RFC3339))
	}
	return "", ""
}

// proofBinding returns the challenge and domain of the proof made with vm.
func proofBinding(doc map[string]any, vm string) (challenge, domain string) {
	for _, p := range credential.List(doc["proof"]) {
		m, ok := p.(map[string]any)
		if !ok {
			continue
		}
		if credential.ID(m["verificationMethod"]) == vm {
			return credential.Str(m, "challenge"), strings.Join(credential.Strings(m["domain"]), " ")
		}
	}
	return "", ""
}

// holderBinding adds the presentation check: the key is the holder's and the
// proof carries the expected challenge and domain. As for an issuer, a key
// is the holder's only when the holder's document lists it (keys.Binding).
func (s *session) holderBinding(r *report.Report, holder string, key *keys.Key, challenge, domain string) {
	switch {
	case holder != "" && key.Controller != holder:
		r.Add(report.CheckPresentation, report.Fail, "This bundle was signed by someone other than the holder it names.",
			fmt.Sprintf("holder %s; key controlled by %s", holder, key.Controller))
		return
	case key.Binding == keys.NotListed:
		r.Add(report.CheckPresentation, report.Fail, "This bundle was signed with a key the holder does not publish as their own.", key.Reason)
		return
	}
	s.expectations(r, challenge, domain, true)
	c := r.Check(report.CheckPresentation)
	switch {
	case c.Outcome != report.Pass:
	case holder == "":
		c.Outcome = report.Warn
		c.Message += " The bundle does not name its holder."
	case key.Binding == keys.Unconfirmed:
		c.Outcome = report.Warn
		c.Message += " But the key could not be confirmed as the holder's: " + key.Reason
	}
}

// expectations compares the proof's challenge and domain with what the
// verifier asked for. A replayed presentation carries an old challenge and
// fails here.
func (s *session) expectations(r *report.Report, challenge, domain string, signed bool) {
	switch {
	case s.challenge != "" && !signed:
		r.Add(report.CheckPresentation, report.Fail, "This bundle is not signed by its holder, so it cannot answer your challenge.", "expected challenge "+s.challenge)
	case s.challenge != "" && challenge == "":
		r.Add(report.CheckPresentation, report.Fail, "This bundle was not made in answer to your request: it carries no challenge.", "expected challenge "+s.challenge)
	case s.challenge != "" && challenge != s.challenge:
		r.Add(report.CheckPresentation, report.Fail, "This bundle was made for a different request (its challenge does not match yours): it may be a replay.",
			fmt.Sprintf("expected challenge %q, found %q", s.challenge, challenge))
	case s.domain != "" && !containsField(domain, s.domain):
		r.Add(report.CheckPresentation, report.Fail, "This bundle was made for a different website or verifier (its domain does not match).",
			fmt.Sprintf("expected domain %q, found %q", s.domain, domain))
	case !signed:
		r.Add(report.CheckPresentation, report.Warn, "This bundle is not signed by its holder: only the credentials inside are checked.", "no proof")
	case s.challenge == "" && challenge != "":
		r.Add(report.CheckPresentation, report.Warn, "The holder signed this bundle, but no challenge was given to compare with: it could be a replay.",
			"presentation challenge "+challenge)
	default:
		r.Add(report.CheckPresentation, report.Pass, "The holder signed this bundle for this request.",
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
func (s *session) presented(ctx context.Context, r *report.Report, doc map[string]any, holder string) {
	items := credential.List(doc["verifiableCredential"])
	if len(items) == 0 {
		r.Add(report.CheckCredentials, report.Warn, "This bundle holds no credentials.", "")
		return
	}
	if len(items) > MaxCredentials {
		r.Add(report.CheckCredentials, report.Skip, fmt.Sprintf("This bundle holds %d credentials, more than the %d ClearBadge checks, so none of them was checked.", len(items), MaxCredentials),
			fmt.Sprintf("%d credentials; limit %d", len(items), MaxCredentials))
		return
	}
	var failed, notHolder []string
	for i, it := range items {
		nr := s.nestedValue(ctx, enveloped(it), fmt.Sprintf("credential %d", i+1))
		r.Credentials = append(r.Credentials, nr)
		if !nr.Verified {
			failed = append(failed, label(nr))
		}
		if holder != "" && nr.Summary.Subject != "" && nr.Summary.Subject != holder {
			notHolder = append(notHolder, label(nr))
		}
	}
	switch {
	case len(failed) > 0:
		r.Add(report.CheckCredentials, report.Fail, fmt.Sprintf("%d of the %d credentials in this bundle did not verify: %s.", len(failed), len(items), strings.Join(failed, ", ")), "")
	case len(notHolder) > 0:
		r.Add(report.CheckCredentials, report.Warn, fmt.Sprintf("All %d credentials verified, but the holder is not the subject of %s. That can be legitimate (a parent presenting a child's record), but check who is presenting.", len(items), strings.Join(notHolder, ", ")), "")
	default:
		r.Add(report.CheckCredentials, report.Pass, fmt.Sprintf("All %d credentials in this bundle verified.", len(items)), "")
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
	data, ok := dataURL(credential.Str(m, "id"))
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

package verify

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"

	"github.com/clearbadge/clearbadge/core/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

// presentation verifies a Verifiable Presentation (VC 2.0 §4.13): the
// holder's proof (proofPurpose authentication, with the challenge and domain
// the verifier expects: VC Data Integrity §4.3 steps on challenge/domain),
// that the holder made it, and every credential inside with its own report.
func (s *session) presentation(ctx context.Context, doc map[string]any, format string) *report.Report {
	r := &report.Report{Kind: credential.KindPresentation, Format: format, Summary: credential.Summarize(doc)}
	if credential.Version(doc) == 0 {
		r.Add(report.CheckFormat, report.Fail, "This is not a Verifiable Presentation: its first @context entry is not the W3C credentials context.", "")
		r.Finish()
		return r
	}
	r.Add(report.CheckFormat, report.Pass, "This is a Verifiable Presentation: a bundle of credentials signed by the person presenting them.", "")
	holder := credential.ID(doc["holder"])

	if _, signed := doc["proof"]; !signed {
		s.expectations(r, "", "", false)
	} else if who := s.embeddedProof(ctx, r, doc, "authentication"); who != nil {
		// embeddedProof verified the first acceptable proof; read its
		// challenge and domain from the same proof set.
		ch, dom := proofBinding(doc, who.key.ID)
		s.holderBinding(r, holder, who.key.Controller, ch, dom)
	} else {
		r.Add(report.CheckPresentation, report.Fail, "The presenter's signature on this bundle could not be verified.", "see the proof check")
	}
	s.presented(ctx, r, doc, holder)
	r.Finish()
	return r
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
// proof carries the expected challenge and domain.
func (s *session) holderBinding(r *report.Report, holder, controller, challenge, domain string) {
	if holder != "" && controller != holder {
		r.Add(report.CheckPresentation, report.Fail, "This bundle was signed by someone other than the holder it names.",
			fmt.Sprintf("holder %s; key controlled by %s", holder, controller))
		return
	}
	s.expectations(r, challenge, domain, true)
	if holder == "" {
		c := r.Check(report.CheckPresentation)
		if c.Outcome == report.Pass {
			c.Outcome = report.Warn
			c.Message += " The bundle does not name its holder."
		}
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

package verify

import (
	"context"
	"crypto"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/keys"
	"github.com/clearbadge/clearbadge/core/report"
)

// external is the outcome of a proof outside the credential object (a JWS
// around it), handed to the shared credential checks.
type external struct {
	checks   []report.Check
	signer   *signer
	nbf, exp time.Time
	// notes are the token's deviations from OB 3.0 §8.2 that do not void
	// the credential; they turn the format check into a warning.
	notes []string
	// issuerMismatch is set when the token's iss names another issuer than
	// the credential; it fails the issuer check.
	issuerMismatch string
}

// joseTypes are the `typ` values of VC-JOSE-COSE §3.1.1 (final: vc+jwt;
// earlier drafts: vc+ld+json+jwt).
var joseTypes = map[string]bool{"vc+jwt": true, "vp+jwt": true, "vc+ld+json+jwt": true, "vp+ld+json+jwt": true}

func (s *session) jwt(ctx context.Context, token string) *report.Report {
	r, _ := s.jwtDoc(ctx, token)
	return r
}

// jwtDoc verifies a compact JWS holding a credential, in either shape:
// OB 3.0 §8.2 VC-JWT (typ JWT; the credential in the `vc` claim, VC 1.1
// style, or as the payload itself with iss/jti/sub/nbf/exp claims) or
// VC-JOSE-COSE (typ vc+jwt; the payload is the credential). A presentation
// (typ vp+jwt, or a `vp` claim) goes to jwtPresentation. It also returns
// the decoded credential or presentation object.
func (s *session) jwtDoc(ctx context.Context, token string) (*report.Report, map[string]any) {
	tok, err := jose.Parse(token)
	if err != nil {
		return formatError("vc-jwt", report.Say("format.jwt-unreadable", "This looks like a JWT, but it could not be read."), err.Error()), nil
	}
	format := "vc-jwt"
	if joseTypes[strings.ToLower(tok.Header.Typ)] {
		format = "vc-jose"
	}
	payload, err := credential.Decode(tok.Payload)
	if err != nil {
		return formatError(format, report.Say("format.jwt-not-credential", "The JWT's content is not a credential."), err.Error()), nil
	}
	doc, inVC := payload, false
	if vc, ok := payload["vc"].(map[string]any); ok {
		doc, inVC = vc, true
	}
	if vp, ok := payload["vp"].(map[string]any); ok {
		doc = vp
	}
	if credential.Kind(doc) == report.KindPresentation {
		// The holder signed it: other rules than an issuer's token.
		return s.jwtPresentation(ctx, tok, payload, doc, format), doc
	}

	ext := &external{}
	notes := &ext.notes
	if format == "vc-jwt" && tok.Header.Typ != "" && tok.Header.Typ != "JWT" {
		*notes = append(*notes, fmt.Sprintf("typ is %q; OB 3.0 §8.2.3 requires JWT", tok.Header.Typ))
	}
	if len(tok.Header.Extra) > 0 && format == "vc-jwt" {
		*notes = append(*notes, "header has parameters OB 3.0 §8.2.3 does not allow: "+strings.Join(tok.Header.Extra, ", "))
	}
	// OB 3.0 implementation guide, "VC 1.1 verification": a `vc` claim means
	// VC 1.1, and the first @context must agree with where the credential was.
	ver := credential.Version(doc)
	if inVC && ver == 2 {
		*notes = append(*notes, "the credential is in the vc claim (VC 1.1 style) but uses the VC 2.0 context")
	}
	ext.issuerMismatch = s.claims(payload, doc, format == "vc-jose", ext, notes)

	ext.signer = s.jwtSignature(ctx, tok, jsonval.ID(doc["issuer"]), ext)

	return s.credential(ctx, doc, format, ext), doc
}

// claims compares the registered JWT claims with the credential (OB 3.0
// §8.2.4.2 "Verify a Credential": iss = issuer.id, jti = id, sub =
// credentialSubject.id, nbf = validFrom, exp = validUntil). Only an issuer
// mismatch voids the credential; the rest are notes, since 1EdTech's own
// examples omit nbf and use aud for the subject. It returns the issuer
// mismatch, if any.
//
// VC-JOSE-COSE (typ vc+jwt) requires none of these claims (§3.1.2 even
// calls nbf NOT RECOMMENDED), so for that format only the values present
// are compared.
func (s *session) claims(payload, doc map[string]any, vcJOSE bool, ext *external, notes *[]string) string {
	num := func(k string) (time.Time, bool) {
		f, ok := payload[k].(float64)
		if !ok {
			return time.Time{}, false
		}
		return time.Unix(int64(f), 0).UTC(), true
	}
	var fail string
	issuer := jsonval.ID(doc["issuer"])
	if iss, ok := payload["iss"].(string); ok && iss != issuer {
		fail = fmt.Sprintf("iss %q but issuer.id %q", iss, issuer)
	} else if !ok {
		if !vcJOSE {
			*notes = append(*notes, "no iss claim")
		}
	}
	if jti, ok := payload["jti"].(string); ok && jti != jsonval.Str(doc, "id") && jsonval.Str(doc, "id") != "" {
		*notes = append(*notes, fmt.Sprintf("jti %q differs from the credential id", jti))
	}
	subj := ""
	if subs := credential.Subjects(doc); len(subs) > 0 {
		subj = jsonval.Str(subs[0], "id")
	}
	if sub, ok := payload["sub"].(string); ok && subj != "" && sub != subj {
		*notes = append(*notes, fmt.Sprintf("sub %q differs from credentialSubject.id", sub))
	} else if !ok && subj != "" && !vcJOSE {
		*notes = append(*notes, "no sub claim")
	}
	d, _ := credential.ReadDates(doc)
	if t, ok := num("nbf"); ok {
		ext.nbf = t
		if !d.From.IsZero() && !t.Equal(d.From.Truncate(time.Second)) {
			*notes = append(*notes, "nbf differs from "+d.FromName)
		}
	} else if !vcJOSE {
		*notes = append(*notes, "no nbf claim")
	}
	if t, ok := num("exp"); ok {
		ext.exp = t
		if !d.Until.IsZero() && !t.Equal(d.Until.Truncate(time.Second)) {
			*notes = append(*notes, "exp differs from "+d.UntilName)
		}
	}
	return fail
}

// jwtSignature finds the token's key (a `kid` resolved to the issuer's key,
// or a `jwk` carried in the header) and checks the signature. It adds the
// proof check to ext and returns who signed, or nil.
func (s *session) jwtSignature(ctx context.Context, tok *jose.Token, issuer string, ext *external) *signer {
	add := func(o report.Outcome, msg report.Text, detail string) {
		ext.checks = append(ext.checks, msg.Check(report.CheckProof, o, detail))
	}
	var key *keys.Resolved
	switch {
	case tok.Header.JWK != nil:
		// OB 3.0 §8.2.3 allows the public key in the header; whether it is the
		// issuer's is a separate question (keys.JWKProvenance).
		if tok.Header.Kid != "" {
			if k, err := s.keyResolver().JWTKey(ctx, tok.Header.Kid, issuer); err == nil && !sameKey(k.PublicKey, tok.Header.JWK.Key) {
				add(report.Fail, twoKeys(), "the jwk header and the key named by kid differ")
				return nil
			}
		}
		if err := tok.Verify(tok.Header.JWK.Key); err != nil {
			add(jwtProblem("credential", err))
			return nil
		}
		key = s.keyResolver().JWKProvenance(ctx, tok.Header.JWK, issuer)
	case tok.Header.Kid != "":
		k, err := s.keyResolver().JWTKey(ctx, tok.Header.Kid, issuer)
		if err != nil {
			c := s.keyProblem("credential", tok.Header.Kid, err)
			c.ID = report.CheckProof
			ext.checks = append(ext.checks, c)
			return nil
		}
		if err := tok.Verify(k.PublicKey); err != nil {
			add(jwtProblem("credential", err))
			return nil
		}
		key = k
	default:
		add(report.Fail, report.Say("proof.no-kid", "The token does not say which key signed it, so its signature cannot be checked."),
			"no kid or jwk in the JOSE header (OB 3.0 §8.2.3 requires one)")
		return nil
	}
	ext.checks = append(ext.checks, intact("credential").Check(report.CheckProof, report.Pass, "JWS "+tok.Header.Alg))
	return &signer{key: key}
}

// sameKey compares two public keys of any supported type.
func sameKey(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

// jwtProblem explains a JWS verification failure of a credential or a
// bundle (what) in plain words.
func jwtProblem(what string, err error) (report.Outcome, report.Text, string) {
	switch {
	case errors.Is(err, jose.ErrAlgNone):
		return report.Fail, report.Say("proof.alg-none", "This token is not signed at all (algorithm \"none\"): anyone could have written it."), err.Error()
	case errors.Is(err, jose.ErrHMAC):
		return report.Fail, report.Say("proof.hmac", "This token uses a shared-secret algorithm that cannot prove who issued it."), err.Error()
	}
	var mismatch *jose.AlgKeyMismatchError
	if errors.As(err, &mismatch) {
		return report.Fail, report.Say("proof.alg-mismatch", "The token's algorithm does not fit its key; this is a known forgery trick, so it is refused."), err.Error()
	}
	return report.Fail, changed(what), err.Error()
}

// twoKeys: a token whose jwk header and kid name different keys.
func twoKeys() report.Text {
	return report.Say("proof.two-keys", "The token names two different keys for its signature, so it cannot be trusted.")
}

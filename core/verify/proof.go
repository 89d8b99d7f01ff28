package verify

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
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
	key   *keys.Resolved
	proof *proof.Proof
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

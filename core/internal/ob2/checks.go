package ob2

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
)

// revocation checks the issuer's revocationList (§RevocationList,
// §SignedBadge step 7). For a hosted badge the issuer's server serving it
// without revoked: true is the primary answer (§Revoking Hosted
// Assertions); a list, when the Profile names one, is checked as well.
func (x *run) revocation(ctx context.Context, doc map[string]any, l linked) {
	proof := x.r.Check(report.CheckProof)
	hosted := x.r.Format == FormatHosted
	if proof == nil || proof.Outcome == report.Fail {
		x.skipNone(report.CheckStatus, report.Say("ob2.status.unverified", "Revocation was not checked: the badge itself could not be verified."), "")
		return
	}
	if hosted && proof.Outcome == report.Skip {
		x.skip(report.CheckStatus, report.Say("ob2.status.not-asked", "Whether the issuer withdrew this badge is unknown: its server was not asked for it."), x.needs())
		return
	}
	if l.issuer == nil {
		x.skip(report.CheckStatus, report.Say("ob2.status.profile-missing", "Revocation could not be checked: the issuer's profile was not available."), x.needs())
		return
	}
	listURL := jsonval.ID(l.issuer["revocationList"])
	if listURL == "" {
		if hosted {
			x.r.Add(report.CheckStatus, report.Pass, report.Say("ob2.status.served", "Not revoked: the issuer's server still serves this badge."), "")
		} else {
			x.r.Add(report.CheckStatus, report.Pass, report.Say("ob2.status.no-list", "Not revoked: the issuer publishes no revocation list."), "the issuer profile has no revocationList")
		}
		return
	}
	list, err := x.get(ctx, listURL, "revocationList")
	if err != nil {
		x.r.Add(report.CheckStatus, report.Fail, report.Say("ob2.status.list-unreadable", "The issuer's revocation list cannot be read, so whether this badge was revoked is unknown."), err.Error())
		return
	}
	if list == nil {
		x.skip(report.CheckStatus, report.Say("ob2.status.list-missing", "The issuer's revocation list was not available, so whether this badge was revoked is unknown."), x.needs())
		return
	}
	validate(&x.p, "revocationList", list, ClassRevocationList, 0)
	if !credential.HasType(list, ClassRevocationList) {
		x.r.Add(report.CheckStatus, report.Fail, report.Say("ob2.status.not-a-list", "The issuer's revocation list is not a RevocationList."), listURL)
		return
	}
	id, uid := jsonval.Str(doc, "id"), jsonval.Str(doc, "uid")
	for _, e := range jsonval.List(list["revokedAssertions"]) {
		var eid, euid, why string
		switch v := e.(type) {
		case string:
			eid = v
		case map[string]any:
			eid, euid, why = jsonval.Str(v, "id"), jsonval.Str(v, "uid"), jsonval.Str(v, "revocationReason")
			if r, ok := v["revoked"].(bool); ok && !r {
				continue // an entry explicitly not revoked
			}
		}
		if (eid != "" && eid == id) || (euid != "" && euid == uid) {
			x.r.Add(report.CheckStatus, report.Fail, revoked(why), "listed in "+listURL)
			return
		}
	}
	x.r.Add(report.CheckStatus, report.Pass, report.Say("ob2.status.not-listed", "Not revoked: the issuer's revocation list does not list it."), listURL)
}

// recipient compares the verifier's person with the assertion's
// IdentityObject (§IdentityObject, §Primitive datatypes IdentityHash), the
// same rule as OB 3.0's IdentityHash.
func (x *run) recipient(doc map[string]any) {
	if x.Recipient == nil || !credential.HasType(doc, ClassAssertion) {
		return
	}
	k := *x.Recipient
	want := ob2Type(k.Type)
	id, _ := doc["recipient"].(map[string]any)
	typ, identity := jsonval.Str(id, "type"), jsonval.Str(id, "identity")
	hashed, _ := id["hashed"].(bool)
	var how string
	matched := false
	switch {
	case id == nil:
		how = "the assertion has no recipient"
	case typ != want:
		how = fmt.Sprintf("the badge was issued to a %s, not a %s", typ, want)
	case !hashed:
		matched = identity == k.Value || (typ == "email" && strings.EqualFold(identity, k.Value))
		how = "plain " + typ
	default:
		alg, _, _ := strings.Cut(identity, "$")
		matched = recipient.MatchHash(identity, jsonval.Str(id, "salt"), k.Value)
		how = alg + " hash of " + typ
	}
	if matched {
		x.r.Add(report.CheckRecipient, report.Pass, report.Say("ob2.recipient.match", "This badge was issued to {recipient}.", "recipient", k.Value), how)
		return
	}
	x.r.Add(report.CheckRecipient, report.Fail, report.Say("ob2.recipient.mismatch", "This badge was not issued to {recipient}.", "recipient", k.Value), how)
}

// ob2Type maps the recipient types ClearBadge's --recipient option knows
// (OB 3.0 identity types) to OB 2.0's Profile identifier properties.
func ob2Type(t string) string {
	switch strings.ToLower(t) {
	case "emailaddress", "email":
		return "email"
	case "phone", "telephone":
		return "telephone"
	case "url":
		return "url"
	case "id":
		return "id"
	}
	return t
}

// endorsements verifies the Endorsements of the assertion, its BadgeClass
// and its issuer (§Endorsement), each as an OB 2.0 document of its own.
// Endorsements of endorsements are not followed.
func (x *run) endorsements(ctx context.Context, doc map[string]any, l linked) {
	if x.depth > 0 {
		return
	}
	var found []any
	for _, d := range []map[string]any{doc, l.badge, l.shown} {
		if d != nil {
			found = append(found, jsonval.List(d["endorsement"])...)
		}
	}
	if len(found) == 0 {
		return
	}
	if len(found) > maxEndorsements {
		x.r.Add(report.CheckEndorsements, report.Warn, report.Say("ob2.endorsements.too-many", "This badge lists {n} endorsements; ClearBadge checks at most {max}.", "n", strconv.Itoa(len(found)), "max", strconv.Itoa(maxEndorsements)), "")
		found = found[:maxEndorsements]
	}
	sub := *x.Verifier
	sub.depth++
	sub.Recipient = nil
	var failed []string
	for i, e := range found {
		var nr *report.Report
		switch v := e.(type) {
		case map[string]any:
			nr = sub.Document(ctx, v)
		case string:
			nr = sub.endorsement(ctx, v)
		default:
			nr = newRun(&sub, "").fail(report.Say("ob2.format.endorsement-ref", "An endorsement is neither an address nor an embedded document."), show(e))
		}
		nr.Source = fmt.Sprintf("endorsement %d", i+1)
		if nr.Kind != ClassEndorsement && nr.Kind != "unknown" {
			nr.Add(report.CheckFormat, report.Fail, report.Say("ob2.format.not-endorsement", "This endorsement is not an Open Badges 2.0 Endorsement."), "type "+nr.Kind)
			nr.Finish()
		}
		x.r.Credentials = append(x.r.Credentials, nr)
		if !nr.Verified {
			failed = append(failed, nr.Source)
		}
	}
	switch {
	case len(failed) == 0 && len(found) == 1:
		x.r.Add(report.CheckEndorsements, report.Pass, report.Say("ob2.endorsements.verified-one", "1 endorsement verified."), "")
	case len(failed) == 0:
		x.r.Add(report.CheckEndorsements, report.Pass, report.Say("ob2.endorsements.verified", "{n} endorsements verified.", "n", strconv.Itoa(len(found))), "")
	case len(found) == 1:
		x.r.Add(report.CheckEndorsements, report.Warn,
			report.Say("ob2.endorsements.failed-one", "The one endorsement could not be verified ({which}); this does not affect the badge itself.",
				"which", strings.Join(failed, ", ")), "")
	default:
		x.r.Add(report.CheckEndorsements, report.Warn,
			report.Say("ob2.endorsements.failed", "{n} of {total} endorsements could not be verified ({which}); this does not affect the badge itself.",
				"n", strconv.Itoa(len(failed)), "total", strconv.Itoa(len(found)), "which", strings.Join(failed, ", ")), "")
	}
}

// maxEndorsements bounds the documents a badge can make ClearBadge fetch
// through its endorsements.
const maxEndorsements = 16

// endorsement verifies an endorsement given by reference: a signed one
// (a JWS) or the URL of a hosted one.
func (v *Verifier) endorsement(ctx context.Context, ref string) *report.Report {
	if _, err := jose.Parse(ref); err == nil {
		return v.Signed(ctx, ref)
	}
	x := newRun(v, FormatHosted)
	if !isURL(ref) {
		return x.fail(report.Say("ob2.format.endorsement-not-url", "An endorsement is neither a web address nor a signed endorsement."), ref)
	}
	doc, err := x.get(ctx, ref, "endorsement")
	if err != nil {
		return x.fail(report.Say("ob2.format.endorsement-unreadable", "The endorsement at {url} cannot be read.", "url", ref), err.Error())
	}
	if doc == nil {
		x.r.Kind = ClassEndorsement
		x.skip(report.CheckFormat, report.Say("ob2.format.endorsement-missing", "The endorsement at {url} was not available.", "url", ref), x.needs())
		x.skip(report.CheckProof, report.Say("ob2.proof.endorsement-unchecked", "The endorsement could not be checked."), x.needs())
		x.r.Finish()
		return x.r
	}
	return v.Document(ctx, doc)
}

// summary fills the card from the assertion, its BadgeClass and issuer.
func (x *run) summary(doc, badge, issuer map[string]any) {
	s := &x.r.Summary
	if doc != nil {
		s.ID = jsonval.Str(doc, "id")
		s.ValidFrom = jsonval.Str(doc, "issuedOn")
		s.ValidUntil = jsonval.Str(doc, "expires")
		if rec, ok := doc["recipient"].(map[string]any); ok {
			s.Subject = recipientText(rec)
		}
		if claim, ok := doc["claim"].(map[string]any); ok {
			s.Subject = jsonval.Str(claim, "id")
			s.Description = jsonval.Text(claim["endorsementComment"])
		}
	}
	if badge != nil {
		s.Name = jsonval.Text(badge["name"])
		s.Description = jsonval.Text(badge["description"])
		s.Image = jsonval.ID(badge["image"])
		a := &report.Achievement{ID: jsonval.Str(badge, "id"), Name: s.Name, Description: s.Description, Image: s.Image}
		switch c := badge["criteria"].(type) {
		case string:
			a.Criteria = c
		case map[string]any:
			a.Criteria = jsonval.Text(c["narrative"])
			if a.Criteria == "" {
				a.Criteria = jsonval.Str(c, "id")
			}
		}
		s.Achievement = a
	}
	if doc != nil {
		if img := jsonval.ID(doc["image"]); img != "" && s.Image == "" {
			s.Image = img
		}
	}
	if issuer != nil {
		s.Issuer = party(issuer)
	} else if badge != nil {
		s.Issuer = report.Party{ID: jsonval.ID(badge["issuer"])}
	} else if doc != nil {
		s.Issuer = report.Party{ID: jsonval.ID(doc["issuer"])}
	}
}

func party(p map[string]any) report.Party {
	return report.Party{ID: jsonval.Str(p, "id"), Name: jsonval.Text(p["name"]), URL: jsonval.ID(p["url"])}
}

// recipientText shows the recipient: the identity when plain, or what kind
// of identity was hashed.
func recipientText(rec map[string]any) string {
	typ := jsonval.Str(rec, "type")
	if h, _ := rec["hashed"].(bool); h {
		return "a hashed " + typ
	}
	return jsonval.Str(rec, "identity")
}

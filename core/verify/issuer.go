package verify

import (
	"fmt"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/keys"
	"github.com/clearbadge/clearbadge/core/report"
)

// issuer checks that whoever made the proof is the credential's issuer: the
// key must be listed by the issuer's own published material (its DID
// document, or for an https issuer the controller document or JWK Set the
// OB 3.0 Implementation Guide's "Key provenance" names). A binding that
// nothing contradicts but nothing confirms is a skip, which leaves the
// verdict "incomplete": the signature proves only that someone holding
// that key signed.
func (s *session) issuer(r *report.Report, doc map[string]any, who *signer) {
	issuerID := jsonval.ID(doc["issuer"])
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

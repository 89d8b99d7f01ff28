package status

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// revocationListType is the credentialStatus type of the 1EdTech Revocation
// List Status Method 1.0 (VCRL), named by OB 3.0 §9.1 step 4.
const revocationListType = "1EdTechRevocationList"

// revocationList checks a 1EdTechRevocationList entry. VCRL: GET the entry's
// id (Accept JSON); the body is a RevocationList {id, issuer,
// revokedCredential: [{id, revoked?, revocationReason?}]}; the credential is
// revoked when an entry's id equals the credential's id and `revoked` is
// absent or true (1EdTech's validator, RevocationListProbe, does the same).
// The list carries no proof, so its answer is only as trustworthy as the
// connection to the issuer's server, and the messages say so.
func (c *Checker) revocationList(ctx context.Context, doc, m map[string]any) result {
	u, _ := m["id"].(string)
	if !absoluteURL(u) {
		return malformed(revocationListType + ": id is missing or not a URL")
	}
	credID := jsonval.Str(doc, "id")
	if credID == "" {
		return skipped(revocationListType+" at "+u, report.Say("status.vcrl-no-id", "Revocation was not checked: this credential has no id to look up in the issuer's revocation list."))
	}
	body, err := c.fetch(ctx, u, "application/json", "application/ld+json")
	if err != nil {
		return notFetched("Revocation", u, err)
	}
	list, err := credential.Decode(body)
	if err != nil {
		return skipped(u+": "+err.Error(), report.Say("status.vcrl-unreadable", "Revocation was not checked: the issuer's revocation list could not be read."))
	}
	// VCRL names the array revokedCredential; early deployments and the
	// 1EdTech validator before 2024 used revokedCredentials.
	raw, ok := list["revokedCredential"]
	if !ok {
		raw, ok = list["revokedCredentials"]
	}
	if !ok {
		return skipped(u+": no revokedCredential property", report.Say("status.vcrl-not-list", "Revocation was not checked: the document at the revocation list's address is not a revocation list."))
	}
	unsigned := fmt.Sprintf("an unsigned document served by %s", host(u))
	detail := fmt.Sprintf("%s at %s (%s)", revocationListType, u, unsigned)
	for _, it := range jsonval.List(raw) {
		e, ok := it.(map[string]any)
		if !ok || !sameID(jsonval.Str(e, "id"), credID) || !revokedFlag(e) {
			continue
		}
		msg := report.Say("status.vcrl-revoked", "The issuer's revocation list says this credential has been revoked.")
		if reason := jsonval.Text(e["revocationReason"]); reason != "" {
			msg = msg.Then(report.Say("status.reason", "Reason given: \u201c{reason}\u201d.", "reason", reason))
		}
		return result{outcome: report.Fail, message: msg, detail: detail + ": " + credID + " is listed"}
	}
	return result{
		outcome: report.Pass,
		message: report.Say("status.vcrl-not-revoked", "The issuer has not revoked this credential, according to its revocation list (an unsigned document served by {host}).", "host", host(u)),
		detail:  detail + ": " + credID + " is not listed",
	}
}

// revokedFlag reads `revoked`: absent means revoked (VCRL), and a string
// "false" is read like false since deployments write booleans as strings.
// Any other value counts as revoked rather than being silently ignored.
func revokedFlag(e map[string]any) bool {
	switch v := e["revoked"].(type) {
	case nil:
		return true
	case bool:
		return v
	case string:
		return !strings.EqualFold(strings.TrimSpace(v), "false")
	}
	return true
}

// sameID compares credential ids as OB 3.0 "Credential equality and
// comparison algorithm" does: equal after unescaping percent-encoded
// characters (RFC 3986), then trimming leading and trailing whitespace.
func sameID(a, b string) bool {
	a, b = normalizeID(a), normalizeID(b)
	return a != "" && a == b
}

func normalizeID(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	return strings.TrimSpace(s)
}

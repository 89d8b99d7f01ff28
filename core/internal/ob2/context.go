package ob2

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonld"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
)

// Is reports whether a decoded JSON object claims to be an Open Badges 2.0
// document: its @context names an Open Badges context (even a wrong
// version, so that the report can say what is wrong with it), or is an
// inline context that defines the Open Badges vocabulary prefix. A
// Verifiable Credential (OB 3.0) never matches: its first context is the VC
// base context.
func Is(doc map[string]any) bool {
	if credential.Version(doc) != 0 {
		return false
	}
	for _, c := range jsonval.List(doc["@context"]) {
		switch x := c.(type) {
		case string:
			if strings.HasPrefix(x, "https://w3id.org/openbadges") || strings.HasPrefix(x, "http://w3id.org/openbadges") {
				return true
			}
		case map[string]any:
			if jsonval.Str(x, "obi") == "https://w3id.org/openbadges#" {
				return true
			}
		}
	}
	return false
}

// reliedTerms are the terms whose meaning verification depends on: an
// inline @context must define them as the OB 2.0 context does. (1EdTech's
// own test documents inline a copy of the context that differs in one term,
// targetFramework, that verification never reads.)
var reliedTerms = []string{
	"id", "type", "obi", "sec", "cred", "schema", "Assertion", "BadgeClass", "Issuer", "Profile", "Endorsement",
	"CryptographicKey", "RevocationList", "HostedBadge", "SignedBadge", "hosted", "signed", "recipient", "badge",
	"verification", "verify", "issuedOn", "expires", "issuer", "identity", "hashed", "salt", "publicKey", "owner",
	"publicKeyPem", "revocationList", "revokedAssertions", "revocationReason", "revoked", "startsWith",
	"allowedOrigins", "creator", "endorsement", "claim", "name", "description", "image", "criteria", "email", "url",
	"telephone",
}

// checkContext checks a document's @context: the OB 2.0 context URL, alone
// or first in a list (further entries add terms, §Additional Properties), or
// an inline context mapping the relied-on terms as the OB 2.0 context does.
func checkContext(doc map[string]any) error {
	list := jsonval.List(doc["@context"])
	if len(list) == 0 {
		return fmt.Errorf("the document has no @context")
	}
	switch first := list[0].(type) {
	case string:
		if first != ContextURL {
			return fmt.Errorf("the @context %q is not the Open Badges 2.0 context %s", first, ContextURL)
		}
	case map[string]any:
		if err := sameTerms(first); err != nil {
			return err
		}
	default:
		return fmt.Errorf("the @context is neither a URL nor an object")
	}
	for _, c := range list[1:] {
		switch x := c.(type) {
		case string:
			if !isURL(x) {
				return fmt.Errorf("the @context entry %q is not a URL", x)
			}
		case map[string]any:
		default:
			return fmt.Errorf("an @context entry is neither a URL nor an object")
		}
	}
	return nil
}

func sameTerms(inline map[string]any) error {
	defs, err := jsonld.Definitions(ContextURL)
	if err != nil {
		return err
	}
	for _, t := range reliedTerms {
		if !reflect.DeepEqual(inline[t], defs[t]) {
			return fmt.Errorf("the inline @context defines %q differently from the Open Badges 2.0 context", t)
		}
	}
	return nil
}

// IsSigned reports whether a compact JWS carries an OB 2.0 document (a
// signed assertion) rather than an OB 3.0 credential.
func IsSigned(token string) bool {
	tok, err := jose.Parse(token)
	if err != nil {
		return false
	}
	doc, err := credential.Decode(tok.Payload)
	return err == nil && Is(doc)
}

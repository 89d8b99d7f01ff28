package keys

import (
	"context"
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/report"
)

// ErrNoKey is returned by JWTKey for an empty kid.
var ErrNoKey = errors.New("the token's header names no key")

// JWTKey finds the key named by the `kid` header of a JWT credential from
// issuer, for assertionMethod:
//
//   - a DID URL, or a URL of a controller or key document: resolved like a
//     Data Integrity verificationMethod (Resolve);
//   - a bare fragment ("#key-1" or "key-1"): taken relative to the issuer's
//     id, which VC-JOSE-COSE reads as the controller document (1EdTech's
//     validator does the same for DID issuers);
//   - an https URL of a JWK or JWK Set: the key is taken from it and its
//     owner confirmed as for a jwk header (JWKProvenance), unless it is the
//     issuer's own well-known JWK Set.
//
// When a token has both kid and jwk, the caller should check that the two
// keys are equal.
func (r *Resolver) JWTKey(ctx context.Context, kid, issuer string) (*Resolved, error) {
	if kid == "" {
		return nil, ErrNoKey
	}
	if len(kid) > maxRef || len(issuer) > maxRef {
		return nil, &UnsupportedError{Ref: kid, Reason: fmt.Sprintf("longer than %d characters", maxRef)}
	}
	ref := kid
	if !hasScheme(kid) {
		if issuer == "" {
			return nil, &UnsupportedError{Ref: kid, Reason: "a relative kid needs the issuer's id"}
		}
		base, _, _ := strings.Cut(issuer, "#")
		ref = base + "#" + strings.TrimPrefix(kid, "#")
	}
	return r.kidKey(ctx, ref, issuer)
}

// JWKProvenance says whether the key in a JWT's `jwk` header is issuer's:
// Bound when the issuer publishes the same key, in its DID or controller
// document under assertionMethod, or in the JWK Set at
// https://{issuer's host}/.well-known/jwks.json (OB 3.0 Implementation
// Guide, "Key provenance", external proofs; a JWK there with an `iss`
// member must name the issuer). A key carried in the token itself proves
// only that whoever holds it signed. Offline the result is Unconfirmed. It
// is never nil; its ID is "" unless a published method or JWK matched.
func (r *Resolver) JWKProvenance(ctx context.Context, jwk *jose.JWK, issuer string) *Resolved {
	return r.provenance(ctx, jwk.Key, issuer)
}

func hasScheme(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != ""
}

// kidKey resolves an absolute kid. An https kid may name a JWK or JWK Set
// (RFC 7515 §4.1.4 leaves the kid's form open); anything else is a
// verification method.
func (r *Resolver) kidKey(ctx context.Context, ref, issuer string) (*Resolved, error) {
	if !strings.HasPrefix(ref, "https://") {
		return r.Resolve(ctx, ref, did.AssertionMethod)
	}
	base, frag, _ := strings.Cut(ref, "#")
	if looksMultikey(frag) {
		return r.Resolve(ctx, ref, did.AssertionMethod)
	}
	body, err := r.fetcher().Fetch(ctx, base, append([]string{"application/jwk+json", "application/jwk-set+json"}, docTypes...)...)
	if err != nil {
		return nil, fmt.Errorf("fetching the key %s: %w", truncate(ref), err)
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(body, &probe) != nil {
		return nil, &did.DocumentError{ID: base, Reason: "not a JSON object"}
	}
	_, isSet := probe["keys"]
	_, isJWK := probe["kty"]
	if !isSet && !isJWK {
		if frag == "" && isKeyDocument(body) {
			return r.keyDocument(ctx, ref, body, did.AssertionMethod)
		}
		return controllerMethod(ref, base, body, did.AssertionMethod)
	}
	var found *jose.JWK
	if isJWK {
		if found, err = jose.ParseJWK(body); err != nil {
			return nil, fmt.Errorf("%s: %w", truncate(base), err)
		}
	} else {
		set, err := jose.ParseJWKSet(body)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", truncate(base), err)
		}
		for i := range set {
			if set[i].Kid == ref || frag != "" && set[i].Kid == frag || frag == "" && len(set) == 1 {
				found = &set[i]
				break
			}
		}
		if found == nil {
			return nil, &did.NotFoundError{ID: ref, Document: base}
		}
	}
	// A JWK says nothing of its owner: confirm it with the issuer, unless it
	// was fetched from the issuer's own well-known JWK Set.
	if base == wellKnownJWKS(issuer) {
		b, reason := issMember(found, issuer)
		return &Resolved{ID: ref, Controller: issuer, PublicKey: found.Key, Binding: b, Reason: reason}, nil
	}
	k := r.provenance(ctx, found.Key, issuer)
	if k.ID == "" {
		k.ID = ref
	}
	return k, nil
}

// wellKnownJWKS is https://{authority of issuer}/.well-known/jwks.json, or
// "" for an issuer that is not an https URL.
func wellKnownJWKS(issuer string) string {
	u, err := url.Parse(issuer)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return "https://" + u.Host + "/.well-known/jwks.json"
}

// issMember applies the Implementation Guide's rule that a JWK with an
// `iss` member belongs to that issuer only.
func issMember(k *jose.JWK, issuer string) (Binding, report.Text) {
	if k.Iss != "" && k.Iss != issuer {
		return NotListed, report.Say("key.set-other-owner", "the issuer's key set lists this key as belonging to {owner}.", "owner", truncate(k.Iss))
	}
	return Bound, report.Text{}
}

// provenance asks whether issuer publishes key for assertionMethod: in its
// DID document, in its controller (profile) document, or in the JWK Set at
// its host's well-known address.
func (r *Resolver) provenance(ctx context.Context, key crypto.PublicKey, issuer string) *Resolved {
	k := &Resolved{Controller: issuer, PublicKey: key, Binding: Unconfirmed}
	switch {
	case issuer == "":
		k.Reason = report.Say("key.token-no-issuer", "the token carries its own key and names no issuer to confirm it with.")
		return k
	case strings.HasPrefix(issuer, "did:"):
		doc, err := (&did.Resolver{Fetcher: r.Fetcher}).Resolve(ctx, issuer)
		if err != nil {
			k.Binding, k.Reason, k.Document = unreachable(issuer, err)
			return k
		}
		if m := doc.MethodWithKey(key, did.AssertionMethod); m != nil {
			k.ID, k.Binding = m.ID, Bound
			return k
		}
		k.Binding, k.Reason = NotListed, report.Say("key.token-not-in-did", "the DID document of {issuer} does not list the token's key for assertionMethod.", "issuer", truncate(issuer))
		return k
	case wellKnownJWKS(issuer) == "":
		k.Reason = report.Say("key.token-no-document", "the token carries its own key, and {issuer} has no document that could confirm it.", "issuer", truncate(issuer))
		return k
	}

	// The issuer's profile or controller document first, then its JWK Set.
	var fetched []string // documents read that do not list the key
	var failed []error
	if body, err := r.fetcher().Fetch(ctx, issuer, docTypes...); err != nil {
		failed = append(failed, err)
	} else if doc, err := did.ParseDocument(body); err == nil && doc.ID == issuer {
		if m := doc.MethodWithKey(key, did.AssertionMethod); m != nil {
			k.ID = m.ID
			k.Binding, k.Reason = checkController(doc, m, did.AssertionMethod)
			return k
		}
		fetched = append(fetched, issuer)
	} else {
		fetched = append(fetched, issuer)
	}
	jwks := wellKnownJWKS(issuer)
	if body, err := r.fetcher().Fetch(ctx, jwks, "application/jwk-set+json", "application/json"); err != nil {
		failed = append(failed, err)
	} else if set, err := jose.ParseJWKSet(body); err != nil {
		fetched = append(fetched, jwks+" (unreadable: "+err.Error()+")")
	} else {
		for i := range set {
			if sameKey(set[i].Key, key) {
				k.Binding, k.Reason = issMember(&set[i], issuer)
				if set[i].Kid != "" {
					k.ID = jwks + "#" + set[i].Kid
				}
				return k
			}
		}
		fetched = append(fetched, jwks)
	}
	switch {
	case len(fetched) > 0:
		k.Binding, k.Reason = NotListed, report.Say("key.token-not-published", "the issuer publishes no such key: {documents} do not list it.", "documents", strings.Join(fetched, " and "))
	case errors.Is(failed[0], fetch.ErrOffline):
		// The well-known JWK Set is what the Implementation Guide's "Key
		// provenance" names for an external proof.
		k.Document = jwks
		k.Reason = report.Say("key.token-offline", "checking offline, ClearBadge could not fetch {issuer} or its key set to see whether the token's key is the issuer's.", "issuer", truncate(issuer))
	default:
		k.Document = jwks
		k.Reason = report.Say("key.token-unfetched", "neither {issuer} nor {keyset} could be fetched to confirm the token's key ({error}).", "issuer", truncate(issuer), "keyset", jwks, "error", failed[0].Error())
	}
	return k
}

package ob2

import (
	"bytes"
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// signature verifies a signed assertion's JWS with the issuer's keys
// (§SignedBadge Verification steps 4-6) and reports the proof and issuer
// checks. Only RS256 is accepted: it is the one algorithm OB 2.0 names
// ("using RSA-SHA256 is recommended"), and "none" and HMAC prove nothing.
func (x *run) signature(ctx context.Context, doc map[string]any, l linked, tok *jose.Token) {
	if tok.Header.Alg != "RS256" {
		detail := "alg " + tok.Header.Alg
		if err := tok.Verify(nil); errors.Is(err, jose.ErrAlgNone) || errors.Is(err, jose.ErrHMAC) {
			detail = err.Error()
		}
		x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.algorithm", "The badge's signature uses an algorithm Open Badges 2.0 does not use (RS256 is expected)."), detail)
		x.skipNone(report.CheckIssuer, report.Say("ob2.issuer.unchecked", "The signature was not checked, so nothing ties this badge to its issuer."), "")
		return
	}
	if l.issuer == nil {
		msg := report.Say("ob2.proof.profile-missing", "The issuer's profile, which lists its keys, was not available, so the signature could not be checked.")
		if len(x.missing) > 0 {
			msg = report.Say("ob2.proof.offline", "ClearBadge is offline, so the issuer's profile and keys were not fetched: go online, or add them as files.")
		}
		x.skip(report.CheckProof, msg, x.needs())
		x.skip(report.CheckIssuer, report.Say("ob2.issuer.keys-missing", "The issuer's keys were not available."), x.needs())
		return
	}
	name := partyName(l.issuer)
	listed := keyIDs(l.issuer["publicKey"])
	candidates := listed
	if creator := jsonval.Str(verification(doc), "creator"); creator != "" {
		// §SignedBadge: "If a key is declared here, it must be authorized
		// in the issuer Profile as well."
		if !contains(listed, creator) {
			x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.creator-not-listed", "The badge names a signing key that {name} does not list as its own.", "name", name),
				fmt.Sprintf("verification.creator %s is not in the issuer's publicKey %q", creator, listed))
			x.r.Add(report.CheckIssuer, report.Fail, report.Say("ob2.issuer.not-their-key", "The signing key is not {name}'s.", "name", name), creator)
			return
		}
		candidates = []string{creator}
	}
	if len(candidates) == 0 {
		x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.no-keys", "{name} publishes no key, so this signed badge cannot be checked.", "name", name), "the issuer profile has no publicKey")
		x.r.Add(report.CheckIssuer, report.Fail, report.Say("ob2.issuer.no-keys", "No key of {name} could have signed this badge.", "name", name), l.issuerID)
		return
	}
	var problems []string
	unavailable, untied := false, false
	for _, kid := range candidates {
		key, err := x.key(ctx, kid, l.issuerID)
		if err != nil {
			if errors.Is(err, errUnavailable) {
				unavailable = true
			} else {
				untied = true
			}
			problems = append(problems, kid+": "+err.Error())
			continue
		}
		if err := tok.Verify(key); err != nil {
			problems = append(problems, kid+": "+err.Error())
			continue
		}
		x.r.Add(report.CheckProof, report.Pass, report.Say("ob2.proof.valid", "The badge's signature is valid (RS256, {key}).", "key", jose.KeyName(key)), "key "+kid)
		x.r.Add(report.CheckIssuer, report.Pass, report.Say("ob2.issuer.their-key", "The signing key is {name}'s: the issuer's profile lists it, and the key names that profile as its owner.", "name", name),
			fmt.Sprintf("key %s, owner %s", kid, l.issuerID))
		return
	}
	if unavailable && len(candidates) == 1 {
		x.skip(report.CheckProof, report.Say("ob2.proof.key-missing", "The issuer's key was not available, so the signature could not be checked."), x.needs())
		x.skip(report.CheckIssuer, report.Say("ob2.issuer.key-missing", "The issuer's key was not available."), x.needs())
		return
	}
	x.r.Add(report.CheckProof, report.Fail, report.Say("ob2.proof.no-match", "The badge's signature does not match any key of {name}: it was altered, or not signed by this issuer.", "name", name), strings.Join(problems, "; "))
	if untied {
		x.r.Add(report.CheckIssuer, report.Fail, report.Say("ob2.issuer.key-untied", "The key this badge points to is not tied to {name}.", "name", name), strings.Join(problems, "; "))
		return
	}
	x.skipNone(report.CheckIssuer, report.Say("ob2.issuer.signature-failed", "The signature did not verify, so nothing ties this badge to {name}.", "name", name), "")
}

var errUnavailable = errors.New("not available")

// key fetches a CryptographicKey document and returns its RSA public key,
// after checking that it names the issuer as owner (§CryptographicKey:
// "There should be a two-way connection between this Profile and the
// CryptographicKey through the owner and publicKey properties").
func (x *run) key(ctx context.Context, kid, issuerID string) (*rsa.PublicKey, error) {
	if !isURL(kid) {
		return nil, fmt.Errorf("the key id is not a web address")
	}
	doc, err := x.get(ctx, kid, "key")
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, errUnavailable
	}
	validate(&x.p, "key", doc, ClassCryptographicKey, 0)
	if owner := jsonval.Str(doc, "owner"); owner != issuerID {
		return nil, fmt.Errorf("the key's owner is %q, not the issuer %s", owner, issuerID)
	}
	return ParsePublicKeyPEM(jsonval.Str(doc, "publicKeyPem"))
}

// ParsePublicKeyPEM reads publicKeyPem strictly: exactly one PEM block of
// type PUBLIC KEY (an X.509 SubjectPublicKeyInfo) holding an RSA key, and
// nothing else but white space.
func ParsePublicKeyPEM(s string) (*rsa.PublicKey, error) {
	block, rest := pem.Decode([]byte(s))
	if block == nil {
		return nil, fmt.Errorf("publicKeyPem is not PEM")
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, fmt.Errorf("publicKeyPem holds more than one PEM block")
	}
	if block.Type != "PUBLIC KEY" || len(block.Headers) > 0 {
		return nil, fmt.Errorf("publicKeyPem is a %q block, not a PUBLIC KEY", block.Type)
	}
	k, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("publicKeyPem: %v", err)
	}
	rk, ok := k.(*rsa.PublicKey)
	if !ok {
		return nil, fmt.Errorf("publicKeyPem is a %T, not an RSA key", k)
	}
	return rk, nil
}

func verification(doc map[string]any) map[string]any {
	if m, ok := doc["verification"].(map[string]any); ok {
		return m
	}
	m, _ := doc["verify"].(map[string]any)
	return m
}

// keyIDs reads publicKey: key ids, or embedded keys by their ids (the key
// document is fetched from its id either way).
func keyIDs(v any) []string {
	var out []string
	for _, k := range jsonval.List(v) {
		if id := jsonval.ID(k); id != "" {
			out = append(out, id)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

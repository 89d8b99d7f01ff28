// Package recipient checks that a credential was issued to a person the
// verifier knows by some identifier (an email address, a student number),
// following OB 3.0 §9.1 step 5 "Verify the recipient": the identifier is
// compared in plain text, or hashed with the subject's salt when the issuer
// published only its hash (OB 3.0 §B IdentityObject, IdentityHash).
package recipient

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/jsonval"
)

// Known is what the verifier knows about the recipient.
type Known struct {
	// Type is an OB 3.0 identityType ("emailAddress", "studentId", ...) or
	// "id" to compare with credentialSubject.id.
	Type  string
	Value string
}

// aliases maps the short names the CLI accepts to OB 3.0 identity types.
var aliases = map[string]string{
	"email": "emailAddress", "username": "userName", "account": "accountId", "sourcedid": "sourcedId",
}

// Parse reads "TYPE:VALUE", e.g. "email:someone@example.org" or
// "studentId:12345". A DID or URL ("did:example:123", "https://...") is
// compared with credentialSubject.id.
func Parse(s string) (Known, error) {
	t, v, ok := strings.Cut(s, ":")
	if !ok || t == "" || v == "" {
		return Known{}, fmt.Errorf("recipient %q: expected TYPE:VALUE, e.g. email:someone@example.org", s)
	}
	switch strings.ToLower(t) {
	case "did", "http", "https", "urn":
		return Known{Type: "id", Value: s}, nil
	case "id":
		return Known{Type: "id", Value: v}, nil
	}
	if a, ok := aliases[strings.ToLower(t)]; ok {
		t = a
	}
	return Known{Type: t, Value: v}, nil
}

// Result says whether the subject matched, and how.
type Result struct {
	Matched bool
	How     string // e.g. "sha256 hash of emailAddress with salt"
}

// Match compares the known identifier with the credential subject: its id,
// or each IdentityObject in `identifier` of the same identityType.
func Match(subject map[string]any, k Known) Result {
	if k.Type == "id" {
		if jsonval.Str(subject, "id") == k.Value {
			return Result{Matched: true, How: "credentialSubject.id"}
		}
		return Result{How: "credentialSubject.id differs"}
	}
	seen := 0
	for _, v := range jsonval.List(subject["identifier"]) {
		m, ok := v.(map[string]any)
		if !ok || jsonval.Str(m, "identityType") != k.Type {
			continue
		}
		seen++
		if ok, how := matchIdentity(m, k.Value); ok {
			return Result{Matched: true, How: how}
		}
	}
	if seen == 0 {
		return Result{How: "the credential has no identifier of type " + k.Type}
	}
	return Result{How: fmt.Sprintf("none of %d %s identifiers matched", seen, k.Type)}
}

// matchIdentity applies the IdentityHash rule (OB 3.0 §B.2 IdentityHash):
// "sha256$" or "md5$" followed by the hex digest of the identifier with the
// salt appended; hex compared case-insensitively. Unhashed identifiers
// compare as plain strings.
func matchIdentity(id map[string]any, value string) (bool, string) {
	hash := jsonval.Str(id, "identityHash")
	hashed, _ := id["hashed"].(bool)
	if !hashed {
		return hash == value, "plain " + jsonval.Str(id, "identityType")
	}
	alg, _, _ := strings.Cut(hash, "$")
	return MatchHash(hash, jsonval.Str(id, "salt"), value), alg + " hash of " + jsonval.Str(id, "identityType")
}

// MatchHash reports whether hash, an IdentityHash ("sha256$" or "md5$"
// followed by the hex digest of the identifier with the salt appended; OB 3.0
// §B.2, and OB 2.0 §Primitive datatypes, which defines it the same way),
// is the hash of value. Hex compares case-insensitively.
func MatchHash(hash, salt, value string) bool {
	alg, digest, ok := strings.Cut(hash, "$")
	if !ok {
		return false
	}
	input := []byte(value + salt)
	var sum []byte
	switch strings.ToLower(alg) {
	case "sha256":
		s := sha256.Sum256(input)
		sum = s[:]
	case "md5":
		s := md5.Sum(input)
		sum = s[:]
	default:
		return false
	}
	return strings.EqualFold(hex.EncodeToString(sum), digest)
}

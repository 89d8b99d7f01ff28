package did

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/mr-tron/base58"
)

// MaxMethods caps the verification methods of one document, counting those
// embedded in verification relationships, and the entries of each
// relationship. Real documents have a handful.
const MaxMethods = 64

// Verification relationships (DID Core §5.3) a proof's purpose can name.
const (
	AssertionMethod = "assertionMethod"
	Authentication  = "authentication"
)

// VerificationMethod is a public key published in a document (DID Core
// §5.2, Controlled Identifiers §2.2).
type VerificationMethod struct {
	ID         string // absolute
	Type       string
	Controller string
	PublicKey  crypto.PublicKey // nil when the key could not be read
	problem    error            // why PublicKey is nil
}

// Document is the part of a DID document, or of any controller document
// (an https-identified issuer profile with verification methods, Controlled
// Identifiers 1.0 §2), that key resolution needs.
type Document struct {
	ID                  string
	VerificationMethods []VerificationMethod
	// The verification methods listed under each relationship, as absolute
	// ids (relative ones like "#key-1" resolved against ID).
	AssertionMethod []string
	Authentication  []string
}

// DocumentError means a document is not a usable DID or controller document.
type DocumentError struct{ ID, Reason string }

func (e *DocumentError) Error() string {
	if e.ID == "" {
		return "invalid DID document: " + e.Reason
	}
	return "invalid document for " + e.ID + ": " + e.Reason
}

// NotFoundError means the document has no verification method of that id.
type NotFoundError struct{ ID, Document string }

func (e *NotFoundError) Error() string {
	return e.Document + " has no verification method " + e.ID
}

// NotAuthorizedError means the verification method is in the document but
// not listed under the relationship the proof claims (Controlled
// Identifiers §3.3 "Retrieve Verification Method", the
// INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD error).
type NotAuthorizedError struct{ ID, Relationship, Document string }

func (e *NotAuthorizedError) Error() string {
	return fmt.Sprintf("%s does not list %s under %s", e.Document, e.ID, e.Relationship)
}

// KeyError means the verification method exists but its key cannot be read
// or is of an unsupported type.
type KeyError struct {
	ID  string
	Err error
}

func (e *KeyError) Error() string { return "verification method " + e.ID + ": " + e.Err.Error() }
func (e *KeyError) Unwrap() error { return e.Err }

// Method returns the verification method id (absolute, or relative like
// "#key-1") if, and only if, the document lists it under relationship
// ("assertionMethod" or "authentication").
func (d *Document) Method(id, relationship string) (*VerificationMethod, error) {
	id = d.Abs(id)
	var list []string
	switch relationship {
	case AssertionMethod:
		list = d.AssertionMethod
	case Authentication:
		list = d.Authentication
	default:
		return nil, fmt.Errorf("unsupported verification relationship %q (assertionMethod, authentication)", relationship)
	}
	var vm *VerificationMethod
	for i := range d.VerificationMethods {
		if d.VerificationMethods[i].ID == id {
			vm = &d.VerificationMethods[i]
			break
		}
	}
	if vm == nil {
		return nil, &NotFoundError{ID: id, Document: d.ID}
	}
	listed := false
	for _, l := range list {
		listed = listed || l == id
	}
	if !listed {
		return nil, &NotAuthorizedError{ID: id, Relationship: relationship, Document: d.ID}
	}
	if vm.PublicKey == nil {
		return nil, &KeyError{ID: id, Err: vm.problem}
	}
	return vm, nil
}

// Abs resolves a relative verification method reference ("#key-1")
// against the document's id (DID Core §3.2.2 "Relative DID URLs").
func (d *Document) Abs(ref string) string {
	if len(ref) > 0 && ref[0] == '#' {
		return d.ID + ref
	}
	return ref
}

// ParseDocument reads a DID document or a controller document: its id, its
// verificationMethod entries and the assertionMethod and authentication
// relationships (entries may be references or embedded methods). Methods
// whose key cannot be read are kept, so that using one gives a clear
// *KeyError rather than "not found".
func ParseDocument(data []byte) (*Document, error) {
	if len(data) > fetch.MaxBytes {
		return nil, &DocumentError{Reason: fmt.Sprintf("larger than %d bytes", fetch.MaxBytes)}
	}
	var raw struct {
		ID                 any             `json:"id"`
		VerificationMethod json.RawMessage `json:"verificationMethod"`
		AssertionMethod    json.RawMessage `json:"assertionMethod"`
		Authentication     json.RawMessage `json:"authentication"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, &DocumentError{Reason: "not a JSON object"}
	}
	id, ok := raw.ID.(string)
	if !ok || id == "" {
		return nil, &DocumentError{Reason: "the document has no id"}
	}
	d := &Document{ID: id}
	p := &parser{doc: d}
	vms, err := list(raw.VerificationMethod)
	if err != nil {
		return nil, &DocumentError{ID: id, Reason: "verificationMethod: " + err.Error()}
	}
	for _, v := range vms {
		if _, err := p.method(v); err != nil {
			return nil, &DocumentError{ID: id, Reason: "verificationMethod: " + err.Error()}
		}
	}
	for _, rel := range []struct {
		name string
		raw  json.RawMessage
		dst  *[]string
	}{{AssertionMethod, raw.AssertionMethod, &d.AssertionMethod}, {Authentication, raw.Authentication, &d.Authentication}} {
		entries, err := list(rel.raw)
		if err != nil {
			return nil, &DocumentError{ID: id, Reason: rel.name + ": " + err.Error()}
		}
		for _, e := range entries {
			var ref string
			if json.Unmarshal(e, &ref) == nil {
				*rel.dst = append(*rel.dst, d.Abs(ref))
				continue
			}
			// An embedded method (DID Core §5.3): usable for this relationship only.
			vmID, err := p.method(e)
			if err != nil {
				return nil, &DocumentError{ID: id, Reason: rel.name + ": " + err.Error()}
			}
			*rel.dst = append(*rel.dst, vmID)
		}
	}
	return d, nil
}

// list reads a JSON array (or a single value, which some documents use) of
// at most MaxMethods items; absent or null is an empty list.
func list(raw json.RawMessage) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	if raw[0] != '[' {
		return []json.RawMessage{raw}, nil
	}
	var out []json.RawMessage
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, errors.New("not a list")
	}
	if len(out) > MaxMethods {
		return nil, fmt.Errorf("more than %d entries", MaxMethods)
	}
	return out, nil
}

type parser struct{ doc *Document }

// method reads one verification method object, adds it to the document
// and returns its absolute id.
func (p *parser) method(raw json.RawMessage) (string, error) {
	var m struct {
		ID                 string          `json:"id"`
		Type               string          `json:"type"`
		Controller         string          `json:"controller"`
		PublicKeyMultibase *string         `json:"publicKeyMultibase"`
		PublicKeyJwk       json.RawMessage `json:"publicKeyJwk"`
		PublicKeyBase58    *string         `json:"publicKeyBase58"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", errors.New("a verification method is not an object with string id, type and controller")
	}
	if m.ID == "" {
		return "", errors.New("a verification method has no id")
	}
	vm := VerificationMethod{ID: p.doc.Abs(m.ID), Type: m.Type, Controller: p.doc.Abs(m.Controller)}
	vm.PublicKey, vm.problem = readKey(m.Type, m.PublicKeyMultibase, m.PublicKeyJwk, m.PublicKeyBase58)
	d := p.doc
	for _, old := range d.VerificationMethods {
		if old.ID == vm.ID {
			// The same method listed twice (in verificationMethod and embedded) is
			// harmless; two different keys under one id are not.
			if !sameKey(old.PublicKey, vm.PublicKey) || old.Controller != vm.Controller {
				return "", errors.New("two different verification methods share the id " + vm.ID)
			}
			return vm.ID, nil
		}
	}
	if len(d.VerificationMethods) == MaxMethods {
		return "", fmt.Errorf("more than %d verification methods", MaxMethods)
	}
	d.VerificationMethods = append(d.VerificationMethods, vm)
	return vm.ID, nil
}

// readKey decodes the key material of a verification method by its
// property, checking it fits the method's type where the type says which
// key it holds.
func readKey(typ string, mb *string, jwk json.RawMessage, b58 *string) (crypto.PublicKey, error) {
	var key crypto.PublicKey
	var err error
	switch {
	case mb != nil:
		// Multikey (Controlled Identifiers §2.2.2), Ed25519VerificationKey2020
		// (same multicodec-prefixed encoding).
		key, err = multikey.Decode(*mb)
	case len(jwk) > 0:
		// JsonWebKey / JsonWebKey2020 (Controlled Identifiers §2.2.3).
		var k *jose.JWK
		if k, err = jose.ParseJWK(jwk); err == nil {
			key = k.Key
		}
	case b58 != nil && typ == "Ed25519VerificationKey2018":
		// The 2018 suite's raw base58 key, still found in older documents.
		var b []byte
		b, err = base58.Decode(*b58)
		if err == nil && len(b) != ed25519.PublicKeySize {
			err = errors.New("publicKeyBase58 is not a 32-byte Ed25519 key")
		}
		if err == nil {
			key = ed25519.PublicKey(b)
		}
	default:
		return nil, errors.New("no publicKeyMultibase or publicKeyJwk")
	}
	if err != nil {
		return nil, err
	}
	if typ == "Ed25519VerificationKey2020" || typ == "Ed25519VerificationKey2018" {
		if _, ok := key.(ed25519.PublicKey); !ok {
			return nil, errors.New(typ + " holds a key that is not Ed25519")
		}
	}
	return key, nil
}

func sameKey(a, b crypto.PublicKey) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

// ParseMethod reads a verification method published as a document of its
// own (a key document: `{"id": …, "type": "Multikey", "controller": …,
// "publicKeyMultibase": …}`). Its id must be absolute.
func ParseMethod(data []byte) (*VerificationMethod, error) {
	if len(data) > fetch.MaxBytes {
		return nil, &DocumentError{Reason: fmt.Sprintf("larger than %d bytes", fetch.MaxBytes)}
	}
	d := &Document{}
	id, err := (&parser{doc: d}).method(data)
	if err != nil {
		return nil, &DocumentError{Reason: err.Error()}
	}
	vm := d.VerificationMethods[0]
	if vm.PublicKey == nil {
		return nil, &KeyError{ID: id, Err: vm.problem}
	}
	return &vm, nil
}

// MethodWithKey returns a verification method listed under relationship
// whose public key equals key, or nil: how a key known from elsewhere (a
// URL fragment, a JWT's jwk header) is found in its controller's document.
func (d *Document) MethodWithKey(key crypto.PublicKey, relationship string) *VerificationMethod {
	for i := range d.VerificationMethods {
		vm := &d.VerificationMethods[i]
		if !sameKey(vm.PublicKey, key) {
			continue
		}
		if m, err := d.Method(vm.ID, relationship); err == nil {
			return m
		}
	}
	return nil
}

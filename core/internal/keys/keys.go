// Package keys turns the key reference of a proof (a Data Integrity
// `verificationMethod`, a JWT's `kid` or `jwk` header) into a public key and
// says how far that key is known to belong to someone: the Binding.
//
// A valid signature proves only that the holder of some private key signed.
// Open Badges 3.0 "Verification" (#verification) and its Implementation Guide ("Key
// provenance") require more: the key must be controlled by the credential's
// issuer. This package establishes who controls the key; core/verify then
// compares Resolved.Controller with the issuer and decides the `issuer` check.
//
// The rule it encodes (Controlled Identifiers 1.0 §3.3 "Retrieve
// Verification Method"): a key is the controller's only when the
// controller's own document lists it under the proof's purpose. Hence:
//
//   - did:key, did:jwk, did:web: the DID document must list the method under
//     the purpose, else an error. The key is Bound to the DID.
//   - https://issuer.example/profile#z6Mk…: the key is read from the fragment
//     (as in every OB 3.0 specification example) and can check the
//     signature, but it is not the issuer's on that evidence alone: anyone
//     can write any key after '#'. The document at the URL is fetched;
//     Bound if it lists the key under the purpose, NotListed if it was read
//     and does not, Unconfirmed if it could not be fetched (offline, or the
//     address does not answer). 1EdTech's validator skips this step and
//     takes the URL before '#' as the controller; this package says so instead.
//   - https://issuer.example/profile#key-1 (or a key document at its own
//     URL): the key comes from a fetched document, so offline is an error
//     matching fetch.ErrOffline; a key document must name a controller whose
//     document lists it back (the bi-directional check of Controlled
//     Identifiers §3.3).
//
// JWTs name their key differently (a `kid`, a `jwk` header, or both):
// JWTKey resolves a kid, JWKProvenance asks whether the issuer publishes a
// header jwk (its DID or controller document, or its well-known JWK Set),
// with the same three bindings.
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
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/report"
)

// Binding says how a key's controller was established.
type Binding int

const (
	// Bound: a resolved document (a DID document, a fetched controller or
	// profile document) lists the key under the purpose; Resolved.Controller is
	// that document's id.
	Bound Binding = iota
	// Unconfirmed: the key was read from a URL fragment or a JWT header and
	// the controller document could not be fetched (offline, or an error);
	// Resolved.Controller is who the reference claims controls it.
	Unconfirmed
	// NotListed: the controller document was fetched and does not list this
	// key under the purpose: the issuer check must fail.
	NotListed
)

func (b Binding) String() string {
	switch b {
	case Bound:
		return "bound"
	case Unconfirmed:
		return "unconfirmed"
	case NotListed:
		return "not listed"
	}
	return fmt.Sprintf("Binding(%d)", int(b))
}

// Resolved is a public key the verifier found for a verification method
// (or a JWT header), with what is known of its controller. It is not
// holder.Key, the learner's own key pair, which signs.
type Resolved struct {
	// ID is the verification method id (absolute). For a key that came only
	// from a JWT's jwk header and matched no published method it is "".
	ID         string
	Controller string
	PublicKey  crypto.PublicKey
	Binding    Binding
	// Reason says in plain words why the binding is not Bound: a clause
	// that completes a sentence of the issuer check ("...: <reason>").
	Reason report.Text
	// Document is, for an Unconfirmed key, the URL of the published
	// document that could confirm it (the issuer's profile, controller
	// document or JWK Set) when it could not be read; "" when no document
	// could (an http:// or opaque controller).
	Document string
}

// Resolver resolves key references. Fetcher nil means offline.
type Resolver struct {
	Fetcher fetch.Fetcher
}

// UnsupportedError means the reference is of a form this package cannot
// resolve (no URL scheme, an unknown scheme, an http:// key document).
type UnsupportedError struct{ Ref, Reason string }

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("cannot resolve key %q: %s", truncate(e.Ref), e.Reason)
}

// maxRef caps a key reference before it is parsed.
const maxRef = 4096

func truncate(s string) string {
	if len(s) > 100 {
		return s[:100] + "…"
	}
	return s
}

func (r *Resolver) fetcher() fetch.Fetcher {
	if r.Fetcher == nil {
		return fetch.Offline
	}
	return r.Fetcher
}

// Resolve returns the key named by a Data Integrity proof's
// verificationMethod, for the proof's purpose ("assertionMethod" for
// credentials, "authentication" for presentations).
func (r *Resolver) Resolve(ctx context.Context, vm, purpose string) (*Resolved, error) {
	switch {
	case vm == "":
		return nil, &UnsupportedError{Ref: vm, Reason: "the proof names no verification method"}
	case len(vm) > maxRef:
		return nil, &UnsupportedError{Ref: vm, Reason: fmt.Sprintf("longer than %d characters", maxRef)}
	case strings.HasPrefix(vm, "did:"):
		return r.resolveDID(ctx, vm, purpose)
	}
	base, frag, _ := strings.Cut(vm, "#")
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" {
		return nil, &UnsupportedError{Ref: vm, Reason: "it is not a URL or DID"}
	}
	if looksMultikey(frag) {
		key, err := multikey.Decode(frag)
		if err != nil {
			return nil, fmt.Errorf("the key in %s: %w", truncate(vm), err)
		}
		return r.confirmFragment(ctx, vm, base, u.Scheme, key, purpose), nil
	}
	if u.Scheme != "https" {
		return nil, &UnsupportedError{Ref: vm, Reason: "keys are fetched only from https:// addresses"}
	}
	body, err := r.fetcher().Fetch(ctx, base, docTypes...)
	if err != nil {
		return nil, fmt.Errorf("fetching the key %s: %w", truncate(vm), err)
	}
	if frag == "" && isKeyDocument(body) {
		return r.keyDocument(ctx, vm, body, purpose)
	}
	return controllerMethod(vm, base, body, purpose)
}

// docTypes are the media types of controller documents and OB profiles.
var docTypes = []string{"application/ld+json", "application/json", "application/did+json", "application/did+ld+json"}

// looksMultikey reports whether a URL fragment is meant as a multikey: the
// prefixes every Ed25519 ("z6Mk"), P-256 ("zDn") and P-384 ("z82") multikey
// starts with. A fragment like that which does not decode is an error, not
// an ordinary fragment to look up.
func looksMultikey(frag string) bool {
	return strings.HasPrefix(frag, "z6Mk") || strings.HasPrefix(frag, "zDn") || strings.HasPrefix(frag, "z82")
}

// resolveDID resolves a DID URL. A did:key or did:jwk without a fragment
// names its only key (validator/ob30/simple-did-key-method.json and
// 1EdTech's CLR examples use that form).
func (r *Resolver) resolveDID(ctx context.Context, vm, purpose string) (*Resolved, error) {
	d, frag, _ := strings.Cut(vm, "#")
	doc, err := (&did.Resolver{Fetcher: r.Fetcher}).Resolve(ctx, d)
	if err != nil {
		return nil, err
	}
	if frag == "" {
		method, _, _ := did.Parse(d)
		if (method != "key" && method != "jwk") || len(doc.VerificationMethods) != 1 {
			return nil, &UnsupportedError{Ref: vm, Reason: "a DID without a #fragment does not name a verification method"}
		}
		vm = doc.VerificationMethods[0].ID
	}
	m, err := doc.Method(vm, purpose)
	if err != nil {
		return nil, err
	}
	return &Resolved{ID: m.ID, Controller: doc.ID, PublicKey: m.PublicKey, Binding: Bound}, nil
}

// confirmFragment looks for a fragment key in the document at base.
func (r *Resolver) confirmFragment(ctx context.Context, vm, base, scheme string, key crypto.PublicKey, purpose string) *Resolved {
	k := &Resolved{ID: vm, Controller: base, PublicKey: key, Binding: Unconfirmed, Document: base}
	if scheme != "https" {
		k.Document = ""
		k.Reason = report.Say("key.fragment-no-document", "the key is written into the address {key}, and {controller} has no document that could confirm it belongs to the issuer.", "key", truncate(vm), "controller", truncate(base))
		return k
	}
	body, err := r.fetcher().Fetch(ctx, base, docTypes...)
	if errors.Is(err, fetch.ErrOffline) {
		k.Reason = report.Say("key.fragment-offline", "the key is written into the address {key}, and checking offline, ClearBadge could not fetch {controller} to see whether it lists that key.", "key", truncate(vm), "controller", truncate(base))
		return k
	}
	if err != nil {
		k.Reason = report.Say("key.fragment-unfetched", "the key is written into the address {key}, but {controller} could not be fetched to confirm it ({error}).", "key", truncate(vm), "controller", truncate(base), "error", err.Error())
		return k
	}
	k.Binding, k.Reason = listed(base, body, vm, key, purpose)
	return k
}

// listed decides whether the controller document body (fetched from docURL)
// lists the key under purpose, by the method's id or by its key.
func listed(docURL string, body []byte, vmID string, key crypto.PublicKey, purpose string) (Binding, report.Text) {
	doc, err := did.ParseDocument(body)
	if err != nil {
		return NotListed, report.Say("key.no-keys", "{controller} does not publish any keys ({error}).", "controller", truncate(docURL), "error", err.Error())
	}
	if doc.ID != docURL {
		return NotListed, report.Say("key.other-document", "the document at {controller} describes {id}, not itself, so its keys are not that address's.", "controller", truncate(docURL), "id", truncate(doc.ID))
	}
	m, err := doc.Method(vmID, purpose)
	if err == nil {
		if !sameKey(m.PublicKey, key) {
			return NotListed, report.Say("key.different", "{controller} lists a different key under {key}.", "controller", truncate(docURL), "key", truncate(vmID))
		}
		return checkController(doc, m, purpose)
	}
	var na *did.NotAuthorizedError
	if m := doc.MethodWithKey(key, purpose); m != nil {
		return checkController(doc, m, purpose)
	} else if errors.As(err, &na) {
		return NotListed, report.Say("key.other-purpose", "{controller} lists {key}, but not for {purpose}.", "controller", truncate(docURL), "key", truncate(vmID), "purpose", purpose)
	}
	return NotListed, report.Say("key.not-listed", "{controller} does not list this key for {purpose}.", "controller", truncate(docURL), "purpose", purpose)
}

// checkController applies Controlled Identifiers §3.3 step 7: the method's
// own controller must be the document that lists it.
func checkController(doc *did.Document, m *did.VerificationMethod, purpose string) (Binding, report.Text) {
	if m.Controller != "" && m.Controller != doc.ID {
		return NotListed, report.Say("key.other-controller", "{document} lists the key for {purpose}, but names {controller} as its controller.", "document", truncate(doc.ID), "purpose", purpose, "controller", truncate(m.Controller))
	}
	return Bound, report.Text{}
}

// controllerMethod reads the method vm from the controller document body
// fetched from base: it must be listed under purpose, and the document's id
// must be base (Controlled Identifiers §3.3 steps 5-8).
func controllerMethod(vm, base string, body []byte, purpose string) (*Resolved, error) {
	doc, err := did.ParseDocument(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", truncate(base), err)
	}
	if doc.ID != base {
		return nil, &did.DocumentError{ID: base, Reason: fmt.Sprintf("the document fetched from it has id %q", truncate(doc.ID))}
	}
	m, err := doc.Method(vm, purpose)
	if err != nil {
		return nil, err
	}
	if m.Controller != "" && m.Controller != doc.ID {
		return nil, &did.DocumentError{ID: base, Reason: fmt.Sprintf("method %s names %s as its controller", truncate(m.ID), truncate(m.Controller))}
	}
	return &Resolved{ID: m.ID, Controller: doc.ID, PublicKey: m.PublicKey, Binding: Bound}, nil
}

// isKeyDocument reports whether body is a single verification method
// rather than a controller document.
func isKeyDocument(body []byte) bool {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return false
	}
	_, mb := m["publicKeyMultibase"]
	_, jwk := m["publicKeyJwk"]
	_, b58 := m["publicKeyBase58"]
	return mb || jwk || b58
}

// keyDocument reads a key published at its own URL and asks its controller
// whether it is theirs: a key document can name any controller, so only the
// controller's document listing it back binds it (Controlled Identifiers
// §3.3, "bi-directional reference").
func (r *Resolver) keyDocument(ctx context.Context, vm string, body []byte, purpose string) (*Resolved, error) {
	m, err := did.ParseMethod(body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", truncate(vm), err)
	}
	if m.ID != vm {
		return nil, &did.DocumentError{ID: vm, Reason: fmt.Sprintf("the key document fetched from it has id %q", truncate(m.ID))}
	}
	if m.Controller == "" {
		return nil, &did.DocumentError{ID: vm, Reason: "the key document names no controller"}
	}
	k := &Resolved{ID: vm, Controller: m.Controller, PublicKey: m.PublicKey, Binding: Unconfirmed}
	k.Binding, k.Reason, k.Document = r.controllerLists(ctx, m.Controller, vm, m.PublicKey, purpose)
	return k, nil
}

// controllerLists fetches or resolves a controller (a DID or an https URL)
// and reports whether its document lists the key under purpose, with the
// document that could tell when it could not be read.
func (r *Resolver) controllerLists(ctx context.Context, controller, vmID string, key crypto.PublicKey, purpose string) (Binding, report.Text, string) {
	if strings.HasPrefix(controller, "did:") {
		doc, err := (&did.Resolver{Fetcher: r.Fetcher}).Resolve(ctx, controller)
		if err != nil {
			return unreachable(controller, err)
		}
		if m, err := doc.Method(vmID, purpose); err == nil && sameKey(m.PublicKey, key) {
			return Bound, report.Text{}, ""
		}
		if doc.MethodWithKey(key, purpose) != nil {
			return Bound, report.Text{}, ""
		}
		return NotListed, report.Say("key.not-in-did", "the DID document of {controller} does not list this key for {purpose}.", "controller", truncate(controller), "purpose", purpose), ""
	}
	if !strings.HasPrefix(controller, "https://") {
		return Unconfirmed, report.Say("key.controller-no-document", "the key names {controller} as its controller, which has no document that could confirm it.", "controller", truncate(controller)), ""
	}
	body, err := r.fetcher().Fetch(ctx, controller, docTypes...)
	if err != nil {
		return unreachable(controller, err)
	}
	b, reason := listed(controller, body, vmID, key, purpose)
	return b, reason, ""
}

// unreachable turns a failed resolution of controller into a binding. A
// document that could not be had (offline, no answer), or a DID method
// ClearBadge cannot resolve, confirms nothing and refutes nothing:
// Unconfirmed, naming the document when there is one. A document that was
// read and is unusable (a DID document for another DID, no keys) refutes
// the key: NotListed.
func unreachable(controller string, err error) (Binding, report.Text, string) {
	doc := ""
	if fe := fetch.Unfetched(err); fe != nil {
		doc = fe.URL
	}
	var unsupported *did.UnsupportedMethodError
	switch {
	case errors.Is(err, fetch.ErrOffline):
		return Unconfirmed, report.Say("key.controller-offline", "checking offline, ClearBadge could not fetch the document of {controller} to see whether it lists this key.", "controller", truncate(controller)), doc
	case doc != "" || errors.As(err, &unsupported):
		return Unconfirmed, unreadable(controller, err), doc
	}
	var derr *did.DocumentError
	var invalid *did.InvalidDIDError
	if errors.As(err, &derr) || errors.As(err, &invalid) {
		return NotListed, report.Say("key.controller-refutes", "the document of {controller} does not confirm the key ({error}).", "controller", truncate(controller), "error", err.Error()), ""
	}
	return Unconfirmed, unreadable(controller, err), doc
}

func unreadable(controller string, err error) report.Text {
	return report.Say("key.controller-unreadable", "the document of {controller} could not be read to confirm the key ({error}).", "controller", truncate(controller), "error", err.Error())
}

func sameKey(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && b != nil && k.Equal(b)
}

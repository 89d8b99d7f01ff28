// Package proof creates and checks embedded Data Integrity proofs: the
// `DataIntegrityProof` cryptosuites eddsa-rdfc-2022 (VC-DI-EdDSA §3.2) and
// ecdsa-rdfc-2019 (VC-DI-ECDSA §3.2, P-256 and P-384), the legacy
// `eddsa-2022` name, and the older `Ed25519Signature2020` suite that many
// deployed Open Badges issuers still use.
//
// All of them sign the same thing: hash(canonical proof options) followed by
// hash(canonical document without its proof), where "canonical" is RDFC-1.0
// over JSON-LD (see core/jsonld). They differ only in the hash and the
// signature algorithm. The package checks the mathematics and the proof's
// shape; deciding whose key it is belongs to core/keys and core/verify.
package proof

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"math/big"
	"time"

	"github.com/clearbadge/clearbadge/core/jsonld"
	"github.com/mr-tron/base58"
)

// Proof is one entry of a document's `proof` property.
type Proof struct {
	Type               string
	Cryptosuite        string
	VerificationMethod string
	ProofPurpose       string
	Created            string
	Expires            string
	Challenge          string
	Domain             string
	ProofValue         string
	// Raw is the proof object as it appears in the document.
	Raw map[string]any
}

// Suite names a supported way of checking a proof ("eddsa-rdfc-2022", ...),
// or "" when the proof is of a kind this package does not know.
func (p *Proof) Suite() string {
	switch {
	case p.Type == "DataIntegrityProof" && (p.Cryptosuite == "eddsa-rdfc-2022" || p.Cryptosuite == "eddsa-2022"):
		return "eddsa-rdfc-2022"
	case p.Type == "DataIntegrityProof" && p.Cryptosuite == "ecdsa-rdfc-2019":
		return "ecdsa-rdfc-2019"
	case p.Type == "Ed25519Signature2020":
		return "Ed25519Signature2020"
	}
	return ""
}

// Name is a short human name of the proof kind, for messages.
func (p *Proof) Name() string {
	if p.Cryptosuite != "" {
		return p.Type + " (" + p.Cryptosuite + ")"
	}
	return p.Type
}

// ErrNoProof is returned by Parse when a document carries no proof.
var ErrNoProof = errors.New("the document has no embedded proof")

// Parse returns the proofs of a document. `proof` may be one object or a
// list (VC Data Integrity §2.1: a proof set). Entries that are not objects are
// an error; unknown proof types are returned for the caller to report.
func Parse(doc map[string]any) ([]Proof, error) {
	raw, ok := doc["proof"]
	if !ok || raw == nil {
		return nil, ErrNoProof
	}
	var items []any
	switch v := raw.(type) {
	case []any:
		items = v
	default:
		items = []any{v}
	}
	if len(items) == 0 {
		return nil, ErrNoProof
	}
	out := make([]Proof, 0, len(items))
	for i, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("proof %d is not a JSON object", i+1)
		}
		out = append(out, Proof{
			Type:               str(m["type"]),
			Cryptosuite:        str(m["cryptosuite"]),
			VerificationMethod: vmID(m["verificationMethod"]),
			ProofPurpose:       str(m["proofPurpose"]),
			Created:            str(m["created"]),
			Expires:            str(m["expires"]),
			Challenge:          str(m["challenge"]),
			Domain:             domainString(m["domain"]),
			ProofValue:         str(m["proofValue"]),
			Raw:                m,
		})
	}
	return out, nil
}

// SignatureError means the proof's signature does not match the document:
// the document (or the proof) was changed after signing, or the key is not
// the one that signed.
type SignatureError struct{ Suite string }

func (e *SignatureError) Error() string {
	return e.Suite + ": the signature does not match the document"
}

// MalformedError means the proof is not a well-formed proof of its suite.
type MalformedError struct{ Reason string }

func (e *MalformedError) Error() string { return "malformed proof: " + e.Reason }

// Verify checks proof p over doc with the public key pub. doc is the whole
// secured document (with its proof property, which is removed before
// hashing). It returns a *SignatureError when the signature does not match,
// a *MalformedError for a broken proof, and a jsonld error when the document
// cannot be canonicalized (an undefined term, an unknown context).
func Verify(doc map[string]any, p *Proof, pub crypto.PublicKey) error {
	return NewDocument(doc).Verify(p, pub)
}

// MaxProofs caps the proofs of one document's proof set. Real documents
// carry one or two; each proof costs a key lookup and a signature check
// (the document itself is canonicalized once, see Document), so a set of
// thousands is refused rather than worked through (issue 10).
const MaxProofs = 64

// Document is a secured document whose proofs are to be checked. Every proof
// of a proof set signs the same document without its proof property (VC
// Data Integrity §2.1.2), so its canonical form is computed once, on first
// use, and shared: a thousand proofs cost one canonicalization, not a
// thousand. A failed canonicalization is remembered too.
type Document struct {
	doc   map[string]any
	done  bool
	canon []byte
	err   error
}

// NewDocument prepares doc (the whole secured document) for Verify.
func NewDocument(doc map[string]any) *Document { return &Document{doc: doc} }

// Canonicalizations is how many times the document was canonicalized: 0
// or 1, for work counters.
func (d *Document) Canonicalizations() int {
	if d.done {
		return 1
	}
	return 0
}

// canonical returns the canonical N-Quads of the document without its proof.
func (d *Document) canonical() ([]byte, error) {
	if !d.done {
		d.done = true
		unsecured := make(map[string]any, len(d.doc))
		for k, v := range d.doc {
			if k != "proof" {
				unsecured[k] = v
			}
		}
		d.canon, d.err = jsonld.Canonicalize(unsecured)
	}
	return d.canon, d.err
}

// Verify checks proof p, one of the document's proofs, with the public key
// pub; see the package function Verify.
func (d *Document) Verify(p *Proof, pub crypto.PublicKey) error {
	suite := p.Suite()
	if suite == "" {
		return &MalformedError{Reason: "unsupported proof type " + p.Name()}
	}
	if p.ProofValue == "" {
		return &MalformedError{Reason: "proofValue is missing"}
	}
	// VC Data Integrity §2.1: proofValue is a multibase string; all three
	// suites use base58-btc, prefix "z".
	if p.ProofValue[0] != 'z' {
		return &MalformedError{Reason: "proofValue is not base58-btc multibase"}
	}
	sig, err := base58.Decode(p.ProofValue[1:])
	if err != nil {
		return &MalformedError{Reason: "proofValue is not valid base58"}
	}
	if p.Created != "" {
		if _, err := time.Parse(time.RFC3339, p.Created); err != nil {
			return &MalformedError{Reason: "created is not an XML Schema dateTime: " + p.Created}
		}
	}
	h, err := hashFor(suite, pub)
	if err != nil {
		return err
	}
	data, err := hashData(d, p.Raw, h)
	if err != nil {
		return err
	}
	switch k := pub.(type) {
	case ed25519.PublicKey:
		if len(sig) != ed25519.SignatureSize || !ed25519.Verify(k, data, sig) {
			return &SignatureError{Suite: suite}
		}
	case *ecdsa.PublicKey:
		// VC-DI-ECDSA §3.3.x: the signature is r||s, each the size of the curve
		// order (IEEE P1363), not ASN.1.
		n := (k.Curve.Params().BitSize + 7) / 8
		if len(sig) != 2*n {
			return &SignatureError{Suite: suite}
		}
		r, s := new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])
		digest := sum(h, data)
		if !ecdsa.Verify(k, digest, r, s) {
			return &SignatureError{Suite: suite}
		}
	default:
		return &KeyTypeError{Suite: suite, Key: fmt.Sprintf("%T", pub)}
	}
	return nil
}

// KeyTypeError means the key cannot make proofs of the suite (an ECDSA key
// named by an eddsa proof, for example).
type KeyTypeError struct{ Suite, Key string }

func (e *KeyTypeError) Error() string {
	return fmt.Sprintf("a %s key cannot verify a %s proof", e.Key, e.Suite)
}

// hashFor returns the hash function of the suite for that key, refusing
// key/suite combinations the suites do not define (algorithm confusion).
func hashFor(suite string, pub crypto.PublicKey) (func() hash.Hash, error) {
	switch suite {
	case "eddsa-rdfc-2022", "Ed25519Signature2020":
		if _, ok := pub.(ed25519.PublicKey); ok {
			return sha256.New, nil
		}
	case "ecdsa-rdfc-2019":
		// VC-DI-ECDSA §3.2: SHA-256 for P-256 keys, SHA-384 for P-384 keys.
		if k, ok := pub.(*ecdsa.PublicKey); ok {
			switch k.Curve {
			case elliptic.P256():
				return sha256.New, nil
			case elliptic.P384():
				return sha512.New384, nil
			}
		}
	}
	return nil, &KeyTypeError{Suite: suite, Key: keyName(pub)}
}

func keyName(pub crypto.PublicKey) string {
	switch k := pub.(type) {
	case ed25519.PublicKey:
		return "Ed25519"
	case *ecdsa.PublicKey:
		return k.Curve.Params().Name
	}
	return fmt.Sprintf("%T", pub)
}

// hashData computes hash(canonical proof options) || hash(canonical document).
// VC-DI-EdDSA §3.2.4 "Hashing" and §3.2.5 "Proof Configuration": the proof
// options are the proof without proofValue, given the document's @context.
// Ed25519Signature2020 builds its verify data the same way.
func hashData(d *Document, proofRaw map[string]any, h func() hash.Hash) ([]byte, error) {
	doc := d.doc
	config := make(map[string]any, len(proofRaw)+1)
	for k, v := range proofRaw {
		if k != "proofValue" {
			config[k] = v
		}
	}
	// VC Data Integrity §4.3 step 4: a proof's own @context must be a prefix of
	// the document's; the proof is then canonicalized under the document's.
	if pc, ok := proofRaw["@context"]; ok && !contextPrefix(pc, doc["@context"]) {
		return nil, &MalformedError{Reason: "the proof's @context does not match the document's"}
	}
	config["@context"] = doc["@context"]

	cp, err := jsonld.Canonicalize(config)
	if err != nil {
		return nil, fmt.Errorf("proof options: %w", err)
	}
	cd, err := d.canonical()
	if err != nil {
		return nil, err
	}
	return append(sum(h, cp), sum(h, cd)...), nil
}

func sum(h func() hash.Hash, b []byte) []byte {
	x := h()
	x.Write(b)
	return x.Sum(nil)
}

func contextPrefix(proofCtx, docCtx any) bool {
	pl, dl := asList(proofCtx), asList(docCtx)
	if len(pl) > len(dl) {
		return false
	}
	for i := range pl {
		ps, ok1 := pl[i].(string)
		ds, ok2 := dl[i].(string)
		if !ok1 || !ok2 || ps != ds {
			return false
		}
	}
	return true
}

func asList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}

// Options describe a proof to create.
type Options struct {
	// Cryptosuite is "eddsa-rdfc-2022" (Ed25519 key) or "ecdsa-rdfc-2019"
	// (P-256 or P-384 key).
	Cryptosuite        string
	VerificationMethod string
	ProofPurpose       string // "assertionMethod" or "authentication"
	Created            time.Time
	Challenge, Domain  string
}

// Sign returns a copy of doc with a new DataIntegrityProof added (appended
// to an existing proof set if there is one).
func Sign(doc map[string]any, o Options, key crypto.Signer) (map[string]any, error) {
	if o.Created.IsZero() {
		o.Created = time.Now()
	}
	p := map[string]any{
		"type":               "DataIntegrityProof",
		"cryptosuite":        o.Cryptosuite,
		"created":            o.Created.UTC().Format(time.RFC3339),
		"verificationMethod": o.VerificationMethod,
		"proofPurpose":       o.ProofPurpose,
	}
	if o.Challenge != "" {
		p["challenge"] = o.Challenge
	}
	if o.Domain != "" {
		p["domain"] = o.Domain
	}
	unsecured := make(map[string]any, len(doc))
	for k, v := range doc {
		if k != "proof" {
			unsecured[k] = v
		}
	}
	h, err := hashFor(o.Cryptosuite, key.Public())
	if err != nil {
		return nil, err
	}
	data, err := hashData(NewDocument(unsecured), p, h)
	if err != nil {
		return nil, err
	}
	var sig []byte
	switch k := key.(type) {
	case ed25519.PrivateKey:
		sig = ed25519.Sign(k, data)
	case *ecdsa.PrivateKey:
		r, s, err := ecdsa.Sign(rand.Reader, k, sum(h, data))
		if err != nil {
			return nil, err
		}
		n := (k.Curve.Params().BitSize + 7) / 8
		sig = make([]byte, 2*n)
		r.FillBytes(sig[:n])
		s.FillBytes(sig[n:])
	default:
		return nil, &KeyTypeError{Suite: o.Cryptosuite, Key: fmt.Sprintf("%T", key)}
	}
	p["proofValue"] = "z" + base58.Encode(sig)

	out := make(map[string]any, len(doc)+1)
	for k, v := range doc {
		out[k] = v
	}
	switch existing := doc["proof"].(type) {
	case nil:
		out["proof"] = p
	case []any:
		out["proof"] = append(append([]any{}, existing...), p)
	default:
		out["proof"] = []any{existing, p}
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// vmID accepts a verificationMethod given as a string or as an embedded
// object with an id.
func vmID(v any) string {
	if m, ok := v.(map[string]any); ok {
		return str(m["id"])
	}
	return str(v)
}

// domainString accepts `domain` as a string or a list of strings (VC Data
// Integrity §2.1 allows both); a list is joined for comparison by the caller.
func domainString(v any) string {
	if l, ok := v.([]any); ok && len(l) == 1 {
		return str(l[0])
	}
	return str(v)
}

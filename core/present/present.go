// Package present bundles credentials a learner holds into a Verifiable
// Presentation signed with their holder key (core/holder), the answer to a
// verifier's request: "show me your badges, and prove they are yours".
//
// The presentation is a VC 2.0 envelope (VC 2.0 §4.13): @context
// https://www.w3.org/ns/credentials/v2, type VerifiablePresentation, holder
// the key's did:key, and the credentials in verifiableCredential. JSON-LD
// credentials are embedded as they are (the VC 2.0 context scopes
// verifiableCredential with "@context": null, so an embedded VC 1.1
// credential keeps its own vocabulary). A JWT credential cannot be embedded
// in JSON-LD, so it goes in an EnvelopedVerifiableCredential whose id is a
// data: URL of the token (VC 2.0 §4.13.1). When every credential is a VC 1.1
// credential the presentation takes the VC 1.1 form instead (VC 1.1 §4.10,
// context https://www.w3.org/2018/credentials/v1), which VC 1.1 verifiers
// expect.
//
// Three ways of signing it, chosen by Options.Format:
//
//   - DataIntegrity: an embedded DataIntegrityProof, eddsa-rdfc-2022 for an
//     Ed25519 key or ecdsa-rdfc-2019 for P-256, with proofPurpose
//     authentication and the verifier's challenge and domain in the proof
//     (VC Data Integrity §2.1; the Authentication purpose of §2.2).
//   - DataIntegrityJCS: the same proof made with the key's JSON
//     Canonicalization Scheme suite, eddsa-jcs-2022 or ecdsa-jcs-2019
//     (RFC 8785 JSON instead of RDFC-1.0, for verifiers without JSON-LD).
//   - JWT: a compact JWS made by the holder key, kid its verification method.
//     VC 2.0 form: VC-JOSE-COSE §3.2 "Securing JSON-LD Verifiable
//     Presentations with JOSE" (typ vp+jwt, the payload is the
//     presentation). VC 1.1 form: VC 1.1 §6.3.1 "JWT Encoding" (typ JWT, the
//     presentation in the vp claim, iss the holder). VC-JOSE-COSE defines no
//     place for a challenge or domain; both forms use the claims VC 1.1
//     §6.3.1 and OpenID for Verifiable Presentations use for a JWT
//     presentation: nonce for the challenge and aud for the domain (the
//     intended verifier). core/verify reads them the same way.
//
// The package packages; it does not judge. A credential that does not
// verify is still bundled (the verifier will say so); one that is not a
// secured Verifiable Credential at all is refused.
package present

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/report"
)

// Format is how a presentation is signed.
type Format string

// The formats.
const (
	DataIntegrity    Format = "di"     // JSON with an embedded proof
	DataIntegrityJCS Format = "di-jcs" // the same, over RFC 8785 JSON
	JWT              Format = "jwt"    // a compact JWS
)

// MaxCredentials caps how many credentials one presentation carries.
const MaxCredentials = 256

// Options say who presents, to whom and how.
type Options struct {
	// Key is the holder's key; its did:key is the presentation's holder.
	Key *holder.Key
	// Format is DataIntegrity ("" too), DataIntegrityJCS or JWT.
	Format Format
	// Challenge and Domain are what the verifier asked the presentation to
	// carry: a one-time value against replay, and who the presentation is
	// for. Either may be empty (the verifier then cannot tell a replay).
	Challenge, Domain string
	// Created is the signing time; zero means now.
	Created time.Time
	// ID, when set, becomes the presentation's id (a urn:uuid, say).
	ID string
}

// ErrNoKey means Options.Key is nil.
var ErrNoKey = errors.New("no holder key to sign the presentation with")

// FormatError names an unknown Options.Format.
type FormatError struct{ Format Format }

func (e *FormatError) Error() string {
	return fmt.Sprintf("unknown presentation format %q (use %q, %q or %q)", string(e.Format), DataIntegrity, DataIntegrityJCS, JWT)
}

// CredentialError means one input is not a credential that can be
// presented. Index counts from 1, in the order given.
type CredentialError struct {
	Index  int
	Reason string
}

func (e *CredentialError) Error() string {
	return fmt.Sprintf("credential %d: %s", e.Index, e.Reason)
}

// TooLargeError means the presentation would be larger than verifiers
// (ClearBadge's own among them) accept.
type TooLargeError struct{ Size, Limit int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the presentation would be %d bytes; verifiers accept at most %d: present fewer credentials", e.Size, e.Limit)
}

// The base contexts (VC 1.1 §4.1, VC 2.0 §4.3).
const (
	contextV1 = credential.ContextV1
	contextV2 = credential.ContextV2
	// contextDI defines DataIntegrityProof for a VC 1.1 document, whose base
	// context does not (VC Data Integrity, "Context Injection").
	contextDI = "https://w3id.org/security/data-integrity/v2"
)

// item is one credential to present.
type item struct {
	doc     map[string]any // a JSON-LD credential, or nil
	token   string         // a JWT credential, or ""
	version int            // VC Data Model 1 or 2
	media   string         // the data: URL media type of a token
}

// Create bundles credentials (each a JSON-LD credential object or a compact
// JWT, as bytes) into a presentation signed by o.Key: the presentation's
// JSON for DataIntegrity and DataIntegrityJCS, the compact JWS for JWT.
func Create(credentials [][]byte, o Options) ([]byte, error) {
	if o.Key == nil {
		return nil, ErrNoKey
	}
	if o.Format != "" && o.Format != DataIntegrity && o.Format != DataIntegrityJCS && o.Format != JWT {
		return nil, &FormatError{Format: o.Format}
	}
	if len(credentials) > MaxCredentials {
		return nil, &CredentialError{Index: MaxCredentials + 1, Reason: fmt.Sprintf("a presentation carries at most %d credentials", MaxCredentials)}
	}
	items := make([]item, len(credentials))
	for i, b := range credentials {
		it, err := read(b)
		if err != nil {
			return nil, &CredentialError{Index: i + 1, Reason: err.Error()}
		}
		items[i] = it
	}
	if o.Created.IsZero() {
		o.Created = time.Now()
	}
	if o.Format == JWT {
		return signJWT(items, o)
	}
	return signDI(items, o)
}

// read recognises one credential.
func read(b []byte) (item, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return item{}, errors.New("empty")
	}
	if b[0] == '{' {
		doc, err := credential.Decode(b)
		if err != nil {
			return item{}, err
		}
		v, err := vcShape(doc)
		if err != nil {
			return item{}, err
		}
		// VC-JOSE-COSE §3.2 and VC 2.0 §4.13: credentials in a presentation
		// must be secured; an unsigned one proves nothing to the verifier.
		if _, ok := doc["proof"]; !ok {
			return item{}, errors.New("it has no proof: only a signed credential can be presented")
		}
		return item{doc: doc, version: v}, nil
	}
	tok, err := jose.Parse(string(b))
	if err != nil {
		return item{}, fmt.Errorf("neither a JSON credential nor a JWT: %w", err)
	}
	if strings.EqualFold(tok.Header.Alg, "none") {
		return item{}, errors.New("the JWT is not signed (alg none)")
	}
	payload, err := credential.Decode(tok.Payload)
	if err != nil {
		return item{}, fmt.Errorf("the JWT's payload: %w", err)
	}
	// OB 3.0 §8.2 / VC 1.1 §6.3.1: a VC 1.1 JWT carries the credential in
	// the vc claim; VC-JOSE-COSE §3.1.1: otherwise the payload is the
	// credential, which application/vc+jwt names (IANA registration in
	// VC-JOSE-COSE §6.1.1). A vc-claim token is not that, so it is named as
	// a plain JWT (application/jwt, RFC 7519 §10.3.1).
	doc, media := payload, "application/vc+jwt"
	if vc, ok := payload["vc"].(map[string]any); ok {
		doc, media = vc, "application/jwt"
	}
	v, err := vcShape(doc)
	if err != nil {
		return item{}, fmt.Errorf("the JWT's credential: %w", err)
	}
	return item{token: string(b), version: v, media: media}, nil
}

// vcShape checks that doc is a Verifiable Credential (not a presentation)
// and returns its data model version.
func vcShape(doc map[string]any) (int, error) {
	v := credential.Version(doc)
	switch {
	case v == 0:
		return 0, errors.New("not a Verifiable Credential: the first @context is not the W3C credentials context")
	case credential.HasType(doc, report.KindPresentation):
		return 0, errors.New("a presentation cannot be put inside another presentation")
	case !credential.HasType(doc, report.KindCredential):
		return 0, errors.New("not a Verifiable Credential: its type does not include VerifiableCredential")
	}
	return v, nil
}

// allV1 reports whether there are credentials and every one is VC 1.1,
// and, with jsonOnly, embedded as JSON: a VC 1.1 Data Integrity
// presentation cannot carry a JWT, whose string would be read as an IRI.
func allV1(items []item, jsonOnly bool) bool {
	for _, it := range items {
		if it.version != 1 || jsonOnly && it.doc == nil {
			return false
		}
	}
	return len(items) > 0
}

// envelope builds the unsigned presentation.
func envelope(items []item, o Options, v1 bool) map[string]any {
	vp := map[string]any{
		"@context": []any{contextV2},
		"type":     []any{report.KindPresentation},
		"holder":   o.Key.DID(),
	}
	if v1 {
		vp["@context"] = []any{contextV1}
	}
	if o.ID != "" {
		vp["id"] = o.ID
	}
	if len(items) == 0 {
		return vp
	}
	creds := make([]any, len(items))
	for i, it := range items {
		switch {
		case it.doc != nil:
			creds[i] = it.doc
		case v1:
			// VC 1.1 §6.3.1: a JWT presentation lists JWT credentials as strings.
			creds[i] = it.token
		default:
			// VC 2.0 §4.13.1: the secured credential as a data: URL (RFC 2397).
			// A compact JWS is base64url and dots only, so it needs no escaping.
			creds[i] = map[string]any{
				"@context": contextV2,
				"id":       "data:" + it.media + "," + it.token,
				"type":     "EnvelopedVerifiableCredential",
			}
		}
	}
	vp["verifiableCredential"] = creds
	return vp
}

func signDI(items []item, o Options) ([]byte, error) {
	v1 := allV1(items, true)
	vp := envelope(items, o, v1)
	if v1 {
		vp["@context"] = []any{contextV1, contextDI}
	}
	signed, err := o.Key.Prove(vp, holder.ProofOptions{
		Purpose:   "authentication",
		Created:   o.Created,
		Challenge: o.Challenge,
		Domain:    o.Domain,
		JCS:       o.Format == DataIntegrityJCS,
	})
	if err != nil {
		return nil, fmt.Errorf("signing the presentation: %w", err)
	}
	out, err := marshal(signed, "  ")
	if err != nil {
		return nil, err
	}
	if len(out) > credential.MaxBytes {
		return nil, &TooLargeError{Size: len(out), Limit: credential.MaxBytes}
	}
	return out, nil
}

func signJWT(items []item, o Options) ([]byte, error) {
	v1 := allV1(items, false)
	vp := envelope(items, o, v1)
	claims := map[string]any{}
	typ := "vp+jwt"
	if v1 {
		// VC 1.1 §6.3.1.2: iss is the holder, jti the presentation's id.
		typ = "JWT"
		claims["vp"] = vp
		claims["iss"] = o.Key.DID()
		if o.ID != "" {
			claims["jti"] = o.ID
		}
	} else {
		// VC-JOSE-COSE §3.2: the payload is the presentation itself; the JWT
		// claims sit beside its properties (VC-JOSE-COSE §3.1.3 lets them).
		claims = vp
	}
	// iat is when the holder signed (VC-JOSE-COSE §3.1.3: iat and exp are
	// about the signature, not the credentials).
	claims["iat"] = o.Created.Unix()
	if o.Challenge != "" {
		claims["nonce"] = o.Challenge
	}
	if o.Domain != "" {
		claims["aud"] = o.Domain
	}
	payload, err := marshal(claims, "")
	if err != nil {
		return nil, err
	}
	token, err := o.Key.SignJWT(payload, typ)
	if err != nil {
		return nil, fmt.Errorf("signing the presentation: %w", err)
	}
	if len(token) > jose.MaxTokenBytes {
		return nil, &TooLargeError{Size: len(token), Limit: jose.MaxTokenBytes}
	}
	return []byte(token), nil
}

// marshal encodes v as JSON, keeping "<", ">" and "&" as they are (in names
// and URLs) rather than as \u escapes.
func marshal(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

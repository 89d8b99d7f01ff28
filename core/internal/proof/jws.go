package proof

import (
	"crypto"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"strings"
)

// verifyJWS checks an Ed25519Signature2018 proof (W3C CCG Ed25519
// Signature 2018, as Digital Bazaar's jws-linked-data-signature makes it):
// the proof's `jws` is a detached JWS with unencoded payload (RFC 7797,
// header {"alg":"EdDSA","b64":false,"crit":["b64"]}, empty middle part),
// whose payload is the same verify data as Ed25519Signature2020's, SHA-256
// of the canonical proof options then of the canonical document. The
// signing input is the ASCII of the encoded header and "." followed by those
// raw bytes (RFC 7797 §3).
func verifyJWS(d *Document, p *Proof, pub crypto.PublicKey) error {
	const suite = "Ed25519Signature2018"
	jws := str(p.Raw["jws"])
	if jws == "" {
		return &MalformedError{Reason: "jws is missing"}
	}
	parts := strings.Split(jws, ".")
	if len(parts) != 3 || parts[1] != "" {
		return &MalformedError{Reason: "jws is not a detached compact JWS (header..signature)"}
	}
	header, sig := parts[0], parts[2]
	rawHeader, err := base64.RawURLEncoding.DecodeString(header)
	if err != nil {
		return &MalformedError{Reason: "the jws header is not base64url"}
	}
	var h struct {
		Alg  string   `json:"alg"`
		B64  *bool    `json:"b64"`
		Crit []string `json:"crit"`
	}
	if err := json.Unmarshal(rawHeader, &h); err != nil {
		return &MalformedError{Reason: "the jws header is not a JSON object"}
	}
	// RFC 7797 §6: b64 must be listed in crit; the suite uses only EdDSA.
	if h.Alg != "EdDSA" {
		return &MalformedError{Reason: "the jws alg is " + h.Alg + ", not EdDSA"}
	}
	if h.B64 == nil || *h.B64 || len(h.Crit) != 1 || h.Crit[0] != "b64" {
		return &MalformedError{Reason: `the jws header is not {"b64":false,"crit":["b64"]} (RFC 7797)`}
	}
	signature, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return &MalformedError{Reason: "the jws signature is not base64url"}
	}
	hf, err := hashFor(suite, pub)
	if err != nil {
		return err
	}
	// The proof options are the proof without its jws.
	data, err := hashData(suite, d, withoutKey(p.Raw, "jws"), hf)
	if err != nil {
		return err
	}
	input := append([]byte(header+"."), data...)
	if !verifyEd25519(pub.(ed25519.PublicKey), input, signature) {
		return &SignatureError{Suite: suite}
	}
	return nil
}

package proof

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/jsonld"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/mr-tron/base58"
)

// BaseProofError means an ecdsa-sd-2023 proof is a base proof: the one the
// issuer hands to the holder, from which the holder derives the proof a
// verifier checks (VC-DI-ECDSA §3.4.1). A base proof carries the HMAC key
// that links the holder's disclosures, so it is not meant to be shown.
type BaseProofError struct{}

func (e *BaseProofError) Error() string {
	return "ecdsa-sd-2023: this is a base proof, meant for the holder: a verifier checks a proof derived from it (selective disclosure)"
}

// The CBOR tags that open an ecdsa-sd-2023 proof value (VC-DI-ECDSA §3.5.2,
// §3.5.7): 0xd9 0x5d then 0x00 for a base proof, 0x01 for a derived one.
var (
	sdBaseHeader    = []byte{0xd9, 0x5d, 0x00}
	sdDerivedHeader = []byte{0xd9, 0x5d, 0x01}
)

// maxSDProofValue caps the proof value before decoding; each disclosed
// statement adds 66 bytes (its signature) and each blank node 36 (its
// label), so this leaves room for tens of thousands of statements.
const maxSDProofValue = 4 << 20

// derived is a parsed derived proof value (VC-DI-ECDSA §3.5.8
// parseDerivedProofValue).
type derived struct {
	baseSignature    []byte
	publicKey        []byte // multikey bytes of the ephemeral key
	signatures       [][]byte
	labelMap         map[string]string // c14nN -> HMAC'd label "u…"
	mandatoryIndexes []int
}

// verifyDerived checks a derived ecdsa-sd-2023 proof (VC-DI-ECDSA §3.4.7
// Verify Derived Proof, with §3.5.9 createVerifyData).
func verifyDerived(doc map[string]any, p *Proof, pub crypto.PublicKey) error {
	const suite = "ecdsa-sd-2023"
	if _, err := hashFor(suite, pub); err != nil {
		return err
	}
	d, err := parseDerived(p.ProofValue)
	if err != nil {
		return err
	}
	// The hashes of this suite are SHA-256 (hashFor admits P-256 keys only).
	cp, err := canonicalOptions(doc, withoutKey(p.Raw, "proofValue"), crypto.SHA256)
	if err != nil {
		return err
	}
	proofHash := sum(crypto.SHA256, cp)
	// §3.5.9 step 3: canonicalize with the label map replacing canonical
	// labels, then sort (jsonld.CanonicalLines sorts after relabelling).
	nquads, err := jsonld.CanonicalLines(withoutKey(doc, "proof"), func(label string) (string, error) {
		l, ok := d.labelMap[label]
		if !ok {
			return "", &MalformedError{Reason: "the label map does not name blank node " + label + " of the disclosed document"}
		}
		return l, nil
	})
	if err != nil {
		return err
	}
	// Step 4: split by mandatoryIndexes.
	isMandatory := make(map[int]bool, len(d.mandatoryIndexes))
	for _, i := range d.mandatoryIndexes {
		if i >= len(nquads) {
			return &SignatureError{Suite: suite}
		}
		isMandatory[i] = true
	}
	var mandatory strings.Builder
	var nonMandatory []string
	for i, q := range nquads {
		if isMandatory[i] {
			mandatory.WriteString(q)
		} else {
			nonMandatory = append(nonMandatory, q)
		}
	}
	mandatoryHash := sum(crypto.SHA256, []byte(mandatory.String()))
	// §3.4.7 steps: one signature per non-mandatory statement, each by
	// the ephemeral key; then the base signature by the issuer's key over
	// proofHash || publicKey || mandatoryHash (§3.5.4 serializeSignData).
	if len(d.signatures) != len(nonMandatory) {
		return &SignatureError{Suite: suite}
	}
	ephemeral, err := multikey.Decode("z" + base58.Encode(d.publicKey))
	if err != nil {
		return &MalformedError{Reason: "the ephemeral public key: " + err.Error()}
	}
	ek, ok := ephemeral.(*ecdsa.PublicKey)
	if !ok || ek.Curve != elliptic.P256() {
		return &MalformedError{Reason: "the ephemeral public key is not a P-256 key"}
	}
	for i, q := range nonMandatory {
		if !checkSignature(ek, crypto.SHA256, []byte(q), d.signatures[i]) {
			return &SignatureError{Suite: suite}
		}
	}
	toVerify := append(append(append([]byte{}, proofHash...), d.publicKey...), mandatoryHash...)
	if !checkSignature(pub, crypto.SHA256, toVerify, d.baseSignature) {
		return &SignatureError{Suite: suite}
	}
	return nil
}

// parseDerived decodes a derived proof value: "u" (multibase base64url, no
// padding), the derived header, then a CBOR array [baseSignature,
// publicKey, signatures, compressed label map, mandatoryIndexes]. A base
// proof gets a *BaseProofError.
func parseDerived(proofValue string) (*derived, error) {
	if proofValue == "" {
		return nil, &MalformedError{Reason: "proofValue is missing"}
	}
	if len(proofValue) > maxSDProofValue {
		return nil, &MalformedError{Reason: "proofValue is too long"}
	}
	if proofValue[0] != 'u' {
		return nil, &MalformedError{Reason: "proofValue is not base64url multibase (prefix u)"}
	}
	raw, err := base64.RawURLEncoding.DecodeString(proofValue[1:])
	if err != nil {
		return nil, &MalformedError{Reason: "proofValue is not valid base64url"}
	}
	if bytes.HasPrefix(raw, sdBaseHeader) {
		return nil, &BaseProofError{}
	}
	if !bytes.HasPrefix(raw, sdDerivedHeader) {
		return nil, &MalformedError{Reason: "proofValue does not start with the ecdsa-sd-2023 derived proof header"}
	}
	bad := func(what string) error {
		return &MalformedError{Reason: "ecdsa-sd-2023 derived proof: " + what}
	}
	r := &cborReader{b: raw[len(sdDerivedHeader):]}
	if n, err := r.arrayLen(); err != nil || n != 5 {
		return nil, bad("not a CBOR array of five items")
	}
	d := &derived{labelMap: make(map[string]string)}
	if d.baseSignature, err = r.bytes(); err != nil {
		return nil, bad("base signature: " + err.Error())
	}
	if d.publicKey, err = r.bytes(); err != nil {
		return nil, bad("public key: " + err.Error())
	}
	n, err := r.arrayLen()
	if err != nil {
		return nil, bad("signatures: " + err.Error())
	}
	for range n {
		s, err := r.bytes()
		if err != nil {
			return nil, bad("signatures: " + err.Error())
		}
		d.signatures = append(d.signatures, s)
	}
	n, err = r.mapLen()
	if err != nil {
		return nil, bad("label map: " + err.Error())
	}
	seen := make(map[string]bool, n)
	for range n {
		k, err := r.uint()
		if err != nil {
			return nil, bad("label map key: " + err.Error())
		}
		v, err := r.bytes()
		if err != nil {
			return nil, bad("label map value: " + err.Error())
		}
		// §3.5.6 decompressLabelMap: c14n<k> -> "u" + base64url(v).
		key, label := "c14n"+strconv.FormatUint(k, 10), "u"+base64.RawURLEncoding.EncodeToString(v)
		if _, dup := d.labelMap[key]; dup || seen[label] {
			return nil, bad("the label map repeats " + key + " or a label")
		}
		seen[label] = true
		d.labelMap[key] = label
	}
	n, err = r.arrayLen()
	if err != nil {
		return nil, bad("mandatory indexes: " + err.Error())
	}
	for range n {
		i, err := r.uint()
		if err != nil {
			return nil, bad("mandatory indexes: " + err.Error())
		}
		if i > math.MaxInt32 {
			return nil, bad("a mandatory index is out of range")
		}
		d.mandatoryIndexes = append(d.mandatoryIndexes, int(i))
	}
	if len(r.b) != 0 {
		return nil, bad("trailing bytes after the CBOR array")
	}
	return d, nil
}

// cborReader reads the few CBOR (RFC 8949) items a derived proof value
// holds: definite-length arrays, maps, byte strings (also under tag 64,
// "uint8 typed array", which some encoders use) and unsigned integers.
// Every count is checked against the bytes left, so a crafted length cannot
// make it allocate or loop beyond the input.
type cborReader struct{ b []byte }

var errCBOR = errors.New("malformed CBOR")

// head reads an item's initial byte and argument (RFC 8949 §3).
func (r *cborReader) head() (major byte, arg uint64, err error) {
	if len(r.b) == 0 {
		return 0, 0, errCBOR
	}
	major, info := r.b[0]>>5, r.b[0]&0x1f
	r.b = r.b[1:]
	switch {
	case info < 24:
		return major, uint64(info), nil
	case info <= 27:
		n := 1 << (info - 24)
		if len(r.b) < n {
			return 0, 0, errCBOR
		}
		for _, c := range r.b[:n] {
			arg = arg<<8 | uint64(c)
		}
		r.b = r.b[n:]
		return major, arg, nil
	}
	return 0, 0, fmt.Errorf("%w: indefinite or reserved length", errCBOR)
}

// count reads an array or map header; each entry takes at least per bytes.
func (r *cborReader) count(want byte, per uint64) (int, error) {
	major, n, err := r.head()
	if err != nil {
		return 0, err
	}
	if major != want {
		return 0, fmt.Errorf("%w: major type %d, want %d", errCBOR, major, want)
	}
	if n > uint64(len(r.b))/per {
		return 0, fmt.Errorf("%w: %d entries in %d bytes", errCBOR, n, len(r.b))
	}
	return int(n), nil
}

func (r *cborReader) arrayLen() (int, error) { return r.count(4, 1) }
func (r *cborReader) mapLen() (int, error)   { return r.count(5, 2) }

func (r *cborReader) uint() (uint64, error) {
	major, n, err := r.head()
	if err != nil {
		return 0, err
	}
	if major != 0 {
		return 0, fmt.Errorf("%w: major type %d, want an unsigned integer", errCBOR, major)
	}
	return n, nil
}

func (r *cborReader) bytes() ([]byte, error) {
	major, n, err := r.head()
	if err != nil {
		return nil, err
	}
	if major == 6 && n == 64 {
		major, n, err = r.head()
		if err != nil {
			return nil, err
		}
	}
	if major != 2 {
		return nil, fmt.Errorf("%w: major type %d, want a byte string", errCBOR, major)
	}
	if n > uint64(len(r.b)) {
		return nil, fmt.Errorf("%w: %d bytes wanted, %d left", errCBOR, n, len(r.b))
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out, nil
}

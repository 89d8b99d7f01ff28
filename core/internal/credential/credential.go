// Package credential reads Verifiable Credentials and Presentations as JSON
// objects: it decodes them under size and depth caps, tells which kind of
// document they are (OB 3.0, CLR 2.0, endorsement, presentation; VC Data
// Model 1.1 or 2.0) and reads the fields a person wants to see.
//
// It deliberately keeps the document as the decoded JSON value
// (map[string]any) rather than a Go struct: proofs are computed over the
// document exactly as received, and a struct round trip would drop the
// extension properties that the issuer signed.
package credential

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// Limits on untrusted JSON input. A CLR with dozens of nested credentials
// and embedded images stays well below them.
const (
	MaxBytes = 8 << 20
	MaxDepth = 64
)

// The VC Data Model base contexts (VC 1.1 §4.1, VC 2.0 §4.3).
const (
	ContextV1 = "https://www.w3.org/2018/credentials/v1"
	ContextV2 = "https://www.w3.org/ns/credentials/v2"
)

// InputError says why bytes are not a usable JSON document.
type InputError struct{ Reason string }

func (e *InputError) Error() string { return e.Reason }

// Decode parses one JSON object, refusing documents over MaxBytes or nested
// deeper than MaxDepth before any allocation-heavy work.
func Decode(b []byte) (map[string]any, error) {
	if len(b) > MaxBytes {
		return nil, &InputError{Reason: fmt.Sprintf("the document is %d bytes; ClearBadge reads documents up to %d bytes", len(b), MaxBytes)}
	}
	// decodeObject reads no deeper than MaxDepth; depth then says why.
	if m, ok := decodeObject(b); ok {
		return m, nil
	}
	if d := depth(b); d > MaxDepth {
		return nil, &InputError{Reason: fmt.Sprintf("the document nests deeper than %d levels", MaxDepth)}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, &InputError{Reason: "the file is not valid JSON: " + err.Error()}
	}
	if dec.More() {
		return nil, &InputError{Reason: "the file holds more than one JSON value"}
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, &InputError{Reason: "the file is JSON but not a JSON object"}
	}
	return m, nil
}

// depth returns the maximum nesting of arrays and objects, ignoring
// brackets inside strings. It runs before json.Unmarshal so that a
// pathological input is refused cheaply.
func depth(b []byte) int {
	d, maxd, inStr, esc := 0, 0, false, false
	for _, c := range b {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			d++
			if d > maxd {
				maxd = d
			}
		case c == '}' || c == ']':
			d--
		}
	}
	return maxd
}

// Types returns the `type` values of a node; a bare string counts as a
// one-element list (OB 3.0 §Serialization allows the compacted form).
func Types(node any) []string {
	m, ok := node.(map[string]any)
	if !ok {
		return nil
	}
	return jsonval.Strings(m["type"])
}

// HasType reports whether node's type includes t.
func HasType(node any, t string) bool {
	for _, x := range Types(node) {
		if x == t {
			return true
		}
	}
	return false
}

// Kind names the most specific kind of the document.
func Kind(doc map[string]any) string {
	for _, k := range []string{report.KindPresentation, report.KindCLR, report.KindEndorsement, report.KindAchievement, report.KindOpenBadge} {
		if HasType(doc, k) {
			return k
		}
	}
	if HasType(doc, report.KindCredential) {
		return report.KindCredential
	}
	return "unknown"
}

// Version returns 1 or 2 for the VC Data Model named by the first @context
// entry, or 0 when it is neither (VC 2.0 §4.3: the first item MUST be the
// base context).
func Version(doc map[string]any) int {
	ctx := jsonval.List(doc["@context"])
	if len(ctx) == 0 {
		return 0
	}
	switch ctx[0] {
	case ContextV2:
		return 2
	case ContextV1:
		return 1
	}
	return 0
}

// Subjects returns credentialSubject as a list of objects.
func Subjects(doc map[string]any) []map[string]any {
	var out []map[string]any
	for _, s := range jsonval.List(doc["credentialSubject"]) {
		if m, ok := s.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// Dates are a credential's validity period with the property names they
// came from (validFrom/validUntil in VC 2.0, issuanceDate/expirationDate in
// VC 1.1).
type Dates struct {
	From, Until         time.Time
	FromName, UntilName string
	FromRaw, UntilRaw   string
}

// DateError names a date property that is not a valid dateTime.
type DateError struct{ Name, Value string }

func (e *DateError) Error() string {
	return fmt.Sprintf("%s %q is not a date and time with a time zone", e.Name, e.Value)
}

// ReadDates reads the validity dates; absent dates are zero times.
func ReadDates(doc map[string]any) (Dates, error) {
	var d Dates
	var errs []error
	read := func(props ...string) (time.Time, string, string) {
		for _, n := range props {
			raw, ok := doc[n].(string)
			if !ok {
				continue
			}
			t, err := ParseTime(raw)
			if err != nil {
				errs = append(errs, &DateError{Name: n, Value: raw})
			}
			return t, n, raw
		}
		return time.Time{}, "", ""
	}
	d.From, d.FromName, d.FromRaw = read("validFrom", "issuanceDate")
	d.Until, d.UntilName, d.UntilRaw = read("validUntil", "expirationDate")
	return d, errors.Join(errs...)
}

// ParseTime parses an XML Schema dateTime as VC 2.0 §4.9 requires
// (dateTimeStamp: a time zone is required). Fractional seconds are allowed.
func ParseTime(s string) (time.Time, error) {
	return time.Parse(time.RFC3339Nano, strings.TrimSpace(s))
}

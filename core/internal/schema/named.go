package schema

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
)

// Schema types a credential may name in credentialSchema, with the JSON
// Schema draft used when the schema document has no $schema.
var validators = map[string]string{
	// VCCS 1.0 (1EdTech Verifiable Credentials JSON Schema Validator 2019),
	// the type OB 3.0 §9.1 step 1 and CLR 2.0 name: JSON Schema 2019-09.
	"1EdTechJsonSchemaValidator2019": "2019-09",
	// W3C VC JSON Schema §3.1 JsonSchema: the schema is fetched directly;
	// 2020-12 is the draft that specification requires support for.
	"JsonSchema": "2020-12",
	// The VC 1.1 examples' type, still used by OB 3.0 VC 1.1 credentials
	// (validator/ob30/complete_v1.json); draft-07 was current in 2018.
	"JsonSchemaValidator2018": "draft-07",
}

// Limits on what one named schema may pull in.
const (
	maxSchemaDocs = 16 // the schema and the documents its $refs name
	maxNamed      = 8  // credentialSchema entries looked at
	maxCached     = 32 // compiled schemas kept in the process
)

// Outcomes of one named schema.
type namedStatus int

const (
	namedPassed      namedStatus = iota // fetched, compiled, the credential is valid against it
	namedFailed                         // the credential is not valid against it
	namedOffline                        // not checked: offline
	namedUnreadable                     // not checked: fetch failed, not a schema, digest mismatch
	namedUnsupported                    // not checked: a schema type ClearBadge does not implement
)

// namedResult is what became of one credentialSchema entry.
type namedResult struct {
	URL    string // the id the credential names
	Used   string // the URL actually fetched, when it differs (VC 1.1 substitution)
	Type   string
	Status namedStatus
	Reason string   // why it was not checked
	Over   bool     // not checked: beyond maxNamed
	Errors []string // validation errors, "path: message", at most maxListed
	More   int      // errors beyond Errors
}

// v1Schemas maps 1EdTech's VC 2.0 class schemas to their VC 1.1-tolerant
// counterparts: OB 3.0 §1.2 lists the "any…" schemas for credentials built
// on VC Data Model 1.1, which the VC 2.0 schemas reject by design (their
// @context and validFrom rules).
var v1Schemas = map[string]string{
	"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyachievementcredential_schema.json",
	"https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyendorsementcredential_schema.json",
	"https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json":       "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_anyclrcredential_schema.json",
}

// checkNamed validates doc against each schema its credentialSchema names.
// Entries that are not objects with a string id and type are left to the
// built-in rules, which report them.
func checkNamed(ctx context.Context, doc map[string]any, f fetch.Fetcher) []namedResult {
	var out []namedResult
	for _, e := range jsonval.List(doc["credentialSchema"]) {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		id, _ := m["id"].(string)
		typ, _ := m["type"].(string)
		if id == "" || typ == "" {
			continue
		}
		r := namedResult{URL: id, Type: typ}
		if len(out) >= maxNamed {
			r.Status, r.Reason = namedUnsupported, fmt.Sprintf("ClearBadge checks at most %d schemas per credential", maxNamed)
			r.Over = true
			out = append(out, r)
			continue
		}
		draft, known := validators[typ]
		switch {
		case !known:
			r.Status, r.Reason = namedUnsupported, "ClearBadge does not implement schemas of type "+quote(typ)
		default:
			r.Used = id
			if credential.Version(doc) == 1 && v1Schemas[id] != "" {
				r.Used = v1Schemas[id]
			}
			sri, _ := m["digestSRI"].(string)
			validate(ctx, doc, f, draft, sri, &r)
		}
		out = append(out, r)
	}
	return out
}

// notChecked fills r for a schema that could not be used: offline, or
// not fetched, not a schema, a digest mismatch.
func notChecked(r *namedResult, err error) {
	r.Status, r.Reason = namedUnreadable, err.Error()
	if errors.Is(err, fetch.ErrOffline) {
		r.Status, r.Reason = namedOffline, "ClearBadge is offline"
	}
}

// pointerPath writes JSON pointer tokens as the dotted path used in
// messages: credentialSubject.achievement.alignment[0].targetUrl.
func pointerPath(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		if t != "" && strings.Trim(t, "0123456789") == "" && b.Len() > 0 {
			b.WriteString("[" + t + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

// schemaError says why a named schema could not be used.
type schemaError struct {
	URL    string
	Reason string
	Err    error
}

func (e *schemaError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.URL, e.Reason, e.Err)
	}
	return e.URL + ": " + e.Reason
}

func (e *schemaError) Unwrap() error { return e.Err }

// rootDoc fetches the schema document at loc (without its fragment) and
// checks it against the credential's digestSRI, if any; f is
// fetch.Offline when nil.
func rootDoc(ctx context.Context, f fetch.Fetcher, loc, sri string) (fetch.Fetcher, string, []byte, error) {
	base, _, _ := strings.Cut(loc, "#")
	if !webURL(base) {
		return nil, "", nil, &schemaError{URL: loc, Reason: "not a web address"}
	}
	if f == nil {
		f = fetch.Offline
	}
	root, err := fetchDoc(ctx, f, base)
	if err != nil {
		return nil, "", nil, err
	}
	if sri != "" {
		if err := checkSRI(root, sri); err != nil {
			return nil, "", nil, &schemaError{URL: base, Reason: "the schema differs from the one the credential pinned", Err: err}
		}
	}
	return f, base, root, nil
}

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// fetchDoc fetches one schema document through the Fetcher.
func fetchDoc(ctx context.Context, f fetch.Fetcher, loc string) ([]byte, error) {
	b, err := f.Fetch(ctx, loc, "application/schema+json", "application/json")
	if err != nil {
		if errors.Is(err, fetch.ErrOffline) {
			return nil, err
		}
		return nil, &schemaError{URL: loc, Reason: "could not be fetched", Err: err}
	}
	if len(b) > fetch.MaxBytes {
		return nil, &fetch.TooLargeError{URL: loc}
	}
	return b, nil
}

// checkSRI checks b against a W3C Subresource Integrity value
// ("sha384-<base64>"), as VC JSON Schema §3.1 digestSRI describes.
func checkSRI(b []byte, sri string) error {
	alg, want, ok := strings.Cut(strings.TrimSpace(sri), "-")
	if !ok {
		return fmt.Errorf("digestSRI %q is not <algorithm>-<base64 digest>", sri)
	}
	var h hash.Hash
	switch alg {
	case "sha256":
		h = sha256.New()
	case "sha384":
		h = sha512.New384()
	case "sha512":
		h = sha512.New()
	default:
		return fmt.Errorf("digestSRI algorithm %q is not sha256, sha384 or sha512", alg)
	}
	h.Write(b)
	if base64.StdEncoding.EncodeToString(h.Sum(nil)) != want {
		return errors.New("digestSRI does not match the fetched schema")
	}
	return nil
}

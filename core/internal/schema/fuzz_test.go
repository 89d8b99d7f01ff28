//go:build !clearbadge_offline

package schema

import (
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/report"
)

const fuzzSchema = "https://fuzz.example/schema.json"

func checkShape(t *testing.T, c report.Check) {
	t.Helper()
	switch c.Outcome {
	case report.Pass, report.Fail, report.Warn:
	default:
		t.Fatalf("outcome %q", c.Outcome)
	}
	if c.ID != report.CheckSchema || c.Message == "" {
		t.Fatalf("got %+v", c)
	}
}

// FuzzCheck feeds arbitrary JSON, decoded under the core's caps, to Check
// with a Fetcher that serves one schema (with a $ref) the input may name.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(minimalOB))
	f.Add([]byte(minimalCLR))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"type": "OpenBadgeCredential", "credentialSubject": [1, {"type": null}]}`))
	f.Add([]byte(`{"type": ["VerifiableCredential", "EndorsementCredential"], "@context": ["https://www.w3.org/2018/credentials/v1"],
	  "credentialSchema": {"id": "` + fuzzSchema + `", "type": "1EdTechJsonSchemaValidator2019"}, "issuer": {"parentOrg": {"parentOrg": {}}}}`))
	static := &fetch.Static{Docs: map[string][]byte{
		fuzzSchema:                       []byte(`{"$ref": "part.json", "properties": {"name": {"type": "string"}}}`),
		"https://fuzz.example/part.json": []byte(`{"required": ["id"], "properties": {"credentialSubject": {"$ref": "#"}}}`),
	}}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := credential.Decode(b)
		if err != nil {
			return
		}
		checkShape(t, Check(t.Context(), doc, static))
	})
}

// FuzzNamedSchema serves arbitrary bytes as the schema a credential names.
func FuzzNamedSchema(f *testing.F) {
	f.Add([]byte(`{"required": ["name"]}`))
	f.Add([]byte(`{"$schema": "https://json-schema.org/draft/2019-09/schema", "$ref": "#/$defs/a", "$defs": {"a": {"$ref": "#/$defs/a"}}}`))
	f.Add([]byte(`{"$ref": "https://fuzz.example/schema.json#/properties/x", "properties": {"x": {"pattern": "(a+)+$"}}}`))
	f.Add([]byte(`{"$schema": "https://fuzz.example/schema.json"}`))
	f.Add([]byte(`{"allOf": [{"$ref": "other.json"}], "$id": "https://elsewhere.example/"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		static := &fetch.Static{Docs: map[string][]byte{fuzzSchema: b}}
		doc := decodeDoc(t, minimalOB)
		for _, typ := range []string{"1EdTechJsonSchemaValidator2019", "JsonSchema"} {
			checkShape(t, Check(t.Context(), naming(doc, entry(fuzzSchema, typ)), static))
		}
	})
}

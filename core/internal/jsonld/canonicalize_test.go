package jsonld

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
	"github.com/piprate/json-gold/ld"
)

func vector(t testing.TB, elem ...string) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(vectors.Read(t, append([]string{"1edtech"}, elem...)...), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// The specification's test vectors print the canonical N-Quads of the
// unsigned credential; ours must be byte for byte the same.
func TestSpecVectorsDocumentCanon(t *testing.T) {
	for _, dir := range []string{"obv3p0", "clrv2p0"} {
		doc := vector(t, "spec-test-vectors", dir, "credential-unsigned.json")
		got, err := Canonicalize(doc)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want := vectors.Read(t, "1edtech", "spec-test-vectors", dir, "document-canon.txt")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: canonical form differs\ngot:\n%s\nwant:\n%s", dir, got, want)
		}
	}
}

// proof-canon.txt is the canonical form of the proof options: the signed
// credential's proof without proofValue, under the credential's @context
// (VC Data Integrity §4.2, eddsa-rdfc-2022 "Proof Configuration").
func TestSpecVectorsProofCanon(t *testing.T) {
	for _, dir := range []string{"obv3p0", "clrv2p0"} {
		signed := vector(t, "spec-test-vectors", dir, "credential-signed.json")
		proof := signed["proof"]
		if list, ok := proof.([]any); ok { // the CLR vector has a one-proof set
			proof = list[0]
		}
		options := map[string]any{"@context": signed["@context"]}
		for k, v := range proof.(map[string]any) {
			if k != "proofValue" {
				options[k] = v
			}
		}
		got, err := Canonicalize(options)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		want := vectors.Read(t, "1edtech", "spec-test-vectors", dir, "proof-canon.txt")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: proof options differ\ngot:\n%s\nwant:\n%s", dir, got, want)
		}
	}
}

func TestCanonicalizeDoesNotModifyTheDocument(t *testing.T) {
	doc := vector(t, "spec-test-vectors", "clrv2p0", "credential-signed.json")
	before := ld.CloneDocument(doc)
	if _, err := Canonicalize(doc); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(any(doc), before) {
		t.Error("Canonicalize modified its input")
	}
}

const exampleContext = `{"p": "https://example.com/p", "q": "https://example.com/q"}`

func canon(t *testing.T, src string) ([]byte, error) {
	t.Helper()
	var doc any
	if err := json.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	return Canonicalize(doc)
}

// RDFC-1.0 Appendix A: \b \t \n \f \r \" \\ as ECHAR, the rest of
// U+0000-U+001F and U+007F as \u00XX with uppercase hex, everything else
// (U+0080 and above included) as itself. Expected lines written by hand.
func TestEscapingFollowsRDFC10AppendixA(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{`a\u0000b`, `a\u0000b`},
		{`\u0007\b\t\n\u000b\f\r\u000e\u001f`, `\u0007\b\t\n\u000B\f\r\u000E\u001F`},
		{`\"quoted\" back\\slash`, `\"quoted\" back\\slash`},
		{`del\u007f`, `del\u007F`},
		{`\u0080é€😀`, "\u0080é€😀"},
		{`\u2028\u2029`, "\u2028\u2029"},
		{`plain`, `plain`},
	} {
		got, err := canon(t, `{"@context": `+exampleContext+`, "@id": "https://example.com/s", "p": "`+c.value+`"}`)
		if err != nil {
			t.Fatal(err)
		}
		want := `<https://example.com/s> <https://example.com/p> "` + c.want + "\" .\n"
		if string(got) != want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.value, got, want)
		}
	}
}

// A control character in a blank node's literal also enters the blank node
// hash (Hash First Degree Quads serializes quads in canonical form), so the
// labels must come from the escaped form too. Two sibling blank nodes told
// apart only by such literals: the order of c14n0 and c14n1 follows the
// SHA-256 of their escaped first-degree quads.
func TestControlCharactersInBlankNodeHashes(t *testing.T) {
	got, err := canon(t, `{"@context": `+exampleContext+`, "@id": "https://example.com/s",
		"p": [{"q": "x\u0001"}, {"q": "x\u0002"}]}`)
	if err != nil {
		t.Fatal(err)
	}
	// Each blank node's first-degree quads, sorted, as Hash First Degree
	// Quads writes them (RDFC-1.0 §4.6.3), hashed here independently.
	h1 := hexSHA("<https://example.com/s> <https://example.com/p> _:a .\n" + `_:a <https://example.com/q> "x\u0001" .` + "\n")
	h2 := hexSHA("<https://example.com/s> <https://example.com/p> _:a .\n" + `_:a <https://example.com/q> "x\u0002" .` + "\n")
	first, second := `"x\u0001"`, `"x\u0002"`
	if h2 < h1 {
		first, second = second, first
	}
	want := strings.Join([]string{
		`<https://example.com/s> <https://example.com/p> _:c14n0 .`,
		`<https://example.com/s> <https://example.com/p> _:c14n1 .`,
		`_:c14n0 <https://example.com/q> ` + first + ` .`,
		`_:c14n1 <https://example.com/q> ` + second + ` .`,
	}, "\n") + "\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func hexSHA(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestLiteralForms(t *testing.T) {
	got, err := canon(t, `{"@context": {"p": "https://example.com/p", "d": {"@id": "https://example.com/d", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
		"j": {"@id": "https://example.com/j", "@type": "@json"}},
		"@id": "https://example.com/s", "p": [{"@value": "hi", "@language": "en-GB"}, true, 7.5, 3, {"@value": "s", "@type": "http://www.w3.org/2001/XMLSchema#string"}],
		"d": "2024-01-01T00:00:00Z", "j": {"b": [1, "x"], "a": null}}`)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`<https://example.com/s> <https://example.com/d> "2024-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .`,
		`<https://example.com/s> <https://example.com/j> "{\"a\":null,\"b\":[1,\"x\"]}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .`,
		`<https://example.com/s> <https://example.com/p> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
		`<https://example.com/s> <https://example.com/p> "7.5E0"^^<http://www.w3.org/2001/XMLSchema#double> .`,
		// json-gold lowercases language tags, as JSON-LD 1.1 lets processors do.
		`<https://example.com/s> <https://example.com/p> "hi"@en-gb .`,
		`<https://example.com/s> <https://example.com/p> "s" .`,
		`<https://example.com/s> <https://example.com/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .`,
	}, "\n") + "\n"
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestUndefinedPropertyIsRefusedByName(t *testing.T) {
	for _, c := range []struct {
		name, term string
		edit       func(doc map[string]any)
	}{
		{"top level", "foo", func(d map[string]any) { d["foo"] = "bar" }},
		{"in the subject", "favouriteColour", func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["favouriteColour"] = "blue"
		}},
		{"deep, with an object value", "extraDetail", func(d map[string]any) {
			a := d["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
			a["criteria"].(map[string]any)["extraDetail"] = map[string]any{"note": "x"}
		}},
		{"null value", "nothing", func(d map[string]any) { d["nothing"] = nil }},
		{"unknown keyword", "@foo", func(d map[string]any) { d["credentialSubject"].(map[string]any)["@foo"] = "x" }},
	} {
		doc := vector(t, "spec-test-vectors", "obv3p0", "credential-unsigned.json")
		c.edit(doc)
		_, err := Canonicalize(doc)
		var undefined *UndefinedTermError
		if !errors.As(err, &undefined) {
			t.Errorf("%s: got %v, want an UndefinedTermError", c.name, err)
			continue
		}
		if undefined.Term != c.term || !strings.Contains(err.Error(), `"`+c.term+`"`) ||
			!strings.Contains(err.Error(), "not be covered by the signature") {
			t.Errorf("%s: got term %q, message %q", c.name, undefined.Term, err)
		}
	}
}

// json-gold's Normalize alone would drop the undefined property and succeed:
// the canonical form of the edited credential would equal the original's,
// so a signature would still verify. This is the gap the error closes.
func TestJSONGoldNormalizeDropsUndefinedProperties(t *testing.T) {
	doc := vector(t, "spec-test-vectors", "obv3p0", "credential-unsigned.json")
	edited := ld.CloneDocument(doc).(map[string]any)
	edited["credentialSubject"].(map[string]any)["favouriteColour"] = "blue"
	if jsonGoldNormalize(t, edited) != jsonGoldNormalize(t, doc) {
		t.Skip("json-gold's Normalize now honours safe mode")
	}
	if _, err := Canonicalize(edited); err == nil {
		t.Error("Canonicalize accepted what json-gold drops")
	}
}

func TestRelativeIRIsAreRefused(t *testing.T) {
	for _, c := range []struct {
		name, value string
		edit        func(doc map[string]any)
	}{
		// OB examples use this schema type; VC v2 has no @vocab for it.
		{"undefined type", "1EdTechJsonSchemaValidator2019", func(d map[string]any) {
			d["credentialSchema"] = []any{map[string]any{
				"id":   "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
				"type": "1EdTechJsonSchemaValidator2019"}}
		}},
		{"relative id", "learners/42", func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["id"] = "learners/42"
		}},
		{"relative IRI value", "images/badge.png", func(d map[string]any) {
			a := d["credentialSubject"].(map[string]any)["achievement"].(map[string]any)
			a["image"] = map[string]any{"id": "images/badge.png", "type": "Image"}
		}},
	} {
		doc := vector(t, "spec-test-vectors", "obv3p0", "credential-unsigned.json")
		c.edit(doc)
		_, err := Canonicalize(doc)
		var rel *RelativeIRIError
		if !errors.As(err, &rel) || rel.Value != c.value || !strings.Contains(err.Error(), `"`+c.value+`"`) {
			t.Errorf("%s: got %v, want a RelativeIRIError for %q", c.name, err, c.value)
		}
	}
}

func TestIRIsJSONGoldWouldDropAreRefused(t *testing.T) {
	for _, c := range []struct {
		name string
		src  string
		want any
	}{
		{"http IRI failing json-gold's URL check", `{"@context": {"p": {"@id": "https://example.com/p", "@type": "@id"}}, "@id": "https://example.com/s", "p": "https://exa_mple..com/x"}`,
			&InvalidIRIError{Value: "https://exa_mple..com/x"}},
		{"unparsable IRI", `{"@context": {"p": {"@id": "https://example.com/p", "@type": "@id"}}, "@id": "https://example.com/s", "p": "https://example.com/%zz"}`,
			&InvalidIRIError{Value: "https://example.com/%zz"}},
		{"blank node property", `{"@context": {"p": "_:p"}, "@id": "https://example.com/s", "p": "x"}`,
			&InvalidIRIError{Value: "_:p"}},
		{"character N-Quads forbids", `{"@context": {"p": {"@id": "https://example.com/p", "@type": "@id"}}, "@id": "https://example.com/s", "p": "urn:x:a{b}"}`,
			&InvalidIRIError{Value: "urn:x:a{b}"}},
		{"bad language tag", `{"@context": {"p": "https://example.com/p"}, "@id": "https://example.com/s", "p": {"@value": "x", "@language": "en_GB"}}`,
			&InvalidLanguageError{Tag: "en_gb"}}, // lowercased by expansion
	} {
		_, err := canon(t, c.src)
		target := reflect.New(reflect.TypeOf(c.want)).Interface()
		if !errors.As(err, target) || !reflect.DeepEqual(reflect.ValueOf(target).Elem().Interface(), c.want) {
			t.Errorf("%s: got %v, want %v", c.name, err, c.want)
		}
	}
}

func TestUnknownContextNamesTheURL(t *testing.T) {
	doc := vector(t, "spec-test-vectors", "obv3p0", "credential-unsigned.json")
	doc["@context"] = append(doc["@context"].([]any), "https://example.com/my-context.json")
	_, err := Canonicalize(doc)
	var unknown *UnknownContextError
	if !errors.As(err, &unknown) || unknown.URL != "https://example.com/my-context.json" {
		t.Fatalf("got %v, want an UnknownContextError", err)
	}
	if !strings.Contains(err.Error(), "https://example.com/my-context.json") || !strings.Contains(err.Error(), "never fetched") {
		t.Errorf("message %q", err)
	}
}

func TestLimits(t *testing.T) {
	deep := any("x")
	for range MaxDepth + 1 {
		deep = []any{deep}
	}
	big := strings.Repeat("a", MaxDocumentBytes)
	for _, c := range []struct {
		name string
		doc  any
	}{
		{"too deep", map[string]any{"@context": map[string]any{"p": "https://example.com/p"}, "p": deep}},
		{"too big", map[string]any{"@context": map[string]any{"p": "https://example.com/p"}, "p": big}},
	} {
		_, err := Canonicalize(c.doc)
		var limit *LimitError
		if !errors.As(err, &limit) {
			t.Errorf("%s: got %v, want a LimitError", c.name, err)
		}
	}
	if _, err := Canonicalize(map[string]any{"p": 3}); err == nil {
		t.Error("an int (not produced by encoding/json) was accepted")
	}
	ok := any("x")
	for range MaxDepth - 1 {
		ok = []any{ok}
	}
	if _, err := Canonicalize(map[string]any{"@context": map[string]any{"p": "https://example.com/p"}, "@id": "https://example.com/s", "p": ok}); err != nil {
		t.Errorf("a document at the depth limit was refused: %v", err)
	}
}

// Blank nodes no first-degree hash tells apart go through Hash N-Degree
// Quads. Without control characters json-gold's URDNA2015 must agree with
// this implementation exactly; these inputs exercise that path.
var blankNodeDocs = map[string]string{
	"identical siblings": `{"@context": {"@vocab": "https://example.com/v#"}, "@id": "https://example.com/s",
		"p": [{"name": "a"}, {"name": "a"}, {"name": "b"}]}`,
	"identical siblings under a blank node": `{"@context": {"@vocab": "https://example.com/v#"},
		"p": [{"name": "a", "q": {"x": "1"}}, {"name": "a", "q": {"x": "1"}}]}`,
	"cycle of three": `{"@context": {"@vocab": "https://example.com/v#", "next": {"@type": "@id"}}, "@graph": [
		{"@id": "_:a", "next": "_:b"}, {"@id": "_:b", "next": "_:c"}, {"@id": "_:c", "next": "_:a"}]}`,
	"double circle (RDFC-1.0 §A.3)": `{"@context": {"@vocab": "https://example.com/v#", "next": {"@type": "@id"}, "prev": {"@type": "@id"}}, "@graph": [
		{"@id": "_:e0", "next": "_:e1", "prev": "_:e1"}, {"@id": "_:e1", "next": "_:e0", "prev": "_:e0"}]}`,
	"two cycles and a longer one": `{"@context": {"@vocab": "https://example.com/v#", "next": {"@type": "@id"}}, "@graph": [
		{"@id": "_:a", "next": "_:b"}, {"@id": "_:b", "next": "_:c"}, {"@id": "_:c", "next": "_:a"},
		{"@id": "_:d", "next": "_:e"}, {"@id": "_:e", "next": "_:f"}, {"@id": "_:f", "next": "_:d"},
		{"@id": "_:g", "next": "_:h"}, {"@id": "_:h", "next": "_:i"}, {"@id": "_:i", "next": "_:j"},
		{"@id": "_:j", "next": "_:k"}, {"@id": "_:k", "next": "_:l"}, {"@id": "_:l", "next": "_:g"}]}`,
	"blank node named graph": `{"@context": {"@vocab": "https://example.com/v#", "p1": {"@type": "@id"}}, "@graph": [
		{"@id": "_:e0", "p1": "_:e1"}, {"@id": "_:e1", "p2": "Foo", "p3": {"@id": "_:g0"}},
		{"@id": "_:g0", "@graph": [{"@id": "_:e0", "p1": "_:e1"}, {"@id": "_:e1", "p2": "Bar"}]}]}`,
}

func TestBlankNodeLabelsAgreeWithJSONGold(t *testing.T) {
	docs := map[string]any{}
	for name, src := range blankNodeDocs {
		var doc any
		if err := json.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(name, err)
		}
		docs[name] = doc
	}
	docs["CLR with nested credentials"] = vector(t, "validator", "clr20", "complex.json")
	docs["OB complete"] = vector(t, "validator", "ob30", "complete.json")
	for name, doc := range docs {
		got, err := Canonicalize(doc)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if want := jsonGoldNormalize(t, doc); string(got) != want {
			t.Errorf("%s:\nours:\n%s\njson-gold:\n%s", name, got, want)
		}
	}
}

func jsonGoldNormalize(t *testing.T, doc any) string {
	t.Helper()
	out, err := ld.NewJsonLdProcessor().Normalize(doc, &ld.JsonLdOptions{
		ProcessingMode: ld.JsonLd_1_1, DocumentLoader: Loader{},
		Algorithm: ld.AlgorithmURDNA2015, Format: "application/n-quads"})
	if err != nil {
		t.Fatal(err)
	}
	return out.(string)
}

// A clique of blank nodes (RDFC-1.0 §7, dataset poisoning) must be refused
// rather than canonicalized in factorial time. The refusal comes from the
// work caps (maxNDegreeWork, maxNDegreeCopies), so it is bounded by count,
// not by a clock: a timed assertion failed on a loaded machine under -race.
func TestPoisonedDatasetIsRefusedByTheWorkCaps(t *testing.T) {
	const n = 12
	graph := make([]any, n)
	for i := range n {
		var links []any
		for j := range n {
			if j != i {
				links = append(links, "_:n"+string(rune('a'+j)))
			}
		}
		graph[i] = map[string]any{"@id": "_:n" + string(rune('a'+i)), "link": links}
	}
	doc := map[string]any{
		"@context": map[string]any{"link": map[string]any{"@id": "https://example.com/link", "@type": "@id"}},
		"@graph":   graph,
	}
	_, err := Canonicalize(doc)
	var limit *LimitError
	if !errors.As(err, &limit) || !strings.Contains(limit.Reason, "dataset poisoning") {
		t.Fatalf("got %v, want the dataset-poisoning LimitError", err)
	}
}

func TestPermuterVisitsEveryOrderOnce(t *testing.T) {
	p := newPermuter([]string{"c", "a", "b", "d"})
	seen := map[string]bool{}
	for perm, ok := p.first(); ok; perm, ok = p.next() {
		k := strings.Join(perm, "")
		if seen[k] {
			t.Fatalf("%s twice", k)
		}
		seen[k] = true
	}
	if len(seen) != 24 {
		t.Errorf("%d permutations, want 24", len(seen))
	}
}

func FuzzCanonicalize(f *testing.F) {
	for _, src := range blankNodeDocs {
		f.Add([]byte(src))
	}
	f.Add([]byte(`{"@context": ` + exampleContext + `, "@id": "https://example.com/s", "p": "a\u0000\b\u007f", "foo": 1}`))
	f.Add([]byte(`{"@context": {"@import": "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", "x": "https://example.com/x"}, "x": [1, {"@list": [true]}]}`))
	f.Add([]byte(`{"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.com/c"]}`))
	f.Add([]byte(sampleCredential))
	for _, name := range []string{"vp2-two.json", "vp1.json", "vp2-bare-reference.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"@context": {"p": "https://example.com/p"}, "": 1, "p": "x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return // larger inputs only slow the fuzzer down; the caps are tested above
		}
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			return
		}
		out, err := Canonicalize(doc)
		if err != nil {
			return
		}
		if len(out) > 0 && (!bytes.HasSuffix(out, []byte(" .\n"))) {
			t.Fatalf("malformed output %q", out)
		}
		again, err := Canonicalize(doc)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("not deterministic: %v", err)
		}
	})
}

// sampleCredential is a small OB 3.0 credential for the fuzzer to start
// from without the shared vectors.
const sampleCredential = `{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "name": "Sample",
  "issuer": {"id": "https://example.edu/issuers/565049", "type": ["Profile"], "name": "Example University"},
  "validFrom": "2024-01-01T00:00:00Z",
  "credentialSubject": {
    "type": ["AchievementSubject"],
    "identifier": [{"type": "IdentityObject", "identityHash": "student@example.edu", "identityType": "emailAddress", "hashed": false}],
    "achievement": {
      "id": "https://example.com/achievements/21st-century-skills/teamwork",
      "type": ["Achievement"],
      "name": "Teamwork",
      "criteria": {"narrative": "Team members are nominated for this badge by their peers."},
      "alignment": [{"type": ["Alignment"], "targetName": "Teamwork", "targetUrl": "https://example.com/teamwork", "targetType": "CFItem"}]
    }
  },
  "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2024-01-01T00:00:00Z",
    "verificationMethod": "https://example.edu/issuers/565049#key-1", "proofPurpose": "assertionMethod", "proofValue": "z58"}
}`

func TestSampleCredentialCanonicalizes(t *testing.T) {
	// Keeps the fuzz seed meaningful: it must pass every check.
	if _, err := canon(t, sampleCredential); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkCanonicalize(b *testing.B) {
	for _, c := range []struct {
		name string
		elem []string
	}{
		{"OB3-spec-vector", []string{"spec-test-vectors", "obv3p0", "credential-unsigned.json"}},
		{"OB3-complete", []string{"validator", "ob30", "complete.json"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			doc := vector(b, c.elem...)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Canonicalize(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestConcurrentCanonicalize(t *testing.T) {
	doc := vector(t, "spec-test-vectors", "clrv2p0", "credential-unsigned.json")
	want, err := Canonicalize(doc)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := Canonicalize(doc)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("different output under concurrency")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// CanonicalLines sorts after relabelling (ecdsa-sd-2023 needs the order of
// the HMAC labels, not of c14nN), and passes relabel's error through.
func TestCanonicalLinesSortsAfterRelabel(t *testing.T) {
	doc := map[string]any{
		"@context": map[string]any{"@vocab": "https://example.org/#"},
		"item": []any{
			map[string]any{"name": "a"}, map[string]any{"name": "b"}, map[string]any{"name": "c"},
		},
	}
	plain, err := CanonicalLines(doc, func(l string) (string, error) { return l, nil })
	if err != nil {
		t.Fatal(err)
	}
	// Reverse the labels' order: c14n0 -> z0, c14n3 -> a3 (the root node
	// is a blank node too).
	relabelled, err := CanonicalLines(doc, func(l string) (string, error) {
		n := strings.TrimPrefix(l, "c14n")
		return string(rune('z'-n[0]+'0')) + n, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(plain) != len(relabelled) || len(plain) < 6 {
		t.Fatalf("%d and %d lines", len(plain), len(relabelled))
	}
	if !sort.StringsAreSorted(relabelled) {
		t.Fatalf("not sorted after relabelling:\n%s", strings.Join(relabelled, ""))
	}
	if strings.Join(plain, "") == strings.Join(relabelled, "") || strings.Contains(strings.Join(relabelled, ""), "c14n") {
		t.Fatal("the labels were not replaced")
	}
	boom := errors.New("no label")
	if _, err := CanonicalLines(doc, func(string) (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
}

// checkIRIRef looks at bytes; it refuses exactly what the rune-by-rune
// reading of N-Quads' IRIREF it replaced refused, invalid UTF-8 included.
func TestCheckIRIRefBytes(t *testing.T) {
	byRunes := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) })
	}
	var inputs []string
	for c := 0; c < 256; c++ {
		inputs = append(inputs, "https://example.com/"+string([]byte{byte(c)})+"x")
	}
	for r := rune(0); r < 0x3000; r++ {
		inputs = append(inputs, "urn:x:"+string(r))
	}
	for _, s := range inputs {
		if refused := checkIRIRef(s) != nil; refused != byRunes(s) {
			t.Errorf("%q: refused %v, by runes %v", s, refused, byRunes(s))
		}
	}
}

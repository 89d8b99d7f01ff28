package credential

import (
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/report"
)

func TestDecodeLimits(t *testing.T) {
	cases := map[string]string{
		"not json":      `{"a":`,
		"array":         `[1,2]`,
		"two values":    `{} {}`,
		"too deep":      strings.Repeat(`{"a":`, MaxDepth+1) + "1" + strings.Repeat("}", MaxDepth+1),
		"string":        `"x"`,
		"deep in array": `{"a":` + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + "}",
	}
	for name, in := range cases {
		if _, err := Decode([]byte(in)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// Brackets inside strings do not count towards depth.
	if _, err := Decode([]byte(`{"a":"` + strings.Repeat("[{", 200) + `"}`)); err != nil {
		t.Errorf("brackets in a string: %v", err)
	}
	big := make([]byte, MaxBytes+1)
	if _, err := Decode(big); err == nil || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("oversize input: %v", err)
	}
}

func TestSummarize(t *testing.T) {
	doc, err := Decode([]byte(`{
	  "@context": ["https://www.w3.org/ns/credentials/v2"],
	  "type": "OpenBadgeCredential",
	  "issuer": {"id": "did:example:i", "name": {"en": "Issuer"}},
	  "validFrom": "2024-01-01T00:00:00Z",
	  "credentialSubject": {"identifier": [{"identityType": "emailAddress", "hashed": true, "identityHash": "sha256$00"}],
	    "achievement": {"name": "Go", "criteria": {"narrative": "Write Go"}, "image": {"id": "data:image/png;base64,AA=="}}}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(doc)
	if s.Name != "Go" || s.Issuer.Name != "Issuer" || s.Subject != "hashed emailAddress" || s.Achievement.Criteria != "Write Go" ||
		s.Image != "data:image/png;base64,AA==" || s.ValidFrom != "2024-01-01T00:00:00Z" {
		t.Errorf("summary %+v", s)
	}
	if Kind(doc) != report.KindOpenBadge || Version(doc) != 2 {
		t.Errorf("kind %s version %d", Kind(doc), Version(doc))
	}
}

func TestReadDates(t *testing.T) {
	doc := map[string]any{"issuanceDate": "2020-01-01T00:00:00Z", "expirationDate": "2020-02-01"}
	d, err := ReadDates(doc)
	if err == nil {
		t.Fatal("a date without a time and zone was accepted")
	}
	if d.FromName != "issuanceDate" || d.From.Year() != 2020 {
		t.Errorf("dates %+v", d)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}`))
	f.Add([]byte(`{"a":[[[[{"b":"\"]]"}]]]]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Decode(b)
		if err != nil {
			return
		}
		Summarize(doc)
		ReadDates(doc)
		Kind(doc)
	})
}

package baked

import "testing"

func TestBadgeBakes(t *testing.T) {
	svg := Badge(`Teamwork & <Leadership> "2026" with a very long title that is cut`)
	payload := []byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"]}`)
	out, err := BakeSVG(svg, payload, NamespaceOB3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Extract(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(b.Payload) != string(payload) {
		t.Fatalf("payload %q", b.Payload)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
)

// selfNamed writes a badge signed by its did:key issuer under a name the
// test chooses, and returns its path and the issuer's DID.
func selfNamed(t *testing.T, issuerName string) (string, string) {
	t.Helper()
	k, err := holder.Generate(holder.Ed25519)
	if err != nil {
		t.Fatal(err)
	}
	did := k.DID()
	doc := map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:2f3a7f0e-3c0b-4a51-9d55-8f5d3c2a1b01",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Badge\x1b[2K\rVERIFIED  Doctor of Medicine",
		"issuer":    map[string]any{"id": did, "type": []any{"Profile"}, "name": issuerName},
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{"id": "did:example:learner", "type": []any{"AchievementSubject"},
			"achievement": map[string]any{"id": "https://example.org/a", "type": []any{"Achievement"}, "name": "A",
				"description": "A.", "criteria": map[string]any{"narrative": "A."}}},
	}
	signed, err := k.Prove(doc, holder.ProofOptions{Purpose: "assertionMethod", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "badge.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path, did
}

// Text from a credential cannot redraw the terminal: control characters
// are printed as escapes.
func TestReadableOutputEscapesControls(t *testing.T) {
	path, _ := selfNamed(t, "Harvard\u202e ytisrevinU")
	code, out, _ := cli(t, "", "verify", "--offline", path)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if strings.ContainsAny(out, "\x1b\r\u202e") {
		t.Errorf("raw control characters reached the terminal: %q", out)
	}
	if !strings.Contains(out, `\u001B[2K\u000DVERIFIED`) || !strings.Contains(out, `Harvard\u202E`) {
		t.Errorf("escapes missing: %s", out)
	}
}

// --registry FILE: the identity check passes once a registry lists the
// issuer; without one the name is the credential's own claim.
func TestRegistryFlag(t *testing.T) {
	path, did := selfNamed(t, "Harvard University")
	_, out, _ := cli(t, "", "verify", "--offline", "--json", path)
	if !strings.Contains(out, `"id": "identity"`) || !strings.Contains(out, `"outcome": "skip"`) {
		t.Errorf("no identity skip without registries:\n%s", out)
	}
	reg, _ := json.Marshal(map[string]any{"meta": map[string]any{"name": "Test Registry"},
		"registry": map[string]any{did: map[string]any{"name": "Harvard University", "url": "https://harvard.edu"}}})
	regPath := filepath.Join(t.TempDir(), "registry.json")
	if err := os.WriteFile(regPath, reg, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := cli(t, "", "verify", "--offline", "--registry", regPath, path)
	if code != exitOK || !strings.Contains(out, "✔ identity") || !strings.Contains(out, "Listed as:") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

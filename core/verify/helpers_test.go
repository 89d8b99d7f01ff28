package verify_test

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// What the tests of this package share: credentials signed by fresh issuers
// (forge, issue), the documents that vouch for them, and what to expect of
// their reports. The forgeries of the Trust issue (issuer_test.go,
// identity_test.go, ...) hold that what an attacker can sign correctly never
// reads as verified, and what an honest issuer signs never as a forgery.

// forge signs an OB 3.0 badge with a fresh Ed25519 key, naming the given
// issuer and verification method (vm may contain "{key}", replaced by the
// key's multikey; "" is the key's own did:key method, and an issuer id
// "{did}" becomes that did:key).
func forge(t *testing.T, issuer map[string]any, vm string, edit func(doc map[string]any)) ([]byte, ed25519.PublicKey) {
	t.Helper()
	k := testutil.NewDIDKey(t)
	mk := k.Multikey
	if id, _ := issuer["id"].(string); id == "{did}" {
		issuer["id"] = k.DID
	}
	if vm == "" {
		vm = "did:key:{key}#{key}"
	}
	vm = strings.ReplaceAll(vm, "{key}", mk)
	doc := map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:2f3a7f0e-3c0b-4a51-9d55-8f5d3c2a1b00",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Doctor of Medicine",
		"issuer":    issuer,
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id":   "did:example:mallory",
			"type": []any{"AchievementSubject"},
			"achievement": map[string]any{
				"id": "https://example.org/achievements/md", "type": []any{"Achievement"}, "name": "Doctor of Medicine",
				"description": "Medical degree.", "criteria": map[string]any{"narrative": "Graduate."},
			},
		},
	}
	if edit != nil {
		edit(doc)
	}
	return testutil.Sign(t, doc, k.Private, vm), k.Public
}

func profile(id, name string) map[string]any {
	return map[string]any{"id": id, "type": []any{"Profile"}, "name": name}
}

func verdictOf(t *testing.T, in []byte, opts ...verify.Option) *report.Report {
	t.Helper()
	r := verify.New(append([]verify.Option{verify.WithTime(at)}, opts...)...).Verify(context.Background(), in, "forgery")
	if r.Verified != (r.Verdict == report.Verified) {
		t.Fatalf("verified %v with verdict %s", r.Verified, r.Verdict)
	}
	return r
}

func want(t *testing.T, r *report.Report, v report.Verdict, checks map[report.CheckID]report.Outcome) {
	t.Helper()
	check(t, r, expect{verdict: v, checks: checks})
}

// answering is an online fetcher that answers every URL with fn.
func answering(fn func(u string) ([]byte, error)) verify.Option {
	return verify.WithFetcher(fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) { return fn(u) }))
}

const harvard = "https://www.harvard.edu/issuers/registrar"

func otherKey(t *testing.T) string {
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	mk, err := multikey.Encode(pub)
	if err != nil {
		t.Fatal(err)
	}
	return mk
}

// controllerDoc is an issuer profile listing one Multikey for assertions.
func controllerDoc(id, mk string) []byte {
	b, _ := json.Marshal(map[string]any{
		"@context": []any{"https://www.w3.org/ns/cid/v1"},
		"id":       id,
		"verificationMethod": []any{map[string]any{
			"id": id + "#" + mk, "type": "Multikey", "controller": id, "publicKeyMultibase": mk,
		}},
		"assertionMethod": []any{id + "#" + mk},
	})
	return b
}

func dccRegistry(t *testing.T, entries map[string]string) []byte {
	reg := map[string]any{}
	for id, name := range entries {
		reg[id] = map[string]any{"name": name, "location": "Cambridge, MA, USA", "url": "https://example.edu"}
	}
	b, err := json.Marshal(map[string]any{"meta": map[string]any{"name": "Test Registry", "created": "2026-01-01T00:00:00Z"}, "registry": reg})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustForge(t *testing.T, issuer map[string]any) []byte {
	b, _ := forge(t, issuer, "", nil)
	return b
}

// statusDir holds Digital Bazaar-made status lists and credentials
// (core/internal/status/testdata/peer), checked at their keys.json time.
const statusDir = "../internal/status/testdata/peer/"

var statusAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func statusFile(t *testing.T, name string) []byte {
	b, err := os.ReadFile(statusDir + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustForgeEdit(t *testing.T, edit func(map[string]any)) []byte {
	b, _ := forge(t, profile("{did}", "Example College"), "", edit)
	return b
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// issue signs an OB 3.0 credential with a fresh did:key issuer; edit changes
// the document before signing.
func issue(t *testing.T, edit func(doc map[string]any)) []byte {
	t.Helper()
	k := testutil.NewDIDKey(t)
	did := k.DID
	doc := map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:6a3b9a6e-1f7c-4a8e-9a44-0d5f8c1e2b3a",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Teamwork",
		"issuer":    map[string]any{"id": did, "type": []any{"Profile"}, "name": "Test Issuer"},
		"validFrom": "2024-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"type": []any{"AchievementSubject"},
			"identifier": []any{map[string]any{
				"type": "IdentityObject", "identityType": "emailAddress", "hashed": true, "salt": "Kosher",
				"identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
			}},
			"achievement": map[string]any{
				"id": "https://example.org/achievements/teamwork", "type": []any{"Achievement"}, "name": "Teamwork",
				"description": "Works well with others.", "criteria": map[string]any{"narrative": "Peer nominated."},
			},
		},
	}
	if edit != nil {
		edit(doc)
	}
	return testutil.Sign(t, doc, k.Private, k.Reference)
}

package status

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// verifyAt is the verification time of the peer fixtures (keys.json).
var verifyAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

const listBase = "https://status.example/lists/"

// testVerifier is a ListVerifier that really verifies a JSON-LD list: its
// Data Integrity proof (core/internal/proof) with the key named by the proof's
// verificationMethod (a did:key, or a multikey in the URL fragment as the
// OB 3.0 examples use), the key's controller against the list's issuer, and
// the list's validity dates at `at`. It stands in for core/verify's full
// verifier, which this package must not import.
func testVerifier(at time.Time) ListVerifier {
	return func(_ context.Context, data []byte, _ string) (*report.Report, map[string]any) {
		r := &report.Report{}
		defer r.Finish()
		doc, err := credential.Decode(data)
		if err != nil {
			add(r, report.CheckFormat, report.Fail, "The list is not a JSON credential.", err.Error())
			return r, nil
		}
		r.Kind = credential.Kind(doc)
		proofs, err := proof.Parse(doc)
		if err != nil {
			add(r, report.CheckProof, report.Fail, "The list has no proof.", err.Error())
			return r, doc
		}
		p := proofs[0]
		base, fragment, _ := strings.Cut(p.VerificationMethod, "#")
		mk := strings.TrimPrefix(base, "did:key:")
		if mk == base {
			mk = fragment
		}
		pub, err := multikey.Decode(mk)
		if err != nil {
			add(r, report.CheckProof, report.Fail, "The list's key cannot be read.", err.Error())
			return r, doc
		}
		if p.ProofPurpose != "assertionMethod" {
			add(r, report.CheckProof, report.Fail, "The list's proof is not an assertion.", p.ProofPurpose)
			return r, doc
		}
		if err := proof.Verify(doc, &p, pub); err != nil {
			add(r, report.CheckProof, report.Fail, "The list's signature does not match its content.", err.Error())
			return r, doc
		}
		add(r, report.CheckProof, report.Pass, "Signed with "+p.Name()+".", p.VerificationMethod)
		if issuer := jsonval.ID(doc["issuer"]); base != issuer {
			add(r, report.CheckIssuer, report.Fail, "The list was signed with a key of "+base+", not of its issuer.", issuer)
		} else {
			add(r, report.CheckIssuer, report.Pass, "Signed by its issuer.", issuer)
		}
		d, err := credential.ReadDates(doc)
		switch {
		case err != nil:
			add(r, report.CheckValidity, report.Fail, "The list's dates are not valid.", err.Error())
		case !d.Until.IsZero() && at.After(d.Until):
			add(r, report.CheckValidity, report.Fail, "The list expired on "+d.UntilRaw+".", "")
		case !d.From.IsZero() && at.Before(d.From):
			add(r, report.CheckValidity, report.Fail, "The list is not valid yet.", "")
		default:
			add(r, report.CheckValidity, report.Pass, "The list is within its validity period.", "")
		}
		return r, doc
	}
}

func readVectorDoc(t testing.TB, elem ...string) map[string]any {
	t.Helper()
	return testutil.Decode(t, vectors.Read(t, elem...))
}

// peerDocs maps every peer-made list to its URL, as a user would with
// --with URL=FILE.
func peerDocs(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "peer", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no peer fixtures: %v", err)
	}
	docs := map[string][]byte{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if strings.HasPrefix(name, "bsl-") || strings.HasPrefix(name, "sl2021-") {
			docs[listBase+name] = testutil.ReadFile(t, f)
		}
	}
	return docs
}

func peerCredential(t testing.TB, name string) map[string]any {
	t.Helper()
	return testutil.Decode(t, testutil.ReadFile(t, filepath.Join("testdata", "peer", name+".json")))
}

func peerChecker(t testing.TB) *Checker {
	return &Checker{
		Fetcher:    &fetch.Static{Docs: peerDocs(t)},
		VerifyList: testVerifier(verifyAt),
		Now:        verifyAt,
	}
}

func check(t testing.TB, c *Checker, doc map[string]any) report.Check {
	t.Helper()
	ch := c.Check(context.Background(), doc, jsonval.ID(doc["issuer"]))
	if ch.ID != report.CheckStatus {
		t.Errorf("check id = %q", ch.ID)
	}
	return ch
}

func expect(t *testing.T, ch report.Check, o report.Outcome, contains ...string) {
	t.Helper()
	t.Logf("%s: %s [%s]", ch.Outcome, ch.Message, ch.Detail)
	if ch.Outcome != o {
		t.Errorf("outcome = %s, want %s: %s (%s)", ch.Outcome, o, ch.Message, ch.Detail)
	}
	for _, s := range contains {
		if !strings.Contains(ch.Message, s) {
			t.Errorf("message %q does not contain %q (detail: %s)", ch.Message, s, ch.Detail)
		}
	}
}

func TestPeerLists(t *testing.T) {
	cases := []struct {
		name     string
		outcome  report.Outcome
		contains []string
	}{
		{"credential-revoked", report.Fail, []string{"has revoked"}},
		{"credential-valid", report.Pass, []string{"has not revoked"}},
		{"credential-suspended", report.Fail, []string{"has suspended"}},
		{"credential-message", report.Warn, []string{"“rejected”", "0x2"}},
		{"credential-array", report.Fail, []string{"has not revoked", "has suspended"}},
		// Bitstring Status List §2.2: a list may be issued by a separate
		// status authority; its own proof is what is checked.
		{"credential-other-issuer", report.Pass, []string{"has not revoked", "published by “did:key:z6MksVt4", "its own signature was checked"}},
		{"credential-bad-signature", report.Fail, []string{"revocation list could not be trusted", "signature does not match"}},
		{"credential-expired-list", report.Fail, []string{"revocation list could not be trusted", "expired"}},
		{"credential-sl2021-revoked", report.Fail, []string{"has revoked"}},
	}
	c := peerChecker(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, check(t, c, peerCredential(t, tc.name)), tc.outcome, tc.contains...)
		})
	}
}

// withEntry returns a copy of a peer credential whose credentialStatus is
// changed by f (the credential's proof is not this package's concern).
func withEntry(t testing.TB, name string, f func(e map[string]any)) map[string]any {
	doc := peerCredential(t, name)
	f(doc["credentialStatus"].(map[string]any))
	return doc
}

func TestEntryAgainstList(t *testing.T) {
	c := peerChecker(t)
	t.Run("StatusList2021 not revoked", func(t *testing.T) {
		doc := withEntry(t, "credential-sl2021-revoked", func(e map[string]any) { e["statusListIndex"] = "1235" })
		expect(t, check(t, c, doc), report.Pass, "has not revoked")
	})
	t.Run("index out of range", func(t *testing.T) {
		doc := withEntry(t, "credential-valid", func(e map[string]any) { e["statusListIndex"] = "131072" })
		expect(t, check(t, c, doc), report.Fail, "could not be used", "no entry 131072")
	})
	t.Run("index beyond 64 bits", func(t *testing.T) {
		doc := withEntry(t, "credential-valid", func(e map[string]any) { e["statusListIndex"] = "99999999999999999999999" })
		expect(t, check(t, c, doc), report.Fail, "could not be used", "no entry 99999999999999999999999")
	})
	t.Run("wrong purpose", func(t *testing.T) {
		doc := withEntry(t, "credential-valid", func(e map[string]any) { e["statusPurpose"] = "suspension" })
		expect(t, check(t, c, doc), report.Fail, "suspension list could not be trusted", "a list for “revocation”")
	})
	t.Run("StatusList2021 entry pointing at a Bitstring list", func(t *testing.T) {
		doc := withEntry(t, "credential-valid", func(e map[string]any) { e["type"] = "StatusList2021Entry" })
		expect(t, check(t, c, doc), report.Fail, "not a StatusList2021Credential")
	})
	t.Run("message purpose, value 0", func(t *testing.T) {
		doc := withEntry(t, "credential-message", func(e map[string]any) { e["statusListIndex"] = "4" })
		expect(t, check(t, c, doc), report.Pass, "“pending_review”")
	})
	t.Run("statusSize without statusMessage", func(t *testing.T) {
		doc := withEntry(t, "credential-message", func(e map[string]any) { delete(e, "statusMessage") })
		ch := check(t, c, doc)
		expect(t, ch, report.Fail, "malformed")
		if !strings.Contains(ch.Detail, "statusMessage is missing") {
			t.Errorf("detail %q", ch.Detail)
		}
	})
	t.Run("numeric index", func(t *testing.T) {
		doc := withEntry(t, "credential-revoked", func(e map[string]any) { e["statusListIndex"] = 42.0 })
		expect(t, check(t, c, doc), report.Fail, "has revoked")
	})
	for name, f := range map[string]func(map[string]any){
		"negative index":      func(e map[string]any) { e["statusListIndex"] = "-1" },
		"hex index":           func(e map[string]any) { e["statusListIndex"] = "0x2a" },
		"no index":            func(e map[string]any) { delete(e, "statusListIndex") },
		"no purpose":          func(e map[string]any) { delete(e, "statusPurpose") },
		"relative list URL":   func(e map[string]any) { e["statusListCredential"] = "lists/1" },
		"statusSize 0":        func(e map[string]any) { e["statusSize"] = 0.0 },
		"statusSize 1.5":      func(e map[string]any) { e["statusSize"] = 1.5 },
		"too few messages":    func(e map[string]any) { e["statusSize"] = 1.0 },
		"bad message status":  func(e map[string]any) { e["statusMessage"].([]any)[0].(map[string]any)["status"] = "zero" },
		"message status high": func(e map[string]any) { e["statusMessage"].([]any)[0].(map[string]any)["status"] = "0x4" },
	} {
		t.Run(name, func(t *testing.T) {
			expect(t, check(t, c, withEntry(t, "credential-message", f)), report.Fail, "malformed")
		})
	}
}

func TestNoStatus(t *testing.T) {
	c := &Checker{} // neither network nor verifier is needed
	for _, v := range []any{nil, []any{}} {
		doc := peerCredential(t, "credential-valid")
		doc["credentialStatus"] = v
		expect(t, check(t, c, doc), report.Pass, "This credential does not use a revocation list.")
		delete(doc, "credentialStatus")
		expect(t, check(t, c, doc), report.Pass, "This credential does not use a revocation list.")
	}
}

func TestUnknownType(t *testing.T) {
	c := peerChecker(t)
	doc := peerCredential(t, "credential-valid")
	doc["credentialStatus"] = map[string]any{"id": "https://example.org/rl/1#3", "type": "RevocationList2020Status"}
	expect(t, check(t, c, doc), report.Skip, "“RevocationList2020Status”")
	doc["credentialStatus"] = map[string]any{"id": "https://example.org/rl/1#3"}
	expect(t, check(t, c, doc), report.Skip, "no type")
	doc["credentialStatus"] = "https://example.org/rl/1"
	expect(t, check(t, c, doc), report.Fail, "malformed")
	// An unknown entry beside a known one: not a silent pass either.
	doc["credentialStatus"] = []any{
		peerCredential(t, "credential-valid")["credentialStatus"],
		map[string]any{"type": "ExampleStatus"},
	}
	expect(t, check(t, c, doc), report.Skip, "has not revoked", "“ExampleStatus”")
}

func TestOfflineAndFetchErrors(t *testing.T) {
	doc := peerCredential(t, "credential-valid")
	for name, f := range map[string]fetch.Fetcher{
		"nil":                nil,
		"fetch.Offline":      fetch.Offline,
		"Static without URL": &fetch.Static{Docs: map[string][]byte{}},
	} {
		t.Run(name, func(t *testing.T) {
			c := &Checker{Fetcher: f, VerifyList: testVerifier(verifyAt), Now: verifyAt}
			ch := check(t, c, doc)
			expect(t, ch, report.Skip, offline("Revocation").English)
		})
	}
	t.Run("network error", func(t *testing.T) {
		c := &Checker{
			Fetcher: fetch.Func(func(context.Context, string, ...string) ([]byte, error) {
				return nil, errors.New("connection refused")
			}),
			VerifyList: testVerifier(verifyAt),
		}
		ch := check(t, c, doc)
		expect(t, ch, report.Skip, "Revocation was not checked", "could not be fetched")
		if !strings.Contains(ch.Detail, "connection refused") {
			t.Errorf("detail %q", ch.Detail)
		}
	})
	t.Run("no list verifier", func(t *testing.T) {
		c := &Checker{Fetcher: &fetch.Static{Docs: peerDocs(t)}}
		expect(t, check(t, c, doc), report.Skip, "Revocation was not checked")
	})
	t.Run("not a credential", func(t *testing.T) {
		c := peerChecker(t)
		c.Fetcher = &fetch.Static{Docs: map[string][]byte{listBase + "bsl-revocation": []byte("<html>")}}
		expect(t, check(t, c, doc), report.Fail, "could not be trusted")
	})
	t.Run("list proof not checkable", func(t *testing.T) {
		c := peerChecker(t)
		c.VerifyList = func(context.Context, []byte, string) (*report.Report, map[string]any) {
			r := &report.Report{}
			add(r, report.CheckProof, report.Skip, "The issuer's key could not be fetched (offline).", "did:web")
			r.Finish()
			return r, map[string]any{}
		}
		expect(t, check(t, c, doc), report.Skip, "Revocation was not checked: The issuer's key could not be fetched")
	})
}

// Lists made and signed here, for cases a real issuer would not publish.
func signedList(t testing.TB, key ed25519.PrivateKey, name string, raw []byte, edit func(map[string]any)) (string, []byte) {
	t.Helper()
	mk, err := multikey.Encode(key.Public())
	if err != nil {
		t.Fatal(err)
	}
	did := "did:key:" + mk
	u := listBase + name
	doc := map[string]any{
		"@context":  []any{credential.ContextV2},
		"id":        u,
		"type":      []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    did,
		"validFrom": "2025-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id":            u + "#list",
			"type":          "BitstringStatusList",
			"statusPurpose": "revocation",
			"encodedList":   encode(t, raw, Multibase),
		},
	}
	if edit != nil {
		edit(doc)
	}
	signed, err := proof.Sign(doc, proof.Options{
		Cryptosuite:        "eddsa-rdfc-2022",
		VerificationMethod: did + "#" + mk,
		ProofPurpose:       "assertionMethod",
		Created:            time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
	}, key)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(signed)
	if err != nil {
		t.Fatal(err)
	}
	return did, b
}

func credentialFor(issuer, list string, index int) map[string]any {
	return map[string]any{
		"@context": []any{credential.ContextV2},
		"id":       "https://credentials.example/go-made",
		"type":     []any{"VerifiableCredential"},
		"issuer":   issuer,
		"credentialStatus": map[string]any{
			"type":                 "BitstringStatusListEntry",
			"statusPurpose":        "revocation",
			"statusListIndex":      fmt.Sprint(index),
			"statusListCredential": listBase + list,
		},
	}
}

func TestSignedOddLists(t *testing.T) {
	seed := sha256.Sum256([]byte("ClearBadge core/status Go-made lists"))
	key := ed25519.NewKeyFromSeed(seed[:])
	full := make([]byte, MinListEntries/8)
	full[0] = 0x40 // entry 1
	short := make([]byte, 100)
	short[0] = 0x40

	did, shortList := signedList(t, key, "short", short, nil)
	_, movedList := signedList(t, key, "moved", full, func(d map[string]any) { d["id"] = listBase + "elsewhere" })
	_, jwtLike := signedList(t, key, "bomb", full, func(d map[string]any) {
		// A signed list whose encodedList expands past MaxListBytes.
		d["credentialSubject"].(map[string]any)["encodedList"] = encode(t, make([]byte, MaxListBytes+1), Multibase)
	})
	_, future := signedList(t, key, "future", full, func(d map[string]any) { d["validFrom"] = "2030-01-01T00:00:00Z" })
	c := &Checker{
		Fetcher: &fetch.Static{Docs: map[string][]byte{
			listBase + "short": shortList, listBase + "moved": movedList,
			listBase + "bomb": jwtLike, listBase + "future": future,
		}},
		VerifyList: testVerifier(verifyAt),
		Now:        verifyAt,
	}
	ch := check(t, c, credentialFor(did, "short", 0))
	expect(t, ch, report.Warn, "has not revoked", "only 800 entries", "131072")
	expect(t, check(t, c, credentialFor(did, "short", 1)), report.Fail, "has revoked")
	expect(t, check(t, c, credentialFor(did, "moved", 0)), report.Warn, "has not revoked", "calls itself "+listBase+"elsewhere")
	expect(t, check(t, c, credentialFor(did, "bomb", 0)), report.Fail, "could not be used", "unreadable")
	// The test verifier checks validity at verifyAt too; this Checker's own
	// date check is what speaks when the verifier does not.
	c.VerifyList = testVerifier(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))
	expect(t, check(t, c, credentialFor(did, "future", 0)), report.Fail, "could not be trusted", "not valid before 2030")
}

func TestListVerifiedOnce(t *testing.T) {
	var fetches, verifies atomic.Int32
	static := &fetch.Static{Docs: peerDocs(t)}
	v := testVerifier(verifyAt)
	c := &Checker{
		Fetcher: fetch.Func(func(ctx context.Context, u string, accept ...string) ([]byte, error) {
			fetches.Add(1)
			return static.Fetch(ctx, u, accept...)
		}),
		VerifyList: func(ctx context.Context, b []byte, u string) (*report.Report, map[string]any) {
			verifies.Add(1)
			return v(ctx, b, u)
		},
		Now: verifyAt,
	}
	expect(t, check(t, c, peerCredential(t, "credential-revoked")), report.Fail, "has revoked")
	expect(t, check(t, c, peerCredential(t, "credential-valid")), report.Pass)
	if fetches.Load() != 1 || verifies.Load() != 1 {
		t.Errorf("fetched %d and verified %d times, want once", fetches.Load(), verifies.Load())
	}
}

// A status list whose own credentialStatus points at itself: the verifier
// checks the list's status through the same Checker, which must not loop.
func TestListWithOwnStatus(t *testing.T) {
	seed := sha256.Sum256([]byte("ClearBadge core/status self-referential list"))
	key := ed25519.NewKeyFromSeed(seed[:])
	did, list := signedList(t, key, "self", make([]byte, MinListEntries/8), func(d map[string]any) {
		d["credentialStatus"] = credentialFor("", "self", 5)["credentialStatus"]
	})
	c := &Checker{Fetcher: &fetch.Static{Docs: map[string][]byte{listBase + "self": list}}, Now: verifyAt}
	var nested report.Check
	inner := testVerifier(verifyAt)
	c.VerifyList = func(ctx context.Context, b []byte, u string) (*report.Report, map[string]any) {
		r, doc := inner(ctx, b, u)
		nested = c.Check(ctx, doc, did)
		r.Checks = append(r.Checks, nested)
		r.Finish()
		return r, doc
	}
	expect(t, check(t, c, credentialFor(did, "self", 5)), report.Pass, "has not revoked")
	if nested.Outcome != report.Skip {
		t.Errorf("the list's own status: %+v, want a skip", nested)
	}
}

// The 1EdTech validator's Bitstring Status List vector: a credential whose
// entry (index 23, a JSON number) points at the validator's test list, which
// has entry 23 set. The list is supplied for its URL as a user would.
func Test1EdTechBitstringVector(t *testing.T) {
	doc := readVectorDoc(t, "1edtech", "validator", "ob30", "bit-string-list", "credential-status-revoked.json")
	list := vectors.Read(t, "1edtech", "validator", "ob30", "bit-string-list", "testlist")
	u := doc["credentialStatus"].(map[string]any)["statusListCredential"].(string)
	c := &Checker{
		Fetcher:    &fetch.Static{Docs: map[string][]byte{u: list}},
		VerifyList: testVerifier(verifyAt),
		Now:        verifyAt,
	}
	ch := check(t, c, doc)
	expect(t, ch, report.Fail, "has revoked")
	if !strings.Contains(ch.Detail, "entry 23") {
		t.Errorf("detail %q", ch.Detail)
	}
	// Offline, without the list: a skip that says how to supply it.
	c.Fetcher = fetch.Offline
	c.lists = nil
	expect(t, check(t, c, doc), report.Skip, "offline", "--with URL=FILE")
}

func TestRevocationList(t *testing.T) {
	vector := readVectorDoc(t, "1edtech", "validator", "ob30", "credential-status-revoked.json")
	credID := jsonval.Str(vector, "id")
	listURL := vector["credentialStatus"].(map[string]any)["id"].(string)
	serve := func(body string) *Checker {
		return &Checker{Fetcher: &fetch.Static{Docs: map[string][]byte{listURL: []byte(body)}}}
	}
	list := func(entries string) string {
		return `{"id": "` + listURL + `", "issuer": "did:web:example", "revokedCredential": [` + entries + `]}`
	}
	cases := []struct {
		name     string
		body     string
		outcome  report.Outcome
		contains []string
	}{
		{"listed", list(`{"id": "` + credID + `", "revocationReason": "Issued in error"}`),
			report.Fail, []string{"has been revoked", "“Issued in error”"}},
		{"listed, revoked true", list(`{"id": "` + credID + `", "revoked": true}`), report.Fail, []string{"has been revoked"}},
		{"listed as a string", list(`{"id": "` + credID + `", "revoked": "true"}`), report.Fail, []string{"has been revoked"}},
		{"listed percent-encoded", list(`{"id": " ` + strings.ReplaceAll(credID, "-", "%2D") + ` "}`), report.Fail, []string{"has been revoked"}},
		{"legacy plural name", `{"revokedCredentials": [{"id": "` + credID + `"}]}`, report.Fail, []string{"has been revoked"}},
		{"revoked false", list(`{"id": "` + credID + `", "revoked": false}`), report.Pass, []string{"has not revoked", "unsigned", "dc.1edtech.org"}},
		{"revoked \"false\"", list(`{"id": "` + credID + `", "revoked": "false"}`), report.Pass, []string{"has not revoked"}},
		{"other credentials only", list(`{"id": "https://example.org/other"}, "junk"`), report.Pass, []string{"has not revoked", "unsigned"}},
		{"empty list", list(``), report.Pass, []string{"has not revoked"}},
		{"not a revocation list", `{"error": "not found"}`, report.Skip, []string{"not a revocation list"}},
		{"not JSON", `<html>`, report.Skip, []string{"could not be read"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			expect(t, check(t, serve(tc.body), vector), tc.outcome, tc.contains...)
		})
	}
	t.Run("offline", func(t *testing.T) {
		expect(t, check(t, &Checker{Fetcher: fetch.Offline}, vector), report.Skip, offline("Revocation").English)
	})
	t.Run("credential without id", func(t *testing.T) {
		doc := readVectorDoc(t, "1edtech", "validator", "ob30", "credential-status-revoked.json")
		delete(doc, "id")
		expect(t, check(t, serve(list(``)), doc), report.Skip, "no id")
	})
	t.Run("entry without id", func(t *testing.T) {
		doc := readVectorDoc(t, "1edtech", "validator", "ob30", "credential-status-revoked.json")
		delete(doc["credentialStatus"].(map[string]any), "id")
		expect(t, check(t, serve(list(``)), doc), report.Fail, "malformed")
	})
	t.Run("beside a bitstring entry", func(t *testing.T) {
		doc := peerCredential(t, "credential-valid")
		doc["credentialStatus"] = []any{
			doc["credentialStatus"],
			map[string]any{"id": listURL, "type": revocationListType},
		}
		c := peerChecker(t)
		c.Fetcher = &fetch.Static{Docs: map[string][]byte{listURL: []byte(list(`{"id": "` + jsonval.Str(doc, "id") + `"}`))}, Next: c.Fetcher}
		ch := check(t, c, doc)
		expect(t, ch, report.Fail, "has not revoked", "has been revoked")
		if !strings.Contains(ch.Detail, "entry 1:") || !strings.Contains(ch.Detail, "entry 2:") {
			t.Errorf("detail %q", ch.Detail)
		}
	})
}

// add appends a check to a test list's report; test messages need no code.
func add(r *report.Report, id report.CheckID, o report.Outcome, msg, detail string) {
	r.Checks = append(r.Checks, report.Check{ID: id, Outcome: o, Message: msg, Detail: detail})
}

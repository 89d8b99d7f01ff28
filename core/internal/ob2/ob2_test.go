package ob2

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
)

const (
	issuerURL = "https://issuer.example/profile"
	keyURL    = "https://issuer.example/key"
	badgeURL  = "https://issuer.example/badge"
	listURL   = "https://issuer.example/revoked"
	hostedURL = "https://issuer.example/assertions/1"
	signedID  = "urn:uuid:6d6ad5a4-5c1e-4a3e-9d3a-2f1c0b1e7a01"
)

var now = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// rsaKey is generated once: 2048-bit generation is slow.
var rsaKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

var otherKey = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

func pemOf(t testing.TB, k *rsa.PublicKey) string {
	der, err := x509.MarshalPKIXPublicKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der}))
}

func js(t testing.TB, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// world is an issuer's published documents.
type world map[string]any

func newWorld(t testing.TB) world {
	return world{
		issuerURL: map[string]any{"@context": ContextURL, "type": "Issuer", "id": issuerURL, "name": "Example College",
			"url": "https://issuer.example", "email": "badges@issuer.example", "publicKey": keyURL, "revocationList": listURL},
		keyURL: map[string]any{"@context": ContextURL, "type": "CryptographicKey", "id": keyURL, "owner": issuerURL,
			"publicKeyPem": pemOf(t, &rsaKey().PublicKey)},
		badgeURL: map[string]any{"@context": ContextURL, "type": "BadgeClass", "id": badgeURL, "name": "Robot Wrangler",
			"description": "Wrangled robots.", "image": "https://issuer.example/badge.png",
			"criteria": map[string]any{"narrative": "Wrangle three robots."}, "issuer": issuerURL},
		listURL: map[string]any{"@context": ContextURL, "type": "RevocationList", "id": listURL,
			"revokedAssertions": []any{map[string]any{"id": "urn:uuid:revoked", "revocationReason": "Awarded in error"}}},
	}
}

func assertion(id, verification string) map[string]any {
	return map[string]any{
		"@context": ContextURL, "type": "Assertion", "id": id,
		"recipient": map[string]any{"type": "email", "hashed": true, "salt": "pepper",
			"identity": "sha256$" + sha256hex("learner@example.org"+"pepper")},
		"badge": badgeURL, "issuedOn": "2025-06-01T10:00:00Z",
		"verification": map[string]any{"type": verification},
	}
}

func sha256hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return fmtHex(sum[:])
}

func fmtHex(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// signRS256 makes a compact JWS with Go's crypto, independently of
// core/internal/jose (which only verifies RS256).
func signRS256(t testing.TB, header map[string]any, payload []byte, k *rsa.PrivateKey) string {
	enc := base64.RawURLEncoding
	in := enc.EncodeToString(js(t, header)) + "." + enc.EncodeToString(payload)
	sum := sha256.Sum256([]byte(in))
	sig, err := rsa.SignPKCS1v15(rand.Reader, k, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return in + "." + enc.EncodeToString(sig)
}

func (w world) verifier(t testing.TB, online bool) *Verifier {
	docs := map[string][]byte{}
	for u, d := range w {
		if b, ok := d.([]byte); ok {
			docs[u] = b
		} else {
			docs[u] = js(t, d)
		}
	}
	var next fetch.Fetcher
	if online {
		next = fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) {
			return nil, &httpError{u}
		})
	}
	return &Verifier{Fetch: &fetch.Static{Docs: docs, Next: next}, Now: now}
}

type httpError struct{ url string }

func (e *httpError) Error() string { return e.url + ": HTTP 404 Not Found" }

// want checks the verdict and the checks expected to fail (comma
// separated; "" none).
func want(t *testing.T, r *report.Report, verified bool, failed report.CheckID) {
	t.Helper()
	if r.Verified != verified {
		t.Errorf("verified = %v, want %v", r.Verified, verified)
	}
	fails := map[report.CheckID]bool{}
	for _, id := range strings.Split(string(failed), ",") {
		if id != "" {
			fails[report.CheckID(id)] = true
			if c := r.Check(report.CheckID(id)); c == nil || c.Outcome != report.Fail {
				t.Errorf("check %s did not fail", id)
			}
		}
	}
	for _, c := range r.Checks {
		if c.Outcome == report.Fail && !fails[c.ID] {
			t.Errorf("check %s failed: %s (%s)", c.ID, c.Message, c.Detail)
		}
	}
	if t.Failed() {
		for _, c := range r.Checks {
			t.Logf("  %s %s: %s (%s)", c.Outcome, c.ID, c.Message, c.Detail)
		}
	}
}

func TestSigned(t *testing.T) {
	hdr := map[string]any{"alg": "RS256", "typ": "JWT"}
	for _, c := range []struct {
		name     string
		change   func(w world, a map[string]any)
		key      func() *rsa.PrivateKey
		token    func(t *testing.T, good string) string
		verified bool
		failed   report.CheckID
	}{
		{name: "valid", verified: true},
		{name: "creator names the listed key", change: func(_ world, a map[string]any) {
			a["verification"] = map[string]any{"type": "SignedBadge", "creator": keyURL}
		}, verified: true},
		{name: "tampered payload", token: func(t *testing.T, good string) string {
			p := strings.Split(good, ".")
			a := assertion(signedID, "signed")
			a["issuedOn"] = "2020-01-01T00:00:00Z"
			p[1] = base64.RawURLEncoding.EncodeToString(js(t, a))
			return strings.Join(p, ".")
		}, failed: report.CheckProof},
		{name: "signed with another key", key: otherKey, failed: report.CheckProof},
		{name: "revoked", change: func(_ world, a map[string]any) { a["id"] = "urn:uuid:revoked" }, failed: report.CheckStatus},
		{name: "expired", change: func(_ world, a map[string]any) { a["expires"] = "2026-01-01T00:00:00Z" }, failed: report.CheckValidity},
		{name: "issued in the future", change: func(_ world, a map[string]any) { a["issuedOn"] = "2027-01-01T00:00:00Z" }, failed: report.CheckValidity},
		{name: "key owned by someone else", change: func(w world, _ map[string]any) {
			w[keyURL].(map[string]any)["owner"] = "https://evil.example/profile"
		}, failed: "proof,issuer"},
		{name: "creator not listed by the issuer", change: func(w world, a map[string]any) {
			a["verification"] = map[string]any{"type": "signed", "creator": "https://evil.example/key"}
			w["https://evil.example/key"] = map[string]any{"@context": ContextURL, "type": "CryptographicKey", "id": "https://evil.example/key",
				"owner": issuerURL, "publicKeyPem": pemOf(t, &rsaKey().PublicKey)}
		}, failed: "proof,issuer"},
		{name: "issuer lists no key", change: func(w world, _ map[string]any) { delete(w[issuerURL].(map[string]any), "publicKey") }, failed: "proof,issuer"},
		{name: "alg none", token: func(t *testing.T, good string) string {
			p := strings.Split(good, ".")
			return base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none"}`)) + "." + p[1] + "."
		}, failed: report.CheckProof},
		{name: "HS256", token: func(t *testing.T, good string) string {
			p := strings.Split(good, ".")
			return base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256"}`)) + "." + p[1] + "." + p[2]
		}, failed: report.CheckProof},
		{name: "revocation list unreadable", change: func(w world, _ map[string]any) { w[listURL] = []byte("not json") }, failed: report.CheckStatus},
		{name: "key PEM with two blocks", change: func(w world, _ map[string]any) {
			k := w[keyURL].(map[string]any)
			k["publicKeyPem"] = k["publicKeyPem"].(string) + pemOf(t, &otherKey().PublicKey)
		}, failed: "proof,issuer"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			a := assertion(signedID, "signed")
			if c.change != nil {
				c.change(w, a)
			}
			k := rsaKey()
			if c.key != nil {
				k = c.key()
			}
			tok := signRS256(t, hdr, js(t, a), k)
			if c.token != nil {
				tok = c.token(t, tok)
			}
			r := w.verifier(t, false).Signed(context.Background(), tok)
			if r.Kind != ClassAssertion || r.Format != FormatSigned {
				t.Errorf("kind %q format %q", r.Kind, r.Format)
			}
			want(t, r, c.verified, c.failed)
			if c.verified && (r.Summary.Name != "Robot Wrangler" || r.Summary.Issuer.Name != "Example College" || r.Summary.Achievement.Criteria != "Wrangle three robots.") {
				t.Errorf("summary %+v", r.Summary)
			}
		})
	}
}

func TestHosted(t *testing.T) {
	for _, c := range []struct {
		name     string
		change   func(w world, given, served map[string]any)
		verified bool
		failed   report.CheckID
		flagged  report.CheckID
	}{
		{name: "valid", verified: true},
		{name: "given copy altered: the issuer's copy is verified", change: func(_ world, given, _ map[string]any) {
			given["expires"] = "2099-01-01T00:00:00Z"
		}, verified: true, flagged: report.CheckProof},
		{name: "served copy expired", change: func(_ world, _, served map[string]any) {
			served["expires"] = "2026-01-01T00:00:00Z"
		}, failed: report.CheckValidity},
		{name: "served copy says revoked", change: func(_ world, _, served map[string]any) {
			served["revoked"] = true
			served["revocationReason"] = "Withdrawn"
		}, failed: report.CheckStatus},
		{name: "listed in the revocation list", change: func(w world, _, _ map[string]any) {
			w[listURL].(map[string]any)["revokedAssertions"] = []any{hostedURL}
		}, failed: report.CheckStatus},
		{name: "served on another origin than the issuer's", change: func(w world, _, _ map[string]any) {
			w[issuerURL].(map[string]any)["id"] = "https://college.example/profile"
		}, failed: report.CheckIssuer},
		{name: "allowedOrigins excludes the host", change: func(w world, _, _ map[string]any) {
			w[issuerURL].(map[string]any)["verification"] = map[string]any{"allowedOrigins": "badges.college.example"}
		}, failed: report.CheckIssuer},
		{name: "startsWith excludes the path", change: func(w world, _, _ map[string]any) {
			w[issuerURL].(map[string]any)["verification"] = map[string]any{"startsWith": "https://issuer.example/badges/"}
		}, failed: report.CheckIssuer},
		{name: "server serves another assertion", change: func(_ world, _, served map[string]any) {
			served["id"] = "https://issuer.example/assertions/2"
		}, failed: report.CheckProof},
		{name: "embedded issuer cannot widen the policy", change: func(w world, _, _ map[string]any) {
			b := w[badgeURL].(map[string]any)
			w[issuerURL].(map[string]any)["id"] = "https://college.example/profile"
			b["issuer"] = map[string]any{"id": issuerURL, "type": "Issuer", "name": "Fake", "url": "https://issuer.example", "email": "a@issuer.example",
				"verification": map[string]any{"allowedOrigins": "issuer.example"}}
		}, failed: report.CheckIssuer},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			given, served := assertion(hostedURL, "hosted"), assertion(hostedURL, "HostedBadge")
			given["verification"] = served["verification"]
			if c.change != nil {
				c.change(w, given, served)
			}
			w[hostedURL] = served
			r := w.verifier(t, false).Document(context.Background(), given)
			want(t, r, c.verified, c.failed)
			if c.verified && r.Summary.Issuer.Domain != "issuer.example" {
				t.Errorf("issuer domain %q", r.Summary.Issuer.Domain)
			}
			if c.flagged != "" {
				if ch := r.Check(c.flagged); ch == nil || ch.Outcome != report.Warn {
					t.Errorf("check %s is not a warning: %+v", c.flagged, ch)
				}
			}
		})
	}
}

// §Revoking Hosted Assertions: a server answering 410 Gone revokes it.
func TestHostedGone(t *testing.T) {
	w := newWorld(t)
	v := w.verifier(t, false)
	v.Fetch = fetch.Func(func(ctx context.Context, u string, accept ...string) ([]byte, error) {
		if u == hostedURL {
			return nil, &fetch.StatusError{URL: u, Code: 410}
		}
		return w.verifier(t, false).Fetch.Fetch(ctx, u, accept...)
	})
	r := v.Document(context.Background(), assertion(hostedURL, "hosted"))
	want(t, r, false, report.CheckStatus)
}

// Offline, nothing hosted can be verified, and the report says which
// documents would complete it.
func TestOfflineNamesTheDocumentsNeeded(t *testing.T) {
	w := world{}
	r := w.verifier(t, false).Document(context.Background(), assertion(hostedURL, "hosted"))
	want(t, r, false, "")
	p := r.Check(report.CheckProof)
	if p.Outcome != report.Skip || !strings.Contains(p.Detail, hostedURL) {
		t.Errorf("proof %+v", p)
	}
	if r.Verdict != report.Incomplete || len(r.Missing) == 0 || r.Missing[0].URL != hostedURL || r.Missing[0].Remedy != report.RemedyOnline {
		t.Errorf("verdict %s, missing %+v", r.Verdict, r.Missing)
	}
	if c := r.Check(report.CheckIssuer); c.Outcome != report.Skip || !strings.Contains(c.Detail, badgeURL) {
		t.Errorf("issuer %+v", c)
	}
	tok := signRS256(t, map[string]any{"alg": "RS256"}, js(t, assertion(signedID, "signed")), rsaKey())
	r = w.verifier(t, false).Signed(context.Background(), tok)
	want(t, r, false, "")
	if c := r.Check(report.CheckProof); c.Outcome != report.Skip || !strings.Contains(c.Detail, badgeURL) {
		t.Errorf("signed offline proof %+v", c)
	}
	// Online but the server refuses: still incomplete, with the reason.
	r = w.verifier(t, true).Document(context.Background(), assertion(hostedURL, "hosted"))
	want(t, r, false, "")
	if c := r.Check(report.CheckProof); c.Outcome != report.Skip || !strings.Contains(c.Detail, "404") || c.Remedy != report.RemedyDocument {
		t.Errorf("online proof %+v", c)
	}
	if r.Verdict != report.Incomplete {
		t.Errorf("online verdict %s", r.Verdict)
	}
}

func TestRecipient(t *testing.T) {
	w := newWorld(t)
	tok := signRS256(t, map[string]any{"alg": "RS256"}, js(t, assertion(signedID, "signed")), rsaKey())
	for _, c := range []struct {
		who  string
		want report.Outcome
	}{
		{"email:learner@example.org", report.Pass},
		{"emailAddress:learner@example.org", report.Pass},
		{"email:someone@example.org", report.Fail},
		{"url:https://learner.example", report.Fail},
	} {
		k, err := recipient.Parse(c.who)
		if err != nil {
			t.Fatal(err)
		}
		v := w.verifier(t, false)
		v.Recipient = &k
		r := v.Signed(context.Background(), tok)
		if got := r.Check(report.CheckRecipient); got == nil || got.Outcome != c.want {
			t.Errorf("%s: %+v, want %s", c.who, got, c.want)
		}
	}
	// Plain identities compare as text (email case-insensitively).
	a := assertion(signedID, "signed")
	a["recipient"] = map[string]any{"type": "email", "hashed": false, "identity": "Learner@Example.org"}
	k, _ := recipient.Parse("email:learner@example.org")
	v := w.verifier(t, false)
	v.Recipient = &k
	r := v.Signed(context.Background(), signRS256(t, map[string]any{"alg": "RS256"}, js(t, a), rsaKey()))
	if got := r.Check(report.CheckRecipient); got == nil || got.Outcome != report.Pass {
		t.Errorf("plain email: %+v", got)
	}
}

func TestParsePublicKeyPEM(t *testing.T) {
	good := pemOf(t, &rsaKey().PublicKey)
	if _, err := ParsePublicKeyPEM(good); err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKIXPublicKey(&rsaKey().PublicKey)
	for name, s := range map[string]string{
		"empty":          "",
		"not PEM":        "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA",
		"two blocks":     good + good,
		"trailing text":  good + "extra",
		"RSA PUBLIC KEY": string(pem.EncodeToMemory(&pem.Block{Type: "RSA PUBLIC KEY", Bytes: x509.MarshalPKCS1PublicKey(&rsaKey().PublicKey)})),
		"private key":    string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})),
		"headers":        string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED"}, Bytes: der})),
		"truncated":      string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der[:len(der)/2]})),
	} {
		if _, err := ParsePublicKeyPEM(s); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Hostile inputs get a report with a failed or skipped check, never a
// panic; a document that endorses itself is not followed forever.
func TestHostileDocuments(t *testing.T) {
	w := newWorld(t)
	self := assertion(hostedURL, "hosted")
	self["endorsement"] = []any{hostedURL, map[string]any{"type": "Endorsement", "endorsement": hostedURL}}
	w[hostedURL] = self
	for name, doc := range map[string]map[string]any{
		"self-endorsing": self,
		"badge is a number": func() map[string]any {
			a := assertion(hostedURL, "hosted")
			a["badge"] = 7.0
			return a
		}(),
		"recipient is a string": func() map[string]any {
			a := assertion(hostedURL, "hosted")
			a["recipient"] = "learner@example.org"
			return a
		}(),
		"context list of junk": {"@context": []any{ContextURL, 3.0}, "type": "Assertion"},
		"type object":          {"@context": ContextURL, "type": map[string]any{}},
	} {
		r := w.verifier(t, false).Document(context.Background(), doc)
		if r.Verified && name != "self-endorsing" {
			t.Errorf("%s: verified", name)
		}
	}
	for _, tok := range []string{"a.b.c", "e30.e30.", signRS256(t, map[string]any{"alg": "RS256"}, []byte(`[1]`), rsaKey())} {
		if r := w.verifier(t, false).Signed(context.Background(), tok); r.Verified || r.Check(report.CheckFormat) == nil {
			t.Errorf("%s: %+v", tok, r.Checks)
		}
	}
}

func FuzzDocument(f *testing.F) {
	w := newWorld(f)
	f.Add(js(f, assertion(hostedURL, "hosted")))
	f.Add(js(f, w[badgeURL]))
	f.Add([]byte(`{"@context":"https://w3id.org/openbadges/v2","type":["Assertion"],"badge":{"issuer":{"endorsement":[{}]}}}`))
	v := w.verifier(f, false)
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := credential.Decode(b)
		if err != nil {
			return
		}
		r := v.Document(context.Background(), doc)
		if r == nil || len(r.Checks) == 0 {
			t.Fatal("no report")
		}
	})
}

func FuzzSigned(f *testing.F) {
	w := newWorld(f)
	f.Add(signRS256(f, map[string]any{"alg": "RS256"}, js(f, assertion(signedID, "signed")), rsaKey()))
	f.Add("e30.e30.")
	v := w.verifier(f, false)
	f.Fuzz(func(t *testing.T, tok string) {
		if r := v.Signed(context.Background(), tok); r == nil || len(r.Checks) == 0 {
			t.Fatal("no report")
		}
	})
}

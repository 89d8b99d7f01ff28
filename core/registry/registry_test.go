package registry

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/report"
)

var now = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

const (
	anchorID = "https://registry.example.org"
	fetchURL = "https://registry.example.org/fetch"
	issuer   = "did:web:university.example.edu"
)

func TestListLookup(t *testing.T) {
	doc := `{"meta":{"name":"Test Community Registry"},"registry":{
		"did:web:university.example.edu":{"name":"Example University","url":"https://university.example.edu","location":"Springfield"},
		"did:web:nameless.example":{"url":"https://nameless.example"},
		"did:web:odd.example":"not an object"}}`
	r, err := Load(context.Background(), Source{Data: []byte(doc)}, fetch.Offline, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Test Community Registry" {
		t.Errorf("name %q, want the meta name", r.Name)
	}
	got, err := r.Lookup(context.Background(), fetch.Offline, issuer, now)
	want := &report.Listing{Registry: "Test Community Registry", Name: "Example University", URL: "https://university.example.edu", Location: "Springfield"}
	if err != nil || got == nil || *got != *want {
		t.Fatalf("Lookup = %+v, %v; want %+v", got, err, want)
	}
	// An entry without a name vouches for nothing; an unlisted issuer is
	// simply not listed.
	for _, id := range []string{"did:web:nameless.example", "did:web:odd.example", "did:web:unlisted.example"} {
		if got, err := r.Lookup(context.Background(), fetch.Offline, id, now); got != nil || err != nil {
			t.Errorf("Lookup(%s) = %+v, %v; want not listed", id, got, err)
		}
	}
}

func TestLoadNamesTheSourceWhenTheDocumentDoesNot(t *testing.T) {
	r, err := Load(context.Background(), Source{Name: "Mine", Data: []byte(`{"registry":{}}`)}, fetch.Offline, nil, now)
	if err != nil || r.Name != "Mine" {
		t.Fatalf("Load = %+v, %v; want the source's name", r, err)
	}
}

func TestLoadRefuses(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not JSON", `{"registry":`, "registry from a file"},
		{"no registry object", `{"meta":{}}`, `no "registry" object`},
		{"recognition without a verifier", `{"type":["VerifiableCredential","VerifiableRecognitionCredential"]}`, "needs a verifier"},
		{"not a JWT", `eyJ.x`, "registry from a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(context.Background(), Source{Data: []byte(tc.data)}, fetch.Offline, nil, now)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
	if _, err := Load(context.Background(), Source{}, fetch.Offline, nil, now); err == nil {
		t.Error("a source with neither URL nor data loaded")
	}
	if _, err := Load(context.Background(), Source{URL: "https://registry.example.org/r.json"}, fetch.Offline, nil, now); err == nil {
		t.Error("offline, a URL source loaded")
	}
}

func TestRecognitionIsBelievedOnlyWhenVerified(t *testing.T) {
	vrc := `{"type":["VerifiableCredential","VerifiableRecognitionCredential"],
		"validUntil":"2027-01-01T00:00:00Z",
		"credentialSubject":[{"id":"did:web:university.example.edu","name":"Example University"},{"id":"did:web:nameless.example"}]}`
	verdict := report.Incomplete
	verifyCredential := func(context.Context, []byte, string) (*report.Report, map[string]any) {
		rep := &report.Report{Verdict: verdict}
		rep.Summary.Issuer.Name = "Example Accreditor"
		return rep, nil
	}
	if _, err := Load(context.Background(), Source{Data: []byte(vrc)}, fetch.Offline, verifyCredential, now); err == nil || !strings.Contains(err.Error(), "incomplete") {
		t.Fatalf("an unverified recognition credential: err = %v", err)
	}
	verdict = report.Verified
	r, err := Load(context.Background(), Source{Data: []byte(vrc)}, fetch.Offline, verifyCredential, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Example Accreditor" || !r.Until.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("registry %q until %v", r.Name, r.Until)
	}
	if got, _ := r.Lookup(context.Background(), fetch.Offline, issuer, now); got == nil || got.Name != "Example University" {
		t.Errorf("Lookup = %+v", got)
	}
	if got, _ := r.Lookup(context.Background(), fetch.Offline, "did:web:nameless.example", now); got != nil {
		t.Errorf("a subject without a name is listed: %+v", got)
	}
}

// federation signs OpenID Federation entity statements with an anchor key.
type federation struct {
	t    *testing.T
	key  ed25519.PrivateKey
	jwks json.RawMessage
}

func newFederation(t *testing.T) *federation {
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	jwks, err := json.Marshal(map[string]any{"keys": []any{map[string]any{
		"kty": "OKP", "crv": "Ed25519", "kid": "anchor-1",
		"x": base64.RawURLEncoding.EncodeToString(pub),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	return &federation{t: t, key: key, jwks: jwks}
}

func (f *federation) sign(claims map[string]any, key ed25519.PrivateKey) string {
	payload, err := json.Marshal(claims)
	if err != nil {
		f.t.Fatal(err)
	}
	tok, err := jose.Sign(payload, key, jose.SignOptions{Typ: "entity-statement+jwt", Kid: "anchor-1"})
	if err != nil {
		f.t.Fatal(err)
	}
	return tok
}

func (f *federation) configuration(exp time.Time) string {
	return f.sign(map[string]any{
		"iss": anchorID, "sub": anchorID, "exp": exp.Unix(), "jwks": f.jwks,
		"metadata": map[string]any{"federation_entity": map[string]any{
			"organization_name": "Example Federation", "federation_fetch_endpoint": fetchURL,
		}},
	}, f.key)
}

func (f *federation) subordinate(iss, sub string, exp time.Time, key ed25519.PrivateKey) string {
	return f.sign(map[string]any{
		"iss": iss, "sub": sub, "exp": exp.Unix(),
		"metadata": map[string]any{
			"federation_entity":                  map[string]any{"organization_name": "EU", "homepage_uri": "https://university.example.edu"},
			"institution_additional_information": map[string]any{"legal_name": "Example University"},
		},
	}, key)
}

// fetcher answers the fetch endpoint with statements[sub], and 404 for any
// other subject.
func (f *federation) fetcher(statements map[string]string) fetch.Fetcher {
	return fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) {
		parsed, err := url.Parse(u)
		if err != nil || !strings.HasPrefix(u, fetchURL+"?") {
			f.t.Fatalf("fetched %s, want the anchor's fetch endpoint", u)
		}
		if st, ok := statements[parsed.Query().Get("sub")]; ok {
			return []byte(st), nil
		}
		return nil, &fetch.StatusError{URL: u, Code: 404}
	})
}

func TestFederationLookup(t *testing.T) {
	fed := newFederation(t)
	later := now.Add(time.Hour)
	r, err := Load(context.Background(), Source{Data: []byte(fed.configuration(later))}, fetch.Offline, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Example Federation" || !r.Until.Equal(later.Truncate(time.Second)) {
		t.Errorf("anchor %q until %v", r.Name, r.Until)
	}
	_, forger, _ := ed25519.GenerateKey(rand.Reader)
	f := fed.fetcher(map[string]string{
		issuer:                      fed.subordinate(anchorID, issuer, later, fed.key),
		"did:web:forged.example":    fed.subordinate(anchorID, "did:web:forged.example", later, forger),
		"did:web:other.example":     fed.subordinate("https://other.example", "did:web:other.example", later, fed.key),
		"did:web:swapped.example":   fed.subordinate(anchorID, issuer, later, fed.key),
		"did:web:expired.example":   fed.subordinate(anchorID, "did:web:expired.example", now.Add(-time.Hour), fed.key),
		"did:web:malformed.example": "not a statement",
	})
	got, err := r.Lookup(context.Background(), f, issuer, now)
	want := &report.Listing{Registry: "Example Federation", Name: "Example University", URL: "https://university.example.edu"}
	if err != nil || got == nil || *got != *want {
		t.Fatalf("Lookup = %+v, %v; want %+v", got, err, want)
	}
	if got, err := r.Lookup(context.Background(), f, "did:web:unlisted.example", now); got != nil || err != nil {
		t.Errorf("a 404 from the fetch endpoint: %+v, %v; want not listed", got, err)
	}
	for sub, want := range map[string]string{
		"did:web:forged.example":    "not signed by any of the trust anchor's keys",
		"did:web:other.example":     "not by the anchor",
		"did:web:swapped.example":   "is about",
		"did:web:expired.example":   "expired",
		"did:web:malformed.example": "",
	} {
		got, err := r.Lookup(context.Background(), f, sub, now)
		if got != nil || err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Lookup(%s) = %+v, %v; want an error saying %q", sub, got, err, want)
		}
	}
}

func TestFederationAnchorRefused(t *testing.T) {
	fed := newFederation(t)
	_, forger, _ := ed25519.GenerateKey(rand.Reader)
	later := now.Add(time.Hour)
	meta := map[string]any{"federation_entity": map[string]any{"federation_fetch_endpoint": fetchURL}}
	for name, tc := range map[string]struct{ token, want string }{
		"signed by a key it does not list": {fed.sign(map[string]any{"iss": anchorID, "sub": anchorID, "exp": later.Unix(), "jwks": fed.jwks, "metadata": meta}, forger), "not signed"},
		"not self-issued":                  {fed.sign(map[string]any{"iss": "https://other.example", "sub": anchorID, "exp": later.Unix(), "jwks": fed.jwks, "metadata": meta}, fed.key), "issued by its subject"},
		"expired":                          {fed.configuration(now.Add(-time.Hour)), "expired"},
		"no https fetch endpoint": {fed.sign(map[string]any{"iss": anchorID, "sub": anchorID, "exp": later.Unix(), "jwks": fed.jwks,
			"metadata": map[string]any{"federation_entity": map[string]any{"federation_fetch_endpoint": "http://registry.example.org/fetch"}}}, fed.key), "no https"},
		"no keys": {fed.sign(map[string]any{"iss": anchorID, "sub": anchorID, "exp": later.Unix(), "metadata": meta}, fed.key), "keys"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Load(context.Background(), Source{Data: []byte(tc.token)}, fetch.Offline, nil, now)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}

// FuzzLoad feeds registry documents of every kind: Load and Lookup must
// answer or refuse, never panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(`{"meta":{"name":"R"},"registry":{"did:web:a":{"name":"A"}}}`))
	f.Add([]byte(`{"type":["VerifiableRecognitionCredential"],"credentialSubject":{"id":"did:web:a","name":"A"}}`))
	f.Add([]byte(`eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJhIiwic3ViIjoiYSJ9.AA`))
	f.Add([]byte(`{"registry":[]}`))
	verifyCredential := func(context.Context, []byte, string) (*report.Report, map[string]any) {
		return &report.Report{Verdict: report.Verified}, nil
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Load(context.Background(), Source{Data: data}, fetch.Offline, verifyCredential, now)
		if err != nil {
			return
		}
		_, _ = r.Lookup(context.Background(), fetch.Offline, "did:web:a", now)
	})
}

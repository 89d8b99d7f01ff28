// Package registry answers the question a signature cannot: who vouches for
// an issuer's name? A credential can say it was issued by "Harvard
// University"; the issuer check only proves the key belongs to the issuer's
// identifier. A registry is a third party the verifier chooses to trust that
// says "this identifier is Harvard University". ClearBadge reads three
// kinds:
//
//   - the Digital Credentials Consortium's registry JSON
//     ({"meta": …, "registry": {"<did>": {"name", "location", "url"}}}), a
//     plain list whose authority is the address it is read from;
//   - OpenID Federation 1.0 (§3 entity statements, §8.1 fetch endpoint): the
//     trust anchor's entity configuration (a JWT it signs with one of its own
//     keys) names a fetch endpoint, whose subordinate statement for an issuer
//     must be signed by the anchor's keys, name the anchor as iss and the
//     issuer as sub, and be unexpired. Signatures are verified (DCC's own
//     client decodes these JWTs without checking them);
//   - W3C Verifiable Recognition Credentials: a credential of type
//     VerifiableRecognitionCredential whose subjects are the recognised
//     issuers, verified as any credential before it is believed (the caller
//     supplies the verifier) and used until its validUntil.
//
// A registry never sees the credential: a list is read whole, and an OpenID
// Federation lookup sends only the issuer's identifier.
package registry

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// Source names a registry: where to read it (URL), or its bytes (Data, a
// file the user gave), and the name to show when the document has none.
type Source struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
	Data []byte `json:"-"`
}

// Defaults are the public registries an online verifier consults when the
// user names none: the Digital Credentials Consortium's community registry
// (a list) and its member registry (an OpenID Federation trust anchor).
var Defaults = []Source{
	{Name: "DCC Member Registry", URL: "https://registry.dcconsortium.org/.well-known/openid-federation"},
	{Name: "DCC Community Registry", URL: "https://digitalcredentials.github.io/community-registry/registry.json"},
}

// Registry is a loaded registry.
type Registry struct {
	// Name is the registry's own name.
	Name string
	// Until is when what was read stops being current (an OpenID
	// Federation statement's exp, a recognition credential's validUntil);
	// zero when the document gives none.
	Until time.Time

	entries map[string]entry // a list or a recognition credential
	anchor  *anchor          // an OpenID Federation trust anchor
}

type entry struct{ name, url, location string }

// anchor is an OpenID Federation trust anchor, read from its entity
// configuration.
type anchor struct {
	id    string
	keys  []jose.JWK
	fetch string // federation_fetch_endpoint
}

// VerifyCredential verifies a recognition credential (the caller's full
// verifier) and returns its report and decoded object.
type VerifyCredential func(ctx context.Context, data []byte, source string) (*report.Report, map[string]any)

// Load reads a registry from src (fetching src.URL with f when src.Data is
// empty) at time now.
func Load(ctx context.Context, src Source, f fetch.Fetcher, verifyCredential VerifyCredential, now time.Time) (*Registry, error) {
	data := src.Data
	if len(data) == 0 {
		if src.URL == "" {
			return nil, errors.New("a registry needs a URL or a file")
		}
		var err error
		if data, err = f.Fetch(ctx, src.URL, "application/entity-statement+jwt", "application/json", "application/vc+ld+json", "application/ld+json"); err != nil {
			return nil, err
		}
	}
	data = bytes.TrimSpace(data)
	var r *Registry
	var err error
	switch {
	case len(data) > 0 && data[0] != '{':
		r, err = parseAnchor(string(data), now)
	default:
		r, err = parseJSON(ctx, data, verifyCredential, now)
	}
	if err != nil {
		return nil, fmt.Errorf("registry %s: %w", label(src), err)
	}
	if r.Name == "" {
		r.Name = label(src)
	}
	return r, nil
}

func label(src Source) string {
	switch {
	case src.Name != "":
		return src.Name
	case src.URL != "":
		return src.URL
	}
	return "from a file"
}

// parseJSON reads a DCC list or a recognition credential.
func parseJSON(ctx context.Context, data []byte, verifyCredential VerifyCredential, now time.Time) (*Registry, error) {
	doc, err := credential.Decode(data)
	if err != nil {
		return nil, err
	}
	if credential.HasType(doc, "VerifiableRecognitionCredential") {
		return recognition(ctx, data, doc, verifyCredential, now)
	}
	list, ok := doc["registry"].(map[string]any)
	if !ok {
		return nil, errors.New(`not a registry: no "registry" object, and not a VerifiableRecognitionCredential`)
	}
	r := &Registry{entries: map[string]entry{}}
	if meta, ok := doc["meta"].(map[string]any); ok {
		r.Name = jsonval.Str(meta, "name")
	}
	for id, v := range list {
		m, ok := v.(map[string]any)
		if !ok || jsonval.Str(m, "name") == "" {
			continue
		}
		r.entries[id] = entry{name: jsonval.Str(m, "name"), url: jsonval.Str(m, "url"), location: jsonval.Str(m, "location")}
	}
	return r, nil
}

// recognition reads a Verifiable Recognition Credential: only once it
// verifies, and only while it is valid. Its issuer is the registry; each
// credentialSubject is a recognised issuer (id, name, url).
func recognition(ctx context.Context, data []byte, doc map[string]any, verifyCredential VerifyCredential, now time.Time) (*Registry, error) {
	if verifyCredential == nil {
		return nil, errors.New("a recognition credential needs a verifier")
	}
	rep, _ := verifyCredential(ctx, data, "registry")
	if rep == nil || rep.Verdict != report.Verified {
		why := "it did not verify"
		if rep != nil {
			why = "its verdict is " + string(rep.Verdict)
		}
		return nil, errors.New("the recognition credential is not trusted: " + why)
	}
	r := &Registry{entries: map[string]entry{}, Name: rep.Summary.Issuer.Name}
	if d, err := credential.ReadDates(doc); err == nil {
		r.Until = d.Until
	}
	for _, s := range credential.Subjects(doc) {
		id := jsonval.Str(s, "id")
		if id == "" || jsonval.Str(s, "name") == "" {
			continue
		}
		r.entries[id] = entry{name: jsonval.Str(s, "name"), url: jsonval.Str(s, "url"), location: jsonval.Str(s, "location")}
	}
	return r, nil
}

// statement is the part of an OpenID Federation entity statement (§3.1)
// read here.
type statement struct {
	Iss      string          `json:"iss"`
	Sub      string          `json:"sub"`
	Exp      float64         `json:"exp"`
	JWKS     json.RawMessage `json:"jwks"`
	Metadata struct {
		Entity struct {
			OrganizationName string `json:"organization_name"`
			Homepage         string `json:"homepage_uri"`
			Location         string `json:"location"`
			FetchEndpoint    string `json:"federation_fetch_endpoint"`
		} `json:"federation_entity"`
		Institution struct {
			LegalName string `json:"legal_name"`
		} `json:"institution_additional_information"`
	} `json:"metadata"`
}

func (s *statement) name() string {
	if s.Metadata.Institution.LegalName != "" {
		return s.Metadata.Institution.LegalName
	}
	return s.Metadata.Entity.OrganizationName
}

// parseAnchor reads a trust anchor's entity configuration: self-issued
// (iss = sub) and signed by one of the keys it lists (§3.1, §9).
func parseAnchor(token string, now time.Time) (*Registry, error) {
	tok, st, err := readStatement(token)
	if err != nil {
		return nil, err
	}
	if st.Iss == "" || st.Iss != st.Sub {
		return nil, fmt.Errorf("an entity configuration must be issued by its subject (iss %q, sub %q)", st.Iss, st.Sub)
	}
	keys, err := jose.ParseJWKSet(st.JWKS)
	if err != nil {
		return nil, fmt.Errorf("the anchor's keys: %w", err)
	}
	if err := verifyWith(tok, keys); err != nil {
		return nil, fmt.Errorf("the anchor's entity configuration: %w", err)
	}
	if err := current(st, now); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(st.Metadata.Entity.FetchEndpoint, "https://") {
		return nil, errors.New("the anchor names no https federation_fetch_endpoint")
	}
	return &Registry{Name: st.name(), Until: expiry(st), anchor: &anchor{id: st.Iss, keys: keys, fetch: st.Metadata.Entity.FetchEndpoint}}, nil
}

func readStatement(token string) (*jose.Token, *statement, error) {
	tok, err := jose.Parse(token)
	if err != nil {
		return nil, nil, err
	}
	var st statement
	if err := json.Unmarshal(tok.Payload, &st); err != nil {
		return nil, nil, fmt.Errorf("not an entity statement: %w", err)
	}
	return tok, &st, nil
}

// verifyWith checks tok against the key its kid names, or any key of the set
// when it names none.
func verifyWith(tok *jose.Token, set []jose.JWK) error {
	for i := range set {
		if tok.Header.Kid != "" && set[i].Kid != tok.Header.Kid {
			continue
		}
		if err := tok.Verify(set[i].Key); err == nil {
			return nil
		}
	}
	return errors.New("not signed by any of the trust anchor's keys")
}

func current(st *statement, now time.Time) error {
	if e := expiry(st); !e.IsZero() && now.After(e) {
		return fmt.Errorf("the statement expired on %s", e.Format(time.RFC3339))
	}
	return nil
}

func expiry(st *statement) time.Time {
	if st.Exp == 0 {
		return time.Time{}
	}
	return time.Unix(int64(st.Exp), 0).UTC()
}

// Lookup returns what the registry says of issuer, or nil when it does not
// list it. An OpenID Federation anchor is asked through f for its
// subordinate statement about issuer (§8.1.1: GET fetch?sub=issuer; a 404
// means "not a subordinate").
func (r *Registry) Lookup(ctx context.Context, f fetch.Fetcher, issuer string, now time.Time) (*report.Listing, error) {
	if r.anchor == nil {
		e, ok := r.entries[issuer]
		if !ok {
			return nil, nil
		}
		return &report.Listing{Registry: r.Name, Name: e.name, URL: e.url, Location: e.location}, nil
	}
	u := r.anchor.fetch
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	body, err := f.Fetch(ctx, u+sep+"sub="+url.QueryEscape(issuer), "application/entity-statement+jwt")
	var status *fetch.StatusError
	if errors.As(err, &status) && status.Code == 404 {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	tok, st, err := readStatement(string(bytes.TrimSpace(body)))
	if err != nil {
		return nil, err
	}
	switch {
	case st.Iss != r.anchor.id:
		return nil, fmt.Errorf("the statement about %s is issued by %q, not by the anchor %q", issuer, st.Iss, r.anchor.id)
	case st.Sub != issuer:
		return nil, fmt.Errorf("the statement asked for %s is about %q", issuer, st.Sub)
	}
	if err := verifyWith(tok, r.anchor.keys); err != nil {
		return nil, fmt.Errorf("the statement about %s: %w", issuer, err)
	}
	if err := current(st, now); err != nil {
		return nil, err
	}
	if st.name() == "" {
		return nil, fmt.Errorf("the statement about %s names no organization", issuer)
	}
	return &report.Listing{Registry: r.Name, Name: st.name(), URL: st.Metadata.Entity.Homepage, Location: st.Metadata.Entity.Location}, nil
}

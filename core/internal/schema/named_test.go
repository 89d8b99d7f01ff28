//go:build !clearbadge_offline

package schema

import (
	"context"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/report"
)

const purlAchievement = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

// notFound is a Fetcher for a network where every other URL is missing.
var notFound = fetch.Func(func(_ context.Context, url string, _ ...string) ([]byte, error) {
	return nil, errors.New("HTTP 404 Not Found")
})

// recorder wraps a Fetcher and remembers what was asked of it.
type recorder struct {
	next fetch.Fetcher
	mu   sync.Mutex
	urls []string
}

func (r *recorder) Fetch(ctx context.Context, url string, accept ...string) ([]byte, error) {
	r.mu.Lock()
	r.urls = append(r.urls, url+" "+strings.Join(accept, ","))
	r.mu.Unlock()
	return r.next.Fetch(ctx, url, accept...)
}

func naming(doc map[string]any, entries ...map[string]any) map[string]any {
	list := make([]any, len(entries))
	for i, e := range entries {
		list[i] = e
	}
	doc["credentialSchema"] = list
	return doc
}

func entry(id, typ string) map[string]any { return map[string]any{"id": id, "type": typ} }

// TestNamedPublishedSchema: a credential naming 1EdTech's schema, served
// from the vectors folder under its purl URL, is validated against it.
func TestNamedPublishedSchema(t *testing.T) {
	static, _ := purlStatic(t)
	rec := &recorder{next: static}
	doc := readVector(t, "validator", "ob30", "complete.json")
	c := Check(t.Context(), doc, rec)
	if c.Outcome != report.Pass || !strings.Contains(c.Message, "matches the schema its issuer named") ||
		!strings.Contains(c.Detail, purlAchievement+" (1EdTechJsonSchemaValidator2019): valid") {
		t.Fatalf("got %+v", c)
	}
	if len(rec.urls) != 1 || rec.urls[0] != purlAchievement+" application/schema+json,application/json" {
		t.Errorf("fetched %q", rec.urls)
	}

	// The same credential with its achievement's criteria removed: both
	// the built-in rules and the named schema reject it.
	delete(at(doc, "credentialSubject.achievement"), "criteria")
	c = Check(t.Context(), doc, static)
	if c.Outcome != report.Fail ||
		!strings.HasPrefix(c.Message, "The achievement is missing its criteria (credentialSubject.achievement.criteria).") ||
		!strings.Contains(c.Message, "does not match the schema its issuer named ("+purlAchievement+"): credentialSubject.achievement") ||
		!strings.Contains(c.Detail, "not valid: ") {
		t.Fatalf("got %+v", c)
	}
}

// TestNamedOnly: a rule only the issuer's own schema has.
func TestNamedOnly(t *testing.T) {
	const u = "https://issuer.example/schemas/badge.json"
	static := &fetch.Static{Docs: map[string][]byte{u: []byte(`{
	  "$schema": "https://json-schema.org/draft/2019-09/schema",
	  "properties": {"credentialSubject": {"properties": {"achievement": {"required": ["achievementType"]}}}}}`)}}
	doc := naming(decodeDoc(t, minimalOB), entry(u, "1EdTechJsonSchemaValidator2019"))
	c := Check(t.Context(), doc, static)
	if c.Outcome != report.Fail || !strings.Contains(c.Message, "does not match the schema its issuer named ("+u+"): credentialSubject.achievement: missing property 'achievementType'") {
		t.Fatalf("got %+v", c)
	}
	at(doc, "credentialSubject.achievement")["achievementType"] = "Badge"
	if c := Check(t.Context(), doc, static); c.Outcome != report.Pass {
		t.Fatalf("got %+v", c)
	}
}

// TestNamedNotChecked: a named schema that cannot be used is never said to
// have been checked.
func TestNamedNotChecked(t *testing.T) {
	doc := naming(decodeDoc(t, minimalOB), entry(purlAchievement, "1EdTechJsonSchemaValidator2019"))
	big := make([]byte, fetch.MaxBytes+1)
	cases := []struct {
		name    string
		f       fetch.Fetcher
		doc     map[string]any
		outcome report.Outcome
		message string
	}{
		{"offline", nil, doc, report.Pass, "was not checked, because ClearBadge is offline"},
		{"offline Fetcher", fetch.Offline, doc, report.Pass, "was not checked, because ClearBadge is offline"},
		{"unreachable", notFound, doc, report.Warn, "could not be used, so it was not checked: " + purlAchievement + ": could not be fetched: HTTP 404"},
		{"too large", &fetch.Static{Docs: map[string][]byte{purlAchievement: big}}, doc, report.Warn, "larger than"},
		{"not JSON", &fetch.Static{Docs: map[string][]byte{purlAchievement: []byte("<html>")}}, doc, report.Warn, "not JSON"},
		{"not a schema", &fetch.Static{Docs: map[string][]byte{purlAchievement: []byte(`{"type": 12}`)}}, doc, report.Warn, "not a valid JSON Schema"},
		{"not a web address", nil, naming(decodeDoc(t, minimalOB), entry("urn:example:schema", "1EdTechJsonSchemaValidator2019")), report.Warn, "not a web address"},
		{"unsupported type", nil, naming(decodeDoc(t, minimalOB), entry("https://issuer.example/vc.json", "JsonSchemaCredential")), report.Pass, `was not checked: ClearBadge does not implement schemas of type "JsonSchemaCredential"`},
	}
	for _, c := range cases {
		got := Check(t.Context(), c.doc, c.f)
		if got.Outcome != c.outcome || !strings.Contains(got.Message, c.message) ||
			strings.Contains(got.Message, "matches the schema") || !strings.Contains(got.Detail, "not checked") {
			t.Errorf("%s: got %+v", c.name, got)
		}
	}
}

// TestNamedTooMany: entries beyond the cap are reported as not checked.
func TestNamedTooMany(t *testing.T) {
	const u = "https://issuer.example/many.json"
	static := &fetch.Static{Docs: map[string][]byte{u: []byte(`{}`)}}
	var es []map[string]any
	for range maxNamed + 1 {
		es = append(es, entry(u, "1EdTechJsonSchemaValidator2019"))
	}
	c := Check(t.Context(), naming(decodeDoc(t, minimalOB), es...), static)
	if c.Outcome != report.Pass || strings.Contains(c.Message, "and matches the schema") ||
		!strings.Contains(c.Message, "was not checked: ClearBadge checks at most 8 schemas per credential") {
		t.Fatalf("got %+v", c)
	}
}

// TestNamedVC11: a VC 1.1 credential naming 1EdTech's VC 2.0 schema is
// checked against the VC 1.1 variant OB 3.0 §1.2 lists.
func TestNamedVC11(t *testing.T) {
	const anyURL = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_anyachievementcredential_schema.json"
	static, _ := purlStatic(t)
	static.Next = notFound
	doc := decodeDoc(t, minimalOB)
	v1(doc)
	naming(doc, entry(purlAchievement, "1EdTechJsonSchemaValidator2019"))
	c := Check(t.Context(), doc, static)
	if c.Outcome != report.Warn || !strings.Contains(c.Detail, "checked as "+anyURL) || !strings.Contains(c.Message, "could not be used") {
		t.Fatalf("got %+v", c)
	}
	static.Docs[anyURL] = []byte(`{"$schema": "https://json-schema.org/draft/2019-09/schema", "required": ["issuanceDate"]}`)
	if c := Check(t.Context(), doc, static); c.Outcome != report.Pass || !strings.Contains(c.Message, "matches the schema its issuer named") {
		t.Fatalf("got %+v", c)
	}
}

// TestNamedRefs: $ref'd documents come through the Fetcher, never from the
// file system or the library's own HTTP.
func TestNamedRefs(t *testing.T) {
	const root, part = "https://issuer.example/root.json", "https://issuer.example/part.json"
	static := &fetch.Static{Docs: map[string][]byte{
		root: []byte(`{"$schema": "https://json-schema.org/draft/2019-09/schema", "$ref": "part.json"}`),
		part: []byte(`{"required": ["name"]}`),
	}}
	rec := &recorder{next: static}
	doc := naming(decodeDoc(t, minimalOB), entry(root, "1EdTechJsonSchemaValidator2019"))
	if c := Check(t.Context(), doc, rec); c.Outcome != report.Pass {
		t.Fatalf("got %+v", c)
	}
	if strings.Join(rec.urls, " | ") != root+" application/schema+json,application/json | "+part+" application/schema+json,application/json" {
		t.Errorf("fetched %q", rec.urls)
	}
	delete(doc, "name")
	if c := Check(t.Context(), doc, static); c.Outcome != report.Fail || !strings.Contains(c.Message, "missing property 'name'") {
		t.Fatalf("got %+v", c)
	}

	static.Docs[root] = []byte(`{"$ref": "file:///etc/passwd"}`)
	if c := Check(t.Context(), doc, static); c.Outcome != report.Warn || !strings.Contains(c.Message, "not a web address") {
		t.Errorf("file $ref: got %+v", c)
	}
	// An absolute path is resolved against the schema's web address.
	static.Docs[root] = []byte(`{"$ref": "/etc/passwd"}`)
	rec.urls = nil
	if c := Check(t.Context(), doc, rec); c.Outcome != report.Pass || !strings.Contains(c.Message, "not checked, because ClearBadge is offline") {
		t.Errorf("path $ref: got %+v", c)
	}
	if len(rec.urls) != 2 || !strings.HasPrefix(rec.urls[1], "https://issuer.example/etc/passwd ") {
		t.Errorf("path $ref: fetched %q", rec.urls)
	}
}

// TestNamedCache: a compiled schema is reused while its documents are
// unchanged, and recompiled when one changes.
func TestNamedCache(t *testing.T) {
	const root, part = "https://cache.example/root.json", "https://cache.example/part.json"
	static := &fetch.Static{Docs: map[string][]byte{
		root: []byte(`{"$ref": "part.json"}`),
		part: []byte(`{"required": ["name"]}`),
	}}
	draft := drafts[validators["1EdTechJsonSchemaValidator2019"]]
	a, err := compiled(t.Context(), static, root, draft, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := compiled(t.Context(), static, root, draft, "")
	if err != nil || a != b {
		t.Fatalf("not reused: %p %p %v", a, b, err)
	}
	static.Docs[part] = []byte(`{"required": ["nickname"]}`)
	c, err := compiled(t.Context(), static, root, draft, "")
	if err != nil || c == a {
		t.Fatalf("not recompiled after the $ref'd document changed: %v", err)
	}
	if c.Validate(map[string]any{"name": "x"}) == nil {
		t.Error("the recompiled schema does not have the new rule")
	}
}

// TestNamedDraft: a JsonSchema entry (W3C VC JSON Schema) defaults to
// 2020-12, a 1EdTech entry to 2019-09; prefixItems exists only in 2020-12.
func TestNamedDraft(t *testing.T) {
	const u = "https://issuer.example/draft.json"
	static := &fetch.Static{Docs: map[string][]byte{u: []byte(`{"properties": {"type": {"prefixItems": [{"const": "Other"}]}}}`)}}
	doc := decodeDoc(t, minimalOB)
	if c := Check(t.Context(), naming(doc, entry(u, "1EdTechJsonSchemaValidator2019")), static); c.Outcome != report.Pass {
		t.Errorf("2019-09: got %+v", c)
	}
	if c := Check(t.Context(), naming(doc, entry(u, "JsonSchema")), static); c.Outcome != report.Fail {
		t.Errorf("2020-12: got %+v", c)
	}
}

// TestNamedDigest: VC JSON Schema digestSRI pins the schema's bytes.
func TestNamedDigest(t *testing.T) {
	const u = "https://issuer.example/pinned.json"
	body := []byte(`{"required": ["name"]}`)
	sum := sha512.Sum384(body)
	static := &fetch.Static{Docs: map[string][]byte{u: body}}
	e := entry(u, "JsonSchema")
	e["digestSRI"] = "sha384-" + base64.StdEncoding.EncodeToString(sum[:])
	doc := naming(decodeDoc(t, minimalOB), e)
	if c := Check(t.Context(), doc, static); c.Outcome != report.Pass || !strings.Contains(c.Message, "matches the schema") {
		t.Fatalf("got %+v", c)
	}
	e["digestSRI"] = "sha384-" + base64.StdEncoding.EncodeToString(make([]byte, 48))
	if c := Check(t.Context(), doc, static); c.Outcome != report.Warn || !strings.Contains(c.Message, "differs from the one the credential pinned") {
		t.Fatalf("got %+v", c)
	}
}

// TestNamedConcurrent: checks sharing the compiled-schema cache (run with
// -race).
func TestNamedConcurrent(t *testing.T) {
	const u = "https://issuer.example/concurrent.json"
	static := &fetch.Static{Docs: map[string][]byte{u: []byte(`{"required": ["name"]}`)}}
	var wg sync.WaitGroup
	for range 8 {
		doc := naming(decodeDoc(t, minimalOB), entry(u, "1EdTechJsonSchemaValidator2019"))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c := Check(context.Background(), doc, static); c.Outcome != report.Pass {
				t.Errorf("got %+v", c)
			}
		}()
	}
	wg.Wait()
}

package schema

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// A minimal OB 3.0 AchievementCredential written from §B.1.2, the data the
// rule tests start from.
const minimalOB = `{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002",
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "issuer": {"id": "https://issuer.example/", "type": ["Profile"], "name": "Example College"},
  "validFrom": "2024-05-01T09:30:00Z",
  "name": "Teamwork",
  "credentialSubject": {
    "id": "did:example:learner",
    "type": ["AchievementSubject"],
    "achievement": {
      "id": "https://issuer.example/achievements/teamwork",
      "type": ["Achievement"],
      "name": "Teamwork",
      "description": "Works well in a team.",
      "criteria": {"narrative": "Nominated by peers."}
    }
  }
}`

// A minimal CLR 2.0 ClrCredential around one nested credential.
const minimalCLR = `{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "id": "urn:uuid:2f0e4bb4-6e5c-4f5a-8f6b-0b0f8a9f2c11",
  "type": ["VerifiableCredential", "ClrCredential"],
  "issuer": "https://issuer.example/",
  "validFrom": "2024-05-01T09:30:00Z",
  "name": "Transcript",
  "credentialSubject": {
    "id": "did:example:learner",
    "type": "ClrSubject",
    "verifiableCredential": [` + minimalOB + `],
    "association": [{"type": "Association", "associationType": "isChildOf", "sourceId": "urn:a", "targetId": "urn:b"}]
  }
}`

func decodeDoc(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// at walks a dotted path of object keys and returns the object there.
func at(doc map[string]any, path string) map[string]any {
	m := doc
	if path == "" {
		return m
	}
	for _, k := range strings.Split(path, ".") {
		m = m[k].(map[string]any)
	}
	return m
}

func set(path, key string, v any) func(map[string]any) {
	return func(d map[string]any) { at(d, path)[key] = v }
}

func del(path, key string) func(map[string]any) {
	return func(d map[string]any) { delete(at(d, path), key) }
}

func v1(d map[string]any) {
	d["@context"] = []any{"https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"}
	d["issuanceDate"] = d["validFrom"]
	delete(d, "validFrom")
}

func TestValidShapes(t *testing.T) {
	const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"
	cases := []struct {
		name string
		base string
		edit []func(map[string]any)
	}{
		{"minimal", minimalOB, nil},
		{"AchievementCredential alias", minimalOB, []func(map[string]any){set("", "type", []any{"VerifiableCredential", "AchievementCredential"})}},
		{"bare-string types", minimalOB, []func(map[string]any){
			set("credentialSubject", "type", "AchievementSubject"),
			set("credentialSubject.achievement", "type", "Achievement"),
			set("issuer", "type", "Profile")}},
		{"issuer as a URL", minimalOB, []func(map[string]any){set("", "issuer", "https://issuer.example/")}},
		{"language maps", minimalOB, []func(map[string]any){
			set("credentialSubject.achievement", "name", map[string]any{"en": "Teamwork", "fr-FR": "Travail d'équipe"})}},
		{"single values where lists are allowed", minimalOB, []func(map[string]any){
			set("", "evidence", map[string]any{"type": "Evidence", "name": "Report"}),
			set("credentialSubject", "result", map[string]any{"type": []any{"Result"}, "status": "Completed"}),
			set("credentialSubject.achievement", "tag", "teamwork")}},
		{"identifier instead of id", minimalOB, []func(map[string]any){
			del("credentialSubject", "id"),
			set("credentialSubject", "identifier", map[string]any{"type": "IdentityObject", "hashed": true,
				"identityHash": "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399",
				"identityType": "emailAddress", "salt": "Kosher"})}},
		{"extension vocabulary", minimalOB, []func(map[string]any){
			set("credentialSubject.achievement", "achievementType", "ext:Hackathon")}},
		{"DateTime without a zone", minimalOB, []func(map[string]any){
			set("credentialSubject", "activityStartDate", "2024-04-01T09:00:00")}},
		{"lower-case RFC 3339 date", minimalOB, []func(map[string]any){set("", "validFrom", "2024-05-01t09:30:00.5+02:00")}},
		{"VC 1.1 shape", minimalOB, []func(map[string]any){v1, set("credentialSubject.achievement", "type", "BadgeClass")}},
		{"endorsements", minimalOB, []func(map[string]any){
			set("", "endorsementJwt", jwt),
			set("credentialSubject.achievement", "endorsement", decodeDoc(t, `{
			  "@context": ["https://www.w3.org/2018/credentials/v1"], "id": "urn:e1", "type": ["VerifiableCredential", "EndorsementCredential"],
			  "name": "Endorsed", "issuer": "https://endorser.example/", "issuanceDate": "2024-05-01T09:30:00Z",
			  "credentialSubject": {"id": "https://issuer.example/achievements/teamwork", "type": "EndorsementSubject"}}`))}},
		{"CLR", minimalCLR, nil},
		{"CLR with a JWT credential and VC 1.1 inner credential", minimalCLR, []func(map[string]any){func(d map[string]any) {
			inner := decodeDoc(t, minimalOB)
			v1(inner)
			at(d, "credentialSubject")["verifiableCredential"] = []any{jwt, inner}
		}}},
	}
	for _, c := range cases {
		d := decodeDoc(t, c.base)
		for _, e := range c.edit {
			e(d)
		}
		if ps, _ := builtin(d); len(ps) != 0 {
			t.Errorf("%s: unexpected problems:", c.name)
			for _, p := range ps {
				t.Logf("    %s", p.Text.English)
			}
		}
		if got := Check(t.Context(), d, nil); got.Outcome != "pass" || got.ID != "schema" {
			t.Errorf("%s: Check = %+v", c.name, got)
		}
	}
}

func TestProblems(t *testing.T) {
	cases := []struct {
		name    string
		base    string
		edit    []func(map[string]any)
		path    string
		message string // the exact sentence, or a part of it
	}{
		{"missing description", minimalOB, []func(map[string]any){del("credentialSubject.achievement", "description")},
			"credentialSubject.achievement.description", "The achievement is missing its description (credentialSubject.achievement.description)."},
		{"a missing achievement is one problem", minimalOB, []func(map[string]any){del("credentialSubject", "achievement")},
			"credentialSubject.achievement", "The recipient is missing its achievement (credentialSubject.achievement)."},
		{"a wrong type hides the object's other problems", minimalOB, []func(map[string]any){
			set("credentialSubject.achievement", "type", []any{"BadgeClass"}),
			del("credentialSubject.achievement", "name"), del("credentialSubject.achievement", "criteria")},
			"credentialSubject.achievement.type", `The achievement has the type "BadgeClass", but it must include "Achievement"`},
		{"a bare-string type must still be the class", minimalOB, []func(map[string]any){set("issuer", "type", "Organization")},
			"issuer.type", `The issuer has the type "Organization", but it must include "Profile" (issuer.type).`},
		{"no VerifiableCredential", minimalOB, []func(map[string]any){set("", "type", "OpenBadgeCredential")},
			"type", `must include "VerifiableCredential"`},
		{"no class", minimalOB, []func(map[string]any){set("", "type", []any{"VerifiableCredential"})},
			"type", "names neither an Open Badge"},
		{"no type at all", minimalOB, []func(map[string]any){del("", "type")},
			"type", "The credential is missing its type (type)."},
		{"validFrom without a zone", minimalOB, []func(map[string]any){set("", "validFrom", "2024-05-01T09:30:00")},
			"validFrom", "is not a date and time with a time zone"},
		{"validFrom not text", minimalOB, []func(map[string]any){set("", "validFrom", 1714555800.0)},
			"validFrom", "should be a date written as text, but it is a number"},
		{"VC 2.0 without validFrom", minimalOB, []func(map[string]any){del("", "validFrom")},
			"validFrom", "The credential is missing its valid-from date (validFrom)."},
		{"VC 1.1 without issuanceDate", minimalOB, []func(map[string]any){v1, del("", "issuanceDate")},
			"issuanceDate", "The credential is missing its issue date (issuanceDate)."},
		{"VC 1.1 with validFrom instead", minimalOB, []func(map[string]any){v1, del("", "issuanceDate"), set("", "validFrom", "2024-05-01T09:30:00Z")},
			"issuanceDate", "missing its issue date"},
		{"VC 1.1 without a name", minimalOB, []func(map[string]any){v1, del("", "name")},
			"name", "The credential is missing its name (name)."},
		{"identityType outside the vocabulary", minimalOB, []func(map[string]any){set("credentialSubject", "identifier", []any{
			map[string]any{"type": "IdentityObject", "hashed": false, "identityHash": "a@example.com", "identityType": "email"}})},
			"credentialSubject.identifier[0].identityType", `identity type "email" is not one of the values the specification allows`},
		{"hashed as text", minimalOB, []func(map[string]any){set("credentialSubject", "identifier", map[string]any{
			"type": "IdentityObject", "hashed": "true", "identityHash": "a@example.com", "identityType": "emailAddress"})},
			"credentialSubject.identifier.hashed", "should be true or false"},
		{"neither id nor identifier", minimalOB, []func(map[string]any){del("credentialSubject", "id")},
			"credentialSubject.id", "The recipient is named neither by an id nor by an identifier"},
		{"an empty identifier list is no identifier", minimalOB, []func(map[string]any){del("credentialSubject", "id"), set("credentialSubject", "identifier", []any{})},
			"credentialSubject.id", "The recipient is named neither by an id nor by an identifier"},
		{"image as a bare URL", minimalOB, []func(map[string]any){set("credentialSubject.achievement", "image", "https://issuer.example/b.png")},
			"credentialSubject.achievement.image", "should be an object with its own fields, but it is the text"},
		{"endorsementJwt not a JWS", minimalOB, []func(map[string]any){set("", "endorsementJwt", []any{"not a token"})},
			"endorsementJwt[0]", "is not a signed token"},
		{"number as text", minimalOB, []func(map[string]any){set("credentialSubject", "creditsEarned", "3")},
			"credentialSubject.creditsEarned", "should be a number"},
		{"issuer of the wrong kind", minimalOB, []func(map[string]any){set("", "issuer", 42.0)},
			"issuer", "should be a web address or a profile, but it is a number"},
		{"a CLR with no credentials", minimalCLR, []func(map[string]any){set("credentialSubject", "verifiableCredential", []any{})},
			"credentialSubject.verifiableCredential", "The learner lists no credentials (credentialSubject.verifiableCredential)."},
		{"a CLR without credentials", minimalCLR, []func(map[string]any){del("credentialSubject", "verifiableCredential")},
			"credentialSubject.verifiableCredential", "The learner is missing its credentials"},
		{"a CLR association of an unknown kind", minimalCLR, []func(map[string]any){func(d map[string]any) {
			at(d, "credentialSubject")["association"].([]any)[0].(map[string]any)["associationType"] = "isCousinOf"
		}}, "credentialSubject.association[0].associationType", `"isCousinOf" is not one of the values`},
		{"a CLR nested credential without a subject", minimalCLR, []func(map[string]any){func(d map[string]any) {
			delete(at(d, "credentialSubject")["verifiableCredential"].([]any)[0].(map[string]any), "credentialSubject")
		}}, "credentialSubject.verifiableCredential[0].credentialSubject", "A credential in the record is missing its subject"},
		{"CLR without a name", minimalCLR, []func(map[string]any){del("", "name")},
			"name", "The learner record is missing its name (name)."},
	}
	for _, c := range cases {
		d := decodeDoc(t, c.base)
		for _, e := range c.edit {
			e(d)
		}
		ps, _ := builtin(d)
		if len(ps) != 1 || ps[0].Path != c.path || !strings.Contains(ps[0].Text.English, c.message) {
			t.Errorf("%s: got %d problems, want one at %s containing %q:", c.name, len(ps), c.path, c.message)
			for _, p := range ps {
				t.Logf("    %s %s", p.Path, p.Text.English)
			}
			continue
		}
		got := Check(t.Context(), d, nil)
		if got.Outcome != "fail" || got.Message != ps[0].Text.English {
			t.Errorf("%s: Check = %s %q, want fail %q", c.name, got.Outcome, got.Message, ps[0].Text.English)
		}
	}
}

// TestManyProblems: all independent problems are found, the message lists
// the first ten, and the walk stops keeping them at maxProblems.
func TestManyProblems(t *testing.T) {
	d := decodeDoc(t, minimalOB)
	var ev []any
	for i := range 15 {
		ev = append(ev, map[string]any{"type": fmt.Sprintf("Bad%d", i)})
	}
	d["evidence"] = ev
	ps, dropped := builtin(d)
	if len(ps) != 15 || dropped != 0 {
		t.Fatalf("got %d problems (%d dropped), want 15", len(ps), dropped)
	}
	c := Check(t.Context(), d, nil)
	if n := strings.Count(c.Message, "An evidence item has the type"); n != maxListed {
		t.Errorf("message lists %d problems, want %d: %s", n, maxListed, c.Message)
	}
	if !strings.Contains(c.Message, "…and 5 more problems like these.") || !strings.Contains(c.Detail, "15 problem(s)") {
		t.Errorf("message does not count the rest: %s / %s", c.Message, c.Detail)
	}

	ev = nil
	for range 2 * maxProblems {
		ev = append(ev, "not an object")
	}
	d["evidence"] = ev
	if ps, dropped := builtin(d); len(ps) != maxProblems || dropped != maxProblems {
		t.Errorf("got %d kept and %d dropped, want %d and %d", len(ps), dropped, maxProblems, maxProblems)
	}
}

// TestDepth: a chain of parent organisations deeper than maxDepth is
// reported once, not walked to the end.
func TestDepth(t *testing.T) {
	d := decodeDoc(t, minimalOB)
	org := at(d, "issuer")
	for range 3 * maxDepth {
		next := map[string]any{"id": "https://issuer.example/parent", "type": "Profile"}
		org["parentOrg"] = next
		org = next
	}
	ps, _ := builtin(d)
	if len(ps) != 1 || !strings.Contains(ps[0].Text.English, "nested too deeply") {
		t.Fatalf("got %v", ps)
	}
}

// TestHostileValues: values are quoted and shortened in messages.
func TestHostileValues(t *testing.T) {
	d := decodeDoc(t, minimalOB)
	at(d, "issuer")["type"] = strings.Repeat("\u202e<script>", 1000)
	ps, _ := builtin(d)
	if len(ps) != 1 || len(ps[0].Text.English) > 400 || strings.Contains(ps[0].Text.English, "\u202e") {
		t.Fatalf("got %q", ps)
	}
}

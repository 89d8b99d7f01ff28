package schema

import (
	"encoding/base64"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/internal/vectors"
)

// vector is one credential object from the shared test vectors.
type vector struct {
	name string // path under vectors/1edtech
	doc  map[string]any
}

// corpusGlobs are the OB 3.0 / CLR 2.0 credentials in the shared vectors:
// JSON files, and the credential objects inside the JWTs.
var corpusGlobs = []string{
	"validator/ob30/*.json", "validator/ob30/*/*.json", "validator/clr20/*.json",
	"spec-rendered-examples/*.json", "spec-test-vectors/*/credential-*.json",
	"spec-rendered-examples/*.jwt", "validator/ob30/*.jwt", "validator/clr20/*.jwt",
}

// corpus reads every credential of the shared vectors.
func corpus(t *testing.T) []vector {
	t.Helper()
	root := vectors.Dir(t, "1edtech")
	var out []vector
	for _, g := range corpusGlobs {
		files, err := filepath.Glob(filepath.Join(root, g))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			out = append(out, vector{name: filepath.ToSlash(rel), doc: readVector(t, strings.Split(filepath.ToSlash(rel), "/")...)})
		}
	}
	if len(out) < 50 {
		t.Fatalf("found only %d credentials in the shared vectors; the corpus globs are stale", len(out))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// readVector decodes one vector: a JSON credential, or the credential
// object of a JWT (the `vc` claim in the VC 1.1 style, else the payload).
func readVector(t *testing.T, elem ...string) map[string]any {
	t.Helper()
	b := vectors.Read(t, append([]string{"1edtech"}, elem...)...)
	if strings.HasSuffix(elem[len(elem)-1], ".jwt") {
		parts := strings.Split(strings.TrimSpace(string(b)), ".")
		if len(parts) != 3 {
			t.Fatalf("%v: not a compact JWS", elem)
		}
		var err error
		if b, err = base64.RawURLEncoding.DecodeString(parts[1]); err != nil {
			t.Fatalf("%v: payload: %v", elem, err)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%v: %v", elem, err)
	}
	if vc, ok := doc["vc"].(map[string]any); ok {
		return vc
	}
	return doc
}

// expectedProblems lists, for every vector that breaks a data-model rule,
// the paths the built-in rules must name, and why. Every other vector must
// pass.
var expectedProblems = map[string][]string{
	// The defect each 1EdTech validator file was made to show.
	"validator/ob30/simple-err-type.json":                                                   {"type"},
	"validator/ob30/simple-err-issuer-type.json":                                            {"issuer.type"},
	"validator/ob30/simple-err-issuer-parentorg-type.json":                                  {"issuer.parentOrg.type"},
	"validator/ob30/simple-err-issuer-otheridentifier-type.json":                            {"issuer.otherIdentifier[1].type"},
	"validator/ob30/simple-err-credential-subject-type.json":                                {"credentialSubject.type"},
	"validator/ob30/simple-err-credential-subject-identifier-type.json":                     {"credentialSubject.identifier[0].type"},
	"validator/ob30/simple-err-credential-subject-profile-type.json":                        {"credentialSubject.source.type"},
	"validator/ob30/simple-err-credential-subject-result-type.json":                         {"credentialSubject.result[1].type"},
	"validator/ob30/simple-err-credential-subject-achievement-result-description-type.json": {"credentialSubject.achievement.resultDescription[2].type"},
	"validator/ob30/simple-err-evidence-type.json":                                          {"evidence[1].type"},
	// simple-err-issuer.json had its issuer removed; like several older
	// validator files it also has no achievement (OB 3.0 §B.1.4: [1]).
	"validator/ob30/simple-err-issuer.json":  {"issuer", "credentialSubject.achievement"},
	"validator/ob30/simple-err-context.json": {"credentialSubject.achievement"}, // its @context is the format check's
	"validator/ob30/simple-err-issued.json":  {"credentialSubject.achievement"}, // its dates are the validity check's
	"validator/ob30/simple-noproof.json":     {"credentialSubject.achievement"},
	"validator/ob30/simple.jwt":              {"credentialSubject.achievement"},
	// complete_v1.json (which 1EdTech's validator also reports invalid):
	// its endorsements lack the id and name EndorsementCredentialv1p1
	// requires (OB 3.0 §B.9.4), and "email" is not an identityType of
	// §B.5 IdentifierTypeEnum ("emailAddress" is).
	"validator/ob30/complete_v1.json": {
		"issuer.endorsement[0].id",
		"credentialSubject.identifier[0].identityType",
		"credentialSubject.identifier[1].identityType",
		"credentialSubject.achievement.creator.endorsement[0].id",
		"credentialSubject.achievement.creator.endorsement[1].id",
		"credentialSubject.achievement.creator.endorsement[1].name",
		"credentialSubject.achievement.endorsement[0].id",
		"endorsement[0].id",
	},
}

func paths(ps []problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path
	}
	sort.Strings(out)
	return out
}

func sorted(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}

func TestCorpus(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range corpus(t) {
		want := expectedProblems[v.name]
		seen[v.name] = true
		ps, dropped := builtin(v.doc)
		if dropped != 0 {
			t.Errorf("%s: %d problems dropped", v.name, dropped)
		}
		if got := paths(ps); strings.Join(got, " ") != strings.Join(sorted(want), " ") {
			t.Errorf("%s: problems at %q, want %q", v.name, got, sorted(want))
			for _, p := range ps {
				t.Logf("    %s", p.Text.English)
			}
		}
	}
	for name := range expectedProblems {
		if !seen[name] {
			t.Errorf("%s: listed in expectedProblems but not in the corpus", name)
		}
	}
}

// TestErrorVectorsCheck runs the public Check on the validator's error
// files: fail, naming the path in the message.
func TestErrorVectorsCheck(t *testing.T) {
	for _, v := range corpus(t) {
		want := expectedProblems[v.name]
		if !strings.Contains(v.name, "simple-err-") || len(want) == 0 {
			continue
		}
		c := Check(t.Context(), v.doc, nil)
		if c.ID != "schema" || c.Outcome != "fail" {
			t.Errorf("%s: %s %s, want schema fail", v.name, c.ID, c.Outcome)
		}
		for _, p := range want {
			if !strings.Contains(c.Message, "("+p+")") {
				t.Errorf("%s: message does not name %s: %s", v.name, p, c.Message)
			}
		}
	}
}

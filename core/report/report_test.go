package report

import (
	"encoding/json"
	"reflect"
	"testing"
)

// finish builds a Report of kind from (id, outcome) pairs and finishes it.
func finish(kind string, checks ...any) *Report {
	r := &Report{Kind: kind}
	for i := 0; i+1 < len(checks); i += 2 {
		r.Add(checks[i].(CheckID), checks[i+1].(Outcome), Say("test.message", "A check."), "")
	}
	r.Finish()
	return r
}

// The verdict is derived from the checks, and only from them (package doc).
func TestVerdict(t *testing.T) {
	for name, c := range map[string]struct {
		r       *Report
		verdict Verdict
		missing []CheckID
	}{
		"no format check":           {finish("x", CheckProof, Pass), Error, nil},
		"format failed":             {finish("x", CheckFormat, Fail, CheckProof, Pass), Error, nil},
		"all passed":                {finish("x", CheckFormat, Pass, CheckProof, Pass, CheckIssuer, Pass), Verified, nil},
		"a warning":                 {finish("x", CheckFormat, Pass, CheckProof, Pass, CheckSchema, Warn), Verified, nil},
		"one failed":                {finish("x", CheckFormat, Pass, CheckProof, Pass, CheckValidity, Fail), NotVerified, nil},
		"a fail beats a skip":       {finish("x", CheckFormat, Pass, CheckProof, Skip, CheckStatus, Fail), NotVerified, nil},
		"no proof at all":           {finish("x", CheckFormat, Pass, CheckValidity, Pass), NotVerified, nil},
		"required skipped":          {finish("x", CheckFormat, Pass, CheckProof, Pass, CheckStatus, Skip, CheckIssuer, Skip), Incomplete, []CheckID{CheckStatus, CheckIssuer}},
		"optional skipped":          {finish("x", CheckFormat, Pass, CheckProof, Pass, CheckSchema, Skip, CheckEndorsements, Skip, CheckIdentity, Skip), Verified, nil},
		"presentation anchor":       {finish(KindPresentation, CheckFormat, Pass, CheckPresentation, Pass), Verified, nil},
		"presentation without one":  {finish(KindPresentation, CheckFormat, Pass, CheckProof, Pass), NotVerified, nil},
		"presentation holder skips": {finish(KindPresentation, CheckFormat, Pass, CheckPresentation, Skip), Incomplete, []CheckID{CheckPresentation}},
	} {
		t.Run(name, func(t *testing.T) {
			if c.r.Verdict != c.verdict || c.r.Verified != (c.verdict == Verified) {
				t.Errorf("verdict %s (verified %v), want %s", c.r.Verdict, c.r.Verified, c.verdict)
			}
			var got []CheckID
			for _, m := range c.r.Missing {
				got = append(got, m.Check)
				if m.Remedy != RemedyNone {
					t.Errorf("missing %s: remedy %q, want none when the check named none", m.Check, m.Remedy)
				}
			}
			if !reflect.DeepEqual(got, c.missing) {
				t.Errorf("missing %v, want %v", got, c.missing)
			}
		})
	}
}

// A skip's remedy and URL travel into Missing.
func TestMissingRemedy(t *testing.T) {
	r := &Report{Kind: KindOpenBadge}
	r.Add(CheckFormat, Pass, Say("test.message", "A check."), "")
	r.Add(CheckProof, Pass, Say("test.message", "A check."), "")
	c := Say("test.message", "A check.").Check(CheckStatus, Skip, "")
	c.Remedy, c.URL = RemedyOnline, "https://status.example/1"
	r.Checks = append(r.Checks, c)
	r.Finish()
	if len(r.Missing) != 1 || r.Missing[0].Remedy != RemedyOnline || r.Missing[0].URL != c.URL || r.Missing[0].Code != "test.message" {
		t.Errorf("missing %+v", r.Missing)
	}
}

func TestCheckLookup(t *testing.T) {
	r := finish("x", CheckFormat, Pass, CheckProof, Fail, CheckProof, Pass)
	if c := r.Check(CheckProof); c == nil || c.Outcome != Fail {
		t.Errorf("Check returns %+v, want the first proof check", c)
	}
	if r.Check(CheckStatus) != nil {
		t.Error("Check found a check that is not there")
	}
	if !r.Failed() {
		t.Error("Failed is false with a failed check")
	}
}

func TestOB2Kinds(t *testing.T) {
	for _, k := range []string{KindOB2Assertion, KindOB2BadgeClass, KindOB2Issuer, KindOB2Profile, KindOB2Endorsement} {
		if !IsOB2Kind(k) {
			t.Errorf("%s is not an OB 2.0 kind", k)
		}
	}
	for _, k := range []string{KindOpenBadge, KindCLR, KindEndorsement, KindPresentation, "unknown", ""} {
		if IsOB2Kind(k) {
			t.Errorf("%q is an OB 2.0 kind", k)
		}
	}
}

// The JSON field names are the contract of docs/report.md.
func TestJSONFieldNames(t *testing.T) {
	r := finish(KindOpenBadge, CheckFormat, Pass, CheckProof, Pass, CheckStatus, Skip)
	r.Format, r.Source = "json-ld", "badge.json"
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"verdict", "verified", "missing", "kind", "format", "summary", "checks", "source"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %q in %s", k, b)
		}
	}
	c := m["checks"].([]any)[2].(map[string]any)
	for k, want := range map[string]any{"id": "status", "outcome": "skip", "message": "A check.", "code": "test.message"} {
		if c[k] != want {
			t.Errorf("check %q = %v, want %v", k, c[k], want)
		}
	}
	if miss := m["missing"].([]any)[0].(map[string]any); miss["check"] != "status" || miss["remedy"] != "none" {
		t.Errorf("missing %v", miss)
	}
}

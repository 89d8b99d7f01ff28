package verify

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/internal/hostile"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// catalogue reads web/i18n/messages.mjs, the codes the core emits with
// their English templates (kept in step with the source by
// core/report's TestMessageCatalogue).
func catalogue(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile("../../web/i18n/messages.mjs")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	start, end := strings.Index(s, "{"), strings.LastIndex(s, "}")
	var m map[string]string
	if start < 0 || end < start || json.Unmarshal([]byte(s[start:end+1]), &m) != nil {
		t.Fatal("web/i18n/messages.mjs is not `export default {JSON}`")
	}
	return m
}

// TestEveryCheckHasACode verifies every input the project has (the whole
// ../shared vector corpus, the OB 2.0 validator vectors with their assets,
// the forgeries, the peer fixtures, the presentations, the page's samples
// and the hostile corpus), offline, at another date, and (where offline left
// a check undone) online against servers that do not answer, with a
// recipient, a challenge and strict rules, and requires
// of every check and every missing item in every report, nested ones
// included: a code the catalogue lists (so web/i18n.mjs can say it in every
// language) for the message and each sentence that follows it, with
// parameters that rebuild the English message exactly.
func TestEveryCheckHasACode(t *testing.T) {
	cat := catalogue(t)
	seen := map[string]bool{}
	var inputs []struct {
		name string
		data []byte
		docs map[string][]byte
	}
	add := func(name string, data []byte, docs map[string][]byte) {
		inputs = append(inputs, struct {
			name string
			data []byte
			docs map[string][]byte
		}{name, data, docs})
	}
	walk := func(dir string, docs map[string][]byte) {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			add(p, b, docs)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	walk(vectors.Dir(t), nil)
	walk(vectors.Dir(t, "1edtech", "validator", "ob20"), ob2Assets(t))
	for _, d := range []string{"testdata/forgeries", "testdata/peer", "testdata/vp", "web/samples"} {
		walk(filepath.Join("../..", d), nil)
	}

	unreachable := fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) {
		return nil, &fetch.StatusError{URL: u, Code: 404}
	})
	gone := fetch.Func(func(_ context.Context, u string, _ ...string) ([]byte, error) {
		return nil, &fetch.StatusError{URL: u, Code: 410}
	})
	modes := map[string][]Option{
		"offline": nil,
		"unreachable": {WithFetcher(unreachable), WithRefresh(true), WithPrivateNetwork(true),
			WithRecipient(recipient.Known{Type: "emailAddress", Value: "learner@example.org"})},
		"gone":   {WithFetcher(gone), WithChallenge("c-1"), WithDomain("verifier.example"), WithStrict(true)},
		"at2020": {WithTime(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))},
	}
	for _, in := range inputs {
		verify := func(mode string) *report.Report {
			all := append([]Option{WithTime(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)), WithDocuments(in.docs)}, modes[mode]...)
			r := New(all...).Verify(context.Background(), in.data, filepath.Base(in.name))
			everyCode(t, in.name+" ("+mode+")", r, cat, seen)
			return r
		}
		// The other modes only where they can say something else: online
		// where offline left something unchecked, another date where there
		// is a credential to date.
		r := verify("offline")
		if r.Verdict != report.Error {
			verify("at2020")
		}
		if skipped(r) {
			verify("unreachable")
			verify("gone")
		}
	}
	// The hostile corpus is made to cost as much as possible: once is
	// enough to see what it is told.
	for _, in := range hostile.Corpus() {
		r := New(WithTime(hostile.At), WithDocuments(in.Docs)).Verify(context.Background(), in.Data, in.Name)
		everyCode(t, "hostile "+in.Name, r, cat, seen)
	}
	var unseen []string
	for c := range cat {
		if !seen[c] {
			unseen = append(unseen, c)
		}
	}
	sort.Strings(unseen)
	t.Logf("%d inputs; %d of %d codes seen; not produced by the corpus: %s", len(inputs), len(seen), len(cat), strings.Join(unseen, " "))
}

func everyCode(t *testing.T, where string, r *report.Report, cat map[string]string, seen map[string]bool) {
	t.Helper()
	say := func(what, code string, params map[string]string, more []report.Part, english string) {
		tmpl, ok := cat[code]
		if !ok {
			t.Errorf("%s: %s: code %q is not in the catalogue: %q", where, what, code, english)
			return
		}
		seen[code] = true
		text := report.Say(code, tmpl, flat(params)...)
		for _, p := range more {
			tm, ok := cat[p.Code]
			if !ok {
				t.Errorf("%s: %s: a following sentence's code %q is not in the catalogue: %q", where, what, p.Code, english)
				return
			}
			seen[p.Code] = true
			text = text.Then(report.Say(p.Code, tm, flat(p.Params)...))
		}
		if text.English != english {
			t.Errorf("%s: %s: code %s and its params say\n%q\nbut the message is\n%q", where, what, code, text.English, english)
		}
	}
	for _, c := range r.Checks {
		say("check "+string(c.ID), c.Code, c.Params, c.More, c.Message)
	}
	for _, m := range r.Missing {
		say("missing "+string(m.Check), m.Code, m.Params, m.More, m.Message)
	}
	for _, n := range r.Credentials {
		everyCode(t, where+" > "+n.Source, n, cat, seen)
	}
}

// skipped reports whether r or a report inside it has a check that could
// not run.
func skipped(r *report.Report) bool {
	for _, c := range r.Checks {
		if c.Outcome == report.Skip {
			return true
		}
	}
	for _, n := range r.Credentials {
		if skipped(n) {
			return true
		}
	}
	return false
}

func flat(params map[string]string) []string {
	kv := make([]string, 0, 2*len(params))
	for k, v := range params {
		kv = append(kv, k, v)
	}
	return kv
}

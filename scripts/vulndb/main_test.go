package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// osv writes the report id into dir as vulndb's data/osv holds it.
func osv(t *testing.T, dir, name, body string) []byte {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return []byte(body)
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWrite(t *testing.T) {
	src, out := t.TempDir(), filepath.Join(t.TempDir(), "db")
	one := osv(t, src, "GO-2024-0001.json", `{"id":"GO-2024-0001","modified":"0001-01-01T00:00:00Z",
		"affected":[{"package":{"name":"example.com/a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.0"}]}]}]}`)
	osv(t, src, "GO-2024-0002.json", `{"id":"GO-2024-0002","modified":"2030-01-02T03:04:05Z",
		"affected":[
			{"package":{"name":"stdlib"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.21.5"},{"introduced":"1.22.0"},{"fixed":"1.22.1"}]}]},
			{"package":{"name":"example.com/a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.0"},{"introduced":"1.1.0"}]}]}]}`)
	osv(t, src, "README.md", "not a report")
	// A stale file from an earlier version must not survive.
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		t.Fatal(err)
	}
	osv(t, filepath.Join(out, "ID"), "GO-2000-0000.json", "{}")

	published := time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)
	if err := write(src, out, published); err != nil {
		t.Fatal(err)
	}
	// Modules by path, their reports by id; a report reintroduced after its
	// last fix has no fix; the database is as new as its newest report.
	want := `[{"path":"example.com/a","vulns":[` +
		`{"id":"GO-2024-0001","modified":"0001-01-01T00:00:00Z","fixed":"1.2.0"},` +
		`{"id":"GO-2024-0002","modified":"2030-01-02T03:04:05Z"}]},` +
		`{"path":"stdlib","vulns":[{"id":"GO-2024-0002","modified":"2030-01-02T03:04:05Z","fixed":"1.22.1"}]}]`
	if got := read(t, filepath.Join(out, "index", "modules.json")); got != want {
		t.Errorf("modules.json\n got %s\nwant %s", got, want)
	}
	if got, want := read(t, filepath.Join(out, "index", "db.json")), `{"modified":"2030-01-02T03:04:05Z"}`; got != want {
		t.Errorf("db.json = %s, want %s", got, want)
	}
	if got := read(t, filepath.Join(out, "ID", "GO-2024-0001.json")); got != string(one) {
		t.Errorf("ID/GO-2024-0001.json is not the report's bytes: %s", got)
	}
	ids, _ := filepath.Glob(filepath.Join(out, "ID", "*"))
	if len(ids) != 2 {
		t.Errorf("ID/ holds %d files, want the 2 reports: %v", len(ids), ids)
	}
}

func TestWriteDatesByPublished(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	osv(t, src, "GO-2024-0001.json", `{"id":"GO-2024-0001","modified":"0001-01-01T00:00:00Z","affected":[]}`)
	if err := write(src, out, time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got, want := read(t, filepath.Join(out, "index", "db.json")), `{"modified":"2026-11-05T23:49:57Z"}`; got != want {
		t.Errorf("db.json = %s, want %s", got, want)
	}
}

func TestWriteRefuses(t *testing.T) {
	for name, c := range map[string]struct{ file, body, err string }{
		"misnamed":   {"GO-2024-0001.json", `{"id":"GO-2024-0002"}`, "must be named GO-2024-0002.json"},
		"no id":      {"GO-2024-0001.json", `{"modified":"0001-01-01T00:00:00Z"}`, "must be named"},
		"not JSON":   {"GO-2024-0001.json", `{"id":`, "unexpected end of JSON"},
		"no reports": {"README.md", "text", "no OSV reports"},
	} {
		t.Run(name, func(t *testing.T) {
			src := t.TempDir()
			osv(t, src, c.file, c.body)
			err := write(src, filepath.Join(t.TempDir(), "db"), time.Time{})
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("write: %v, want an error saying %q", err, c.err)
			}
		})
	}
}

func TestLatestFix(t *testing.T) {
	semverRange := func(events ...[2]string) osvRange {
		r := osvRange{Type: "SEMVER"}
		for _, e := range events {
			r.Events = append(r.Events, struct {
				Introduced string `json:"introduced"`
				Fixed      string `json:"fixed"`
			}{e[0], e[1]})
		}
		return r
	}
	intro := func(v string) [2]string { return [2]string{v, ""} }
	fix := func(v string) [2]string { return [2]string{"", v} }
	for _, c := range []struct {
		name   string
		ranges []osvRange
		want   string
	}{
		{"none", nil, ""},
		{"never fixed", []osvRange{semverRange(intro("0"))}, ""},
		{"one fix", []osvRange{semverRange(intro("0"), fix("1.2.3"))}, "1.2.3"},
		// 1.10 is above 1.9: compared as versions, not as text.
		{"latest of several", []osvRange{semverRange(intro("0"), fix("1.9.0"), intro("1.10.0"), fix("1.10.2"))}, "1.10.2"},
		{"across ranges", []osvRange{semverRange(intro("0"), fix("2.0.0")), semverRange(intro("0"), fix("1.5.0"))}, "2.0.0"},
		{"reintroduced", []osvRange{semverRange(intro("0"), fix("1.0.0"), intro("1.1.0"))}, ""},
		{"prerelease below release", []osvRange{semverRange(intro("0"), fix("1.2.0-rc.1"), fix("1.2.0"))}, "1.2.0"},
		{"not SEMVER", []osvRange{{Type: "GIT"}, semverRange(intro("0"), fix("0.3.0"))}, "0.3.0"},
	} {
		if got := latestFix(c.ranges); got != c.want {
			t.Errorf("%s: latestFix = %q, want %q", c.name, got, c.want)
		}
	}
}

// Command vulndb writes the Go vulnerability database that govulncheck reads
// in `make lint`, from golang.org/x/vulndb as the Go module proxy serves it:
//
//	go run ./scripts/vulndb -o bin/vulndb/VERSION golang.org/x/vulndb@VERSION
//	govulncheck -db file://$PWD/bin/vulndb/VERSION ./...
//
// govulncheck's usual source, vuln.go.dev, is out of reach of the project's
// machines and CI; the module proxy is not, and the vulndb module holds every
// report as an OSV file (data/osv/GO-YYYY-NNNN.json). This lays them out as
// the database API govulncheck reads from a directory
// (https://go.dev/security/vuln/database#api): index/db.json,
// index/modules.json and ID/<id>.json.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/mod/semver"
)

func main() {
	out := flag.String("o", "", "directory to write the database to (replaced)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: vulndb -o DIR golang.org/x/vulndb@VERSION")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "vulndb:", err)
		os.Exit(1)
	}
}

// run fetches the module through the go command (and so the proxy and the
// checksum database) and writes the database of its data/osv into out.
func run(module, out string) error {
	cmd := exec.Command("go", "mod", "download", "-json", module)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	var dl struct{ Dir, Info, Error string }
	if jerr := json.Unmarshal(b, &dl); dl.Error != "" {
		return fmt.Errorf("go mod download %s: %s", module, dl.Error)
	} else if err = errors.Join(err, jerr); err != nil {
		return fmt.Errorf("go mod download %s: %v", module, err)
	}
	info, err := os.ReadFile(dl.Info)
	if err != nil {
		return err
	}
	var v struct{ Time time.Time }
	if err := json.Unmarshal(info, &v); err != nil {
		return fmt.Errorf("%s: %v", dl.Info, err)
	}
	return write(filepath.Join(dl.Dir, "data", "osv"), out, v.Time)
}

// entry is what the index needs of an OSV report; ID/<id>.json is the
// report's own bytes.
type entry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		Ranges []osvRange `json:"ranges"`
	} `json:"affected"`
}

type osvRange struct {
	Type   string `json:"type"`
	Events []struct {
		Introduced string `json:"introduced"`
		Fixed      string `json:"fixed"`
	} `json:"events"`
}

type moduleVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Fixed    string    `json:"fixed,omitempty"`
}

type module struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

// write lays out the OSV reports of src as a database in out. The
// database's modified time is the latest of the reports' and of published:
// the module's reports all say 0001-01-01 (vuln.go.dev dates them from git
// history), so the vulndb commit's time is what dates this copy.
func write(src, out string, published time.Time) error {
	files, err := filepath.Glob(filepath.Join(src, "*.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no OSV reports in %s", src)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(out, "ID"), 0o755); err != nil {
		return err
	}
	modified := published
	modules := map[string]*module{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var e entry
		if err := json.Unmarshal(b, &e); err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		// govulncheck fetches a report by the id the index names.
		if e.ID == "" || filepath.Base(f) != e.ID+".json" {
			return fmt.Errorf("%s: the file of report %q must be named %s.json", f, e.ID, e.ID)
		}
		if e.Modified.After(modified) {
			modified = e.Modified
		}
		for _, a := range e.Affected {
			m := modules[a.Package.Name]
			if m == nil {
				m = &module{Path: a.Package.Name}
				modules[a.Package.Name] = m
			}
			m.Vulns = append(m.Vulns, moduleVuln{ID: e.ID, Modified: e.Modified, Fixed: latestFix(a.Ranges)})
		}
		if err := os.WriteFile(filepath.Join(out, "ID", e.ID+".json"), b, 0o644); err != nil {
			return err
		}
	}
	index := make([]*module, 0, len(modules))
	for _, m := range modules {
		slices.SortFunc(m.Vulns, func(a, b moduleVuln) int { return strings.Compare(a.ID, b.ID) })
		index = append(index, m)
	}
	slices.SortFunc(index, func(a, b *module) int { return strings.Compare(a.Path, b.Path) })
	if err := os.MkdirAll(filepath.Join(out, "index"), 0o755); err != nil {
		return err
	}
	// modules.json last: govulncheck (and make) take its presence to mean
	// the database is complete.
	return errors.Join(
		writeJSON(filepath.Join(out, "index", "db.json"), struct {
			Modified time.Time `json:"modified"`
		}{modified}),
		writeJSON(filepath.Join(out, "index", "modules.json"), index),
	)
}

func writeJSON(name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

// latestFix is the version from which no version is affected, or "" if
// there is none: the latest fix of the SEMVER ranges, unless a range is
// introduced again after it. govulncheck reads only the reports of a module
// whose version is below it, so a fix set too early would hide a report.
// This is the rule of vulndb's own index (internal/osvutils.LatestFixed).
func latestFix(ranges []osvRange) string {
	var latest string
	for _, r := range ranges {
		if r.Type != "SEMVER" {
			continue
		}
		for _, e := range r.Events {
			if e.Fixed != "" && less(latest, e.Fixed) {
				latest = e.Fixed
			}
		}
		for _, e := range r.Events {
			if e.Introduced != "" && e.Introduced != "0" && less(latest, e.Introduced) {
				latest = ""
				break
			}
		}
	}
	return latest
}

// less compares OSV versions, which have no "v" (the standard library's may
// carry "go"); "" is below every version.
func less(a, b string) bool {
	canon := func(s string) string { return "v" + strings.TrimPrefix(strings.TrimPrefix(s, "v"), "go") }
	return semver.Compare(canon(a), canon(b)) < 0
}

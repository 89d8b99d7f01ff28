// Command hostile writes the hostile-input corpus (internal/hostile) into a
// directory, for the browser tests and the wasm side of `make bench`, or
// measures it natively:
//
//	go run ./scripts/hostile -out tests/out/hostile   # NAME.json (+ NAME.docs.json)
//	go run ./scripts/hostile -measure                 # worst time and peak memory
//
// NAME.docs.json maps URLs to the documents supplied with NAME.json, when it
// has any. -measure verifies each input -runs times, each in a process of its
// own so that its peak resident memory (getrusage ru_maxrss) is its own, and
// prints a Markdown table of the worst time and the peak memory, marking
// any input over the bounds the README states (2 s, 256 MiB).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/clearbadge/clearbadge/core/verify"
	"github.com/clearbadge/clearbadge/core/work"
	"github.com/clearbadge/clearbadge/internal/hostile"
)

// The bounds the README states for any corpus input, natively.
const (
	maxTime   = 2 * time.Second
	maxMemory = 256 << 20
)

func main() {
	out := flag.String("out", "", "write the corpus to this directory")
	measure := flag.Bool("measure", false, "measure each input natively and print a table")
	runs := flag.Int("runs", 3, "with -measure: verifications per input (the worst is reported)")
	one := flag.String("one", "", "verify the named input once and print its time and work as JSON (used by -measure)")
	flag.Parse()
	var err error
	switch {
	case *one != "":
		err = verifyOne(*one)
	case *measure:
		err = measureAll(*runs)
	case *out != "":
		err = write(*out)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, in := range hostile.Corpus() {
		if err := os.WriteFile(filepath.Join(dir, in.Name+".json"), in.Data, 0o644); err != nil {
			return err
		}
		if len(in.Docs) == 0 {
			continue
		}
		docs := map[string]string{}
		for u, b := range in.Docs {
			docs[u] = string(b)
		}
		b, err := json.Marshal(docs)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, in.Name+".docs.json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// result is what one verification reports to the measuring parent.
type result struct {
	Millis  float64 `json:"ms"`
	Verdict string  `json:"verdict"`
	Canon   int64   `json:"canonicalizations"`
	Decodes int64   `json:"listDecodes"`
	Size    int     `json:"size"`
}

func verifyOne(name string) error {
	in, ok := hostile.Named(name)
	if !ok {
		return fmt.Errorf("no input named %q", name)
	}
	{
		var c work.Counters
		v := verify.New(verify.WithTime(hostile.At), verify.WithDocuments(in.Docs))
		start := time.Now()
		r := v.Verify(work.With(context.Background(), &c), in.Data, in.Name)
		res := result{Millis: float64(time.Since(start).Microseconds()) / 1000, Verdict: string(r.Verdict),
			Canon: c.Canonicalizations.Load(), Decodes: c.ListDecodes.Load(), Size: len(in.Data)}
		return json.NewEncoder(os.Stdout).Encode(res)
	}
}

func measureAll(runs int) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| input | size | worst time | peak memory | verdict | canonicalizations | list decodes |\n|---|---:|---:|---:|---|---:|---:|\n")
	over := false
	for _, name := range hostile.Names() {
		var worst result
		var peak int64
		for i := 0; i < runs; i++ {
			cmd := exec.Command(self, "-one", name)
			cmd.Stderr = os.Stderr
			outb, err := cmd.Output()
			if err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
			var r result
			if err := json.Unmarshal(outb, &r); err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
			if r.Millis >= worst.Millis {
				worst = r
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss*1024 > peak {
				peak = ru.Maxrss * 1024 // kilobytes on Linux
			}
		}
		mark := ""
		if worst.Millis > float64(maxTime.Milliseconds()) || peak > maxMemory {
			mark, over = " **over**", true
		}
		fmt.Fprintf(&b, "| %s | %s | %.0f ms | %.0f MiB | %s%s | %d | %d |\n", name, size(worst.Size), worst.Millis, float64(peak)/(1<<20), worst.Verdict, mark, worst.Canon, worst.Decodes)
	}
	if over {
		fmt.Fprintf(&b, "\nAn input passed the bounds (%s, %d MiB); on a loaded machine, run again to tell load from a regression.\n", maxTime, maxMemory>>20)
	}
	fmt.Print(b.String())
	return nil
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
}

package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

// batchExts are the files a directory argument contributes: the forms a
// credential comes in (JSON-LD, VC-JWT, baked PNG or SVG).
var batchExts = map[string]bool{".json": true, ".jsonld": true, ".jwt": true, ".png": true, ".svg": true}

// expandInputs replaces each directory among args by the credential files
// under it (batchExts, recursively, in lexical order; hidden entries
// skipped). Files named directly are kept whatever their name.
func expandInputs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if a == "-" {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a) // readInput reports the error in order
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && batchExts[strings.ToLower(filepath.Ext(p))] {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// result is one input's outcome: a report, or why the input could not be
// read.
type result struct {
	name string
	r    *report.Report
	err  error
}

// verifyAll verifies inputs on jobs goroutines and hands the results to
// emit one at a time, in input order, as soon as each and all before it are
// done (so output streams, and is the same for any number of jobs). At most
// a few results per job wait for an earlier slow one.
func verifyAll(v *verify.Verifier, inputs []string, jobs int, stdin io.Reader, emit func(result)) {
	slots := make([]chan result, len(inputs))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	window := make(chan struct{}, jobs*4)
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				name := inputs[i]
				data, err := readInput(name, stdin)
				if err != nil {
					slots[i] <- result{name: name, err: err}
					continue
				}
				slots[i] <- result{name: name, r: v.Verify(context.Background(), data, name)}
			}
		}()
	}
	go func() {
		for i := range inputs {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for i := range slots {
		emit(<-slots[i])
		<-window
	}
	wg.Wait()
}

// progress draws a one-line bar on a terminal's stderr: done/total, rate
// and an estimate of the time left, at most ten times a second.
type progress struct {
	w     io.Writer
	total int
	start time.Time
	last  time.Time
}

func newProgress(stderr io.Writer, total int) *progress {
	f, ok := stderr.(*os.File)
	if !ok || total < 2 {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	now := time.Now()
	return &progress{w: stderr, total: total, start: now}
}

func (p *progress) update(done int) {
	if p == nil {
		return
	}
	now := time.Now()
	if done < p.total && now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	const width = 30
	filled := width * done / p.total
	rate := float64(done) / now.Sub(p.start).Seconds()
	eta := ""
	if rate > 0 && done < p.total {
		eta = fmt.Sprintf(", %s left", (time.Duration(float64(p.total-done)/rate) * time.Second).Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\x1b[K[%s%s] %d/%d  %.0f/s%s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, p.total, rate, eta)
}

// clear erases the bar, so that what follows starts on a clean line.
func (p *progress) clear() {
	if p != nil {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

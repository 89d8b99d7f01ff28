package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
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
	line []byte // r as encode wrote it, when verifyAll was given encode
	err  error
}

// verifyAll verifies inputs on jobs goroutines and hands the results to
// emit one at a time, in input order, as soon as each and all before it are
// done (so output streams, and is the same for any number of jobs). At most
// a few results per job wait for an earlier slow one. encode, when not nil,
// turns each report into its output on the job's goroutine.
//
// There is no output goroutine: the job that completes the next result in
// order calls emit (under the lock that keeps the order), and takes its next
// input itself. A hand-off per input to another goroutine costs a wake-up on
// another core, which one job got for free from an idle core and several
// jobs pay for.
func verifyAll(v *verify.Verifier, inputs []string, jobs int, stdin io.Reader, encode func(*report.Report) []byte, emit func(result)) {
	var (
		mu      sync.Mutex
		room    = sync.NewCond(&mu) // signalled when emitted grows
		window  = jobs * 4
		done    = make([]*result, window) // done[i%window]: input i, done, not yet emitted
		claimed int                       // inputs taken by a job
		emitted int                       // results handed to emit
	)
	job := func() {
		mu.Lock()
		defer mu.Unlock()
		for {
			for claimed < len(inputs) && claimed >= emitted+window {
				room.Wait()
			}
			if claimed == len(inputs) {
				return
			}
			i := claimed
			claimed++
			mu.Unlock()
			res := verifyOne(v, inputs[i], stdin, encode)
			mu.Lock()
			done[i%window] = &res
			before := emitted
			for r := done[emitted%window]; r != nil; r = done[emitted%window] {
				done[emitted%window] = nil
				emitted++
				emit(*r)
			}
			if emitted > before {
				room.Broadcast()
			}
		}
	}
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(job)
	}
	wg.Wait()
}

// verifyOne reads and verifies one input.
func verifyOne(v *verify.Verifier, name string, stdin io.Reader, encode func(*report.Report) []byte) result {
	data, err := readInput(name, stdin)
	if err != nil {
		return result{name: name, err: err}
	}
	res := result{name: name, r: v.Verify(context.Background(), data, name)}
	if encode != nil {
		res.line = encode(res.r)
	}
	return res
}

// gcPercent is the collector's setting while reports stream out (--jsonl,
// text): a verification allocates ~60 KB and keeps none of it, so with
// Go's default of 100 the heap stays at its 4 MB minimum and the collector
// runs every ~40 verifications, a fifth of a batch's CPU time. At 400 it
// runs a quarter as often for a heap of ~30 MB. Not for a JSON array, whose
// reports are all kept until the end: there the heap would grow five times
// their size instead of twice.
const gcPercent = 400

// collectLess sets gcPercent, unless GOGC in the environment says otherwise.
func collectLess() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
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

// Command wasmsize prints how much of a Go WebAssembly binary's code each
// package takes, largest first: `go tool nm -size` does not read wasm files.
// It sums the code section's function bodies by the package named in the
// "name" section, so the binary must be built without -ldflags=-s.
//
//	go run ./bench/wasmsize [-n 25] file.wasm
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

func main() {
	n := flag.Int("n", 25, "packages to list")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] file.wasm")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err == nil {
		err = report(data, *n)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) uleb() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("bad LEB128 number")
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errors.New("truncated")
		r.b = nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func report(data []byte, n int) error {
	if !bytes.HasPrefix(data, []byte("\x00asm")) || len(data) < 8 {
		return errors.New("not a WebAssembly binary")
	}
	r := &reader{b: data[8:]}
	var imported uint64
	var bodies []int
	names := map[uint64]string{}
	for len(r.b) > 0 && r.err == nil {
		id := r.bytes(1)
		sec := &reader{b: r.bytes(r.uleb())}
		if r.err != nil {
			break
		}
		switch id[0] {
		case 2: // imports: function imports take the first indices
			for range sec.uleb() {
				sec.bytes(sec.uleb())
				sec.bytes(sec.uleb())
				kind := sec.bytes(1)
				if sec.err != nil {
					return sec.err
				}
				switch kind[0] {
				case 0:
					imported++
					sec.uleb()
				case 1: // table: reftype, limits
					sec.bytes(1)
					limits(sec)
				case 2:
					limits(sec)
				case 3:
					sec.bytes(2)
				}
			}
		case 10: // code
			for range sec.uleb() {
				bodies = append(bodies, len(sec.bytes(sec.uleb())))
			}
		case 0:
			if string(sec.bytes(sec.uleb())) != "name" {
				continue
			}
			for len(sec.b) > 0 && sec.err == nil {
				sub := sec.bytes(1)
				body := &reader{b: sec.bytes(sec.uleb())}
				if sub == nil || sub[0] != 1 {
					continue
				}
				for range body.uleb() {
					idx := body.uleb()
					names[idx] = string(body.bytes(body.uleb()))
				}
			}
		}
		if sec.err != nil {
			return sec.err
		}
	}
	if r.err != nil {
		return r.err
	}
	if len(names) == 0 {
		return errors.New("no function names: build without -ldflags=-s")
	}
	size := map[string]int{}
	total := 0
	for i, b := range bodies {
		size[pkg(names[imported+uint64(i)])] += b
		total += b
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range size {
		rows = append(rows, row{p, s})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	fmt.Printf("code by package (%d functions, %.2f MiB of code in a %.2f MiB file):\n", len(bodies), mib(total), mib(len(data)))
	for i, r := range rows {
		if i == n {
			rest := 0
			for _, r := range rows[n:] {
				rest += r.size
			}
			fmt.Printf("%10.1f KiB %5.1f %%  (%d more packages)\n", float64(rest)/1024, 100*float64(rest)/float64(total), len(rows)-n)
			break
		}
		fmt.Printf("%10.1f KiB %5.1f %%  %s\n", float64(r.size)/1024, 100*float64(r.size)/float64(total), r.pkg)
	}
	return nil
}

func limits(r *reader) {
	if flags := r.bytes(1); flags != nil && flags[0]&1 != 0 {
		r.uleb()
		r.uleb()
	} else {
		r.uleb()
	}
}

// hostPrefix matches the first element of a module path, which the name
// section writes with '/' as '_': github.com_lestrrat_go_jwx_v2_jwk.x.
var hostPrefix = regexp.MustCompile(`^[a-z0-9-]+\.[a-z]+_`)

// pkg is the package of a function as Go's wasm name section writes it
// ('/', '(', '*' and ')' become '_'): runtime.gcParkAssist, or
// github.com_piprate_json_gold_ld.__Context_.parse. Generic equality
// functions (type_.eq...) count as "type_".
func pkg(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	start := 0
	if loc := hostPrefix.FindStringIndex(sym); loc != nil {
		start = loc[1]
	}
	if dot := strings.Index(sym[start:], "."); dot >= 0 {
		return sym[:start+dot]
	}
	return sym
}

func mib(n int) float64 { return float64(n) / (1 << 20) }

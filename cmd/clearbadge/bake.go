package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/clearbadge/clearbadge/core/baked"
)

// bakeCmd writes a credential into a PNG or SVG image (OB 3.0 "Baked
// Badge"), so it travels as a picture that any verifier can read back.
func bakeCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bake", flag.ContinueOnError)
	image := fs.String("image", "", "the PNG or SVG to bake into (default: a plain SVG badge showing the credential's name)")
	out := fs.String("out", "", "where to write the baked image (default: standard output, unless it is a terminal)")
	if code, done := parseFlags(fs, "clearbadge bake [--image FILE] [--out FILE] CREDENTIAL|-", args, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "clearbadge bake: name exactly one credential file (or - for standard input)")
		fs.Usage()
		return exitUsage
	}
	payload, err := readInput(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: %v\n", err)
		return exitUsage
	}
	payload = bytes.TrimSpace(payload)
	label := baked.LabelOf(payload)
	img := baked.Badge(label.Title)
	if *image != "" {
		if img, err = os.ReadFile(*image); err != nil {
			fmt.Fprintf(stderr, "clearbadge: %v\n", err)
			return exitUsage
		}
	}
	var result []byte
	if bytes.HasPrefix(img, []byte("\x89PNG")) {
		result, err = baked.BakePNG(img, payload, label.Keyword)
	} else {
		result, err = baked.BakeSVG(img, payload, label.Namespace)
	}
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: bake: %v\n", err)
		return exitUsage
	}
	if *out == "" {
		if isTerminal(stdout) {
			fmt.Fprintln(stderr, "clearbadge: refusing to write an image to a terminal; use --out FILE or redirect")
			return exitUsage
		}
		_, err = stdout.Write(result)
	} else {
		if want := filepath.Ext(*out); want != "" && !strings.EqualFold(want[1:], imageExt(result)) {
			fmt.Fprintf(stderr, "clearbadge: note: writing a %s image to %s\n", imageExt(result), *out)
		}
		err = os.WriteFile(*out, result, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func imageExt(b []byte) string {
	if bytes.HasPrefix(b, []byte("\x89PNG")) {
		return "png"
	}
	return "svg"
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Command hostile writes the hostile-input corpus (internal/hostile) into a
// directory, for the browser tests and the wasm side of `make bench`:
// NAME.json for each input, and NAME.docs.json, a map from URL to the
// document supplied with it, when it has any.
//
//	go run ./scripts/hostile -out tests/out/hostile
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/clearbadge/clearbadge/internal/hostile"
)

func main() {
	out := flag.String("out", "tests/out/hostile", "the directory to write the corpus to")
	flag.Parse()
	if err := write(*out); err != nil {
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

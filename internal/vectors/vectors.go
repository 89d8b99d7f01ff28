// Package vectors finds the published test vectors in ../shared/vectors
// beside the project's checkout. Tests read them there and never copy them
// into the project; when the folder is absent, tests skip with a message (and
// fail under CI or make test: see internal/testenv).
package vectors

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clearbadge/clearbadge/internal/testenv"
)

// Dir returns the absolute path of ../shared/vectors/<elem...> relative to
// the module root, or skips the test when the shared folder is not there.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root, err := moduleRoot()
	if err != nil {
		testenv.Unavailable(tb, "test vectors: %v", err)
	}
	p := filepath.Join(append([]string{filepath.Dir(root), "shared", "vectors"}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		testenv.Unavailable(tb, "test vectors not found at %s (the shared folder sits beside the checkout): %v", p, err)
	}
	return p
}

// Read returns the bytes of a vector file, skipping the test when absent.
func Read(tb testing.TB, elem ...string) []byte {
	tb.Helper()
	p := Dir(tb, elem...)
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("read %s: %v", p, err)
	}
	return b
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Package testenv decides what a test does when something it needs from
// outside the repository is missing: the published vectors in ../shared, or
// the npm peer stacks (Digital Bazaar's vc.js, jose) that prove interop.
//
// A developer running one package's tests may lack them, and the test then
// skips saying what is missing. Where every test must run (CI, which sets
// CI, and `make test`, which sets CLEARBADGE_NO_SKIP=1) a missing piece is
// a broken set-up, and the test fails instead of passing by skipping.
package testenv

import (
	"fmt"
	"os"
	"testing"
)

// Strict reports whether missing test inputs must fail tests.
func Strict() bool { return os.Getenv("CI") != "" || os.Getenv("CLEARBADGE_NO_SKIP") != "" }

// Unavailable skips tb with the reason, or fails it when Strict.
func Unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	msg := fmt.Sprintf(format, args...)
	if Strict() {
		tb.Fatalf("%s (CI or make test: nothing may be skipped)", msg)
	}
	tb.Skip(msg)
}

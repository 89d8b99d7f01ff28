package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/internal/testenv"
)

// readKeyFile parses a written key and checks that only its owner can read
// the file.
func readKeyFile(t *testing.T, path string) *holder.Key {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("%s has mode %v, want 0600", path, st.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	k, err := holder.ParsePrivateJWK(bytes.TrimSpace(b))
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	return k
}

func TestKeygenOut(t *testing.T) {
	dir := t.TempDir()
	for _, typ := range []string{"ed25519", "p256"} {
		path := filepath.Join(dir, typ+".jwk")
		code, out, errs := cli(t, "", "keygen", "--type", typ, "--out", path)
		if code != exitOK || out != "" {
			t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errs)
		}
		k := readKeyFile(t, path)
		if string(k.Type()) != typ || !strings.Contains(errs, k.DID()) {
			t.Errorf("type %s, stderr %q does not name %s", k.Type(), errs, k.DID())
		}
		if strings.Contains(errs, `"d"`) {
			t.Errorf("the private key is on stderr: %s", errs)
		}

		// An existing file may be another key: kept unless --force.
		if code, _, errs := cli(t, "", "keygen", "--type", typ, "--out", path); code != exitUsage || !strings.Contains(errs, "--force") {
			t.Errorf("overwrite without --force: exit %d, %s", code, errs)
		}
		if again := readKeyFile(t, path); again.DID() != k.DID() {
			t.Error("the existing key was replaced")
		}
		// --force replaces it, and a looser mode on the old file is not kept.
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, errs := cli(t, "", "keygen", "--type", typ, "--out", path, "--force"); code != exitOK {
			t.Fatalf("--force: exit %d, %s", code, errs)
		}
		if again := readKeyFile(t, path); again.DID() == k.DID() {
			t.Error("--force kept the old key")
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestKeygenStdout: a pipe or a file (keygen > holder.jwk) gets the key, a
// file narrowed to 0600; a terminal does not, unless --force.
func TestKeygenStdout(t *testing.T) {
	// A pipe (here a buffer, which is not an *os.File).
	code, out, errs := cli(t, "", "keygen")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := holder.ParsePrivateJWK([]byte(strings.TrimSpace(out))); err != nil {
		t.Errorf("%v: %q", err, out)
	}

	// A redirect into a file the shell made with a loose mode.
	path := filepath.Join(t.TempDir(), "holder.jwk")
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	var errb bytes.Buffer
	if code := run([]string{"keygen", "--type", "p256"}, strings.NewReader(""), f, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	f.Close()
	if k := readKeyFile(t, path); k.Type() != holder.P256 {
		t.Errorf("type %s", k.Type())
	}

	// A terminal: any character device passes the check; /dev/null is one.
	if runtime.GOOS == "windows" {
		return
	}
	tty, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		testenv.Unavailable(t, "%s cannot be opened: no character device for the terminal check (%v)", os.DevNull, err)
	}
	defer tty.Close()
	errb.Reset()
	if code := run([]string{"keygen"}, strings.NewReader(""), tty, &errb); code != exitUsage || !strings.Contains(errb.String(), "refusing") {
		t.Errorf("to a terminal: exit %d, %s", code, errb.String())
	}
	errb.Reset()
	if code := run([]string{"keygen", "--force"}, strings.NewReader(""), tty, &errb); code != exitOK {
		t.Errorf("--force to a terminal: exit %d, %s", code, errb.String())
	}
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/clearbadge/clearbadge/core/holder"
)

// keyFileMode is the mode of a written key file: readable by its owner only.
const keyFileMode = 0o600

// keygenCmd makes a holder key and writes its private JWK: to --out (a new
// file of mode 0600), or to standard output when that is a file or a pipe.
// A private key is never printed to a terminal, where it would stay in the
// scrollback, unless --force says so.
func keygenCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("keygen", flag.ContinueOnError)
	typ := fs.String("type", string(holder.Ed25519), "key type: ed25519 or p256")
	out := fs.String("out", "", "write the private key to this new file, mode 0600 (default: standard output, unless it is a terminal)")
	force := fs.Bool("force", false, "print the private key even to a terminal, or replace an existing --out file")
	if code, done := parseFlags(fs, "clearbadge keygen [--type ed25519|p256] [--out FILE] [--force]  (or: clearbadge keygen > holder.jwk)", args, stdout, stderr); done {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	// Refuse before generating, so nothing is made that cannot be kept.
	if *out == "" && isTerminal(stdout) && !*force {
		fmt.Fprintln(stderr, "clearbadge: refusing to print a private key to a terminal; use --out FILE, redirect (> holder.jwk), or --force")
		return exitUsage
	}
	k, err := holder.Generate(holder.Type(*typ))
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: keygen: %v\n", err)
		return exitUsage
	}
	jwk, err := k.MarshalPrivateJWK()
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: keygen: %v\n", err)
		return exitUsage
	}
	jwk = append(jwk, '\n')
	where := "standard output"
	if *out != "" {
		err, where = writeKeyFile(*out, jwk, *force), *out
	} else {
		err = writeKeyStdout(stdout, jwk, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: keygen: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "clearbadge: wrote the private %s key of %s to %s; keep it secret, and use it with: clearbadge present --key FILE\n", k.Type(), k.DID(), where)
	return exitOK
}

// writeKeyFile writes a key to a new file of mode 0600. An existing file is
// kept (it may be another key) unless force is set; then it is replaced
// through a temporary file, so the old file's looser mode is not inherited.
func writeKeyFile(path string, b []byte, force bool) error {
	if !force {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, keyFileMode)
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s exists; it may hold another key (use --force to replace it)", path)
		}
		if err != nil {
			return err
		}
		return writeClose(f, b)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".clearbadge-key-*") // mode 0600
	if err != nil {
		return err
	}
	if err := writeClose(tmp, b); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

func writeClose(f *os.File, b []byte) error {
	_, err := f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writeKeyStdout writes a key to standard output. When that is a regular
// file (keygen > holder.jwk), the shell created it with the umask's mode,
// usually world-readable: it is narrowed to 0600.
func writeKeyStdout(stdout io.Writer, b []byte, stderr io.Writer) error {
	if f, ok := stdout.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Mode().Perm()&^keyFileMode != 0 {
			if err := f.Chmod(keyFileMode); err != nil {
				fmt.Fprintf(stderr, "clearbadge: warning: could not make the key file private (%v); run chmod 600 on it\n", err)
			}
		}
	}
	_, err := stdout.Write(b)
	return err
}

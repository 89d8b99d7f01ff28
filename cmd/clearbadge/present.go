package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/clearbadge/clearbadge/core/baked"
	"github.com/clearbadge/clearbadge/core/holder"
	"github.com/clearbadge/clearbadge/core/present"
)

// maxKeyFile caps the key file read; a private JWK is a few hundred bytes.
const maxKeyFile = 16 << 10

// presentCmd bundles credentials (JSON, JWT, or badge images with a
// credential baked in) into a presentation signed with the holder's key,
// and prints it: the JSON presentation, or the compact VP-JWT.
func presentCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("present", flag.ContinueOnError)
	keyFile := fs.String("key", "", "the holder's private key (a JWK written by clearbadge keygen); required")
	challenge := fs.String("challenge", "", "the challenge the verifier gave you (protects against replay)")
	domain := fs.String("domain", "", "the domain of the verifier the presentation is for")
	format := fs.String("format", string(present.DataIntegrity), "di (JSON with a Data Integrity proof), di-jcs (the same over RFC 8785 JSON: eddsa-jcs-2022 / ecdsa-jcs-2019) or jwt (a VP-JWT)")
	id := fs.String("id", "", "an id for the presentation (a urn:uuid, say)")
	if code, done := parseFlags(fs, "clearbadge present --key FILE [--challenge C] [--domain D] [--format di|di-jcs|jwt] CREDENTIAL... | -  > vp.json", args, stdout, stderr); done {
		return code
	}
	if *keyFile == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "clearbadge present: --key and at least one credential are needed")
		fs.Usage()
		return exitUsage
	}
	key, err := readKey(*keyFile, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: --key: %v\n", err)
		return exitUsage
	}
	var creds [][]byte
	for _, name := range fs.Args() {
		b, err := readInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "clearbadge: %v\n", err)
			return exitUsage
		}
		if bytes.HasPrefix(b, []byte("\x89PNG")) || bytes.HasPrefix(bytes.TrimSpace(b), []byte("<")) {
			// A badge image: present the credential baked into it (OB 3.0 §5.3).
			bk, err := baked.Extract(b)
			if err != nil {
				fmt.Fprintf(stderr, "clearbadge: %s: %v\n", name, err)
				return exitUsage
			}
			b = bk.Payload
		}
		creds = append(creds, b)
	}
	out, err := present.Create(creds, present.Options{
		Key:       key,
		Format:    present.Format(*format),
		Challenge: *challenge,
		Domain:    *domain,
		ID:        *id,
	})
	var ce *present.CredentialError
	if errors.As(err, &ce) && ce.Index <= fs.NArg() {
		fmt.Fprintf(stderr, "clearbadge: %s: %s\n", fs.Arg(ce.Index-1), ce.Reason)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "clearbadge: present: %v\n", err)
		return exitUsage
	}
	if _, err := stdout.Write(append(out, '\n')); err != nil {
		fmt.Fprintf(stderr, "clearbadge: %v\n", err)
		return exitUsage
	}
	if *challenge == "" {
		fmt.Fprintln(stderr, "clearbadge: note: no --challenge, so a verifier cannot tell this presentation from a replay of it")
	}
	return exitOK
}

// readKey reads the holder's private JWK, warning when the file is
// readable by others (as ssh does for its keys).
func readKey(path string, stderr io.Writer) (*holder.Key, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(stderr, "clearbadge: warning: %s is readable by other users (mode %v); run chmod 600 on it\n", path, st.Mode().Perm())
	}
	b, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxKeyFile {
		return nil, fmt.Errorf("%s: larger than %d bytes, not a key", path, maxKeyFile)
	}
	return holder.ParsePrivateJWK(bytes.TrimSpace(b))
}

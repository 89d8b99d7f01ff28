// Command clearbadge verifies Open Badges 3.0 and CLR 2.0 credentials and
// presentations, and Open Badges 2.0 badges (a file, or an assertion's web
// address), on this machine, for scripts and batch work. It uses the
// same core as the web page and the wallet, so the verdicts are the same.
//
//	clearbadge verify [--json] [--offline] [--at TIME] [--challenge C] [--domain D]
//	                  [--with URL=FILE]... [--recipient TYPE:VALUE] [--refresh] FILE|URL...|-
//	clearbadge keygen [--type ed25519|p256] [--out FILE] [--force]
//	clearbadge present --key FILE [--challenge C] [--domain D] [--format di|di-jcs|jwt] FILE...|-
//
// Exit status: 0 when every input verified, 1 when one did not, 3 when none
// failed but one could not be fully checked, 2 for a usage error or an input
// that could not be read as a credential.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// Exit codes are part of the CLI's contract (docs/cli.md).
const (
	exitOK       = 0
	exitNotValid = 1
	exitUsage    = 2
	// exitIncomplete: nothing failed, but something a verdict of verified
	// needs could not be checked (offline, a host that did not answer).
	exitIncomplete = 3
)

const usage = `clearbadge: verify Open Badges 3.0 and CLR 2.0 credentials, privately.

Usage:
  clearbadge verify [flags] FILE... | -     verify credentials, images, presentations
  clearbadge bake [--image F] CREDENTIAL     write a credential into a PNG or SVG badge
  clearbadge keygen [--type T] > holder.jwk  make a holder key (private JWK; never to a terminal)
  clearbadge present --key F FILE... > vp    sign a presentation of credentials you hold
  clearbadge help                            this text

Run "clearbadge COMMAND --help" for its flags. Exit status: 0 all verified,
1 something did not verify, 3 something could not be fully checked
(incomplete), 2 usage error or an input that is not a readable credential.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "verify":
		return verifyCmd(args[1:], stdin, stdout, stderr)
	case "bake":
		return bakeCmd(args[1:], stdin, stdout, stderr)
	case "keygen":
		return keygenCmd(args[1:], stdout, stderr)
	case "present":
		return presentCmd(args[1:], stdin, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "clearbadge: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseFlags parses a command's flags, printing usage (its one-line form,
// then the flags) on request or on a mistake. Help is not an error: -h and
// --help print to stdout and the command exits 0 (done is then true).
func parseFlags(fs *flag.FlagSet, usage string, args []string, stdout, stderr io.Writer) (code int, done bool) {
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: "+usage)
		fs.PrintDefaults()
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK, true
		}
	}
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage, true
	}
	return 0, false
}

package jose

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/clearbadge/clearbadge/internal/testenv"
)

type interopToken struct {
	Alg   string `json:"alg"`
	Token string `json:"token"`
}

// verifyForeign checks tokens signed elsewhere with their jwk header key.
func verifyForeign(t *testing.T, tokens []interopToken) {
	t.Helper()
	if len(tokens) == 0 {
		t.Fatal("no tokens")
	}
	for _, it := range tokens {
		tok, err := Parse(it.Token)
		if err != nil {
			t.Errorf("%s: %v", it.Alg, err)
			continue
		}
		if tok.Header.Alg != it.Alg || tok.Header.JWK == nil {
			t.Errorf("%s: header %+v", it.Alg, tok.Header)
			continue
		}
		if err := tok.Verify(tok.Header.JWK.Key); err != nil {
			t.Errorf("%s: %v", it.Alg, err)
		}
	}
}

// testdata/interop-jose-npm.json was made by `node testdata/interop.mjs sign`
// with jose 6.2.18 (npm); it keeps the interop check when node is absent.
func TestInteropJoseFixtures(t *testing.T) {
	b, err := os.ReadFile("testdata/interop-jose-npm.json")
	if err != nil {
		t.Fatal(err)
	}
	var tokens []interopToken
	if err := json.Unmarshal(b, &tokens); err != nil {
		t.Fatal(err)
	}
	verifyForeign(t, tokens)
}

// TestInteropNodeJose signs fresh tokens with the npm jose package and
// verifies them here, and the other way round. It needs node and a
// node_modules directory holding jose: the repository's own, or the one
// named by JOSE_NODE_MODULES (e.g. `npm install --prefix /tmp/j jose`, then
// JOSE_NODE_MODULES=/tmp/j/node_modules).
func TestInteropNodeJose(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		testenv.Unavailable(t, "node is not installed; the committed jose fixtures are still checked")
	}
	modules := os.Getenv("JOSE_NODE_MODULES")
	if modules == "" {
		modules, _ = filepath.Abs("../../../node_modules")
	}
	if _, err := os.Stat(filepath.Join(modules, "jose", "package.json")); err != nil {
		testenv.Unavailable(t, "the npm jose package is not at %s; set JOSE_NODE_MODULES to a node_modules holding it", modules)
	}
	// ES modules resolve packages from the script's own directory upwards.
	dir := t.TempDir()
	script, err := os.ReadFile("testdata/interop.mjs")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "interop.mjs"), script, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	run := func(stdin []byte, args ...string) []byte {
		cmd := exec.Command(node, append([]string{filepath.Join(dir, "interop.mjs")}, args...)...)
		cmd.Stdin = bytes.NewReader(stdin)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node %v: %v\n%s", args, err, stderr.String())
		}
		return out
	}

	t.Run("jose signs, we verify", func(t *testing.T) {
		var tokens []interopToken
		if err := json.Unmarshal(run(nil, "sign"), &tokens); err != nil {
			t.Fatal(err)
		}
		verifyForeign(t, tokens)
	})

	t.Run("we sign, jose verifies", func(t *testing.T) {
		k := testKeys()
		var tokens []interopToken
		for _, c := range []struct{ key, alg string }{{"ed", "EdDSA"}, {"p256", "ES256"}, {"p384", "ES384"}} {
			s, err := Sign([]byte(`{"iss":"did:example:1"}`), k[c.key], SignOptions{Typ: "JWT", JWK: true})
			if err != nil {
				t.Fatal(err)
			}
			tokens = append(tokens, interopToken{Alg: c.alg, Token: s})
		}
		in, _ := json.Marshal(tokens)
		var results []struct {
			Alg   string `json:"alg"`
			OK    bool   `json:"ok"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal(run(in, "verify"), &results); err != nil {
			t.Fatal(err)
		}
		if len(results) != len(tokens) {
			t.Fatalf("%d results for %d tokens", len(results), len(tokens))
		}
		for _, r := range results {
			if !r.OK {
				t.Errorf("jose refused our %s token: %s", r.Alg, r.Error)
			}
		}
	})
}

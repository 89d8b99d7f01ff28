package verify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// Benchmarks of one whole verification (parse, resolve the key, canonicalize,
// check the signature, dates, status and schema) per proof type. `make bench`
// runs them.

func benchVerify(b *testing.B, input []byte) {
	b.Helper()
	v := newOffline()
	// The issuer check may be skipped offline (the spec's vectors name their
	// key by an https URL); everything else, the signature first, must pass.
	r := v.Verify(context.Background(), input, "bench")
	for _, c := range r.Checks {
		if c.Outcome == report.Fail || (c.ID == "proof" && c.Outcome != report.Pass) {
			b.Fatalf("benchmark input does not verify:\n%s", dump(r))
		}
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		v.Verify(context.Background(), input, "bench")
	}
	if d := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkVerifyEdDSARDFC2022(b *testing.B) {
	benchVerify(b, vectors.Read(b, "1edtech", "spec-test-vectors", "obv3p0", "credential-signed.json"))
}

// BenchmarkVerifyEdDSARDFC2022Parallel verifies on every core at once (as
// the CLI's --jobs does): its cpu-ns/op beside the serial benchmark's says
// whether verifications contend (shared locks, allocation), which the
// wall-clock time on a loaded machine cannot say.
func BenchmarkVerifyEdDSARDFC2022Parallel(b *testing.B) {
	input := vectors.Read(b, "1edtech", "spec-test-vectors", "obv3p0", "credential-signed.json")
	v := newOffline()
	b.ReportAllocs()
	cpu := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			v.Verify(context.Background(), input, "bench")
		}
	})
	if d := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkVerifyEd25519Signature2020(b *testing.B) {
	benchVerify(b, vectors.Read(b, "1edtech", "validator", "ob30", "simple_v1.json"))
}

func BenchmarkVerifyECDSARDFC2019(b *testing.B) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	mk, err := multikey.Encode(&key.PublicKey)
	if err != nil {
		b.Fatal(err)
	}
	did := "did:key:" + mk
	var doc map[string]any
	if err := json.Unmarshal(vectors.Read(b, "1edtech", "spec-test-vectors", "obv3p0", "credential-unsigned.json"), &doc); err != nil {
		b.Fatal(err)
	}
	doc["issuer"].(map[string]any)["id"] = did
	signed, err := proof.Sign(doc, proof.Options{
		Cryptosuite: "ecdsa-rdfc-2019", VerificationMethod: did + "#" + mk, ProofPurpose: "assertionMethod",
		Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
	}, key)
	if err != nil {
		b.Fatal(err)
	}
	input, _ := json.Marshal(signed)
	benchVerify(b, input)
}

// The newer suites, on credentials Digital Bazaar's stacks made
// (testdata/peer).
func benchPeer(b *testing.B, file string) {
	b.Helper()
	input, err := os.ReadFile(filepath.Join(peerDir, file))
	if err != nil {
		b.Fatal(err)
	}
	benchVerify(b, input)
}

func BenchmarkVerifyECDSARDFC2019P384(b *testing.B) {
	benchPeer(b, "ob-ecdsa-rdfc-2019-p384-blank-nodes.json")
}

func BenchmarkVerifyEdDSAJCS2022(b *testing.B) { benchPeer(b, "ob-eddsa-jcs-2022.json") }

func BenchmarkVerifyECDSAJCS2019(b *testing.B) { benchPeer(b, "ob-ecdsa-jcs-2019-p256.json") }

func BenchmarkVerifyECDSASD2023(b *testing.B) { benchPeer(b, "ob-ecdsa-sd-2023-some.json") }

func BenchmarkVerifyEd25519Signature2018(b *testing.B) {
	benchPeer(b, "ob-v1-ed25519signature2018.json")
}

func BenchmarkVerifyJWTRS256(b *testing.B) {
	benchVerify(b, vectors.Read(b, "1edtech", "spec-rendered-examples", "ob-basic.jwt"))
}

func newOffline() *verify.Verifier { return verify.New(verify.WithTime(at)) }

package verify_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/clearbadge/clearbadge/core/report"

	"github.com/clearbadge/clearbadge/core/verify"
)

// FuzzVerify feeds arbitrary bytes to the whole verifier: input detection,
// JSON, JWS, baked images, JSON-LD. It must always return a report, and
// never panic or hang.
func FuzzVerify(f *testing.F) {
	for _, p := range []string{
		"../../testdata/peer/ob-eddsa-rdfc-2022.json",
		"../../testdata/peer/jwt-eddsa-didkey.jwt",
		"../../testdata/peer/clr-eddsa.json",
		"../../testdata/peer/vp-eddsa.json",
	} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("eyJhbGciOiJub25lIn0.e30."))
	f.Add([]byte(`{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"proof":{}}`))
	v := verify.New(verify.WithTime(at))
	f.Fuzz(func(t *testing.T, in []byte) {
		done := make(chan *report.Report, 1)
		go func() { done <- v.Verify(context.Background(), in, "fuzz") }()
		var r *report.Report
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("verification did not finish in 10 s: %q", in)
		}
		if r == nil || len(r.Checks) == 0 {
			t.Fatalf("no report for %q", in)
		}
		if r.Verified && r.Check("proof") == nil && r.Check("presentation") == nil {
			t.Fatalf("verified without a proof: %q", in)
		}
	})
}

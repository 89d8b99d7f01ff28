package proof

import (
	"encoding/json"
	"os"
	"testing"
)

// FuzzDerivedProofValue: any proof value is parsed or refused with an
// error, never a panic or an allocation beyond its own size.
func FuzzDerivedProofValue(f *testing.F) {
	b, err := os.ReadFile("../../../testdata/peer/ob-ecdsa-sd-2023-some.json")
	if err != nil {
		f.Fatal(err)
	}
	var doc struct{ Proof struct{ ProofValue string } }
	if err := json.Unmarshal(b, &doc); err != nil {
		f.Fatal(err)
	}
	f.Add(doc.Proof.ProofValue)
	f.Add("u2V0BhUBAgEAgA")
	f.Fuzz(func(t *testing.T, pv string) {
		d, err := parseDerived(pv)
		if err == nil && len(d.signatures) > len(pv) {
			t.Fatalf("%d signatures from %d characters", len(d.signatures), len(pv))
		}
	})
}

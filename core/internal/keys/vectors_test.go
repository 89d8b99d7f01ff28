package keys

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/internal/vectors"
)

// What each published example's key reference resolves to offline
// (shared/vectors/1edtech/SOURCES.md says how each was made).
func TestVectorsOffline(t *testing.T) {
	type outcome int
	const (
		bound outcome = iota
		unconfirmed
		offline
		badKey
		unsupportedMethod
		unsupported
	)
	for _, tc := range []struct {
		path []string
		want outcome
	}{
		{[]string{"spec-test-vectors", "obv3p0", "credential-signed.json"}, unconfirmed},
		{[]string{"spec-test-vectors", "clrv2p0", "credential-signed.json"}, unconfirmed},
		{[]string{"spec-rendered-examples", "ob-basic.di.json"}, unconfirmed},
		{[]string{"validator", "ob30", "simple.json"}, unconfirmed},
		{[]string{"validator", "ob30", "simple-did-web-method.json"}, unconfirmed}, // despite its name, an https#z6Mk key
		{[]string{"validator", "ob30", "simple-did-key-method.json"}, bound},
		{[]string{"validator", "clr20", "complex.json"}, bound},
		{[]string{"validator", "clr20", "simple_v1.json"}, unconfirmed}, // urn:uuid:…#z6Mk
		{[]string{"validator", "ob30", "credential-status-revoked.json"}, offline},
		{[]string{"validator", "ob30", "complete_v1.json"}, offline}, // https://…#key-1
		{[]string{"validator", "ob30", "simple-err-proof-method.json"}, badKey},
		{[]string{"validator", "ob30", "simple-err-proof-method-unknown-did-method.json"}, unsupportedMethod},
		{[]string{"validator", "ob30", "simple-err-proof-method-unknown-scheme.json"}, unsupported},
		{[]string{"validator", "ob30", "simple-err-proof-method-no-scheme.json"}, unsupported},
	} {
		name := tc.path[len(tc.path)-1]
		t.Run(tc.path[0]+"/"+name, func(t *testing.T) {
			var doc struct {
				Proof json.RawMessage `json:"proof"`
			}
			if err := json.Unmarshal(vectors.Read(t, append([]string{"1edtech"}, tc.path...)...), &doc); err != nil {
				t.Fatal(err)
			}
			var p struct {
				VerificationMethod string `json:"verificationMethod"`
			}
			if err := json.Unmarshal(doc.Proof, &p); err != nil {
				var list []struct {
					VerificationMethod string `json:"verificationMethod"`
				}
				if err := json.Unmarshal(doc.Proof, &list); err != nil || len(list) == 0 {
					t.Fatalf("proof: %v", err)
				}
				p = list[len(list)-1]
			}
			w := &web{}
			key, err := (&Resolver{Fetcher: w}).Resolve(context.Background(), p.VerificationMethod, did.AssertionMethod)
			var mk *multikey.UnsupportedError
			var um *did.UnsupportedMethodError
			var ue *UnsupportedError
			var ok bool
			switch tc.want {
			case bound:
				ok = err == nil && key.Binding == Bound
			case unconfirmed:
				ok = err == nil && key.Binding == Unconfirmed && key.Reason.English != ""
			case offline:
				ok = errors.Is(err, fetch.ErrOffline)
			case badKey:
				ok = errors.As(err, &mk)
			case unsupportedMethod:
				ok = errors.As(err, &um)
			case unsupported:
				ok = errors.As(err, &ue)
			}
			if !ok {
				t.Fatalf("%s: key %+v, error %v", p.VerificationMethod, key, err)
			}
		})
	}

	// The implementation guide's published key is what the fragment decodes to.
	var kv struct {
		PublicKeyHex       string `json:"publicKeyHex"`
		VerificationMethod string `json:"verificationMethod"`
		Controller         string `json:"controller"`
	}
	if err := json.Unmarshal(vectors.Read(t, "1edtech", "spec-test-vectors", "obv3p0", "key-and-intermediates.json"), &kv); err != nil {
		t.Fatal(err)
	}
	key, err := (&Resolver{}).Resolve(context.Background(), kv.VerificationMethod, did.AssertionMethod)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := hex.DecodeString(kv.PublicKeyHex)
	if !equal(key.PublicKey, ed25519.PublicKey(want)) || key.Controller != kv.Controller {
		t.Fatalf("key %+v; want %s controlled by %s", key, kv.PublicKeyHex, kv.Controller)
	}
}

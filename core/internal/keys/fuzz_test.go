package keys

import (
	"context"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/jose"
)

// FuzzResolve feeds a key reference and the body every fetch returns.
func FuzzResolve(f *testing.F) {
	const mb = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
	f.Add(issuer+"#"+mb, []byte(`{"id":"`+issuer+`","assertionMethod":[{"id":"#k","type":"Multikey","publicKeyMultibase":"`+mb+`"}]}`))
	f.Add("https://issuer.example/keys/1", []byte(`{"id":"https://issuer.example/keys/1","type":"Multikey","controller":"`+issuer+`","publicKeyMultibase":"`+mb+`"}`))
	f.Add("did:web:issuer.example#k", []byte(`{"id":"did:web:issuer.example","verificationMethod":[{"id":"#k","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"AA"}}]}`))
	f.Add("#k", []byte(`{"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","kid":"k"}]}`))
	f.Fuzz(func(t *testing.T, ref string, body []byte) {
		r := &Resolver{Fetcher: fetch.Func(func(context.Context, string, ...string) ([]byte, error) { return body, nil })}
		check := func(k *Resolved, err error) {
			if err != nil {
				return
			}
			if k.PublicKey == nil {
				t.Fatalf("%q: a key without a public key", ref)
			}
			if (k.Binding == Bound) != (k.Reason.English == "") {
				t.Fatalf("%q: binding %v with reason %q", ref, k.Binding, k.Reason.English)
			}
		}
		check(r.Resolve(context.Background(), ref, did.AssertionMethod))
		check(r.JWTKey(context.Background(), ref, issuer))
		if jwk, err := jose.ParseJWK(body); err == nil {
			check(r.JWKProvenance(context.Background(), jwk, ref), nil)
		}
	})
}

package keys

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/jose"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
)

const jwksURL = "https://issuer.example/.well-known/jwks.json"

func TestJWTKey(t *testing.T) {
	k, other := testutil.NewDIDKey(t), testutil.NewDIDKey(t)
	ctx := context.Background()
	webDID := "did:web:issuer.example"
	didDoc := profile(webDID, []any{multikeyVM("#key-1", webDID, k.Multikey)}, []any{"#key-1"}, nil)
	withKid := func(m map[string]any, kid string) map[string]any {
		out := map[string]any{"kid": kid}
		for k, v := range m {
			out[k] = v
		}
		return out
	}

	for _, tc := range []struct {
		name, kid, issuer string
		docs              map[string]any
		want              Binding
		id, controller    string
	}{
		{name: "did:key URL", kid: "did:key:" + k.Multikey + "#" + k.Multikey, issuer: "did:key:" + k.Multikey,
			want: Bound, id: "did:key:" + k.Multikey + "#" + k.Multikey, controller: "did:key:" + k.Multikey},
		{name: "fragment relative to a DID issuer", kid: "#key-1", issuer: webDID,
			docs: map[string]any{"https://issuer.example/.well-known/did.json": didDoc},
			want: Bound, id: webDID + "#key-1", controller: webDID},
		{name: "bare name relative to a DID issuer", kid: "key-1", issuer: webDID,
			docs: map[string]any{"https://issuer.example/.well-known/did.json": didDoc},
			want: Bound, id: webDID + "#key-1", controller: webDID},
		{name: "fragment relative to an https issuer", kid: "#key-1", issuer: issuer,
			docs: map[string]any{issuer: profile(issuer, []any{multikeyVM("#key-1", issuer, k.Multikey)}, []any{"#key-1"}, nil)},
			want: Bound, id: issuer + "#key-1", controller: issuer},
		{name: "issuer's well-known JWK Set, by fragment", kid: jwksURL + "#a", issuer: issuer,
			docs: map[string]any{jwksURL: map[string]any{"keys": []any{withKid(testutil.JWK(other.Public), "b"), withKid(testutil.JWK(k.Public), "a")}}},
			want: Bound, id: jwksURL + "#a", controller: issuer},
		{name: "issuer's well-known JWK Set, iss names someone else", kid: jwksURL + "#a", issuer: issuer,
			docs: map[string]any{jwksURL: map[string]any{"keys": []any{map[string]any{"kty": "OKP", "crv": "Ed25519",
				"x": base64.RawURLEncoding.EncodeToString(k.Public), "kid": "a", "iss": "https://evil.example/"}}}},
			want: NotListed, id: jwksURL + "#a", controller: issuer},
		{name: "a JWK elsewhere, the issuer's profile lists it", kid: "https://keys.example/k1.json", issuer: issuer,
			docs: map[string]any{"https://keys.example/k1.json": testutil.JWK(k.Public),
				issuer: profile(issuer, []any{multikeyVM("#key-1", issuer, k.Multikey)}, []any{"#key-1"}, nil)},
			want: Bound, id: issuer + "#key-1", controller: issuer},
		{name: "a JWK elsewhere, issuer offline", kid: "https://keys.example/k1.json", issuer: issuer,
			docs: map[string]any{"https://keys.example/k1.json": testutil.JWK(k.Public)},
			want: Unconfirmed, id: "https://keys.example/k1.json", controller: issuer},
		{name: "a single-key JWK Set elsewhere, not the issuer's", kid: "https://keys.example/set.json", issuer: issuer,
			docs: map[string]any{"https://keys.example/set.json": map[string]any{"keys": []any{testutil.JWK(k.Public)}},
				issuer: profile(issuer, nil, nil, nil), jwksURL: map[string]any{"keys": []any{testutil.JWK(other.Public)}}},
			want: NotListed, id: "https://keys.example/set.json", controller: issuer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key, err := (&Resolver{Fetcher: &web{docs: tc.docs}}).JWTKey(ctx, tc.kid, tc.issuer)
			if err != nil {
				t.Fatal(err)
			}
			if key.Binding != tc.want || key.ID != tc.id || key.Controller != tc.controller || !k.Public.Equal(key.PublicKey) || (key.Reason.English == "") != (tc.want == Bound) {
				t.Fatalf("key = %+v", key)
			}
		})
	}

	var ue *UnsupportedError
	var um *did.UnsupportedMethodError
	var nf *did.NotFoundError
	for _, tc := range []struct {
		name, kid, issuer string
		docs              map[string]any
		want              func(error) bool
	}{
		{"no kid", "", issuer, nil, func(e error) bool { return errors.Is(e, ErrNoKey) }},
		{"relative kid, no issuer", "#key-1", "", nil, func(e error) bool { return errors.As(e, &ue) }},
		// validator/ob30/velocity.jwt
		{"did:velocity", "did:velocity:v2:0x4ade3a40a6092366765fa42a8247d07a6c3bdddd:89849842277648:6168#key-1", issuer, nil,
			func(e error) bool { return errors.As(e, &um) && um.Method == "velocity" }},
		{"kid not in the JWK Set", jwksURL + "#zz", issuer, map[string]any{jwksURL: map[string]any{"keys": []any{withKid(testutil.JWK(k.Public), "a")}}},
			func(e error) bool { return errors.As(e, &nf) }},
		{"https kid offline", "https://keys.example/k1.json", issuer, nil, func(e error) bool { return errors.Is(e, fetch.ErrOffline) }},
		{"private JWK at the kid", "https://keys.example/k1.json", issuer,
			map[string]any{"https://keys.example/k1.json": `{"kty":"OKP","crv":"Ed25519","x":"AA","d":"AA"}`},
			func(e error) bool { return errors.Is(e, jose.ErrPrivateJWK) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := (&Resolver{Fetcher: &web{docs: tc.docs}}).JWTKey(ctx, tc.kid, tc.issuer)
			if err == nil || !tc.want(err) {
				t.Fatalf("error = %v (%T)", err, err)
			}
		})
	}
}

func TestJWKProvenance(t *testing.T) {
	k, other := testutil.NewDIDKey(t), testutil.NewDIDKey(t)
	p256, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ctx := context.Background()
	jwk := &jose.JWK{Key: k.Public}
	for _, tc := range []struct {
		name, issuer string
		docs         map[string]any
		fail         map[string]error
		want         Binding
		id, reason   string
	}{
		{name: "did:key issuer is the key", issuer: "did:key:" + k.Multikey, want: Bound, id: "did:key:" + k.Multikey + "#" + k.Multikey},
		{name: "did:key issuer is another key", issuer: "did:key:" + other.Multikey, want: NotListed, reason: "does not list"},
		{name: "did:web issuer offline", issuer: "did:web:issuer.example", want: Unconfirmed, reason: "offline"},
		{name: "unsupported DID method", issuer: "did:example:123", want: Unconfirmed, reason: "did:example"},
		{name: "https issuer offline", issuer: issuer, want: Unconfirmed, reason: "offline"},
		{name: "https issuer unreachable", issuer: issuer, fail: map[string]error{issuer: errNotFound, jwksURL: errNotFound}, want: Unconfirmed, reason: "404"},
		{name: "profile lists it (as JWK)", issuer: issuer, want: Bound, id: issuer + "#k",
			docs: map[string]any{issuer: profile(issuer, []any{map[string]any{"id": "#k", "type": "JsonWebKey", "controller": issuer, "publicKeyJwk": testutil.JWK(k.Public)}}, []any{"#k"}, nil)}},
		{name: "profile lists it for authentication only", issuer: issuer, want: NotListed, reason: "do not list",
			docs: map[string]any{issuer: profile(issuer, []any{multikeyVM("#k", issuer, k.Multikey)}, nil, []any{"#k"})},
			fail: map[string]error{jwksURL: errNotFound}},
		{name: "well-known JWK Set lists it", issuer: issuer, want: Bound, id: jwksURL + "#a",
			docs: map[string]any{issuer: profile(issuer, nil, nil, nil), jwksURL: map[string]any{"keys": []any{
				map[string]any{"kty": "OKP", "crv": "Ed25519", "x": base64.RawURLEncoding.EncodeToString(k.Public), "kid": "a", "iss": issuer}}}}},
		{name: "well-known JWK Set lists it for someone else", issuer: issuer, want: NotListed, reason: "evil",
			docs: map[string]any{jwksURL: map[string]any{"keys": []any{
				map[string]any{"kty": "OKP", "crv": "Ed25519", "x": base64.RawURLEncoding.EncodeToString(k.Public), "iss": "https://evil.example/"}}}}},
		{name: "neither lists it", issuer: issuer, want: NotListed, reason: jwksURL,
			docs: map[string]any{issuer: profile(issuer, []any{multikeyVM("#k", issuer, other.Multikey)}, []any{"#k"}, nil),
				jwksURL: map[string]any{"keys": []any{testutil.JWK(other.Public)}}}},
		{name: "profile without keys, no JWK Set", issuer: issuer, want: NotListed,
			docs: map[string]any{issuer: profile(issuer, nil, nil, nil)}, fail: map[string]error{jwksURL: errNotFound}},
		{name: "issuer is a URN", issuer: "urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795", want: Unconfirmed, reason: "no document"},
		{name: "no issuer", want: Unconfirmed, reason: "no issuer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := (&Resolver{Fetcher: &web{docs: tc.docs, fail: tc.fail}}).JWKProvenance(ctx, jwk, tc.issuer)
			if key.Binding != tc.want || key.ID != tc.id || key.Controller != tc.issuer || !k.Public.Equal(key.PublicKey) {
				t.Fatalf("key = %+v, want %v", key, tc.want)
			}
			if (key.Reason.English == "") != (tc.want == Bound) || !strings.Contains(key.Reason.English, tc.reason) {
				t.Fatalf("reason %q, want one containing %q", key.Reason, tc.reason)
			}
		})
	}

	// A P-256 key published as a Multikey matches the same key from a JWK.
	mb := "did:key:" + mustEncode(t, &p256.PublicKey)
	key := (&Resolver{}).JWKProvenance(ctx, &jose.JWK{Key: &p256.PublicKey}, mb)
	if key.Binding != Bound || !equal(key.PublicKey, &p256.PublicKey) {
		t.Fatalf("P-256 did:key: %+v", key)
	}
}

package keys

import (
	"context"
	"crypto"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/did"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/internal/testutil"
)

// web serves docs; a URL in fail answers with that error; any other URL is
// offline. It records what was fetched.
type web struct {
	docs    map[string]any // string, []byte or a JSON-marshalable value
	fail    map[string]error
	fetched []string
}

func (w *web) Fetch(_ context.Context, u string, _ ...string) ([]byte, error) {
	w.fetched = append(w.fetched, u)
	if err, ok := w.fail[u]; ok {
		return nil, err
	}
	switch d := w.docs[u].(type) {
	case nil:
		return nil, fetch.ErrOffline
	case string:
		return []byte(d), nil
	case []byte:
		return d, nil
	default:
		return json.Marshal(d)
	}
}

var errNotFound = errors.New("HTTP 404 Not Found")

// profile is an issuer profile (controller document) at id listing
// methods; assertion and auth are the relationship entries.
func profile(id string, methods []any, assertion, auth []any) map[string]any {
	m := map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2", "https://w3id.org/security/multikey/v1"},
		"id":       id, "type": []any{"Profile"}, "name": "Example University",
	}
	if methods != nil {
		m["verificationMethod"] = methods
	}
	if assertion != nil {
		m["assertionMethod"] = assertion
	}
	if auth != nil {
		m["authentication"] = auth
	}
	return m
}

func multikeyVM(id, controller, mb string) map[string]any {
	return map[string]any{"id": id, "type": "Multikey", "controller": controller, "publicKeyMultibase": mb}
}

const issuer = "https://issuer.example/issuers/565049"

func TestResolveDID(t *testing.T) {
	k := testutil.NewDIDKey(t)
	didKey := "did:key:" + k.Multikey
	webDID := "did:web:issuer.example"
	webDoc := map[string]any{
		"id": webDID,
		"verificationMethod": []any{
			multikeyVM("#assert", webDID, k.Multikey),
			map[string]any{"id": "#auth", "type": "JsonWebKey2020", "controller": webDID, "publicKeyJwk": testutil.JWK(k.Public)},
		},
		"assertionMethod": []any{"#assert"},
		"authentication":  []any{"#auth"},
	}
	w := &web{docs: map[string]any{"https://issuer.example/.well-known/did.json": webDoc}}
	r := &Resolver{Fetcher: w}
	ctx := context.Background()

	for _, tc := range []struct{ vm, purpose, id, controller string }{
		{didKey + "#" + k.Multikey, did.AssertionMethod, didKey + "#" + k.Multikey, didKey},
		{didKey, did.AssertionMethod, didKey + "#" + k.Multikey, didKey}, // bare did:key names its only key
		{didKey + "#" + k.Multikey, did.Authentication, didKey + "#" + k.Multikey, didKey},
		{webDID + "#assert", did.AssertionMethod, webDID + "#assert", webDID},
		{webDID + "#auth", did.Authentication, webDID + "#auth", webDID},
	} {
		key, err := r.Resolve(ctx, tc.vm, tc.purpose)
		if err != nil {
			t.Errorf("Resolve(%s, %s): %v", tc.vm, tc.purpose, err)
			continue
		}
		if key.Binding != Bound || key.ID != tc.id || key.Controller != tc.controller || !k.Public.Equal(key.PublicKey) || key.Reason.English != "" {
			t.Errorf("Resolve(%s) = %+v", tc.vm, key)
		}
	}

	var na *did.NotAuthorizedError
	var nf *did.NotFoundError
	var um *did.UnsupportedMethodError
	var ue *UnsupportedError
	for _, tc := range []struct {
		vm, purpose string
		want        any
	}{
		{webDID + "#auth", did.AssertionMethod, &na},
		{webDID + "#assert", did.Authentication, &na},
		{webDID + "#nope", did.AssertionMethod, &nf},
		{didKey + "#other", did.AssertionMethod, &nf},
		{webDID, did.AssertionMethod, &ue},
		// validator/ob30/simple-err-proof-method-unknown-did-method.json
		{"did:example:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", did.AssertionMethod, &um},
	} {
		_, err := r.Resolve(ctx, tc.vm, tc.purpose)
		if err == nil || !errors.As(err, tc.want) {
			t.Errorf("Resolve(%s, %s) error = %v (%T)", tc.vm, tc.purpose, err, err)
		}
	}
	if _, err := (&Resolver{}).Resolve(ctx, webDID+"#assert", did.AssertionMethod); !errors.Is(err, fetch.ErrOffline) {
		t.Errorf("did:web offline: error = %v, want fetch.ErrOffline", err)
	}
}

// The OB 3.0 examples' key form: https://issuer#z6Mk…, the key in the
// fragment. The key checks the signature; whether it is the issuer's
// depends on the issuer's document.
func TestResolveFragmentMultikey(t *testing.T) {
	k, other := testutil.NewDIDKey(t), testutil.NewDIDKey(t)
	vm := issuer + "#" + k.Multikey
	ctx := context.Background()

	for _, tc := range []struct {
		name   string
		doc    any   // served at issuer; nil: not served
		fail   error // returned for issuer instead
		want   Binding
		reason string // a fragment of Resolved.Reason
	}{
		{name: "offline", want: Unconfirmed, reason: "offline"},
		{name: "issuer address answers 404", fail: errNotFound, want: Unconfirmed, reason: "404"},
		{name: "listed by id", want: Bound,
			doc: profile(issuer, []any{multikeyVM(vm, issuer, k.Multikey)}, []any{vm}, nil)},
		{name: "listed by relative id", want: Bound,
			doc: profile(issuer, []any{multikeyVM("#"+k.Multikey, issuer, k.Multikey)}, []any{"#" + k.Multikey}, nil)},
		{name: "listed under another id", want: Bound,
			doc: profile(issuer, []any{multikeyVM("#key-1", issuer, k.Multikey)}, []any{"#key-1"}, nil)},
		{name: "listed as JWK", want: Bound,
			doc: profile(issuer, []any{map[string]any{"id": "#jwk", "type": "JsonWebKey", "controller": issuer, "publicKeyJwk": testutil.JWK(k.Public)}}, []any{"#jwk"}, nil)},
		{name: "embedded in assertionMethod", want: Bound,
			doc: profile(issuer, nil, []any{multikeyVM("#key-1", issuer, k.Multikey)}, nil)},
		{name: "profile without keys", want: NotListed, reason: "does not list",
			doc: profile(issuer, nil, nil, nil)},
		{name: "only another key", want: NotListed, reason: "does not list",
			doc: profile(issuer, []any{multikeyVM("#key-1", issuer, other.Multikey)}, []any{"#key-1"}, nil)},
		{name: "only for authentication", want: NotListed, reason: "not for assertionMethod",
			doc: profile(issuer, []any{multikeyVM(vm, issuer, k.Multikey)}, nil, []any{vm})},
		{name: "in verificationMethod but no relationship", want: NotListed,
			doc: profile(issuer, []any{multikeyVM("#key-1", issuer, k.Multikey)}, nil, nil)},
		{name: "the id lists a different key", want: NotListed, reason: "different key",
			doc: profile(issuer, []any{multikeyVM(vm, issuer, other.Multikey)}, []any{vm}, nil)},
		{name: "method names another controller", want: NotListed, reason: "controller",
			doc: profile(issuer, []any{multikeyVM(vm, "https://evil.example/", k.Multikey)}, []any{vm}, nil)},
		{name: "document of another id", want: NotListed, reason: "describes",
			doc: profile("https://evil.example/", []any{multikeyVM(vm, issuer, k.Multikey)}, []any{vm}, nil)},
		{name: "not JSON", want: NotListed, doc: "<html>hello</html>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := &web{docs: map[string]any{}, fail: map[string]error{}}
			if tc.doc != nil {
				w.docs[issuer] = tc.doc
			}
			if tc.fail != nil {
				w.fail[issuer] = tc.fail
			}
			key, err := (&Resolver{Fetcher: w}).Resolve(ctx, vm, did.AssertionMethod)
			if err != nil {
				t.Fatal(err)
			}
			if key.Binding != tc.want || key.Controller != issuer || key.ID != vm || !k.Public.Equal(key.PublicKey) {
				t.Fatalf("key = %+v, want binding %v", key, tc.want)
			}
			if (key.Reason.English == "") != (tc.want == Bound) || !strings.Contains(key.Reason.English, tc.reason) {
				t.Fatalf("reason %q, want one containing %q", key.Reason, tc.reason)
			}
			if len(w.fetched) != 1 || w.fetched[0] != issuer {
				t.Fatalf("fetched %v, want the issuer document only", w.fetched)
			}
		})
	}

	t.Run("no document to ask", func(t *testing.T) {
		for _, ref := range []string{
			// validator/clr20/simple_v1.json
			"urn:uuid:319b0e91-9fb2-4f41-aff8-810f24aff284#" + k.Multikey,
			"http://issuer.example/#" + k.Multikey,
		} {
			w := &web{}
			key, err := (&Resolver{Fetcher: w}).Resolve(ctx, ref, did.AssertionMethod)
			if err != nil || key.Binding != Unconfirmed || key.Reason.English == "" || len(w.fetched) != 0 {
				t.Errorf("Resolve(%s) = %+v, %v; fetched %v", ref, key, err, w.fetched)
			}
		}
	})

	t.Run("corrupt multikey", func(t *testing.T) {
		// validator/ob30/simple-err-proof-method.json
		_, err := (&Resolver{}).Resolve(ctx, "https://example.edu/issuers/565049#z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", did.AssertionMethod)
		var ue *multikey.UnsupportedError
		if !errors.As(err, &ue) {
			t.Fatalf("error = %v (%T)", err, err)
		}
	})
}

func TestResolveControllerDocument(t *testing.T) {
	k, other := testutil.NewDIDKey(t), testutil.NewDIDKey(t)
	vm := issuer + "#key-1"
	ctx := context.Background()
	good := profile(issuer, []any{multikeyVM("#key-1", issuer, k.Multikey), multikeyVM("#auth", issuer, other.Multikey)}, []any{"#key-1"}, []any{"#auth"})

	key, err := (&Resolver{Fetcher: &web{docs: map[string]any{issuer: good}}}).Resolve(ctx, vm, did.AssertionMethod)
	if err != nil || key.Binding != Bound || key.Controller != issuer || key.ID != vm || !k.Public.Equal(key.PublicKey) {
		t.Fatalf("Resolve = %+v, %v", key, err)
	}

	var na *did.NotAuthorizedError
	var nf *did.NotFoundError
	var de *did.DocumentError
	var ue *UnsupportedError
	for _, tc := range []struct {
		name string
		vm   string
		doc  any
		want any
	}{
		{"not for assertionMethod", issuer + "#auth", good, &na},
		{"no such method", issuer + "#key-9", good, &nf},
		{"document of another id", vm, profile("https://evil.example/", []any{multikeyVM(vm, issuer, k.Multikey)}, []any{vm}, nil), &de},
		{"method names another controller", vm, profile(issuer, []any{multikeyVM(vm, "https://evil.example/", k.Multikey)}, []any{vm}, nil), &de},
		{"not a document", vm, "<html>", &de},
		// validator/ob30/simple-err-proof-method-unknown-scheme.json, -no-scheme.json
		{"unknown scheme", "xxx:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", nil, &ue},
		{"no scheme", "z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", nil, &ue},
		{"http key document", "http://issuer.example/keys/1", nil, &ue},
		{"empty", "", nil, &ue},
		{"huge", "https://issuer.example/" + strings.Repeat("a", maxRef), nil, &ue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := (&Resolver{Fetcher: &web{docs: map[string]any{issuer: tc.doc}}}).Resolve(ctx, tc.vm, did.AssertionMethod)
			if err == nil || !errors.As(err, tc.want) {
				t.Fatalf("error = %v (%T)", err, err)
			}
		})
	}

	t.Run("offline is a skip, not a failure", func(t *testing.T) {
		_, err := (&Resolver{}).Resolve(ctx, vm, did.AssertionMethod)
		if !errors.Is(err, fetch.ErrOffline) {
			t.Fatalf("error = %v", err)
		}
	})
}

func TestResolveKeyDocument(t *testing.T) {
	k, other := testutil.NewDIDKey(t), testutil.NewDIDKey(t)
	const keyURL = "https://issuer.example/keys/1"
	keyDoc := multikeyVM(keyURL, issuer, k.Multikey)
	ctx := context.Background()
	for _, tc := range []struct {
		name       string
		docs       map[string]any
		want       Binding
		controller string
	}{
		{"controller lists it", map[string]any{keyURL: keyDoc, issuer: profile(issuer, nil, []any{keyURL, multikeyVM(keyURL, issuer, k.Multikey)}, nil)}, Bound, issuer},
		{"controller lists the same key under its own id", map[string]any{keyURL: keyDoc, issuer: profile(issuer, []any{multikeyVM("#k", issuer, k.Multikey)}, []any{"#k"}, nil)}, Bound, issuer},
		{"controller does not list it", map[string]any{keyURL: keyDoc, issuer: profile(issuer, []any{multikeyVM("#k", issuer, other.Multikey)}, []any{"#k"}, nil)}, NotListed, issuer},
		{"controller offline", map[string]any{keyURL: keyDoc}, Unconfirmed, issuer},
		{"controller is a DID that lists it", map[string]any{
			keyURL: multikeyVM(keyURL, "did:web:issuer.example", k.Multikey),
			"https://issuer.example/.well-known/did.json": profile("did:web:issuer.example", []any{multikeyVM("#k", "did:web:issuer.example", k.Multikey)}, []any{"#k"}, nil),
		}, Bound, "did:web:issuer.example"},
		{"controller is a DID that does not list it", map[string]any{
			keyURL: multikeyVM(keyURL, "did:key:"+other.Multikey, k.Multikey),
		}, NotListed, "did:key:" + other.Multikey},
		{"controller has no document", map[string]any{keyURL: multikeyVM(keyURL, "urn:uuid:1", k.Multikey)}, Unconfirmed, "urn:uuid:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key, err := (&Resolver{Fetcher: &web{docs: tc.docs}}).Resolve(ctx, keyURL, did.AssertionMethod)
			if err != nil {
				t.Fatal(err)
			}
			if key.Binding != tc.want || key.Controller != tc.controller || key.ID != keyURL || !k.Public.Equal(key.PublicKey) || (key.Reason.English == "") != (tc.want == Bound) {
				t.Fatalf("key = %+v", key)
			}
		})
	}
	var de *did.DocumentError
	for name, doc := range map[string]any{
		"id differs":    multikeyVM("https://issuer.example/keys/2", issuer, k.Multikey),
		"no controller": map[string]any{"id": keyURL, "type": "Multikey", "publicKeyMultibase": k.Multikey},
	} {
		_, err := (&Resolver{Fetcher: &web{docs: map[string]any{keyURL: doc}}}).Resolve(ctx, keyURL, did.AssertionMethod)
		if !errors.As(err, &de) {
			t.Errorf("%s: error = %v (%T)", name, err, err)
		}
	}
}

func equal(a, b crypto.PublicKey) bool {
	k, ok := a.(interface{ Equal(crypto.PublicKey) bool })
	return ok && k.Equal(b)
}

func mustEncode(t *testing.T, k crypto.PublicKey) string {
	t.Helper()
	s, err := multikey.Encode(k)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

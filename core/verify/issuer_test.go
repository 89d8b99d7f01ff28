package verify_test

import (
	"errors"
	"testing"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/multikey"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/verify"
)

func TestForgedHTTPSIssuerWithFragmentKey(t *testing.T) {
	P, S, F := report.Pass, report.Skip, report.Fail
	cred, pub := forge(t, profile(harvard, "Harvard University"), harvard+"#{key}", nil)

	// Offline: the signature holds, nothing ties the key to Harvard.
	r := verdictOf(t, cred)
	want(t, r, report.Incomplete, outcomes("proof", P, "issuer", S))
	if len(r.Missing) != 1 || r.Missing[0].URL != harvard || r.Missing[0].Remedy != report.RemedyOnline {
		t.Errorf("missing = %+v, want the issuer's document, online", r.Missing)
	}
	// Online, the host answers 404, an HTML page, or nothing: never verified.
	for name, fn := range map[string]func(string) ([]byte, error){
		"404":        func(u string) ([]byte, error) { return nil, &fetch.StatusError{URL: u, Code: 404} },
		"no answer":  func(string) ([]byte, error) { return nil, errors.New("dial tcp: connection refused") },
		"HTML page":  func(string) ([]byte, error) { return []byte("<html><body>Harvard</body></html>"), nil },
		"other keys": func(string) ([]byte, error) { return controllerDoc(harvard, otherKey(t)), nil },
	} {
		r := verdictOf(t, cred, answering(fn))
		if r.Verdict == report.Verified {
			t.Errorf("%s: verified\n%s", name, dump(r))
		}
		if c := r.Check("issuer"); c == nil || c.Outcome == report.Pass {
			t.Errorf("%s: issuer check %+v", name, c)
		}
	}
	r = verdictOf(t, cred, answering(func(string) ([]byte, error) { return controllerDoc(harvard, otherKey(t)), nil }))
	want(t, r, report.NotVerified, outcomes("issuer", F))
	r = verdictOf(t, cred, answering(func(u string) ([]byte, error) { return nil, &fetch.StatusError{URL: u, Code: 404} }))
	if len(r.Missing) == 0 || r.Missing[0].Remedy != report.RemedyDocument {
		t.Errorf("unanswered document: missing %+v, want remedy document", r.Missing)
	}
	// The issuer's own document listing the key ties it: verified, and the
	// domain that published it is named.
	mk, _ := multikey.Encode(pub)
	r = verdictOf(t, cred, verify.WithDocuments(map[string][]byte{harvard: controllerDoc(harvard, mk)}))
	want(t, r, report.Verified, outcomes("proof", P, "issuer", P))
	if r.Summary.Issuer.Domain != "www.harvard.edu" {
		t.Errorf("domain %q", r.Summary.Issuer.Domain)
	}
}

func TestForgedOpaqueAndHTTPIssuers(t *testing.T) {
	// An http:// issuer is never fetched; an opaque urn:uuid issuer has no
	// document at all: the signature may hold, the binding cannot.
	for name, c := range map[string]struct{ issuer, vm string }{
		"http":         {"http://www.harvard.edu/issuers/registrar", "http://www.harvard.edu/issuers/registrar#{key}"},
		"urn + didkey": {"urn:uuid:6a1f0c9e-1111-4c2b-9f00-000000000001", "did:key:{key}#{key}"},
	} {
		t.Run(name, func(t *testing.T) {
			cred, _ := forge(t, profile(c.issuer, "Massachusetts Institute of Technology"), c.vm, nil)
			r := verdictOf(t, cred)
			want(t, r, report.Incomplete, outcomes("proof", report.Pass, "issuer", report.Skip))
			if r.Missing[0].Remedy != report.RemedyNone {
				t.Errorf("missing %+v, want remedy none", r.Missing)
			}
		})
	}
}

func TestUnreachableKeyIsNotAForgery(t *testing.T) {
	// Online with no network: a did:web key that cannot be fetched is a
	// skip (incomplete), not "could not be trusted".
	cred, _ := forge(t, profile("did:web:badges.example.edu", "Example College"), "did:web:badges.example.edu#key-1", nil)
	r := verdictOf(t, cred, answering(func(string) ([]byte, error) { return nil, errors.New("dial tcp: no route to host") }))
	want(t, r, report.Incomplete, outcomes("proof", report.Skip, "issuer", report.Skip))
	// Both wait on the same document: the issuer check names it too.
	for _, m := range r.Missing {
		if m.URL != "https://badges.example.edu/.well-known/did.json" || m.Remedy != report.RemedyDocument {
			t.Errorf("missing %+v", m)
		}
	}
}

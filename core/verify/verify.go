// Package verify is the entry point of the ClearBadge core: a Verifier,
// configured by options, takes the bytes of anything a learner might hand
// over (a JSON-LD credential, a VC-JWT, a badge image with a credential baked
// in, a CLR, a presentation) and returns one report.Report.
//
// The Verifier is offline unless it is given a Fetcher: it then never
// touches the network, and every check that would need it is reported as
// skipped with the reason. Verification follows OB 3.0 §9.1 "Verification"
// in the specification's order: format and shape, proof, issuer binding,
// validity dates, revocation status, schema, recipient, endorsements; a CLR
// (CLR 2.0) then verifies each credential it carries, and a presentation
// (VC 2.0 §4.13) its holder's proof and every credential inside.
//
// Each check is a file of its own named for its check id (format.go,
// proof.go, issuer.go, identity.go, validity.go, status.go, schema.go,
// recipient.go, endorsements.go, credentials.go, refresh.go,
// presentation.go), with its tests beside it (validity_test.go, ...).
// input.go tells what the input is, credential.go runs a credential's checks
// in order, and jwt.go verifies what comes secured as a JWS.
package verify

import (
	"bytes"
	"context"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/proof"
	"github.com/clearbadge/clearbadge/core/internal/status"
	"github.com/clearbadge/clearbadge/core/recipient"
	"github.com/clearbadge/clearbadge/core/registry"
	"github.com/clearbadge/clearbadge/core/report"
)

// UseHostEd25519 hands the core the host's own Ed25519 signature check (the
// wasm bridge: WebCrypto), which then speeds up accepting a good signature;
// crypto/ed25519 still checks every other. It is process-wide: call it once,
// before any verification. No verdict can change with it: a host's "no" or
// error is checked again by crypto/ed25519, and its "yes" counts only for a
// signature crypto/ed25519 could accept at all (RFC 8032 §5.1.7).
func UseHostEd25519(f func(pub, msg, sig []byte) (bool, error)) { proof.UseHostEd25519(f) }

// UseHostSHA256 hands the core the host's own SHA-256 for the data a Data
// Integrity proof signs (the wasm bridge in Node: node:crypto), which is
// faster than Go's compiled to wasm. It is process-wide: call it once,
// before any verification. A host error falls back to crypto/sha256.
func UseHostSHA256(f func(b []byte) ([]byte, error)) { proof.UseHostSHA256(f) }

// Option configures a Verifier.
type Option func(*Verifier)

// WithOffline turns network lookups off (true) or lets them go through the
// Fetcher given with WithFetcher (false). Offline is the default.
func WithOffline(offline bool) Option { return func(v *Verifier) { v.offline = offline } }

// WithFetcher sets how public documents (did:web documents, status lists,
// issuer profiles, schemas) are fetched when online. It also turns online
// checks on.
func WithFetcher(f fetch.Fetcher) Option {
	return func(v *Verifier) { v.fetcher, v.offline = f, f == nil }
}

// WithPrivateNetwork lets an online Verifier fetch from local addresses
// (loopback, RFC 1918 and the like), for intranet deployments. Off by
// default: a credential chooses the URLs it points to, and must not be able
// to aim the verifier at the network it runs in (issue 10). The native
// fetcher needs the same setting (httpfetch.Fetcher.AllowPrivate), as it
// checks the addresses names resolve to.
func WithPrivateNetwork(allow bool) Option { return func(v *Verifier) { v.allowPrivate = allow } }

// WithLimits sets the network limits of each verification (timeouts and
// budget); fields left zero keep fetch.DefaultLimits.
func WithLimits(l fetch.Limits) Option { return func(v *Verifier) { v.limits = l } }

// WithDocuments supplies documents by URL that would otherwise be fetched
// (air-gapped verification). They are used online and offline alike.
func WithDocuments(docs map[string][]byte) Option {
	return func(v *Verifier) {
		if v.docs == nil {
			v.docs = map[string][]byte{}
		}
		for k, b := range docs {
			v.docs[k] = b
		}
	}
}

// WithTime verifies as of t ("was it valid then?") instead of now.
func WithTime(t time.Time) Option { return func(v *Verifier) { v.now = t } }

// WithChallenge sets the challenge a presentation's proof must carry.
func WithChallenge(c string) Option { return func(v *Verifier) { v.challenge = c } }

// WithDomain sets the domain a presentation's proof must carry.
func WithDomain(d string) Option { return func(v *Verifier) { v.domain = d } }

// WithRecipient checks that the credential was issued to this person
// (OB 3.0 §9.1 step 5).
func WithRecipient(k recipient.Known) Option { return func(v *Verifier) { v.recipient = &k } }

// WithRefresh lets an online Verifier fetch the refreshed copy a
// 1EdTechCredentialRefresh service offers (OB 3.0 §9.1 step 3) and verify
// it too. It reveals to the issuer that the credential is being checked,
// so it is off by default.
func WithRefresh(on bool) Option { return func(v *Verifier) { v.refresh = on } }

// WithStrict makes OB 3.0 / CLR 2.0 data-model violations fail the schema
// check (and so the verdict), for issuers testing their output. By default
// they are notes: a credential whose signature, issuer, dates and status
// hold is verified even if, say, its subject has neither id nor identifier.
func WithStrict(on bool) Option { return func(v *Verifier) { v.strict = on } }

// Verifier verifies credentials and presentations. It is safe for concurrent
// use; each Verify call has its own fetch.Session (cache and budget).
type Verifier struct {
	offline           bool
	fetcher           fetch.Fetcher
	docs              map[string][]byte
	now               time.Time
	challenge, domain string
	recipient         *recipient.Known
	refresh           bool
	allowPrivate      bool
	limits            fetch.Limits
	strict            bool
	registrySources   []registry.Source
	registryCache     registries
}

// New returns a Verifier with the given options.
func New(opts ...Option) *Verifier {
	v := &Verifier{offline: true}
	for _, o := range opts {
		o(v)
	}
	return v
}

// session is the state of one Verify call.
type session struct {
	*Verifier
	fetch fetch.Fetcher
	now   time.Time
	depth int
	// nestedDocs counts the documents verified inside the input, at any
	// depth (MaxNestedDocuments).
	nestedDocs int
	lists      *status.Checker
}

// maxNesting bounds credentials inside credentials (a presentation of CLRs
// of endorsed badges is depth 3); anything deeper is refused, not followed.
const maxNesting = 4

// Verify verifies one input and returns its report; it never returns nil.
// source names the input in the report (a file name, say).
func (v *Verifier) Verify(ctx context.Context, input []byte, source string) *report.Report {
	f := &fetch.Session{Docs: v.docs, AllowPrivate: v.allowPrivate, Limits: v.limits}
	if !v.offline && v.fetcher != nil {
		f.Next = v.fetcher
		// The deadline covers the whole verification: a fetch after it is
		// refused at once.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Limits.OrDefault().Deadline)
		defer cancel()
	}
	s := &session{
		Verifier: v,
		fetch:    fetch.Labelled(f),
		now:      v.now,
	}
	if s.now.IsZero() {
		s.now = time.Now()
	}
	r := s.input(ctx, bytes.TrimSpace(input))
	r.Source = source
	return r
}

// remedy says what would let a check that needs the document at url run:
// online checks when offline, the document itself when online checks ran
// and it did not answer, nothing when there is no document to ask.
func (s *session) remedy(url string) report.Remedy {
	switch {
	case url == "":
		return report.RemedyNone
	case s.offline:
		return report.RemedyOnline
	}
	return report.RemedyDocument
}

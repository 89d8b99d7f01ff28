// Package status is the `status` check: has the issuer revoked or suspended
// the credential since issuing it? OB 3.0 §9.1 "Verification" step 4 (see
// ../shared/notes/spec-checklist.md §2) names the 1EdTech Revocation List;
// Open Badges in the wild also use the W3C Bitstring Status List v1.0 and
// its predecessor StatusList2021 (CCG Final Report), as 1EdTech's own
// validator does. All three are checked here.
//
// # Trusting a status list
//
// A bitstring status list is itself a verifiable credential, and its bits
// are only as trustworthy as its proof. So before a single bit is read the
// list must (Bitstring Status List v1.0 §3.2 "Validate Algorithm" steps 4-5):
//
//   - verify exactly like any credential: proof, key bound to its issuer,
//     validity dates. The package does not do this itself; the caller hands
//     in a ListVerifier, which is core/verify's full verifier, so a list in
//     JSON-LD with an embedded proof or a VC-JWT goes through the same code
//     as the credential;
//   - but it need not be issued by the credential's own issuer: §2.2
//     allows a separate status authority, and the Digital Credentials
//     Consortium signs every list with one status key. The credential's
//     issuer named the list's URL inside its signed credential; the list's
//     own proof shows it is intact, and the message names who signed it.
//     Nothing else about the list's issuer is asked (its key binding is
//     the list's concern, not the credential's);
//   - be of the right type, and its statusPurpose must include the entry's.
//
// A list that fails any of these is a `fail` ("could not be trusted"), and so
// is a trusted list that cannot be decoded or is too short for the entry's
// index ("could not be used"): the credential points at a list that cannot
// answer, and an attacker who can replace the list must not gain a pass. A list that could not be fetched
// (offline, network error) is a `skip` that says why. Nothing is ever a
// silent pass: an entry of a type ClearBadge does not know is a `skip`
// naming the type.
//
// # Outcomes
//
// No credentialStatus at all is a `pass` ("This credential does not use a
// revocation list."): there is nothing to check, and a `skip` would tell a
// reader that something was left undone. Per entry: revoked or suspended is
// a `fail`; a `message` status (statusSize > 1) is a `pass` for value 0 and
// a `warn` otherwise, naming the issuer's message, because the specification
// leaves the meaning of messages to the issuer (§2.1 statusMessage); a set
// `refresh` bit is a `warn` (an updated credential exists). With several
// entries the most severe outcome wins (fail, skip, warn, pass) and every
// entry's sentence is kept. An entry that breaks its specification (no
// index, statusSize > 1 without statusMessage, ...) is a `fail`: it is part
// of the signed credential, and the status it should give cannot be known
// (§3 MALFORMED_VALUE_ERROR). A status list's own credentialStatus is not
// followed (it could point at itself): inside a list's verification the
// check is a `skip`.
//
// A list shorter than 131,072 entries breaks a MUST of both list
// specifications (§2.2 "at least 16KB"; §3.2 step 9 raises
// STATUS_LIST_LENGTH_ERROR). The minimum exists for the holders' herd
// privacy (Privacy Considerations, "Revocation Bitstring
// Length"), not for the correctness of the bit, and the list is signed
// by the issuer, so ClearBadge still reads the bit and reports a would-be
// pass as a `warn` that names the problem. A list whose own id is not the
// URL it was fetched from (the 1EdTech validator's test list is one) is
// likewise a `warn`, as an id match is only a MAY (§2.2 id).
//
// The 1EdTech Revocation List (VCRL 1.0) is a plain JSON document without a
// signature: the answer rests on the connection to the issuer's server, and
// the message says so.
package status

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
	"github.com/clearbadge/clearbadge/core/work"
)

// ListVerifier verifies a status list credential (JSON-LD with an embedded
// proof, or a VC-JWT) fetched from url and returns its report and its
// decoded credential object (for a VC-JWT, the credential inside). core/verify
// supplies it (it is the full verifier), so the list is verified exactly like
// any credential: proof, issuer binding, validity. The report may be nil and
// the credential nil when the data is not a credential at all.
type ListVerifier func(ctx context.Context, data []byte, url string) (*report.Report, map[string]any)

// Checker runs the status check. One Checker serves one verification session:
// it remembers every list it verified, so that a CLR whose twenty credentials
// share one list verifies that list once. Use it through a pointer; it is
// safe for concurrent use.
type Checker struct {
	// Fetcher gets status lists. nil, fetch.Offline, or a fetch.Static
	// without the URL mean offline: the check is skipped and says so.
	Fetcher fetch.Fetcher
	// VerifyList verifies a fetched status list credential. Without it no
	// list can be trusted, and bitstring entries are skipped.
	VerifyList ListVerifier
	// Now is the verification time (the --at time); zero means time.Now().
	Now time.Time

	mu    sync.Mutex
	lists map[string]*fetchedList
}

// MaxEntries caps the credentialStatus entries checked: a credential has
// one or two (revocation, suspension); thousands would each cost a lookup.
const MaxEntries = 16

// result is the outcome of one credentialStatus entry. A skip names the
// list that would complete it (url) and how (remedy).
type result struct {
	outcome report.Outcome
	message report.Text
	detail  string
	url     string
	remedy  report.Remedy
}

func said(o report.Outcome, t report.Text) result {
	return result{outcome: o, message: t}
}

func failed(detail string, t report.Text) result {
	return result{outcome: report.Fail, message: t, detail: detail}
}

func skipped(detail string, t report.Text) result {
	return result{outcome: report.Skip, message: t, detail: detail}
}

// depthKey marks a context in which a status list is being verified. A list
// may carry a credentialStatus of its own; following it once more could
// loop (a list that is its own status list), so inside a list's verification
// the check is skipped.
type depthKey struct{}

// Check returns the report.Check with id "status" for the credential doc
// issued by issuerID (the id of its issuer; when empty, doc's own issuer).
func (c *Checker) Check(ctx context.Context, doc map[string]any, issuerID string) report.Check {
	r := c.check(ctx, doc, issuerID)
	ch := r.message.Check(report.CheckStatus, r.outcome, r.detail)
	if r.outcome == report.Skip {
		ch.URL, ch.Remedy = r.url, r.remedy
		if ch.Remedy == "" {
			ch.Remedy = report.RemedyNone
		}
	}
	return ch
}

func (c *Checker) check(ctx context.Context, doc map[string]any, issuerID string) result {
	raw, ok := doc["credentialStatus"]
	var entries []any
	switch v := raw.(type) {
	case nil:
	case []any:
		entries = v
	default:
		entries = []any{v}
	}
	if !ok || len(entries) == 0 {
		return said(report.Pass, report.Say("status.none", "This credential does not use a revocation list."))
	}
	if len(entries) > MaxEntries {
		return skipped(fmt.Sprintf("%d credentialStatus entries; limit %d", len(entries), MaxEntries),
			report.Say("status.too-many", "This credential has {n} status entries, more than the {max} ClearBadge checks, so whether it was revoked was not checked.",
				"n", strconv.Itoa(len(entries)), "max", strconv.Itoa(MaxEntries)))
	}
	if ctx.Value(depthKey{}) != nil {
		return skipped("", report.Say("status.list-of-list", "The status of a status list itself is not followed further."))
	}
	if issuerID == "" {
		issuerID = jsonval.ID(doc["issuer"])
	}
	results := make([]result, 0, len(entries))
	for i, e := range entries {
		r := c.entry(ctx, doc, issuerID, e)
		if len(entries) > 1 && r.detail != "" {
			r.detail = fmt.Sprintf("entry %d: %s", i+1, r.detail)
		}
		results = append(results, r)
	}
	return combine(results)
}

// entry checks one credentialStatus entry by its type.
func (c *Checker) entry(ctx context.Context, doc map[string]any, issuerID string, e any) result {
	m, ok := e.(map[string]any)
	if !ok {
		return malformed("credentialStatus is not a JSON object")
	}
	types := credential.Types(m)
	for _, t := range types {
		switch t {
		case bitstringStatusList.entryType:
			return c.bitstring(ctx, m, issuerID, &bitstringStatusList)
		case statusList2021.entryType:
			return c.bitstring(ctx, m, issuerID, &statusList2021)
		case revocationListType:
			return c.revocationList(ctx, doc, m)
		}
	}
	if len(types) == 0 {
		return skipped("credentialStatus has no type", report.Say("status.no-type", "This credential's status entry has no type, so its status could not be checked."))
	}
	return skipped("credentialStatus type "+strings.Join(types, ", "),
		report.Say("status.unknown-type", "This credential's status uses \u201c{type}\u201d, which ClearBadge does not check.", "type", strings.Join(types, ", ")))
}

// malformed reports a credentialStatus entry that breaks its specification
// (Bitstring Status List §3 MALFORMED_VALUE_ERROR). The entry is part of the
// signed credential, so this is the issuer's error and the status cannot be
// known: a fail, as in the 1EdTech and Digital Bazaar verifiers.
func malformed(detail string) result {
	return failed(detail, report.Say("status.malformed", "This credential's status entry is malformed, so whether it was revoked cannot be known."))
}

// severity orders outcomes for combining entries.
func severity(o report.Outcome) int {
	switch o {
	case report.Fail:
		return 3
	case report.Skip:
		return 2
	case report.Warn:
		return 1
	}
	return 0
}

// combine merges the results of several entries: the most severe outcome,
// every distinct sentence, every detail.
func combine(rs []result) result {
	out := rs[0]
	out.message = report.Text{}
	var details []string
	seen := map[string]bool{}
	for _, r := range rs {
		if severity(r.outcome) > severity(out.outcome) {
			out.outcome = r.outcome
		}
		if r.outcome == report.Skip && out.url == "" {
			out.url, out.remedy = r.url, r.remedy
		}
		if !seen[r.message.English] {
			seen[r.message.English] = true
			out.message = out.message.Then(r.message)
		}
		if r.detail != "" {
			details = append(details, r.detail)
		}
	}
	out.detail = strings.Join(details, "; ")
	return out
}

// fetchedList is a status list as fetched and verified, remembered by URL.
type fetchedList struct {
	rep *report.Report
	doc map[string]any
	err error

	// The bitstring, decoded on first use: thousands of entries naming one
	// list decompress it once (issue 10).
	decode1 sync.Once
	bits    Bitstring
	bitsErr error
}

// decode returns the list's bitstring, decoding it once per Checker.
func (f *fetchedList) decode(ctx context.Context, encoded string, enc Encoding) (Bitstring, error) {
	f.decode1.Do(func() {
		work.From(ctx).ListDecodes.Add(1)
		f.bits, f.bitsErr = DecodeList(encoded, enc)
	})
	return f.bits, f.bitsErr
}

// listAccept is what a status list may be served as (Bitstring Status List
// §4 "Media Types": any media type of a secured credential; less specific
// JSON types are common).
var listAccept = []string{
	"application/vc", "application/vc+ld+json", "application/vc+jwt",
	"application/ld+json", "application/jwt", "application/json",
}

// list fetches and verifies the status list credential at u, once per
// Checker. The lock is not held while verifying: the verifier may come back
// into Check for the list's own status.
func (c *Checker) list(ctx context.Context, u string) *fetchedList {
	c.mu.Lock()
	if f, ok := c.lists[u]; ok {
		c.mu.Unlock()
		return f
	}
	c.mu.Unlock()

	f := &fetchedList{}
	var body []byte
	body, f.err = c.fetch(ctx, u, listAccept...)
	if f.err == nil {
		f.rep, f.doc = c.VerifyList(context.WithValue(ctx, depthKey{}, true), body, u)
	}
	c.mu.Lock()
	if c.lists == nil {
		c.lists = map[string]*fetchedList{}
	}
	c.lists[u] = f
	c.mu.Unlock()
	return f
}

func (c *Checker) fetch(ctx context.Context, u string, accept ...string) ([]byte, error) {
	if c.Fetcher == nil {
		return nil, fetch.ErrOffline
	}
	return c.Fetcher.Fetch(ctx, u, accept...)
}

// notFetched turns a fetch error into a skip; what names what was not
// checked ("Revocation", see purposeNames).
func notFetched(what, u string, err error) result {
	if errors.Is(err, fetch.ErrOffline) {
		r := skipped("the list is at "+u, offline(what))
		r.url, r.remedy = u, report.RemedyOnline
		return r
	}
	if errors.Is(err, fetch.ErrUntrusted) {
		return skipped("the list is at "+u, report.Say("status.untrusted-credential", "{what} was not checked: the credential's signature did not verify, so its list was not fetched.", "what", what))
	}
	r := skipped(u+": "+err.Error(), report.Say("status.unfetched", "{what} was not checked: the list at {host} could not be fetched.", "what", what, "host", host(u)))
	if why := fetch.Withheld(err); why != "" {
		r.message = report.Say("status.withheld", "{what} was not checked: the list at {host} was not fetched ({reason}).", "what", what, "host", host(u), "reason", why)
	}
	r.url, r.remedy = u, report.RemedyDocument
	return r
}

func (c *Checker) now() time.Time {
	if c.Now.IsZero() {
		return time.Now()
	}
	return c.Now
}

// offline: what was not checked because ClearBadge is offline.
func offline(what string) report.Text {
	return report.Say("status.offline", "{what} was not checked because ClearBadge is offline; turn on online checks or supply the list with --with URL=FILE.", "what", what)
}

// absoluteURL reports whether s is a URL with a scheme (a status list
// location must be one to be dereferenced).
func absoluteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}

// host names the server of a URL for messages.
func host(s string) string {
	if u, err := url.Parse(s); err == nil && u.Host != "" {
		return u.Host
	}
	return s
}

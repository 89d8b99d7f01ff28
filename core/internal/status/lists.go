package status

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// listKind describes one of the two bitstring status list specifications.
type listKind struct {
	spec           string
	entryType      string // credentialStatus type
	credentialType string // the list credential's type
	subjectType    string // the list credential's credentialSubject type
	encoding       Encoding
	statusSize     bool // entries may set statusSize / statusMessage
}

// Bitstring Status List v1.0 (W3C Recommendation 2025): §2.1
// BitstringStatusListEntry, §2.2 BitstringStatusListCredential.
var bitstringStatusList = listKind{
	spec:           "Bitstring Status List v1.0",
	entryType:      "BitstringStatusListEntry",
	credentialType: "BitstringStatusListCredential",
	subjectType:    "BitstringStatusList",
	encoding:       Multibase,
	statusSize:     true,
}

// StatusList2021 (W3C CCG Final Report, 2023-01): §2.1 StatusList2021Entry,
// §2.2 StatusList2021Credential. One bit per entry, one purpose per list.
var statusList2021 = listKind{
	spec:           "StatusList2021",
	entryType:      "StatusList2021Entry",
	credentialType: "StatusList2021Credential",
	subjectType:    "StatusList2021",
	encoding:       Base64,
}

// bitEntry is a parsed BitstringStatusListEntry or StatusList2021Entry.
type bitEntry struct {
	url      string
	purpose  string
	index    uint64
	indexRaw string // statusListIndex as written, for messages
	size     uint64
	messages map[uint64]string // statusMessage by status value; nil if absent
}

// parseBitEntry reads and checks an entry against §2.1 of its
// specification; the error text goes into the report's detail.
func parseBitEntry(m map[string]any, k *listKind) (*bitEntry, error) {
	e := &bitEntry{size: 1}
	e.url, _ = m["statusListCredential"].(string)
	if !absoluteURL(e.url) {
		return nil, errors.New("statusListCredential is missing or not a URL")
	}
	e.purpose, _ = m["statusPurpose"].(string)
	if e.purpose == "" {
		return nil, errors.New("statusPurpose is missing")
	}
	var err error
	if e.index, err = parseIndex(m["statusListIndex"]); err != nil {
		return nil, err
	}
	e.indexRaw = fmt.Sprint(m["statusListIndex"])
	if !k.statusSize {
		return e, nil
	}
	// §2.1 statusSize: "If present, statusSize MUST be an integer greater
	// than zero"; absent means 1.
	if v, ok := m["statusSize"]; ok {
		f, isNum := v.(float64)
		if !isNum || f != math.Trunc(f) || f < 1 || f > MaxStatusSize {
			return nil, fmt.Errorf("statusSize %v is not an integer between 1 and %d", v, MaxStatusSize)
		}
		e.size = uint64(f)
	}
	// §2.1 statusMessage: MUST be present when statusSize > 1, and then have
	// exactly 2^statusSize elements, each with `status` ("0x" + hex) and
	// `message`.
	raw, ok := m["statusMessage"]
	if !ok {
		if e.size > 1 {
			return nil, fmt.Errorf("statusSize is %d but statusMessage is missing", e.size)
		}
		return e, nil
	}
	list, ok := raw.([]any)
	if !ok || uint64(len(list)) != 1<<e.size {
		return nil, fmt.Errorf("statusMessage must list %d messages for statusSize %d", 1<<e.size, e.size)
	}
	e.messages = make(map[uint64]string, len(list))
	for _, it := range list {
		sm, _ := it.(map[string]any)
		st, _ := sm["status"].(string)
		msg, _ := sm["message"].(string)
		hex, found := strings.CutPrefix(strings.ToLower(st), "0x")
		v, err := strconv.ParseUint(hex, 16, 64)
		if !found || err != nil || v >= 1<<e.size {
			return nil, fmt.Errorf("statusMessage status %q is not a hexadecimal value below %#x", st, 1<<e.size)
		}
		e.messages[v] = msg
	}
	return e, nil
}

// parseIndex reads statusListIndex. §2.1 wants a base-10 string ("an
// arbitrary size integer greater than or equal to 0, expressed as a string
// in base 10"); a JSON number is accepted too because 1EdTech's own
// validator vectors use one. An index too large for 64 bits is outside any
// list ClearBadge would expand, so it becomes the largest index and fails the
// range check.
func parseIndex(v any) (uint64, error) {
	switch x := v.(type) {
	case string:
		if x == "" || strings.TrimLeft(x, "0123456789") != "" {
			return 0, fmt.Errorf("statusListIndex %q is not a non-negative base-10 integer", x)
		}
		n, err := strconv.ParseUint(x, 10, 64)
		if err != nil {
			return math.MaxUint64, nil
		}
		return n, nil
	case float64:
		if x < 0 || x != math.Trunc(x) {
			return 0, fmt.Errorf("statusListIndex %v is not a non-negative integer", x)
		}
		if x >= math.MaxUint64 {
			return math.MaxUint64, nil
		}
		return uint64(x), nil
	}
	return 0, errors.New("statusListIndex is missing")
}

// What a purpose is called in sentences.
func purposeNames(purpose string) (check, list string) {
	switch purpose {
	case "revocation":
		return "Revocation", "revocation list"
	case "suspension":
		return "Suspension", "suspension list"
	}
	return "The credential's status", "status list"
}

// bitstring checks a BitstringStatusListEntry or StatusList2021Entry:
// Bitstring Status List v1.0 §3.2 "Validate Algorithm" (StatusList2021 §3.2
// is the same algorithm without statusSize and the length check).
func (c *Checker) bitstring(ctx context.Context, m map[string]any, issuerID string, k *listKind) result {
	e, err := parseBitEntry(m, k)
	if err != nil {
		return malformed(k.entryType + ": " + err.Error())
	}
	what, listName := purposeNames(e.purpose)
	if c.VerifyList == nil {
		return skipped("no list verifier configured", report.Say("status.no-verifier", "{what} was not checked: ClearBadge cannot verify the {list} here.", "what", what, "list", listName))
	}
	// Step 4: dereference the list and verify all its proofs.
	f := c.list(ctx, e.url)
	if f.err != nil {
		return notFetched(what, e.url, f.err)
	}
	// untrusted fails the entry; reason is a clause or, from the list's own
	// report, a sentence.
	untrusted := func(detail string, reason report.Text) result {
		return failed(e.url+": "+detail, report.Say("status.list-untrusted", "The {list} could not be trusted:", "list", listName).Then(reason))
	}
	if f.rep == nil || f.doc == nil {
		return untrusted("not a credential", report.Say("status.list-not-credential", "it is not a credential."))
	}
	for _, ch := range f.rep.Checks {
		if ch.Outcome == report.Fail {
			return untrusted(string(ch.ID)+": "+ch.Detail, ch.Text())
		}
	}
	// Bitstring Status List §2.2 lets a list be issued by another party
	// than the credential (a status service signing every list with its own
	// key, as the Digital Credentials Consortium does). The credential's
	// issuer chose the list's URL in the signed credential; what the list
	// must prove is that it is intact and current: its own proof, validity
	// and purpose. Who signed it is named in the detail.
	if p := f.rep.Check(report.CheckProof); p == nil || (p.Outcome != report.Pass && p.Outcome != report.Warn) {
		// Nothing failed, but the proof could not be checked (its key is on
		// the network, say): the bits can be neither trusted nor distrusted.
		r := skipped(e.url+": the list is not verified", report.Say("status.list-proof-unchecked", "{what} was not checked: its proof could not be checked.", "what", what))
		if p != nil {
			r = skipped(e.url+": "+p.Detail, report.Say("status.list-unchecked", "{what} was not checked:", "what", what).Then(p.Text()))
			r.url, r.remedy = p.URL, p.Remedy
		}
		return r
	}
	list := f.doc
	signedBy := jsonval.ID(list["issuer"])
	if !credential.HasType(list, k.credentialType) {
		return untrusted("type "+strings.Join(credential.Types(list), ", "), report.Say("status.list-wrong-type", "it is not a {type}.", "type", k.credentialType))
	}
	// The list's own validity period (§2.2 validFrom, validUntil).
	dates, err := credential.ReadDates(list)
	now := c.now()
	switch {
	case err != nil:
		return untrusted(err.Error(), report.Say("status.list-dates", "its dates are not valid."))
	case !dates.From.IsZero() && now.Before(dates.From):
		return untrusted(dates.FromName+" "+dates.FromRaw, report.Say("status.list-not-yet", "it is not valid before {from}.", "from", dates.FromRaw))
	case !dates.Until.IsZero() && now.After(dates.Until):
		return untrusted(dates.UntilName+" "+dates.UntilRaw, report.Say("status.list-expired", "it expired on {until}.", "until", dates.UntilRaw))
	}
	var subject map[string]any
	for _, s := range credential.Subjects(list) {
		if credential.HasType(s, k.subjectType) {
			subject = s
			break
		}
	}
	if subject == nil {
		return untrusted("no credentialSubject of type "+k.subjectType, report.Say("status.list-no-subject", "it holds no {type}.", "type", k.subjectType))
	}
	// Step 5: the entry's purpose must be one of the list's.
	// Bitstring Status List §2.2 allows "one or more strings"; a list of
	// them is accepted for StatusList2021 too, as it cannot mislead.
	purposes := jsonval.Strings(subject["statusPurpose"])
	if !contains(purposes, e.purpose) {
		return untrusted("list statusPurpose "+strings.Join(purposes, ", ")+", entry statusPurpose "+e.purpose,
			report.Say("status.list-purpose", "it is a list for \u201c{purposes}\u201d, but the credential points to it for \u201c{purpose}\u201d.", "purposes", strings.Join(purposes, ", "), "purpose", e.purpose))
	}
	// Steps 6-8: expand the bitstring.
	encoded, _ := subject["encodedList"].(string)
	bits, err := f.decode(ctx, encoded, k.encoding)
	if err != nil {
		return failed(e.url+": "+err.Error(), report.Say("status.list-unreadable", "The {list} could not be used: its encoded list is unreadable.", "list", listName))
	}
	// Step 10: read the entry; RANGE_ERROR if outside the list.
	value, err := bits.Value(e.index, e.size)
	if err != nil {
		return failed(e.url+": "+err.Error(), report.Say("status.list-no-entry", "The {list} could not be used: it has no entry {index}.", "list", listName, "index", e.indexRaw))
	}
	entries := bits.Entries(e.size)
	detail := fmt.Sprintf("%s %s: entry %d of %s (%d entries of %d bit(s)) is %#x; list issued by %s", k.entryType, e.purpose, e.index, e.url, entries, e.size, value, signedBy)
	if p := f.rep.Check(report.CheckProof); p != nil {
		detail += "; list proof: " + strings.TrimSuffix(p.Message, ".")
	}
	r := interpret(e, value)
	r.detail = detail
	// Step 9 (STATUS_LIST_LENGTH_ERROR) and §2.2 id, reported without
	// hiding the answer; see the package documentation.
	if r.outcome == report.Pass || r.outcome == report.Warn {
		if entries < MinListEntries {
			r.outcome = report.Warn
			r.message = r.message.Then(report.Say("status.list-short", "The {list} has only {n} entries; {spec} requires at least {min} to protect holders' privacy.",
				"list", listName, "n", strconv.FormatUint(entries, 10), "spec", k.spec, "min", strconv.Itoa(MinListEntries)))
		}
		if id := jsonval.Str(list, "id"); id != "" && id != e.url {
			r.outcome = report.Warn
			r.message = r.message.Then(report.Say("status.list-other-id", "The {list} calls itself {id} but was fetched from {url}.", "list", listName, "id", id, "url", e.url))
		}
		if signedBy != issuerID {
			r.message = r.message.Then(report.Say("status.list-other-issuer", "The {list} is published by \u201c{publisher}\u201d, not by the credential's issuer; its own signature was checked.", "list", listName, "publisher", signedBy))
		}
	}
	return r
}

// interpret turns the value at the entry into a sentence (Bitstring Status
// List §2.1 statusPurpose: revocation is permanent, suspension reversible,
// refresh announces an updated credential, message carries the issuer's
// statusMessage text; any other purpose is the issuer's own).
func interpret(e *bitEntry, v uint64) result {
	set := v != 0
	switch e.purpose {
	case "revocation":
		if set {
			return said(report.Fail, report.Say("status.revoked", "The issuer has revoked this credential."))
		}
		return said(report.Pass, report.Say("status.not-revoked", "The issuer has not revoked this credential."))
	case "suspension":
		if set {
			return said(report.Fail, report.Say("status.suspended", "The issuer has suspended this credential; a suspension can be lifted later."))
		}
		return said(report.Pass, report.Say("status.not-suspended", "The issuer has not suspended this credential."))
	case "refresh":
		if set {
			return said(report.Warn, report.Say("status.refreshed", "The issuer has published an updated version of this credential."))
		}
		return said(report.Pass, report.Say("status.not-refreshed", "The issuer has not announced an updated version of this credential."))
	case "message":
		// §2.1 statusMessage: without the array, 1 and 0 mean "set" and "unset".
		text, ok := e.messages[v]
		if !ok {
			text = "unset"
			if set {
				text = "set"
			}
		}
		o := report.Pass
		if set {
			o = report.Warn
		}
		return said(o, report.Say("status.message", "The issuer's status message for this credential is \u201c{message}\u201d ({value}).", "message", text, "value", fmt.Sprintf("%#x", v)))
	}
	if set {
		return said(report.Warn, report.Say("status.marked", "The issuer's status list marks this credential for \u201c{purpose}\u201d.", "purpose", e.purpose))
	}
	return said(report.Pass, report.Say("status.not-marked", "The issuer's status list does not mark this credential for \u201c{purpose}\u201d.", "purpose", e.purpose))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

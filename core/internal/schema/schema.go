// Package schema is the `schema` check: does a credential have the shape
// Open Badges 3.0 and CLR 2.0 require?
//
// Two sources of rules meet here.
//
// Built-in rules (rules.go) are ClearBadge's own reading of the OB 3.0 §B
// data model and the CLR 2.0 classes: required properties, value kinds,
// the `type` each object must carry, the closed vocabularies, DateTimeZ,
// and the "id or identifier" rule for subjects. They always run, online or
// not, because the 1EdTech schemas are not in any package and OB 3.0 §9.1
// step 1 makes conformance part of verification. They are written as one
// table of classes walked by one function, so that a missing or mistyped
// object yields exactly one message (its properties are not then judged)
// while independent problems are all reported, up to a cap. Every message
// is a sentence for a reader with the JSON path in brackets. The test
// agree_test.go checks the table against 1EdTech's published JSON Schemas
// over the shared test vectors and over every single-property deletion of
// the valid ones; the deliberate differences are listed in rules.go.
//
// Named schemas (named.go): when `credentialSchema` names a JSON Schema of
// a type ClearBadge implements (1EdTechJsonSchemaValidator2019 as OB 3.0
// requires, W3C VC JSON Schema's JsonSchema, and the VC 1.1 examples'
// JsonSchemaValidator2018), the schema is fetched through the caller's
// Fetcher (never by the JSON Schema library itself, and $ref'd documents
// the same way), compiled with santhosh-tekuri/jsonschema and applied. A
// VC 1.1 credential naming one of 1EdTech's VC 2.0 class schemas is checked
// against the VC 1.1-tolerant "any…" variant OB 3.0 §1.2 lists instead.
// Compiled schemas are kept for the life of the process, keyed by URL and
// reused only when the documents fetched again are unchanged.
//
// Outcomes: fail when a built-in rule is broken or a named schema rejects
// the credential; pass when the built-in rules hold and every named schema
// was checked and passed, or could not be checked for a reason that is not
// the credential's doing (offline; a schema type ClearBadge does not
// implement; more than eight schemas named), with the message saying which schema was not checked; warn
// when online a named schema could not be fetched or used. A named schema
// is never said to have been checked when it was not.
package schema

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/clearbadge/clearbadge/core/fetch"
	"github.com/clearbadge/clearbadge/core/report"
)

// maxListed caps the problems written into one check's Message and the
// schema errors written into its Detail.
const maxListed = 10

// Check validates a decoded credential (a JSON-LD object; for a JWT
// credential, the credential object) and returns the report check with id
// "schema". f fetches the schemas the credential names; nil means offline.
func Check(ctx context.Context, doc map[string]any, f fetch.Fetcher) report.Check {
	problems, dropped := builtin(doc)
	return verdict(doc, problems, dropped, checkNamed(ctx, doc, f))
}

// verdict turns the results into one check.
func verdict(doc map[string]any, problems []problem, dropped int, named []namedResult) report.Check {
	noun := kindNoun(doc)
	spec := "Open Badges 3.0"
	if noun == "learner record" {
		spec = "CLR 2.0"
	}
	outcome := report.Pass
	var msg report.Text
	var detail []string
	if len(problems) > 0 {
		outcome = report.Fail
		for i, p := range problems {
			if i == maxListed {
				break
			}
			msg = msg.Then(p.Text)
		}
		if more := len(problems) - maxListed + dropped; more > 0 {
			msg = msg.Then(report.Say("schema.more", "\u2026and {n} more problems like these.", "n", strconv.Itoa(more)))
		}
		ref := "OB 3.0 §B data model"
		if spec == "CLR 2.0" {
			ref = "CLR 2.0 classes and the OB 3.0 §B data model"
		}
		detail = append(detail, fmt.Sprintf("%d problem(s) found by ClearBadge's built-in rules (%s).", len(problems)+dropped, ref))
	}

	var passed, failed, offline, unreadable, unsupported []namedResult
	for _, r := range named {
		switch r.Status {
		case namedPassed:
			passed = append(passed, r)
		case namedFailed:
			failed = append(failed, r)
		case namedOffline:
			offline = append(offline, r)
		case namedUnreadable:
			unreadable = append(unreadable, r)
		case namedUnsupported:
			unsupported = append(unsupported, r)
		}
		detail = append(detail, namedDetail(r))
	}
	for _, r := range failed {
		outcome = report.Fail
		t := report.Say("schema.named-mismatch", "The {what} does not match the schema its issuer named ({url}).", "what", noun, "url", r.URL)
		if len(r.Errors) > 0 {
			t = report.Say("schema.named-mismatch-error", "The {what} does not match the schema its issuer named ({url}): {error}.", "what", noun, "url", r.URL, "error", r.Errors[0])
		}
		msg = msg.Then(t)
	}
	if outcome == report.Pass {
		t := report.Say("schema.ok", "The {what} has every field {spec} requires, in the right form (checked with ClearBadge's built-in rules).", "what", noun, "spec", spec)
		if len(named) > 0 && len(passed) == len(named) {
			t = report.Say("schema.ok-named", "The {what} has every field {spec} requires, in the right form, and matches the schema its issuer named.", "what", noun, "spec", spec)
		}
		msg = msg.Then(t)
	}
	if len(passed) > 0 && len(passed) < len(named) {
		msg = msg.Then(report.Say("schema.named-matches", "It matches {urls}.", "urls", urls(passed)))
	}
	if len(offline) > 0 {
		msg = msg.Then(report.Say("schema.named-offline", "The schema its issuer named ({urls}) was not checked, because ClearBadge is offline.", "urls", urls(offline)))
	}
	if len(unreadable) > 0 {
		if outcome == report.Pass {
			outcome = report.Warn
		}
		msg = msg.Then(report.Say("schema.named-unreadable", "The schema its issuer named ({urls}) could not be used, so it was not checked: {reason}.", "urls", urls(unreadable), "reason", unreadable[0].Reason))
	}
	if len(unsupported) > 0 {
		t := report.Say("schema.named-unsupported", "The schema its issuer named ({urls}) was not checked: ClearBadge does not implement schemas of type {type}.", "urls", urls(unsupported), "type", quote(unsupported[0].Type))
		if unsupported[0].Over {
			t = report.Say("schema.named-too-many", "The schema its issuer named ({urls}) was not checked: ClearBadge checks at most {max} schemas per credential.", "urls", urls(unsupported), "max", strconv.Itoa(maxNamed))
		}
		msg = msg.Then(t)
	}
	return msg.Check(report.CheckSchema, outcome, strings.Join(detail, "\n"))
}

// namedDetail is one line of Detail per named schema.
func namedDetail(r namedResult) string {
	head := "schema " + r.URL + " (" + r.Type + ")"
	if r.Used != "" && r.Used != r.URL {
		head += ", checked as " + r.Used + " because the credential uses VC Data Model 1.1"
	}
	switch r.Status {
	case namedPassed:
		return head + ": valid"
	case namedFailed:
		s := head + ": not valid: " + strings.Join(r.Errors, "; ")
		if r.More > 0 {
			s += fmt.Sprintf("; and %d more", r.More)
		}
		return s
	}
	return head + ": not checked: " + r.Reason
}

func urls(rs []namedResult) string {
	u := make([]string, len(rs))
	for i, r := range rs {
		u[i] = r.URL
	}
	return strings.Join(u, ", ")
}

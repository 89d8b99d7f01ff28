// Package report defines the one structured result every ClearBadge surface
// returns: the CLI's --json output, the wasm bridge, the web page and the
// wallet all show the same Report.
//
// The JSON shape is a contract (see docs/report.md): field names and
// check ids are stable.
//
// # The verdict
//
// Every Report ends in one of four verdicts (Finish derives it from the
// checks, so no surface has to):
//
//   - verified: a proof verified, the signing key is tied to the named
//     issuer by the issuer's own published material, the dates hold, the
//     revocation status was checked (or there is none), and for a
//     presentation the holder's proof verified and answered the request;
//   - not-verified: a check failed;
//   - incomplete: nothing failed, but something that "verified" requires
//     could not be checked (offline, a host that did not answer, an issuer
//     whose key nothing can confirm). Missing lists what, and what would
//     complete it;
//   - error: the input is not a credential, so nothing was checked.
//
// A check that could not run is a "skip", never a silent pass, and a warning
// never changes the verdict. Only the required checks (see Required) turn a
// skip into "incomplete": a remote schema or an endorsement that could not be
// read leaves a credential verified.
package report

// Outcome is the result of one check.
type Outcome string

// The four outcomes a check can have.
const (
	Pass Outcome = "pass" // the check ran and the credential passed it
	Fail Outcome = "fail" // the check ran and the credential failed it
	Warn Outcome = "warn" // passed, but with something a reader should know
	Skip Outcome = "skip" // the check could not run (offline, missing document, ...)
)

// CheckID names a check. The ids are stable: tests, the web page
// (data-check) and the wallet rely on them.
type CheckID string

// The checks a Report may hold.
const (
	CheckFormat       CheckID = "format"       // the input was recognised and is well formed
	CheckProof        CheckID = "proof"        // a signature over the credential verified
	CheckIssuer       CheckID = "issuer"       // the signing key belongs to the issuer
	CheckValidity     CheckID = "validity"     // the credential is within its validity dates
	CheckStatus       CheckID = "status"       // not revoked or suspended
	CheckSchema       CheckID = "schema"       // the credential has the shape OB 3.0 / CLR 2.0 require
	CheckPresentation CheckID = "presentation" // holder proof, challenge and domain of a presentation
	CheckRecipient    CheckID = "recipient"    // the credential was issued to the person named by the verifier
	CheckEndorsements CheckID = "endorsements" // embedded endorsements verified
	CheckRefresh      CheckID = "refresh"      // a refresh service was offered or used
	CheckCredentials  CheckID = "credentials"  // nested credentials (CLR, presentation) verified
	CheckIdentity     CheckID = "identity"     // a registry the verifier trusts vouches for the issuer's name
)

// Required lists the checks a verdict of "verified" depends on, where
// present: a skip on any of them makes the report "incomplete". The others
// (format, schema, endorsements, refresh, identity) inform the reader
// without deciding the verdict, unless they fail.
var Required = []CheckID{CheckProof, CheckIssuer, CheckValidity, CheckStatus, CheckPresentation, CheckRecipient, CheckCredentials}

// Verdict is the one-word answer a report gives.
type Verdict string

// The four verdicts (see the package documentation).
const (
	Verified    Verdict = "verified"
	Incomplete  Verdict = "incomplete"
	NotVerified Verdict = "not-verified"
	Error       Verdict = "error"
)

// Remedy says what would let a skipped check run.
type Remedy string

// Remedies for a skipped check.
const (
	// RemedyOnline: turning on online checks would fetch URL.
	RemedyOnline Remedy = "online"
	// RemedyDocument: online checks ran but URL did not answer; supplying
	// the document (CLI --with URL=FILE, the page's "add a file") or trying
	// again later would complete the check.
	RemedyDocument Remedy = "document"
	// RemedyNone: nothing the verifier can do; the credential itself lacks
	// what the check needs (an issuer named only by an opaque id, say).
	RemedyNone Remedy = "none"
)

// The Report kinds of VC Data Model documents: the most specific of these
// types the document declares (VerifiableCredential for a credential of no
// kind ClearBadge knows); "unknown" when it declares none.
const (
	KindOpenBadge    = "OpenBadgeCredential"
	KindAchievement  = "AchievementCredential"
	KindEndorsement  = "EndorsementCredential"
	KindCLR          = "ClrCredential"
	KindPresentation = "VerifiablePresentation"
	KindCredential   = "VerifiableCredential"
)

// The Report kinds of Open Badges 2.0 documents: their OB 2.0 class (OB 2.0
// "Open Badges Vocabulary").
const (
	KindOB2Assertion   = "Assertion"
	KindOB2BadgeClass  = "BadgeClass"
	KindOB2Issuer      = "Issuer"
	KindOB2Profile     = "Profile"
	KindOB2Endorsement = "Endorsement"
)

// IsOB2Kind reports whether kind is the Report kind of an OB 2.0 document.
func IsOB2Kind(kind string) bool {
	switch kind {
	case KindOB2Assertion, KindOB2BadgeClass, KindOB2Issuer, KindOB2Profile, KindOB2Endorsement:
		return true
	}
	return false
}

// Check is one step of verification, written for a reader, not a cryptographer.
type Check struct {
	ID      CheckID `json:"id"`
	Outcome Outcome `json:"outcome"`
	// Message is the plain-words sentence shown to the user, in English.
	Message string `json:"message"`
	// Code names the message for a surface that says it in another
	// language ("validity.expired"), with Params its variable parts (dates in
	// RFC 3339); More are the sentences that follow it, each with its own
	// code. Every check has a code (see Say and docs/report.md).
	Code   string            `json:"code"`
	Params map[string]string `json:"params,omitempty"`
	More   []Part            `json:"more,omitempty"`
	// Detail is the technical reason (error text, key id, algorithm), folded
	// away in the user interfaces.
	Detail string `json:"detail,omitempty"`
	// Remedy and URL say, for a skip, what would let the check run and the
	// document it needs.
	Remedy Remedy `json:"remedy,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Missing is one thing an "incomplete" report waits for: a required check
// that could not run, and what would complete it.
type Missing struct {
	Check   CheckID           `json:"check"`
	Message string            `json:"message"`
	Code    string            `json:"code"`
	Params  map[string]string `json:"params,omitempty"`
	More    []Part            `json:"more,omitempty"`
	Remedy  Remedy            `json:"remedy"`
	URL     string            `json:"url,omitempty"`
}

// Party names an issuer or holder. Name and URL are what the credential
// claims; Domain and Registry are what ClearBadge established.
type Party struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
	// Domain is the host whose published material (a did:web document, an
	// https controller document or JWK Set) tied the signing key to the
	// issuer.
	Domain string `json:"domain,omitempty"`
	// Registry is set when a registry the verifier uses lists the issuer.
	Registry *Listing `json:"registry,omitempty"`
}

// Listing is what a registry says of an issuer.
type Listing struct {
	// Registry is the registry's own name ("DCC Member Registry").
	Registry string `json:"registry"`
	// Name is the name the registry gives the issuer.
	Name     string `json:"name"`
	URL      string `json:"url,omitempty"`
	Location string `json:"location,omitempty"`
}

// Achievement is what the credential says was achieved.
type Achievement struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	Criteria    string `json:"criteria,omitempty"`
	Image       string `json:"image,omitempty"`
	Type        string `json:"type,omitempty"`
}

// Association is a CLR 2.0 relation between two achievements, shown as is.
type Association struct {
	Type     string `json:"associationType"`
	SourceID string `json:"sourceId"`
	TargetID string `json:"targetId"`
}

// Summary is what a credential card shows.
type Summary struct {
	ID           string        `json:"id,omitempty"`
	Name         string        `json:"name,omitempty"`
	Description  string        `json:"description,omitempty"`
	Image        string        `json:"image,omitempty"`
	Issuer       Party         `json:"issuer"`
	Subject      string        `json:"subject,omitempty"`
	SubjectName  string        `json:"subjectName,omitempty"`
	Achievement  *Achievement  `json:"achievement,omitempty"`
	ValidFrom    string        `json:"validFrom,omitempty"`
	ValidUntil   string        `json:"validUntil,omitempty"`
	Holder       string        `json:"holder,omitempty"`
	Associations []Association `json:"associations,omitempty"`
	// Refresh is the URL of a 1EdTechCredentialRefresh service, if offered.
	Refresh string `json:"refresh,omitempty"`
}

// Report is the verdict on one input: a credential, a presentation or a CLR.
type Report struct {
	// Verdict is the answer; Verified is true exactly when it is Verified.
	Verdict  Verdict `json:"verdict"`
	Verified bool    `json:"verified"`
	// Missing lists, for an incomplete report, what could not be checked.
	Missing []Missing `json:"missing,omitempty"`
	Kind    string    `json:"kind"`
	// Format is how the input was encoded: "json-ld", "vc-jwt" (OB 3.0 §8.2,
	// typ JWT), "vc-jose" (VC-JOSE-COSE, typ vc+jwt), "png" or "svg" (baked).
	Format      string    `json:"format,omitempty"`
	Summary     Summary   `json:"summary"`
	Checks      []Check   `json:"checks"`
	Credentials []*Report `json:"credentials,omitempty"`
	// Source names the input (a file name, "endorsement 1", ...).
	Source string `json:"source,omitempty"`
}

// Add appends a check whose message is t (see Say).
func (r *Report) Add(id CheckID, o Outcome, t Text, detail string) {
	r.Checks = append(r.Checks, t.Check(id, o, detail))
}

// Check returns the first check with the given id, or nil.
func (r *Report) Check(id CheckID) *Check {
	for i := range r.Checks {
		if r.Checks[i].ID == id {
			return &r.Checks[i]
		}
	}
	return nil
}

// Failed reports whether any check failed.
func (r *Report) Failed() bool {
	for _, c := range r.Checks {
		if c.Outcome == Fail {
			return true
		}
	}
	return false
}

// Finish sets Verdict, Verified and Missing from the checks. Call it once
// all checks are in.
func (r *Report) Finish() {
	r.Verdict, r.Missing = r.judge()
	r.Verified = r.Verdict == Verified
}

func (r *Report) judge() (Verdict, []Missing) {
	if f := r.Check(CheckFormat); f == nil || f.Outcome == Fail {
		return Error, nil
	}
	if r.Failed() {
		return NotVerified, nil
	}
	// The signature the verdict rests on: the holder's for a presentation,
	// the issuer's otherwise. Without it nothing vouches for the content.
	anchor := CheckProof
	if r.Kind == KindPresentation {
		anchor = CheckPresentation
	}
	if r.Check(anchor) == nil {
		return NotVerified, nil
	}
	var missing []Missing
	for _, c := range r.Checks {
		if c.Outcome == Skip && required(c.ID) {
			remedy := c.Remedy
			if remedy == "" {
				remedy = RemedyNone
			}
			missing = append(missing, Missing{Check: c.ID, Message: c.Message, Code: c.Code, Params: c.Params, More: c.More, Remedy: remedy, URL: c.URL})
		}
	}
	if len(missing) > 0 {
		return Incomplete, missing
	}
	return Verified, nil
}

func required(id CheckID) bool {
	for _, r := range Required {
		if r == id {
			return true
		}
	}
	return false
}

// Package report defines the one structured result every ClearBadge surface
// returns: the CLI's --json output, the wasm bridge, the web page and the
// wallet all show the same Report.
//
// The JSON shape is a contract (see README "The Report"): field names and
// check ids are stable. A Report is "verified" only when a proof was checked
// and passed and no check failed; a check that could not run is a "skip",
// never a silent pass.
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

// Stable check ids. Tests, the web page (data-check) and the wallet rely on them.
const (
	CheckFormat       = "format"       // the input was recognised and is well formed
	CheckProof        = "proof"        // a signature over the credential verified
	CheckIssuer       = "issuer"       // the signing key belongs to the issuer
	CheckValidity     = "validity"     // the credential is within its validity dates
	CheckStatus       = "status"       // not revoked or suspended
	CheckSchema       = "schema"       // the credential has the shape OB 3.0 / CLR 2.0 require
	CheckPresentation = "presentation" // holder proof, challenge and domain of a presentation
	CheckRecipient    = "recipient"    // the credential was issued to the person named by the verifier
	CheckEndorsements = "endorsements" // embedded endorsements verified
	CheckRefresh      = "refresh"      // a refresh service was offered or used
	CheckCredentials  = "credentials"  // nested credentials (CLR, presentation) verified
)

// Check is one step of verification, written for a reader, not a cryptographer.
type Check struct {
	ID      string  `json:"id"`
	Outcome Outcome `json:"outcome"`
	// Message is the plain-words sentence shown to the user.
	Message string `json:"message"`
	// Detail is the technical reason (error text, key id, algorithm), folded
	// away in the user interfaces.
	Detail string `json:"detail,omitempty"`
}

// Party names an issuer or holder.
type Party struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
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
	Verified bool   `json:"verified"`
	Kind     string `json:"kind"`
	// Format is how the input was encoded: "json-ld", "vc-jwt" (OB 3.0 §8.2,
	// typ JWT), "vc-jose" (VC-JOSE-COSE, typ vc+jwt), "png" or "svg" (baked).
	Format      string    `json:"format,omitempty"`
	Summary     Summary   `json:"summary"`
	Checks      []Check   `json:"checks"`
	Credentials []*Report `json:"credentials,omitempty"`
	// Source names the input (a file name, "endorsement 1", ...).
	Source string `json:"source,omitempty"`
}

// Add appends a check and returns it for chaining-free use.
func (r *Report) Add(id string, o Outcome, message, detail string) {
	r.Checks = append(r.Checks, Check{ID: id, Outcome: o, Message: message, Detail: detail})
}

// Check returns the first check with the given id, or nil.
func (r *Report) Check(id string) *Check {
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

// Finish sets Verified from the checks: a proof check must have passed
// (or warned) and no check may have failed. Call it once all checks are in.
func (r *Report) Finish() {
	p := r.Check(CheckProof)
	if r.Kind == "VerifiablePresentation" {
		p = r.Check(CheckPresentation)
	}
	r.Verified = p != nil && (p.Outcome == Pass || p.Outcome == Warn) && !r.Failed()
}

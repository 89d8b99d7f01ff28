package schema

// The built-in rules: the OB 3.0 / CLR 2.0 data model written down as a
// table of classes (OB 3.0 §B "Data Model", §B.9 "Verifiable Credentials
// Data Model v1.1 classes"; CLR 2.0 ClrCredential, ClrSubject, Association
// as published in clr_v2p0_clrcredential_schema.json). Each class lists its
// properties with their multiplicity and value kind; one generic walker
// applies the table to a document.
//
// The rules accept exactly the shapes the published "JSON-LD adaptation"
// schemas accept (a single value where a list is allowed, a language map
// where text is allowed), with these deliberate differences, each tested in
// agree_test.go:
//   - a `type` given as a bare string must still name the class: the
//     published schemas accept any string there, which lets
//     "type": "InvalidEvidence" through; OB 3.0 §B says the value MUST
//     include the class name, and 1EdTech's own validator fails it.
//   - the subject must have an `id` or at least one `identifier` (OB 3.0
//     §B.1.4 AchievementSubject.id, CLR 2.0 ClrSubject.id): in the
//     specification but not in any schema.
//   - DateTimeZ properties (validFrom, validUntil, issuanceDate,
//     expirationDate, awardedDate) must be dates with a time zone; plain
//     DateTime properties (activityStartDate, proof created, ...) may omit
//     the zone, as OB 3.0 §B.4 "DateTime" allows. The schemas only annotate
//     `format`, so JSON Schema 2019-09 does not enforce either.
//   - `@context` is left to the format check, which judges its order (and
//     accepts the context aliases 1EdTech's validator accepts).
//   - identifiers (`id`, sourceId, targetId) must be plain strings, not the
//     language maps the adapted schemas also let through.
//   - a CLR may list its nested credentials as compact JWS strings, which
//     1EdTech's validator accepts; each nested credential gets its own
//     report and schema check from the caller.
//   - VC 1.1 credentials ("v1p1" classes) need issuanceDate and a name
//     instead of validFrom, as §B.9 says; there is no published schema for
//     them to agree with.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/clearbadge/clearbadge/core/internal/credential"
	"github.com/clearbadge/clearbadge/core/internal/jsonval"
	"github.com/clearbadge/clearbadge/core/report"
)

// Limits on the walk: a credential with embedded endorsements whose issuers
// carry endorsements is legitimate, but not 32 levels of it.
const (
	maxDepth    = 32
	maxProblems = 100
)

// kind is what a property's value must be.
type kind uint8

const (
	kText       kind = iota // a string or a language map (OB 3.0 §Serialization, "JSON-LD value compaction")
	kIRI                    // a string
	kBool                   // true or false
	kNumber                 // a JSON number
	kDateTimeZ              // an xsd:dateTime with a time zone (OB 3.0 §B.4 DateTimeZ)
	kDateTime               // an xsd:dateTime, zone optional (OB 3.0 §B.4 DateTime)
	kDate                   // YYYY-MM-DD (OB 3.0 §B.4 Date)
	kEnum                   // a string from enum, or an "ext:" extension when ext is set
	kJWS                    // a compact JWS (OB 3.0 §B.4 CompactJws)
	kObject                 // an object of class cls
	kProfileRef             // a URI or a Profile object (OB 3.0 issuer: ProfileRef)
	kCredential             // an object of class cls, or a compact JWS (CLR nested credentials)
)

// prop is one property of a class.
type prop struct {
	name  string
	label string // how a reader calls it: "description", "valid-from date"
	noun  string // for object values: how a reader calls the object ("the issuer")
	kind  kind
	req   bool
	many  bool // [0..*] or [1..*]: one value or a list
	min1  bool // [1..*]: a list must not be empty
	cls   string
	enum  []string
	ext   bool
	// only: 1 for a property of VC 1.1 credentials only, 2 for VC 2.0 only
	// (the date names differ, OB 3.0 §B.9); 0 for both.
	only int
	// reqV1: required in VC 1.1 credentials only (name, §B.9.2).
	reqV1 bool
}

// class is one class of the data model.
type class struct {
	// types: `type` must include one of these. Empty: `type` must be
	// present (when typeReq) but may be anything, as for Proof.
	types []string
	// vc: `type` must also include VerifiableCredential.
	vc bool
	// looseV1: in VC 1.1 credentials `type` is required but unconstrained
	// (OB 3.0 §B.9.7 Achievementv1p1).
	looseV1 bool
	typeReq bool
	props   []prop
	// subjectID: either `id` or at least one `identifier` MUST be present.
	subjectID bool
	// credential: a credential class, whose own @context decides between
	// the VC 1.1 and VC 2.0 property sets.
	credential bool
}

// Enumerations of OB 3.0 §B.5 "Enumerated Vocabularies" and CLR 2.0.
var (
	identifierTypes = []string{"name", "sourcedId", "systemId", "productId", "userName", "accountId",
		"emailAddress", "nationalIdentityNumber", "isbn", "issn", "lisSourcedId", "oneRosterSourcedId",
		"sisSourcedId", "ltiContextId", "ltiDeploymentId", "ltiToolId", "ltiPlatformId", "ltiUserId", "identifier"}
	achievementTypes = []string{"Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment",
		"AssociateDegree", "Award", "Badge", "BachelorDegree", "Certificate", "CertificateOfCompletion",
		"Certification", "CommunityService", "Competency", "Course", "CoCurricular", "Degree", "Diploma",
		"DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment", "JourneymanCertificate",
		"LearningProgram", "License", "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential",
		"MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma"}
	alignmentTargetTypes = []string{"ceasn:Competency", "ceterms:Credential", "CFItem", "CFRubric",
		"CFRubricCriterion", "CFRubricCriterionLevel", "CTDL"}
	resultTypes = []string{"GradePointAverage", "LetterGrade", "Percent", "PerformanceLevel",
		"PredictedScore", "RawScore", "Result", "RubricCriterion", "RubricCriterionLevel", "RubricScore",
		"ScaledScore", "Status"}
	resultStatuses   = []string{"Completed", "Enrolled", "Failed", "InProgress", "OnHold", "Provisional", "Withdrew"}
	associationTypes = []string{"exactMatchOf", "isChildOf", "isParentOf", "isPartOf", "isPeerOf",
		"isRelatedTo", "precedes", "replacedBy"}
)

// credentialProps are the properties every credential class shares (VC
// 2.0 §4 and OB 3.0 §B.1.2), with the VC 1.1 date names of §B.9.
func credentialProps(extra ...prop) []prop {
	base := []prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "validFrom", label: "valid-from date", kind: kDateTimeZ, req: true, only: 2},
		{name: "validUntil", label: "valid-until date", kind: kDateTimeZ, only: 2},
		{name: "issuanceDate", label: "issue date", kind: kDateTimeZ, req: true, only: 1},
		{name: "expirationDate", label: "expiry date", kind: kDateTimeZ, only: 1},
		{name: "awardedDate", label: "award date", kind: kDateTimeZ},
		{name: "issuer", label: "issuer", noun: "the issuer", kind: kProfileRef, req: true},
		{name: "description", label: "description", kind: kText},
		{name: "image", label: "image", noun: "the image", kind: kObject, cls: "Image"},
		{name: "proof", label: "signature", noun: "a signature", kind: kObject, cls: "Proof", many: true},
		{name: "credentialSchema", label: "schema reference", noun: "a schema reference", kind: kObject, cls: "CredentialSchema", many: true},
		{name: "credentialStatus", label: "status entry", noun: "the status entry", kind: kObject, cls: "CredentialStatus"},
		{name: "refreshService", label: "refresh service", noun: "the refresh service", kind: kObject, cls: "RefreshService"},
		{name: "termsOfUse", label: "terms of use", noun: "a terms-of-use entry", kind: kObject, cls: "TermsOfUse", many: true},
		{name: "evidence", label: "evidence", noun: "an evidence item", kind: kObject, cls: "Evidence", many: true},
	}
	return append(base, extra...)
}

// endorsementProps are the ways a class carries endorsements (OB 3.0
// §B.1.2, §B.2.1 Achievement, §B.2.9 Profile).
var endorsementProps = []prop{
	{name: "endorsement", label: "endorsement", noun: "an endorsement", kind: kObject, cls: "EndorsementCredential", many: true},
	{name: "endorsementJwt", label: "endorsement token", kind: kJWS, many: true},
}

func concat(groups ...[]prop) []prop {
	var out []prop
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// classes is the data model as a table: every class a document may hold,
// by name, with its properties (see the comment at the top of this file).
var classes = map[string]*class{
	// OB 3.0 §B.1.2 AchievementCredential; §B.9.2 AchievementCredentialv1p1.
	"AchievementCredential": {credential: true, types: []string{report.KindOpenBadge, report.KindAchievement}, vc: true, typeReq: true, props: concat(credentialProps(
		prop{name: "name", label: "name", kind: kText, reqV1: true},
		prop{name: "credentialSubject", label: "recipient", noun: "the recipient", kind: kObject, cls: "AchievementSubject", req: true},
	), endorsementProps)},
	// OB 3.0 §B.1.5 EndorsementCredential; §B.9.4 EndorsementCredentialv1p1.
	"EndorsementCredential": {credential: true, types: []string{report.KindEndorsement}, vc: true, typeReq: true, props: credentialProps(
		prop{name: "name", label: "name", kind: kText, req: true},
		prop{name: "credentialSubject", label: "endorsed subject", noun: "the endorsed subject", kind: kObject, cls: "EndorsementSubject", req: true},
	)},
	// CLR 2.0 ClrCredential.
	"ClrCredential": {credential: true, types: []string{report.KindCLR}, vc: true, typeReq: true, props: concat(credentialProps(
		prop{name: "name", label: "name", kind: kText, req: true},
		prop{name: "partial", label: "partial flag", kind: kBool},
		prop{name: "credentialSubject", label: "learner", noun: "the learner", kind: kObject, cls: "ClrSubject", req: true},
	), endorsementProps)},
	// CLR 2.0 VerifiableCredential: what the wrapper itself requires of a
	// nested credential. Each nested credential is also verified on its
	// own, with its own schema check.
	"VerifiableCredential": {credential: true, types: []string{"VerifiableCredential"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI},
		{name: "validFrom", label: "valid-from date", kind: kDateTimeZ, req: true, only: 2},
		{name: "validUntil", label: "valid-until date", kind: kDateTimeZ, only: 2},
		{name: "issuanceDate", label: "issue date", kind: kDateTimeZ, req: true, only: 1},
		{name: "expirationDate", label: "expiry date", kind: kDateTimeZ, only: 1},
		{name: "issuer", label: "issuer", noun: "the issuer of a credential in the record", kind: kProfileRef, req: true},
		{name: "credentialSubject", label: "subject", noun: "the subject of a credential in the record", kind: kObject, cls: "CredentialSubject", req: true},
		{name: "proof", label: "signature", noun: "a signature", kind: kObject, cls: "Proof", many: true},
		{name: "credentialSchema", label: "schema reference", noun: "a schema reference", kind: kObject, cls: "CredentialSchema", many: true},
		{name: "credentialStatus", label: "status entry", noun: "the status entry", kind: kObject, cls: "CredentialStatus"},
		{name: "refreshService", label: "refresh service", noun: "the refresh service", kind: kObject, cls: "RefreshService"},
		{name: "termsOfUse", label: "terms of use", noun: "a terms-of-use entry", kind: kObject, cls: "TermsOfUse", many: true},
		{name: "evidence", label: "evidence", noun: "an evidence item", kind: kObject, cls: "Evidence", many: true},
	}},
	"CredentialSubject": {props: []prop{{name: "id", label: "id", kind: kIRI}}},
	// OB 3.0 §B.1.4 AchievementSubject; §B.9.6.
	"AchievementSubject": {types: []string{"AchievementSubject"}, typeReq: true, subjectID: true, props: []prop{
		{name: "id", label: "id", kind: kIRI},
		{name: "achievement", label: "achievement", noun: "the achievement", kind: kObject, cls: "Achievement", req: true},
		{name: "activityEndDate", label: "activity end date", kind: kDateTime},
		{name: "activityStartDate", label: "activity start date", kind: kDateTime},
		{name: "creditsEarned", label: "credits earned", kind: kNumber},
		{name: "identifier", label: "identifier", noun: "a recipient identifier", kind: kObject, cls: "IdentityObject", many: true},
		{name: "image", label: "image", noun: "the recipient's image", kind: kObject, cls: "Image"},
		{name: "licenseNumber", label: "license number", kind: kText},
		{name: "narrative", label: "narrative", kind: kText},
		{name: "result", label: "result", noun: "a result", kind: kObject, cls: "Result", many: true},
		{name: "role", label: "role", kind: kText},
		{name: "source", label: "assessing organisation", noun: "the assessing organisation", kind: kObject, cls: "Profile"},
		{name: "term", label: "term", kind: kText},
	}},
	// OB 3.0 §B.2.1 Achievement; §B.9.7 Achievementv1p1 (type unconstrained).
	"Achievement": {types: []string{"Achievement"}, looseV1: true, typeReq: true, props: concat([]prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "criteria", label: "criteria", noun: "the criteria", kind: kObject, cls: "Criteria", req: true},
		{name: "description", label: "description", kind: kText, req: true},
		{name: "name", label: "name", kind: kText, req: true},
		{name: "alignment", label: "alignment", noun: "an alignment", kind: kObject, cls: "Alignment", many: true},
		{name: "achievementType", label: "achievement type", kind: kEnum, enum: achievementTypes, ext: true},
		{name: "creator", label: "creator", noun: "the achievement's creator", kind: kObject, cls: "Profile"},
		{name: "creditsAvailable", label: "credits available", kind: kNumber},
		{name: "fieldOfStudy", label: "field of study", kind: kText},
		{name: "humanCode", label: "code", kind: kText},
		{name: "image", label: "image", noun: "the achievement's image", kind: kObject, cls: "Image"},
		{name: "inLanguage", label: "language", kind: kText},
		{name: "otherIdentifier", label: "other identifier", noun: "an identifier", kind: kObject, cls: "IdentifierEntry", many: true},
		{name: "related", label: "related achievement", noun: "a related achievement", kind: kObject, cls: "Related", many: true},
		{name: "resultDescription", label: "result description", noun: "a result description", kind: kObject, cls: "ResultDescription", many: true},
		{name: "specialization", label: "specialization", kind: kText},
		{name: "tag", label: "tag", kind: kText, many: true},
		{name: "version", label: "version", kind: kText},
	}, endorsementProps)},
	// OB 3.0 §B.2.3 Criteria: no required property.
	"Criteria": {props: []prop{
		{name: "id", label: "id", kind: kIRI},
		{name: "narrative", label: "narrative", kind: kText},
	}},
	// OB 3.0 §B.2.2 Alignment.
	"Alignment": {types: []string{"Alignment"}, typeReq: true, props: []prop{
		{name: "targetName", label: "target name", kind: kText, req: true},
		{name: "targetUrl", label: "target link", kind: kIRI, req: true},
		{name: "targetCode", label: "target code", kind: kText},
		{name: "targetDescription", label: "target description", kind: kText},
		{name: "targetFramework", label: "target framework", kind: kText},
		{name: "targetType", label: "target type", kind: kEnum, enum: alignmentTargetTypes, ext: true},
	}},
	// OB 3.0 §B.2.5 Related.
	"Related": {types: []string{"Related"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "inLanguage", label: "language", kind: kText},
		{name: "version", label: "version", kind: kText},
	}},
	// OB 3.0 §B.2.6 ResultDescription.
	"ResultDescription": {types: []string{"ResultDescription"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "name", label: "name", kind: kText, req: true},
		{name: "resultType", label: "result type", kind: kEnum, enum: resultTypes, ext: true, req: true},
		{name: "alignment", label: "alignment", noun: "an alignment", kind: kObject, cls: "Alignment", many: true},
		{name: "allowedValue", label: "allowed value", kind: kText, many: true},
		{name: "requiredLevel", label: "required level", kind: kIRI},
		{name: "requiredValue", label: "required value", kind: kText},
		{name: "rubricCriterionLevel", label: "rubric level", noun: "a rubric level", kind: kObject, cls: "RubricCriterionLevel", many: true},
		{name: "valueMax", label: "maximum value", kind: kText},
		{name: "valueMin", label: "minimum value", kind: kText},
	}},
	// OB 3.0 §B.2.7 RubricCriterionLevel.
	"RubricCriterionLevel": {types: []string{"RubricCriterionLevel"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "name", label: "name", kind: kText, req: true},
		{name: "alignment", label: "alignment", noun: "an alignment", kind: kObject, cls: "Alignment", many: true},
		{name: "description", label: "description", kind: kText},
		{name: "level", label: "level", kind: kText},
		{name: "points", label: "points", kind: kText},
	}},
	// OB 3.0 §B.1.6 Result.
	"Result": {types: []string{"Result"}, typeReq: true, props: []prop{
		{name: "achievedLevel", label: "achieved level", kind: kIRI},
		{name: "alignment", label: "alignment", noun: "an alignment", kind: kObject, cls: "Alignment", many: true},
		{name: "resultDescription", label: "result description", kind: kIRI},
		{name: "status", label: "status", kind: kEnum, enum: resultStatuses},
		{name: "value", label: "value", kind: kText},
	}},
	// OB 3.0 §B.1.3 IdentityObject: type MUST be "IdentityObject".
	"IdentityObject": {types: []string{"IdentityObject"}, typeReq: true, props: []prop{
		{name: "hashed", label: "hashed flag", kind: kBool, req: true},
		{name: "identityHash", label: "identity value", kind: kText, req: true},
		{name: "identityType", label: "identity type", kind: kEnum, enum: identifierTypes, ext: true, req: true},
		{name: "salt", label: "salt", kind: kText},
	}},
	// OB 3.0 §B.2.8 IdentifierEntry.
	"IdentifierEntry": {types: []string{"IdentifierEntry"}, typeReq: true, props: []prop{
		{name: "identifier", label: "identifier value", kind: kText, req: true},
		{name: "identifierType", label: "identifier type", kind: kEnum, enum: identifierTypes, ext: true, req: true},
	}},
	// OB 3.0 §B.2.9 Profile.
	"Profile": {types: []string{"Profile"}, typeReq: true, props: concat([]prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "name", label: "name", kind: kText},
		{name: "url", label: "web address", kind: kIRI},
		{name: "phone", label: "phone number", kind: kText},
		{name: "description", label: "description", kind: kText},
		{name: "image", label: "image", noun: "the profile image", kind: kObject, cls: "Image"},
		{name: "email", label: "email address", kind: kText},
		{name: "address", label: "address", noun: "the address", kind: kObject, cls: "Address"},
		{name: "otherIdentifier", label: "other identifier", noun: "an identifier", kind: kObject, cls: "IdentifierEntry", many: true},
		{name: "official", label: "official", kind: kText},
		{name: "parentOrg", label: "parent organisation", noun: "the parent organisation", kind: kObject, cls: "Profile"},
		{name: "familyName", label: "family name", kind: kText},
		{name: "givenName", label: "given name", kind: kText},
		{name: "additionalName", label: "additional name", kind: kText},
		{name: "patronymicName", label: "patronymic name", kind: kText},
		{name: "honorificPrefix", label: "honorific prefix", kind: kText},
		{name: "honorificSuffix", label: "honorific suffix", kind: kText},
		{name: "familyNamePrefix", label: "family name prefix", kind: kText},
		{name: "dateOfBirth", label: "date of birth", kind: kDate},
	}, endorsementProps)},
	// OB 3.0 §B.2.10 Address and §B.2.11 GeoCoordinates.
	"Address": {types: []string{"Address"}, typeReq: true, props: []prop{
		{name: "addressCountry", label: "country", kind: kText},
		{name: "addressCountryCode", label: "country code", kind: kText},
		{name: "addressRegion", label: "region", kind: kText},
		{name: "addressLocality", label: "locality", kind: kText},
		{name: "streetAddress", label: "street address", kind: kText},
		{name: "postOfficeBoxNumber", label: "post office box", kind: kText},
		{name: "postalCode", label: "postal code", kind: kText},
		{name: "geo", label: "location", noun: "the location", kind: kObject, cls: "GeoCoordinates"},
	}},
	"GeoCoordinates": {types: []string{"GeoCoordinates"}, typeReq: true, props: []prop{
		{name: "latitude", label: "latitude", kind: kNumber, req: true},
		{name: "longitude", label: "longitude", kind: kNumber, req: true},
	}},
	// OB 3.0 §B.2.4 Image: type MUST be "Image".
	"Image": {types: []string{"Image"}, typeReq: true, props: []prop{
		{name: "id", label: "address", kind: kIRI, req: true},
		{name: "caption", label: "caption", kind: kText},
	}},
	// OB 3.0 §B.1.7 Evidence.
	"Evidence": {types: []string{"Evidence"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI},
		{name: "narrative", label: "narrative", kind: kText},
		{name: "name", label: "name", kind: kText},
		{name: "description", label: "description", kind: kText},
		{name: "genre", label: "genre", kind: kText},
		{name: "audience", label: "audience", kind: kText},
	}},
	// OB 3.0 §B.1.8 EndorsementSubject.
	"EndorsementSubject": {types: []string{"EndorsementSubject"}, typeReq: true, props: []prop{
		{name: "id", label: "id", kind: kIRI, req: true},
		{name: "endorsementComment", label: "comment", kind: kText},
	}},
	// CLR 2.0 ClrSubject: verifiableCredential [1..*].
	"ClrSubject": {types: []string{"ClrSubject"}, typeReq: true, subjectID: true, props: []prop{
		{name: "id", label: "id", kind: kIRI},
		{name: "identifier", label: "identifier", noun: "a learner identifier", kind: kObject, cls: "IdentityObject", many: true},
		{name: "achievement", label: "achievement", noun: "an achievement", kind: kObject, cls: "Achievement", many: true},
		{name: "verifiableCredential", label: "credentials", noun: "a credential in the record", kind: kCredential, cls: "VerifiableCredential", req: true, many: true, min1: true},
		{name: "association", label: "association", noun: "an association", kind: kObject, cls: "Association", many: true},
	}},
	// CLR 2.0 Association.
	"Association": {types: []string{"Association"}, typeReq: true, props: []prop{
		{name: "associationType", label: "association type", kind: kEnum, enum: associationTypes, req: true},
		{name: "sourceId", label: "source achievement", kind: kIRI, req: true},
		{name: "targetId", label: "target achievement", kind: kIRI, req: true},
	}},
	// Shared VC classes (OB 3.0 §B.3): only `type` (and an `id` where
	// the class needs one to be usable) is required.
	"Proof": {typeReq: true, props: []prop{
		{name: "created", label: "creation date", kind: kDateTime},
		{name: "cryptosuite", label: "cryptosuite", kind: kText},
		{name: "proofPurpose", label: "purpose", kind: kText},
		{name: "proofValue", label: "value", kind: kText},
		{name: "verificationMethod", label: "key reference", kind: kIRI},
	}},
	"CredentialSchema": {typeReq: true, props: []prop{{name: "id", label: "address", kind: kIRI, req: true}}},
	"CredentialStatus": {typeReq: true, props: []prop{{name: "id", label: "address", kind: kIRI}}},
	"RefreshService":   {typeReq: true, props: []prop{{name: "id", label: "address", kind: kIRI, req: true}}},
	"TermsOfUse":       {typeReq: true, props: []prop{{name: "id", label: "address", kind: kIRI}}},
}

// rootClass picks the class a credential claims to be, most specific first.
// It returns "" when its type names none of them.
func rootClass(doc map[string]any) string {
	switch {
	case credential.HasType(doc, report.KindCLR):
		return "ClrCredential"
	case credential.HasType(doc, report.KindEndorsement):
		return "EndorsementCredential"
	case credential.HasType(doc, report.KindOpenBadge), credential.HasType(doc, report.KindAchievement):
		return "AchievementCredential"
	}
	return ""
}

// problem is one broken rule, as a sentence for a reader, with the JSON
// path of the value it is about. Each sentence names the value (what, in
// English words) and its path, which the other languages use instead.
type problem struct {
	Path string
	Text report.Text
}

// walker applies the class table to a document.
type walker struct {
	problems []problem
	dropped  int // problems beyond maxProblems, counted but not kept
}

func (w *walker) add(path string, t report.Text) {
	if len(w.problems) >= maxProblems {
		w.dropped++
		return
	}
	w.problems = append(w.problems, problem{Path: path, Text: t})
}

// builtin checks doc against the class its type names and returns every
// independent problem, outermost first.
func builtin(doc map[string]any) (problems []problem, dropped int) {
	w := &walker{}
	noun := "the " + kindNoun(doc)
	cls := rootClass(doc)
	if cls == "" {
		// Nothing says which rules apply: one message about type.
		switch t, ok := doc["type"]; {
		case !ok:
			w.add("type", typeMissing(noun, "type"))
		case !isText(t, false):
			w.add("type", typeNotText(noun, "type", t))
		default:
			w.add("type", report.Say("schema.type-unknown", "{what}'s type {types} names neither an Open Badge (OpenBadgeCredential or AchievementCredential), an endorsement (EndorsementCredential) nor a learner record (ClrCredential) ({path}).",
				"what", capitalize(noun), "types", quoteList(t), "path", "type"))
		}
		return w.problems, w.dropped
	}
	w.object(doc, classes[cls], "", noun, credential.Version(doc), 0)
	return w.problems, w.dropped
}

// kindNoun is how a reader calls the document.
func kindNoun(doc map[string]any) string {
	switch rootClass(doc) {
	case "ClrCredential":
		return "learner record"
	case "EndorsementCredential":
		return "endorsement"
	}
	return "credential"
}

// object checks one object against its class; ver is the VC Data Model
// version of the credential it belongs to (0: unknown).
func (w *walker) object(node map[string]any, c *class, path, noun string, ver, depth int) {
	if depth > maxDepth {
		w.add(path, report.Say("schema.too-deep", "{what} is nested too deeply to check ({path}).", "what", capitalize(noun), "path", display(path)))
		return
	}
	if c.credential {
		ver = credential.Version(node)
	}
	if c.typeReq && !w.typeOK(node, c, path, noun, ver) {
		// A wrong type says the object is something else: its properties
		// are not judged, so that one mistake gives one message.
		return
	}
	for i := range c.props {
		p := &c.props[i]
		if (p.only == 1 && ver == 2) || (p.only == 2 && ver == 1) {
			continue
		}
		v, present := node[p.name]
		if present {
			w.value(v, p, join(path, p.name), noun, ver, depth)
			continue
		}
		if w.required(node, p, ver) {
			w.add(join(path, p.name), report.Say("schema.missing", "{what} is missing its {label} ({path}).",
				"what", capitalize(noun), "label", p.label, "path", display(join(path, p.name)), "property", p.name))
		}
	}
	if c.subjectID {
		// OB 3.0 §B.1.4 AchievementSubject.id and CLR 2.0 ClrSubject.id:
		// "Either id or at least one identifier MUST be supplied."
		_, hasID := node["id"]
		if hasIdent := len(jsonval.List(node["identifier"])) > 0; !hasID && !hasIdent {
			w.add(join(path, "id"), report.Say("schema.no-id", "{what} is named neither by an id nor by an identifier, so nothing says who it is ({path}).",
				"what", capitalize(noun), "path", display(join(path, "id"))))
		}
	}
}

// typeOK checks `type` and reports what is wrong with it.
func (w *walker) typeOK(node map[string]any, c *class, path, noun string, ver int) bool {
	t, ok := node["type"]
	at := join(path, "type")
	switch {
	case !ok:
		w.add(at, typeMissing(noun, at))
	case !isText(t, false):
		w.add(at, typeNotText(noun, at, t))
	case len(c.types) > 0 && !(c.looseV1 && ver == 1) && !hasAny(t, c.types):
		w.add(at, typeWithout(noun, at, t, c.types[0]))
	case c.vc && !hasAny(t, []string{report.KindCredential}):
		w.add(at, typeWithout(noun, at, t, report.KindCredential))
	default:
		return true
	}
	return false
}

func typeMissing(noun, path string) report.Text {
	return report.Say("schema.type-missing", "{what} is missing its type ({path}).", "what", capitalize(noun), "path", display(path))
}

func typeNotText(noun, path string, t any) report.Text {
	return report.Say("schema.type-not-text", "{what}'s type should be text, but it is {actual} ({path}).", "what", capitalize(noun), "actual", describe(t), "path", display(path))
}

func typeWithout(noun, path string, t any, want string) report.Text {
	return report.Say("schema.type-wrong", "{what} has the type {types}, but it must include {type} ({path}).",
		"what", capitalize(noun), "types", quoteList(t), "type", strconv.Quote(want), "path", display(path))
}

// required says whether the absence of p is a problem. In a credential of
// unknown VC version either date name is accepted, and the VC 1.1-only
// requirements are not applied.
func (w *walker) required(node map[string]any, p *prop, ver int) bool {
	switch {
	case p.reqV1:
		return ver == 1
	case !p.req:
		return false
	case ver == 0 && p.only == 1:
		return false // reported under the VC 2.0 name, once
	case ver == 0 && p.only == 2:
		_, v1 := node[map[string]string{"validFrom": "issuanceDate"}[p.name]]
		return !v1
	}
	return true
}

// value checks the value of one property.
func (w *walker) value(v any, p *prop, path, noun string, ver, depth int) {
	if p.many {
		list, isList := v.([]any)
		if !isList {
			w.one(v, p, path, noun, ver, depth, false)
			return
		}
		if len(list) == 0 && p.min1 {
			w.add(path, report.Say("schema.empty-list", "{what} lists no {label} ({path}).", "what", capitalize(noun), "label", p.label, "path", display(path)))
			return
		}
		for i, e := range list {
			w.one(e, p, path+"["+strconv.Itoa(i)+"]", noun, ver, depth, true)
		}
		return
	}
	w.one(v, p, path, noun, ver, depth, false)
}

// one checks a single value (a list item when item is set).
func (w *walker) one(v any, p *prop, path, noun string, ver, depth int, item bool) {
	// The words naming the value ({what}) and the parameters of a problem
	// with it, what it is ({actual}) or for a malformed text the text
	// ({value}), are made only for a problem: built for every value they
	// were a sixth of a verification's allocations.
	what := func() string {
		s := possessive(noun) + " " + p.label
		if item {
			s = "an item of " + s
		}
		return capitalize(s)
	}
	actual := func() []string { return []string{"what", what(), "path", display(path), "actual", describe(v)} }
	value := func(s string) []string {
		return []string{"what", what(), "path", display(path), "value", strconv.Quote(s)}
	}
	switch p.kind {
	case kText:
		if !isText(v, true) {
			w.add(path, notText(actual()...))
		}
	case kIRI:
		if _, ok := v.(string); !ok {
			w.add(path, report.Say("schema.not-iri", "{what} should be a web address or other identifier written as text, but it is {actual} ({path}).", actual()...))
		}
	case kBool:
		if _, ok := v.(bool); !ok {
			w.add(path, report.Say("schema.not-bool", "{what} should be true or false, but it is {actual} ({path}).", actual()...))
		}
	case kNumber:
		if !isNumber(v) {
			w.add(path, report.Say("schema.not-number", "{what} should be a number, but it is {actual} ({path}).", actual()...))
		}
	case kDateTimeZ, kDateTime, kDate:
		s, ok := v.(string)
		switch {
		case !ok:
			w.add(path, report.Say("schema.date-not-text", "{what} should be a date written as text, but it is {actual} ({path}).", actual()...))
		case p.kind == kDateTimeZ && !isDateTimeZ(s):
			w.add(path, report.Say("schema.not-datetime-zone", "{what} {value} is not a date and time with a time zone, such as 2024-05-01T09:30:00Z ({path}).", value(s)...))
		case p.kind == kDateTime && !isDateTime(s):
			w.add(path, report.Say("schema.not-datetime", "{what} {value} is not a date and time, such as 2024-05-01T09:30:00 ({path}).", value(s)...))
		case p.kind == kDate && !isDate(s):
			w.add(path, report.Say("schema.not-date", "{what} {value} is not a date, such as 2024-05-01 ({path}).", value(s)...))
		}
	case kEnum:
		s, ok := v.(string)
		switch {
		case !ok:
			w.add(path, notText(actual()...))
		case !inEnum(s, p.enum, p.ext):
			w.add(path, report.Say("schema.not-allowed", "{what} {value} is not one of the values the specification allows ({path}).", value(s)...))
		}
	case kJWS:
		if s, ok := v.(string); !ok || !compactJWS().MatchString(s) {
			w.add(path, report.Say("schema.not-jws", "{what} is not a signed token (a compact JWS) ({path}).", "what", what(), "path", display(path)))
		}
	case kProfileRef:
		switch x := v.(type) {
		case string:
		case map[string]any:
			w.object(x, classes["Profile"], path, p.noun, ver, depth+1)
		default:
			w.add(path, report.Say("schema.not-profile", "{what} should be a web address or a profile, but it is {actual} ({path}).", actual()...))
		}
	case kCredential:
		if s, ok := v.(string); ok && compactJWS().MatchString(s) {
			return // a JWT-signed credential, verified on its own by the caller
		}
		fallthrough
	case kObject:
		m, ok := v.(map[string]any)
		if !ok {
			w.add(path, report.Say("schema.not-object", "{what} should be an object with its own fields, but it is {actual} ({path}).",
				"what", capitalize(p.noun), "actual", describe(v), "path", display(path)))
			return
		}
		w.object(m, classes[p.cls], path, p.noun, ver, depth+1)
	}
}

func notText(kv ...string) report.Text {
	return report.Say("schema.not-text", "{what} should be text, but it is {actual} ({path}).", kv...)
}

// compactJWS is OB 3.0 §B.4 CompactJws as the schemas write it. It, langTag
// and extEnum are compiled on first use: most credentials need none of them,
// and the wasm would compile them at every start.
var compactJWS = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$`) })

// langTag is the key pattern of a language map in the adapted schemas.
var langTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2}(-[A-Z]{2})?$`) })

// isText accepts a string, a language map of strings and, when list is
// false (a `type` value), a list of strings.
func isText(v any, langMap bool) bool {
	switch x := v.(type) {
	case string:
		return true
	case []any:
		if langMap {
			return false
		}
		for _, e := range x {
			if _, ok := e.(string); !ok {
				return false
			}
		}
		return len(x) > 0
	case map[string]any:
		if !langMap {
			return false
		}
		for k, e := range x {
			if _, ok := e.(string); !ok || !langTag().MatchString(k) {
				return false
			}
		}
		return true
	}
	return false
}

func hasAny(t any, want []string) bool {
	for _, s := range jsonval.Strings(t) {
		for _, w := range want {
			if s == w {
				return true
			}
		}
	}
	return false
}

func isNumber(v any) bool {
	switch v.(type) {
	case float64, float32, int, int64, int32, interface{ Float64() (float64, error) }:
		return true
	}
	return false
}

// extEnum is the extension pattern of OB 3.0 §B.5 extensible enumerations
// ("ext:" followed by a name).
var extEnum = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^ext:[a-zA-Z0-9._-]+$`) })

func inEnum(s string, enum []string, ext bool) bool {
	for _, e := range enum {
		if s == e {
			return true
		}
	}
	return ext && extEnum().MatchString(s)
}

// isDateTimeZ: OB 3.0 §B.4 DateTimeZ, "a DateTime with the trailing
// timezone specifier included". RFC 3339 also allows a lower-case t and z.
func isDateTimeZ(s string) bool {
	_, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	return err == nil
}

// isDateTime: OB 3.0 §B.4 DateTime, an ISO 8601 date and time; the zone
// may be left out.
func isDateTime(s string) bool {
	if isDateTimeZ(s) {
		return true
	}
	_, err := time.Parse("2006-01-02T15:04:05.999999999", strings.ToUpper(s))
	return err == nil
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// describe names a JSON value's kind for a reader.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "empty (null)"
	case string:
		if x == "" {
			return "empty text"
		}
		return "the text " + quote(x)
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	if isNumber(v) {
		return "a number"
	}
	return "a value of an unknown kind"
}

// quoteList renders a type value: "X" or "X", "Y".
func quoteList(t any) string {
	ss := jsonval.Strings(t)
	if len(ss) == 0 {
		return "(none)"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = quote(s)
	}
	return strings.Join(q, ", ")
}

// quote quotes s, shortened so that a hostile value cannot flood a report.
func quote(s string) string {
	const max = 80
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// display is the path as shown to a reader; the root itself is "the whole
// credential".
func display(path string) string {
	if path == "" {
		return "the whole credential"
	}
	return path
}

func possessive(noun string) string {
	if strings.HasSuffix(noun, "s") {
		return noun + "'"
	}
	return noun + "'s"
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

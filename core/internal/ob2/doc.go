// Package ob2 verifies Open Badges 2.0 (IMS Final Release, 12 April 2018):
// hosted assertions, signed assertions (a compact JWS around the assertion),
// assertion URLs, and the BadgeClasses, Profiles and Endorsements they link.
//
// OB 2.0 is verified as JSON, the way the specification's "Verification"
// procedure does it: the documents are fetched by their ids through the
// caller's fetch.Fetcher (so supplied documents and offline mode work as for
// OB 3.0), each is checked against its class in the OB 2.0 vocabulary
// ("Data Validation"), and then:
//
//   - a hosted assertion (verification type HostedBadge) is genuine when the
//     issuer's server serves it at its id and that id is in the scope of the
//     issuer Profile's verification policy (§VerificationObject: startsWith,
//     allowedOrigins, and by default the Profile id's host);
//   - a signed assertion (SignedBadge) is genuine when its JWS verifies with
//     a key that the issuer Profile lists in publicKey and whose
//     CryptographicKey document names the issuer as owner (§SignedBadge
//     Verification steps 4-6); the JWS payload is the assertion verified;
//   - revocation: a hosted assertion whose server copy says revoked: true,
//     or any assertion listed in the issuer's revocationList
//     (§RevocationList), is revoked.
//
// JSON-LD is used only where the specification asks for it: the @context
// must be the OB 2.0 context (or an inline copy that maps the terms read
// here the same way), and extensions must carry their own context.
//
// Reports use the same check ids as OB 3.0; kind is the OB 2.0 class
// (Assertion, BadgeClass, Issuer, Profile, Endorsement) and format is
// "ob2-hosted" or "ob2-signed".
package ob2

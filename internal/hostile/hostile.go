// Package hostile builds the hostile-input corpus of issue 10: credentials
// made to cost as much as possible (many proofs, many status entries, a
// poisoned blank-node graph, deep nesting, huge strings, a compressed bomb,
// nested credentials and endorsements past the caps). Tests assert on the
// work counters and caps with it (core/verify), `make bench` times every
// input natively and in the wasm (bench/hostile.mjs, with the files
// scripts/hostile writes). Everything is deterministic: the issuer's key
// comes from a fixed seed, so the corpus is the same on every run.
package hostile

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clearbadge/clearbadge/core/holder"
)

// Input is one corpus entry: the bytes to verify and the documents to
// supply with them (by URL, as --with does), verified as of At.
type Input struct {
	Name string
	Data []byte
	Docs map[string][]byte
}

// At is the verification time of the corpus.
var At = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// ListURL is where the corpus's status list is supplied.
const ListURL = "https://status.example/list/1"

// key is the corpus issuer's Ed25519 did:key, from a fixed seed. It is made
// through the public holder package, as an embedder would make one: the
// corpus needs no more than a did:key that signs Data Integrity proofs.
var key = func() *holder.Key {
	seed := bytes.Repeat([]byte{7}, ed25519.SeedSize)
	b64 := base64.RawURLEncoding.EncodeToString
	jwk := fmt.Sprintf(`{"kty":"OKP","crv":"Ed25519","x":%q,"d":%q}`,
		b64(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)), b64(seed))
	return must(holder.ParsePrivateJWK([]byte(jwk)))
}()

// DID is the issuer of every corpus credential.
var DID = key.DID()

// MaxProofs is the verifier's cap on a proof set (core/internal/proof's
// MaxProofs, which this package cannot import); core/verify's hostile test
// checks that the two agree.
const MaxProofs = 16

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// Badge is a plain OB 3.0 credential of the corpus issuer, unsigned;
// callers add what makes it hostile.
func Badge() map[string]any {
	return map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:5d1c7a90-0f4e-4c1e-9b7a-3c2e1f0a9b8c",
		"type":      []any{"VerifiableCredential", "OpenBadgeCredential"},
		"name":      "Hostile input",
		"issuer":    map[string]any{"id": DID, "type": []any{"Profile"}, "name": "Corpus issuer"},
		"validFrom": "2025-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id":   "did:example:learner",
			"type": []any{"AchievementSubject"},
			"achievement": map[string]any{
				"id": "https://example.org/achievements/hostile", "type": []any{"Achievement"}, "name": "Hostile input",
				"description": "Made to cost.", "criteria": map[string]any{"narrative": "None."},
			},
		},
	}
}

// Sign adds the corpus issuer's eddsa-rdfc-2022 proof.
func Sign(doc map[string]any) map[string]any {
	return must(key.Prove(doc, holder.ProofOptions{Purpose: "assertionMethod", Created: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}))
}

func encode(v any) []byte { return must(json.Marshal(v)) }

// ManyProofs is a signed credential whose proof set holds n proofs, all
// invalid (each a copy of the real one with another creation time) except
// none: every one must be tried.
func ManyProofs(n int) []byte {
	doc := Sign(Badge())
	p := doc["proof"].(map[string]any)
	set := make([]any, n)
	for i := range set {
		q := map[string]any{}
		for k, v := range p {
			q[k] = v
		}
		q["created"] = time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second).Format(time.RFC3339)
		set[i] = q
	}
	doc["proof"] = set
	return encode(doc)
}

// DIDWeb is a signed credential re-pointed at a did:web issuer on host
// ("127.0.0.1:8443"): checking its proof needs that host's DID document.
func DIDWeb(host string) []byte {
	did := "did:web:" + strings.Replace(host, ":", "%3A", 1)
	doc := Sign(Badge())
	doc["issuer"].(map[string]any)["id"] = did
	doc["proof"].(map[string]any)["verificationMethod"] = did + "#key-1"
	return encode(doc)
}

// ManyStatus is a signed credential with n BitstringStatusListEntry entries
// naming the one list at ListURL, and that list (16 MiB of bits).
func ManyStatus(n int) Input {
	doc := Badge()
	entries := make([]any, n)
	for i := range entries {
		entries[i] = map[string]any{"id": fmt.Sprintf("%s#%d", ListURL, i), "type": "BitstringStatusListEntry",
			"statusPurpose": "revocation", "statusListIndex": fmt.Sprint(i), "statusListCredential": ListURL}
	}
	doc["credentialStatus"] = entries
	return Input{Data: encode(Sign(doc)), Docs: map[string][]byte{ListURL: StatusList(16 << 20)}}
}

// StatusList is the corpus issuer's signed BitstringStatusListCredential
// at ListURL whose bitstring is size zero bytes (compressed to a few KiB).
func StatusList(size int) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zeros := make([]byte, 1<<20)
	for n := size; n > 0; n -= len(zeros) {
		zw.Write(zeros[:min(n, len(zeros))])
	}
	zw.Close()
	return encode(Sign(map[string]any{
		"@context":  []any{"https://www.w3.org/ns/credentials/v2"},
		"id":        ListURL,
		"type":      []any{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    DID,
		"validFrom": "2025-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"id": ListURL + "#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
			"encodedList": "u" + base64.RawURLEncoding.EncodeToString(b.Bytes()),
		},
	}))
}

// Poison is a signed credential whose subject holds a ring of n blank
// nodes, all alike (RDFC-1.0 §7).
func Poison(n int) []byte {
	doc := Badge()
	ring := make([]any, n)
	for i := range ring {
		ring[i] = map[string]any{"id": fmt.Sprintf("_:b%d", i), "https://example.org/next": map[string]any{"id": fmt.Sprintf("_:b%d", (i+1)%n)}}
	}
	doc["credentialSubject"].(map[string]any)["https://example.org/ring"] = ring
	// The ring makes signing as costly as verifying; the proof is copied
	// from the plain badge, so it is also invalid.
	doc["proof"] = Sign(Badge())["proof"]
	return encode(doc)
}

// Deep is a JSON value nested n levels deep inside the credential.
func Deep(n int) []byte {
	doc := string(encode(Sign(Badge())))
	return []byte(strings.Replace(doc, `"name":"Hostile input"`, `"name":"Hostile input","deep":`+strings.Repeat("[", n)+strings.Repeat("]", n), 1))
}

// HugeString is a signed credential whose description is n bytes long.
func HugeString(n int) []byte {
	doc := Badge()
	doc["description"] = strings.Repeat("a", n)
	return encode(Sign(doc))
}

// Bomb is a signed credential whose status list is supplied with a
// bitstring that gunzips to size bytes (past the 16 MiB cap).
func Bomb(size int) Input {
	in := ManyStatus(1)
	in.Docs[ListURL] = StatusList(size)
	return in
}

// CLR is a CLR 2.0 record holding n signed badges. They differ by id:
// identical copies would be refused as a poisoned graph before the cap on
// credentials is reached.
func CLR(n int) []byte {
	items := make([]any, n)
	for i := range items {
		b := Badge()
		b["id"] = fmt.Sprintf("urn:uuid:5d1c7a90-0f4e-4c1e-9b7a-%012d", i)
		items[i] = Sign(b)
	}
	return encode(Sign(map[string]any{
		"@context": []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
			"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":        "urn:uuid:1b2c3d4e-0000-4000-8000-000000000001",
		"type":      []any{"VerifiableCredential", "ClrCredential"},
		"name":      "Hostile record",
		"issuer":    map[string]any{"id": DID, "type": []any{"Profile"}, "name": "Corpus issuer"},
		"validFrom": "2025-01-01T00:00:00Z",
		"credentialSubject": map[string]any{
			"type": []any{"ClrSubject"}, "verifiableCredential": items,
			"achievement": []any{},
		},
	}))
}

// Endorsed is a signed badge carrying n signed endorsements (distinct, as
// in CLR).
func Endorsed(n int) []byte {
	list := make([]any, n)
	for i := range list {
		list[i] = Sign(map[string]any{
			"@context":  []any{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
			"id":        fmt.Sprintf("urn:uuid:1b2c3d4e-0000-4000-8000-%012d", i),
			"type":      []any{"VerifiableCredential", "EndorsementCredential"},
			"name":      "Endorsement",
			"issuer":    map[string]any{"id": DID, "type": []any{"Profile"}, "name": "Corpus issuer"},
			"validFrom": "2025-01-01T00:00:00Z",
			"credentialSubject": map[string]any{"id": "https://example.org/achievements/hostile", "type": []any{"EndorsementSubject"},
				"endorsementComment": "Fine."},
		})
	}
	doc := Badge()
	doc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["endorsement"] = list
	return encode(Sign(doc))
}

// LongIRI is a badge whose context defines a term as an IRI of size bytes,
// used on n nodes of its subject: each use expands to the whole IRI, which
// is checked and written as N-Quads once per document, not per use. Signed
// when signed is true; otherwise (an IRI no signer accepts) it carries the
// plain badge's proof, which is also invalid.
func LongIRI(size, n int, signed bool) []byte {
	doc := Badge()
	iri := "https://example.org/" + strings.Repeat("a", size)
	doc["@context"] = append(doc["@context"].([]any), map[string]any{"t": iri, "uses": "https://example.org/uses"})
	uses := make([]any, n)
	for i := range uses {
		uses[i] = map[string]any{"t": fmt.Sprint(i)}
	}
	doc["credentialSubject"].(map[string]any)["uses"] = uses
	if signed {
		return encode(Sign(doc))
	}
	doc["proof"] = Sign(Badge())["proof"]
	return encode(doc)
}

// corpus names every offline input, at the sizes of issue 10's report,
// each made only when asked for.
var corpus = []struct {
	name string
	make func() Input
}{
	{"proofs-1000", func() Input { return Input{Data: ManyProofs(1000)} }},
	{"proofs-16", func() Input { return Input{Data: ManyProofs(MaxProofs)} }},
	{"status-2000", func() Input { return ManyStatus(2000) }},
	{"status-16", func() Input { return ManyStatus(16) }},
	{"poison-graph", func() Input { return Input{Data: Poison(4000)} }},
	{"objects-100000", func() Input { return Input{Data: Poison(50000)} }},
	{"deep-nesting", func() Input { return Input{Data: Deep(100000)} }},
	{"huge-string", func() Input { return Input{Data: HugeString(7 << 20)} }},
	{"gzip-bomb", func() Input { return Bomb(256 << 20) }},
	{"clr-128", func() Input { return Input{Data: CLR(128)} }},
	{"clr-129", func() Input { return Input{Data: CLR(129)} }},
	{"endorsements-17", func() Input { return Input{Data: Endorsed(17)} }},
	{"long-iri-9000", func() Input { return Input{Data: LongIRI(2000, 9000, true)} }},
	{"long-iri-refused", func() Input { return Input{Data: LongIRI(100000, 5000, false)} }},
}

// Corpus is every offline input.
func Corpus() []Input {
	out := make([]Input, len(corpus))
	for i, c := range corpus {
		out[i] = c.make()
		out[i].Name = c.name
	}
	return out
}

// Names lists the corpus's inputs, in order.
func Names() []string {
	out := make([]string, len(corpus))
	for i, c := range corpus {
		out[i] = c.name
	}
	return out
}

// Named makes the one input called name.
func Named(name string) (Input, bool) {
	for _, c := range corpus {
		if c.name == name {
			in := c.make()
			in.Name = name
			return in, true
		}
	}
	return Input{}, false
}

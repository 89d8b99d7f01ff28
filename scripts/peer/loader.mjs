// The offline JSON-LD document loader the peer scripts hand to Digital
// Bazaar's libraries. It serves exactly the contexts ClearBadge bundles
// (core/internal/jsonld/contexts/, listed by URL in its manifest.json), so both sides
// of every interop test canonicalize with the same context bytes, and
// resolves did:key DIDs and DID URLs from the key in the DID itself. Any
// other URL is an error: nothing is ever fetched.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const contextDir = join(root, 'core', 'internal', 'jsonld', 'contexts');

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

const contexts = new Map();
for (const entry of JSON.parse(readFileSync(join(contextDir, 'manifest.json'), 'utf8')).contexts) {
  const doc = JSON.parse(readFileSync(join(contextDir, entry.file), 'utf8'));
  for (const url of entry.urls) {
    contexts.set(url, doc);
  }
}

// didKeyDocument builds the DID document of a did:key (did:key method
// v0.7 §3.1.1 "Document Creation Algorithm", Multikey form): one
// verification method whose fragment is the multibase key itself, usable
// for assertion and authentication. Ed25519 (z6Mk), P-256 (zDn) and P-384
// (z82) keys all take this shape.
export function didKeyDocument(did) {
  const multibase = did.slice('did:key:'.length);
  if (!multibase.startsWith('z') || multibase.includes(':')) {
    throw new Error(`offline document loader: ${did} is not a did:key this loader handles`);
  }
  const vm = { id: `${did}#${multibase}`, type: 'Multikey', controller: did, publicKeyMultibase: multibase };
  return {
    '@context': [DID_V1, MULTIKEY_V1],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [vm.id],
    authentication: [vm.id],
    capabilityInvocation: [vm.id],
    capabilityDelegation: [vm.id],
  };
}

// documentLoader is a jsonld.js document loader (url -> RemoteDocument).
// extra maps further URLs to documents (e.g. credentials under test).
export function makeDocumentLoader(extra = new Map()) {
  return async function documentLoader(url) {
    const found = contexts.get(url) ?? extra.get(url);
    if (found) {
      return { contextUrl: null, documentUrl: url, document: structuredClone(found) };
    }
    if (url.startsWith('did:key:')) {
      const [did, fragment] = url.split('#');
      const doc = didKeyDocument(did);
      if (fragment === undefined) {
        return { contextUrl: null, documentUrl: url, document: doc };
      }
      const vm = doc.verificationMethod.find((m) => m.id === url);
      if (!vm) {
        throw new Error(`offline document loader: ${did} has no verification method #${fragment}`);
      }
      return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY_V1, ...vm } };
    }
    throw new Error(`offline document loader: ${url} is not bundled, and nothing is fetched`);
  };
}

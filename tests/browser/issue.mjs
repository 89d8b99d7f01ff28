// Credentials made at test time with Digital Bazaar's stack (an independent
// implementation, so each browser test that uses them is an interoperability
// check too): Ed25519 keys for did:key and did:web issuers, OB 3.0
// credentials, and Bitstring Status List credentials. Contexts come from the
// peer scripts' offline loader (the ones ClearBadge bundles); nothing is
// fetched.
import { gzipSync } from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { makeDocumentLoader } from '../../scripts/peer/loader.mjs';

export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

const documentLoader = makeDocumentLoader();

// didKeyIssuer: a new Ed25519 did:key and its key.
export async function didKeyIssuer() {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  return { did, key };
}

// didWebIssuer: a new Ed25519 key for did (a did:web), and the DID document
// that host must serve at /.well-known/did.json (did:web method §3.2).
export async function didWebIssuer(did) {
  const key = await Ed25519Multikey.generate({ id: `${did}#key-1`, controller: did });
  const vm = await key.export({ publicKey: true, includeContext: false });
  const didDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [vm.id],
  };
  return { did, key, didDocument };
}

// sign adds an eddsa-rdfc-2022 DataIntegrityProof made with key.
export function sign(credential, key) {
  return vc.issue({
    credential,
    suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
    documentLoader,
  });
}

// openBadge: an OB 3.0 OpenBadgeCredential from issuer ({id, name}) named
// name; extra fields are merged in (credentialStatus, say).
export function openBadge({ issuer, name, subject, ...extra }) {
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { type: ['Profile'], ...issuer },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: subject ?? {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Test Learner' }],
      achievement: {
        id: `urn:uuid:${crypto.randomUUID()}`,
        type: ['Achievement'],
        name,
        description: 'Made by a ClearBadge browser test.',
        criteria: { narrative: 'Be tested.' },
      },
    },
    ...extra,
  };
}

// statusList: an unsigned Bitstring Status List credential (Bitstring
// Status List v1.0 §2.2) at url for purpose, with the bits at revoked set;
// 131072 entries, the specification's minimum size for group privacy.
export function statusList({ url, issuer, purpose = 'revocation', revoked = [] }) {
  const bits = Buffer.alloc(131072 / 8);
  // §3.2: the first index is the left-most bit of the first byte.
  for (const i of revoked) bits[i >> 3] |= 0x80 >> (i & 7);
  return {
    '@context': [VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      // Multibase base64url (no padding) of the GZIP-compressed bitstring.
      encodedList: `u${gzipSync(bits).toString('base64url')}`,
    },
  };
}

// statusEntry: a BitstringStatusListEntry pointing at index of the list at url.
export function statusEntry(url, index, purpose = 'revocation') {
  return {
    id: `${url}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: url,
  };
}

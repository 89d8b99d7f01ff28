// make-forgeries.mjs writes testdata/forgeries/: credentials an attacker can
// make with an ordinary, correct signing stack (Digital Bazaar's vc.js with
// eddsa-rdfc-2022), for core/verify's trust tests. Every signature in them
// is valid; what is false is who they claim to come from. The Go test
// (core/verify/forgeries_test.go) holds the verdict each must get.
//
// Run from the repository root after `npm ci`:
//
//	npm run forgeries
//
// Reproducible: keys come from the SHA-256 of fixed labels, dates are
// fixed, Ed25519 signatures are deterministic; nothing is fetched.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';

import { makeDocumentLoader } from './loader.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'testdata', 'forgeries');
const documentLoader = makeDocumentLoader();
const CREATED = '2025-01-01T00:00:00Z';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const HARVARD = 'https://www.harvard.edu/issuers/registrar';

// key makes an Ed25519 key from a label; id and controller say what the
// proof's verificationMethod will claim (its own did:key by default).
async function key(label, { id, controller } = {}) {
  const k = await Ed25519Multikey.generate({ seed: createHash('sha256').update(label).digest() });
  k.controller = controller ?? `did:key:${k.publicKeyMultibase}`;
  k.id = id ? id.replace('{key}', k.publicKeyMultibase) : `${k.controller}#${k.publicKeyMultibase}`;
  return k;
}

function badge(slug, issuer, name = 'Doctor of Medicine') {
  return {
    '@context': [VC2, OB],
    id: `urn:uuid:${createHash('sha256')
      .update(slug)
      .digest('hex')
      .replace(/^(.{8})(.{4})(.{3})(.{3})(.{12}).*/, '$1-$2-4$3-a$4-$5')}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { type: ['Profile'], ...issuer },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      id: 'did:example:mallory',
      type: ['AchievementSubject'],
      achievement: {
        id: `https://example.org/achievements/${slug}`,
        type: ['Achievement'],
        name,
        description: 'Awarded after four years of study.',
        criteria: { narrative: 'Graduate.' },
      },
    },
  };
}

async function sign(credential, k) {
  const suite = new DataIntegrityProof({ signer: k.signer(), date: CREATED, cryptosuite: eddsaRdfc2022 });
  return vc.issue({ credential, suite, documentLoader });
}

const files = {};

// 1. Harvard's https id, with the attacker's key written into its fragment.
const fragment = await key('forgery: fragment key', { id: `${HARVARD}#{key}`, controller: HARVARD });
files['https-issuer-fragment-key.json'] = await sign(badge('fragment', { id: HARVARD, name: 'Harvard University' }), fragment);

// 2. The same over http://, which is never fetched.
const httpIssuer = HARVARD.replace('https:', 'http:');
const httpKey = await key('forgery: http issuer', { id: `${httpIssuer}#{key}`, controller: httpIssuer });
files['http-issuer.json'] = await sign(badge('http', { id: httpIssuer, name: 'Harvard University' }), httpKey);

// 3. An opaque issuer named MIT, signed by an unrelated did:key.
const anyKey = await key('forgery: any did:key');
files['urn-issuer-any-did-key.json'] = await sign(
  badge('urn', {
    id: 'urn:uuid:0d7b1c2e-5a7f-4c1d-9e8f-2b3c4d5e6f70',
    name: 'Massachusetts Institute of Technology',
  }),
  anyKey,
);

// 4. A did:key issuer that names itself Harvard: it really signed this.
const selfNamed = await key('forgery: self-named did:key');
files['did-key-self-named.json'] = await sign(badge('self-named', { id: selfNamed.controller, name: 'Harvard University' }), selfNamed);

// 5. A homoglyph name: a Greek capital Eta for the H.
const homoglyph = await key('forgery: homoglyph');
files['did-key-homoglyph.json'] = await sign(badge('homoglyph', { id: homoglyph.controller, name: '\u0397arvard University' }), homoglyph);

// 6. An unsigned presentation that dresses a real badge up.
const honest = await key('forgery: an honest issuer');
const real = await sign(badge('real', { id: honest.controller, name: 'Community College' }, 'First Aid'), honest);
files['unsigned-presentation-wrapper.json'] = {
  '@context': [VC2],
  type: ['VerifiablePresentation'],
  name: 'Doctor of Medicine',
  description: 'Awarded with honours',
  issuer: { name: 'Harvard University' },
  image: 'https://evil.example/harvard-seal.png',
  verifiableCredential: [real],
};

// 7. A presentation signed for challenge OLD, with a fake proof for NEW put
// in front of the real one.
const holder = await key('forgery: holder');
const presentation = vc.createPresentation({ verifiableCredential: [real], holder: holder.controller });
const vp = await vc.signPresentation({
  presentation,
  documentLoader,
  challenge: 'OLD',
  domain: 'verifier.example',
  suite: new DataIntegrityProof({ signer: holder.signer(), date: CREATED, cryptosuite: eddsaRdfc2022 }),
});
vp.proof = [{ type: 'Nothing', verificationMethod: holder.id, proofPurpose: 'authentication', challenge: 'NEW', domain: 'verifier.example' }, vp.proof];
files['replay-fake-proof-in-front.json'] = vp;

// A registry file (the DCC registry format) that lists the self-named issuer.
files['registry-lists-self-named.json'] = {
  meta: { name: 'Forgery Test Registry', created: CREATED },
  registry: { [selfNamed.controller]: { name: 'Harvard University', location: 'Cambridge, MA, USA', url: 'https://www.harvard.edu' } },
};
// The document Harvard would publish if the fragment key really were its own.
files['harvard-profile-listing-key.json'] = {
  '@context': ['https://www.w3.org/ns/cid/v1'],
  id: HARVARD,
  verificationMethod: [{ id: fragment.id, type: 'Multikey', controller: HARVARD, publicKeyMultibase: fragment.publicKeyMultibase }],
  assertionMethod: [fragment.id],
};

await mkdir(out, { recursive: true });
for (const [name, doc] of Object.entries(files)) {
  await writeFile(join(out, name), JSON.stringify(doc, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(files).length} files to testdata/forgeries/`);

// make-fixtures.mjs writes testdata/peer/: credentials made by other
// implementations, for core/verify's peer tests. Embedded proofs are made by
// Digital Bazaar's stack (@digitalbazaar/vc with data-integrity +
// eddsa-rdfc-2022 / ecdsa-rdfc-2019 cryptosuites, and ed25519-signature-2020);
// JWTs by `jose`. Each good credential has bad twins derived from it
// (tampered, bit-flipped, foreign key, expired, not yet valid, wrong purpose;
// alg none, HMAC confusion, algorithm/key mismatch, ...). Before writing,
// every fixture is checked with the same libraries, so a fixture that the JS
// stack does not judge as its name says is never written.
//
// Run from the repository root after `npm ci`:
//
//	npm run peer-fixtures
//
// Reproducible: every key is derived from the SHA-256 of a fixed label
// (LABELS below; RSA primes too, see rsaFromLabel), every date is fixed, and
// Ed25519 and RSA PKCS#1 v1.5 signatures are deterministic. ECDSA and PS256
// signatures (WebCrypto in ecdsa-multikey and jose) are randomized, so a fixture whose
// signed content is unchanged keeps the signature already on disk (see
// keepStable): running the script again leaves `git status` clean.
// Everything is offline (scripts/peer/loader.mjs).
import { createECDH, createHash, createPrivateKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';
import { Ed25519VerificationKey2018 } from '@digitalbazaar/ed25519-verification-key-2018';
import * as jose from 'jose';

import { makeDocumentLoader } from './loader.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'testdata', 'peer');

// Every key is derived from SHA-256 (Ed25519 seeds) or SHA-512 (ECDSA
// scalars, RSA prime candidates) of its label.
const LABELS = {
  issuer: 'clearbadge peer fixtures: Ed25519 issuer',
  other: 'clearbadge peer fixtures: Ed25519 someone else',
  ed2020: 'clearbadge peer fixtures: Ed25519Signature2020 issuer',
  endorser: 'clearbadge peer fixtures: Ed25519 endorser',
  publisher: 'clearbadge peer fixtures: Ed25519 CLR publisher',
  holder: 'clearbadge peer fixtures: Ed25519 presentation holder',
  p256: 'clearbadge peer fixtures: P-256 issuer',
  p384: 'clearbadge peer fixtures: P-384 issuer',
  ed2018: 'clearbadge peer fixtures: Ed25519Signature2018 issuer',
  rsa: 'clearbadge peer fixtures: RSA-2048 issuer',
};
// Proofs are created at CREATED; the Go tests verify at VERIFY_AT.
const CREATED = '2025-01-01T00:00:00Z';
const VERIFY_AT = '2026-01-01T00:00:00Z';
const VALID_FROM = '2025-01-01T00:00:00Z';
const VALID_UNTIL = '2035-01-01T00:00:00Z';
const EXPIRED = { validFrom: '2024-01-01T00:00:00Z', validUntil: '2025-06-01T00:00:00Z' };
const NOT_YET = { validFrom: '2027-01-01T00:00:00Z', validUntil: VALID_UNTIL };
const CHALLENGE = 'clearbadge-peer-challenge-0001';
const DOMAIN = 'verifier.example';

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB302 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
const OB_EXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const CLR = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const LEARNER = 'did:example:learner-ada-lovelace';

let documentLoader = makeDocumentLoader();
const sha256 = (s) => createHash('sha256').update(s).digest();
const sha512 = (s) => createHash('sha512').update(s).digest();
const b64u = (b) => Buffer.from(b).toString('base64url');
const bigToBytes = (n, len) => Buffer.from(n.toString(16).padStart(len * 2, '0'), 'hex');
const bytesToBig = (b) => BigInt('0x' + Buffer.from(b).toString('hex'));

// ---- keys ------------------------------------------------------------------

async function ed25519(label) {
  const k = await Ed25519Multikey.generate({ seed: sha256(label) });
  k.controller = `did:key:${k.publicKeyMultibase}`;
  k.id = `${k.controller}#${k.publicKeyMultibase}`;
  return k;
}

const CURVES = {
  'P-256': { ecdh: 'prime256v1', size: 32, n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n },
  'P-384': { ecdh: 'secp384r1', size: 48, n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n },
};

// ecdsa returns an ecdsa-multikey key pair (for Data Integrity) and its JWKs
// (for jose), with the private scalar d = SHA-512(label) mod (n-1) + 1.
async function ecdsa(label, crv) {
  const c = CURVES[crv];
  const d = bigToBytes((bytesToBig(sha512(label)) % (c.n - 1n)) + 1n, c.size);
  const ecdh = createECDH(c.ecdh);
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey(); // 0x04 || x || y
  const publicJwk = { kty: 'EC', crv, x: b64u(pub.subarray(1, 1 + c.size)), y: b64u(pub.subarray(1 + c.size)) };
  const privateJwk = { ...publicJwk, d: b64u(d) };
  // key_ops: without it ecdsa-multikey imports the key for ECDH, not ECDSA.
  const k = await EcdsaMultikey.fromJwk({ jwk: { ...privateJwk, key_ops: ['sign'] }, secretKey: true });
  k.controller = `did:key:${k.publicKeyMultibase}`;
  k.id = `${k.controller}#${k.publicKeyMultibase}`;
  k.publicJwk = publicJwk;
  k.privateJwk = privateJwk;
  return k;
}

// rsaFromLabel derives an RSA-2048 key: p and q are the first probable
// primes in a SHA-512 counter stream seeded by the label (top two bits and
// the low bit set, Miller-Rabin with the first 24 primes as bases, ample for
// test keys), e = 65537.
function rsaFromLabel(label) {
  let counter = 0;
  const stream = (bytes) => {
    const chunks = [];
    for (let got = 0; got < bytes; got += 64) {
      chunks.push(sha512(`${label}/${counter++}`));
    }
    return Buffer.concat(chunks).subarray(0, bytes);
  };
  const small = [];
  for (let i = 2; small.length < 300; i++) {
    if (small.every((p) => i % p !== 0)) {
      small.push(i);
    }
  }
  const modPow = (b, e, m) => {
    let r = 1n;
    b %= m;
    for (; e > 0n; e >>= 1n, b = (b * b) % m) {
      if (e & 1n) {
        r = (r * b) % m;
      }
    }
    return r;
  };
  const probablePrime = (n) => {
    if (small.some((p) => n % BigInt(p) === 0n)) {
      return false;
    }
    let d = n - 1n,
      s = 0;
    while ((d & 1n) === 0n) {
      d >>= 1n;
      s++;
    }
    return small.slice(0, 24).every((a) => {
      let x = modPow(BigInt(a), d, n);
      if (x === 1n || x === n - 1n) {
        return true;
      }
      for (let i = 1; i < s; i++) {
        x = (x * x) % n;
        if (x === n - 1n) {
          return true;
        }
      }
      return false;
    });
  };
  const e = 65537n;
  const prime = () => {
    for (;;) {
      const c = bytesToBig(stream(128)) | (3n << 1022n) | 1n;
      if ((c - 1n) % e !== 0n && probablePrime(c)) {
        return c;
      }
    }
  };
  const p = prime(),
    q = prime();
  const modInv = (a, m) => {
    let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
    while (r1 !== 0n) {
      const k = r0 / r1;
      [r0, r1, s0, s1] = [r1, r0 - k * r1, s1, s0 - k * s1];
    }
    return ((s0 % m) + m) % m;
  };
  const n = p * q,
    d = modInv(e, (p - 1n) * (q - 1n));
  const enc = (x) => b64u(bigToBytes(x, Math.ceil(x.toString(16).length / 2)));
  const publicJwk = { kty: 'RSA', n: enc(n), e: enc(e) };
  const privateJwk = { ...publicJwk, d: enc(d), p: enc(p), q: enc(q), dp: enc(d % (p - 1n)), dq: enc(d % (q - 1n)), qi: enc(modInv(q, p)) };
  return { publicJwk, privateJwk, keyObject: createPrivateKey({ key: privateJwk, format: 'jwk' }) };
}

const keys = {
  issuer: await ed25519(LABELS.issuer),
  other: await ed25519(LABELS.other),
  endorser: await ed25519(LABELS.endorser),
  publisher: await ed25519(LABELS.publisher),
  holder: await ed25519(LABELS.holder),
  p256: await ecdsa(LABELS.p256, 'P-256'),
  p384: await ecdsa(LABELS.p384, 'P-384'),
};
{
  const k = await Ed25519VerificationKey2020.generate({ seed: sha256(LABELS.ed2020) });
  k.controller = `did:key:${k.fingerprint()}`;
  k.id = `${k.controller}#${k.fingerprint()}`;
  keys.ed2020 = k;
}
{
  // Ed25519Signature2018 (JFF plugfest style): an Ed25519VerificationKey2018
  // (publicKeyBase58) named by its did:key DID URL. The suite's verifier
  // wants the key in that form, so the loader serves it (ed2018Docs).
  const k = await Ed25519VerificationKey2018.generate({ seed: sha256(LABELS.ed2018) });
  k.controller = `did:key:${k.fingerprint()}`;
  k.id = `${k.controller}#${k.fingerprint()}`;
  keys.ed2018 = k;
}
const ED2018 = 'https://w3id.org/security/suites/ed25519-2018/v1';
// The same key published by a did:web issuer, as an
// Ed25519VerificationKey2018 (publicKeyBase58) in its DID document, which
// keys.json carries under `documents` for the Go tests.
const ED2018_WEB = 'did:web:ed2018.issuer.example';
const ED2018_WEB_DOC_URL = 'https://ed2018.issuer.example/.well-known/did.json';
const ed2018Web = await Ed25519VerificationKey2018.generate({ seed: sha256(LABELS.ed2018) });
ed2018Web.controller = ED2018_WEB;
ed2018Web.id = `${ED2018_WEB}#key-1`;
const key2018 = (k) => ({ id: k.id, type: 'Ed25519VerificationKey2018', controller: k.controller, publicKeyBase58: k.publicKeyBase58 });
const ed2018WebDid = {
  '@context': ['https://www.w3.org/ns/did/v1', ED2018],
  id: ED2018_WEB,
  verificationMethod: [key2018(ed2018Web)],
  assertionMethod: [ed2018Web.id],
};
const ed2018Docs = new Map([
  [keys.ed2018.id, { '@context': ED2018, ...key2018(keys.ed2018) }],
  [ed2018Web.id, { '@context': ED2018, ...key2018(ed2018Web) }],
  [ED2018_WEB, ed2018WebDid],
]);
const rsa = rsaFromLabel(LABELS.rsa);
// did:jwk (did:jwk spec §2: the DID is the base64url of the UTF-8 JSON of
// the public JWK; members in lexicographic order, as JCS would give).
const p256DidJwk = 'did:jwk:' + b64u(JSON.stringify({ crv: 'P-256', kty: 'EC', x: keys.p256.publicJwk.x, y: keys.p256.publicJwk.y }));

// ---- credentials -----------------------------------------------------------

function profile(id, name) {
  return { id, type: ['Profile'], name };
}

// badge is an OB 3.0 OpenBadgeCredential (OB 3.0 §B.1.1
// AchievementCredential, VC 2.0 envelope) with every required property.
function badge({ slug, issuer, issuerName, achievement = 'Peer Interop Explorer', dates = {}, context = [VC2, OB], subject = LEARNER, extra = {} }) {
  return {
    '@context': context,
    id: `urn:uuid:${uuidFor(slug)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: profile(issuer, issuerName),
    validFrom: VALID_FROM,
    validUntil: VALID_UNTIL,
    ...dates,
    name: `${achievement} badge`,
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: `https://achievements.example/${slug}`,
        type: ['Achievement'],
        name: achievement,
        description: 'Awarded for showing that a credential made by one implementation verifies in another.',
        criteria: { narrative: 'Sign a credential with one stack and verify it with another.' },
      },
    },
    ...extra,
  };
}

// uuidFor makes a stable, well-formed UUID (version 8, RFC 9562 §5.8) from a
// fixture name.
function uuidFor(name) {
  const h = sha256('clearbadge peer ' + name).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// badgeV1 is the VC 1.1 form (issuanceDate/expirationDate) that many
// deployed issuers still sign with Ed25519Signature2020.
function badgeV1(opts) {
  const b = badge({ context: [VC1, OB302, ED2020], ...opts });
  const { validFrom, validUntil, ...rest } = b;
  return { ...rest, issuanceDate: validFrom, expirationDate: validUntil };
}

function diSuite(key, cryptosuite) {
  return new DataIntegrityProof({ signer: key.signer(), date: CREATED, cryptosuite });
}
const eddsa = (key) => diSuite(key, eddsaRdfc2022);
const ecdsaSuite = (key) => diSuite(key, ecdsaRdfc2019);
const ed2020Suite = (key) => new Ed25519Signature2020({ key, date: CREATED });

async function issue(credential, suite, purpose) {
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader, ...(purpose ? { purpose } : {}) });
}

// What the JS stack must conclude about each fixture (`js`), and what it is
// (`about`, for the README). Go-side expectations live in core/verify.
const fixtures = new Map();
function add(file, content, js, about) {
  fixtures.set(file, { content, js, about });
}

// Good credentials, one per proof kind.
const obEddsa = await issue(badge({ slug: 'ob-eddsa', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' }), eddsa(keys.issuer));
add('ob-eddsa-rdfc-2022.json', obEddsa, true, 'OB 3.0 OpenBadgeCredential, VC 2.0, did:key Ed25519 issuer, DataIntegrityProof eddsa-rdfc-2022');

const obP256 = await issue(badge({ slug: 'ob-p256', issuer: keys.p256.controller, issuerName: 'Peer Issuer (P-256)' }), ecdsaSuite(keys.p256));
add('ob-ecdsa-rdfc-2019-p256.json', obP256, true, 'OB 3.0 OpenBadgeCredential, did:key P-256 issuer, DataIntegrityProof ecdsa-rdfc-2019 (SHA-256)');

const obP384 = await issue(badge({ slug: 'ob-p384', issuer: keys.p384.controller, issuerName: 'Peer Issuer (P-384)' }), ecdsaSuite(keys.p384));
add('ob-ecdsa-rdfc-2019-p384.json', obP384, true, 'OB 3.0 OpenBadgeCredential, did:key P-384 issuer, DataIntegrityProof ecdsa-rdfc-2019 (SHA-384)');

const obV1 = await issue(
  badgeV1({ slug: 'ob-v1-ed2020', issuer: keys.ed2020.controller, issuerName: 'Peer Issuer (Ed25519Signature2020)' }),
  ed2020Suite(keys.ed2020),
);
add('ob-v1-ed25519signature2020.json', obV1, true, 'OB 3.0 OpenBadgeCredential, VC 1.1 (OB context 3.0.2), did:key issuer, Ed25519Signature2020');

// A richer credential: strings with tabs, newlines, quotes, backslashes and
// non-ASCII text, a decimal, results, an alignment, an image and the 1EdTech
// extensions context, where canonicalizers most often disagree.
const rich = badge({
  slug: 'ob-rich',
  issuer: keys.issuer.controller,
  issuerName: 'Peer Issuer (Ed25519)',
  achievement: 'Zürich «Interop» Ωmega',
  context: [VC2, OB, OB_EXT],
  extra: {
    description: 'Line one\nLine two\twith a tab, a "quote", a backslash \\ and an emoji 🎓.',
    image: { id: 'https://achievements.example/ob-rich/image.png', type: 'Image', caption: 'Badge ✓' },
    credentialSchema: [
      {
        id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
        type: '1EdTechJsonSchemaValidator2019',
      },
    ],
  },
});
rich.credentialSubject.achievement.creditsAvailable = 7.5;
rich.credentialSubject.achievement.alignment = [
  {
    type: ['Alignment'],
    targetName: 'Interoperability',
    targetUrl: 'https://frameworks.example/interop',
    targetType: 'ceasn:Competency',
  },
];
const obRichSigned = await issue(rich, eddsa(keys.issuer));
add(
  'ob-eddsa-rich.json',
  obRichSigned,
  true,
  'OB 3.0 credential with escapes, non-ASCII, a decimal, an alignment and the extensions context (canonicalization interop)',
);

const endorsement = await issue(
  {
    '@context': [VC2, OB],
    id: `urn:uuid:${uuidFor('endorsement')}`,
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Endorsement of the Peer Interop Explorer achievement',
    issuer: profile(keys.endorser.controller, 'Peer Endorser'),
    validFrom: VALID_FROM,
    credentialSubject: {
      id: 'https://achievements.example/ob-endorsed',
      type: ['EndorsementSubject'],
      endorsementComment: 'This achievement is a fair test of interoperability.',
    },
  },
  eddsa(keys.endorser),
);
add('endorsement-eddsa.json', endorsement, true, 'OB 3.0 EndorsementCredential, did:key Ed25519 endorser, eddsa-rdfc-2022');

const obEndorsed = await issue(
  badge({
    slug: 'ob-endorsed',
    issuer: keys.issuer.controller,
    issuerName: 'Peer Issuer (Ed25519)',
    extra: { endorsement: [endorsement] },
  }),
  eddsa(keys.issuer),
);
add('ob-with-endorsement.json', obEndorsed, true, 'OB 3.0 credential carrying the signed EndorsementCredential in `endorsement`');

// CLR 2.0: two AchievementCredentials, each signed by its own issuer, in a
// ClrCredential signed by the publisher.
function achievementCredential(slug, key, issuerName, achievement) {
  const b = badge({ slug, issuer: key.controller, issuerName, achievement });
  b.type = ['VerifiableCredential', 'AchievementCredential'];
  return b;
}
const clrA = await issue(achievementCredential('clr-a', keys.issuer, 'Peer Issuer (Ed25519)', 'Interop Fundamentals'), eddsa(keys.issuer));
const clrB = await issue(achievementCredential('clr-b', keys.p256, 'Peer Issuer (P-256)', 'Interop Advanced'), ecdsaSuite(keys.p256));
function clr(slug, credentials) {
  const ach = credentials.map((c) => c.credentialSubject.achievement);
  return {
    '@context': [VC2, CLR, OB],
    id: `urn:uuid:${uuidFor(slug)}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: profile(keys.publisher.controller, 'Peer Learner Record Publisher'),
    validFrom: VALID_FROM,
    name: 'Peer Interop Learner Record',
    credentialSubject: {
      id: LEARNER,
      type: ['ClrSubject'],
      verifiableCredential: credentials,
      achievement: ach,
      association: [
        {
          type: 'Association',
          associationType: 'precedes',
          sourceId: ach[0].id,
          targetId: ach[1].id,
        },
      ],
    },
  };
}
add(
  'clr-eddsa.json',
  await issue(clr('clr', [clrA, clrB]), eddsa(keys.publisher)),
  true,
  'CLR 2.0 ClrCredential (publisher did:key, eddsa-rdfc-2022) holding an eddsa-rdfc-2022 and an ecdsa-rdfc-2019 P-256 AchievementCredential',
);
{
  // The publisher signs over a nested credential that was altered after its
  // own issuer signed it: the CLR's proof holds, the nested one does not.
  const bad = structuredClone(clrB);
  bad.credentialSubject.achievement.name = 'Interop Grandmaster';
  add(
    'clr-nested-tampered.json',
    await issue(clr('clr-nested-tampered', [clrA, bad]), eddsa(keys.publisher)),
    false,
    'CLR whose own proof is valid but whose second AchievementCredential was altered after its issuer signed it',
  );
}

// A presentation by the learner (a did:key holder) of a badge issued to
// them, signed for authentication with a challenge and domain.
{
  const held = await issue(
    badge({ slug: 'vp-held', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)', subject: keys.holder.controller }),
    eddsa(keys.issuer),
  );
  const presentation = vc.createPresentation({ verifiableCredential: [held], holder: keys.holder.controller });
  const vp = await vc.signPresentation({ presentation, suite: eddsa(keys.holder), challenge: CHALLENGE, domain: DOMAIN, documentLoader });
  add(
    'vp-eddsa.json',
    vp,
    true,
    `VC 2.0 VerifiablePresentation by the did:key holder of the badge inside, eddsa-rdfc-2022, challenge ${CHALLENGE}, domain ${DOMAIN}`,
  );
}

// Bad twins of the embedded-proof credentials.
function tamper(doc) {
  const t = structuredClone(doc);
  t.credentialSubject.achievement.name = 'Peer Interop Grandmaster';
  return t;
}
add('di-tampered.json', tamper(obEddsa), false, 'ob-eddsa-rdfc-2022 with the achievement name changed after signing');
add('di-ecdsa-p256-tampered.json', tamper(obP256), false, 'ob-ecdsa-rdfc-2019-p256 with the achievement name changed after signing');
add('di-ed2020-tampered.json', tamper(obV1), false, 'ob-v1-ed25519signature2020 with the achievement name changed after signing');
{
  // One base58 character in the middle of proofValue replaced by the next
  // character of the alphabet (never '1', so the decoded length stays 64).
  const b = structuredClone(obEddsa);
  const pv = b.proof.proofValue,
    i = Math.floor(pv.length / 2);
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  const next = alphabet[(alphabet.indexOf(pv[i]) + 1) % alphabet.length];
  b.proof.proofValue = pv.slice(0, i) + (next === '1' ? '2' : next) + pv.slice(i + 1);
  add('di-bitflip.json', b, false, 'ob-eddsa-rdfc-2022 with one base58 character of proofValue changed');
}
add(
  'di-foreign-key.json',
  await issue(badge({ slug: 'di-foreign-key', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' }), eddsa(keys.other)),
  false,
  'issuer is the Ed25519 issuer, but the (valid) proof is by another did:key',
);
add(
  'di-expired.json',
  await issue(badge({ slug: 'di-expired', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)', dates: EXPIRED }), eddsa(keys.issuer)),
  false,
  `signed, validUntil ${EXPIRED.validUntil} (before ${VERIFY_AT})`,
);
add(
  'di-not-yet-valid.json',
  await issue(badge({ slug: 'di-not-yet-valid', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)', dates: NOT_YET }), eddsa(keys.issuer)),
  false,
  `signed, validFrom ${NOT_YET.validFrom} (after ${VERIFY_AT})`,
);
{
  const v1 = badgeV1({ slug: 'di-v1-expired', issuer: keys.ed2020.controller, issuerName: 'Peer Issuer (Ed25519Signature2020)' });
  v1.issuanceDate = EXPIRED.validFrom;
  v1.expirationDate = EXPIRED.validUntil;
  add('di-v1-expired.json', await issue(v1, ed2020Suite(keys.ed2020)), false, `VC 1.1, Ed25519Signature2020, expirationDate ${EXPIRED.validUntil}`);
}
{
  // vc.issue's purpose is an assertionMethod purpose; the term is what the
  // proof records as proofPurpose (jsonld-signatures ProofPurpose.update).
  const purpose = new vc.CredentialIssuancePurpose();
  purpose.term = 'authentication';
  add(
    'di-wrong-purpose.json',
    await issue(badge({ slug: 'di-wrong-purpose', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' }), eddsa(keys.issuer), purpose),
    false,
    'signed by the issuer with proofPurpose "authentication" instead of "assertionMethod"',
  );
}

// ---- more suites: JCS, selective disclosure, Ed25519Signature2018, P-384 --

documentLoader = makeDocumentLoader(ed2018Docs);
const jcsSuite = (key, suite) => new DataIntegrityProof({ signer: key.signer(), date: CREATED, cryptosuite: suite.createSignCryptosuite() });
const obEddsaJcs = await issue(
  badge({ slug: 'ob-eddsa-jcs', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' }),
  jcsSuite(keys.issuer, eddsaJcs2022),
);
add('ob-eddsa-jcs-2022.json', obEddsaJcs, true, 'OB 3.0 OpenBadgeCredential, did:key Ed25519 issuer, DataIntegrityProof eddsa-jcs-2022 (RFC 8785)');
const obP256Jcs = await issue(
  badge({ slug: 'ob-p256-jcs', issuer: keys.p256.controller, issuerName: 'Peer Issuer (P-256)' }),
  jcsSuite(keys.p256, ecdsaJcs2019),
);
add('ob-ecdsa-jcs-2019-p256.json', obP256Jcs, true, 'OB 3.0 OpenBadgeCredential, did:key P-256 issuer, DataIntegrityProof ecdsa-jcs-2019 (SHA-256)');
add(
  'ob-ecdsa-jcs-2019-p384.json',
  await issue(badge({ slug: 'ob-p384-jcs', issuer: keys.p384.controller, issuerName: 'Peer Issuer (P-384)' }), jcsSuite(keys.p384, ecdsaJcs2019)),
  true,
  'OB 3.0 OpenBadgeCredential, did:key P-384 issuer, DataIntegrityProof ecdsa-jcs-2019 (SHA-384)',
);
add('di-eddsa-jcs-tampered.json', tamper(obEddsaJcs), false, 'ob-eddsa-jcs-2022 with the achievement name changed after signing');
{
  // JCS signs the JSON as written, so a change that leaves the RDF alone
  // (a property the OB context does not map, and a key's JSON position)
  // still breaks it.
  const t = structuredClone(obP256Jcs);
  t.credentialSubject.achievement.criteria.narrative += ' ';
  add('di-ecdsa-jcs-tampered.json', t, false, 'ob-ecdsa-jcs-2019-p256 with a space added to the criteria narrative');
}

const obEd2018 = await issue(
  badgeV1({ slug: 'ob-v1-ed2018', issuer: keys.ed2018.controller, issuerName: 'Peer Issuer (Ed25519Signature2018)', context: [VC1, OB302] }),
  new Ed25519Signature2018({ key: keys.ed2018, date: CREATED }),
);
add(
  'ob-v1-ed25519signature2018.json',
  obEd2018,
  true,
  'OB 3.0 OpenBadgeCredential, VC 1.1, did:key issuer, Ed25519Signature2018 (detached JWS, b64:false), Ed25519VerificationKey2018 key',
);
add('di-ed2018-tampered.json', tamper(obEd2018), false, 'ob-v1-ed25519signature2018 with the achievement name changed after signing');
add(
  'ob-v1-ed25519signature2018-didweb.json',
  await issue(
    badgeV1({ slug: 'ob-v1-ed2018-web', issuer: ED2018_WEB, issuerName: 'Peer Issuer (did:web, Ed25519Signature2018)', context: [VC1, OB302] }),
    new Ed25519Signature2018({ key: ed2018Web, date: CREATED }),
  ),
  true,
  `Ed25519Signature2018 by ${ED2018_WEB}, whose DID document (keys.json documents) lists an Ed25519VerificationKey2018 with publicKeyBase58`,
);

// ecdsa-rdfc-2019 with P-384 over many blank nodes: six alignments and
// results alike enough that their canonical order depends on the hashes of
// RDFC-1.0, which VC-DI-ECDSA §3.2 makes SHA-384 for P-384 keys.
function manyBlankNodes(b) {
  const a = b.credentialSubject.achievement;
  a.alignment = [1, 2, 3, 4, 5, 6].map((i) => ({ type: ['Alignment'], targetName: `Skill ${i % 3}`, targetUrl: `https://frameworks.example/skills/${i % 2}` }));
  a.resultDescription = [1, 2, 3].map((i) => ({ id: `urn:uuid:${uuidFor('rd' + i)}`, type: ['ResultDescription'], name: 'Score', resultType: 'RawScore' }));
  b.credentialSubject.result = [1, 2, 3, 4].map((i) => ({
    type: ['Result'],
    resultDescription: `urn:uuid:${uuidFor('rd' + ((i % 3) + 1))}`,
    value: `${50 + (i % 2)}`,
  }));
  return b;
}
add(
  'ob-ecdsa-rdfc-2019-p384-blank-nodes.json',
  await issue(manyBlankNodes(badge({ slug: 'ob-p384-bnodes', issuer: keys.p384.controller, issuerName: 'Peer Issuer (P-384)' })), ecdsaSuite(keys.p384)),
  true,
  'ecdsa-rdfc-2019 P-384 over a credential with 11 blank nodes in look-alike groups (RDFC-1.0 with SHA-384)',
);

// ecdsa-sd-2023: the issuer signs a base proof with mandatory pointers (what
// OB 3.0 requires, so every derivation stays a valid badge); the holder
// derives proofs revealing different optional parts.
const MANDATORY = [
  '/id',
  '/type',
  '/issuer',
  '/validFrom',
  '/name',
  '/credentialSubject/type',
  '/credentialSubject/achievement/id',
  '/credentialSubject/achievement/type',
  '/credentialSubject/achievement/name',
  '/credentialSubject/achievement/description',
  '/credentialSubject/achievement/criteria',
];
const sdBadge = manyBlankNodes(
  badge({
    slug: 'ob-sd',
    issuer: keys.p256.controller,
    issuerName: 'Peer Issuer (P-256, selective disclosure)',
    extra: { description: 'Awarded with selective disclosure.' },
  }),
);
const sdBase = await issue(
  sdBadge,
  new DataIntegrityProof({ signer: keys.p256.signer(), date: CREATED, cryptosuite: ecdsaSd2023.createSignCryptosuite({ mandatoryPointers: MANDATORY }) }),
);
async function derive(selectivePointers) {
  return vc.derive({
    verifiableCredential: structuredClone(sdBase),
    documentLoader,
    suite: new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createDiscloseCryptosuite({ selectivePointers }) }),
  });
}
const sdMin = await derive(['/credentialSubject/id']);
add(
  'ob-ecdsa-sd-2023-mandatory-only.json',
  sdMin,
  true,
  'ecdsa-sd-2023 derived proof (P-256 issuer) revealing the mandatory OB 3.0 fields and the subject id only',
);
add(
  'ob-ecdsa-sd-2023-some.json',
  await derive([
    '/credentialSubject/id',
    '/validUntil',
    '/credentialSubject/achievement/alignment/1',
    '/credentialSubject/achievement/alignment/4',
    '/credentialSubject/result/2',
  ]),
  true,
  'ecdsa-sd-2023 derived proof revealing two of six alignments and one of four results (blank nodes relabelled by HMAC)',
);
const sdAll = await derive(['/credentialSubject', '/validUntil', '/description']);
add('ob-ecdsa-sd-2023-all.json', sdAll, true, 'ecdsa-sd-2023 derived proof revealing everything');
{
  const t = structuredClone(sdAll);
  t.credentialSubject.result[0].value = '99';
  add('di-ecdsa-sd-2023-tampered.json', t, false, 'ob-ecdsa-sd-2023-all with a disclosed result value changed');
  const d = structuredClone(sdAll);
  delete d.validUntil;
  add('di-ecdsa-sd-2023-dropped.json', d, false, 'ob-ecdsa-sd-2023-all with a disclosed statement (validUntil) removed but its signature kept');
  const m = structuredClone(sdMin);
  m.credentialSubject.achievement.name = 'Peer Interop Grandmaster';
  add('di-ecdsa-sd-2023-mandatory-tampered.json', m, false, 'ob-ecdsa-sd-2023-mandatory-only with a mandatory value (achievement name) changed');
}
add('di-ecdsa-sd-2023-base.json', sdBase, false, 'ecdsa-sd-2023 base proof as the issuer hands it to the holder: not for verifiers');

// ---- JWTs ------------------------------------------------------------------

const unix = (s) => Math.floor(Date.parse(s) / 1000);
// jwtPayload is OB 3.0 §8.2.4.1: the credential itself plus the registered
// claims iss = issuer.id, jti = id, sub = credentialSubject.id, nbf =
// validFrom, exp = validUntil.
function jwtPayload(cred) {
  return {
    ...cred,
    iss: cred.issuer.id,
    jti: cred.id,
    sub: cred.credentialSubject.id,
    nbf: unix(cred.validFrom),
    ...(cred.validUntil ? { exp: unix(cred.validUntil) } : {}),
  };
}
async function signJWT(payload, header, key) {
  return new jose.SignJWT(payload).setProtectedHeader(header).sign(key);
}
const importKey = (jwk, alg) => jose.importJWK(jwk, alg);
const edPrivateJwk = async (k) => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: b64u((await k.export({ publicKey: true, secretKey: true, raw: true })).publicKey),
  d: b64u((await k.export({ publicKey: true, secretKey: true, raw: true })).secretKey.subarray(0, 32)),
});
const issuerJwk = await edPrivateJwk(keys.issuer);
const otherJwk = await edPrivateJwk(keys.other);
const { d: _d, ...issuerPublicJwk } = issuerJwk;

const RSA_ISSUER = 'https://issuer.example/profiles/rsa';
const rsaBadge = badge({ slug: 'jwt-rs256', issuer: RSA_ISSUER, issuerName: 'Peer Issuer (RSA, jwk header)' });
add(
  'jwt-rs256-jwk.jwt',
  await signJWT(jwtPayload(rsaBadge), { alg: 'RS256', typ: 'JWT', jwk: rsa.publicJwk }, await importKey(rsa.privateJwk, 'RS256')),
  true,
  'VC-JWT (OB 3.0 §8.2), RS256, public key in the `jwk` header, https issuer',
);
add(
  'jwt-ps256-jwk.jwt',
  await signJWT(
    jwtPayload(badge({ slug: 'jwt-ps256', issuer: RSA_ISSUER, issuerName: 'Peer Issuer (RSA, jwk header)' })),
    { alg: 'PS256', typ: 'JWT', jwk: rsa.publicJwk },
    await importKey(rsa.privateJwk, 'PS256'),
  ),
  true,
  'VC-JWT, PS256, public key in the `jwk` header',
);
add(
  'jwt-es256-didjwk.jwt',
  await signJWT(
    jwtPayload(badge({ slug: 'jwt-es256', issuer: p256DidJwk, issuerName: 'Peer Issuer (did:jwk)' })),
    { alg: 'ES256', typ: 'JWT', kid: p256DidJwk + '#0' },
    await importKey(keys.p256.privateJwk, 'ES256'),
  ),
  true,
  'VC-JWT, ES256, did:jwk issuer, kid = did:jwk DID URL (#0)',
);
const edBadge = badge({ slug: 'jwt-eddsa', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' });
const edToken = await signJWT(jwtPayload(edBadge), { alg: 'EdDSA', typ: 'JWT', kid: keys.issuer.id }, await importKey(issuerJwk, 'EdDSA'));
add('jwt-eddsa-didkey.jwt', edToken, true, 'VC-JWT, EdDSA, did:key Ed25519 issuer, kid = did:key DID URL');
add(
  'jose-es384-didkey.jwt',
  await new jose.CompactSign(Buffer.from(JSON.stringify(badge({ slug: 'jose-es384', issuer: keys.p384.controller, issuerName: 'Peer Issuer (P-384)' }))))
    .setProtectedHeader({ alg: 'ES384', typ: 'vc+jwt', kid: keys.p384.id })
    .sign(await importKey(keys.p384.privateJwk, 'ES384')),
  true,
  'VC-JOSE-COSE (typ vc+jwt, payload = the credential), ES384, did:key P-384 kid',
);
{
  // VC 1.1 style: the credential in the `vc` claim (OB 3.0 §8.2 note).
  const cred = badgeV1({ slug: 'jwt-vc-claim', issuer: keys.p256.controller, issuerName: 'Peer Issuer (P-256)' });
  cred['@context'] = [VC1, OB302];
  const payload = { iss: cred.issuer.id, jti: cred.id, sub: cred.credentialSubject.id, nbf: unix(cred.issuanceDate), exp: unix(cred.expirationDate), vc: cred };
  add(
    'jwt-vc-claim-es256.jwt',
    await signJWT(payload, { alg: 'ES256', typ: 'JWT', kid: keys.p256.id }, await importKey(keys.p256.privateJwk, 'ES256')),
    true,
    'VC-JWT with a VC 1.1 credential in the `vc` claim, ES256, did:key P-256 kid',
  );
}

// Bad JWTs.
const enc = (obj) => b64u(JSON.stringify(obj));
// jose will not make an unsigned token with a kid (UnsecuredJWT writes
// {"alg":"none"} only), so this one is assembled by hand: the header names
// the issuer's key, as a forger would.
add(
  'jwt-alg-none.jwt',
  `${enc({ alg: 'none', typ: 'JWT', kid: keys.issuer.id })}.${enc(jwtPayload(edBadge))}.`,
  false,
  "unsigned token (alg none) whose header names the issuer's did:key",
);
// The confusion tokens are genuine under the confused reading (the HMAC
// checks out with the public key as secret; the RSA signature is valid):
// `attack` holds that reading, and the self-check below confirms it.
const attacks = new Map();
const edSecret = Buffer.from(issuerPublicJwk.x, 'base64url');
const rsaSecret = Buffer.from(await jose.exportSPKI(await importKey(rsa.publicJwk, 'RS256')));
attacks.set('jwt-hs256-confusion.jwt', (t) => jose.compactVerify(t, edSecret));
attacks.set('jwt-hs256-confusion-jwk.jwt', (t) => jose.compactVerify(t, rsaSecret));
attacks.set('jwt-es256-header-rsa-key.jwt', async (t) => {
  const [h, p, sig] = t.split('.');
  if (!nodeVerify('sha256', Buffer.from(`${h}.${p}`), rsa.keyObject, Buffer.from(sig, 'base64url'))) {
    throw new Error('RS256 signature does not verify');
  }
});
add(
  'jwt-hs256-confusion.jwt',
  await signJWT(jwtPayload(edBadge), { alg: 'HS256', typ: 'JWT', kid: keys.issuer.id }, edSecret),
  false,
  "HS256 with the issuer's public Ed25519 key bytes as the HMAC secret, kid = issuer did:key",
);
add(
  'jwt-hs256-confusion-jwk.jwt',
  await signJWT(jwtPayload(rsaBadge), { alg: 'HS256', typ: 'JWT', jwk: rsa.publicJwk }, rsaSecret),
  false,
  'HS256 with the RSA public key (SPKI PEM) from the `jwk` header as the HMAC secret',
);
{
  // jose refuses to sign ES256 with an RSA key, so the signature is made
  // with node:crypto: a genuine RS256 signature under an ES256 header.
  const input = `${enc({ alg: 'ES256', typ: 'JWT', jwk: rsa.publicJwk })}.${enc(jwtPayload(rsaBadge))}`;
  add(
    'jwt-es256-header-rsa-key.jwt',
    `${input}.${b64u(nodeSign('sha256', Buffer.from(input), rsa.keyObject))}`,
    false,
    'ES256 in the header, but the `jwk` is RSA and the signature RS256',
  );
}
add(
  'jwt-expired.jwt',
  await signJWT(
    jwtPayload(badge({ slug: 'jwt-expired', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)', dates: EXPIRED })),
    { alg: 'EdDSA', typ: 'JWT', kid: keys.issuer.id },
    await importKey(issuerJwk, 'EdDSA'),
  ),
  false,
  `EdDSA VC-JWT with exp = validUntil = ${EXPIRED.validUntil}`,
);
add(
  'jwt-not-yet-valid.jwt',
  await signJWT(
    jwtPayload(badge({ slug: 'jwt-not-yet-valid', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)', dates: NOT_YET })),
    { alg: 'EdDSA', typ: 'JWT', kid: keys.issuer.id },
    await importKey(issuerJwk, 'EdDSA'),
  ),
  false,
  `EdDSA VC-JWT with nbf = validFrom = ${NOT_YET.validFrom}`,
);
{
  const [h, p, s] = edToken.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  payload.credentialSubject.achievement.name = 'Peer Interop Grandmaster';
  add('jwt-payload-tampered.jwt', `${h}.${enc(payload)}.${s}`, false, 'jwt-eddsa-didkey with the achievement name changed in the payload, old signature kept');
}
add(
  'jwt-iss-mismatch.jwt',
  await signJWT({ ...jwtPayload(edBadge), iss: keys.other.controller }, { alg: 'EdDSA', typ: 'JWT', kid: keys.issuer.id }, await importKey(issuerJwk, 'EdDSA')),
  false,
  'validly signed by the issuer, but iss names someone else than issuer.id',
);
add(
  'jwt-foreign-key.jwt',
  await signJWT(
    jwtPayload(badge({ slug: 'jwt-foreign-key', issuer: keys.issuer.controller, issuerName: 'Peer Issuer (Ed25519)' })),
    { alg: 'EdDSA', typ: 'JWT', kid: keys.other.id },
    await importKey(otherJwk, 'EdDSA'),
  ),
  false,
  'issuer is the Ed25519 issuer, but the token is validly signed by another did:key (kid)',
);

// ---- stable signatures -----------------------------------------------------

// keepStable returns what is on disk when it differs from the new fixture
// only in signature bytes (proofValue, or a JWS's third part): those are
// random for ECDSA and PS256, and an unchanged credential should keep its file. The
// self-check below then applies to whatever is written.
function keepStable(file, content) {
  const path = join(out, file);
  if (!existsSync(path)) {
    return content;
  }
  const old = readFileSync(path, 'utf8');
  if (typeof content === 'string') {
    const body = (t) => t.trim().split('.').slice(0, 2).join('.');
    return body(old) === body(content) ? old.trim() : content;
  }
  const mask = (v) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'proofValue' ? '' : x)));
  return isDeepStrictEqual(mask(JSON.parse(old)), mask(content)) ? JSON.parse(old) : content;
}
for (const [file, f] of fixtures) {
  f.content = keepStable(file, f.content);
}

// ---- self-check with the JS stack ------------------------------------------

const suites = [
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
  new DataIntegrityProof({ cryptosuite: eddsaJcs2022.createVerifyCryptosuite() }),
  new DataIntegrityProof({ cryptosuite: ecdsaJcs2019.createVerifyCryptosuite() }),
  new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createVerifyCryptosuite() }),
  new Ed25519Signature2020(),
  new Ed25519Signature2018(),
];

// jwtKey finds the verification key the way a JOSE verifier would: the
// header's jwk, or the kid's did:key / did:jwk.
async function jwtKey(header) {
  if (header.jwk) {
    return jose.importJWK(header.jwk, header.alg);
  }
  const did = header.kid.split('#')[0];
  if (did.startsWith('did:jwk:')) {
    return jose.importJWK(JSON.parse(Buffer.from(did.slice(8), 'base64url')), header.alg);
  }
  const found = Object.values(keys).find((k) => k.id === header.kid);
  const jwk = found.publicJwk ?? { kty: 'OKP', crv: 'Ed25519', x: b64u((await found.export({ publicKey: true, raw: true })).publicKey) };
  return jose.importJWK(jwk, header.alg);
}

async function jsVerdict(content) {
  if (typeof content === 'string') {
    try {
      const header = jose.decodeProtectedHeader(content);
      const key = await jwtKey(header);
      const { payload } = await jose.compactVerify(content, key, { algorithms: ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'] });
      const claims = JSON.parse(new TextDecoder().decode(payload));
      const cred = claims.vc ?? claims;
      const now = unix(VERIFY_AT);
      if ((claims.exp && claims.exp < now) || (claims.nbf && claims.nbf > now)) {
        return 'outside nbf/exp';
      }
      if (claims.iss && claims.iss !== cred.issuer.id) {
        return 'iss differs from issuer.id';
      }
      if (header.kid && !header.kid.startsWith(cred.issuer.id + '#')) {
        return "kid is not the issuer's";
      }
      return true;
    } catch (e) {
      return e.code ?? e.message;
    }
  }
  const r = content.type?.includes('VerifiablePresentation')
    ? await vc.verify({ presentation: content, suite: suites, documentLoader, now: VERIFY_AT, challenge: CHALLENGE, domain: DOMAIN })
    : await vc.verifyCredential({ credential: content, suite: suites, documentLoader, now: VERIFY_AT });
  if (r.verified && content.type?.includes('ClrCredential')) {
    // vc.js does not look into a CLR: verify each nested credential too.
    for (const c of content.credentialSubject.verifiableCredential) {
      const n = await vc.verifyCredential({ credential: c, suite: suites, documentLoader, now: VERIFY_AT });
      if (!n.verified) {
        return 'nested: ' + (n.error?.errors?.[0]?.message ?? n.error?.message);
      }
    }
  }
  return r.verified || (r.error?.errors?.[0]?.message ?? r.error?.message ?? 'not verified');
}

let bad = 0;
for (const [file, f] of fixtures) {
  const verdict = await jsVerdict(f.content);
  console.log(`${file}: ${verdict === true ? 'verified' : verdict}`);
  if ((verdict === true) !== f.js) {
    console.error(`${file}: the JS stack says ${verdict}, want ${f.js ? 'verified' : 'not verified'}`);
    bad++;
  }
}
for (const [file, check] of attacks) {
  try {
    await check(fixtures.get(file).content);
  } catch (e) {
    console.error(`${file}: not a genuine attack token: ${e.message}`);
    bad++;
  }
}
if (bad) {
  throw new Error(`${bad} fixtures are not what their names say; nothing written`);
}

// ---- write -----------------------------------------------------------------

await mkdir(out, { recursive: true });
for (const [file, f] of fixtures) {
  await writeFile(join(out, file), typeof f.content === 'string' ? f.content + '\n' : JSON.stringify(f.content, null, 2) + '\n');
}
const pins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
const used = [
  '@digitalbazaar/vc',
  '@digitalbazaar/data-integrity',
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite',
  '@digitalbazaar/ed25519-multikey',
  '@digitalbazaar/ecdsa-multikey',
  '@digitalbazaar/ed25519-signature-2020',
  '@digitalbazaar/ed25519-verification-key-2020',
  '@digitalbazaar/eddsa-jcs-2022-cryptosuite',
  '@digitalbazaar/ecdsa-jcs-2019-cryptosuite',
  '@digitalbazaar/ecdsa-sd-2023-cryptosuite',
  '@digitalbazaar/ed25519-signature-2018',
  '@digitalbazaar/ed25519-verification-key-2018',
  'jose',
];
await writeFile(
  join(out, 'keys.json'),
  JSON.stringify(
    {
      note: 'Public identities of the fixture parties; keys derive from the labels in scripts/peer/make-fixtures.mjs.',
      verifyAt: VERIFY_AT,
      created: CREATED,
      challenge: CHALLENGE,
      domain: DOMAIN,
      made_with: Object.fromEntries(used.map((p) => [p, pins[p]])),
      documents: { [ED2018_WEB_DOC_URL]: ed2018WebDid },
      parties: {
        ...Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, { id: k.controller, verificationMethod: k.id }])),
        p256DidJwk: { id: p256DidJwk, verificationMethod: p256DidJwk + '#0' },
        rsa: { id: RSA_ISSUER, publicJwk: rsa.publicJwk },
      },
    },
    null,
    2,
  ) + '\n',
);
const lines = [
  '# Peer-made credentials',
  '',
  "Made by other implementations (Digital Bazaar's `@digitalbazaar/vc` stack for embedded proofs, `jose` for JWTs),",
  'and bad twins derived from them, for `core/verify/peer_test.go`. Generated: do not edit by hand.',
  `Regenerate from the repository root with \`npm ci && npm run peer-fixtures\` (scripts/peer/make-fixtures.mjs;`,
  'keys derive from fixed labels, dates are fixed, unchanged credentials keep their signatures, and every file is',
  `checked with the JS stack before it is written). The verification time is ${VERIFY_AT}.`,
  '',
  '| file | JS stack verifies | what it is |',
  '|---|---|---|',
  ...[...fixtures].map(([file, f]) => `| \`${file}\` | ${f.js ? 'yes' : 'no'} | ${f.about.replaceAll('|', '\\|')} |`),
  '',
];
await writeFile(join(out, 'README.md'), lines.join('\n'));
console.log(`wrote ${fixtures.size} fixtures, keys.json and README.md to ${out}`);

// vp-make.mjs writes testdata/vp/: Verifiable Presentations made by other
// implementations, for core/verify/presentation_test.go (the direction "what
// others present verifies with ClearBadge"). Data Integrity presentations
// are made by Digital Bazaar's @digitalbazaar/vc (createPresentation,
// signPresentation) with the data-integrity, eddsa-rdfc-2022,
// ecdsa-rdfc-2019 and ed25519-signature-2020 suites; VP-JWTs and the JWT
// credentials inside presentations by the npm jose package. Every fixture is
// checked with vp-check.mjs before it is written, and keys.json records the
// parties, the challenge, the domain and the verification time.
//
// Run from the repository root after `npm ci`:
//
//	node scripts/peer/vp-make.mjs
//
// Reproducible: keys derive from SHA-256 (Ed25519 seeds) or SHA-512 (P-256
// scalars) of fixed labels, dates are fixed, and Ed25519 signatures are
// deterministic. ECDSA signatures are not, so a fixture whose signed
// content is unchanged keeps the signatures already on disk (keepStable).
// Everything is offline (loader.mjs).
import { createECDH, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

import * as vc from '@digitalbazaar/vc';
import * as jose from 'jose';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';

import { makeDocumentLoader } from './loader.mjs';
import { checkPresentation } from './vp-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'testdata', 'vp');

const LABELS = {
  issuer: 'clearbadge vp fixtures: Ed25519 issuer',
  p256Issuer: 'clearbadge vp fixtures: P-256 issuer',
  v1Issuer: 'clearbadge vp fixtures: Ed25519Signature2020 issuer',
  holder: 'clearbadge vp fixtures: Ed25519 holder',
  p256Holder: 'clearbadge vp fixtures: P-256 holder',
  v1Holder: 'clearbadge vp fixtures: Ed25519Signature2020 holder',
};
const CREATED = '2025-01-01T00:00:00Z';
const VERIFY_AT = '2026-01-01T00:00:00Z';
const VALID_FROM = '2025-01-01T00:00:00Z';
const VALID_UNTIL = '2035-01-01T00:00:00Z';
const CHALLENGE = 'clearbadge-vp-challenge-0002';
const DOMAIN = 'verifier.example';

const VC1 = 'https://www.w3.org/2018/credentials/v1';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB302 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json';
const ED2020 = 'https://w3id.org/security/suites/ed25519-2020/v1';

const documentLoader = makeDocumentLoader();
const sha256 = (s) => createHash('sha256').update(s).digest();
const sha512 = (s) => createHash('sha512').update(s).digest();
const b64u = (b) => Buffer.from(b).toString('base64url');
const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

// ---- keys ------------------------------------------------------------------

async function ed25519(label) {
  const k = await Ed25519Multikey.generate({ seed: sha256(label) });
  k.controller = `did:key:${k.publicKeyMultibase}`;
  k.id = `${k.controller}#${k.publicKeyMultibase}`;
  // RFC 8037 §2: d is the 32-byte seed (the multikey's secret key is
  // seed || public key).
  k.privateJwk = { ...(await Ed25519Multikey.toJwk({ keyPair: k })), d: b64u(sha256(label)) };
  return k;
}

// p256 derives the private scalar d = SHA-512(label) mod (n-1) + 1.
async function p256(label) {
  const d = (BigInt('0x' + sha512(label).toString('hex')) % (P256_N - 1n)) + 1n;
  const dBytes = Buffer.from(d.toString(16).padStart(64, '0'), 'hex');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(dBytes);
  const pub = ecdh.getPublicKey();
  const privateJwk = { kty: 'EC', crv: 'P-256', x: b64u(pub.subarray(1, 33)), y: b64u(pub.subarray(33)), d: b64u(dBytes) };
  // key_ops: without it ecdsa-multikey imports the key for ECDH, not ECDSA.
  const k = await EcdsaMultikey.fromJwk({ jwk: { ...privateJwk, key_ops: ['sign'] }, secretKey: true });
  k.controller = `did:key:${k.publicKeyMultibase}`;
  k.id = `${k.controller}#${k.publicKeyMultibase}`;
  k.privateJwk = privateJwk;
  return k;
}

async function ed2020(label) {
  const k = await Ed25519VerificationKey2020.generate({ seed: sha256(label) });
  k.controller = `did:key:${k.fingerprint()}`;
  k.id = `${k.controller}#${k.fingerprint()}`;
  return k;
}

const keys = {
  issuer: await ed25519(LABELS.issuer),
  p256Issuer: await p256(LABELS.p256Issuer),
  v1Issuer: await ed2020(LABELS.v1Issuer),
  holder: await ed25519(LABELS.holder),
  p256Holder: await p256(LABELS.p256Holder),
  v1Holder: await ed2020(LABELS.v1Holder),
};

// The same v1 holder key as a Multikey, for the eddsa-rdfc-2022 suite (the
// did:key is the same: both name the Ed25519 public key).
const v1HolderMultikey = await ed25519(LABELS.v1Holder);

const eddsa = (key) => new DataIntegrityProof({ signer: key.signer(), date: CREATED, cryptosuite: eddsaRdfc2022 });
const ecdsa = (key) => new DataIntegrityProof({ signer: key.signer(), date: CREATED, cryptosuite: ecdsaRdfc2019 });
const ed2020Suite = (key) => new Ed25519Signature2020({ key, date: CREATED });

// ---- credentials -----------------------------------------------------------

// uuidFor makes a stable UUID (version 8, RFC 9562 §5.8) from a name.
function uuidFor(name) {
  const h = sha256('clearbadge vp ' + name).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// badge is an OB 3.0 OpenBadgeCredential issued to subject.
function badge({ slug, issuer, issuerName, subject, v1 = false }) {
  const b = {
    '@context': v1 ? [VC1, OB302, ED2020] : [VC2, OB],
    id: `urn:uuid:${uuidFor(slug)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: issuerName },
    ...(v1 ? { issuanceDate: VALID_FROM, expirationDate: VALID_UNTIL } : { validFrom: VALID_FROM, validUntil: VALID_UNTIL }),
    name: `Presented badge (${slug})`,
    credentialSubject: {
      id: subject,
      type: ['AchievementSubject'],
      achievement: {
        id: `https://achievements.example/${slug}`,
        type: ['Achievement'],
        name: 'Presentation Interop',
        description: 'Awarded for presenting a credential that a verifier from another implementation accepts.',
        criteria: { narrative: 'Present it with one stack and verify it with another.' },
      },
    },
  };
  return b;
}

const issue = (credential, suite) => vc.issue({ credential, suite, documentLoader });

// vcJOSE secures a credential as VC-JOSE-COSE §3.1.1 (typ vc+jwt, the
// payload is the credential) with the issuer's did:key.
async function vcJOSE(credential, key) {
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: key.id })
    .sign(await jose.importJWK(key.privateJwk, 'EdDSA'));
}

// vcJWT secures a VC 1.1 credential as a VC-JWT (VC 1.1 §6.3.1: the
// credential in the vc claim; iss, sub, jti, nbf, exp from it).
async function vcJWT(credential, key) {
  const { issuanceDate, expirationDate, ...rest } = credential;
  return new jose.SignJWT({ vc: { ...rest, issuanceDate, expirationDate } })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.id })
    .setIssuer(credential.issuer.id)
    .setSubject(credential.credentialSubject.id)
    .setJti(credential.id)
    .setNotBefore(Date.parse(issuanceDate) / 1000)
    .setExpirationTime(Date.parse(expirationDate) / 1000)
    .sign(await jose.importJWK(key.privateJwk, 'EdDSA'));
}

const envelope = (token) => ({ '@context': VC2, id: `data:application/vc+jwt,${token}`, type: 'EnvelopedVerifiableCredential' });

const toHolder = await issue(
  badge({ slug: 'eddsa', issuer: keys.issuer.controller, issuerName: 'VP Issuer (Ed25519)', subject: keys.holder.controller }),
  eddsa(keys.issuer),
);
const p256ToHolder = await issue(
  badge({ slug: 'ecdsa', issuer: keys.p256Issuer.controller, issuerName: 'VP Issuer (P-256)', subject: keys.holder.controller }),
  ecdsa(keys.p256Issuer),
);
const toP256Holder = await issue(
  badge({ slug: 'eddsa-p256-holder', issuer: keys.issuer.controller, issuerName: 'VP Issuer (Ed25519)', subject: keys.p256Holder.controller }),
  eddsa(keys.issuer),
);
const joseToHolder = await vcJOSE(
  badge({ slug: 'jose', issuer: keys.issuer.controller, issuerName: 'VP Issuer (Ed25519)', subject: keys.holder.controller }),
  keys.issuer,
);
const v1ToHolder = await issue(
  badge({ slug: 'v1', issuer: keys.v1Issuer.controller, issuerName: 'VP Issuer (Ed25519Signature2020)', subject: keys.v1Holder.controller, v1: true }),
  ed2020Suite(keys.v1Issuer),
);
const v1JWT = await vcJWT(
  badge({ slug: 'v1-jwt', issuer: keys.issuer.controller, issuerName: 'VP Issuer (Ed25519)', subject: keys.holder.controller, v1: true }),
  keys.issuer,
);

// ---- presentations ---------------------------------------------------------

const fixtures = new Map();
function add(file, content, about) {
  fixtures.set(file, { content, about });
}

async function sign({ credentials, holder, suite, version = 2.0 }) {
  // createPresentation checks each credential as a JSON-LD credential, which
  // an EnvelopedVerifiableCredential is not: the list is set afterwards.
  const presentation = vc.createPresentation({ holder: holder.controller, version });
  presentation.verifiableCredential = credentials;
  presentation.id = `urn:uuid:${uuidFor(holder.controller + credentials.length + version)}`;
  return vc.signPresentation({ presentation, suite, challenge: CHALLENGE, domain: DOMAIN, documentLoader });
}

add(
  'vp-v2-eddsa.json',
  await sign({ credentials: [toHolder, p256ToHolder], holder: keys.holder, suite: eddsa(keys.holder) }),
  'VC 2.0 presentation by an Ed25519 did:key holder, eddsa-rdfc-2022; an eddsa-rdfc-2022 and an ecdsa-rdfc-2019 P-256 badge issued to the holder',
);
add(
  'vp-v2-ecdsa-p256.json',
  await sign({ credentials: [toP256Holder], holder: keys.p256Holder, suite: ecdsa(keys.p256Holder) }),
  'VC 2.0 presentation by a P-256 did:key holder, ecdsa-rdfc-2019; an eddsa-rdfc-2022 badge issued to the holder',
);
add(
  'vp-v2-enveloped.json',
  await sign({ credentials: [envelope(joseToHolder), toHolder], holder: keys.holder, suite: eddsa(keys.holder) }),
  'VC 2.0 presentation, eddsa-rdfc-2022, holding an EnvelopedVerifiableCredential (data:application/vc+jwt, VC-JOSE EdDSA) and an eddsa-rdfc-2022 badge',
);
add(
  'vp-v1-ed2020.json',
  await sign({ credentials: [v1ToHolder], holder: keys.v1Holder, suite: ed2020Suite(keys.v1Holder), version: 1.0 }),
  'VC 1.1 presentation, Ed25519Signature2020 holder proof; a VC 1.1 Ed25519Signature2020 badge issued to the holder',
);
add(
  'vp-v1-eddsa.json',
  await sign({ credentials: [v1ToHolder], holder: v1HolderMultikey, suite: eddsa(v1HolderMultikey), version: 1.0 }),
  'VC 1.1 presentation, DataIntegrityProof eddsa-rdfc-2022 (the suite adds the data-integrity/v2 context); a VC 1.1 Ed25519Signature2020 badge',
);

// VP-JWTs: the holder's JWS is the proof; nonce carries the challenge and
// aud the domain (VC 1.1 §6.3.1.2, OpenID for Verifiable Presentations).
const iat = Date.parse(CREATED) / 1000;
const holderJWK = await jose.importJWK(keys.holder.privateJwk, 'EdDSA');
add(
  'vp-jose.jwt',
  await new jose.SignJWT({
    '@context': [VC2],
    type: ['VerifiablePresentation'],
    holder: keys.holder.controller,
    verifiableCredential: [toHolder, envelope(joseToHolder)],
    nonce: CHALLENGE,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vp+jwt', kid: keys.holder.id })
    .setAudience(DOMAIN)
    .setIssuedAt(iat)
    .sign(holderJWK),
  "VP-JWT (VC-JOSE-COSE §3.2, typ vp+jwt, EdDSA, kid the holder's did:key): an eddsa-rdfc-2022 badge and an enveloped VC-JOSE badge; nonce and aud",
);
add(
  'vp-jwt-v1.jwt',
  await new jose.SignJWT({
    vp: { '@context': [VC1], type: ['VerifiablePresentation'], verifiableCredential: [v1JWT] },
    nonce: CHALLENGE,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: keys.holder.id })
    .setIssuer(keys.holder.controller)
    .setAudience(DOMAIN)
    .setIssuedAt(iat)
    .sign(holderJWK),
  'VC 1.1 VP-JWT (vp claim, iss the holder, EdDSA): a VC 1.1 VC-JWT; nonce and aud',
);

// ---- keep stable, self-check, write -----------------------------------------

// keepStable keeps a fixture already on disk when only its randomized
// (ECDSA) signatures would change.
function keepStable(file, content) {
  const path = join(out, file);
  if (!existsSync(path)) {
    return content;
  }
  const old = readFileSync(path, 'utf8').trim();
  if (typeof content === 'string') {
    const body = (t) => t.split('.').slice(0, 2).join('.');
    return body(old) === body(content) ? old : content;
  }
  const mask = (v) => JSON.parse(JSON.stringify(v, (k, x) => (k === 'proofValue' ? '' : x)));
  return isDeepStrictEqual(mask(JSON.parse(old)), mask(content)) ? JSON.parse(old) : content;
}

await mkdir(out, { recursive: true });
const rows = [];
for (const [file, f] of fixtures) {
  f.content = keepStable(file, f.content);
  const result = await checkPresentation(f.content, { challenge: CHALLENGE, domain: DOMAIN, now: VERIFY_AT });
  if (!result.verified) {
    throw new Error(`${file} does not verify with the JS stack: ${JSON.stringify(result)}`);
  }
  await writeFile(join(out, file), typeof f.content === 'string' ? f.content + '\n' : JSON.stringify(f.content, null, 2) + '\n');
  rows.push(`| \`${file}\` | ${f.about} |`);
}

const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const party = (k) => ({ id: k.controller, verificationMethod: k.id });
await writeFile(
  join(out, 'keys.json'),
  JSON.stringify(
    {
      note: 'Public identities of the fixture parties; keys derive from the labels in scripts/peer/vp-make.mjs.',
      verifyAt: VERIFY_AT,
      created: CREATED,
      challenge: CHALLENGE,
      domain: DOMAIN,
      made_with: Object.fromEntries(
        [
          '@digitalbazaar/vc',
          '@digitalbazaar/data-integrity',
          '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
          '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite',
          '@digitalbazaar/ed25519-signature-2020',
          'jose',
        ].map((n) => [n, version(n)]),
      ),
      parties: Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, party(k)])),
    },
    null,
    2,
  ) + '\n',
);

await writeFile(
  join(out, 'README.md'),
  `# Peer-made presentations

Verifiable Presentations made by other implementations (Digital Bazaar's \`@digitalbazaar/vc\` for Data
Integrity presentations, \`jose\` for VP-JWTs and JWT credentials), for \`core/verify/presentation_test.go\`.
Generated: do not edit by hand. Regenerate from the repository root with \`npm ci && node scripts/peer/vp-make.mjs\`
(keys derive from fixed labels, dates are fixed, unchanged presentations keep their signatures, and every file
is checked with scripts/peer/vp-check.mjs before it is written).

Every presentation answers challenge \`${CHALLENGE}\` for domain \`${DOMAIN}\` (a VP-JWT's \`nonce\` and
\`aud\`) and verifies at ${VERIFY_AT}; \`keys.json\` names the parties.

| file | what it is |
|---|---|
${rows.join('\n')}
`,
);
console.log(`wrote ${fixtures.size} presentations to ${out}`);

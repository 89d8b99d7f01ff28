// make-lists.mjs writes the peer-made status-list fixtures of core/internal/status
// into core/internal/status/testdata/peer/: status list credentials and credentials
// that point into them, made and signed by Digital Bazaar's libraries
// (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022-cryptosuite,
// ed25519-multikey, vc-bitstring-status-list, vc-status-list), so that the
// Go checker is tested against lists it did not make itself.
//
// Run from the repository root after `npm ci`:
//
//	node core/internal/status/testdata/make-lists.mjs
//
// The output is reproducible: keys come from the fixed seeds below, every
// date is fixed, Ed25519 signatures are deterministic and gzip (pako) output
// depends only on its input. Running it again must leave `git status` clean.
// Everything is offline: JSON-LD contexts come from the npm context packages,
// and did:key documents are built from the keys themselves.
import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as bsl from '@digitalbazaar/vc-bitstring-status-list';
import * as sl2021 from '@digitalbazaar/vc-status-list';
import {contexts as vcContexts} from '@digitalbazaar/credentials-context';
import diContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import {contexts as bslContexts} from '@digitalbazaar/vc-bitstring-status-list-context';
import slContext from '@digitalbazaar/vc-status-list-context';
import * as jose from 'jose';

const out = join(dirname(fileURLToPath(import.meta.url)), 'peer');

// The seeds of the two issuers' Ed25519 keys: 32 ASCII bytes each. "other"
// signs a well-formed list under its own name, for the issuer-mismatch test.
const SEEDS = {
  issuer: 'ClearBadge core/status issuer 01',
  other: 'ClearBadge core/status other 002'
};
const CREATED = '2025-01-01T00:00:00Z';
const VALID_FROM = '2025-01-01T00:00:00Z';
const VALID_UNTIL = '2035-01-01T00:00:00Z';
// The verification time the Go tests use (Checker.Now).
const VERIFY_AT = '2026-01-01T00:00:00Z';
const BASE = 'https://status.example/lists/';
const ENTRIES = 131072; // Bitstring Status List v1.0 §2.1 default and minimum

// Indexes used by the tests: REVOKED and SUSPENDED are set, VALID is not.
const REVOKED = 42;
const VALID = 7;
const SUSPENDED = 99;
const MESSAGE_INDEX = 5; // statusSize 2, value 0x2 ("rejected")
const SL2021_REVOKED = 1234;

const staticDocs = new Map([
  ...vcContexts,
  ...diContext.contexts,
  ...multikeyContext.contexts,
  ...bslContexts,
  ...slContext.contexts
]);

const keys = {};
for(const [name, text] of Object.entries(SEEDS)) {
  const seed = new TextEncoder().encode(text);
  const k = await Ed25519Multikey.generate({seed});
  const did = `did:key:${k.publicKeyMultibase}`;
  k.controller = did;
  k.id = `${did}#${k.publicKeyMultibase}`;
  keys[name] = k;
}

function didDocument(did) {
  const k = Object.values(keys).find(k => k.controller === did);
  if(!k) {
    return null;
  }
  const vm = {
    id: k.id, type: 'Multikey', controller: did,
    publicKeyMultibase: k.publicKeyMultibase
  };
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [k.id],
    authentication: [k.id]
  };
}

const docs = new Map(); // fixtures written so far, by URL, for the self-check

async function documentLoader(url) {
  if(staticDocs.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(staticDocs.get(url))};
  }
  if(url.startsWith('did:key:')) {
    const [did, fragment] = url.split('#');
    const doc = didDocument(did);
    if(doc) {
      const document = fragment ?
        {'@context': 'https://w3id.org/security/multikey/v1', ...doc.verificationMethod[0]} : doc;
      return {contextUrl: null, documentUrl: url, document};
    }
  }
  if(docs.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(docs.get(url))};
  }
  throw new Error(`offline document loader: ${url} is not available`);
}

function suite(key) {
  return new DataIntegrityProof({
    signer: key.signer(), date: CREATED, cryptosuite: eddsaRdfc2022
  });
}

async function sign(credential, key) {
  return vc.issue({credential, suite: suite(key), documentLoader});
}

// bits sets the given (position, on) pairs on a bitstring of ENTRIES*size
// bits through the library's own Bitstring, keeping its bit order.
async function bslList(size, positions) {
  const list = await bsl.createList({length: ENTRIES * size});
  for(const p of positions) {
    list.setStatus(p, true);
  }
  return list;
}

async function bslCredential({name, purpose, list, key = keys.issuer, extra = {}}) {
  const id = BASE + name;
  const unsigned = await bsl.createCredential({id, list, statusPurpose: purpose});
  return sign({
    ...unsigned,
    issuer: key.controller,
    validFrom: VALID_FROM,
    validUntil: VALID_UNTIL,
    ...extra
  }, key);
}

const fixtures = {};

// Bitstring Status List (VC 2.0).
fixtures['bsl-revocation.json'] = await bslCredential({
  name: 'bsl-revocation', purpose: 'revocation', list: await bslList(1, [REVOKED])
});
fixtures['bsl-suspension.json'] = await bslCredential({
  name: 'bsl-suspension', purpose: 'suspension', list: await bslList(1, [SUSPENDED])
});
// statusSize 2: entry i occupies bits 2i and 2i+1, most significant first,
// so the value 0x2 at MESSAGE_INDEX is bit 2*MESSAGE_INDEX set.
fixtures['bsl-message.json'] = await bslCredential({
  name: 'bsl-message', purpose: 'message', list: await bslList(2, [2 * MESSAGE_INDEX])
});
// The same revocation list, but published and signed by another issuer.
fixtures['bsl-other-issuer.json'] = await bslCredential({
  name: 'bsl-other-issuer', purpose: 'revocation', list: await bslList(1, [REVOKED]),
  key: keys.other
});
// A list whose validity ended before VERIFY_AT.
fixtures['bsl-expired.json'] = await bslCredential({
  name: 'bsl-expired', purpose: 'revocation', list: await bslList(1, [REVOKED]),
  extra: {validUntil: '2025-06-01T00:00:00Z'}
});
// A signed list whose encodedList was replaced after signing with one where
// nothing is revoked: the signature no longer matches.
{
  const signed = await bslCredential({
    name: 'bsl-bad-signature', purpose: 'revocation', list: await bslList(1, [REVOKED])
  });
  signed.credentialSubject.encodedList = await (await bslList(1, [])).encode();
  fixtures['bsl-bad-signature.json'] = signed;
}

// StatusList2021 (VC 1.1, CCG Final Report): plain base64url encodedList.
{
  const id = BASE + 'sl2021-revocation';
  const list = await sl2021.createList({length: ENTRIES});
  list.setStatus(SL2021_REVOKED, true);
  const unsigned = await sl2021.createCredential({id, list, statusPurpose: 'revocation'});
  unsigned['@context'].push('https://w3id.org/security/data-integrity/v2');
  fixtures['sl2021-revocation.json'] = await sign({
    ...unsigned,
    issuer: keys.issuer.controller,
    issuanceDate: VALID_FROM
  }, keys.issuer);
}

// Lists secured as JWTs, signed with jose by the issuer's did:key (EdDSA):
// VC-JOSE-COSE §3.1.1 (typ vc+jwt, the payload is the credential itself)
// and a VC-JWT in the VC 1.1 style (the credential in the `vc` claim, with
// iss, nbf and exp). Bitstring Status List §4 allows any secured form. The
// tampered one carries a list where nothing is revoked under the signature
// of the list where REVOKED is.
const jwtLists = {};
{
  const raw = await keys.issuer.export({publicKey: true, secretKey: true, raw: true});
  const b64u = b => Buffer.from(b).toString('base64url');
  const jwk = {kty: 'OKP', crv: 'Ed25519', x: b64u(raw.publicKey), d: b64u(raw.secretKey.subarray(0, 32))};
  const key = await jose.importJWK(jwk, 'EdDSA');
  const unix = s => Math.floor(Date.parse(s) / 1000);
  const unsignedList = async (name, positions) => ({
    ...await bsl.createCredential({id: BASE + name, list: await bslList(1, positions), statusPurpose: 'revocation'}),
    issuer: keys.issuer.controller, validFrom: VALID_FROM, validUntil: VALID_UNTIL
  });
  const sign = (payload, typ) => new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({alg: 'EdDSA', typ, kid: keys.issuer.id}).sign(key);
  jwtLists['bsl-revocation-jwt.jwt'] = await sign(await unsignedList('bsl-revocation-jwt', [REVOKED]), 'vc+jwt');
  const vcClaim = await unsignedList('bsl-revocation-vcjwt', [REVOKED]);
  jwtLists['bsl-revocation-vcjwt.jwt'] = await sign({iss: keys.issuer.controller, jti: vcClaim.id,
    nbf: unix(VALID_FROM), exp: unix(VALID_UNTIL), vc: vcClaim}, 'JWT');
  const [h, , sig] = (await sign(await unsignedList('bsl-tampered-jwt', [REVOKED]), 'vc+jwt')).split('.');
  const cleared = b64u(JSON.stringify(await unsignedList('bsl-tampered-jwt', [])));
  jwtLists['bsl-tampered-jwt.jwt'] = `${h}.${cleared}.${sig}`;
  const publicKey = await jose.importJWK({kty: 'OKP', crv: 'Ed25519', x: jwk.x}, 'EdDSA');
  for(const [file, token] of Object.entries(jwtLists)) {
    const ok = await jose.compactVerify(token, publicKey).then(() => true, () => false);
    if(ok !== (file !== 'bsl-tampered-jwt.jwt')) {
      throw new Error(`${file}: jose says verified=${ok}`);
    }
  }
}

// Credentials pointing into the lists, for end-to-end tests through the
// verifier. The credential id doubles as the scenario name.
function bslEntry(list, purpose, index, extra = {}) {
  return {
    id: `${BASE}${list}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: BASE + list,
    ...extra
  };
}
const MESSAGES = {
  statusSize: 2,
  statusMessage: [
    {status: '0x0', message: 'pending_review'},
    {status: '0x1', message: 'accepted'},
    {status: '0x2', message: 'rejected'},
    {status: '0x3', message: 'undefined'}
  ]
};
const credentials = {
  'credential-revoked.json': bslEntry('bsl-revocation', 'revocation', REVOKED),
  'credential-valid.json': bslEntry('bsl-revocation', 'revocation', VALID),
  'credential-suspended.json': bslEntry('bsl-suspension', 'suspension', SUSPENDED),
  'credential-message.json': bslEntry('bsl-message', 'message', MESSAGE_INDEX, MESSAGES),
  'credential-array.json': [
    bslEntry('bsl-revocation', 'revocation', VALID),
    bslEntry('bsl-suspension', 'suspension', SUSPENDED)
  ],
  'credential-other-issuer.json': bslEntry('bsl-other-issuer', 'revocation', VALID),
  'credential-bad-signature.json': bslEntry('bsl-bad-signature', 'revocation', REVOKED),
  'credential-expired-list.json': bslEntry('bsl-expired', 'revocation', VALID),
  'credential-jwt-list-revoked.json': bslEntry('bsl-revocation-jwt', 'revocation', REVOKED),
  'credential-jwt-list-valid.json': bslEntry('bsl-revocation-jwt', 'revocation', VALID),
  'credential-vcjwt-list-revoked.json': bslEntry('bsl-revocation-vcjwt', 'revocation', REVOKED),
  'credential-jwt-list-tampered.json': bslEntry('bsl-tampered-jwt', 'revocation', REVOKED),
  'credential-sl2021-revoked.json': {
    id: `${BASE}sl2021-revocation#${SL2021_REVOKED}`,
    type: 'StatusList2021Entry',
    statusPurpose: 'revocation',
    statusListIndex: String(SL2021_REVOKED),
    statusListCredential: BASE + 'sl2021-revocation'
  }
};
for(const [file, credentialStatus] of Object.entries(credentials)) {
  const name = file.replace(/\.json$/, '');
  const base = {
    id: `https://credentials.example/${name}`,
    type: ['VerifiableCredential'],
    issuer: keys.issuer.controller,
    credentialSubject: {id: 'did:example:learner'},
    credentialStatus
  };
  // StatusList2021 terms are defined for VC 1.1 only (its context).
  fixtures[file] = await sign(credentialStatus.type === 'StatusList2021Entry' ? {
    '@context': [
      'https://www.w3.org/2018/credentials/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      'https://w3id.org/security/data-integrity/v2'
    ],
    ...base,
    issuanceDate: VALID_FROM
  } : {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    ...base,
    validFrom: VALID_FROM
  }, keys.issuer);
}

// Self-check with the same libraries: every list verifies except the one
// whose signature was broken on purpose, and the library's own status check
// agrees with the indexes above.
for(const [file, doc] of Object.entries(fixtures)) {
  if(file.startsWith('bsl-') || file.startsWith('sl2021-')) {
    docs.set(doc.id, doc);
  }
}
for(const [file, doc] of Object.entries(fixtures)) {
  // The status of the credentials is checked below and by the Go tests;
  // here only their proofs and dates are.
  const r = await vc.verifyCredential({
    credential: doc, suite: suite(keys.issuer), documentLoader, now: VERIFY_AT,
    checkStatus: async () => ({verified: true})
  });
  const wantOK = file !== 'bsl-bad-signature.json' && file !== 'bsl-expired.json';
  if(r.verified !== wantOK) {
    throw new Error(`${file}: verified=${r.verified}, want ${wantOK}: ${r.error?.message}`);
  }
}
for(const [file, index, want] of [
  ['credential-revoked.json', REVOKED, true],
  ['credential-valid.json', VALID, false]
]) {
  const r = await bsl.checkStatus({
    credential: fixtures[file], documentLoader, suite: suite(keys.issuer),
    verifyBitstringStatusListCredential: true
  });
  if(!r.verified || r.results[0].status !== want) {
    throw new Error(`${file}: status at ${index} = ${r.results?.[0]?.status}, want ${want}: ${r.error?.message}`);
  }
}

await mkdir(out, {recursive: true});
for(const [file, doc] of Object.entries(fixtures)) {
  await writeFile(join(out, file), JSON.stringify(doc, null, 2) + '\n');
}
for(const [file, token] of Object.entries(jwtLists)) {
  await writeFile(join(out, file), token + '\n');
}
await writeFile(join(out, 'keys.json'), JSON.stringify({
  note: 'Public keys of the fixture issuers; seeds are in make-lists.mjs.',
  verifyAt: VERIFY_AT,
  issuer: {id: keys.issuer.controller, verificationMethod: keys.issuer.id,
    publicKeyMultibase: keys.issuer.publicKeyMultibase},
  other: {id: keys.other.controller, verificationMethod: keys.other.id,
    publicKeyMultibase: keys.other.publicKeyMultibase},
  indexes: {revoked: REVOKED, valid: VALID, suspended: SUSPENDED,
    message: MESSAGE_INDEX, sl2021Revoked: SL2021_REVOKED}
}, null, 2) + '\n');
console.log(`wrote ${Object.keys(fixtures).length + Object.keys(jwtLists).length + 1} files to ${out}`);

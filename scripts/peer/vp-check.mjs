// vp-check.mjs verifies a Verifiable Presentation with other people's code:
// Digital Bazaar's @digitalbazaar/vc for Data Integrity presentations and
// JSON-LD credentials, and the npm `jose` package for the JWTs (a VP-JWT,
// and credentials carried as JWTs). vp-verify.mjs is its command line;
// vp-make.mjs checks its fixtures with it before writing them.
//
// What each part checks:
//   - a Data Integrity presentation: vc.verify() with the challenge and
//     domain (AuthenticationProofPurpose), which also verifies every
//     embedded credential with vc.verifyCredential();
//   - an EnvelopedVerifiableCredential (VC 2.0 §4.13.1): vc.js does not open
//     data: URLs (it reports "type must include VerifiableCredential"), so
//     its token is checked here as a JWT credential;
//   - a VP-JWT (typ vp+jwt, VC-JOSE-COSE §3.2; or typ JWT with a vp claim,
//     VC 1.1 §6.3.1): jose.jwtVerify() with the kid's did:key, the challenge
//     as the nonce claim and the domain as aud;
//   - a JWT credential: jose.jwtVerify() with the kid's did:key, the kid's
//     DID must be the issuer, and vc.js's own credential checks
//     (_checkCredential: shape and validity dates) on the credential;
//   - holder binding, which vc.js leaves to its caller: the key that signed
//     the presentation must belong to its holder.
// Keys are did:key only, resolved offline (loader.mjs), as in the fixtures.
import * as vc from '@digitalbazaar/vc';
import * as jose from 'jose';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';

import { makeDocumentLoader } from './loader.mjs';

const documentLoader = makeDocumentLoader();
const suite = () => [
  new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
  new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
  new DataIntegrityProof({ cryptosuite: eddsaJcs2022.createVerifyCryptosuite() }),
  new DataIntegrityProof({ cryptosuite: ecdsaJcs2019.createVerifyCryptosuite() }),
  new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createVerifyCryptosuite() }),
  new Ed25519Signature2020(),
];
const idOf = (v) => (typeof v === 'string' ? v : v?.id);
const message = (e) => [...new Set((e?.errors ?? [e]).map((x) => x?.message ?? String(x)))].join('; ');

// didKeyPublicKey returns the public key of a did:key as a jose key and
// the algorithm it signs with (Ed25519: EdDSA, P-256: ES256).
async function didKeyPublicKey(did) {
  const multibase = did.slice('did:key:'.length);
  if (!did.startsWith('did:key:z')) {
    throw new Error(`${did} is not a did:key`);
  }
  const lib = multibase.startsWith('z6Mk') ? Ed25519Multikey : EcdsaMultikey;
  const keyPair = await lib.from({ type: 'Multikey', controller: did, id: `${did}#${multibase}`, publicKeyMultibase: multibase });
  const jwk = await lib.toJwk({ keyPair });
  const alg = jwk.kty === 'OKP' ? 'EdDSA' : { 'P-256': 'ES256', 'P-384': 'ES384' }[jwk.crv];
  return { key: await jose.importJWK(jwk, alg), alg };
}

// verifyJWT checks a compact JWS with the did:key its kid names and
// returns the payload and that DID.
async function verifyJWT(token, options = {}) {
  const { kid } = jose.decodeProtectedHeader(token);
  if (!kid) {
    throw new Error('the JOSE header has no kid');
  }
  const did = kid.split('#')[0];
  const { key, alg } = await didKeyPublicKey(did);
  const { payload } = await jose.jwtVerify(token, key, { algorithms: [alg], ...options });
  return { payload, did };
}

// checkJWTCredential verifies a VC-JWT (vc claim) or VC-JOSE credential.
async function checkJWTCredential(token, now) {
  try {
    const { payload, did } = await verifyJWT(token, now ? { currentDate: new Date(now) } : {});
    const credential = payload.vc ?? payload;
    const issuer = idOf(credential.issuer);
    if (payload.vc && payload.iss !== undefined && payload.iss !== issuer) {
      throw new Error(`iss ${payload.iss} is not the credential's issuer ${issuer}`);
    }
    if (issuer !== did) {
      throw new Error(`signed by ${did}, not by the issuer ${issuer}`);
    }
    vc._checkCredential({ credential, now: now ? new Date(now) : new Date() });
    return { verified: true, via: 'jose' };
  } catch (e) {
    return { verified: false, via: 'jose', error: message(e) };
  }
}

// dataURL returns the text of an RFC 2397 data: URL (a VC-JOSE envelope's
// id), or undefined.
function dataURL(url) {
  const m = /^data:([^,]*),(.*)$/s.exec(url ?? '');
  if (!m) {
    return undefined;
  }
  return m[1].endsWith(';base64') ? Buffer.from(m[2], 'base64').toString('utf8') : decodeURIComponent(m[2]);
}

const isEnveloped = (c) => typeof c === 'object' && [c.type].flat().includes('EnvelopedVerifiableCredential');

// checkCredentials verifies the credentials of a presentation that are not
// (or, for a JWT presentation, none of which are) verified by vc.verify.
async function checkCredential(c, now) {
  if (typeof c === 'string') {
    return checkJWTCredential(c, now);
  }
  if (isEnveloped(c)) {
    const token = dataURL(c.id);
    return token ? checkJWTCredential(token, now) : { verified: false, via: 'data: URL', error: 'not a data: URL' };
  }
  const r = await vc.verifyCredential({ credential: c, suite: suite(), documentLoader, ...(now ? { now } : {}) });
  return { verified: r.verified, via: 'vc.js', ...(r.verified ? {} : { error: message(r.error) }) };
}

// checkPresentation verifies a presentation given as a JSON object (Data
// Integrity) or a compact JWS string (VP-JWT). It returns {verified,
// presentation: {verified, error?}, credentials: [{verified, via, error?}]}.
export async function checkPresentation(input, { challenge, domain, now } = {}) {
  const credentials = [];
  let presentation;
  if (typeof input === 'string') {
    presentation = await checkVPJWT(input, { challenge, domain, now }, credentials);
  } else {
    const r = await vc.verify({ presentation: input, challenge, domain, suite: suite(), documentLoader, ...(now ? { now } : {}) });
    const proof = [input.proof].flat()[0];
    presentation = { verified: r.presentationResult?.verified === true };
    if (!presentation.verified) {
      presentation.error = message(r.presentationResult?.error ?? r.error);
    } else if (input.holder && idOf(proof?.verificationMethod)?.split('#')[0] !== idOf(input.holder)) {
      presentation = { verified: false, error: `signed by ${idOf(proof.verificationMethod)}, not by the holder ${idOf(input.holder)}` };
    }
    const items = [input.verifiableCredential ?? []].flat();
    for (const [i, c] of items.entries()) {
      const cr = r.credentialResults?.[i];
      credentials.push(
        isEnveloped(c) || !cr ? await checkCredential(c, now) : { verified: cr.verified, via: 'vc.js', ...(cr.verified ? {} : { error: message(cr.error) }) },
      );
    }
  }
  const verified = presentation.verified && credentials.every((c) => c.verified);
  return { verified, presentation, credentials };
}

// checkVPJWT verifies a VP-JWT's signature, holder, nonce and aud, and
// pushes the results of its credentials.
async function checkVPJWT(token, { challenge, domain, now }, credentials) {
  let vp;
  const result = { verified: false };
  try {
    const { payload, did } = await verifyJWT(token, {
      ...(now ? { currentDate: new Date(now) } : {}),
      ...(domain ? { audience: domain } : {}),
    });
    const header = jose.decodeProtectedHeader(token);
    vp = header.typ === 'vp+jwt' ? payload : payload.vp;
    if (!vp) {
      throw new Error('no presentation in the token (typ vp+jwt, or a vp claim)');
    }
    vc._checkPresentation(vp);
    const holder = idOf(vp.holder) ?? payload.iss;
    if (payload.iss !== undefined && payload.iss !== holder) {
      throw new Error(`iss ${payload.iss} is not the holder ${holder}`);
    }
    if (holder !== did) {
      throw new Error(`signed by ${did}, not by the holder ${holder}`);
    }
    if (challenge !== undefined && payload.nonce !== challenge) {
      throw new Error(`nonce ${JSON.stringify(payload.nonce)} is not the challenge ${JSON.stringify(challenge)}`);
    }
    result.verified = true;
  } catch (e) {
    result.error = message(e);
  }
  for (const c of [vp?.verifiableCredential ?? []].flat()) {
    credentials.push(await checkCredential(c, now));
  }
  return result;
}

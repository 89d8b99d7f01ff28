// verify.mjs checks a credential with Digital Bazaar's stack: the reverse
// direction of the peer tests (what ClearBadge signs must verify elsewhere).
//
//	node scripts/peer/verify.mjs [--now ISO-TIME] FILE
//
// It prints the vc.js result as one JSON line, {"verified": bool, "error":
// "..."}, and exits 0 when the credential verified, 1 when it did not and 2
// for bad usage or an unreadable file. Proofs: DataIntegrityProof
// (eddsa-rdfc-2022, ecdsa-rdfc-2019) and Ed25519Signature2020. Offline: the
// contexts are ClearBadge's bundled ones and did:key is resolved from the
// DID itself (loader.mjs).
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';

import {makeDocumentLoader} from './loader.mjs';

let credential, now;
try {
  const {values, positionals} = parseArgs({options: {now: {type: 'string'}}, allowPositionals: true});
  if(positionals.length !== 1) {
    throw new Error('usage: node scripts/peer/verify.mjs [--now ISO-TIME] FILE');
  }
  credential = JSON.parse(readFileSync(positionals[0], 'utf8'));
  now = values.now;
} catch(e) {
  console.error(e.message);
  process.exit(2);
}

const result = await vc.verifyCredential({
  credential,
  suite: [
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new Ed25519Signature2020()
  ],
  documentLoader: makeDocumentLoader(),
  ...(now ? {now} : {})
});
const error = result.error?.errors?.map(e => e.message).join('; ') ?? result.error?.message;
console.log(JSON.stringify({verified: result.verified, ...(error ? {error} : {})}));
process.exit(result.verified ? 0 : 1);

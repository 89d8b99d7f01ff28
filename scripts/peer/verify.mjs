// verify.mjs checks a credential with Digital Bazaar's stack: the reverse
// direction of the peer tests (what ClearBadge signs must verify elsewhere).
//
//	node scripts/peer/verify.mjs [--now ISO-TIME] [--challenge C --domain D] FILE
//
// FILE is a credential, or a presentation (type VerifiablePresentation),
// whose holder's proof must carry the given challenge and domain. It prints
// the vc.js result as one JSON line, {"verified": bool, "error": "..."}, and
// exits 0 when it verified, 1 when it did not and 2 for bad usage or an
// unreadable file. Proofs: DataIntegrityProof (eddsa-rdfc-2022,
// ecdsa-rdfc-2019, eddsa-jcs-2022, ecdsa-jcs-2019, ecdsa-sd-2023) and
// Ed25519Signature2020/2018. Offline: the
// contexts are ClearBadge's bundled ones and did:key is resolved from the
// DID itself (loader.mjs).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as eddsaJcs2022 from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as ecdsaJcs2019 from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import * as ecdsaSd2023 from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519Signature2018 } from '@digitalbazaar/ed25519-signature-2018';

import { makeDocumentLoader } from './loader.mjs';

let doc, args;
try {
  const { values, positionals } = parseArgs({
    options: { now: { type: 'string' }, challenge: { type: 'string' }, domain: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    throw new Error('usage: node scripts/peer/verify.mjs [--now ISO-TIME] [--challenge C --domain D] FILE');
  }
  doc = JSON.parse(readFileSync(positionals[0], 'utf8'));
  args = values;
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

const common = {
  suite: [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }),
    new DataIntegrityProof({ cryptosuite: eddsaJcs2022.createVerifyCryptosuite() }),
    new DataIntegrityProof({ cryptosuite: ecdsaJcs2019.createVerifyCryptosuite() }),
    new DataIntegrityProof({ cryptosuite: ecdsaSd2023.createVerifyCryptosuite() }),
    new Ed25519Signature2020(),
    new Ed25519Signature2018(),
  ],
  documentLoader: makeDocumentLoader(),
  ...(args.now ? { now: args.now } : {}),
};
const isPresentation = [doc.type].flat().includes('VerifiablePresentation');
const result = isPresentation
  ? await vc.verify({ presentation: doc, challenge: args.challenge, domain: args.domain, ...common })
  : await vc.verifyCredential({ credential: doc, ...common });
const errors = [result.error, result.presentationResult?.error, ...(result.credentialResults ?? []).map((r) => r.error)]
  .filter(Boolean)
  .flatMap((e) => e.errors ?? [e])
  .map((e) => e.message);
const error = [...new Set(errors)].join('; ');
console.log(JSON.stringify({ verified: result.verified, ...(error ? { error } : {}) }));
process.exit(result.verified ? 0 : 1);

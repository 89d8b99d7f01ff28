// Digital Bazaar's @digitalbazaar/vc in the Node bench, beside ClearBadge and
// verifier-core: vc.verifyCredential with the Data Integrity suites it ships
// (the set scripts/peer/verify.mjs uses), offline, with the peer scripts'
// document loader (ClearBadge's bundled contexts, did:key from the DID).
// Like the other two, it parses the credential text on every call.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { makeDocumentLoader } from '../../scripts/peer/loader.mjs';

const suite = [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }), new Ed25519Signature2020()];
const documentLoader = makeDocumentLoader();

export async function verify(text) {
  const r = await vc.verifyCredential({ credential: JSON.parse(text), suite, documentLoader });
  return r.verified ? 'verified' : 'not-verified';
}

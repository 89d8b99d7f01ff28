// Writes the expected canonical N-Quads of every *.json document in this
// directory, as jsonld.js (the JSON-LD library under Digital Bazaar's vc and
// Data Integrity packages) produces them: NAME.nq, or NAME.error with its
// message when jsonld.js refuses the document in safe mode. NAME.sha384.nq
// is the same with RDFC-1.0's hash set to SHA-384, as Digital Bazaar's
// ecdsa-rdfc-2019 does for P-384 keys. The contexts are
// the bundled ones (../contexts, per manifest.json), served by the peer scripts'
// offline loader; nothing is fetched.
//
// Run from the repository root after `npm ci`:
//   node core/internal/jsonld/testdata/gen.mjs
// TestDifferentialJSONLDJS (differential_test.go) compares Canonicalize with
// these files, so the Go tests need no node.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import {makeDocumentLoader} from '../../../../scripts/peer/loader.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const documentLoader = makeDocumentLoader();

console.log(`jsonld ${JSON.parse(fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.resolve('jsonld'))), '..', 'package.json'), 'utf8')).version}`);
for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
  const base = path.join(dir, name.slice(0, -'.json'.length));
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  fs.rmSync(base + '.nq', {force: true});
  fs.rmSync(base + '.error', {force: true});
  fs.rmSync(base + '.sha384.nq', {force: true});
  try {
    const options = {algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, documentLoader};
    const nq = await jsonld.canonize(doc, options);
    fs.writeFileSync(base + '.nq', nq);
    // jsonld.canonize does not pass the hash on; the ecdsa-rdfc-2019 suite
    // calls rdf-canonize itself, as here.
    const dataset = await jsonld.toRDF(doc, {safe: true, documentLoader, rdfDirection: 'i18n-datatype'});
    fs.writeFileSync(base + '.sha384.nq', await rdfCanonize.canonize(dataset,
      {algorithm: 'RDFC-1.0', format: 'application/n-quads', messageDigestAlgorithm: 'SHA-384'}));
    console.log(`${name}: ${nq.split('\n').length - 1} quads`);
  } catch (e) {
    const code = e.details?.event?.code;
    fs.writeFileSync(base + '.error', `${e.message}${code ? ` (${code})` : ''}\n`);
    console.log(`${name}: refused: ${e.message}${code ? ` (${code})` : ''}`);
  }
}

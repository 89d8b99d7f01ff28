// Writes the expected canonical N-Quads of every *.json document in this
// directory, as jsonld.js (the JSON-LD library under Digital Bazaar's vc and
// Data Integrity packages) produces them: NAME.nq, or NAME.error with its
// message when jsonld.js refuses the document in safe mode. The contexts are
// the bundled ones (../contexts, per manifest.json), served by the peer scripts'
// offline loader; nothing is fetched.
//
// Run from the repository root after `npm ci`:
//   node core/jsonld/testdata/gen.mjs
// TestDifferentialJSONLDJS (differential_test.go) compares Canonicalize with
// these files, so the Go tests need no node.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import {makeDocumentLoader} from '../../../scripts/peer/loader.mjs';

const dir = path.dirname(fileURLToPath(import.meta.url));
const documentLoader = makeDocumentLoader();

console.log(`jsonld ${JSON.parse(fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.resolve('jsonld'))), '..', 'package.json'), 'utf8')).version}`);
for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
  const base = path.join(dir, name.slice(0, -'.json'.length));
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  fs.rmSync(base + '.nq', {force: true});
  fs.rmSync(base + '.error', {force: true});
  try {
    const nq = await jsonld.canonize(doc, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, documentLoader
    });
    fs.writeFileSync(base + '.nq', nq);
    console.log(`${name}: ${nq.split('\n').length - 1} quads`);
  } catch (e) {
    const code = e.details?.event?.code;
    fs.writeFileSync(base + '.error', `${e.message}${code ? ` (${code})` : ''}\n`);
    console.log(`${name}: refused: ${e.message}${code ? ` (${code})` : ''}`);
  }
}

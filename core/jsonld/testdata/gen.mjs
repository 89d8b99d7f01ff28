// Writes the expected canonical N-Quads of every *.json document in this
// directory, as jsonld.js (the JSON-LD library under Digital Bazaar's vc and
// Data Integrity packages) produces them: NAME.nq, or NAME.error with its
// message when jsonld.js refuses the document in safe mode. The contexts are
// the bundled ones (../contexts, per manifest.json); nothing is fetched.
//
// Run from the repository root after `npm ci`:
//   node core/jsonld/testdata/gen.mjs
// TestDifferentialJSONLDJS (differential_test.go) compares Canonicalize with
// these files, so the Go tests need no node.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';

const dir = path.dirname(fileURLToPath(import.meta.url));
const contexts = path.join(dir, '..', 'contexts');
const manifest = JSON.parse(fs.readFileSync(path.join(contexts, 'manifest.json'), 'utf8'));
const files = new Map();
for (const c of manifest.contexts) {
  for (const u of c.urls) files.set(u, c.file);
}
const documentLoader = async url => {
  const file = files.get(url);
  if (!file) {
    throw new Error(`not bundled: ${url}`);
  }
  const document = JSON.parse(fs.readFileSync(path.join(contexts, file), 'utf8'));
  return {contextUrl: null, documentUrl: url, document};
};

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

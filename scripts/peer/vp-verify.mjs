// vp-verify.mjs checks a presentation made by ClearBadge (or anyone) with
// Digital Bazaar's vc.js and the npm jose package (vp-check.mjs says what
// each checks): the direction "what ClearBadge presents verifies elsewhere".
//
//	node scripts/peer/vp-verify.mjs --challenge C [--domain D] [--now ISO-TIME] FILE...
//
// Each FILE is a JSON presentation with a Data Integrity proof, or a
// VP-JWT. For each it prints one JSON line, {"file": FILE, "verified":
// bool, "presentation": {...}, "credentials": [...]}; it exits 0 when every
// file verified, 1 when one did not and 2 for bad usage or an unreadable
// file (several files in one run spare node's start-up time). Offline: the
// contexts are ClearBadge's bundled ones and did:key is resolved from the
// DID itself (loader.mjs).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { checkPresentation } from './vp-check.mjs';

let inputs, args;
try {
  const { values, positionals } = parseArgs({
    options: { now: { type: 'string' }, challenge: { type: 'string' }, domain: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length === 0 || values.challenge === undefined) {
    throw new Error('usage: node scripts/peer/vp-verify.mjs --challenge C [--domain D] [--now ISO-TIME] FILE...');
  }
  inputs = positionals.map((file) => {
    const text = readFileSync(file, 'utf8').trim();
    return { file, input: text.startsWith('{') ? JSON.parse(text) : text };
  });
  args = values;
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

let all = true;
for (const { file, input } of inputs) {
  const result = await checkPresentation(input, args);
  all &&= result.verified;
  console.log(JSON.stringify({ file, ...result }));
}
process.exit(all ? 0 : 1);

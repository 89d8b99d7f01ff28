// vp-verify.mjs checks a presentation made by ClearBadge (or anyone) with
// Digital Bazaar's vc.js and the npm jose package (vp-check.mjs says what
// each checks): the direction "what ClearBadge presents verifies elsewhere".
//
//	node scripts/peer/vp-verify.mjs --challenge C [--domain D] [--now ISO-TIME] FILE
//
// FILE is a JSON presentation with a Data Integrity proof, or a VP-JWT. It
// prints one JSON line, {"verified": bool, "presentation": {...},
// "credentials": [...]}, and exits 0 when everything verified, 1 when
// something did not and 2 for bad usage or an unreadable file. Offline: the
// contexts are ClearBadge's bundled ones and did:key is resolved from the
// DID itself (loader.mjs).
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';

import {checkPresentation} from './vp-check.mjs';

let input, args;
try {
  const {values, positionals} = parseArgs({
    options: {now: {type: 'string'}, challenge: {type: 'string'}, domain: {type: 'string'}},
    allowPositionals: true
  });
  if(positionals.length !== 1 || values.challenge === undefined) {
    throw new Error('usage: node scripts/peer/vp-verify.mjs --challenge C [--domain D] [--now ISO-TIME] FILE');
  }
  const text = readFileSync(positionals[0], 'utf8').trim();
  input = text.startsWith('{') ? JSON.parse(text) : text;
  args = values;
} catch(e) {
  console.error(e.message);
  process.exit(2);
}

const result = await checkPresentation(input, args);
console.log(JSON.stringify(result));
process.exit(result.verified ? 0 : 1);

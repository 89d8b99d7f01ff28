// The wallet accepts credentials secured with every proof suite the
// verifier knows (made by Digital Bazaar's npm suites, testdata/peer):
// each card is verified, and a tampered twin of each newer suite is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, peer, openWallet, unlock, waitForCards, importFiles, sharedWallet } from './helpers.mjs';

const shared = sharedWallet();

const GOOD = [
  'ob-eddsa-jcs-2022.json',
  'ob-ecdsa-jcs-2019-p256.json',
  'ob-ecdsa-jcs-2019-p384.json',
  'ob-v1-ed25519signature2018.json',
  'ob-ecdsa-rdfc-2019-p384-blank-nodes.json',
  'ob-ecdsa-sd-2023-some.json',
];
const BAD = ['di-eddsa-jcs-tampered.json', 'di-ed2018-tampered.json', 'di-ecdsa-sd-2023-tampered.json'];

test('every newer suite imports with its verdict', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
  await unlock(page);
  await importFiles(page, [...GOOD, ...BAD].map(peer));
  const got = await waitForCards(page, GOOD.length + BAD.length);
  const verdicts = got.map((c) => c.verdict).sort();
  assert.deepEqual(verdicts, [...Array(BAD.length).fill('not-verified'), ...Array(GOOD.length).fill('verified')]);
  const out = path.join(root, 'tests', 'out');
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, 'wallet-suites.png'), fullPage: true });
  await page.close();
});

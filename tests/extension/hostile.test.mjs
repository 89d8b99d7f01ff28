// The wallet with hostile credentials (issue 10): verification runs in the
// offscreen document's worker, never on the service worker's message path,
// so the wallet lists its credentials at once while a slow credential is
// being checked, and a verification that passes its timeout says so on its
// card. The corpus comes from internal/hostile (scripts/hostile).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards } from './helpers.mjs';

let profile;
let w;
const corpus = path.join(root, 'tests', 'out', 'hostile');

before(async () => {
  requireBuild();
  execFileSync('go', ['run', './scripts/hostile', '-out', corpus], { cwd: root, stdio: 'inherit' });
  profile = newProfile();
  w = await launchWallet(profile);
});

after(async () => {
  await w?.ctx.close();
  removeProfile(profile);
});

const item = (file) => ({ text: readFileSync(file, 'utf8'), source: path.basename(file) });

test('while a hostile credential is verified the wallet answers at once, and a timeout shows on its card', async () => {
  const page = await openWallet(w.ctx, w.id);
  await unlock(page);
  const send = (msg) => page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  let r = await send({ op: 'import', items: [item(peer('ob-eddsa-rdfc-2022.json'))] });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.added[0].verdict, 'verified');

  // A verification that takes longer than this is stopped: a record of 128
  // credentials (the cap) does, each one being verified in the wasm.
  await w.sw.evaluate(() => {
    verifyTimeoutMs = 300;
  });
  // The import is sent, then list; the time is taken in the page, from
  // sending list to its answer.
  const listed = await page.evaluate(
    async (it) => {
      window.importing = chrome.runtime.sendMessage({ op: 'import', items: [it] });
      const t0 = performance.now();
      const answer = await chrome.runtime.sendMessage({ op: 'list' });
      return { answer, ms: performance.now() - t0 };
    },
    item(path.join(corpus, 'clr-128.json')),
  );
  assert.equal(listed.answer.ok, true);
  assert.equal(listed.answer.credentials.length, 1);
  assert.ok(listed.ms < 1000, `list took ${listed.ms} ms while a credential was being verified`);
  const importing = page.evaluate(() => window.importing);
  assert.equal((await send({ op: 'status' })).state, 'unlocked');

  r = await importing;
  assert.equal(r.ok, true, JSON.stringify(r).slice(0, 500));
  assert.equal(r.added.length, 1, 'a timed-out credential is kept, with its card saying why');
  assert.equal(r.added[0].verdict, 'error');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.view === 'wallet');
  const got = await waitForCards(page, 2);
  assert.deepEqual(got.map((c) => c.verdict).sort(), ['error', 'verified']);
  const text = await page.textContent('#credentials');
  assert.match(text, /stopped after 0\.3 seconds/);

  // The verifier was restarted: the next verification works.
  await w.sw.evaluate(() => {
    verifyTimeoutMs = 20000;
  });
  r = await send({ op: 'verify', item: item(path.join(corpus, 'proofs-1000.json')) });
  assert.equal(r.ok, true);
  assert.equal(r.verdict, 'not-verified');
  assert.match(JSON.stringify(r.report.checks), /1000 signatures, more than the 16/);
  await page.screenshot({ path: path.join(root, 'tests', 'out', 'wallet-timeout.png'), fullPage: true });
  await page.close();
});

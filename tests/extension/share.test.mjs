// Sharing from the wallet: a presentation signed with the learner's holder key
// (made on first use and kept in the encrypted store) for a verifier's
// challenge and domain, checked by the CLI (`clearbadge verify --challenge C
// --domain D`); and a badge downloaded baked into PNG and SVG, which the CLI
// verifies too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  root,
  peer,
  requireBuild,
  newProfile,
  removeProfile,
  launchWallet,
  openWallet,
  unlock,
  waitForCards,
  importFiles,
  stored,
  statusText,
} from './helpers.mjs';

let profile;
let w;
let cli;
let dir;

before(async () => {
  requireBuild();
  dir = mkdtempSync(path.join(tmpdir(), 'cb-share-'));
  cli = path.join(dir, 'clearbadge');
  execFileSync('go', ['build', '-o', cli, './cmd/clearbadge'], { cwd: root, stdio: 'inherit' });
  profile = newProfile();
  w = await launchWallet(profile);
});

after(async () => {
  await w?.ctx.close();
  removeProfile(profile);
});

function verifyWithCLI(file, ...flags) {
  const r = spawnSync(cli, ['verify', ...flags, file], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

test('share: a signed presentation for a challenge and domain verifies with the CLI', async () => {
  const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
  await unlock(page);
  await importFiles(page, [peer('ob-eddsa-rdfc-2022.json'), peer('jwt-eddsa-didkey.jwt')]);
  await waitForCards(page, 2);
  assert.match(await page.textContent('#holder'), /made the first time you share/);

  // Select both by keyboard (Space on each checkbox).
  for (const el of await page.$$('[data-pick]')) {
    await el.focus();
    await page.keyboard.press('Space');
  }
  assert.match(await page.textContent('#picked'), /2 selected/);
  await page.fill('#challenge', 'c-8f3a1e');
  await page.fill('#domain', 'jobs.example.com');
  await page.click('#present');
  await page.waitForSelector('#vp-out:not([hidden])', { timeout: 30000 });
  const vp = await page.inputValue('#vp');
  const doc = JSON.parse(vp);
  assert.equal(doc.verifiableCredential.length, 2);
  assert.match(doc.holder, /^did:key:z6Mk/);
  assert.match(await page.textContent('#holder'), new RegExp(doc.holder));

  // The holder key is stored, encrypted: not in the clear at rest.
  const raw = JSON.stringify(await stored(w.sw));
  assert.ok(!raw.includes(doc.holder), 'the holder key is encrypted at rest');

  // Downloaded file = the text shown.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#vp-download')]);
  const file = path.join(dir, 'vp.json');
  copyFileSync(await dl.path(), file);
  assert.equal(readFileSync(file, 'utf8'), vp);

  const ok = verifyWithCLI(file, '--challenge', 'c-8f3a1e', '--domain', 'jobs.example.com');
  assert.equal(ok.code, 0, ok.out);
  const replay = verifyWithCLI(file, '--challenge', 'another-challenge', '--domain', 'jobs.example.com');
  assert.notEqual(replay.code, 0, 'a different challenge must not verify');

  // The same holder key signs the next presentation.
  await page.click('#present');
  await statusText(page, /signed by your holder key/);
  assert.equal(JSON.parse(await page.inputValue('#vp')).holder, doc.holder);
  await page.close();
});

test('share: a badge downloaded baked into PNG and SVG verifies with the CLI and imports again', async () => {
  const page = await openWallet(w.ctx, w.id);
  await waitForCards(page, 2);
  const cardSel = '#credentials > li:has(h3)';
  const first = page.locator(cardSel).first();
  for (const fmt of ['png', 'svg']) {
    const [dl] = await Promise.all([page.waitForEvent('download'), first.locator(`[data-action="bake-${fmt}"]`).click()]);
    const file = path.join(dir, `baked.${fmt}`);
    copyFileSync(await dl.path(), file);
    const head = readFileSync(file).subarray(0, 8);
    if (fmt === 'png') assert.deepEqual([...head.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const r = verifyWithCLI(file);
    assert.equal(r.code, 0, r.out);
  }
  await importFiles(page, [path.join(dir, 'baked.png')]);
  const got = await waitForCards(page, 3);
  assert.ok(got.every((c) => c.verdict === 'verified'));
  await page.close();
});

test('share: nothing selected gives a clear message', async () => {
  const page = await openWallet(w.ctx, w.id);
  await waitForCards(page, 3);
  await page.click('#present');
  await statusText(page, /Select at least one credential/);
  await page.close();
});

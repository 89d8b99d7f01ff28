// The wallet extension in headless Chromium: create, import and verify, lock
// and unlock, a service-worker restart and a browser restart with every
// credential intact, and the failures that must change nothing stored (wrong
// passphrase, corrupted storage, malformed import, wrong backup passphrase),
// plus an encrypted backup that round-trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PASS,
  peer,
  sample,
  newProfile,
  removeProfile,
  launchWallet,
  openWallet,
  submitPassphrase,
  unlock,
  cards,
  waitForCards,
  importFiles,
  stored,
  statusText,
  sharedWallet,
} from './helpers.mjs';

const shared = sharedWallet();

const VALID = [peer('ob-eddsa-rdfc-2022.json'), peer('jwt-eddsa-didkey.jwt'), sample('sample.json')];

test('first use: the passphrase form creates the wallet, encrypted at rest', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  assert.equal(await page.getAttribute('body', 'data-view'), 'locked');
  assert.match(await page.textContent('h1'), /Create your wallet/);
  assert.deepEqual(await stored(shared.w.sw), {}, 'nothing stored before the wallet is created');
  await unlock(page);
  const s = await stored(shared.w.sw);
  assert.deepEqual(Object.keys(s), ['wallet']);
  assert.equal(s.wallet.kdf.name, 'PBKDF2');
  assert.ok(s.wallet.kdf.iterations >= 310000);
  assert.ok(!JSON.stringify(s).includes('credentials'), 'the store is not readable at rest');
  await page.close();
});

test('import valid and tampered credentials: each card has its verdict', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  assert.equal(await page.getAttribute('body', 'data-view'), 'wallet', 'still unlocked in a new tab');
  await importFiles(page, [...VALID, peer('di-tampered.json')]);
  const got = await waitForCards(page, 4);
  assert.deepEqual(got.map((c) => c.verdict).sort(), ['not-verified', 'verified', 'verified', 'verified']);
  // At rest, no credential text appears.
  const raw = JSON.stringify(await stored(shared.w.sw));
  assert.ok(!/OpenBadgeCredential|did:key/.test(raw), 'credential content is encrypted at rest');
  // Importing the same file again adds nothing.
  await importFiles(page, [peer('ob-eddsa-rdfc-2022.json')]);
  await statusText(page, /Already in the wallet/);
  assert.equal((await cards(page)).length, 4);
  await page.close();
});

test('re-verify on demand, search and filter', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
  await waitForCards(page, 4);
  await page.click('#reverify-all');
  await statusText(page, /Checked 4: 3 verified and 1 not verified/);
  await page.selectOption('#filter', 'not-verified');
  assert.deepEqual(
    (await cards(page)).map((c) => c.verdict),
    ['not-verified'],
  );
  await page.selectOption('#filter', 'all');
  const title = (await cards(page))[0].title;
  await page.fill('#search', title.slice(0, 8));
  assert.ok((await cards(page)).every((c) => c.title.includes(title.slice(0, 8))));
  await page.fill('#search', 'zzz-no-such-credential');
  assert.equal((await cards(page)).length, 0);
  assert.match(await page.textContent('#empty'), /No credential matches/);
  await page.close();
});

test('delete with undo, by keyboard', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  await waitForCards(page, 4);
  const before = await cards(page);
  await page.focus('#credentials > li:first-child [data-action="delete"]');
  await page.keyboard.press('Enter');
  await waitForCards(page, 3);
  await page.click('#undo');
  const after = await waitForCards(page, 4);
  assert.deepEqual(after, before, 'undo puts it back in its place');
  await page.close();
});

test('lock, wrong passphrase changes nothing, unlock shows everything', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  const snapshot = await stored(shared.w.sw);
  await page.click('#lock');
  await page.waitForSelector('input[type=password][name=passphrase]');
  assert.equal(await page.$$eval('[data-verdict]', (e) => e.length), 0, 'nothing shown while locked');
  await submitPassphrase(page, 'not the passphrase');
  await page.waitForFunction(() => /Wrong passphrase/.test(document.querySelector('#unlock-error').textContent));
  assert.deepEqual(await stored(shared.w.sw), snapshot, 'a wrong passphrase changes nothing stored');
  await unlock(page);
  assert.equal((await waitForCards(page, 4)).length, 4);
  await page.close();
});

test('malformed imports give a clear message and change nothing', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  await waitForCards(page, 4);
  const snapshot = await stored(shared.w.sw);
  const dir = mkdtempSync(path.join(tmpdir(), 'cb-bad-'));
  const bad = path.join(dir, 'not-a-credential.json');
  writeFileSync(bad, '{"hello": "world"');
  await importFiles(page, [bad]);
  await statusText(page, /not-a-credential\.json was not imported/);
  assert.deepEqual(await stored(shared.w.sw), snapshot);
  // A file that looks like a backup but is not one.
  const fake = path.join(dir, 'fake-backup.json');
  writeFileSync(fake, '{"format":"clearbadge-wallet-backup","v":1,"wallet":{"format":"x"}}');
  await importFiles(page, [fake]);
  await page.fill('#backup-pass', PASS);
  await page.press('#backup-pass', 'Enter');
  await statusText(page, /not a ClearBadge wallet backup/);
  assert.deepEqual(await stored(shared.w.sw), snapshot);
  assert.equal((await cards(page)).length, 4);
  await page.close();
});

test('the service worker restarts: the wallet is intact', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  await waitForCards(page, 4);
  const cdp = await shared.w.ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.view, null, { timeout: 20000 });
  // The key survives in chrome.storage.session (memory only) so the wallet
  // stays open across the worker's restarts, within the idle limit.
  assert.equal(await page.getAttribute('body', 'data-view'), 'wallet');
  const got = await waitForCards(page, 4);
  assert.deepEqual(got.map((c) => c.verdict).sort(), ['not-verified', 'verified', 'verified', 'verified']);
  await page.click('#reverify-all');
  await statusText(page, /Checked 4: 3 verified/);
  await page.close();
});

test('backup: export, then restore into a fresh wallet; a wrong backup passphrase changes nothing', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  await waitForCards(page, 4);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const file = await dl.path();
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(backup.format, 'clearbadge-wallet-backup');
  assert.ok(!JSON.stringify(backup).includes('did:key'), 'the backup is encrypted');
  await page.close();

  const other = newProfile();
  const w2 = await launchWallet(other);
  try {
    const p2 = await openWallet(w2.ctx, w2.id);
    await unlock(p2, 'another passphrase');
    const named = path.join(mkdtempSync(path.join(tmpdir(), 'cb-bk-')), 'backup.json');
    writeFileSync(named, readFileSync(file));
    const snapshot = await stored(w2.sw);
    await importFiles(p2, [named]);
    await p2.fill('#backup-pass', 'wrong');
    await p2.press('#backup-pass', 'Enter');
    await statusText(p2, /does not open this backup/);
    assert.deepEqual(await stored(w2.sw), snapshot, 'a wrong backup passphrase changes nothing');
    await p2.fill('#backup-pass', PASS);
    await p2.press('#backup-pass', 'Enter');
    await statusText(p2, /4 added/);
    const got = await waitForCards(p2, 4);
    assert.deepEqual(got.map((c) => c.verdict).sort(), ['not-verified', 'verified', 'verified', 'verified']);
  } finally {
    await w2.ctx.close();
    removeProfile(other);
  }
});

test('browser restart: locked, and every credential intact after unlocking', async () => {
  const before = await (async () => {
    const p = await openWallet(shared.w.ctx, shared.w.id);
    const c = await waitForCards(p, 4);
    await p.close();
    return c;
  })();
  await shared.w.ctx.close();
  shared.w = await launchWallet(shared.profile);
  const page = await openWallet(shared.w.ctx, shared.w.id);
  assert.equal(await page.getAttribute('body', 'data-view'), 'locked', 'a new browser session starts locked');
  assert.match(await page.textContent('h1'), /Unlock your wallet/);
  await unlock(page);
  assert.deepEqual(await waitForCards(page, 4), before);
  await page.close();
});

test('a corrupted storage entry gives a clear message and changes nothing', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id);
  await waitForCards(page, 4);
  await page.click('#lock');
  await page.waitForSelector('input[type=password][name=passphrase]');
  // Flip bytes inside the encrypted data.
  const corrupted = await shared.w.sw.evaluate(async () => {
    const { wallet } = await chrome.storage.local.get('wallet');
    const ct = atob(wallet.data.ct);
    const mid = ct.length >> 1;
    wallet.data.ct = btoa(ct.slice(0, mid) + String.fromCharCode(ct.charCodeAt(mid) ^ 0xff) + ct.slice(mid + 1));
    await chrome.storage.local.set({ wallet });
    return chrome.storage.local.get(null);
  });
  await submitPassphrase(page, PASS);
  await page.waitForFunction(() => /damaged/.test(document.querySelector('#unlock-error').textContent));
  assert.deepEqual(await stored(shared.w.sw), corrupted, 'nothing stored changed');
  assert.equal(await page.getAttribute('body', 'data-view'), 'locked');
  // A structurally broken record is reported before any passphrase.
  await shared.w.sw.evaluate(() => chrome.storage.local.set({ wallet: { format: 'clearbadge-wallet', v: 1, kdf: 'x' } }));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.view === 'locked');
  assert.match(await page.textContent('#unlock-error'), /damaged/);
  await page.close();
});

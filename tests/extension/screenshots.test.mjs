// Screenshots of the wallet (tests/out/extension-*.png; `make screenshots`
// copies them to docs/screenshots for the README): the locked popup, the
// popup with credentials, and the full wallet page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards, importFiles } from './helpers.mjs';

const shots = path.join(root, 'tests', 'out');
let profile;
let w;

before(async () => {
  requireBuild();
  mkdirSync(shots, { recursive: true });
  profile = newProfile();
  w = await launchWallet(profile);
});

after(async () => {
  await w?.ctx.close();
  removeProfile(profile);
});

test('screenshots: popup (locked and open) and the wallet page', async () => {
  const popup = await openWallet(w.ctx, w.id);
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.screenshot({ path: path.join(shots, 'extension-popup-locked.png') });
  await unlock(popup);
  await importFiles(popup, [peer('ob-eddsa-rich.json'), peer('jwt-rs256-jwk.jwt'), peer('di-tampered.json')]);
  await waitForCards(popup, 3);
  await popup.evaluate(() => {
    document.querySelector('#status').textContent = '';
    window.scrollTo(0, 0);
  });
  await popup.screenshot({ path: path.join(shots, 'extension-popup.png') });

  const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
  await page.setViewportSize({ width: 1000, height: 1400 });
  await waitForCards(page, 3);
  await page.locator('[data-pick]').first().check();
  await page.fill('#challenge', 'c-8f3a1e');
  await page.fill('#domain', 'jobs.example.com');
  await page.evaluate(() => {
    document.activeElement.blur();
    window.scrollTo(0, 0);
    document.querySelector('#status').textContent = '';
  });
  await page.screenshot({ path: path.join(shots, 'extension-wallet.png'), fullPage: false });
  assert.equal(popup.errors.length + page.errors.length, 0, [...popup.errors, ...page.errors].join('\n'));
});

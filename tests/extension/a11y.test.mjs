// Accessibility of the wallet (WCAG 2.2 AA): axe-core finds no violation
// locked, with its list, with a presentation made and with a backup being
// opened; unlock, import, share, delete and undo work with a keyboard alone,
// with visible focus; what happens is announced in the status live region;
// the full page reflows at 320 px and the popup fits its 420 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PASS, peer, sample, openWallet, waitForCards, statusText, sharedWallet } from './helpers.mjs';
import { assertNoAxeViolations, assertNoHorizontalScroll, tabTo, focusedInfo } from '../browser/a11y.mjs';
import { chooserByKey } from '../browser/helpers.mjs';

const shared = sharedWallet();

const focusedId = async (page) => (await focusedInfo(page))?.id;

test('the wallet by keyboard alone, with no axe violation in any state', async () => {
  const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
  try {
    // Locked (first use): the passphrase field has focus; typing and Enter
    // create the wallet.
    await assertNoAxeViolations(page, 'locked (first use)');
    assert.equal(await focusedId(page), 'passphrase');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.view === 'wallet', null, { timeout: 30000 });
    await statusText(page, /Your wallet is ready/);

    // Import: Tab to the file input, Space opens the chooser.
    await tabTo(page, (f) => f.id === 'file');
    const chooser = await chooserByKey(page);
    await chooser.setFiles([sample('sample.json'), sample('sample-tampered.json'), peer('jwt-rs256-jwk.jwt')]);
    await waitForCards(page, 3);
    await statusText(page, /Added 3 credentials/);
    await assertNoAxeViolations(page, 'list');

    // Share: select a credential with Space, Tab to "Create presentation",
    // Enter; the presentation has focus.
    await tabTo(page, (f) => f.tag === 'input' && /-pick$/.test(f.id));
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.id === 'present');
    await page.keyboard.press('Enter');
    await statusText(page, /Presentation of 1 credential signed/);
    assert.equal(await focusedId(page), 'vp');
    await assertNoAxeViolations(page, 'share');

    // Delete with the keyboard, then undo with the keyboard: focus moves to
    // the next card's delete button, and the undo bar is reachable.
    await tabTo(page, (f) => f.text.startsWith('Delete'), { max: 120 });
    await page.keyboard.press('Enter');
    await waitForCards(page, 2);
    await statusText(page, /Deleted .* Undo is available/);
    assert.match((await focusedInfo(page)).text, /^Delete/);
    await tabTo(page, (f) => f.id === 'undo', { back: true });
    await page.keyboard.press('Enter');
    await waitForCards(page, 3);
    await statusText(page, /Restored/);

    // Backup: a backup file picked for import asks for its passphrase, with
    // focus on the passphrase field.
    const backup = await page.evaluate(async () => (await chrome.runtime.sendMessage({ op: 'exportBackup' })).file);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'clearbadge-a11y-')), 'backup.json');
    writeFileSync(file, JSON.stringify(backup));
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#backup-pass');
    assert.equal(await focusedId(page), 'backup-pass');
    await assertNoAxeViolations(page, 'backup');
    await assertNoHorizontalScroll(page, 'full page');

    // Lock with the keyboard: back to the passphrase form, focused.
    await tabTo(page, (f) => f.id === 'lock', { back: true, max: 120 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.view === 'locked');
    assert.equal(await focusedId(page), 'passphrase');
    await assertNoAxeViolations(page, 'locked');
    // Unlock by keyboard.
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.view === 'wallet', null, { timeout: 30000 });
    await waitForCards(page, 3);
  } finally {
    await page.close();
  }
});

// The toolbar popup is 420 px wide by design (Chromium sizes it to its
// content); the full page must reflow down to 320 px.
test('the popup fits its 420 px and the full wallet reflows at 320 px without horizontal scrolling', async () => {
  for (const [view, width] of [
    ['wallet.html', 420],
    ['wallet.html?view=full', 320],
  ]) {
    const page = await openWallet(shared.w.ctx, shared.w.id, view);
    try {
      await page.setViewportSize({ width, height: 700 });
      await page.waitForFunction(() => document.body.dataset.view === 'wallet', null, { timeout: 30000 });
      await waitForCards(page, 3);
      await assertNoHorizontalScroll(page, `${view} at ${width} px`);
    } finally {
      await page.close();
    }
  }
});

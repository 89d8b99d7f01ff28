// The wallet in Spanish and French: the language chosen in the wallet (kept
// in chrome.storage.local) draws its own words and the cards' in that
// language; a verified and a failed card in each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sample, openWallet, unlock, waitForCards, sharedWallet, importFiles, statusText, submitPassphrase } from './helpers.mjs';

const shared = sharedWallet();

const WANT = {
  es: { create: 'Cree su cartera', verified: 'Verificada', failed: 'No verificada', share: 'Compartir' },
  fr: { create: 'Créez votre portefeuille', verified: 'Vérifiée', failed: 'Non vérifiée', share: 'Partager' },
  en: { create: 'Create your wallet', verified: 'Verified', failed: 'Not verified', share: 'Share' },
};

test('the wallet speaks the language chosen in it, cards included', async () => {
  let first = true;
  for (const [l, want] of Object.entries(WANT)) {
    await shared.w.sw.evaluate((lang) => chrome.storage.local.set({ lang }), l);
    const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
    try {
      assert.equal(await page.getAttribute('html', 'lang'), l);
      assert.equal(await page.inputValue('#lang'), l);
      if (first) {
        assert.equal(await page.textContent('h1'), want.create);
        await unlock(page);
        await page.setInputFiles('input[type=file]', [sample('sample.json'), sample('sample-tampered.json')]);
        first = false;
      }
      await waitForCards(page, 2);
      const labels = await page.$$eval('#credentials .verdict-label', (els) => els.map((e) => e.textContent));
      assert.deepEqual(labels.sort(), [want.failed, want.verified].sort());
      assert.equal(await page.textContent('#share-title'), want.share);
    } finally {
      await page.close();
    }
  }
});

test('the service worker answers in the wallet language: refusals and a wrong passphrase', async () => {
  await shared.w.sw.evaluate(() => chrome.storage.local.set({ lang: 'fr' }));
  const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
  try {
    await waitForCards(page, 2);
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-lang-'));
    const bad = path.join(dir, 'pas-une-attestation.json');
    writeFileSync(bad, '{"hello": "world"');
    await importFiles(page, [bad]);
    await statusText(page, /pas-une-attestation\.json n’a pas été importé : ce n’est pas une attestation que ClearBadge sait lire\./);
    await page.click('#lock');
    await page.waitForSelector('input[type=password][name=passphrase]');
    await submitPassphrase(page, 'not the passphrase');
    await page.waitForFunction(() => /Phrase secrète incorrecte\. Rien n’a été modifié\./.test(document.querySelector('#unlock-error')?.textContent || ''));
    await unlock(page);
  } finally {
    await page.close();
    await shared.w.sw.evaluate(() => chrome.storage.local.set({ lang: 'en' }));
  }
});

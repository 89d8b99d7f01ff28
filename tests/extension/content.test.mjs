// The content script on a local test page (127.0.0.1): it notices a JSON-LD
// credential in the page, links to credential files and a baked badge
// image; it fetches a link or image only when the learner asks; "Open in
// ClearBadge" shows the verdict in the extension's own tab, never in the
// notice (page-owned DOM states no verdict); saving works; the page itself
// cannot press the notice's buttons; "Verify this badge" (the context menu)
// opens an image the same way. The wallet shows the four verdicts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { outDir } from '../browser/helpers.mjs';
import { peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards, cards, importFiles, statusText } from './helpers.mjs';

let profile;
let w;
let srv;
let origin;
let hits;
let bakedPNG;

const embedded = readFileSync(peer('ob-eddsa-rich.json'), 'utf8');

const PAGE = () => `<!doctype html><html><head><title>My portfolio</title>
<script type="application/ld+json">${embedded.replace(/</g, '\\u003c')}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Not a credential"}</script>
</head><body><h1>My portfolio</h1>
<p><a href="/creds/ob-eddsa-rdfc-2022.json">Download my badge</a> · <a href="/about.html">About</a></p>
<p><a href="/creds/rsa-jwk.jwt">My badge as a JWT</a> · <a href="/creds/settings.json">Site settings</a></p>
<img src="/img/teamwork-badge.png" alt="Teamwork badge" width="120">
<img src="/img/photo.png" alt="Holiday photo" width="120">
</body></html>`;

before(async () => {
  requireBuild();
  profile = newProfile();
  w = await launchWallet(profile);
  hits = [];
  // A baked PNG made by the extension's own wasm (the same Go code as the CLI).
  const b64 = await w.sw.evaluate(
    async (text) => {
      const cb = await verifier();
      return Vault.b64(await cb.bake(text, { format: 'png', title: 'Teamwork' }));
    },
    readFileSync(peer('ob-eddsa-rdfc-2022.json'), 'utf8'),
  );
  bakedPNG = Buffer.from(b64, 'base64');
  srv = http.createServer((req, res) => {
    hits.push(req.url);
    if (req.url === '/page.html') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(PAGE());
    }
    if (req.url === '/creds/ob-eddsa-rdfc-2022.json') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(readFileSync(peer('ob-eddsa-rdfc-2022.json')));
    }
    if (req.url === '/creds/rsa-jwk.jwt') return res.end(readFileSync(peer('jwt-rs256-jwk.jwt')));
    if (req.url === '/creds/settings.json') return res.end('{"theme": "dark"}');
    if (req.url.startsWith('/img/')) {
      res.setHeader('Content-Type', 'image/png');
      return res.end(bakedPNG);
    }
    res.statusCode = 404;
    return res.end('not found');
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${srv.address().port}`;
});

after(async () => {
  await w?.ctx.close();
  removeProfile(profile);
  await new Promise((r) => srv?.close(r));
});

// A verdict in words, as any surface of ClearBadge would say it: none may
// appear in the notice, which lives in DOM the page can rewrite.
const VERDICT_WORDS = /\bverified\b|incomplete|not verified|could not be read|\bvalid\b|genuine|revoked|tampered/i;
const noticeText = (page) => page.$eval('#clearbadge-notice', (n) => n.shadowRoot.textContent);

// openInClearBadge clicks a notice's "Open in ClearBadge" and returns the
// extension tab it opened, once that tab shows the verdict.
async function openInClearBadge(button) {
  const [tab] = await Promise.all([w.ctx.waitForEvent('page', { timeout: 30000 }), button.click()]);
  await tab.waitForSelector('#credentials > [data-verdict]', { timeout: 60000 });
  return tab;
}

test('content script: finds the credentials, opens their verdict in the extension, saves on request only', async () => {
  const wallet = await openWallet(w.ctx, w.id);
  await unlock(wallet);

  const page = await w.ctx.newPage();
  await page.goto(`${origin}/page.html`);
  const notice = page.locator('#clearbadge-notice');
  await notice.waitFor({ state: 'attached', timeout: 15000 });
  assert.equal(await notice.getAttribute('data-count'), '5', 'the embedded credential, three links and the badge image');
  const kinds = await page.$$eval('#clearbadge-notice', (els) => [...els[0].shadowRoot.querySelectorAll('li')].map((li) => li.dataset.kind));
  assert.deepEqual(kinds, ['embedded', 'link', 'link', 'link', 'image']);
  assert.match(await noticeText(page), /ClearBadge found 5 possible credentials on this page/);
  assert.ok(!hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'the linked file is not fetched before the learner asks');
  const imgHits = hits.filter((u) => u === '/img/teamwork-badge.png').length;

  // The page cannot press the notice's buttons (untrusted clicks are ignored).
  await page.evaluate(() => {
    for (const b of document.querySelector('#clearbadge-notice').shadowRoot.querySelectorAll('button')) b.click();
  });
  await page.waitForTimeout(500);
  assert.ok(!hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'a synthetic click fetched nothing');
  assert.equal(w.ctx.pages().filter((p) => p.url().includes('found=')).length, 0, 'a synthetic click opened nothing');

  await notice.locator('[data-action="show"]').click();
  mkdirSync(outDir, { recursive: true });
  await notice.locator('.box').screenshot({ path: path.join(outDir, 'extension-notice.png') });
  const rows = notice.locator('li');
  const expected = ['verified', 'verified', 'incomplete', 'error', 'verified'];
  for (let i = 0; i < expected.length; i++) {
    const tab = await openInClearBadge(rows.nth(i).locator('[data-action="open"]'));
    assert.match(tab.url(), new RegExp(`^chrome-extension://${w.id}/wallet\\.html\\?view=full&found=`));
    const card = tab.locator('#credentials > [data-verdict]');
    assert.equal(await card.getAttribute('data-verdict'), expected[i], `row ${i}: ${await card.innerText()}`);
    if (expected[i] === 'incomplete') {
      assert.equal(await card.locator('[data-missing="issuer"]').getAttribute('data-remedy'), 'online');
      assert.match(await card.innerText(), /Save it to your wallet to check it online there/);
    }
    await tab.close();
    await rows
      .nth(i)
      .getByText(/Opened in a ClearBadge tab/)
      .waitFor({ timeout: 10000 });
  }
  assert.ok(hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'fetched once asked');
  assert.ok(hits.filter((u) => u === '/img/teamwork-badge.png').length > imgHits, 'the image bytes were fetched once asked');
  assert.doesNotMatch(await noticeText(page), VERDICT_WORDS);

  const emb = notice.locator('li[data-kind="embedded"]');
  await emb.locator('[data-action="save"]').click();
  await emb.getByText(/Saved to your wallet/).waitFor({ timeout: 30000 });
  const link = rows.nth(1);
  await link.locator('[data-action="save"]').click();
  await link.getByText(/Saved to your wallet/).waitFor({ timeout: 30000 });
  const img = notice.locator('li[data-kind="image"]');
  await img.locator('[data-action="save"]').click();
  await img.getByText(/Saved to your wallet|Already in your wallet/).waitFor({ timeout: 30000 });
  assert.doesNotMatch(await noticeText(page), VERDICT_WORDS);

  await wallet.reload();
  const got = await waitForCards(wallet, 3);
  assert.ok(got.every((c) => c.verdict === 'verified'));
  await page.close();
  await wallet.close();
});

test('content script: "Verify this badge" from the context menu opens the verdict in the extension', async () => {
  const page = await w.ctx.newPage();
  await page.goto(`${origin}/page.html`);
  await page.locator('#clearbadge-notice').waitFor({ state: 'attached' });
  await page.bringToFront();
  const [tab] = await Promise.all([
    w.ctx.waitForEvent('page', { timeout: 30000 }),
    w.sw.evaluate(async (src) => {
      const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      onMenuClick({ menuItemId: 'clearbadge-verify', mediaType: 'image', srcUrl: src, frameId: 0 }, t);
    }, `${origin}/img/teamwork-badge.png`),
  ]);
  await tab.waitForSelector('#credentials > [data-verdict]', { timeout: 60000 });
  assert.equal(await tab.getAttribute('#credentials > [data-verdict]', 'data-verdict'), 'verified');
  await page
    .locator('#clearbadge-notice')
    .getByText(/Opened in a ClearBadge tab/)
    .waitFor({ timeout: 10000 });
  assert.doesNotMatch(await noticeText(page), VERDICT_WORDS);
  await tab.close();
  await page.close();
});

test('wallet: the four verdicts in the list, with the filter and what an incomplete card lacks', async () => {
  const wallet = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
  await waitForCards(wallet, 3);
  await importFiles(wallet, [peer('jwt-rs256-jwk.jwt'), peer('di-tampered.json')]);
  const got = await waitForCards(wallet, 5);
  assert.deepEqual(got.map((c) => c.verdict).sort(), ['incomplete', 'not-verified', 'verified', 'verified', 'verified']);
  await wallet.selectOption('#filter', 'incomplete');
  assert.deepEqual(
    (await cards(wallet)).map((c) => c.verdict),
    ['incomplete'],
  );
  const card = wallet.locator('#credentials > [data-verdict="incomplete"]');
  assert.match(await card.locator('.verdict-label').innerText(), /^Incomplete$/);
  assert.equal(await card.locator('[data-missing="issuer"]').getAttribute('data-remedy'), 'online');
  await wallet.selectOption('#filter', 'all');
  await wallet.click('#reverify-all');
  await statusText(wallet, /Checked 5: 3 verified, 1 incomplete, and 1 not verified/);
  // A file that is not a credential is never stored; it is shown, with the
  // fourth verdict, where the wallet shows what a page offered (above).
  await wallet.close();
});

test('content script: a page without credentials shows nothing', async () => {
  const page = await w.ctx.newPage();
  await page.goto(`${origin}/about.html`);
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#clearbadge-notice').count(), 0);
  await page.close();
});

test('content script: the notice speaks the language chosen in the wallet', async () => {
  await w.sw.evaluate(() => chrome.storage.local.set({ lang: 'es' }));
  const page = await w.ctx.newPage();
  try {
    await page.goto(`${origin}/page.html`);
    await page.locator('#clearbadge-notice').waitFor({ state: 'attached', timeout: 15000 });
    const text = await noticeText(page);
    assert.match(text, /ClearBadge encontró 5 posibles credenciales en esta página/);
    assert.match(text, /Mostrar/);
    const labels = await page.$eval('#clearbadge-notice', (n) => [...n.shadowRoot.querySelectorAll('.lbl')].map((e) => e.textContent));
    assert.match(labels[0], /^En la página: /);
    assert.match(labels[1], /^Enlace: /);
    assert.equal(await page.$eval('#clearbadge-notice', (n) => n.shadowRoot.querySelector('[data-action="open"]').textContent), 'Abrir en ClearBadge');
    assert.equal(
      await page.$eval('#clearbadge-notice', (n) => n.shadowRoot.querySelector('.close').getAttribute('aria-label')),
      'Cerrar el aviso de ClearBadge',
    );
  } finally {
    await page.close();
    await w.sw.evaluate(() => chrome.storage.local.set({ lang: 'en' }));
  }
});

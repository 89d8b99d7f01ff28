// The content script on a local test page (127.0.0.1): it notices a JSON-LD
// credential in the page, a link to a credential file and a baked badge
// image; it fetches the link and the image only when the learner asks;
// verifies and saves them; the page itself cannot press the notice's
// buttons; and "Verify this badge" (the context menu) verifies an image.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import {
  peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards,
} from './helpers.mjs';

let profile; let w; let srv; let origin; let hits; let bakedPNG;

const embedded = readFileSync(peer('ob-eddsa-rich.json'), 'utf8');

const PAGE = () => `<!doctype html><html><head><title>My portfolio</title>
<script type="application/ld+json">${embedded.replace(/</g, '\\u003c')}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Not a credential"}</script>
</head><body><h1>My portfolio</h1>
<p><a href="/creds/ob-eddsa-rdfc-2022.json">Download my badge</a> · <a href="/about.html">About</a></p>
<img src="/img/teamwork-badge.png" alt="Teamwork badge" width="120">
<img src="/img/photo.png" alt="Holiday photo" width="120">
</body></html>`;

before(async () => {
  requireBuild();
  profile = newProfile();
  w = await launchWallet(profile);
  hits = [];
  // A baked PNG made by the extension's own wasm (the same Go code as the CLI).
  const b64 = await w.sw.evaluate(async (text) => {
    const cb = await verifier();
    return Vault.b64(await cb.bake(text, { format: 'png', title: 'Teamwork' }));
  }, readFileSync(peer('ob-eddsa-rdfc-2022.json'), 'utf8'));
  bakedPNG = Buffer.from(b64, 'base64');
  srv = http.createServer((req, res) => {
    hits.push(req.url);
    if (req.url === '/page.html') { res.setHeader('Content-Type', 'text/html; charset=utf-8'); return res.end(PAGE()); }
    if (req.url === '/creds/ob-eddsa-rdfc-2022.json') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(readFileSync(peer('ob-eddsa-rdfc-2022.json')));
    }
    if (req.url.startsWith('/img/')) { res.setHeader('Content-Type', 'image/png'); return res.end(bakedPNG); }
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

test('content script: finds the credentials, verifies and saves them on request only', async () => {
  const wallet = await openWallet(w.ctx, w.id);
  await unlock(wallet);

  const page = await w.ctx.newPage();
  await page.goto(`${origin}/page.html`);
  const notice = page.locator('#clearbadge-notice');
  await notice.waitFor({ state: 'attached', timeout: 15000 });
  assert.equal(await notice.getAttribute('data-count'), '3', 'the embedded credential, the link and the badge image');
  const kinds = await page.$$eval('#clearbadge-notice', (els) =>
    [...els[0].shadowRoot.querySelectorAll('li')].map((li) => li.dataset.kind));
  assert.deepEqual(kinds, ['embedded', 'link', 'image']);
  assert.ok(!hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'the linked file is not fetched before the learner asks');
  const imgHits = hits.filter((u) => u === '/img/teamwork-badge.png').length;

  // The page cannot press the notice's buttons (untrusted clicks are ignored).
  await page.evaluate(() => {
    for (const b of document.querySelector('#clearbadge-notice').shadowRoot.querySelectorAll('button')) b.click();
  });
  await page.waitForTimeout(500);
  assert.ok(!hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'a synthetic click fetched nothing');

  await notice.locator('[data-action="show"]').click();
  for (const kind of ['embedded', 'link', 'image']) {
    const li = notice.locator(`li[data-kind="${kind}"]`);
    await li.locator('[data-action="verify"]').click();
    await li.locator('[data-verdict]').waitFor({ timeout: 30000 });
    assert.equal(await li.locator('[data-verdict]').getAttribute('data-verdict'), 'verified', kind);
  }
  assert.ok(hits.includes('/creds/ob-eddsa-rdfc-2022.json'), 'fetched once asked');
  assert.ok(hits.filter((u) => u === '/img/teamwork-badge.png').length > imgHits, 'the image bytes were fetched once asked');

  const emb = notice.locator('li[data-kind="embedded"]');
  await emb.locator('[data-action="save"]').click();
  await emb.getByText(/Saved to your wallet/).waitFor({ timeout: 30000 });
  const link = notice.locator('li[data-kind="link"]');
  await link.locator('[data-action="save"]').click();
  await link.getByText(/Saved to your wallet/).waitFor({ timeout: 30000 });
  const img = notice.locator('li[data-kind="image"]');
  await img.locator('[data-action="save"]').click();
  await img.getByText(/Saved to your wallet|Already in your wallet/).waitFor({ timeout: 30000 });

  await wallet.reload();
  const got = await waitForCards(wallet, 3);
  assert.ok(got.every((c) => c.verdict === 'verified'));
  await page.close();
  await wallet.close();
});

test('content script: "Verify this badge" from the context menu', async () => {
  const page = await w.ctx.newPage();
  await page.goto(`${origin}/page.html`);
  await page.locator('#clearbadge-notice').waitFor({ state: 'attached' });
  await page.bringToFront();
  await w.sw.evaluate(async (src) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    onMenuClick({ menuItemId: 'clearbadge-verify', mediaType: 'image', srcUrl: src, frameId: 0 }, tab);
  }, `${origin}/img/teamwork-badge.png`);
  const v = page.locator('#clearbadge-notice [data-verdict]');
  await v.waitFor({ timeout: 30000 });
  assert.equal(await v.getAttribute('data-verdict'), 'verified');
  await page.close();
});

test('content script: a page without credentials shows nothing', async () => {
  const page = await w.ctx.newPage();
  await page.goto(`${origin}/about.html`);
  await page.waitForTimeout(800);
  assert.equal(await page.locator('#clearbadge-notice').count(), 0);
  await page.close();
});

// Open Badges 2.0 on the verifier page, in headless Chromium: a hosted
// assertion with its issuer's documents supplied as files (More options),
// a signed one (JWS) and a baked PNG from 1EdTech's OB 2.0 validator tests
// all verify offline; without the documents each is incomplete, never
// verified, and says what it needs. Screenshot: tests/out/ob2-page.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  sharedFile, requireBuild, startServer, launch, recordNetwork, ensureOutDir, waitForResults,
} from './helpers.mjs';

const ob20 = sharedFile('vectors', '1edtech', 'validator', 'ob20');
const vec = (...p) => path.join(ob20, ...p);

let server; let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const net = await recordNetwork(ctx, server.origin);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page, net, errors };
}

test('OB 2.0 hosted (with supplied documents), signed and baked badges verify on the page', async (t) => {
  if (!ob20) {
    if (process.env.CI === 'true') assert.fail('../shared/vectors is absent under CI');
    t.skip('../shared/vectors is absent: the OB 2.0 vectors were not tested');
    return;
  }
  const { ctx, page, net, errors } = await openPage();
  try {
    // The issuer's published documents, saved: the hosted assertion itself
    // (its id is https://example.org/beths-robotics-badge.json), its
    // BadgeClass, the issuer's profile and its key.
    await page.click('details.advanced > summary');
    await page.setInputFiles('#documents', [
      vec('basic-assertion.json'), vec('assets', 'robotics-badge.json'), vec('assets', 'organization.json'), vec('assets', 'key1.json'),
    ]);
    await page.waitForFunction(() => /4 documents added/.test(document.querySelector('#documents-list').textContent));
    await page.setInputFiles('#file', [vec('basic-assertion.json'), vec('simple.jwt'), vec('simple-badge.png')]);
    const [hosted, signed, baked] = await waitForResults(page, 3);
    for (const [name, r] of Object.entries({ hosted, signed, baked })) {
      assert.equal(r.verdict, 'verified', `${name}: ${r.text}`);
      assert.equal(r.title, 'Awesome Robotics Badge', name);
      assert.match(r.text, /Issued by\s+An Example Badge Issuer/, name);
      assert.match(r.text, /Open Badges 2\.0/, name);
      assert.equal(r.checks.issuer, 'pass', name);
    }
    assert.match(hosted.text, /Open Badges 2\.0, hosted: genuine as long as the issuer's server \(example\.org\) still serves it/);
    assert.match(signed.text, /Open Badges 2\.0, signed by the issuer/);
    assert.match(baked.text, /Format: png/);
    // The baked copy lacks the evidence the issuer's copy has: the issuer's
    // copy was verified, with a note.
    assert.equal(baked.checks.proof, 'warn', baked.text);
    const shot = path.join(ensureOutDir(), 'ob2-page.png');
    await page.locator('#results').screenshot({ path: shot });
    t.diagnostic(`screenshot: ${shot}`);
    assert.deepEqual(net.leaks, [], 'nothing fetched: the documents were supplied');
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('OB 2.0 badges without their documents are not verified offline, and say what they need', async (t) => {
  if (!ob20) {
    if (process.env.CI === 'true') assert.fail('../shared/vectors is absent under CI');
    t.skip('../shared/vectors is absent: the OB 2.0 vectors were not tested');
    return;
  }
  const { ctx, page, net } = await openPage();
  try {
    await page.setInputFiles('#file', [vec('basic-assertion.json'), vec('simple.jwt')]);
    const [hosted, signed] = await waitForResults(page, 2);
    for (const r of [hosted, signed]) {
      assert.notEqual(r.verdict, 'verified', r.text);
      assert.notEqual(r.verdict, 'error', r.text);
      assert.equal(r.checks.proof, 'skip', r.text);
      assert.match(r.text, /add (the issuer's copy|them) as (a )?files?/, 'says how to complete it');
    }
    // An assertion's web address pasted: offline, it is not fetched.
    await page.fill('#paste-text', 'https://example.org/beths-robotics-badge.json');
    await page.click('#paste-go');
    const [, , url] = await waitForResults(page, 3);
    assert.notEqual(url.verdict, 'verified', url.text);
    assert.match(url.text, /offline/i);
    assert.deepEqual(net.leaks, []);
  } finally {
    await ctx.close();
  }
});

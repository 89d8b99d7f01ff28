// Open Badges 2.0 on the verifier page, in headless Chromium, with 1EdTech's
// OB 2.0 validator test documents. Offline, a hosted assertion, a signed one
// (JWS) and a baked PNG are incomplete and name the issuer's document they
// need. The card's online remedy asks only the host it names; here that host
// refuses (as a site without CORS does), so the card offers each document as
// a file, and with the issuer's documents added one by one the badge is
// verified. Screenshots: tests/out/ob2-page-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sharedFile, unavailable, requireBuild, startServer, launch, ensureOutDir, oneCard } from './helpers.mjs';

const ob20 = sharedFile('vectors', '1edtech', 'validator', 'ob20');
const vec = (...p) => path.join(ob20, ...p);

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

// The saved copy of each document the issuer publishes, by its address:
// the assets 1EdTech's OB20Tests serves at example.org, and the hosted
// assertion at its own id.
function fileFor(url) {
  if (url === 'https://example.org/beths-robotics-badge.json') return vec('basic-assertion.json');
  const m = /^https?:\/\/example\.org\/([\w.-]+\.json)$/.exec(url);
  return m && vec('assets', m[1]);
}

async function openPage() {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const asked = [];
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === server.origin) return route.continue();
    // Any other site refuses, as one that does not allow web pages (CORS).
    asked.push(`${u.host}${u.pathname}`);
    return route.abort();
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page, asked, errors };
}

// settled reads the one card, and which Open Badges generation it names.
async function settled(page) {
  const r = await oneCard(page);
  r.generation = await page.$eval('#results > [data-verdict]', (el) => el.querySelector('[data-generation]')?.textContent || '');
  return r;
}

for (const [name, file, format, added] of [
  ['hosted', 'basic-assertion.json', /Format: ob2-hosted/, ['beths-robotics-badge.json', 'robotics-badge.json', 'organization.json']],
  ['signed', 'simple.jwt', /Format: ob2-signed/, ['robotics-badge.json', 'organization.json', 'key1.json']],
  ['baked', 'simple-badge.png', /Format: png/, ['beths-robotics-badge.json', 'robotics-badge.json', 'organization.json']],
]) {
  test(`OB 2.0 ${name}: incomplete offline, verified once the issuer's documents are added`, async (t) => {
    if (!ob20) {
      unavailable(t, '../shared/vectors is absent: the OB 2.0 vectors were not tested');
      return;
    }
    const { ctx, page, asked, errors } = await openPage();
    try {
      await page.setInputFiles('#file', vec(file));
      let r = await settled(page);
      assert.equal(r.verdict, 'incomplete', r.text);
      assert.equal(r.checks.format, 'pass');
      assert.ok(r.missing.includes('proof:online'), r.missing.join(' '));
      assert.match(r.generation, /^Open Badges 2\.0/);
      assert.match(r.text, format);
      assert.deepEqual(asked, [], 'offline: nothing asked');

      // Online for example.org only: the site refuses, so each document is
      // offered as a file; add what the card asks for until it is verified.
      await page.click('[data-remedy-action="online"][data-host="example.org"]');
      const got = [];
      for (let i = 0; i < 6; i++) {
        r = await settled(page);
        if (r.verdict !== 'incomplete') break;
        const input = page.locator('#results [data-remedy-action="document"]').first();
        assert.equal(await input.count(), 1, `a document to add is offered: ${r.text}`);
        const url = await input.getAttribute('data-url');
        assert.ok(fileFor(url), `a saved copy of ${url}`);
        got.push(path.basename(new URL(url).pathname));
        await input.setInputFiles(fileFor(url));
      }
      assert.equal(r.verdict, 'verified', r.text);
      assert.deepEqual(got, added, 'the documents asked for, in order');
      assert.equal(r.title, 'Awesome Robotics Badge');
      assert.match(r.text, /An Example Badge Issuer/);
      assert.equal(r.checks.issuer, 'pass');
      assert.match(r.text, name === 'signed' ? /Signed by the issuer it names/ : /Published by the issuer it names, at an address the issuer uses/);
      assert.ok(
        asked.every((a) => a.startsWith('example.org/')),
        asked.join(' '),
      );
      await page.locator('#results > [data-verdict]').screenshot({ path: path.join(ensureOutDir(), `ob2-page-${name}.png`) });
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });
}

test('an OB 2.0 BadgeClass alone is described, not verified: it awards nothing', async (t) => {
  if (!ob20) {
    unavailable(t, '../shared/vectors is absent');
    return;
  }
  const { ctx, page } = await openPage();
  try {
    await page.setInputFiles('#file', vec('assets', 'badgeclass-with-complex-image.json'));
    const r = await settled(page);
    assert.equal(r.verdict, 'not-verified', r.text);
    assert.match(r.text, /awards nothing to anyone/);
    assert.doesNotMatch(r.text, /No valid signature/);
    assert.equal(r.generation, 'Open Badges 2.0');
  } finally {
    await ctx.close();
  }
});

test("an OB 2.0 assertion's web address pasted offline is not fetched, and says so", async (t) => {
  if (!ob20) {
    unavailable(t, '../shared/vectors is absent');
    return;
  }
  const { ctx, page, asked } = await openPage();
  try {
    await page.fill('#paste-text', 'https://example.org/beths-robotics-badge.json');
    await page.click('#paste-go');
    const r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.match(r.text, /offline/i);
    assert.deepEqual(asked, []);
  } finally {
    await ctx.close();
  }
});

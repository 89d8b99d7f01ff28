// The verifier page in headless Chromium: verdicts for the bundled samples,
// a VC-JWT and a baked PNG from the shared vectors, several files at once,
// "no request leaves the page's origin" while verifying offline, and
// screenshots (tests/out/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { webDir, sharedFile, unavailable, requireBuild, startServer, startCanary, launch, recordNetwork, ensureOutDir, waitForResults } from './helpers.mjs';

const sample = (name) => path.join(webDir, 'samples', name);

let server;
let canary;
let browser;

before(async () => {
  requireBuild();
  [server, canary] = await Promise.all([startServer(), startCanary()]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  await canary?.close();
});

// openPage opens the verifier in a fresh context with the network recorder on
// and waits until the wasm worker is ready.
async function openPage(viewport = { width: 1100, height: 900 }) {
  const ctx = await browser.newContext({ viewport });
  const net = await recordNetwork(ctx, server.origin);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), 'true', 'the verifier started');
  return { ctx, page, net, errors };
}

test('valid, tampered and expired samples get the right verdicts offline, with no request leaving the origin', async () => {
  const { ctx, page, net, errors } = await openPage();
  try {
    const before = net.requests.length;
    await page.setInputFiles('input[type=file]', [sample('sample.json'), sample('sample-tampered.json'), sample('sample-expired.json')]);
    const results = await waitForResults(page, 3);
    // Results of one batch are shown in file order.
    const [valid, tampered, expired] = results;
    assert.equal(valid.verdict, 'verified', valid.text);
    assert.equal(valid.checks.proof, 'pass');
    assert.equal(valid.title, 'Web Accessibility Foundations');
    assert.match(valid.text, /ClearBadge Sample Issuer/);
    assert.match(valid.text, /Alex Rivera/);

    assert.equal(tampered.verdict, 'not-verified', tampered.text);
    assert.equal(tampered.checks.proof, 'fail');

    assert.equal(expired.verdict, 'not-verified', expired.text);
    assert.equal(expired.checks.proof, 'pass', 'the expired sample is validly signed');
    assert.equal(expired.checks.validity, 'fail');
    // Only the tampered one is marked as unconfirmed claims: the expired one is
    // authentic, just no longer valid.
    const unconfirmed = await page.$$eval('#results > [data-verdict]', (els) => els.map((el) => !!el.querySelector('.unconfirmed')));
    assert.deepEqual(unconfirmed, [false, true, false]);

    // Offline: the verification itself made no request at all, and nothing
    // during the whole visit went anywhere but the page's origin.
    assert.deepEqual(net.requests.slice(before), [], 'requests made while verifying offline');
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(net.sockets, []);
    for (const u of net.requests) assert.equal(new URL(u).origin, server.origin, u);
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('the page and its offline worker cannot reach another origin (CSP and the worker lock)', async () => {
  const { ctx, page, net } = await openPage();
  try {
    const target = canary.origin;
    const violations = await page.evaluate(async (t) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      try {
        await fetch(`${t}/fetch`);
      } catch {
        /* blocked */
      }
      try {
        navigator.sendBeacon(`${t}/beacon`, 'x');
      } catch {
        /* blocked */
      }
      try {
        new WebSocket(`${t.replace('http', 'ws')}/ws`);
      } catch {
        /* blocked */
      }
      const img = new Image();
      img.src = `${t}/img.png`;
      await new Promise((r) => setTimeout(r, 500));
      return seen;
    }, target);
    assert.ok(violations.length >= 4, `CSP violations seen: ${violations.join(', ')}`);

    // The offline worker has no network API left once the verifier started.
    const workers = page.workers();
    assert.equal(workers.length, 1, 'one (offline) worker');
    assert.equal(new URL(workers[0].url()).pathname, '/worker.js');
    const fromWorker = await workers[0].evaluate(async (t) => {
      try {
        await fetch(`${t}/from-worker`);
        return 'fetched';
      } catch (e) {
        return String(e.message);
      }
    }, target);
    assert.match(fromWorker, /disabled/);
    const locked = await workers[0].evaluate(
      (t) =>
        ['XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'caches'].filter((name) => {
          try {
            if (name === 'caches') self.caches.open('x');
            else if (name === 'importScripts') self.importScripts(`${t}/x.js`);
            else new self[name](name === 'WebSocket' ? t.replace('http', 'ws') : `${t}/x`);
            return true;
          } catch (e) {
            return !/disabled/.test(e.message);
          }
        }),
      target,
    );
    assert.deepEqual(locked, [], 'network APIs still usable in the offline worker');

    await page.waitForTimeout(300);
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(net.sockets, []);
  } finally {
    await ctx.close();
  }
});

test('a VC-JWT and a baked PNG from the shared vectors are checked through the page', async (t) => {
  const jwt = sharedFile('vectors', '1edtech', 'spec-rendered-examples', 'ob-basic.jwt');
  const png = sharedFile('vectors', '1edtech', 'validator', 'ob30', 'simple-json.png');
  if (!jwt || !png) {
    unavailable(t, '../shared/vectors is absent: the JWT and baked-PNG vectors were not tested');
    return;
  }
  const { ctx, page, net } = await openPage();
  try {
    await page.setInputFiles('input[type=file]', [jwt, png]);
    const [j, p] = await waitForResults(page, 2);
    // Both are signed by keys that nothing ties to their issuer, an https
    // example.com address: the spec's rendered JWT carries its key in its
    // jwk header (and has no nbf claim, which OB 3.0 §8.2.4.1 requires: a
    // format note); the baked PNG's key sits in the issuer URL's fragment.
    // Offline they are incomplete, their signatures intact.
    assert.equal(j.verdict, 'incomplete', j.text);
    assert.equal(j.checks.proof, 'pass', j.text);
    assert.equal(j.checks.format, 'warn', j.text);
    assert.equal(j.checks.issuer, 'skip', j.text);
    assert.match(j.text, /Format: vc-jwt/);
    assert.equal(p.verdict, 'incomplete', p.text);
    assert.equal(p.checks.proof, 'pass', p.text);
    assert.equal(p.checks.issuer, 'skip', p.text);
    assert.match(p.text, /Format: png/);
    // The baked image itself is shown (as a blob: URL of the dropped file).
    const src = await page.$eval('#results > [data-verdict]:nth-child(2) .badge-img img', (img) => img.src);
    assert.match(src, /^blob:/);
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

test('pasted text, a non-credential and the Load sample button', async () => {
  const { ctx, page } = await openPage();
  try {
    await page.fill('#paste-text', 'this is not a credential');
    await page.click('#paste-go');
    let [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'error', r.text);
    assert.equal(r.checks.format, 'fail');

    await page.click('button[data-sample="sample.json"]');
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 2);
    [r] = await waitForResults(page, 2); // newest first
    assert.equal(r.verdict, 'verified', r.text);
    // The screen-reader status line says what happened.
    assert.match(await page.textContent('#status'), /sample\.json: verified/);
  } finally {
    await ctx.close();
  }
});

test('screenshots: valid and failed credential, and phone width', async () => {
  const out = ensureOutDir();
  let { ctx, page } = await openPage({ width: 1000, height: 900 });
  try {
    await page.setInputFiles('input[type=file]', sample('sample.json'));
    await waitForResults(page, 1);
    // The page scrolls to the result; that view is the screenshot.
    await page.screenshot({ path: path.join(out, 'valid.png') });
    await page.screenshot({ path: path.join(out, 'page.png'), fullPage: true });

    await page.click('#clear');
    await page.setInputFiles('input[type=file]', sample('sample-tampered.json'));
    await waitForResults(page, 1);
    const card = page.locator('#results > [data-verdict]').first();
    await card.locator('[data-check="proof"] details').evaluate((d) => {
      d.open = true;
    });
    await card.screenshot({ path: path.join(out, 'failed.png') });
  } finally {
    await ctx.close();
  }

  ({ ctx, page } = await openPage({ width: 375, height: 812 }));
  try {
    await page.setInputFiles('input[type=file]', sample('sample.json'));
    await waitForResults(page, 1);
    // What a phone shows right after verifying: the page scrolls to the result.
    await page.screenshot({ path: path.join(out, 'phone.png') });
    // Nothing is wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows the 375 px viewport by ${overflow} px`);
  } finally {
    await ctx.close();
  }
});

test('accessible names, keyboard use and the print view', async () => {
  const out = ensureOutDir();
  const { ctx, page } = await openPage();
  try {
    // Every form control has a label, every button a name.
    const unnamed = await page.$$eval('input, textarea, select, button', (els) =>
      els
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim())))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, []);
    assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');

    // Keyboard: Tab reaches the file input (drawn through its label) and the
    // online switch, which Space toggles.
    const reached = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
    }
    assert.ok(reached.includes('file'), `tab order: ${reached.join(' ')}`);
    assert.ok(reached.includes('online'), `tab order: ${reached.join(' ')}`);
    await page.focus('#online');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#online'), true);
    assert.match(await page.textContent('#status'), /Online checks are on/);
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#online'), false);

    // Each result is an article named by its title, its checks a list.
    await page.setInputFiles('input[type=file]', sample('sample-expired.json'));
    await waitForResults(page, 1);
    const named = await page.$eval('#results > [data-verdict] article', (a) => document.getElementById(a.getAttribute('aria-labelledby'))?.textContent);
    assert.equal(named, 'Web Accessibility Foundations');

    // Print: controls are hidden and folded details are opened.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('#file + label'), false);
    assert.equal(await page.isVisible('#results [data-check="validity"]'), true);
    const closed = await page.$$eval('#results details:not([open])', (d) => d.length);
    assert.equal(closed, 0);
    await page.screenshot({ path: path.join(out, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.ok((await page.$$eval('#results details:not([open])', (d) => d.length)) > 0, 'details fold back after printing');
  } finally {
    await ctx.close();
  }
});

test('a presentation is checked against the challenge and domain given under More options', async () => {
  const vp = path.join(webDir, '..', 'testdata', 'peer', 'vp-eddsa.json');
  const { ctx, page } = await openPage();
  try {
    await page.click('.advanced summary');
    await page.fill('#challenge', 'clearbadge-peer-challenge-0001');
    await page.fill('#domain', 'verifier.example');
    await page.setInputFiles('input[type=file]', vp);
    let [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.presentation, 'pass', r.text);
    // The credential inside is shown with its own (inner) verdict.
    assert.equal(await page.$$eval('#results > [data-verdict] [data-inner-verdict="verified"]', (e) => e.length), 1);

    await page.fill('#challenge', 'another-challenge');
    await page.setInputFiles('input[type=file]', vp);
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 2);
    [r] = await waitForResults(page, 2);
    assert.equal(r.verdict, 'not-verified', r.text);
    assert.equal(r.checks.presentation, 'fail', r.text);
  } finally {
    await ctx.close();
  }
});

test("/#sample (the URL `make run` prints) opens with the sample verified on the first screen, under the page's purpose", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await ctx.newPage();
    await page.goto(`${server.url}#sample`);
    const [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'verified', r.text);
    const firstScreen = await page.evaluate(() => {
      const inView = (el) => {
        const b = el.getBoundingClientRect();
        return b.top >= 0 && b.top < innerHeight;
      };
      return {
        h1: inView(document.querySelector('h1')),
        lede: inView(document.querySelector('.lede')),
        verdict: inView(document.querySelector('#results .verdict')),
        scrolled: scrollY,
      };
    });
    assert.deepEqual(firstScreen, { h1: true, lede: true, verdict: true, scrolled: 0 });
  } finally {
    await ctx.close();
  }
});

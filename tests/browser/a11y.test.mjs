// Accessibility of the verifier page and the widget (WCAG 2.2 AA): axe-core
// finds no violation in any state; the page works with a keyboard alone,
// with visible focus in a logical order; verdicts are announced through a
// live region and carry words and marks, not colour alone; the layout
// reflows at 320 px and at 200 % zoom; reduced motion and forced colours are
// respected, on the page and in the widget. Screenshots:
// tests/out/a11y-320.png, a11y-forced-colors.png, a11y-widget-forced-colors.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { root, webDir, requireBuild, startServer, launch, ensureOutDir, waitForResults, chooserByKey } from './helpers.mjs';
import { assertNoAxeViolations, assertNoHorizontalScroll, tabTo, focusedInfo } from './a11y.mjs';

const sample = (name) => path.join(webDir, 'samples', name);
// Signed with a key in its own jwk header for an https issuer: incomplete offline.
const INCOMPLETE = path.join(root, 'testdata', 'peer', 'jwt-rs256-jwk.jwt');

let server;
let browser;
let host;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
  // A host page for the widget, on another origin, as a site embeds it.
  const badges = { '/sample.json': sample('sample.json'), '/tampered.json': sample('sample-tampered.json') };
  const srv = http.createServer((req, res) => {
    if (badges[req.url]) {
      res.setHeader('Content-Type', 'application/json');
      res.end(readFileSync(badges[req.url]));
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portfolio</title><script type="module" src="${server.origin}/widget.mjs"></script></head>
<body><main><h1>Portfolio</h1>
<clearbadge-verify id="ok" src="/sample.json"></clearbadge-verify>
<clearbadge-verify id="bad" src="/tampered.json"></clearbadge-verify>
</main></body></html>`);
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  host = { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((r) => srv.close(r)) };
});

after(async () => {
  await browser?.close();
  server?.close();
  await host?.close();
});

async function openPage({ viewport = { width: 1100, height: 900 }, ...opts } = {}) {
  const ctx = await browser.newContext({ viewport, ...opts });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page };
}

const statusText = (page) => page.textContent('#status');

test('axe-core: no WCAG 2.2 A/AA violation on any state of the page', async () => {
  const { ctx, page } = await openPage();
  try {
    await assertNoAxeViolations(page, 'empty');
    await page.setInputFiles('#file', sample('sample.json'));
    await waitForResults(page, 1);
    await assertNoAxeViolations(page, 'verified');
    await page.click('#clear');
    await page.setInputFiles('#file', INCOMPLETE);
    assert.equal((await waitForResults(page, 1))[0].verdict, 'incomplete');
    await assertNoAxeViolations(page, 'incomplete');
    await page.click('#clear');
    await page.setInputFiles('#file', sample('sample-tampered.json'));
    assert.equal((await waitForResults(page, 1))[0].verdict, 'not-verified');
    await page.click('#results details summary'); // technical detail open
    await assertNoAxeViolations(page, 'not verified');
    await page.click('#clear');
    await page.fill('#paste-text', 'this is not a credential');
    await page.click('#paste-go');
    assert.equal((await waitForResults(page, 1))[0].verdict, 'error');
    await assertNoAxeViolations(page, 'error');
    await page.setInputFiles('#file', [sample('sample.json'), sample('sample-tampered.json'), sample('sample-expired.json'), INCOMPLETE]);
    await waitForResults(page, 5);
    await assertNoAxeViolations(page, 'several results');
    await page.check('#online');
    await page.click('.advanced summary');
    await assertNoAxeViolations(page, 'options open');
  } finally {
    await ctx.close();
  }
});

test('keyboard only: pick a file, paste and verify, open the checks, print; focus visible and in order; verdicts announced', async () => {
  const { ctx, page } = await openPage();
  try {
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed++;
      };
    });
    // Skip link first, then the page in reading order (the language switch
    // in the header, then the intake).
    const first = await tabTo(page, () => true);
    assert.equal(first[0].text, 'Skip to content');
    const order = await tabTo(page, (f) => f.id === 'paste-go');
    assert.deepEqual(order.map((f) => f.id).filter(Boolean), ['lang', 'file', 'paste-text', 'paste-go']);

    // Pick a file: the focused file input opens the chooser on Space.
    await page.focus('#file');
    const chooser = await chooserByKey(page);
    await chooser.setFiles(sample('sample.json'));
    await waitForResults(page, 1);
    // The live region (present from the start, role=status) says the verdict.
    assert.equal(await page.getAttribute('#status', 'role'), 'status');
    assert.equal(await page.getAttribute('#status', 'aria-live'), 'polite');
    assert.match(await statusText(page), /sample\.json: verified/);

    // Paste: type into the text area and press the button with Enter.
    await page.focus('#paste-text');
    await page.keyboard.insertText(readFileSync(sample('sample-tampered.json'), 'utf8'));
    await page.keyboard.press('Tab');
    assert.equal((await focusedInfo(page)).id, 'paste-go');
    await page.keyboard.press('Enter');
    await waitForResults(page, 2);
    assert.match(await statusText(page), /pasted text: not verified/);

    // The results come after the intake in the tab order: print, clear, then
    // the newest card's technical details, which open with Enter.
    const toDetail = await tabTo(page, (f) => f.tag === 'summary' && f.inResults);
    assert.ok(
      toDetail.some((f) => f.id === 'print'),
      'print is reached before the cards',
    );
    const summaryOpen = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el.parentElement.open;
      });
    assert.equal(await summaryOpen(), false);
    await page.keyboard.press('Enter');
    assert.equal(await summaryOpen(), true, 'Enter opens the technical detail');

    // Print with the keyboard.
    await page.focus('#print');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.printed), 1);

    // Colour is never the only sign: every verdict has its word and its mark,
    // every check its outcome word; marks are hidden from screen readers
    // because the words say it.
    const signs = await page.$$eval('#results > [data-verdict]', (els) =>
      els.map((el) => ({
        label: el.querySelector('.verdict-label')?.textContent,
        icon: !!el.querySelector('.verdict-icon[aria-hidden="true"]'),
        checks: [...el.querySelectorAll('[data-check]')].every((c) => c.querySelector('.outcome')?.textContent.trim()),
      })),
    );
    for (const s of signs) {
      assert.ok(s.label && s.icon && s.checks, JSON.stringify(s));
    }
  } finally {
    await ctx.close();
  }
});

test('reflow: 320 px wide and 200 % zoom without horizontal scrolling; reduced motion; forced colours', async () => {
  const out = ensureOutDir();
  // 320 CSS px (a phone, or 1280 px at 400 %) and 640 (1280 px at 200 %).
  for (const width of [320, 640]) {
    const { ctx, page } = await openPage({ viewport: { width, height: 800 } });
    try {
      await assertNoHorizontalScroll(page, `empty at ${width}px`);
      await page.setInputFiles('#file', [sample('sample.json'), sample('sample-tampered.json'), INCOMPLETE]);
      await waitForResults(page, 3);
      await page.click('.advanced summary');
      for (const d of await page.$$('#results details'))
        await d.evaluate((el) => {
          el.open = true;
        });
      await assertNoHorizontalScroll(page, `three results at ${width}px`);
      if (width === 320) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(out, 'a11y-320.png'), fullPage: false });
      }
    } finally {
      await ctx.close();
    }
  }
  // Zoom for real: the device scale factor doubles the size of a CSS pixel.
  {
    const { ctx, page } = await openPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    try {
      await page.setInputFiles('#file', sample('sample.json'));
      await waitForResults(page, 1);
      await assertNoHorizontalScroll(page, '200 % zoom');
    } finally {
      await ctx.close();
    }
  }
  // Reduced motion: no spinning, no transitions.
  {
    const { ctx, page } = await openPage({ reducedMotion: 'reduce' });
    try {
      const motion = await page.evaluate(() => {
        const s = document.createElement('span');
        s.className = 'spinner';
        document.body.append(s);
        const r = { spinner: getComputedStyle(s).animationName, button: getComputedStyle(document.querySelector('.button')).transitionDuration };
        s.remove();
        return r;
      });
      assert.equal(motion.spinner, 'none');
      assert.equal(motion.button, '0s');
    } finally {
      await ctx.close();
    }
  }
  // Forced colours (Windows high contrast): the marks stay visible, drawn in
  // the system's text colour, and the verdict keeps a border.
  {
    const { ctx, page } = await openPage({ forcedColors: 'active' });
    try {
      await page.setInputFiles('#file', [sample('sample.json'), sample('sample-tampered.json')]);
      await waitForResults(page, 2);
      const marks = await page.$$eval('#results .verdict-icon, #results .check .icon', (els) =>
        els.map((el) => {
          const cs = getComputedStyle(el);
          return { stroke: cs.stroke, bg: cs.backgroundColor };
        }),
      );
      for (const m of marks) assert.notEqual(m.stroke, m.bg, `a mark vanishes in forced colours: ${JSON.stringify(m)}`);
      const border = await page.$eval('#results .verdict', (el) => getComputedStyle(el).borderStyle);
      assert.notEqual(border, 'none');
      await page
        .locator('#results > [data-verdict]')
        .first()
        .screenshot({ path: path.join(out, 'a11y-forced-colors.png') });
    } finally {
      await ctx.close();
    }
  }
});

test('the widget: no axe violation closed and with its checks open; keyboard opens the checks; the verdict is announced', async () => {
  const ctx = await browser.newContext({ viewport: { width: 900, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.goto(host.url);
    await page.waitForFunction(
      () =>
        ['ok', 'bad'].every((id) => {
          const v = document.getElementById(id).getAttribute('verdict');
          return v && v !== 'pending';
        }),
      null,
      { timeout: 60000 },
    );
    await assertNoAxeViolations(page, 'widget closed');
    // The status line is a live region that was there before the verdict.
    const live = await page.$eval('#ok', (el) => {
      const s = el.shadowRoot.querySelector('.status');
      return { role: s.getAttribute('role'), live: s.getAttribute('aria-live'), text: s.textContent };
    });
    assert.equal(live.role, 'status');
    assert.match(live.text, /Verified/);
    const stops = await tabTo(page, (f) => f.tag === 'button');
    assert.ok(stops.length >= 1);
    await page.keyboard.press('Enter');
    assert.equal(await page.$eval('#ok', (el) => el.shadowRoot.querySelector('.toggle').getAttribute('aria-expanded')), 'true');
    await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.toggle').click());
    await assertNoAxeViolations(page, 'widget checks open');
    await assertNoHorizontalScroll(page, 'widget');
  } finally {
    await ctx.close();
  }
});

// widgetHost opens the portfolio page with its two widgets, once both are
// checked, in a context with opts (reduced motion, forced colours, a size).
async function widgetHost(opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 900, height: 900 }, ...opts });
  const page = await ctx.newPage();
  await page.goto(host.url);
  await page.waitForFunction(
    () =>
      ['ok', 'bad'].every((id) => {
        const v = document.getElementById(id).getAttribute('verdict');
        return v && v !== 'pending';
      }),
    null,
    { timeout: 60000 },
  );
  return { ctx, page };
}

test('the widget: reflows at 320 px and 200 % zoom; reduced motion and forced colours respected', async () => {
  const out = ensureOutDir();
  for (const opts of [{ viewport: { width: 320, height: 800 } }, { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }]) {
    const { ctx, page } = await widgetHost(opts);
    try {
      await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.toggle').click());
      await assertNoHorizontalScroll(page, `widget at ${opts.viewport.width}px x${opts.deviceScaleFactor || 1}`);
    } finally {
      await ctx.close();
    }
  }
  // Reduced motion: the widget's spinner stands still, its toggle does not
  // animate.
  {
    const { ctx, page } = await widgetHost({ reducedMotion: 'reduce' });
    try {
      const motion = await page.$eval('#ok', (el) => {
        const s = document.createElement('span');
        s.className = 'spinner';
        el.shadowRoot.append(s);
        const mark = el.shadowRoot.querySelector('.toggle-mark');
        const r = { spinner: getComputedStyle(s).animationName, mark: mark ? getComputedStyle(mark).transitionDuration : '0s' };
        s.remove();
        return r;
      });
      assert.equal(motion.spinner, 'none');
      assert.equal(motion.mark, '0s');
    } finally {
      await ctx.close();
    }
  }
  // Forced colours: every mark stays visible in the system's text colour,
  // and the verdict line keeps a border.
  {
    const { ctx, page } = await widgetHost({ forcedColors: 'active' });
    try {
      await page.$eval('#bad', (el) => el.shadowRoot.querySelector('.toggle').click());
      for (const id of ['ok', 'bad']) {
        const got = await page.$eval(`#${id}`, (el) => ({
          marks: [...el.shadowRoot.querySelectorAll('.verdict-icon, .icon')].map((m) => {
            const cs = getComputedStyle(m);
            return { stroke: cs.stroke, bg: cs.backgroundColor };
          }),
          border: getComputedStyle(el.shadowRoot.querySelector('.status')).borderStyle,
        }));
        assert.ok(got.marks.length > 0, `${id}: no marks`);
        for (const m of got.marks) assert.notEqual(m.stroke, m.bg, `${id}: a mark vanishes in forced colours: ${JSON.stringify(m)}`);
        assert.notEqual(got.border, 'none', `${id}: the verdict line has no border in forced colours`);
      }
      await page.locator('main').screenshot({ path: path.join(out, 'a11y-widget-forced-colors.png') });
    } finally {
      await ctx.close();
    }
  }
});

// The embeddable widget, <clearbadge-verify>, as another site uses it: a host
// page on one 127.0.0.1 port (a small server here, sending the
// Content-Security-Policy docs/web.md tells embedding sites to send) loads
// web/widget.mjs from ClearBadge's own server (cmd/serve) on a second port.
// Verdicts for the samples, a VC-JWT, a baked PNG and inline credentials;
// Open Badges 2.0 hosted, signed and baked badges verified with the documents
// the site serves (documents attribute and data-documents script);
// nothing fetched but the widget's files and the host's badge files; the wasm
// loaded only when a widget comes into view; no global added; keyboard use;
// the verdict attribute is output only (pending until the check ran, and a
// value set from outside changes nothing); an incomplete badge links to the
// verifier page; a screenshot (tests/out/widget.png, copied to the docs by
// `make screenshots`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { root, webDir, outDir, sharedFile, unavailable, requireBuild, startServer, startCanary, launch, ensureOutDir } from './helpers.mjs';
import { offline as wasmName } from '../../web/wasm-name.mjs';
import { TOKENS } from '../../web/common.mjs';

// What widget.mjs loads from ClearBadge's origin, and nothing else: the
// offline build of the wasm by its content-hashed name (web/wasm-name.mjs,
// written by `make wasm`).
const WASM = `/${wasmName}`;
const WIDGET_FILES = [
  '/widget.mjs',
  '/render.mjs',
  '/common.mjs',
  '/common.js',
  '/i18n.mjs',
  '/i18n/messages.mjs',
  '/clearbadge.mjs',
  '/wasm-name.mjs',
  '/worker.js',
  '/wasm_exec.js',
  WASM,
];

const bakedPNG = sharedFile('vectors', '1edtech', 'validator', 'ob30', 'simple-json.png');
const ob2JWT = sharedFile('vectors', '1edtech', 'validator', 'ob20', 'simple.jwt');
const ob2PNG = sharedFile('vectors', '1edtech', 'validator', 'ob20', 'simple-badge.png');
const ob2Dir = sharedFile('vectors', '1edtech', 'validator', 'ob20');
const BADGES = {
  ...(ob2JWT ? { 'ob2.jwt': ob2JWT, 'ob2.png': ob2PNG, 'ob2-hosted.json': path.join(ob2Dir, 'basic-assertion.json') } : {}),
  'sample.json': path.join(webDir, 'samples', 'sample.json'),
  'sample-tampered.json': path.join(webDir, 'samples', 'sample-tampered.json'),
  'sample-expired.json': path.join(webDir, 'samples', 'sample-expired.json'),
  'peer.jwt': path.join(root, 'testdata', 'peer', 'jwt-eddsa-didkey.jwt'),
  // Signed with a key carried in its own jwk header, for an https issuer:
  // nothing ties the key to the issuer offline, so it is incomplete.
  'rsa-jwk.jwt': path.join(root, 'testdata', 'peer', 'jwt-rs256-jwk.jwt'),
  ...(bakedPNG ? { 'baked.png': bakedPNG } : {}),
};
const TYPES = { '.json': 'application/json', '.jwt': 'text/plain; charset=utf-8', '.png': 'image/png' };

let cb;
let host;
let canary;
let browser;

// embedPolicy is the policy docs/web.md gives an embedding site: the widget's
// script from ClearBadge's origin, its blob: worker, compiling the wasm
// ('wasm-unsafe-eval': the worker inherits this policy), and connections to
// the site itself (badge files) and ClearBadge's origin (the wasm).
// drop names a part to leave out, to show that each is needed.
const POLICY_PARTS = {
  wasm: (o) => `script-src 'self' ${o} 'wasm-unsafe-eval'`,
  worker: () => 'worker-src blob:',
  connect: (o) => `connect-src 'self' ${o}`,
};
const embedPolicy = (cbOrigin, drop) =>
  [
    "default-src 'none'",
    drop === 'wasm' ? `script-src 'self' ${cbOrigin}` : POLICY_PARTS.wasm(cbOrigin),
    drop === 'worker' ? '' : POLICY_PARTS.worker(),
    drop === 'connect' ? "connect-src 'self'" : POLICY_PARTS.connect(cbOrigin),
    "img-src 'self' data:",
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ]
    .filter(Boolean)
    .join('; ');

function pageHTML(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ada Lovelace: portfolio</title>
<link rel="stylesheet" href="/host.css">
<script src="/globals.js"></script>
<script type="module" src="${cb.origin}/widget.mjs"></script>
</head><body>${body}</body></html>`;
}

// Inline credentials for the element's other ways of taking one.
const jwtText = () => readFileSync(BADGES['peer.jwt'], 'utf8').trim();
const sampleText = () => readFileSync(BADGES['sample.json'], 'utf8');
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const PAGES = {
  '/verdicts.html': () =>
    pageHTML(`<main>
<clearbadge-verify id="valid" src="badges/sample.json"><a href="badges/sample.json">Web Accessibility Foundations (fallback link)</a></clearbadge-verify>
<clearbadge-verify id="tampered" src="badges/sample-tampered.json"></clearbadge-verify>
<clearbadge-verify id="expired" src="/badges/sample-expired.json"></clearbadge-verify>
<clearbadge-verify id="jwt" src="badges/peer.jwt"></clearbadge-verify>
<clearbadge-verify id="incomplete" src="badges/rsa-jwk.jwt"></clearbadge-verify>
${bakedPNG ? '<clearbadge-verify id="png" src="badges/baked.png"></clearbadge-verify>' : ''}
<clearbadge-verify id="attr" credential="${escapeAttr(jwtText())}"></clearbadge-verify>
<clearbadge-verify id="script"><script type="application/json">${sampleText().replace(/</g, '\\u003c')}</script></clearbadge-verify>
<clearbadge-verify id="text">${jwtText()}</clearbadge-verify>
<clearbadge-verify id="garbage">this is not a credential</clearbadge-verify>
</main>`),
  '/ob2.html': () =>
    pageHTML(`<main>
<clearbadge-verify id="ob2-signed" src="badges/ob2.jwt"></clearbadge-verify>
<clearbadge-verify id="ob2-baked" src="badges/ob2.png"></clearbadge-verify>
</main>`),
  // The issuer's documents served by the site itself (the documents
  // attribute, both ways): 1EdTech's OB 2.0 assets, as their OB20Tests serve
  // them at example.org, and the hosted assertion at its own id.
  '/ob2-docs.html': () =>
    pageHTML(`<main>
<clearbadge-verify id="ob2-hosted" src="badges/ob2-hosted.json"
  documents="https://example.org/beths-robotics-badge.json=ob2/basic-assertion.json https://example.org/robotics-badge.json=ob2/robotics-badge.json https://example.org/organization.json=ob2/organization.json"></clearbadge-verify>
<clearbadge-verify id="ob2-signed" src="badges/ob2.jwt"><script type="application/json" data-documents>${JSON.stringify({
      'https://example.org/robotics-badge.json': 'ob2/robotics-badge.json',
      'https://example.org/organization.json': 'ob2/organization.json',
      'http://example.org/key1.json': 'ob2/key1.json',
    })}</script></clearbadge-verify>
<clearbadge-verify id="ob2-baked" src="badges/ob2.png"
  documents="https://example.org/beths-robotics-badge.json=ob2/basic-assertion.json https://example.org/robotics-badge.json=ob2/robotics-badge.json https://example.org/organization.json=ob2/organization.json"></clearbadge-verify>
</main>`),
  '/missing.html': () => pageHTML('<clearbadge-verify id="missing" src="badges/nothing-here.json"></clearbadge-verify>'),
  '/one.html': () => pageHTML('<clearbadge-verify id="one" src="badges/sample.json"></clearbadge-verify>'),
  // The page itself claims "verified" for a forged badge further down.
  '/claims.html': () =>
    pageHTML(`<main><h1>Further down</h1><div class="spacer"></div>
<clearbadge-verify id="forged" verdict="verified" src="badges/sample-tampered.json"></clearbadge-verify></main>`),
  '/lazy.html': () =>
    pageHTML(`<main><h1>Further down</h1><div class="spacer"></div>
<clearbadge-verify id="lazy" src="badges/sample.json"></clearbadge-verify></main>`),
  '/portfolio.html': () =>
    pageHTML(`<header><h1>Ada Lovelace</h1>
<p class="sub">Front-end developer &middot; accessibility &middot; open standards</p></header>
<main><h2>Badges</h2>
<p class="intro">Each badge is checked in your browser as you read this page: signature, issuer and dates. Nothing is sent anywhere.</p>
<div class="badges">
<clearbadge-verify id="p-valid" src="badges/sample.json"></clearbadge-verify>
<clearbadge-verify id="p-jwt" src="badges/peer.jwt"></clearbadge-verify>
<clearbadge-verify id="p-incomplete" src="badges/rsa-jwk.jwt"></clearbadge-verify>
<clearbadge-verify id="p-tampered" src="badges/sample-tampered.json"></clearbadge-verify>
</div></main>`),
};

const HOST_CSS = `body { margin: 0; font: 16px/1.5 Georgia, "DejaVu Serif", serif; color: #222; background: #faf8f4; }
header { padding: 32px 40px 8px; } h1 { margin: 0; font-size: 2rem; } .sub { margin: 4px 0 0; color: #555; }
main { padding: 8px 40px 40px; } h2 { font-size: 1.3rem; margin: 12px 0 4px; } .intro { color: #555; margin: 0 0 18px; max-width: 60ch; }
.badges { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(330px, 100%), 1fr)); gap: 20px; align-items: start; }
.badges clearbadge-verify { margin: 0; max-width: none; }
.spacer { height: 3000px; }`;

// globals.js runs before the widget's module script and records the page's
// global names where a test can read them without adding one itself.
const GLOBALS_JS = 'document.documentElement.dataset.globals = JSON.stringify(Object.getOwnPropertyNames(window));';

function startHost() {
  const hits = [];
  const srv = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    hits.push(u.pathname);
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(body);
    };
    if (PAGES[u.pathname]) {
      return send(200, 'text/html; charset=utf-8', PAGES[u.pathname](), { 'Content-Security-Policy': embedPolicy(cb.origin, u.searchParams.get('drop')) });
    }
    if (u.pathname === '/host.css') return send(200, 'text/css', HOST_CSS);
    if (u.pathname === '/globals.js') return send(200, 'text/javascript', GLOBALS_JS);
    const m = u.pathname.match(/^\/badges\/([^/]+)$/);
    if (m && BADGES[m[1]]) return send(200, TYPES[path.extname(m[1])], readFileSync(BADGES[m[1]]));
    // The OB 2.0 issuer's documents, read from ../shared (never copied in).
    const d = u.pathname.match(/^\/ob2\/([\w-]+\.json)$/);
    if (d && ob2Dir) {
      const f = d[1] === 'basic-assertion.json' ? path.join(ob2Dir, d[1]) : path.join(ob2Dir, 'assets', d[1]);
      return send(200, 'application/json', readFileSync(f));
    }
    return send(404, 'text/plain', 'not found');
  });
  return new Promise((resolve) =>
    srv.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${srv.address().port}`;
      resolve({ origin, hits, close: () => new Promise((r) => srv.close(r)) });
    }),
  );
}

before(async () => {
  requireBuild();
  [cb, canary] = await Promise.all([startServer(), startCanary()]);
  host = await startHost();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  cb?.close();
  await host?.close();
  await canary?.close();
});

// openHost opens a host page with every request routed through an allowlist:
// the host's own pages and badge files, and the widget's files from
// ClearBadge's origin. Anything else is aborted and recorded as a leak.
async function openHost(pagePath, viewport = { width: 1000, height: 900 }) {
  const ctx = await browser.newContext({ viewport });
  const net = { requests: [], leaks: [] };
  await ctx.route('**/*', (route) => {
    const req = route.request();
    const u = new URL(req.url());
    const ok = req.method() === 'GET' && (u.origin === host.origin || (u.origin === cb.origin && WIDGET_FILES.includes(u.pathname)));
    if (ok) return route.continue();
    net.leaks.push(`${req.method()} ${req.url()}`);
    return route.abort();
  });
  ctx.on('request', (req) => net.requests.push(req.url()));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('websocket', (ws) => net.leaks.push(`WS ${ws.url()}`));
  await page.goto(`${host.origin}${pagePath}`);
  return { ctx, page, net, errors };
}

// verdictOf scrolls a widget into view (it starts only then) and waits for
// its verdict; it returns what the host and the shadow root show.
async function verdictOf(page, id, timeout = 60000) {
  const el = page.locator(`#${id}`);
  await el.scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => !['pending', null].includes(document.getElementById(i).getAttribute('verdict')), id, { timeout });
  return el.evaluate((w) => ({
    attr: w.getAttribute('verdict'),
    prop: w.verdict,
    shadow: w.shadowRoot.querySelector('[data-verdict]')?.dataset.verdict,
    checks: Object.fromEntries([...w.shadowRoot.querySelectorAll('[data-check]')].map((c) => [c.dataset.check, c.dataset.outcome])),
    text: w.shadowRoot.querySelector('.card').innerText,
    image: w.shadowRoot.querySelector('.badge-img img')?.src || '',
  }));
}

test('widget on another origin: verdicts for samples, a VC-JWT, a baked PNG and inline credentials; only its own files fetched', async (t) => {
  const { ctx, page, net, errors } = await openHost('/verdicts.html', { width: 1000, height: 700 });
  try {
    const valid = await verdictOf(page, 'valid');
    assert.deepEqual([valid.attr, valid.prop, valid.shadow], ['verified', 'verified', 'verified'], valid.text);
    assert.equal(valid.checks.proof, 'pass');
    assert.match(valid.text, /Web Accessibility Foundations/);
    assert.match(valid.text, /Issued by ClearBadge Sample Issuer/);
    assert.match(valid.text, /Issued to Alex Rivera/);
    assert.match(valid.image, /^data:image\//, "the credential's own data: image");

    const tampered = await verdictOf(page, 'tampered');
    assert.deepEqual([tampered.attr, tampered.shadow], ['not-verified', 'not-verified'], tampered.text);
    assert.equal(tampered.checks.proof, 'fail');
    assert.match(tampered.text, /Unconfirmed claims/, "a forged badge's claims are marked as such");

    const expired = await verdictOf(page, 'expired');
    assert.deepEqual([expired.attr, expired.shadow], ['not-verified', 'not-verified'], expired.text);
    assert.equal(expired.checks.proof, 'pass');
    assert.equal(expired.checks.validity, 'fail');
    assert.doesNotMatch(expired.text, /Unconfirmed claims/, 'an expired badge is still authentic');

    const jwt = await verdictOf(page, 'jwt');
    assert.deepEqual([jwt.attr, jwt.shadow], ['verified', 'verified'], jwt.text);
    assert.match(jwt.text, /Peer Interop Explorer/);

    // Incomplete, in amber, with its word and mark, what is missing, and a
    // link to the full verifier page (which can check online).
    const inc = await verdictOf(page, 'incomplete');
    assert.deepEqual([inc.attr, inc.shadow], ['incomplete', 'incomplete'], inc.text);
    assert.equal(inc.checks.proof, 'pass');
    assert.equal(inc.checks.issuer, 'skip');
    assert.match(inc.text, /^Incomplete$/m);
    const shown = await page.$eval('#incomplete', (w) => ({
      bg: getComputedStyle(w.shadowRoot.querySelector('.status')).backgroundColor,
      icon: w.shadowRoot.querySelector('.status svg').getAttribute('class'),
      link: w.shadowRoot.querySelector('a.complete')?.href,
      missing: [...w.shadowRoot.querySelectorAll('[data-missing]')].map((m) => `${m.dataset.missing}:${m.dataset.remedy}`),
    }));
    assert.equal(shown.bg, 'rgb(255, 243, 221)', 'amber');
    assert.match(shown.icon, /icon-incomplete/);
    assert.equal(shown.link, `${cb.url}`, 'links to the verifier page beside widget.mjs');
    assert.deepEqual(shown.missing, ['issuer:online']);

    if (bakedPNG) {
      const png = await verdictOf(page, 'png');
      // The 1EdTech vector's key sits in the URL fragment of an example.com
      // issuer: authentic, but not tied to its issuer offline.
      assert.deepEqual([png.attr, png.shadow], ['incomplete', 'incomplete'], png.text);
      assert.match(png.text, /Teamwork Badge/);
      assert.match(png.image, /^data:image\/png;base64,/, 'the baked PNG itself, as a data: URL');
    } else {
      unavailable(t, '../shared/vectors is absent: the baked PNG was not tested');
    }

    for (const id of ['attr', 'script', 'text']) {
      const r = await verdictOf(page, id);
      assert.equal(r.attr, 'verified', `${id}: ${r.text}`);
    }
    const garbage = await verdictOf(page, 'garbage');
    assert.equal(garbage.attr, 'error', garbage.text);
    assert.equal(garbage.checks.format, 'fail');

    // Only the widget's own files from ClearBadge's origin (each once: one
    // worker serves every widget of the page) and the host's badge files.
    assert.deepEqual(net.leaks, []);
    const fromCB = net.requests.filter((u) => new URL(u).origin === cb.origin).map((u) => new URL(u).pathname);
    assert.deepEqual([...fromCB].sort(), [...WIDGET_FILES].sort(), `requests to ClearBadge's origin: ${fromCB.join(' ')}`);
    for (const u of net.requests) {
      if (u.startsWith('blob:')) continue;
      assert.ok([cb.origin, host.origin].includes(new URL(u).origin), u);
    }
    assert.ok(host.hits.includes('/badges/sample.json'));
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(errors, []);

    // The worker verifying for the widget has no network API left.
    const workers = page.workers();
    assert.equal(workers.length, 1, 'one worker for all widgets');
    assert.match(workers[0].url(), /^blob:/);
    const fromWorker = await workers[0].evaluate(async (target) => {
      try {
        await fetch(`${target}/from-worker`);
        return 'fetched';
      } catch (e) {
        return String(e.message);
      }
    }, canary.origin);
    assert.match(fromWorker, /disabled/);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

// The widget verifies offline with what the page gives it: an Open Badges
// 2.0 badge needs its issuer's documents, so it shows as incomplete.
test('widget: Open Badges 2.0 signed and baked badges show, incomplete offline', async (t) => {
  if (!ob2JWT) {
    unavailable(t, '../shared/vectors is absent: the OB 2.0 badges were not tested');
    return;
  }
  const { ctx, page, net, errors } = await openHost('/ob2.html', { width: 1000, height: 700 });
  try {
    for (const id of ['ob2-signed', 'ob2-baked']) {
      const r = await verdictOf(page, id);
      assert.equal(r.attr, r.shadow, id);
      assert.equal(r.attr, 'incomplete', `${id}: ${r.text}`);
      assert.equal(r.checks.format, 'pass', id);
      assert.equal(r.checks.proof, 'skip', id);
      assert.match(r.text, /Open Badges 2\.0/, id);
    }
    assert.match((await verdictOf(page, 'ob2-baked')).image, /^data:image\/png;base64,/);
    await page.locator('#ob2-baked').screenshot({ path: path.join(ensureOutDir(), 'ob2-widget.png') });
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('widget: Open Badges 2.0 hosted, signed and baked badges verify with the documents the site serves', async (t) => {
  if (!ob2JWT) {
    unavailable(t, '../shared/vectors is absent: the OB 2.0 badges were not tested');
    return;
  }
  const { ctx, page, net, errors } = await openHost('/ob2-docs.html', { width: 1000, height: 900 });
  try {
    const rests = {
      'ob2-hosted': /Open Badges 2\.0, hosted: genuine as long as the issuer's server \(example\.org\) still serves it/,
      'ob2-signed': /Open Badges 2\.0, signed by the issuer/,
      'ob2-baked': /Open Badges 2\.0, hosted: genuine as long as the issuer's server \(example\.org\) still serves it/,
    };
    for (const [id, re] of Object.entries(rests)) {
      const r = await verdictOf(page, id);
      assert.equal(r.attr, r.shadow, id);
      assert.equal(r.attr, 'verified', `${id}: ${r.text}`);
      for (const c of ['format', 'issuer', 'validity', 'status']) assert.equal(r.checks[c], 'pass', `${id} ${c}: ${r.text}`);
      // The baked copy differs from the one its issuer serves: a note, and
      // the served copy is the one verified (docs/ob2.md).
      assert.equal(r.checks.proof, id === 'ob2-baked' ? 'warn' : 'pass', `${id} proof: ${r.text}`);
      assert.match(r.text, re, id);
      assert.match(r.text, /Awesome Robotics Badge/, id);
      assert.match(r.text, /An Example Badge Issuer/, id);
      assert.equal(await page.locator(`#${id} .foot`).getAttribute('data-online'), null, `${id}: checked offline`);
    }
    // The site served every document: nothing went to example.org.
    assert.deepEqual(net.leaks, []);
    await page.locator('#ob2-hosted').screenshot({ path: path.join(ensureOutDir(), 'ob2-widget-hosted.png') });
    await page.locator('#ob2-signed').screenshot({ path: path.join(ensureOutDir(), 'ob2-widget-signed.png') });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('widget: a badge file that cannot be fetched is an error, said plainly', async () => {
  const { ctx, page } = await openHost('/missing.html');
  try {
    const r = await verdictOf(page, 'missing');
    assert.deepEqual([r.attr, r.shadow], ['error', 'error'], r.text);
    assert.match(r.text, /nothing-here\.json could not be fetched \(HTTP 404\)/);
  } finally {
    await ctx.close();
  }
});

test('widget: each line of the embedding policy in docs/web.md is needed', async () => {
  for (const drop of ['', ...Object.keys(POLICY_PARTS)]) {
    const { ctx, page } = await openHost(`/one.html?drop=${drop}`);
    try {
      const r = await verdictOf(page, 'one', 30000);
      assert.equal(r.attr, drop ? 'error' : 'verified', `without ${drop || 'nothing'}: ${r.text}`);
      if (drop) assert.match(r.text, /Could not be read\s+clearbadge worker (failed|error)/, r.text);
    } finally {
      await ctx.close();
    }
  }
});

test('widget: the wasm is loaded only when a widget comes into view, and no global is added', async () => {
  const { ctx, page, net, errors } = await openHost('/lazy.html');
  try {
    await page.waitForFunction(() => customElements.get('clearbadge-verify'));
    await page.waitForTimeout(1000);
    const wasm = () => net.requests.filter((u) => u.endsWith(WASM)).length;
    assert.equal(wasm(), 0, 'wasm fetched before the widget was visible');
    assert.equal(await page.getAttribute('#lazy', 'verdict'), 'pending');
    assert.equal(page.workers().length, 0);

    const r = await verdictOf(page, 'lazy');
    assert.equal(r.attr, 'verified', r.text);
    assert.equal(wasm(), 1);

    const added = await page.evaluate(() => {
      const before = new Set(JSON.parse(document.documentElement.dataset.globals));
      return Object.getOwnPropertyNames(window).filter((k) => !before.has(k));
    });
    assert.deepEqual(added, [], 'globals added by the widget');
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test('widget: accessible names, live status, and the checks open and close from the keyboard', async () => {
  const { ctx, page } = await openHost('/portfolio.html');
  try {
    await verdictOf(page, 'p-valid');
    const a11y = await page.$eval('#p-valid', (w) => {
      const card = w.shadowRoot.querySelector('.card');
      const status = w.shadowRoot.querySelector('[role=status]');
      return {
        role: card.getAttribute('role'),
        name: w.shadowRoot.getElementById(card.getAttribute('aria-labelledby'))?.textContent,
        live: status.getAttribute('aria-live'),
        status: status.innerText,
        busy: card.getAttribute('aria-busy'),
      };
    });
    assert.deepEqual(
      { ...a11y, status: undefined },
      {
        role: 'group',
        name: 'Web Accessibility Foundations',
        live: 'polite',
        status: undefined,
        busy: 'false',
      },
    );
    assert.match(a11y.status, /^Verified/);

    // Tab reaches the widget's button; Enter opens the checks, Space closes them.
    const toggle = page.locator('#p-valid >> button.toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#p-valid >> [data-check="proof"]').isVisible(), false);
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.$eval('#p-valid', (w) => w.shadowRoot.activeElement?.classList.contains('toggle') ?? false);
    }
    assert.ok(reached, 'Tab reaches the checks button');
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('#p-valid >> [data-check="proof"]').isVisible(), true);
    assert.match(await toggle.innerText(), /Checks/);
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#p-valid >> [data-check="proof"]').isVisible(), false);
  } finally {
    await ctx.close();
  }
});

test('widget: the verdict attribute is output only: pending until checked, and a value set from outside changes nothing', async () => {
  const { ctx, page, net } = await openHost('/claims.html');
  try {
    await page.waitForFunction(() => customElements.get('clearbadge-verify'));
    const state = () =>
      page.$eval('#forged', (w) => ({
        attr: w.getAttribute('verdict'),
        prop: w.verdict,
        shadow: w.shadowRoot.querySelector('[data-verdict]')?.dataset.verdict ?? null,
        text: w.shadowRoot.querySelector('.card').innerText,
      }));
    // The page wrote verdict="verified"; the widget, not yet checked, says pending.
    let s = await state();
    assert.deepEqual([s.attr, s.prop, s.shadow], ['pending', 'pending', null], s.text);
    assert.doesNotMatch(s.text, /verified/i, 'nothing says verified before the check ran');
    assert.match(s.text, /Checking this badge/);
    await page.$eval('#forged', (w) => w.setAttribute('verdict', 'verified'));
    s = await state();
    assert.deepEqual([s.attr, s.shadow], ['pending', null], 'set from outside while pending');
    assert.doesNotMatch(s.text, /verified/i);
    assert.equal(net.requests.filter((u) => u.endsWith(WASM)).length, 0, 'still not started');

    const r = await verdictOf(page, 'forged');
    assert.deepEqual([r.attr, r.prop, r.shadow], ['not-verified', 'not-verified', 'not-verified'], r.text);
    const before = await state();
    await page.$eval('#forged', (w) => {
      w.setAttribute('verdict', 'verified');
    });
    await page.$eval('#forged', (w) => {
      w.removeAttribute('verdict');
    });
    s = await state();
    assert.deepEqual(s, before, 'set or removed from outside after the check');
  } finally {
    await ctx.close();
  }
});

test('widget screenshot: a portfolio with four badges, the incomplete one opened (tests/out/widget.png)', async () => {
  ensureOutDir();
  const { ctx, page, errors } = await openHost('/portfolio.html', { width: 1160, height: 760 });
  try {
    for (const id of ['p-valid', 'p-jwt', 'p-incomplete', 'p-tampered']) await verdictOf(page, id);
    await page.locator('#p-incomplete >> button.toggle').click();
    await page.screenshot({ path: path.join(outDir, 'widget.png'), fullPage: true });
    assert.deepEqual(errors, []);
    // On a phone-sized screen each card fits its column.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.$$eval('clearbadge-verify', (ws) =>
      ws.map((w) => {
        const card = w.shadowRoot.querySelector('.card');
        return card.scrollWidth - card.clientWidth;
      }),
    );
    assert.deepEqual(overflow, [0, 0, 0, 0]);
    // The colours are common.mjs TOKENS, and the two custom properties a
    // page may set on the element (docs/web.md) still theme it.
    const themed = await page.$eval('#p-incomplete', (w) => {
      const read = () => [getComputedStyle(w.shadowRoot.querySelector('.toggle')).color, getComputedStyle(w.shadowRoot.querySelector('.card')).backgroundColor];
      const before = read();
      w.style.setProperty('--clearbadge-accent', 'rgb(1, 2, 3)');
      w.style.setProperty('--clearbadge-background', 'rgb(4, 5, 6)');
      return { before, after: read() };
    });
    const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    assert.deepEqual(themed.before, [rgb(TOKENS.accent), rgb(TOKENS.surface)]);
    assert.deepEqual(themed.after, ['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  } finally {
    await ctx.close();
  }
});

test("widget on ClearBadge's own origin uses the page's worker.js", async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  try {
    await page.goto(cb.url);
    await page.evaluate(async (text) => {
      await import('./widget.mjs');
      const w = document.createElement('clearbadge-verify');
      w.setAttribute('credential', text);
      document.querySelector('main').prepend(w);
    }, sampleText());
    await page.waitForFunction(() => !['pending', null].includes(document.querySelector('clearbadge-verify').verdict), null, { timeout: 60000 });
    assert.equal(await page.$eval('clearbadge-verify', (w) => w.verdict), 'verified');
    assert.ok(
      page.workers().some((w) => new URL(w.url()).pathname === '/worker.js'),
      page
        .workers()
        .map((w) => w.url())
        .join(' '),
    );
  } finally {
    await ctx.close();
  }
});

// The verifier page against issuers whose servers do or do not let web
// pages read their documents (issue 17). One local HTTPS server stands for
// issuer.test (CORS open) and nocors.test (no CORS headers), reached through
// --host-resolver-rules (../shared/notes/browser-testing.md §7); the names
// are not local addresses, so the page's default refusal of those stays on.
//   - nocors.test: the online check is refused by the browser; the card says
//     so, names the document, and adding it as a file completes the check;
//   - issuer.test: online mode completes the check directly;
//   - online mode also asks the default issuer registries (the same server
//     stands for their hosts: the DCC list lists issuer.test, the OpenID
//     Federation anchor answers 404), and the card says who lists the issuer;
//   - registries added in the options: a file is read offline, an address
//     is asked (online only) instead of the defaults, and each is removable;
//   - the request ledger (route allowlist, the server's log by Host, a
//     canary) shows nothing but the hosts the card named was contacted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireBuild, startServer, startCanary, ensureOutDir, launch, selfSignedCert, oneCard, PAGE_FILES, defaultRegistries } from './helpers.mjs';
import { didWebIssuer, sign, openBadge } from './issue.mjs';

let server;
let canary;
let browser;
let docsServer;
let tmp;
let registries;
let hosts;
const files = {};
// A DCC registry JSON (core/registry reads it): {meta: {name}, registry: {did: {name, url}}}.
const dccList = (name, entries) => ({ meta: { name }, registry: entries });
const hits = [];
const served = {};

before(async () => {
  requireBuild();
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-reach-page-'));
  registries = await defaultRegistries();
  hosts = ['issuer.test', 'nocors.test', 'registry.test', ...registries.map((r) => r.host)];
  // The default list registry (DCC JSON) lists issuer.test; the others (an
  // OpenID Federation anchor) are not served: a 404, said in the detail.
  const list = registries.find((r) => r.path.endsWith('.json'));
  served[`${list.host} ${list.path}`] = dccList('Test Community Registry', {
    'did:web:issuer.test': { name: 'College at issuer.test', url: 'https://issuer.test' },
  });
  served['registry.test /list.json'] = dccList('Registry by address', { 'did:web:issuer.test': { name: 'College at issuer.test' } });
  files['registry-file.json'] = path.join(tmp, 'registry-file.json');
  writeFileSync(files['registry-file.json'], JSON.stringify(dccList('Registry from a file', { 'did:web:nocors.test': { name: 'College at nocors.test' } })));
  docsServer = https.createServer(selfSignedCert(tmp, hosts), (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    hits.push(`${host} ${req.url}`);
    if (host !== 'nocors.test') res.setHeader('Access-Control-Allow-Origin', '*');
    const doc = served[`${host} ${req.url}`];
    if (!doc) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(doc));
  });
  await new Promise((r) => docsServer.listen(0, '127.0.0.1', r));
  for (const host of ['issuer.test', 'nocors.test']) {
    const iss = await didWebIssuer(`did:web:${host}`);
    served[`${host} /.well-known/did.json`] = iss.didDocument;
    files[host] = path.join(tmp, `${host}.json`);
    writeFileSync(
      files[host],
      JSON.stringify(
        await sign(
          openBadge({
            issuer: { id: `did:web:${host}`, name: `College at ${host}` },
            name: `Badge from ${host}`,
          }),
          iss.key,
        ),
      ),
    );
  }
  files['nocors-did.json'] = path.join(tmp, 'did.json');
  writeFileSync(files['nocors-did.json'], JSON.stringify(served['nocors.test /.well-known/did.json']));
  [server, canary] = await Promise.all([startServer(), startCanary()]);
  const port = docsServer.address().port;
  browser = await launch({ hosts, port });
});

after(async () => {
  await browser?.close();
  server?.close();
  await canary?.close();
  await new Promise((r) => (docsServer ? docsServer.close(r) : r()));
});

async function openPage() {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 }, ignoreHTTPSErrors: true });
  const net = { leaks: [], foreign: [] };
  await ctx.route('**/*', (route) => {
    const req = route.request();
    const u = new URL(req.url());
    if (u.origin === server.origin && req.method() === 'GET' && PAGE_FILES.test(u.pathname)) return route.continue();
    if (hosts.includes(u.host)) {
      net.foreign.push(`${u.host}${u.pathname}`);
      return route.continue();
    }
    net.leaks.push(`${req.method()} ${req.url()}`);
    return route.abort();
  });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page, net };
}

const settled = oneCard;

test('a host without CORS: the card says the browser was refused, and the document added as a file completes it', async () => {
  const { ctx, page, net } = await openPage();
  try {
    await page.setInputFiles('input[type=file]', files['nocors.test']);
    let r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.deepEqual(hits, [], 'offline by default');
    await page.click('[data-remedy-action="online"][data-host="nocors.test"]');
    r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.match(r.text, /nocors\.test does not let web pages read its key document/);
    assert.match(r.text, /ClearBadge wallet extension or the command line/);
    const doc = page.locator('[data-remedy-action="document"][data-url="https://nocors.test/.well-known/did.json"]');
    assert.equal(await doc.count(), 1, 'the card names the URL it needs');
    await page.locator('#results > [data-verdict]').screenshot({ path: path.join(ensureOutDir(), 'page-refused.png') });
    await doc.setInputFiles(files['nocors-did.json']);
    r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    // The browser did send the request (the server answered without CORS).
    for (const h of hits) assert.equal(h, 'nocors.test /.well-known/did.json');
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

test('a host with CORS: online mode completes the check directly, and the default registries say who the issuer is', async () => {
  hits.length = 0;
  const { ctx, page, net } = await openPage();
  try {
    await page.click('#online');
    await page.setInputFiles('input[type=file]', files['issuer.test']);
    const r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    // The issuer's key, and each default registry: nothing else.
    const want = ['issuer.test /.well-known/did.json', ...registries.map((x) => `${x.host} ${x.path}`)].sort();
    assert.deepEqual([...hits].sort(), want);
    assert.deepEqual(
      [...net.foreign].sort(),
      want.map((x) => x.replace(' ', '')),
    );
    assert.equal(r.checks.identity, 'pass', r.text);
    assert.match(r.text, /College at issuer\.test is listed by Test Community Registry/);
    // The card names where its documents came from (the registry answering
    // 404 gave none).
    const list = registries.find((x) => x.path.endsWith('.json'));
    assert.match(r.text, new RegExp(`with online checks \\(documents fetched from (issuer\\.test and ${list.host}|${list.host} and issuer\\.test)\\)`));
    await page.locator('#results > [data-verdict]').screenshot({ path: path.join(ensureOutDir(), 'page-registry.png') });
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

test('widget: offline by default; online opts in for the hosts the badge names; documents keep it offline', async () => {
  hits.length = 0;
  const { ctx, page, net } = await openPage();
  try {
    const body = {
      '/reach-widget.html': [
        'text/html',
        `<!doctype html><meta charset="utf-8"><title>Portfolio</title>
<script type="module" src="/widget.mjs"></script>
<clearbadge-verify id="off" src="/reach/issuer.json"></clearbadge-verify>
<clearbadge-verify id="on" online src="/reach/issuer.json"></clearbadge-verify>
<clearbadge-verify id="docs" src="/reach/nocors.json" documents="https://nocors.test/.well-known/did.json=/reach/nocors-did.json"></clearbadge-verify>`,
      ],
      '/reach/issuer.json': ['application/json', readFileSync(files['issuer.test'])],
      '/reach/nocors.json': ['application/json', readFileSync(files['nocors.test'])],
      '/reach/nocors-did.json': ['application/json', readFileSync(files['nocors-did.json'])],
    };
    await page.route(
      (u) => Object.hasOwn(body, u.pathname),
      (route) => {
        const [contentType, b] = body[new URL(route.request().url()).pathname];
        return route.fulfill({ contentType, body: b });
      },
    );
    await page.goto(`${server.origin}/reach-widget.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('clearbadge-verify')].every((el) => el.verdict && el.verdict !== 'pending'), null, {
      timeout: 60000,
    });
    const verdicts = await page.$$eval('clearbadge-verify', (els) => Object.fromEntries(els.map((el) => [el.id, el.verdict])));
    assert.deepEqual(verdicts, { off: 'incomplete', on: 'verified', docs: 'verified' });
    // The online widget asks the hosts its badge names, and the default
    // registries who the issuer is; it names them all.
    assert.equal(await page.locator('#on .foot').getAttribute('data-online'), ['issuer.test', ...registries.map((r) => r.host)].join(' '));
    assert.match(await page.locator('#on .foot').textContent(), /Checked online in this browser by ClearBadge at .+, contacting only issuer\.test, /);
    assert.match(await page.locator('#on').evaluate((w) => w.shadowRoot.textContent), /listed by Test Community Registry/);
    assert.match(await page.locator('#docs .foot').textContent(), /Checked offline/);
    assert.deepEqual(
      [...hits].sort(),
      ['issuer.test /.well-known/did.json', ...registries.map((r) => `${r.host} ${r.path}`)].sort(),
      'only the online widget contacted only its hosts',
    );
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

test('registries in the options: a file is read offline, an address is asked online instead of the defaults; each removable', async () => {
  hits.length = 0;
  const { ctx, page, net } = await openPage();
  try {
    await page.click('.advanced summary');
    // The defaults are shown while none is added.
    assert.deepEqual(
      await page.$$eval('[data-registry-default]', (els) => els.map((e) => e.dataset.registryDefault)),
      registries.map((r) => r.url),
    );
    await page.setInputFiles('#registry-file', files['registry-file.json']);
    await page.waitForSelector('[data-registry="registry-file.json"]');
    await page.setInputFiles('input[type=file]#file', files['nocors.test']);
    let r = await settled(page);
    assert.equal(r.verdict, 'incomplete', 'the registry never changes the verdict');
    assert.equal(r.checks.identity, 'pass', r.text);
    assert.match(r.text, /College at nocors\.test is listed by Registry from a file/);
    assert.deepEqual(hits, [], 'a registry file is read offline');

    // Removed: the defaults are back (offline, not asked).
    await page.click('[data-registry="registry-file.json"] button');
    await page.waitForSelector('[data-registry-default]');
    r = await settled(page);
    assert.notEqual(r.checks.identity, 'pass', r.text);

    // An address: asked only online, in place of the defaults.
    await page.fill('#registry-url', 'http://registry.test/list.json');
    await page.click('#registry-add');
    assert.match(await page.textContent('#status'), /must start with https/);
    await page.fill('#registry-url', 'https://registry.test/list.json');
    await page.click('#registry-add');
    await page.waitForSelector('[data-registry="https://registry.test/list.json"]');
    await page.click('#results > [data-verdict] button:has-text("Remove")');
    await page.click('#online');
    await page.setInputFiles('input[type=file]#file', files['issuer.test']);
    r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    assert.match(r.text, /College at issuer\.test is listed by Registry by address/);
    assert.deepEqual([...hits].sort(), ['issuer.test /.well-known/did.json', 'registry.test /list.json']);
    await page.locator('.options').screenshot({ path: path.join(ensureOutDir(), 'page-registries.png') });
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
  } finally {
    await ctx.close();
  }
});

// Online mode end to end: a credential whose issuer is a did:web served by a
// local HTTPS server. Offline, the page must not contact that server and
// cannot confirm the key; with "Online checks" on, the online worker fetches
// the DID document through the browser's fetch (CORS, its own CSP) and the
// credential verifies. The credential is signed here, at test time, with
// Digital Bazaar's stack, so this is an interoperability check as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { didWebIssuer, sign, openBadge } from './issue.mjs';
import * as wasmNames from '../../web/wasm-name.mjs';
import { requireBuild, startServer, launch, waitForResults, selfSignedCert, defaultRegistries, unavailable } from './helpers.mjs';

let server;
let browser;
let didServer;
let tmp;
let credPath;
const didHits = [];

function haveOpenSSL() {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

before(async () => {
  requireBuild();
  if (!haveOpenSSL()) return;
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-online-'));

  let didDoc = null;
  didServer = https.createServer(selfSignedCert(tmp, ['127.0.0.1']), (req, res) => {
    didHits.push({ url: req.url, accept: req.headers.accept, cookie: req.headers.cookie, referer: req.headers.referer });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url === '/.well-known/did.json' && didDoc) {
      res.setHeader('Content-Type', 'application/did+json');
      res.end(JSON.stringify(didDoc));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((r) => didServer.listen(0, '127.0.0.1', r));
  const port = didServer.address().port;

  // did:web method §3.2: did:web:127.0.0.1%3APORT resolves to
  // https://127.0.0.1:PORT/.well-known/did.json
  const did = `did:web:127.0.0.1%3A${port}`;
  const issuer = await didWebIssuer(did);
  didDoc = issuer.didDocument;
  const credential = await sign(
    openBadge({
      issuer: { id: did, name: 'Local did:web issuer' },
      name: 'Online check test badge',
    }),
    issuer.key,
  );
  credPath = path.join(tmp, 'did-web-credential.json');
  writeFileSync(credPath, JSON.stringify(credential, null, 2));

  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  await new Promise((r) => (didServer ? didServer.close(r) : r()));
});

test('did:web issuer: offline makes no request and is incomplete; online fetches the DID document and verifies', async (t) => {
  if (!didServer) {
    unavailable(t, 'openssl is not installed: no local HTTPS server for the online test');
    return;
  }
  const didOrigin = `https://127.0.0.1:${didServer.address().port}`;
  // The self-signed certificate is accepted for this context only.
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
  const requests = [];
  const leaks = [];
  const registryHosts = (await defaultRegistries()).map((r) => r.host);
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    requests.push(u.href);
    if (u.origin === server.origin || u.origin === didOrigin) return route.continue();
    // Online mode asks the default registries who the issuer is; they are
    // not served here (reach.test.mjs does), which leaves the verdict alone.
    if (registryHosts.includes(u.host)) return route.abort();
    leaks.push(u.href);
    return route.abort();
  });
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

    await page.setInputFiles('input[type=file]', credPath);
    let [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.equal(r.checks.proof, 'skip', r.text);
    assert.deepEqual(didHits, [], 'offline mode contacted the did:web server');
    assert.ok(!requests.some((u) => u.startsWith(didOrigin)), 'offline mode requested the did:web document');
    // The offline worker runs the offline build of the wasm (no JSON Schema
    // validator), the online worker the full one.
    const wasmAsked = () => requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith('.wasm'));
    assert.deepEqual(wasmAsked(), [`/${wasmNames.offline}`], 'offline: the offline build only');

    await page.click('#online');
    assert.equal(await page.isChecked('#online'), true);
    assert.equal(await page.isVisible('#online-more'), true, 'switching online explains what will be contacted');
    // The did:web server is on 127.0.0.1: refused without a request...
    await page.click('#results > [data-verdict] button:has-text("Check again")');
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 1 && !document.querySelector('#results > .pending'));
    [r] = await waitForResults(page, 1);
    assert.notEqual(r.verdict, 'verified', r.text);
    assert.match(r.text, /127\.0\.0\.1 is a local address/);
    assert.deepEqual(didHits, [], 'a local address was contacted without allowing the private network');
    // ... until private network access is allowed explicitly.
    await page.check('#private-network');
    await page.click('#results > [data-verdict] button:has-text("Check again")');
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 1 && !document.querySelector('#results > .pending'));
    [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.proof, 'pass');

    assert.equal(didHits.length, 1, JSON.stringify(didHits));
    assert.equal(didHits[0].url, '/.well-known/did.json');
    assert.match(didHits[0].accept, /json/);
    assert.equal(didHits[0].cookie, undefined);
    assert.equal(didHits[0].referer, undefined, 'no referrer is sent');
    assert.ok(
      requests.some((u) => new URL(u).pathname === '/worker-online.js'),
      'the online worker did the fetching',
    );
    assert.deepEqual(wasmAsked(), [`/${wasmNames.offline}`, `/${wasmNames.default}`], 'online: the full build');
    assert.deepEqual(leaks, []);
  } finally {
    await ctx.close();
  }
});

// @ts-check
// Shared pieces of the browser tests: the project's own static server
// (cmd/serve) on a free port, Debian's Chromium through playwright-core (never
// a browser download), a canary server on another port that must never be
// hit, and a network recorder that aborts anything not from the page's origin.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.join(root, 'web');
export const outDir = path.join(root, 'tests', 'out');
// Test vectors live beside the project (../shared); tests that need them skip
// when it is absent.
export const sharedDir = path.resolve(root, '..', 'shared');

// unavailable skips t for a missing outside input (../shared), or fails it
// where nothing may be skipped: CI, and `make test` (CLEARBADGE_NO_SKIP), as
// internal/testenv does for the Go tests.
export function unavailable(t, msg) {
  if (process.env.CI || process.env.CLEARBADGE_NO_SKIP) assert.fail(`${msg} (CI or make test: nothing may be skipped)`);
  t.skip(msg);
}

export function sharedFile(...parts) {
  const p = path.join(sharedDir, ...parts);
  return existsSync(p) ? p : null;
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/lib/chromium/chromium']) {
    if (p && existsSync(p)) return p;
  }
  throw new Error("Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM");
}

export function requireBuild() {
  for (const f of ['clearbadge.wasm', 'wasm_exec.js', 'wasm-name.mjs', 'tokens.css']) {
    if (!existsSync(path.join(webDir, f))) throw new Error(`web/${f} is missing: run \`make wasm\` first`);
  }
}

// startServer builds cmd/serve and runs it on 127.0.0.1 with a free port,
// serving dir (default web/).
export async function startServer(dir = webDir) {
  const bin = path.join(mkdtempSync(path.join(tmpdir(), 'clearbadge-serve-')), 'serve');
  execFileSync('go', ['build', '-o', bin, './cmd/serve'], { cwd: root, stdio: 'inherit' });
  const proc = spawn(bin, ['-addr', '127.0.0.1:0', '-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('cmd/serve printed no URL within 20 s')), 20000);
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cmd/serve exited with ${code}`));
    });
  });
  return { url, origin: new URL(url).origin, close: () => proc.kill() };
}

// startCanary is a server on another port that records every hit. CORS is
// open so that a request which escaped would really succeed.
export async function startCanary() {
  const hits = [];
  const srv = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.end('canary');
  });
  srv.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', () => r(undefined)));
  const origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (srv.address()).port}`;
  return { origin, hits, close: () => new Promise((r) => srv.close(r)) };
}

// launch starts Debian's Chromium headless. With hosts and port, those test
// host names resolve to 127.0.0.1:port (../shared/notes/browser-testing.md
// §7), so a local HTTPS server can stand in for issuers' sites.
/** @param {{hosts?: string[], port?: number}} [opts] */
export async function launch({ hosts = [], port } = {}) {
  const args = hosts.length ? [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`] : [];
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args });
}

// selfSignedCert makes a one-day P-256 certificate for the given DNS names
// (or IP addresses) in dir, for the tests' HTTPS servers; it returns the
// options https.createServer takes, and spki: the SHA-256 of its public key
// for Chromium's --ignore-certificate-errors-spki-list, which trusts it
// browser-wide (the network service itself, so an extension's offscreen
// workers too, which Playwright's ignoreHTTPSErrors does not reach).
export function selfSignedCert(dir, names) {
  const san = names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  openssl(['req', '-x509', ...newP256Key(key), '-out', cert, '-days', '1', '-subj', `/CN=${names[0]}`, '-addext', `subjectAltName=${san}`]);
  return { key: readFileSync(key), cert: readFileSync(cert), spki: spkiOf(cert) };
}

// openssl runs the openssl command quietly.
function openssl(args) {
  execFileSync('openssl', args, { stdio: 'ignore' });
}

// newP256Key is openssl req's arguments for a new unencrypted P-256 key
// written to keyout.
const newP256Key = (keyout) => ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyout];

// spkiOf is the base64 SHA-256 of the certificate's public key, as
// Chromium's --ignore-certificate-errors-spki-list takes it.
function spkiOf(cert) {
  return execFileSync('sh', ['-c', `openssl x509 -in '${cert}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`])
    .toString()
    .trim();
}

// defaultRegistries: the issuer registries the page (online mode), an
// online widget and the wallet ask when the reader added none, read from
// the module itself (cb.defaultRegistries), with their hosts, for the tests'
// request ledgers and their local stand-ins.
export async function defaultRegistries() {
  const { load } = await import('../../web/clearbadge.mjs');
  return (await load()).defaultRegistries.map((r) => ({ ...r, host: new URL(r.url).host, path: new URL(r.url).pathname }));
}

// testCA makes a one-day test certificate authority in dir and a server
// certificate it signs for names: the options https.createServer takes
// (the server sends its certificate and the CA's), and spki, the CA key's
// SHA-256 for --ignore-certificate-errors-spki-list, so that Chromium trusts
// what this CA signed, as a browser trusts an issuer's real CA.
export function testCA(dir, names) {
  const f = (n) => path.join(dir, n);
  openssl([
    'req',
    '-x509',
    ...newP256Key(f('ca-key.pem')),
    '-out',
    f('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=ClearBadge test CA',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign',
  ]);
  openssl(['req', ...newP256Key(f('key.pem')), '-out', f('server.csr'), '-subj', `/CN=${names[0]}`]);
  writeFileSync(f('ext.cnf'), `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    f('cert.pem'),
    '-days',
    '1',
    '-extfile',
    f('ext.cnf'),
  ]);
  return { key: readFileSync(f('key.pem')), cert: Buffer.concat([readFileSync(f('cert.pem')), readFileSync(f('ca.pem'))]), spki: spkiOf(f('ca.pem')) };
}

// PAGE_FILES are the page's own files: anything else from its origin, and
// everything from any other origin, is aborted and recorded as a leak.
export const PAGE_FILES = /\.(html|js|mjs|css|wasm|svg|json)$|\/$/;

// recordNetwork routes every request of a browser context (page and workers)
// through an allowlist and records all of them, and WebSockets separately
// (route() does not see those).
export async function recordNetwork(ctx, origin) {
  const net = { requests: [], leaks: [], sockets: [] };
  await ctx.route('**/*', (route) => {
    const req = route.request();
    const u = new URL(req.url());
    if (u.origin === origin && req.method() === 'GET' && PAGE_FILES.test(u.pathname)) return route.continue();
    net.leaks.push(`${req.method()} ${req.url()}`);
    return route.abort();
  });
  ctx.on('request', (req) => net.requests.push(req.url()));
  ctx.on('page', (p) => p.on('websocket', (ws) => net.sockets.push(ws.url())));
  return net;
}

export function ensureOutDir() {
  mkdirSync(outDir, { recursive: true });
  return outDir;
}

// waitForResults waits until n results carry a verdict.
// chooserByKey: presses key on the focused file input and returns the file
// chooser it opens. Playwright intercepts file choosers only once a listener
// asks it to, and that request is itself asynchronous: a key pressed in the
// same breath (Promise.all) can reach the page first and open the native
// dialog, which headless Chromium never shows, and no event comes. That
// failed the keyboard tests now and then on a busy machine. So the listener
// is registered, and a round trip to the page made behind it, before the key.
export async function chooserByKey(page, key = 'Space') {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  await page.keyboard.press(key);
  return chooser;
}

export async function waitForResults(page, n, timeout = 60000) {
  await page.waitForFunction((count) => document.querySelectorAll('#results > [data-verdict]').length >= count, n, { timeout });
  return page.$$eval('#results > [data-verdict]', (els) =>
    els.map((el) => ({
      verdict: el.dataset.verdict,
      title: el.querySelector('h3')?.textContent,
      checks: Object.fromEntries([...el.querySelectorAll('[data-check]')].map((c) => [c.dataset.check, c.dataset.outcome])),
      text: el.innerText,
    })),
  );
}

// oneCard waits until the page shows exactly one settled card (not pending)
// and reads it, with its missing checks ("check:remedy") and its
// check-online buttons ("host: label").
export async function oneCard(page) {
  await page.waitForFunction(
    () => document.querySelectorAll('#results > [data-verdict]').length === 1 && !document.querySelector('#results > .pending'),
    null,
    { timeout: 60000 },
  );
  const [r] = await waitForResults(page, 1);
  r.missing = await page.$$eval('#results > [data-verdict] [data-missing]', (els) => els.map((e) => `${e.dataset.missing}:${e.dataset.remedy}`));
  r.buttons = await page.$$eval('#results > [data-verdict] [data-remedy-action="online"]', (els) => els.map((e) => `${e.dataset.host}: ${e.textContent}`));
  return r;
}

// @ts-check
// Shared pieces of the wallet extension tests: Debian's Chromium with the
// unpacked extension (playwright-core's launchPersistentContext, never a
// browser download), the extension id from its service worker, and the wallet
// page's test contract (passphrase form, file input, data-verdict).
import { before, after } from 'node:test';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root, chromiumPath } from '../browser/helpers.mjs';

// root and chromiumPath are the browser tests' (one home for both suites).
export { root, chromiumPath } from '../browser/helpers.mjs';
export const extDir = path.join(root, 'extension');
export const peer = (name) => path.join(root, 'testdata', 'peer', name);
export const sample = (name) => path.join(root, 'web', 'samples', name);
export const PASS = 'correct horse battery staple';

export function requireBuild() {
  for (const f of ['clearbadge.wasm', 'wasm_exec.js', 'style.css', 'tokens.css']) {
    if (!existsSync(path.join(extDir, f))) throw new Error(`extension/${f} is missing: run \`make extension\` first`);
  }
}

export function newProfile() {
  return mkdtempSync(path.join(tmpdir(), 'clearbadge-wallet-'));
}

export function removeProfile(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// launchWallet starts Chromium on profile with the extension loaded and
// returns the context, the service worker and the extension id. args are
// more Chromium switches (--host-resolver-rules for the test hosts).
export async function launchWallet(profile, { args = [] } = {}) {
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1000, height: 900 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...args],
  });
  const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent('serviceworker', { timeout: 20000 }));
  const id = new URL(sw.url()).host;
  return { ctx, sw, id };
}

// testHostArgs: the Chromium switches that make hosts resolve to a local
// HTTPS server on port (../shared/notes/browser-testing.md §7) and trust its
// certificate by spki (selfSignedCert); with no hosts, those names do not
// resolve (the network is gone). Every other name fails to resolve either
// way, so nothing else could be reached.
export function testHostArgs({ hosts = [], port, spki }) {
  return [
    `--ignore-certificate-errors-spki-list=${spki}`,
    ...(hosts.length ? [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`] : []),
  ];
}

// openWallet opens wallet.html (or another page) as a tab and waits until it
// shows either the passphrase form or the wallet.
export async function openWallet(ctx, id, page = 'wallet.html') {
  const p = await ctx.newPage();
  p.errors = [];
  p.on('pageerror', (e) => p.errors.push(e.message));
  await p.goto(`chrome-extension://${id}/${page}`);
  await p.waitForFunction(() => document.body.dataset.view, null, { timeout: 20000 });
  return p;
}

// submitPassphrase types the passphrase and presses Enter (the contract).
export async function submitPassphrase(page, pass) {
  const input = page.locator('input[type=password][name=passphrase]');
  await input.fill(pass);
  await input.press('Enter');
}

export async function unlock(page, pass = PASS) {
  await submitPassphrase(page, pass);
  await page.waitForFunction(() => document.body.dataset.view === 'wallet', null, { timeout: 30000 });
  await page.waitForSelector('#credentials', { state: 'attached' });
}

// cards returns the stored credentials as shown: [{verdict, title}].
export async function cards(page) {
  return page.$$eval('#credentials > [data-verdict]', (els) =>
    els.map((el) => ({
      verdict: el.dataset.verdict,
      title: el.querySelector('h3')?.textContent,
    })),
  );
}

export async function waitForCards(page, n, timeout = 60000) {
  await page.waitForFunction((count) => document.querySelectorAll('#credentials > [data-verdict]').length === count, n, { timeout });
  return cards(page);
}

// importFiles picks files with the page's file input.
export async function importFiles(page, files) {
  await page.setInputFiles('input[type=file]', files);
}

// stored returns the raw chrome.storage.local contents, through the service
// worker.
export async function stored(sw) {
  return sw.evaluate(() => chrome.storage.local.get(null));
}

// status waits for the status line to contain text.
export async function statusText(page, re, timeout = 30000) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('#status')?.textContent || ''), re.source, { timeout });
  return page.textContent('#status');
}

// sharedWallet launches one wallet on a fresh profile before a test file's
// tests and closes it (and removes the profile) after them. Tests use
// `.w` (what launchWallet returned); a test that restarts the browser
// replaces it, relaunching on `.profile`.
export function sharedWallet() {
  const shared = { profile: undefined, w: undefined };
  before(async () => {
    requireBuild();
    shared.profile = newProfile();
    shared.w = await launchWallet(shared.profile);
  });
  after(async () => {
    await shared.w?.ctx.close();
    removeProfile(shared.profile);
  });
  return shared;
}

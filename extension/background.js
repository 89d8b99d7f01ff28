// ClearBadge wallet service worker: the one place that holds the wallet's key,
// reads and writes the encrypted store, and has credentials verified (by the
// same Go wasm as the web page, in a Web Worker of an offscreen document, so
// that a slow credential never holds up this worker's messages; the quick
// wallet operations, keygen, present and bake, run the wasm here).
//
// Pages of the extension (wallet.html, also as the full page wallet.html?view=full) and the content script talk
// to it with chrome.runtime.sendMessage({op, ...}); every answer is
// {ok: true, ...} or {ok: false, code, error}. Content scripts may only use
// the few "page" operations (open a found credential in the extension's own
// tab, save it, report how many were found); everything else answers only
// the extension's own pages. No verdict is ever sent to a content script:
// what it shows lives in the page's DOM, which the page can rewrite.
//
// Mutations run one at a time (a promise chain), each reading the store,
// changing a copy and writing the whole encrypted store back with a single
// chrome.storage.local.set, so no write can interleave with another and a
// failure before the set leaves the wallet exactly as it was.
'use strict';

// Firefox runs MV3 background scripts as an event page that loads the other
// files itself (manifest "scripts") and has no importScripts. words.js is the
// catalogue of what this worker says (Words); common.js what it shares with
// the page and the wallet's pages (Common, a classic copy of web/common.mjs);
// protocol.js the operations and error codes of its messages (Protocol).
if (typeof importScripts === 'function') importScripts('words.js', 'common.js', 'protocol.js', 'wasm_exec.js', 'vault.js', 'platforms.js');

const IDLE_MS = 15 * 60 * 1000;          // lock after 15 minutes without use
const MAX_ITEM_BYTES = Common.MAX_INPUT_BYTES;
const MAX_ITEMS_PER_IMPORT = 200;
const STORE_KEY = 'wallet';
const SESSION_KEY = 'unlocked';
const FOUND_KEY = 'found';               // storage.session: what pages offered, by id
const MAX_FOUND = 5;

// ---- the verifier (Go wasm), started on first use ----

let verifierP = null;
function verifier() {
  if (!verifierP) {
    verifierP = (async () => {
      const module = await WebAssembly.compileStreaming(fetch(chrome.runtime.getURL('clearbadge.wasm')));
      return Common.startGo(self, module, (run) => run.finally(() => { verifierP = null; }));
    })();
    verifierP.catch(() => { verifierP = null; });
  }
  return verifierP;
}

// input of a stored or offered item: {text} or {b64} (bytes: a baked image).
function inputOf(item) {
  return typeof item.text === 'string' ? item.text : Vault.unb64(item.b64);
}

// ---- verification, off this worker's thread ----
//
// Go's wasm runs on the thread that calls it, and a hostile credential can
// take long to check: run here, it would leave list, lock and the popup
// unanswered meanwhile (issue 10). Verifications therefore go to offscreen.js,
// which runs them in a dedicated worker and ends that worker when one passes
// VERIFY_TIMEOUT_MS. Should the offscreen document itself not answer (it
// crashed, say), the document is closed and the verification reported as
// timed out all the same. Where there is no offscreen API (Firefox's event
// page), verification runs here as before.

let verifyTimeoutMs = 20000;
const OFFSCREEN_URL = 'offscreen.html';
let offscreenPort = null;
let portWaiters = [];
const jobs = new Map(); // id -> {resolve, reject, timer}
let nextJob = 1;

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'verifier' || port.sender?.url !== chrome.runtime.getURL(OFFSCREEN_URL)) return;
  offscreenPort = port;
  port.onMessage.addListener((m) => {
    const job = jobs.get(m.id);
    if (!job) return;
    jobs.delete(m.id);
    clearTimeout(job.timer);
    if (m.defaults) job.resolve(m.defaults);
    else if (m.report) job.resolve({ report: m.report, documents: m.documents || [] });
    else job.reject(Object.assign(new Error(m.error), { timedOut: !!m.timedOut }));
  });
  port.onDisconnect.addListener(() => {
    if (offscreenPort === port) offscreenPort = null;
  });
  for (const w of portWaiters) w(port);
  portWaiters = [];
});

// verifierPort opens the offscreen document (once, however many
// verifications ask at the same time) and resolves to its port.
let portP = null;
function verifierPort() {
  if (offscreenPort) return Promise.resolve(offscreenPort);
  if (!portP) {
    portP = (async () => {
      const connected = new Promise((resolve) => portWaiters.push(resolve));
      // A document left from before this worker restarted has lost its
      // port: replace it.
      if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
      await chrome.offscreen.createDocument({
        url: OFFSCREEN_URL,
        reasons: ['WORKERS'],
        justification: 'Runs the credential verifier in a Web Worker so the wallet stays responsive.',
      });
      return connected;
    })().finally(() => { portP = null; });
  }
  return portP;
}

async function closeVerifier() {
  offscreenPort = null;
  if (await chrome.offscreen.hasDocument()) await chrome.offscreen.closeDocument();
}

// timedOutReport stands for the report of a verification that was stopped:
// the card says "Could not be read" and why (report.error).
function timedOutReport(source) {
  return {
    verdict: 'error',
    verified: false,
    timedOut: true,
    kind: 'unknown',
    source,
    summary: { issuer: {} },
    checks: [],
    timeoutSeconds: verifyTimeoutMs / 1000,
    error: `The check was stopped after ${verifyTimeoutMs / 1000} seconds: this credential takes too long to verify, so it was not verified. Credentials built to slow verifiers down do this.`,
  };
}

// verifyItem verifies offline by default: the verifier's worker has its
// network APIs locked away (worker.js), so no credential, and no hint of
// which credential is being checked, leaves the device. With opts.hosts (the
// hosts the learner granted, never empty) the online worker may fetch the
// public documents the credential names from those hosts only; opts.documents
// ({url: b64}) are documents kept from earlier online checks, supplied as the
// CLI's --with. Resolves to {report, documents: [{url, fetchedAt, maxAge, b64}]}
// (what was fetched).
async function verifyFull(item, opts = {}) {
  const source = item.source || undefined;
  const hosts = Array.isArray(opts.hosts) && opts.hosts.length ? opts.hosts : undefined;
  const documents = opts.documents && Object.keys(opts.documents).length ? opts.documents : undefined;
  const registries = opts.registries?.length ? opts.registries : undefined;
  if (!chrome.offscreen) {
    // Firefox's event page: offline, as before (its online worker is not wired).
    const cb = await verifier();
    const docs = documents && Object.fromEntries(Object.entries(documents).map(([u, d]) => [u, Vault.unb64(d)]));
    return { report: await cb.verify(inputOf(item), { offline: true, source, documents: docs }), documents: [] };
  }
  const port = await verifierPort();
  const id = nextJob++;
  try {
    return await new Promise((resolve, reject) => {
      // The worker's own timeout ends the worker; this one, a little later,
      // covers an offscreen document that stopped answering.
      const timer = setTimeout(() => {
        jobs.delete(id);
        closeVerifier();
        reject(Object.assign(new WalletError('timeout', 'bg.verifier-silent'), { timedOut: true }));
      }, verifyTimeoutMs + 5000);
      jobs.set(id, { resolve, reject, timer });
      port.postMessage({
        id, item: typeof item.text === 'string' ? { text: item.text } : { b64: item.b64 }, source, timeout: verifyTimeoutMs,
        hosts, documents, registries,
      });
    });
  } catch (err) {
    if (err.timedOut) return { report: timedOutReport(source), documents: [] };
    throw err;
  }
}

// defaultRegistries: the issuer registries asked when the learner added
// none (the wasm's, as the CLI's), [{name, url}]: asked of the offscreen
// verifier once per browser session and remembered in storage.session.
const DEFAULTS_KEY = 'defaultRegistries';
let defaultsP = null;
function defaultRegistries() {
  defaultsP ??= (async () => {
    const got = (await chrome.storage.session.get(DEFAULTS_KEY))[DEFAULTS_KEY];
    if (Array.isArray(got)) return got;
    if (!chrome.offscreen) return []; // Firefox's event page: offline only
    const port = await verifierPort();
    const id = nextJob++;
    const defaults = await new Promise((resolve, reject) => {
      jobs.set(id, { resolve, reject, timer: setTimeout(() => { jobs.delete(id); reject(new WalletError('timeout', 'bg.verifier-silent')); }, verifyTimeoutMs) });
      port.postMessage({ id, op: 'defaults' });
    });
    await chrome.storage.session.set({ [DEFAULTS_KEY]: defaults });
    return defaults;
  })();
  defaultsP.catch(() => { defaultsP = null; });
  return defaultsP;
}

// registrySources: the registries the identity check consults, most
// trusted first: the learner's own ({name, url} or {name, b64}), else the
// defaults. A URL is a public document like any other: fetched only from
// an allowed host, kept, and supplied to later offline checks.
async function registrySources(store) {
  return store.registries?.length ? store.registries : defaultRegistries();
}

async function verifyItem(item, opts) {
  return (await verifyFull(item, opts)).report;
}

function titleOf(report, source) {
  return Common.nameOf(report) || source || 'Credential';
}

async function sha256(item) {
  const bytes = typeof item.text === 'string' ? new TextEncoder().encode(item.text.trim()) : Vault.unb64(item.b64);
  return Vault.b64(await crypto.subtle.digest('SHA-256', bytes));
}

// ---- session: the unlocked key ----
//
// The key lives in this worker's memory and, so that Chrome stopping the idle
// worker (after ~30 s) does not lock the wallet, in chrome.storage.session:
// memory only, never written to disk, cleared when the browser closes, and
// not readable by content scripts (its default access level is trusted
// contexts only). The idle deadline is checked on every use and by a timer.

let session = null; // {key, last}
let lockTimer = null;

async function loadSession() {
  if (session) return session;
  const got = await chrome.storage.session.get(SESSION_KEY);
  const s = got[SESSION_KEY];
  if (!s) return null;
  if (Date.now() - s.last > IDLE_MS) {
    await lock();
    return null;
  }
  session = { key: await Vault.importKey(s.key), last: s.last, raw: s.key };
  armTimer();
  return session;
}

async function startSession(key) {
  const raw = await Vault.exportKey(key);
  session = { key, last: Date.now(), raw };
  await chrome.storage.session.set({ [SESSION_KEY]: { key: raw, last: session.last } });
  armTimer();
}

async function touch() {
  if (!session) return;
  const now = Date.now();
  // Writing on every message would be wasteful; a minute's slack is fine
  // against a 15 minute deadline.
  if (now - session.last > 60000) {
    session.last = now;
    await chrome.storage.session.set({ [SESSION_KEY]: { key: session.raw, last: now } });
  }
  session.last = now;
  armTimer();
}

function armTimer() {
  clearTimeout(lockTimer);
  if (session) lockTimer = setTimeout(() => { lock(); }, IDLE_MS - (Date.now() - session.last) + 1000);
}

async function lock() {
  session = null;
  clearTimeout(lockTimer);
  await chrome.storage.session.remove(SESSION_KEY);
}

// ---- the store ----

async function readRecord() {
  const got = await chrome.storage.local.get(STORE_KEY);
  return got[STORE_KEY];
}

// WalletError: a refusal the wallet explains. key and params name its words
// (words.js): English in message, the reader's language in the answer.
class WalletError extends Error {
  constructor(code, key, params) {
    super(Words.say('en', key, params));
    this.code = code;
    this.key = key;
    this.params = params;
  }
}

// said: what err says, in lang when its words are known (WalletError,
// VaultError).
function said(err, lang) {
  return err.key ? Words.say(Words.langOf(lang), err.key, err.params) : (err.message || String(err));
}

// storedLang: the language chosen in the wallet, else the browser's, for
// what this worker says on its own (notifications, the context menu).
async function storedLang() {
  return Words.langOf((await chrome.storage.local.get('lang')).lang, self.navigator?.languages || []);
}

async function requireUnlocked() {
  const s = await loadSession();
  if (!s) throw new WalletError('locked', 'bg.locked');
  return s;
}

// readStore decrypts the current store with the session key.
async function readStore() {
  const s = await requireUnlocked();
  const record = await readRecord();
  if (!record) throw new WalletError('no-wallet', 'bg.no-wallet');
  return { record, store: await Vault.decryptStore(record, s.key) };
}

// mutate runs fn(store) -> result on a copy of the store and writes the new
// store in one set. Calls are queued so they never interleave.
let chain = Promise.resolve();
function serial(fn) {
  const run = chain.then(fn);
  chain = run.catch(() => {});
  return run;
}

function mutate(fn) {
  return serial(async () => {
    const { record, store } = await readStore();
    const next = structuredClone(store);
    const result = await fn(next);
    if (result && result.unchanged) return result;
    const s = await requireUnlocked();
    await chrome.storage.local.set({ [STORE_KEY]: await Vault.reseal(record, s.key, next) });
    return result;
  });
}

function emptyStore() {
  return { credentials: [], holder: null };
}

// ---- operations ----

async function status(m) {
  const record = await readRecord();
  if (!record) return { state: 'none' };
  try {
    Vault.checkRecord(record, 'wallet');
  } catch (err) {
    return { state: 'damaged', error: said(err, m?.lang) };
  }
  const s = await loadSession();
  return { state: s ? 'unlocked' : 'locked', idleMinutes: IDLE_MS / 60000 };
}

async function setupOrUnlock({ passphrase }) {
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new WalletError('empty', 'bg.no-passphrase');
  }
  return serial(async () => {
    const record = await readRecord();
    if (!record) {
      const { key, record: fresh } = await Vault.create(passphrase, emptyStore());
      await chrome.storage.local.set({ [STORE_KEY]: fresh });
      await startSession(key);
      return { created: true };
    }
    const { key } = await Vault.unlock(record, passphrase);
    await startSession(key);
    return { created: false };
  });
}

async function list() {
  const { store } = await readStore();
  // What the cards need to say how old their evidence is (not the bytes).
  const documents = Object.fromEntries(Object.entries(store.documents || {}).map(([u, d]) => [u, { fetchedAt: d.fetchedAt, maxAge: d.maxAge }]));
  const { recheck } = await chrome.storage.local.get('recheck');
  // needs: the public documents each one names (what a check online would
  // fetch), so the page can ask for exactly their hosts.
  const credentials = store.credentials.map((c) => ({
    ...c, needs: [...neededURLs(c)].map(([url, check]) => ({ url, check, host: hostOf(url) })),
  }));
  const sites = store.sites || [];
  const registries = (store.registries || []).map((r) => ({ name: r.name, url: r.url || '' }));
  return { registries, credentials, holder: store.holder ? store.holder.did : null, documents, recheck: !!recheck, sites };
}

// normalizeItems checks what a page offers for import.
function normalizeItems(items) {
  if (!Array.isArray(items) || items.length === 0) throw new WalletError('empty', 'bg.nothing-to-import');
  if (items.length > MAX_ITEMS_PER_IMPORT) throw new WalletError('too-many', 'bg.too-many-files', { max: MAX_ITEMS_PER_IMPORT });
  return items.map((it) => {
    const source = typeof it.source === 'string' ? it.source.slice(0, 200) : '';
    if (typeof it.text === 'string') {
      if (it.text.length > MAX_ITEM_BYTES) return { source, tooLarge: true };
      return { source, text: it.text };
    }
    if (typeof it.b64 === 'string') {
      if (it.b64.length > MAX_ITEM_BYTES * 4 / 3 + 4) return { source, tooLarge: true };
      return { source, b64: it.b64, mime: typeof it.mime === 'string' ? it.mime.slice(0, 60) : '' };
    }
    return { source, invalid: true };
  });
}

// checkItem verifies one normalized item and makes its wallet entry, or
// says why it is refused: items that are not credentials at all (verdict
// "error") are refused, with the reason.
// opts: the verifyItem options (the registries, and the kept documents of
// theirs, so that a new card's identity line is as the others').
async function checkItem(it, lang, opts) {
  // refuse says why it is not imported, in the reader's language.
  const l = Words.langOf(lang);
  const refuse = (key, params) => ({ source: it.source, refused: Words.say(l, key, { source: it.source || Words.say(l, 'bg.item'), ...params }) });
  if (it.tooLarge) return refuse('bg.item-too-large');
  if (it.invalid) return refuse('bg.item-empty');
  let report;
  try {
    report = await verifyItem(it, opts);
  } catch (err) {
    return refuse('bg.item-unchecked', { error: err.message });
  }
  const { verdict } = report;
  if (verdict === 'error' && !report.timedOut) return refuse('bg.item-not-credential');
  const entry = {
    id: crypto.randomUUID(),
    added: new Date().toISOString(),
    checked: new Date().toISOString(),
    source: it.source,
    hash: await sha256(it),
    title: titleOf(report, it.source),
    verdict,
    report,
  };
  if (it.text !== undefined) entry.text = it.text; else { entry.b64 = it.b64; entry.mime = it.mime; }
  return { source: it.source, entry };
}

// importItems verifies every item first (outside the write queue: it can take
// a while) and then adds the acceptable ones in one write.
async function importItems({ items, lang }) {
  const { store } = await readStore();
  const sources = await registrySources(store);
  const opts = { registries: sources, documents: keptFor(store, {}, new Set(), sources) };
  const norm = normalizeItems(items);
  const checked = [];
  for (const it of norm) checked.push(await checkItem(it, lang, opts));
  return mutate((store) => {
    const have = new Set(store.credentials.map((c) => c.hash));
    const added = []; const duplicates = []; const refused = [];
    for (const c of checked) {
      if (c.refused) { refused.push(c.refused); continue; }
      if (have.has(c.entry.hash)) { duplicates.push(c.source || c.entry.title); continue; }
      have.add(c.entry.hash);
      store.credentials.push(c.entry);
      added.push({ id: c.entry.id, title: c.entry.title, verdict: c.entry.verdict });
    }
    return { added, duplicates, refused, unchanged: added.length === 0 };
  });
}

async function remove({ id }) {
  return mutate((store) => {
    const i = store.credentials.findIndex((c) => c.id === id);
    if (i < 0) throw new WalletError('not-found', 'bg.not-found');
    const [removed] = store.credentials.splice(i, 1);
    return { removed, index: i };
  });
}

async function restore({ entry, index }) {
  if (!entry || typeof entry.id !== 'string' || typeof entry.hash !== 'string' ||
      (typeof entry.text !== 'string' && typeof entry.b64 !== 'string')) {
    throw new WalletError('invalid', 'bg.nothing-to-restore');
  }
  return mutate((store) => {
    if (store.credentials.some((c) => c.hash === entry.hash)) return { unchanged: true };
    const at = Number.isInteger(index) ? Math.min(Math.max(index, 0), store.credentials.length) : store.credentials.length;
    store.credentials.splice(at, 0, entry);
    return { restored: entry.id };
  });
}

async function reverify({ ids }) {
  const { store } = await readStore();
  const targets = store.credentials.filter((c) => !Array.isArray(ids) || ids.includes(c.id));
  const sources = await registrySources(store);
  const fresh = new Map();
  for (const c of targets) {
    // Offline, with the documents kept from its last online check.
    const report = await verifyItem(c, { documents: keptFor(store, c, new Set(), sources), registries: sources });
    fresh.set(c.id, { report, verdict: report.verdict, checked: new Date().toISOString() });
  }
  return mutate((s) => {
    const out = [];
    for (const c of s.credentials) {
      const f = fresh.get(c.id);
      if (!f) continue;
      Object.assign(c, f);
      out.push({ id: c.id, verdict: f.verdict });
    }
    return { results: out };
  });
}

// ---- online checks, with the learner's consent per host ----
//
// The wallet contacts a host only when the learner granted it (an optional
// host permission, asked for from the wallet's own page at their click) and
// only for a check they started (Check online / Refresh) or the opt-in
// periodic re-check of revocation lists. The hosts a credential needs are
// those its last report names: the URLs of what is missing (remedy online or
// document) and of the documents kept for it. Fetched documents are kept in
// the encrypted store (store.documents: {url: {b64, fetchedAt, maxAge}}) and
// each entry lists the ones it used (entry.docs: [{url, check}]), so that a
// later offline re-verification uses them and the card says how old they are.

function hostOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.host : '';
  } catch {
    return '';
  }
}

// neededURLs: url -> the check it serves, for what an entry's report could
// not check and what it used before.
function neededURLs(entry) {
  const out = new Map();
  for (const d of entry.docs || []) out.set(d.url, d.check);
  const r = entry.report || {};
  for (const m of [...(r.checks || []), ...(r.missing || [])]) {
    const id = m.check || m.id;
    if (m.url && hostOf(m.url) && (m.remedy === 'online' || m.remedy === 'document')) {
      // A DID document serves the proof and the issuer check: name the issuer's.
      if (!out.has(m.url) || id === 'issuer' || id === 'status') out.set(m.url, id);
    }
  }
  return out;
}

// The hosts the learner allowed are kept in the encrypted store
// (store.sites), added when they answer the wallet's question and the
// browser's permission prompt with Allow, and removed when they revoke one
// (which removes the browser permission too). This record is the wall, not
// the browser's: the content script's match patterns (http://*/*,
// https://*/*) already let Chromium's extension reach any site, so the
// verifier's fetcher is handed only these hosts and refuses every other
// (wasm/fetch.go).
function grantedHosts(store, hosts) {
  const allowed = new Set(store.sites || []);
  return new Set(hosts.filter((h) => allowed.has(h)));
}

async function allowSites({ hosts }) {
  if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string' && hostOf(`https://${h}/`) === h)) {
    throw new WalletError('invalid', 'bg.not-sites');
  }
  return mutate((s) => {
    s.sites = [...new Set([...(s.sites || []), ...hosts])];
    return { sites: s.sites };
  });
}

// The issuer registries the learner added ({name, url} or {name, b64}: a
// file's bytes), for the identity check. A URL is fetched like any other
// public document: online, from an allowed host, then kept.
async function addRegistry({ name, url, text }) {
  const r = { name: typeof name === 'string' ? name.slice(0, 200) : '' };
  if (typeof url === 'string' && url) {
    if (!hostOf(url)) throw new WalletError('invalid', 'bg.registry-https');
    r.url = url;
  } else if (typeof text === 'string' && text) {
    if (text.length > MAX_ITEM_BYTES) throw new WalletError('too-large', 'bg.registry-too-large');
    r.b64 = Vault.b64(new TextEncoder().encode(text));
  } else {
    throw new WalletError('invalid', 'bg.registry-none');
  }
  return mutate((s) => {
    s.registries = [...(s.registries || []), r];
    return { registries: s.registries.length };
  });
}

// registryInfo: the hosts asking the registries contacts, and the names of
// the defaults when they are the ones asked. Apart from list: learning the
// defaults may start the verifier, which opening the wallet need not wait for.
async function registryInfo() {
  const { store } = await readStore();
  const sources = await registrySources(store);
  return {
    hosts: [...new Set(sources.map((r) => hostOf(r.url || '')).filter(Boolean))],
    defaults: store.registries?.length ? [] : sources.map((r) => r.name),
  };
}

async function removeRegistry({ index }) {
  return mutate((s) => {
    if (!Number.isInteger(index) || !s.registries?.[index]) throw new WalletError('not-found', 'bg.registry-not-found');
    s.registries.splice(index, 1);
    return {};
  });
}

async function revokeSite({ host }) {
  return mutate((s) => {
    s.sites = (s.sites || []).filter((h) => h !== host);
    return { sites: s.sites };
  });
}

// keptFor: the kept documents an offline check of entry is given (those it
// used, and the registries' lists, which serve every credential), but none
// from the hosts in except (about to be fetched again).
function keptFor(store, entry, except, sources) {
  const out = {};
  for (const url of [...(entry.docs || []).map((d) => d.url), ...sources.map((r) => r.url).filter(Boolean)]) {
    const k = store.documents?.[url];
    if (k && !except.has(hostOf(url))) out[url] = k.b64;
  }
  return out;
}

// checkOnline verifies one entry again, fetching what it needs from the
// granted hosts among those it names (only: {status} limits that to
// revocation lists, for the periodic re-check), with the kept documents of
// every other host supplied.
async function checkOnline({ id, only }) {
  const { store } = await readStore();
  const entry = store.credentials.find((c) => c.id === id);
  if (!entry) throw new WalletError('not-found', 'bg.not-found');
  const needed = neededURLs(entry);
  const sources = await registrySources(store);
  const registryHosts = new Set(sources.map((r) => hostOf(r.url || '')).filter(Boolean));
  // only: 'status' (the periodic re-check) or 'identity' (the registries
  // alone); otherwise what the card needs, and the registries once allowed.
  const wanted = [...new Set([
    ...[...needed].filter(([, check]) => !only || check === only).map(([u]) => hostOf(u)),
    ...(!only || only === 'identity' ? registryHosts : []),
  ])];
  const granted = grantedHosts(store, wanted);
  const hosts = wanted.filter((h) => granted.has(h));
  if (!hosts.length) {
    throw new WalletError('no-permission', 'bg.no-permission');
  }
  const before = entry.verdict;
  const { report, documents } = await verifyFull(entry, { hosts, documents: keptFor(store, entry, new Set(hosts), sources), registries: sources });
  const now = new Date().toISOString();
  return mutate((s) => {
    const c = s.credentials.find((x) => x.id === id);
    if (!c) return { unchanged: true };
    s.documents ??= {};
    const docs = new Map((c.docs || []).map((d) => [d.url, d.check]));
    for (const d of documents) {
      s.documents[d.url] = { b64: d.b64, fetchedAt: d.fetchedAt, maxAge: d.maxAge };
      docs.set(d.url, needed.get(d.url) || (registryHosts.has(hostOf(d.url)) ? 'identity' : docs.get(d.url) || 'document'));
    }
    c.docs = [...docs].map(([url, check]) => ({ url, check }));
    // An OB 2.0 assertion names its badge only in the BadgeClass fetched
    // now: the card's title comes from it.
    Object.assign(c, { report, verdict: report.verdict, checked: now, online: now, title: titleOf(report, c.title) });
    return { id, verdict: report.verdict, before, hosts, fetched: documents.map((d) => d.url), title: c.title };
  });
}

// ---- the opt-in periodic re-check of revocation lists ----

const RECHECK_ALARM = 'recheck-status';
const RECHECK_MINUTES = 12 * 60;

async function setRecheck({ on }) {
  if (on) {
    await chrome.storage.local.set({ recheck: true });
    await chrome.alarms.create(RECHECK_ALARM, { delayInMinutes: RECHECK_MINUTES, periodInMinutes: RECHECK_MINUTES });
  } else {
    await chrome.storage.local.remove('recheck');
    await chrome.alarms.clear(RECHECK_ALARM);
  }
  return { on: !!on };
}

// recheckStatus re-fetches the revocation lists of the stored credentials
// from the hosts still granted. The store's key exists only while the wallet
// is unlocked, so a locked wallet is re-checked at the next alarm after it
// is opened. A credential that became revoked or suspended is a notification
// (its title only; nothing leaves the device).
async function recheckStatus() {
  if (!(await loadSession())) return { locked: true };
  const { store } = await readStore();
  const results = [];
  for (const c of store.credentials) {
    if (![...neededURLs(c).values()].includes('status')) continue;
    let r;
    try {
      r = await checkOnline({ id: c.id, only: 'status' });
    } catch {
      continue; // no granted host, or the wallet locked meanwhile
    }
    results.push(r);
    if (r.verdict === 'not-verified' && r.before !== 'not-verified') {
      const l = await storedLang();
      chrome.notifications.create(`revoked-${c.id}`, {
        type: 'basic',
        iconUrl: 'icons/icon-128.png',
        title: Words.say(l, 'bg.revoked-title'),
        message: Words.say(l, 'bg.revoked-notice', { title: r.title }),
      });
    }
  }
  return { results };
}

chrome.alarms.onAlarm.addListener((a) => {
  if (a.name === RECHECK_ALARM) recheckStatus();
});

async function exportBackup() {
  await readStore(); // only an unlocked wallet exports, and only an intact one
  const record = await readRecord();
  return { file: Vault.backupFile(record) };
}

// importBackup opens a backup with its own passphrase and merges its
// credentials (and its holder key, when the wallet has none) into the wallet.
async function importBackup({ text, passphrase }) {
  await requireUnlocked();
  if (typeof text !== 'string') throw new WalletError('malformed-backup', 'bg.no-backup');
  const record = Vault.parseBackup(text);
  const { store: theirs } = await Vault.unlock(record, String(passphrase ?? ''), 'backup');
  for (const c of theirs.credentials) {
    if (!c || typeof c.id !== 'string' || typeof c.hash !== 'string' || (typeof c.text !== 'string' && typeof c.b64 !== 'string')) {
      throw new WalletError('malformed-backup', 'bg.backup-bad-entry');
    }
  }
  return mutate((store) => {
    const have = new Set(store.credentials.map((c) => c.hash));
    let added = 0;
    for (const c of theirs.credentials) {
      if (have.has(c.hash)) continue;
      have.add(c.hash);
      store.credentials.push(c);
      added++;
    }
    let holder = false;
    if (!store.holder && theirs.holder) { store.holder = theirs.holder; holder = true; }
    return { added, skipped: theirs.credentials.length - added, holder, unchanged: added === 0 && !holder };
  });
}

// restoreWallet puts a backup in place of a missing or damaged wallet. An
// intact wallet is never replaced: its owner adds a backup from inside it
// (importBackup). A wallet whose passphrase check opens but whose data does
// not is damaged; proving the passphrase (current) lets its owner replace it.
async function restoreWallet({ text, passphrase, current }) {
  if (typeof text !== 'string') throw new WalletError('malformed-backup', 'bg.no-backup');
  const backup = Vault.parseBackup(text);
  const { key } = await Vault.unlock(backup, String(passphrase ?? ''), 'backup');
  return serial(async () => {
    const record = await readRecord();
    if (record) {
      let intact = true;
      try {
        Vault.checkRecord(record, 'wallet');
      } catch {
        intact = false;
      }
      if (intact) {
        try {
          await Vault.unlock(record, String(current ?? ''));
        } catch (err) {
          if (err.code === 'damaged') intact = false;
        }
      }
      if (intact) {
        throw new WalletError('exists', 'bg.wallet-exists');
      }
    }
    await chrome.storage.local.set({ [STORE_KEY]: backup });
    await startSession(key);
    return {};
  });
}

// holderKey returns the learner's holder key, making it on first use: an
// Ed25519 did:key whose private JWK is kept in the encrypted store.
async function holderKey() {
  const { store } = await readStore();
  if (store.holder) return store.holder;
  const cb = await verifier();
  const made = await cb.keygen();
  return mutate((s) => {
    if (s.holder) return { ...s.holder, unchanged: true }; // made meanwhile by another view
    s.holder = { did: made.did, jwk: made.jwk, created: new Date().toISOString() };
    return { ...s.holder };
  });
}

// present signs a presentation of the chosen credentials for a verifier's
// challenge and domain. Nothing is sent: the page copies or downloads it.
async function presentOp({ ids, challenge, domain }) {
  if (!Array.isArray(ids) || ids.length === 0) throw new WalletError('empty', 'bg.share-none');
  const { store } = await readStore();
  const chosen = ids.map((id) => store.credentials.find((c) => c.id === id));
  if (chosen.some((c) => !c)) throw new WalletError('not-found', 'bg.selected-gone');
  const key = await holderKey();
  const cb = await verifier();
  const presentation = await cb.present(chosen.map(inputOf), {
    key: key.jwk,
    challenge: typeof challenge === 'string' ? challenge : '',
    domain: typeof domain === 'string' ? domain : '',
  });
  return { presentation, holder: key.did };
}

// bake returns a stored credential baked into a PNG or SVG badge: into the
// image it came in when that has the format asked for, else a plain badge.
async function bakeOp({ id, format }) {
  if (format !== 'png' && format !== 'svg') throw new WalletError('invalid', 'bg.png-or-svg');
  const { store } = await readStore();
  const c = store.credentials.find((x) => x.id === id);
  if (!c) throw new WalletError('not-found', 'bg.not-found');
  const own = c.b64 && c.mime === (format === 'png' ? 'image/png' : 'image/svg+xml') ? Vault.unb64(c.b64) : undefined;
  const cb = await verifier();
  const out = await cb.bake(inputOf(c), { format, image: own, title: c.title, kind: c.report?.kind });
  return { b64: Vault.b64(out) };
}

// ---- messages ----

const PAGE_OPS = new Set(Protocol.PAGE_OPS);

function fromExtensionPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' &&
    sender.url.startsWith(chrome.runtime.getURL(''));
}

const OPS = {
  status,
  unlock: setupOrUnlock,
  lock: async () => { await lock(); return {}; },
  list,
  import: importItems,
  remove,
  restore,
  reverify,
  checkOnline,
  allowSites,
  revokeSite,
  addRegistry,
  removeRegistry,
  registryInfo,
  setRecheck,
  recheckStatus,
  exportBackup,
  importBackup,
  restoreWallet,
  present: presentOp,
  bake: bakeOp,
  verify: async (m) => {
    const [it] = normalizeItems([m.item]);
    if (it.tooLarge || it.invalid) throw new WalletError('invalid', 'bg.nothing-to-verify');
    const report = await verifyItem(it);
    return { report, verdict: report.verdict };
  },
  // The verdict on something a page offered, for the wallet page that
  // openFound opened (the verdict is shown only in the extension's own UI).
  foundItem: async ({ id }) => {
    const got = await chrome.storage.session.get(FOUND_KEY);
    const item = got[FOUND_KEY]?.[id];
    if (!item) throw new WalletError('not-found', 'bg.found-gone');
    const report = await verifyItem(item);
    return { report, verdict: report.verdict, source: item.source };
  },
  // ---- operations a content script may ask for ----
  found: async (m, sender) => {
    const n = Math.max(0, Math.min(999, Number(m.count) | 0));
    if (sender.tab?.id !== undefined) {
      await chrome.action.setBadgeText({ tabId: sender.tab.id, text: n ? String(n) : '' });
      await chrome.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: '#1d4ed8' });
    }
    return {};
  },
  // openFound shows what a page offered in the wallet page's own tab: the
  // notice on the page lives in DOM the page can rewrite, so it never shows
  // a verdict itself. The item waits in storage.session (memory only, not
  // readable by content scripts) under a random id.
  openFound: async (m) => {
    const [it] = normalizeItems([m.item]);
    if (it.tooLarge || it.invalid) throw new WalletError('invalid', 'bg.nothing-to-verify');
    const id = crypto.randomUUID();
    const got = await chrome.storage.session.get(FOUND_KEY);
    const kept = Object.entries(got[FOUND_KEY] || {}).slice(-(MAX_FOUND - 1));
    await chrome.storage.session.set({ [FOUND_KEY]: Object.fromEntries([...kept, [id, it]]) });
    await chrome.tabs.create({ url: chrome.runtime.getURL(`wallet.html?view=full&found=${id}`) });
    return {};
  },
  saveFound: async (m) => {
    const s = await loadSession();
    if (!s) {
      return { locked: true, message: Words.say(Words.langOf(m.lang), 'bg.save-locked') };
    }
    // Said without the verdict (see openFound).
    const r = await importItems({ items: [m.item], lang: m.lang });
    return { added: r.added.map(({ id, title }) => ({ id, title })), duplicates: r.duplicates, refused: r.refused };
  },
};

// The Open Badges API operations (platforms.js).
Object.assign(OPS, Platforms({
  readStore, mutate, checkItem, sha256, WalletError,
  unbake: async (c) => (await verifier()).unbake(Vault.unb64(c.b64)),
}));

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const op = msg && typeof msg.op === 'string' ? msg.op : '';
  const fn = Object.hasOwn(OPS, op) ? OPS[op] : null;
  if (!fn || (!PAGE_OPS.has(op) && !fromExtensionPage(sender))) {
    sendResponse({ ok: false, code: 'unknown-op', error: `unknown operation ${JSON.stringify(op)}` });
    return false;
  }
  (async () => {
    if (fromExtensionPage(sender) && op !== 'status') await touch();
    return fn(msg, sender);
  })().then(
    (res) => sendResponse({ ok: true, ...res }),
    (err) => sendResponse({ ok: false, code: err.code || 'internal', error: said(err, msg.lang) }),
  );
  return true; // the answer is sent asynchronously
});

// ---- context menu: "Verify this badge" on images and links ----
//
// The click is handled by the content script of the page it was made in: it
// fetches the image or link from the page's own context (the extension has
// no host permissions and fetches nothing itself) and shows the verdict.

chrome.runtime.onInstalled.addListener(async () => {
  chrome.contextMenus.create({
    id: 'clearbadge-verify',
    title: Words.say(await storedLang(), 'bg.menu-verify'),
    contexts: ['image', 'link'],
  });
});

// The menu speaks the language chosen in the wallet.
chrome.storage.onChanged.addListener(async (changes, area) => {
  if (area === 'local' && changes.lang) {
    // (a callback: the promise form needs a newer Chrome than the manifest's)
    chrome.contextMenus.update('clearbadge-verify', { title: Words.say(await storedLang(), 'bg.menu-verify') }, () => void chrome.runtime.lastError);
  }
});

// onMenuClick is a named function so that tests can call it as the menu
// would (headless Chromium has no context menu to click).
function onMenuClick(info, tab) {
  if (info.menuItemId !== 'clearbadge-verify' || !tab?.id) return;
  const url = info.mediaType === 'image' ? info.srcUrl : (info.linkUrl || info.srcUrl);
  if (!url) return;
  chrome.tabs.sendMessage(tab.id, { op: 'verifyUrl', url }, { frameId: info.frameId ?? 0 }).catch(() => {
    // No content script there (a chrome:// page, or the page predates the
    // install): nothing to show it in.
  });
}
chrome.contextMenus.onClicked.addListener(onMenuClick);

// @ts-check
// The service worker's verifier (background.js loads this file): the Go wasm,
// started here on first use for the quick wallet operations (keygen,
// present, bake, unbake) and, where there is no offscreen API, for
// verification; and verification itself, sent to the offscreen document's
// worker. Kept together because both decide where the wasm runs.
'use strict';

// ---- the verifier (Go wasm), started on first use ----

let verifierP = null;
function verifier() {
  if (!verifierP) {
    verifierP = (async () => {
      const module = await WebAssembly.compileStreaming(fetch(chrome.runtime.getURL('clearbadge.wasm')));
      return Common.startGo(self, module, (run) =>
        run.finally(() => {
          verifierP = null;
        }),
      );
    })();
    verifierP.catch(() => {
      verifierP = null;
    });
  }
  return verifierP;
}

// ---- verification, off this worker's thread ----
//
// Go's wasm runs on the thread that calls it, and a hostile credential can
// take long to check: run here, it would leave list, lock and the popup
// unanswered meanwhile (issue 10). Verifications therefore go to offscreen.mjs,
// which runs them in a dedicated worker and ends that worker when one passes
// VERIFY_TIMEOUT_MS. Should the offscreen document itself not answer (it
// crashed, say), the document is closed and the verification reported as
// timed out all the same. Where there is no offscreen API (Firefox's event
// page), verification runs here as before.

// biome-ignore lint/style/useConst: tests shorten it (tests/extension/hostile.test.mjs).
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
    })().finally(() => {
      portP = null;
    });
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
    const docs = documents && Object.fromEntries(Object.entries(documents).map(([u, d]) => [u, Common.unb64(d)]));
    return { report: await cb.verify(Common.inputOf(item), { offline: true, source, documents: docs }), documents: [] };
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
        id,
        item: typeof item.text === 'string' ? { text: item.text } : { b64: item.b64 },
        source,
        timeout: verifyTimeoutMs,
        hosts,
        documents,
        registries,
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
      jobs.set(id, {
        resolve,
        reject,
        timer: setTimeout(() => {
          jobs.delete(id);
          reject(new WalletError('timeout', 'bg.verifier-silent'));
        }, verifyTimeoutMs),
      });
      port.postMessage({ id, op: 'defaults' });
    });
    await chrome.storage.session.set({ [DEFAULTS_KEY]: defaults });
    return defaults;
  })();
  defaultsP.catch(() => {
    defaultsP = null;
  });
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

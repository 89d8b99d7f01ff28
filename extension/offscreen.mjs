// @ts-check
// ClearBadge wallet: the verifier host. The service worker must answer list,
// lock and the popup at once, but Go's wasm runs on the thread that calls
// it: a credential built to be slow would hold the worker's only thread. So
// the service worker opens this offscreen document (chrome.offscreen, reason
// WORKERS), which runs each verification in a dedicated Web Worker through
// clearbadge.mjs (the page's loader, copied in by `make extension`): the
// worker is ended and replaced when a verification passes its timeout.
//
// Offline (the default) runs in the offline worker, whose network APIs are
// locked away (worker.js). Online runs in the online worker, and only for
// the hosts the service worker names: the learner granted each of them
// (optional host permissions), and the wasm's fetcher refuses every other
// host, with no cookies and no referrer (wasm/fetch.go). Documents kept from
// an earlier online check are supplied as the documents option.
//
// Port "verifier" (this document connects to the service worker):
//   in:  {id, item: {text} | {b64}, source, timeout, hosts?, documents?: {url: b64},
//         registries?: [{name, url} | {name, b64}]}
//   out: {id, report, documents?: [{url, fetchedAt, maxAge, b64}]} | {id, error, timedOut}
//   in:  {id, op: 'defaults'}   out: {id, defaults: [{name, url}]} (the
//        default issuer registries, cb.defaultRegistries)
import { load } from './clearbadge.mjs';
import { b64, inputOf, unb64 } from './common.mjs';

const port = chrome.runtime.connect({ name: 'verifier' });
const cb = load();

port.onMessage.addListener(async ({ id, op, item, source, timeout, hosts, documents, registries }) => {
  try {
    const api = await cb;
    if (op === 'defaults') {
      port.postMessage({ id, defaults: api.defaultRegistries });
      return;
    }
    // An empty host list would mean "any host" to the wasm: online only
    // with at least one host named.
    const online = Array.isArray(hosts) && hosts.length > 0;
    const opts = { offline: !online, source, timeout };
    if (online) Object.assign(opts, { hosts, keepDocuments: true });
    if (documents && Object.keys(documents).length) {
      opts.documents = Object.fromEntries(Object.entries(documents).map(([u, d]) => [u, unb64(d)]));
    }
    if (registries?.length) {
      opts.registries = registries.map((r) => (r.b64 ? { name: r.name, data: unb64(r.b64) } : { name: r.name, url: r.url }));
    }
    const { documents: fetched, ...report } = await api.verify(inputOf(item), opts);
    // The port carries JSON: the fetched bytes travel as base64.
    port.postMessage({ id, report, documents: (fetched || []).map(({ body, ...d }) => ({ ...d, b64: b64(body) })) });
  } catch (err) {
    port.postMessage({ id, error: err.message || String(err), timedOut: err.name === 'TimeoutError' });
  }
});

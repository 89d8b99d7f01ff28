// ClearBadge wallet: the verifier host. The service worker must answer list,
// lock and the popup at once, but Go's wasm runs on the thread that calls
// it: a credential built to be slow would hold the worker's only thread. So
// the service worker opens this offscreen document (chrome.offscreen, reason
// WORKERS), which runs each verification in a dedicated Web Worker through
// clearbadge.mjs (the page's loader, copied in by `make extension`): the
// worker is offline (worker.js locks the network away) and is ended and
// replaced when a verification passes its timeout.
//
// Port "verifier" (this document connects to the service worker):
//   in:  {id, item: {text} | {b64}, source, timeout}
//   out: {id, report} | {id, error, timedOut}
import { load } from './clearbadge.mjs';

const port = chrome.runtime.connect({ name: 'verifier' });
const cb = load();

function inputOf(item) {
  if (typeof item.text === 'string') return item.text;
  return Uint8Array.from(atob(item.b64), (c) => c.charCodeAt(0));
}

port.onMessage.addListener(async ({ id, item, source, timeout }) => {
  try {
    const api = await cb;
    const report = await api.verify(inputOf(item), { offline: true, source, timeout });
    port.postMessage({ id, report });
  } catch (err) {
    port.postMessage({ id, error: err.message || String(err), timedOut: err.name === 'TimeoutError' });
  }
});

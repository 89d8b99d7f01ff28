// @ts-check
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
// The worker itself is split by concern into the classic scripts of
// background/, loaded after those: they share this worker's global scope
// (one script's top-level functions and constants are the others'), and the
// order matters only for what runs at load: listeners, and messages.js's
// operations table, which names functions of the files before it.
if (typeof importScripts === 'function') {
  importScripts(
    'words.js',
    'common.js',
    'protocol.js',
    'wasm_exec.js',
    'vault.js',
    'platforms.js',
    'background/verifier.js',
    'background/session.js',
    'background/store.js',
    'background/operations.js',
    'background/online.js',
    'background/recheck.js',
    'background/backup.js',
    'background/holder.js',
    'background/messages.js',
    'background/menu.js',
  );
}

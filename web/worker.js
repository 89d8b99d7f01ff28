// @ts-check
// ClearBadge verification worker (classic dedicated worker).
//
// Loaded as worker.js it is the OFFLINE worker: after fetching the wasm it
// replaces every network API of the worker scope with one that throws, and
// only then starts the Go program, so nothing in it can reach the network even
// by mistake. That is a second wall: a server that can set headers should also
// send this script a Content-Security-Policy with connect-src 'self' (cmd/serve
// does), which the browser enforces for the worker regardless of this code.
// Loaded through worker-online.js it is the ONLINE worker and keeps fetch, which
// the Go side uses to get public documents (see wasm/fetch.go).
//
// Messages in:  {id, input: string|Uint8Array, opts}
// Messages out: {type:'ready', version, defaultRegistries} | {type:'report', id, report (JSON text, or the object when it carries documents)}
//               | {type:'error', id, message} | {type:'fatal', message}
'use strict';

(() => {
  const online = /\/worker-online\.js$/.test(self.location.pathname);
  // wasm_exec.js and clearbadge.wasm sit beside this script. A worker that a
  // page on another origin started from a blob: URL (clearbadge.mjs does that
  // for the embeddable widget) names that folder in self.clearbadgeBase, since
  // its own location is the blob: URL; such a worker is always offline.
  const base = self.clearbadgeBase || self.location.href;
  // The wasm's file name: clearbadge.mjs passes the content-hashed one
  // (?wasm= on this script's URL, or clearbadgeWasm for a blob: worker). Only
  // a name of that shape is taken, so the URL cannot point the worker at
  // other code.
  const named = self.clearbadgeWasm || new URLSearchParams(self.location.search).get('wasm');
  const wasmName = /^clearbadge(\.[0-9a-f]{16})?\.wasm$/.test(named || '') ? named : 'clearbadge.wasm';
  // Start downloading and compiling the wasm at once, while wasm_exec.js
  // loads.
  const compiled = compile();
  // common.js: the start-up the hosts of the wasm share (Common.startGo).
  importScripts(new URL('common.js', base).href, new URL('wasm_exec.js', base).href);

  function lockNetwork() {
    const refuse = (name) => new Error(`ClearBadge offline worker: ${name} is disabled; nothing leaves this device`);
    // Everything in a worker scope that can start a request. (fetchLater and
    // WebSocketStream exist in some Chromium versions only.)
    for (const name of [
      'fetch',
      'fetchLater',
      'XMLHttpRequest',
      'WebSocket',
      'WebSocketStream',
      'EventSource',
      'WebTransport',
      'importScripts',
      'Worker',
      'SharedWorker',
    ]) {
      if (name in self) {
        // A plain function, so that `new XMLHttpRequest()` reaches the throw too.
        Object.defineProperty(self, name, {
          // biome-ignore lint/complexity/useArrowFunction: an arrow is no constructor (see above).
          value: function () {
            throw refuse(name);
          },
          writable: false,
          configurable: false,
        });
      }
    }
    // caches is an object, not a function (Cache.add fetches): refuse reading it.
    if ('caches' in self) {
      Object.defineProperty(self, 'caches', {
        get() {
          throw refuse('caches');
        },
        configurable: false,
      });
    }
  }

  async function compile() {
    const resp = await fetch(new URL(wasmName, base));
    if (!resp.ok) throw new Error(`${wasmName}: HTTP ${resp.status}`);
    if ((resp.headers.get('Content-Type') || '').startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(resp);
    }
    // Some static hosts serve .wasm with another type; compile from bytes.
    return WebAssembly.compile(await resp.arrayBuffer());
  }

  async function start() {
    const module = await compiled;
    if (!online) lockNetwork();
    return self.Common.startGo(self, module, (run) =>
      run.then(() => {
        self.postMessage({ type: 'fatal', message: 'the wasm program exited' });
      }),
    );
  }

  const ready = start();
  ready.then(
    (api) => self.postMessage({ type: 'ready', version: api.version, online, defaultRegistries: api.defaultRegistries }),
    (err) => self.postMessage({ type: 'fatal', message: String(err?.message || err) }),
  );

  self.onmessage = async (e) => {
    const { id, input, opts } = e.data || {};
    try {
      const api = await ready;
      // The offline worker verifies offline whatever it is told. The report
      // comes as JSON text (reportJSON), which the page parses: faster than
      // copying the parsed object between threads.
      const o = Object.assign({}, opts, { reportJSON: true }, online ? {} : { offline: true });
      const report = await api.verify(input, o);
      self.postMessage({ type: 'report', id, report });
    } catch (err) {
      self.postMessage({ type: 'error', id, message: String(err?.message || err) });
    }
  };
})();

// @ts-check
// ClearBadge loader: one ES module for browsers and Node 20+.
//
//   import { load } from './clearbadge.mjs';
//   const cb = await load();                       // starts the wasm once
//   const report = await cb.verify(input, opts);   // a Report object
//
// input: a string (JSON, JWT or SVG text), a Uint8Array or ArrayBuffer (any of
// those, or a baked PNG), or a Blob/File. opts (all optional):
//   offline    true (default) = no network at all; false = fetch public
//              documents the credential names (did:web, status lists, ...)
//   allowPrivateNetwork  false (default) = online checks refuse local
//              addresses (127.0.0.1, 10.x, 192.168.x, ...); true for intranet
//              issuers
//   at         verify as of this time: a Date, a millisecond timestamp or an
//              RFC 3339 string
//   hosts      with offline: false, the only hosts (host or host:port) that
//              may be contacted; any other document is treated as offline
//              (the verifier page's "Check revocation online" button uses it)
//   documents  {url: string | Uint8Array | ArrayBuffer}: documents supplied
//              instead of fetched (a status list, a DID or controller
//              document), as the CLI's --with URL=FILE; used offline too
//   keepDocuments  with offline: false, the report also gets documents: the
//              public documents fetched, [{url, fetchedAt, maxAge, body}]
//              (body a Uint8Array; maxAge the seconds its server allows
//              reusing it), to supply later as documents (the wallet does)
//   registries [{name, url} | {name, data: string | Uint8Array}]: issuer
//              registries for the identity check (a URL is fetched only
//              online, from the allowed hosts), as the CLI's --registry
//   strict     true: data-model (schema) slips of an authentic credential
//              fail instead of being noted (for issuers testing output)
//   challenge, domain   what a presentation's proof must carry
//   source     a name for the input shown in the report (default: a File's name)
//   timeout    (browser) milliseconds before a verification is abandoned and
//              its worker restarted; default 60000
// The promise resolves to the Report (see core/report) for any input, even one
// that is not a credential; it rejects only on misuse or an internal failure.
//
// In a browser the wasm runs in a dedicated Web Worker, so the page never
// freezes and nothing is added to the page's global scope. Offline and online
// calls go to two different workers (worker.js and worker-online.js): the
// offline one locks the network APIs away before the Go program starts, and a
// server can give each its own Content-Security-Policy (cmd/serve does: the
// offline worker may connect only to its own origin). In Node the wasm runs in
// the calling thread, in a private scope: no global is added there either.
//
// load(opts): {base} is the URL of the folder holding clearbadge.wasm,
// wasm_exec.js and the workers (default: this module's folder).
// The object returned has verify(input, opts), version, defaultRegistries
// ([{name, url}]: the registries the CLI consults online when none is named;
// pass them as registries to consult them too), and close().
//
// The same, as types (tsc, make lint); VerifierReport is the Report's type
// (extension/protocol.js), FetchedDocument the bridge's (types/wasm.d.ts):
/**
 * @typedef {string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob} VerifyInput
 * @typedef {{offline?: boolean, allowPrivateNetwork?: boolean, at?: Date | number | string, hosts?: string[],
 *   documents?: Record<string, string | Uint8Array | ArrayBuffer>, keepDocuments?: boolean,
 *   registries?: {name?: string, url?: string, data?: string | Uint8Array | ArrayBuffer}[], strict?: boolean,
 *   challenge?: string, domain?: string, source?: string, timeout?: number}} VerifyOptions
 * @typedef {{version: string, defaultRegistries: {name: string, url: string}[],
 *   verify(input: VerifyInput, opts?: VerifyOptions): Promise<VerifierReport & {documents?: FetchedDocument[]}>,
 *   close(): void}} Verifier
 */

// The content-hashed name of the wasm the browser loads (written by `make
// wasm`; the extension's names clearbadge.wasm): browsers may cache it, and
// the code compiled from it, for good (see cmd/serve). Node reads
// clearbadge.wasm.
import wasmName, { offline as offlineWasmName } from './wasm-name.mjs';
import { startGo } from './common.mjs';

const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined' && typeof WorkerGlobalScope === 'undefined';

/** @type {Map<string, Promise<Verifier>>} base URL -> the verifier there, so load() is cheap to call again */
const loaded = new Map();

/**
 * @param {{base?: string | URL}} [opts]
 * @returns {Promise<Verifier>}
 */
export function load(opts = {}) {
  const base = new URL(opts.base ?? '.', import.meta.url);
  const key = base.href;
  if (!loaded.has(key)) {
    const p = isNode ? loadNode(base) : loadBrowser(base);
    // A failed start may be retried by calling load() again.
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return loaded.get(key);
}

// Input and options are normalised here, once, for both hosts. (A caller
// without tsc may pass anything: each option is checked.)
/**
 * @param {VerifyInput} input
 * @param {VerifyOptions} [opts]
 * @returns {Promise<{input: string | Uint8Array, opts: WasmVerifyOptions}>}
 */
async function prepare(input, opts = {}) {
  if (opts === null || typeof opts !== 'object') throw new TypeError('verify: options must be an object');
  /** @type {WasmVerifyOptions} */
  const o = {};
  let source = opts.source;
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    // A File has a name; another Blob has none.
    source ??= /** @type {Partial<File>} */ (input).name;
    input = new Uint8Array(await input.arrayBuffer());
  } else if (input instanceof ArrayBuffer) {
    input = new Uint8Array(input);
  } else if (ArrayBuffer.isView(input) && !(input instanceof Uint8Array)) {
    input = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError('verify: input must be a string, Uint8Array, ArrayBuffer or Blob');
  }
  if (opts.offline !== undefined) {
    if (typeof opts.offline !== 'boolean') throw new TypeError('verify: options.offline must be a boolean');
    o.offline = opts.offline;
  } else {
    o.offline = true;
  }
  if (opts.allowPrivateNetwork !== undefined) {
    if (typeof opts.allowPrivateNetwork !== 'boolean') throw new TypeError('verify: options.allowPrivateNetwork must be a boolean');
    o.allowPrivateNetwork = opts.allowPrivateNetwork;
  }
  if (opts.at !== undefined && opts.at !== null && opts.at !== '') {
    const d = opts.at instanceof Date ? opts.at : typeof opts.at === 'number' ? new Date(opts.at) : null;
    if (d) {
      if (Number.isNaN(d.getTime())) throw new TypeError('verify: options.at is not a valid date');
      o.at = d.toISOString();
    } else {
      o.at = String(opts.at);
    }
  }
  for (const k of ['challenge', 'domain']) {
    if (opts[k] !== undefined && opts[k] !== null) o[k] = String(opts[k]);
  }
  for (const k of ['strict', 'keepDocuments']) {
    if (opts[k] === undefined) continue;
    if (typeof opts[k] !== 'boolean') throw new TypeError(`verify: options.${k} must be a boolean`);
    o[k] = opts[k];
  }
  if (opts.hosts !== undefined) {
    if (!Array.isArray(opts.hosts) || !opts.hosts.every((x) => typeof x === 'string' && x !== '')) {
      throw new TypeError('verify: options.hosts must be an array of host names');
    }
    o.hosts = [...opts.hosts];
  }
  if (opts.documents !== undefined) {
    if (opts.documents === null || typeof opts.documents !== 'object') {
      throw new TypeError('verify: options.documents must be an object mapping URLs to documents');
    }
    o.documents = {};
    for (const [url, doc] of Object.entries(opts.documents)) {
      if (typeof doc === 'string' || doc instanceof Uint8Array) o.documents[url] = doc;
      else if (doc instanceof ArrayBuffer) o.documents[url] = new Uint8Array(doc);
      else throw new TypeError(`verify: options.documents[${JSON.stringify(url)}] must be a string, Uint8Array or ArrayBuffer`);
    }
  }
  if (opts.registries !== undefined) {
    if (!Array.isArray(opts.registries)) throw new TypeError('verify: options.registries must be an array');
    o.registries = opts.registries.map((r) => {
      if (r === null || typeof r !== 'object') throw new TypeError('verify: options.registries[] must be {name, url} or {name, data}');
      const x = {};
      if (r.name !== undefined) x.name = String(r.name);
      if (r.url !== undefined) x.url = String(r.url);
      if (r.data !== undefined) x.data = r.data instanceof ArrayBuffer ? new Uint8Array(r.data) : r.data;
      return x;
    });
  }
  if (source !== undefined && source !== null) o.source = String(source);
  return { input, opts: o };
}

// registriesCopy: the default registries as plain data, [{name, url}].
/** @param {Iterable<{name: string, url: string}>} list */
function registriesCopy(list) {
  return Array.from(list || [], (r) => ({ name: String(r.name), url: String(r.url) }));
}

// ---- Node: run wasm_exec.js and the Go program in a private scope ----

/**
 * @param {URL} base
 * @returns {Promise<Verifier>}
 */
async function loadNode(base) {
  const { readFile } = await import('node:fs/promises');
  const [execSrc, wasm] = await Promise.all([readFile(new URL('wasm_exec.js', base), 'utf8'), readFile(new URL('clearbadge.wasm', base))]);
  // wasm_exec.js reads and writes `globalThis` (Go, fs, path stubs) and the Go
  // program sets ClearBadge on it. Handing both a proxy of the real global
  // gives them everything they read (fetch, crypto, Promise, ...) while every
  // property they set stays private. (Reads go to the real global itself:
  // Node's accessors such as crypto refuse any other `this`.)
  /** @type {Partial<GoScope> & {ClearBadgeHost?: object}} */
  const own = Object.create(null);
  const scope = new Proxy(globalThis, {
    get: (target, key) => (key in own ? own[key] : Reflect.get(target, key)),
    set: (_target, key, value) => {
      own[key] = value;
      return true;
    },
    has: (target, key) => key in own || key in target,
    deleteProperty: (_target, key) => delete own[key],
  });
  new Function('globalThis', execSrc)(scope);
  const nodeCrypto = await import('node:crypto');
  own.ClearBadgeHost = { ed25519Verify: nodeEd25519(nodeCrypto), sha256: nodeSHA256(nodeCrypto) };
  let exited = false;
  const api = await startGo(scope, await WebAssembly.compile(wasm), (run) =>
    run.finally(() => {
      exited = true;
    }),
  );
  return {
    version: api.version,
    defaultRegistries: registriesCopy(api.defaultRegistries),
    async verify(input, opts) {
      if (exited) throw new Error('clearbadge: the wasm program has exited');
      const p = await prepare(input, opts);
      return api.verify(p.input, p.opts);
    },
    close() {},
  };
}

// nodeEd25519 is the synchronous Ed25519 check the wasm takes from its host
// (ClearBadgeHost.ed25519Verify, see wasm/hostcrypto.go): node:crypto's
// OpenSSL is ~3× faster than Go's curve compiled to wasm, and Node's
// WebCrypto, being asynchronous, costs more in the round trip than it saves.
// The wasm believes only a true answer; it checks anything else itself.
// Exported for wasm/hostcrypto_test.go, which holds it to crypto/ed25519.
/**
 * @param {Pick<typeof import('node:crypto'), 'createPublicKey' | 'verify'>} crypto
 * @returns {(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array) => boolean}
 */
export function nodeEd25519({ createPublicKey, verify }) {
  /** @type {Map<string, import('node:crypto').KeyObject>} base64url of the raw key -> its key */
  const keys = new Map();
  return (pub, msg, sig) => {
    const x = Buffer.from(pub).toString('base64url');
    let key = keys.get(x);
    if (!key) {
      if (keys.size >= 64) keys.clear();
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
      keys.set(x, key);
    }
    return verify(null, msg, key, sig);
  };
}

// nodeSHA256 is the synchronous SHA-256 the wasm takes from its host
// (ClearBadgeHost.sha256, see wasm/hostcrypto.go) for the data a proof
// signs: node:crypto's is several times faster than Go's compiled to wasm.
// Exported for wasm/hostcrypto_test.go, which holds it to crypto/sha256.
/**
 * @param {Pick<typeof import('node:crypto'), 'createHash'>} crypto
 * @returns {(bytes: Uint8Array) => Uint8Array}
 */
export function nodeSHA256({ createHash }) {
  return (bytes) => createHash('sha256').update(bytes).digest();
}

// ---- Browser: one worker per mode, created on first use ----

/**
 * @param {URL} base
 * @returns {Promise<Verifier>}
 */
function loadBrowser(base) {
  // Loaded from another origin (the embeddable widget on someone's site), the
  // workers are blob: workers of the page's origin (see spawnWorker), and
  // only the offline one can be made: the online worker needs a script URL of
  // its own for its own policy.
  const foreign = base.origin !== self.location.origin;
  // The workers read the wasm's name from their URL's query. The offline
  // worker runs the offline build (make wasm: no JSON Schema validator,
  // which only a fetched schema needs; ~10 % smaller), the online one the
  // full build.
  const query = (name) => `?wasm=${encodeURIComponent(name)}`;
  const workers = {
    offline: new WorkerClient(new URL(`worker.js${query(offlineWasmName)}`, base)),
    online: new WorkerClient(new URL(`worker-online.js${query(wasmName)}`, base)),
  };
  // Start the offline worker now so the first verification does not pay for
  // the wasm start-up; load() resolves when it is ready.
  return workers.offline.start().then(({ version, defaultRegistries }) => ({
    version,
    defaultRegistries: registriesCopy(defaultRegistries),
    async verify(input, opts = {}) {
      const p = await prepare(input, opts);
      if (foreign && !p.opts.offline) {
        throw new Error('clearbadge: online checks are not available when clearbadge.mjs is loaded from another origin');
      }
      const timeout = opts.timeout ?? 60000;
      return (p.opts.offline ? workers.offline : workers.online).call(p.input, p.opts, timeout);
    },
    close() {
      workers.offline.stop();
      workers.online.stop();
    },
  }));
}

// spawnWorker starts a dedicated worker running url. A page may start a
// worker only from a script URL of its own origin (HTML Standard, the Worker
// constructor: another origin throws SecurityError), so for a page on another
// origin the worker is a blob: URL of the page's origin that imports our
// worker.js and tells it where the wasm is. Such a worker runs under the
// embedding page's Content-Security-Policy (CSP Level 3: a worker from a
// blob: URL inherits its creator's policy), which must allow it (docs/web.md
// lists the lines), and it fetches the wasm across origins (the wasm's host
// must send Access-Control-Allow-Origin).
/** @param {URL} url */
function spawnWorker(url) {
  if (url.origin === self.location.origin) return new Worker(url);
  const src =
    `self.clearbadgeBase = ${JSON.stringify(new URL('.', url).href)};\n` +
    `self.clearbadgeWasm = ${JSON.stringify(url.searchParams.get('wasm'))};\n` +
    `importScripts(${JSON.stringify(url.href)});\n`;
  const blobURL = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
  // The constructor resolves the blob: URL at once (URL Standard: a blob URL
  // entry is bound when the URL is parsed), so it can be revoked right away.
  try {
    return new Worker(blobURL);
  } finally {
    URL.revokeObjectURL(blobURL);
  }
}

// The worker's messages (worker.js says what each means).
/**
 * @typedef {{type: 'ready', version: string, online: boolean, defaultRegistries: {name: string, url: string}[]}
 *   | {type: 'fatal', message: string} | {type: 'report', id: number, report: VerifierReport | string}
 *   | {type: 'error', id: number, message: string}} WorkerMessage
 * @typedef {{resolve: (r: VerifierReport) => void, reject: (err: Error) => void, deadline: number, timeout: number}} PendingCall
 */

// WorkerClient is one worker and the calls waiting on it.
class WorkerClient {
  /** @param {URL} url */
  constructor(url) {
    this.url = url;
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Promise<WorkerMessage & {type: 'ready'}> | null} */
    this.ready = null;
    /** @type {Map<number, PendingCall>} */
    this.pending = new Map();
    this.nextId = 1;
    // One watchdog timer for all the calls, armed for the earliest deadline,
    // rather than a timer made and cleared per call: those two cost ~30 µs
    // of the page's thread per verification (1-2 % of one in Chromium).
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.watchdog = null;
    this.watchdogAt = Infinity;
  }

  start() {
    if (this.ready) return this.ready;
    const w = spawnWorker(this.url);
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.onmessage = (e) => {
        /** @type {WorkerMessage} */
        const m = e.data;
        if (m.type === 'ready') return resolve(m);
        if (m.type === 'fatal') {
          const err = new Error('clearbadge worker failed: ' + m.message);
          reject(err);
          this.fail(err);
          return;
        }
        const call = this.pending.get(m.id);
        if (!call) return;
        this.pending.delete(m.id);
        if (m.type === 'report') call.resolve(typeof m.report === 'string' ? JSON.parse(m.report) : m.report);
        else call.reject(new Error(m.message));
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        const err = new Error('clearbadge worker error: ' + (e.message || 'could not load ' + this.url.pathname));
        reject(err);
        this.fail(err);
      };
    });
    return this.ready;
  }

  /**
   * @param {string | Uint8Array} input
   * @param {WasmVerifyOptions} opts
   * @param {number} timeout
   * @returns {Promise<VerifierReport>}
   */
  async call(input, opts, timeout) {
    await this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, deadline: performance.now() + timeout, timeout });
      this.watch();
      this.worker.postMessage({ id, input, opts });
    });
  }

  // watch arms the watchdog for the earliest deadline of the pending calls.
  watch() {
    let at = Infinity;
    for (const c of this.pending.values()) at = Math.min(at, c.deadline);
    if (at >= this.watchdogAt) return;
    clearTimeout(this.watchdog ?? undefined);
    this.watchdogAt = at;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      this.watchdogAt = Infinity;
      const now = performance.now();
      for (const c of this.pending.values()) {
        if (c.deadline <= now) {
          // A verification that never ends cannot be interrupted inside Go;
          // ending the worker is the only way to get the CPU back.
          const err = new Error(`clearbadge: verification took longer than ${c.timeout} ms and was stopped`);
          err.name = 'TimeoutError';
          this.fail(err);
          return;
        }
      }
      this.watch();
    }, at - performance.now());
  }

  // fail rejects every pending call and drops the worker; the next call
  // starts a fresh one.
  /** @param {Error} err */
  fail(err) {
    for (const c of this.pending.values()) c.reject(err);
    this.pending.clear();
    clearTimeout(this.watchdog ?? undefined);
    this.watchdog = null;
    this.watchdogAt = Infinity;
    this.stop();
  }

  stop() {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}

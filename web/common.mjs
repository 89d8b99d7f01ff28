// @ts-check
// What the page, the widget and the wallet (its pages, service worker and
// content script) must agree on, written once: the largest input they hand
// the verifier, which files are badge images, base64, what a credential is
// called, how the wasm starts, and the colours. No imports, so that `make extension` can also make a classic
// copy of it (common.js, the global Common) for the classic scripts that
// cannot import an ES module: the verification worker, and the wallet's
// service worker and content script.

// MAX_INPUT_BYTES is the largest credential or badge image any surface reads
// and hands the verifier: the core's own cap on an image (core/baked
// MaxImageBytes). Larger inputs are refused before they are read.
export const MAX_INPUT_BYTES = 16 << 20;

// MAX_ITEMS_PER_IMPORT is the most items the wallet's service worker imports
// in one message; the wallet's pages send larger sets in batches of it.
export const MAX_ITEMS_PER_IMPORT = 200;

// IMAGE_TYPE and IMAGE_NAME recognise a badge image (OB 3.0 "Baked Badge":
// PNG or SVG) by its media type or its file name.
export const IMAGE_TYPE = /^image\/(png|svg\+xml)$/;
export const IMAGE_NAME = /\.(png|svg)$/i;

// IMAGE_TYPES: a badge image's media type by its format (its file
// extension): what a baked image is stored, downloaded and imported as.
export const IMAGE_TYPES = Object.freeze({ png: 'image/png', svg: 'image/svg+xml' });

/**
 * isImageFile reports whether a picked file is a badge image, by its type or,
 * when the system gives none, its name.
 * @param {{type: string, name: string}} f
 */
export function isImageFile(f) {
  return IMAGE_TYPE.test(f.type) || IMAGE_NAME.test(f.name);
}

/**
 * b64 encodes bytes as base64 (in slices, so a 16 MiB image does not
 * overflow the argument list of String.fromCharCode).
 * @param {ArrayBuffer | Uint8Array} bytes
 */
export function b64(bytes) {
  let s = '';
  const u = new Uint8Array(bytes);
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * unb64 decodes base64 text; anything else throws.
 * @param {unknown} s
 */
export function unb64(s) {
  if (typeof s !== 'string') throw new TypeError('not base64 text');
  const bin = atob(s);
  const u = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
  return u;
}

/**
 * inputOf is what the verifier is handed for a wallet item, {text} (JSON or
 * a JWT) or {b64} (the bytes of a baked image).
 * @param {{text?: string, b64?: string}} item
 */
export function inputOf(item) {
  return typeof item.text === 'string' ? item.text : unb64(item.b64);
}

/**
 * nameOf is the name a credential gives itself, or that of its achievement.
 * @param {{summary?: {name?: string, achievement?: {name?: string}}}} report
 */
export function nameOf(report) {
  const s = report.summary || {};
  return s.name || s.achievement?.name || '';
}

/**
 * isPresentation reports whether a report is of a Verifiable Presentation.
 * @param {{kind?: string}} report
 */
export function isPresentation(report) {
  return report.kind === 'VerifiablePresentation';
}

/**
 * titleOf is what a credential is called: the heading of its card
 * (render.mjs titleOf, in the reader's words) and the title of its wallet
 * entry (the service worker's). A presentation's own name is never used
 * (anyone can wrap credentials in one and call it anything): it is named by
 * what it holds, presentationOf(n) for n credentials. Anything else is named
 * by nameOf, else fallback.
 * @param {{kind?: string, credentials?: unknown[], summary?: {name?: string, achievement?: {name?: string}}}} report
 * @param {string} fallback
 * @param {(n: number) => string} presentationOf
 */
export function titleOf(report, fallback, presentationOf) {
  if (isPresentation(report)) return presentationOf(report.credentials?.length || 0);
  return nameOf(report) || fallback;
}

/**
 * startGo runs the Go program of a compiled clearbadge.wasm in scope (where
 * wasm_exec.js has defined Go) and resolves to the API the program sets there,
 * ClearBadge, once it is ready: the start-up every host of the wasm shares
 * (the page's worker, the loader in Node, the wallet's service worker).
 * watch is handed the promise of the program's run, to act when it ends.
 * @param {GoScope} scope
 * @param {WebAssembly.Module} module
 * @param {(run: Promise<void>) => void} watch
 * @returns {Promise<ClearBadgeAPI>}
 */
export async function startGo(scope, module, watch) {
  const go = new scope.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  watch(go.run(instance));
  const api = scope.ClearBadge;
  if (!api || typeof api.verify !== 'function') throw new Error('clearbadge.wasm did not start');
  await api.ready;
  return api;
}

// TOKENS are the design tokens of the page, the wallet and the widget: their
// colours, corner radius and shadow, by name, written once here. The page
// and the wallet read them as custom properties of :root (var(--bg), ...)
// from tokens.css, which the build writes from these (scripts/tokens.mjs);
// the widget sets them on its shadow host (tokenDeclarations('cb-'):
// var(--cb-bg), ...), since its stylesheet must come with its module: no
// request of its own, no flash of an unstyled card. Text colours are at
// least 4.5:1 against the backgrounds they sit on, marks and focus rings
// at least 3:1.
export const TOKENS = Object.freeze({
  bg: '#f5f7fa',
  surface: '#ffffff',
  text: '#17202b',
  muted: '#4f5b6a',
  border: '#d5dbe3',
  'border-strong': '#74808f',
  accent: '#1d4ed8',
  'accent-hover': '#1e40af',
  'accent-soft': '#e8effd',
  ok: '#0b6b38',
  'ok-bg': '#e7f5ed',
  bad: '#b42318',
  'bad-bg': '#fdeceb',
  warn: '#8a4b00',
  'warn-bg': '#fff3dd',
  skip: '#4f5b6a',
  'skip-bg': '#eef1f5',
  // the disc of a skipped check's mark, and the outline of a badge without
  // an image of its own
  'skip-mark': '#7b8696',
  placeholder: '#9aa5b4',
  // what is drawn on a coloured ground: an outcome's mark, a primary
  // button's words
  'on-colour': '#ffffff',
  radius: '12px',
  shadow: '0 1px 2px rgba(16, 24, 40, .06), 0 2px 8px rgba(16, 24, 40, .05)',
});

/**
 * tokenDeclarations: TOKENS as CSS custom-property declarations, one a line,
 * each name prefixed with prefix ('' for the page's --bg, 'cb-' for the
 * widget's --cb-bg).
 * @param {string} prefix
 */
export function tokenDeclarations(prefix) {
  return Object.entries(TOKENS)
    .map(([name, value]) => `--${prefix}${name}: ${value};`)
    .join('\n');
}

// The globals ClearBadge's scripts share, for tsc (make lint): those the
// classic scripts define (words.js Words, vault.js Vault, common.js Common,
// protocol.js Protocol, platforms.js Platforms), and the extension APIs, left
// untyped but for Words (the wallet's error classes extend its Refusal).
// Common is web/common.mjs as a classic script (scripts/classic.sh), so it
// has that module's types; the Go wasm's globals are in wasm.d.ts.
declare const chrome: any;
// words.js: the catalogue of the classic scripts' words, and Refusal, the
// error class of what the service worker refuses.
declare var Words: {
  WORDS: Record<string, Record<string, string>>;
  LANGS: readonly string[];
  say(lang: string, key: string, params?: Record<string, unknown>): string;
  langOf(...prefs: unknown[]): string;
  Refusal: new (code: string, key: string, params?: Record<string, unknown>) => Error & {
    code: string; key: string; params?: Record<string, unknown>;
  };
};
declare var Vault: any;
declare var Common: typeof import('../web/common.mjs');
declare var Protocol: any;
declare var Platforms: any;
declare var ClearBadge: ClearBadgeAPI | undefined;
declare function importScripts(...urls: string[]): void;
// A worker's global scope, which lib.dom does not declare (clearbadge.mjs
// tells a worker by it).
declare var WorkerGlobalScope: unknown;
interface Window {
  Words: any; Vault: any; Common: typeof import('../web/common.mjs'); Protocol: any; Platforms: any;
  // Set for a worker started from a blob: URL (clearbadge.mjs spawnWorker).
  clearbadgeBase?: string;
  clearbadgeWasm?: string;
  // Set by content.js, which may be injected twice.
  __clearbadgeContent?: boolean;
  // Set by platforms.js in the service worker: the retry alarm's handler,
  // a global so that tests can call it as Chrome would.
  onRetryAlarm?: (alarm: { name: string }) => Promise<unknown>;
}

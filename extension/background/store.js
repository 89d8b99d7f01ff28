// @ts-check
// The encrypted store (background.js loads this file): reading it, and
// changing it one write at a time; and WalletError, how every operation
// refuses, in the reader's language (words.js).
'use strict';

const STORE_KEY = 'wallet';

/**
 * The decrypted store: the credentials, the holder key once made, the kept
 * public documents, the hosts the learner allowed, the issuer registries
 * added, and the platforms connected (platforms.js).
 * @typedef {{credentials: WalletEntry[], holder: {did: string, jwk: object, created: string} | null,
 *   documents?: Record<string, {b64: string, fetchedAt: string, maxAge: number}>, sites?: string[],
 *   registries?: {name: string, url?: string, b64?: string}[], connections?: object[]}} Store
 */

async function readRecord() {
  const got = await chrome.storage.local.get(STORE_KEY);
  return got[STORE_KEY];
}

// WalletError: a refusal the wallet explains (words.js Refusal): English in
// its message, the reader's language in the answer.
class WalletError extends Words.Refusal {}

// said: what err says, in lang when its words are known (WalletError,
// VaultError).
function said(err, lang) {
  return err.key ? Words.say(Words.langOf(lang), err.key, err.params) : err.message || String(err);
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
/** @returns {Promise<{record: object, store: Store}>} */
async function readStore() {
  const s = await requireUnlocked();
  const record = await readRecord();
  if (!record) throw new WalletError('no-wallet', 'bg.no-wallet');
  return { record, store: await Vault.decryptStore(record, s.key) };
}

// mutate runs fn(store) -> result on a copy of the store and writes the new
// store in one set. Calls are queued so they never interleave.
/** @type {Promise<unknown>} */
let chain = Promise.resolve();
/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
function serial(fn) {
  const run = chain.then(fn);
  chain = run.catch(() => {});
  return run;
}

/**
 * @template T
 * @param {(store: Store) => T | Promise<T>} fn
 * @returns {Promise<T>}
 */
function mutate(fn) {
  return serial(async () => {
    const { record, store } = await readStore();
    const next = structuredClone(store);
    const result = await fn(next);
    // fn says {unchanged: true} (with what it returns) to skip the write.
    if (/** @type {{unchanged?: boolean} | undefined} */ (result)?.unchanged) return result;
    const s = await requireUnlocked();
    await chrome.storage.local.set({ [STORE_KEY]: await Vault.reseal(record, s.key, next) });
    return result;
  });
}

/** @returns {Store} */
function emptyStore() {
  return { credentials: [], holder: null };
}

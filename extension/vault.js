// @ts-check
// ClearBadge wallet vault: the encrypted store and its key, with WebCrypto only.
// A classic script (the service worker loads it with importScripts, after
// words.js and common.js) that defines one global, Vault.
//
// At rest, chrome.storage.local holds exactly one key, "wallet":
//
//   { format: "clearbadge-wallet", v: 1,
//     kdf:   { name: "PBKDF2", hash: "SHA-256", iterations, salt },  // salt: 16 random bytes
//     check: { iv, ct },   // AES-GCM of a fixed text: tells a wrong passphrase
//                          // apart from damaged data
//     data:  { iv, ct } }  // AES-GCM of the whole store as JSON
//
// (binary fields in base64). The key is AES-GCM 256 derived with PBKDF2-
// HMAC-SHA-256 (NIST SP 800-132; the iteration count follows OWASP's 2023
// advice for PBKDF2-SHA-256, 600 000). Every encryption uses a fresh random
// 96-bit IV (NIST SP 800-38D §8.2.2), and the additional data names the field,
// so the check blob cannot be swapped in for the data blob or the reverse.
//
// Writes are atomic because the whole encrypted store is one value of one
// key: chrome.storage.local.set of a single key either happens or does not,
// so an interrupted import or a crash mid-write leaves the previous store.
// A backup file is the same record wrapped with a header, so it is encrypted
// with the passphrase that was current when it was made.
'use strict';

(() => {
  const FORMAT = 'clearbadge-wallet';
  const BACKUP_FORMAT = 'clearbadge-wallet-backup';
  const VERSION = 1;
  const ITERATIONS = 600000;
  // Bounds on what a stored record or a backup file may ask of us: a record
  // that demands 10^9 iterations would hang the wallet.
  const MIN_ITERATIONS = 100000;
  const MAX_ITERATIONS = 5000000;
  const CHECK_TEXT = 'ClearBadge wallet passphrase check v1';
  const enc = new TextEncoder();
  const dec = new TextDecoder();

  // VaultError: the store's refusals (words.js Refusal), code one of
  // 'wrong-passphrase' | 'damaged' | 'malformed-backup' | 'no-wallet' |
  // 'exists' | 'weak-passphrase'.
  class VaultError extends Words.Refusal {
    name = 'VaultError';
  }

  // common.js (Common) is loaded before this file.
  const { b64, unb64 } = self.Common;

  async function deriveKey(passphrase, salt, iterations) {
    const base = await crypto.subtle.importKey('raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
    // extractable: the unlocked key is kept in chrome.storage.session (memory
    // only) so that the service worker, which Chrome stops after 30 s idle,
    // does not lock the wallet each time it sleeps. See README "Wallet extension".
    return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  }

  async function seal(key, field, bytes) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(`${FORMAT}/${VERSION}/${field}`) }, key, bytes);
    return { iv: b64(iv), ct: b64(ct) };
  }

  // open returns the plaintext, or null when the tag does not match (wrong
  // key or changed bytes); a structurally broken blob throws 'damaged'.
  async function open(key, field, blob) {
    let iv;
    let ct;
    try {
      iv = unb64(blob.iv);
      ct = unb64(blob.ct);
    } catch {
      throw new VaultError('damaged', 'vault.damaged', { why: { key: 'vault.why-unreadable', params: { part: field } } });
    }
    if (iv.length !== 12 || ct.length < 16) {
      throw new VaultError('damaged', 'vault.damaged', { why: { key: 'vault.why-truncated', params: { part: field } } });
    }
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(`${FORMAT}/${VERSION}/${field}`) }, key, ct));
    } catch {
      return null;
    }
  }

  // checkRecord validates the shape of a stored record or of the record inside
  // a backup, before any key derivation.
  function checkRecord(r, what) {
    const bad = (key, params) =>
      new VaultError(what === 'backup' ? 'malformed-backup' : 'damaged', what === 'backup' ? 'vault.not-a-backup-why' : 'vault.damaged', {
        why: { key, params },
      });
    if (!r || typeof r !== 'object' || Array.isArray(r)) throw bad('vault.why-not-object');
    if (r.format !== FORMAT) throw bad('vault.why-format');
    if (r.v !== VERSION) throw bad('vault.why-version', { version: JSON.stringify(r.v) });
    const k = r.kdf;
    if (
      k?.name !== 'PBKDF2' ||
      k.hash !== 'SHA-256' ||
      !Number.isInteger(k.iterations) ||
      k.iterations < MIN_ITERATIONS ||
      k.iterations > MAX_ITERATIONS ||
      typeof k.salt !== 'string'
    ) {
      throw bad('vault.why-kdf');
    }
    for (const f of ['check', 'data']) {
      if (!r[f] || typeof r[f].iv !== 'string' || typeof r[f].ct !== 'string') throw bad('vault.why-part-missing', { part: f });
    }
    let salt;
    try {
      salt = unb64(k.salt);
    } catch {
      throw bad('vault.why-salt');
    }
    if (salt.length < 16) throw bad('vault.why-salt-short');
    return salt;
  }

  function checkStore(s) {
    if (!s || typeof s !== 'object' || !Array.isArray(s.credentials)) {
      throw new VaultError('damaged', 'vault.damaged', { why: { key: 'vault.why-not-wallet' } });
    }
    return s;
  }

  // create makes a new record for an empty store under passphrase.
  async function create(passphrase, store, iterations = ITERATIONS) {
    if (typeof passphrase !== 'string' || passphrase.length < 8) {
      throw new VaultError('weak-passphrase', 'vault.weak-passphrase');
    }
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await deriveKey(passphrase, salt, iterations);
    const record = {
      format: FORMAT,
      v: VERSION,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
      check: await seal(key, 'check', enc.encode(CHECK_TEXT)),
      data: await seal(key, 'data', enc.encode(JSON.stringify(store))),
    };
    return { key, record };
  }

  // unlock derives the key for record and decrypts its store.
  async function unlock(record, passphrase, what = 'wallet') {
    const salt = checkRecord(record, what);
    const key = await deriveKey(passphrase, salt, record.kdf.iterations);
    const check = await open(key, 'check', record.check);
    if (check === null || dec.decode(check) !== CHECK_TEXT) {
      throw new VaultError('wrong-passphrase', what === 'backup' ? 'vault.wrong-backup-passphrase' : 'vault.wrong-passphrase');
    }
    return { key, store: await decryptStore(record, key, what) };
  }

  // decryptStore opens the data part with an already derived key.
  async function decryptStore(record, key, what = 'wallet') {
    checkRecord(record, what);
    const data = await open(key, 'data', record.data);
    if (data === null) {
      throw new VaultError(what === 'backup' ? 'malformed-backup' : 'damaged', what === 'backup' ? 'vault.backup-damaged' : 'vault.damaged-data');
    }
    let store;
    try {
      store = JSON.parse(dec.decode(data));
    } catch {
      throw new VaultError('damaged', 'vault.damaged', { why: { key: 'vault.why-not-json' } });
    }
    return checkStore(store);
  }

  // reseal returns a new record with store encrypted under the same key and
  // salt as record (fresh IVs).
  async function reseal(record, key, store) {
    return { ...record, data: await seal(key, 'data', enc.encode(JSON.stringify(store))) };
  }

  async function exportKey(key) {
    return b64(await crypto.subtle.exportKey('raw', key));
  }
  async function importKey(raw) {
    return crypto.subtle.importKey('raw', unb64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  }

  function backupFile(record) {
    return { format: BACKUP_FORMAT, v: VERSION, exported: new Date().toISOString(), wallet: record };
  }

  // parseBackup reads a backup file's text and returns the record inside.
  function parseBackup(text) {
    let f;
    try {
      f = JSON.parse(text);
    } catch {
      throw new VaultError('malformed-backup', 'vault.not-a-backup-json');
    }
    if (!f || f.format !== BACKUP_FORMAT) {
      throw new VaultError('malformed-backup', 'vault.not-a-backup');
    }
    if (f.v !== VERSION) {
      throw new VaultError('malformed-backup', 'vault.backup-version', { version: JSON.stringify(f.v) });
    }
    checkRecord(f.wallet, 'backup');
    return f.wallet;
  }

  self.Vault = {
    VaultError,
    create,
    unlock,
    decryptStore,
    reseal,
    exportKey,
    importKey,
    backupFile,
    parseBackup,
    checkRecord,
    b64,
    unb64,
    ITERATIONS,
  };
})();

// extension/vault.js in Node: it makes no chrome.* call, only WebCrypto,
// which Node has, so the encrypted store is tested here without a browser:
// a round trip, a wrong passphrase told apart from damaged data, the bounds
// on the iteration count a record may ask for, the check and data parts
// swapped, and backup files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const extDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');

// The service worker's scope, as far as vault.js reads it: words.js,
// common.js and vault.js run in it as the worker's importScripts runs them.
function loadVault() {
  const scope = vm.createContext({ crypto: globalThis.crypto, TextEncoder, TextDecoder, btoa, atob });
  scope.self = scope;
  for (const f of ['words.js', 'common.js', 'vault.js']) {
    vm.runInContext(readFileSync(path.join(extDir, f), 'utf8'), scope, { filename: f });
  }
  return scope.Vault;
}

const Vault = loadVault();
// The lowest count a record may ask for keeps the tests quick.
const ITERATIONS = 100000;
const PASS = 'correct horse battery';
const store = { credentials: [{ id: 'c1', text: '{"name":"Welder"}' }] };
// plain copies a value made in the vault's realm, for deepEqual.
const plain = (v) => JSON.parse(JSON.stringify(v));

async function rejectsWith(promise, code, key) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.name, 'VaultError', err.stack);
    assert.equal(err.code, code, `${err.code} ${err.key}: ${err.message}`);
    if (key) assert.equal(err.key, key);
    return true;
  });
}

test('a store sealed with a passphrase opens with it, and with the exported key', async () => {
  const { key, record } = await Vault.create(PASS, store, ITERATIONS);
  assert.equal(record.format, 'clearbadge-wallet');
  assert.equal(record.kdf.iterations, ITERATIONS);
  assert.ok(!JSON.stringify(record).includes('Welder'), 'the store is in the record in clear');
  const opened = await Vault.unlock(record, PASS);
  assert.deepEqual(plain(opened.store), store);

  const again = await Vault.importKey(await Vault.exportKey(key));
  const more = { credentials: [...store.credentials, { id: 'c2', text: 'x' }] };
  const resealed = await Vault.reseal(record, again, more);
  assert.notEqual(resealed.data.iv, record.data.iv, 'a fresh IV for every encryption');
  assert.deepEqual(plain(await Vault.decryptStore(resealed, key)), more);
  assert.deepEqual(plain((await Vault.unlock(resealed, PASS)).store), more);
});

test('a wrong passphrase is told apart from damaged data', async () => {
  const { record } = await Vault.create(PASS, store, ITERATIONS);
  await rejectsWith(Vault.unlock(record, 'not the passphrase'), 'wrong-passphrase', 'vault.wrong-passphrase');

  const flipped = structuredClone(record);
  const ct = Vault.unb64(flipped.data.ct);
  ct[0] ^= 1;
  flipped.data.ct = Vault.b64(ct);
  await rejectsWith(Vault.unlock(flipped, PASS), 'damaged', 'vault.damaged-data');

  const truncated = structuredClone(record);
  truncated.data.iv = Vault.b64(new Uint8Array(4));
  await rejectsWith(Vault.unlock(truncated, PASS), 'damaged', 'vault.damaged');

  const garbled = structuredClone(record);
  garbled.data.ct = '***';
  await rejectsWith(Vault.unlock(garbled, PASS), 'damaged', 'vault.damaged');
});

test('a record may ask only for an iteration count within bounds, checked before any derivation', async () => {
  const { record } = await Vault.create(PASS, store, ITERATIONS);
  for (const iterations of [1e9, 99999, 0, -1, 1.5, '600000']) {
    const r = structuredClone(record);
    r.kdf.iterations = iterations;
    await rejectsWith(Vault.unlock(r, PASS), 'damaged', 'vault.damaged');
  }
  await rejectsWith(Vault.create('short', store), 'weak-passphrase');
});

test('the check and the data parts cannot stand in for each other', async () => {
  const { key, record } = await Vault.create(PASS, store, ITERATIONS);
  const swapped = { ...record, check: record.data, data: record.check };
  // The additional data names each part, so neither decrypts in the other's
  // place: the check fails as a wrong passphrase would, the data as damage.
  await rejectsWith(Vault.unlock(swapped, PASS), 'wrong-passphrase');
  await rejectsWith(Vault.decryptStore(swapped, key), 'damaged', 'vault.damaged-data');
});

test('a backup file round-trips, and anything else is refused as a backup', async () => {
  const { record } = await Vault.create(PASS, store, ITERATIONS);
  const text = JSON.stringify(Vault.backupFile(record));
  const inner = Vault.parseBackup(text);
  assert.deepEqual(plain((await Vault.unlock(inner, PASS, 'backup')).store), store);
  await rejectsWith(Vault.unlock(inner, 'not the passphrase', 'backup'), 'wrong-passphrase', 'vault.wrong-backup-passphrase');

  const refused = (t) =>
    assert.throws(
      () => Vault.parseBackup(t),
      (err) => err.code === 'malformed-backup',
    );
  refused('not json');
  refused(JSON.stringify({ format: 'something-else' }));
  refused(JSON.stringify({ ...JSON.parse(text), v: 2 }));
  const greedy = JSON.parse(text);
  greedy.wallet.kdf.iterations = 1e9;
  refused(JSON.stringify(greedy));
});

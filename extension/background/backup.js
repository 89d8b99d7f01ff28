// @ts-check
// The encrypted backup (background.js loads this file): exporting the store
// as it is, adding a backup's credentials, and restoring a missing or
// damaged wallet from one.
'use strict';

async function exportBackup() {
  await readStore(); // only an unlocked wallet exports, and only an intact one
  const record = await readRecord();
  return { file: Vault.backupFile(record) };
}

// importBackup opens a backup with its own passphrase and merges its
// credentials (and its holder key, when the wallet has none) into the wallet.
/** @param {WalletArgs} m what was asked (untrusted) */
async function importBackup({ text, passphrase }) {
  await requireUnlocked();
  if (typeof text !== 'string') throw new WalletError('malformed-backup', 'bg.no-backup');
  const record = Vault.parseBackup(text);
  const { store: theirs } = await Vault.unlock(record, String(passphrase ?? ''), 'backup');
  for (const c of theirs.credentials) {
    if (!c || typeof c.id !== 'string' || typeof c.hash !== 'string' || (typeof c.text !== 'string' && typeof c.b64 !== 'string')) {
      throw new WalletError('malformed-backup', 'bg.backup-bad-entry');
    }
  }
  return mutate((store) => {
    const have = new Set(store.credentials.map((c) => c.hash));
    let added = 0;
    for (const c of theirs.credentials) {
      if (have.has(c.hash)) continue;
      have.add(c.hash);
      store.credentials.push(c);
      added++;
    }
    let holder = false;
    if (!store.holder && theirs.holder) {
      store.holder = theirs.holder;
      holder = true;
    }
    return { added, skipped: theirs.credentials.length - added, holder, unchanged: added === 0 && !holder };
  });
}

// restoreWallet puts a backup in place of a missing or damaged wallet. An
// intact wallet is never replaced: its owner adds a backup from inside it
// (importBackup). A wallet whose passphrase check opens but whose data does
// not is damaged; proving the passphrase (current) lets its owner replace it.
/** @param {WalletArgs} m what was asked (untrusted) */
async function restoreWallet({ text, passphrase, current }) {
  if (typeof text !== 'string') throw new WalletError('malformed-backup', 'bg.no-backup');
  const backup = Vault.parseBackup(text);
  const { key } = await Vault.unlock(backup, String(passphrase ?? ''), 'backup');
  return serial(async () => {
    const record = await readRecord();
    if (record) {
      let intact = true;
      try {
        Vault.checkRecord(record, 'wallet');
      } catch {
        intact = false;
      }
      if (intact) {
        try {
          await Vault.unlock(record, String(current ?? ''));
        } catch (err) {
          if (err.code === 'damaged') intact = false;
        }
      }
      if (intact) {
        throw new WalletError('exists', 'bg.wallet-exists');
      }
    }
    await chrome.storage.local.set({ [STORE_KEY]: backup });
    await startSession(key);
    return {};
  });
}

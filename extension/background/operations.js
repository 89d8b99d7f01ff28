// @ts-check
// The wallet's operations on its credentials (background.js loads this
// file): status and unlock, list, import (each item verified first, then
// titled and hashed), remove and undo, re-verify offline.
'use strict';

// titleOf: the title a wallet entry is stored with (common.mjs titleOf, as
// the cards' headings), in English as every stored title is.
function titleOf(report, source) {
  return Common.titleOf(report, source || 'Credential', (n) => Words.say('en', n === 1 ? 'bg.presentation-of-one' : 'bg.presentation-of', { n }));
}

// sha256: what an entry is known by, to refuse the same credential twice.
async function sha256(item) {
  const bytes = typeof item.text === 'string' ? new TextEncoder().encode(item.text.trim()) : Common.unb64(item.b64);
  return Common.b64(await crypto.subtle.digest('SHA-256', bytes));
}

// statusOp: whether there is a wallet, and whether it is unlocked or
// damaged. (Not status: the DOM's window.status, in tsc's view.)
/** @param {WalletArgs} m what was asked (untrusted) */
async function statusOp(m) {
  const record = await readRecord();
  if (!record) return { state: 'none' };
  try {
    Vault.checkRecord(record, 'wallet');
  } catch (err) {
    return { state: 'damaged', error: said(err, m?.lang) };
  }
  const s = await loadSession();
  return { state: s ? 'unlocked' : 'locked', idleMinutes: IDLE_MS / 60000 };
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function setupOrUnlock({ passphrase }) {
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new WalletError('empty', 'bg.no-passphrase');
  }
  return serial(async () => {
    const record = await readRecord();
    if (!record) {
      const { key, record: fresh } = await Vault.create(passphrase, emptyStore());
      await chrome.storage.local.set({ [STORE_KEY]: fresh });
      await startSession(key);
      return { created: true };
    }
    const { key } = await Vault.unlock(record, passphrase);
    await startSession(key);
    return { created: false };
  });
}

async function list() {
  const { store } = await readStore();
  // What the cards need to say how old their evidence is (not the bytes).
  const documents = Object.fromEntries(Object.entries(store.documents || {}).map(([u, d]) => [u, { fetchedAt: d.fetchedAt, maxAge: d.maxAge }]));
  const { recheck } = await chrome.storage.local.get('recheck');
  // needs: the public documents each one names (what a check online would
  // fetch), so the page can ask for exactly their hosts.
  const credentials = store.credentials.map((c) => ({
    ...c,
    needs: [...neededURLs(c)].map(([url, check]) => ({ url, check, host: hostOf(url) })),
  }));
  const sites = store.sites || [];
  const registries = (store.registries || []).map((r) => ({ name: r.name, url: r.url || '' }));
  return { registries, credentials, holder: store.holder ? store.holder.did : null, documents, recheck: !!recheck, sites };
}

// normalizeItems checks what a page offers for import.
function normalizeItems(items) {
  if (!Array.isArray(items) || items.length === 0) throw new WalletError('empty', 'bg.nothing-to-import');
  if (items.length > Common.MAX_ITEMS_PER_IMPORT) throw new WalletError('too-many', 'bg.too-many-files', { max: Common.MAX_ITEMS_PER_IMPORT });
  return items.map((it) => {
    const source = typeof it.source === 'string' ? it.source.slice(0, 200) : '';
    if (typeof it.text === 'string') {
      if (it.text.length > Common.MAX_INPUT_BYTES) return { source, tooLarge: true };
      return { source, text: it.text };
    }
    if (typeof it.b64 === 'string') {
      if (it.b64.length > (Common.MAX_INPUT_BYTES * 4) / 3 + 4) return { source, tooLarge: true };
      return { source, b64: it.b64, mime: typeof it.mime === 'string' ? it.mime.slice(0, 60) : '' };
    }
    return { source, invalid: true };
  });
}

// checkItem verifies one normalized item and makes its wallet entry, or
// says why it is refused: items that are not credentials at all (verdict
// "error") are refused, with the reason.
// opts: the verifyItem options (the registries, and the kept documents of
// theirs, so that a new card's identity line is as the others').
async function checkItem(it, lang, opts) {
  // refuse says why it is not imported, in the reader's language.
  const l = Words.langOf(lang);
  const refuse = (key, params) => ({ source: it.source, refused: Words.say(l, key, { source: it.source || Words.say(l, 'bg.item'), ...params }) });
  if (it.tooLarge) return refuse('bg.item-too-large');
  if (it.invalid) return refuse('bg.item-empty');
  let report;
  try {
    report = await verifyItem(it, opts);
  } catch (err) {
    return refuse('bg.item-unchecked', { error: err.message });
  }
  const { verdict } = report;
  if (verdict === 'error' && !report.timedOut) return refuse('bg.item-not-credential');
  const entry = {
    id: crypto.randomUUID(),
    added: new Date().toISOString(),
    checked: new Date().toISOString(),
    source: it.source,
    hash: await sha256(it),
    title: titleOf(report, it.source),
    verdict,
    report,
  };
  if (it.text !== undefined) entry.text = it.text;
  else {
    entry.b64 = it.b64;
    entry.mime = it.mime;
  }
  return { source: it.source, entry };
}

// importItems verifies every item first (outside the write queue: it can take
// a while) and then adds the acceptable ones in one write.
/** @param {WalletArgs} m what was asked (untrusted) */
async function importItems({ items, lang }) {
  const { store } = await readStore();
  const sources = await registrySources(store);
  const opts = { registries: sources, documents: keptFor(store, {}, new Set(), sources) };
  const norm = normalizeItems(items);
  const checked = [];
  for (const it of norm) checked.push(await checkItem(it, lang, opts));
  return mutate((store) => {
    const have = new Set(store.credentials.map((c) => c.hash));
    const added = [];
    const duplicates = [];
    const refused = [];
    for (const c of checked) {
      if (c.refused) {
        refused.push(c.refused);
        continue;
      }
      if (have.has(c.entry.hash)) {
        duplicates.push(c.source || c.entry.title);
        continue;
      }
      have.add(c.entry.hash);
      store.credentials.push(c.entry);
      added.push({ id: c.entry.id, title: c.entry.title, verdict: c.entry.verdict });
    }
    return { added, duplicates, refused, unchanged: added.length === 0 };
  });
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function remove({ id }) {
  return mutate((store) => {
    const i = store.credentials.findIndex((c) => c.id === id);
    if (i < 0) throw new WalletError('not-found', 'bg.not-found');
    const [removed] = store.credentials.splice(i, 1);
    return { removed, index: i };
  });
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function restore({ entry, index }) {
  if (!entry || typeof entry.id !== 'string' || typeof entry.hash !== 'string' || (typeof entry.text !== 'string' && typeof entry.b64 !== 'string')) {
    throw new WalletError('invalid', 'bg.nothing-to-restore');
  }
  return mutate((store) => {
    if (store.credentials.some((c) => c.hash === entry.hash)) return { unchanged: true };
    const at = Number.isInteger(index) ? Math.min(Math.max(index, 0), store.credentials.length) : store.credentials.length;
    store.credentials.splice(at, 0, entry);
    return { restored: entry.id };
  });
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function reverify({ ids }) {
  const { store } = await readStore();
  const targets = store.credentials.filter((c) => !Array.isArray(ids) || ids.includes(c.id));
  const sources = await registrySources(store);
  const fresh = new Map();
  for (const c of targets) {
    // Offline, with the documents kept from its last online check.
    const report = await verifyItem(c, { documents: keptFor(store, c, new Set(), sources), registries: sources });
    fresh.set(c.id, { report, verdict: report.verdict, checked: new Date().toISOString() });
  }
  return mutate((s) => {
    const out = [];
    for (const c of s.credentials) {
      const f = fresh.get(c.id);
      if (!f) continue;
      Object.assign(c, f);
      out.push({ id: c.id, verdict: f.verdict });
    }
    return { results: out };
  });
}

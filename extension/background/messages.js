// @ts-check
// Messages (background.js loads this file): the table of operations, who may
// ask for each (protocol.js), and the one listener that answers them as
// {ok: true, ...} or {ok: false, code, error}.
'use strict';

const FOUND_KEY = 'found'; // storage.session: what pages offered, by id
const MAX_FOUND = 5;

const PAGE_OPS = new Set(Protocol.PAGE_OPS);

/**
 * Who sent a message (chrome.runtime.MessageSender, as far as it is read).
 * @typedef {{id?: string, url?: string, tab?: {id?: number}}} Sender
 */

/** @param {Sender} sender */
function fromExtensionPage(sender) {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}

// OPS: each operation, answering a request with what its {ok: true} answer
// carries (or throwing a refusal, said as {ok: false, code, error}).
/** @type {Record<string, (m: WalletArgs, sender: Sender) => Promise<object>>} */
const OPS = {
  status: statusOp,
  unlock: setupOrUnlock,
  lock: async () => {
    await lock();
    return {};
  },
  list,
  import: importItems,
  remove,
  restore,
  reverify,
  checkOnline,
  allowSites,
  revokeSite,
  addRegistry,
  removeRegistry,
  registryInfo,
  setRecheck,
  recheckStatus,
  exportBackup,
  importBackup,
  restoreWallet,
  present: presentOp,
  bake: bakeOp,
  verify: async (m) => {
    const [it] = normalizeItems([m.item]);
    if (it.tooLarge || it.invalid) throw new WalletError('invalid', 'bg.nothing-to-verify');
    const report = await verifyItem(it);
    return { report, verdict: report.verdict };
  },
  // The verdict on something a page offered, for the wallet page that
  // openFound opened (the verdict is shown only in the extension's own UI).
  foundItem: async ({ id }) => {
    const got = await chrome.storage.session.get(FOUND_KEY);
    const item = got[FOUND_KEY]?.[id];
    if (!item) throw new WalletError('not-found', 'bg.found-gone');
    const report = await verifyItem(item);
    return { report, verdict: report.verdict, source: item.source };
  },
  // ---- operations a content script may ask for ----
  found: async (m, sender) => {
    const n = Math.max(0, Math.min(999, Number(m.count) | 0));
    if (sender.tab?.id !== undefined) {
      await chrome.action.setBadgeText({ tabId: sender.tab.id, text: n ? String(n) : '' });
      await chrome.action.setBadgeBackgroundColor({ tabId: sender.tab.id, color: Common.TOKENS.accent });
    }
    return {};
  },
  // openFound shows what a page offered in the wallet page's own tab: the
  // notice on the page lives in DOM the page can rewrite, so it never shows
  // a verdict itself. The item waits in storage.session (memory only, not
  // readable by content scripts) under a random id.
  openFound: async (m) => {
    const [it] = normalizeItems([m.item]);
    if (it.tooLarge || it.invalid) throw new WalletError('invalid', 'bg.nothing-to-verify');
    const id = crypto.randomUUID();
    const got = await chrome.storage.session.get(FOUND_KEY);
    const kept = Object.entries(got[FOUND_KEY] || {}).slice(-(MAX_FOUND - 1));
    await chrome.storage.session.set({ [FOUND_KEY]: Object.fromEntries([...kept, [id, it]]) });
    await chrome.tabs.create({ url: chrome.runtime.getURL(`wallet.html?view=full&found=${id}`) });
    return {};
  },
  saveFound: async (m) => {
    const s = await loadSession();
    if (!s) {
      return { locked: true, message: Words.say(Words.langOf(m.lang), 'bg.save-locked') };
    }
    // Said without the verdict (see openFound).
    const r = await importItems({ items: [m.item], lang: m.lang });
    return { added: r.added.map(({ id, title }) => ({ id, title })), duplicates: r.duplicates, refused: r.refused };
  },
};

// The Open Badges API operations (platforms.js).
Object.assign(
  OPS,
  Platforms({
    readStore,
    mutate,
    checkItem,
    sha256,
    WalletError,
    unbake: async (c) => (await verifier()).unbake(Common.unb64(c.b64)),
  }),
);

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const op = msg && typeof msg.op === 'string' ? msg.op : '';
  const fn = Object.hasOwn(OPS, op) ? OPS[op] : null;
  if (!fn || (!PAGE_OPS.has(op) && !fromExtensionPage(sender))) {
    sendResponse({ ok: false, code: 'unknown-op', error: `unknown operation ${JSON.stringify(op)}` });
    return false;
  }
  (async () => {
    if (fromExtensionPage(sender) && op !== 'status') await touch();
    return fn(msg, sender);
  })().then(
    (res) => sendResponse({ ok: true, ...res }),
    (err) => sendResponse({ ok: false, code: err.code || 'internal', error: said(err, msg.lang) }),
  );
  return true; // the answer is sent asynchronously
});

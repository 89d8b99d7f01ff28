// The wallet's page: wallet.html is the toolbar popup (also usable as a tab),
// and wallet.html?view=full the full page: one document and one script, the
// popup being the same wallet laid out narrow (html.popup, the default, so
// the popup has its size from the first paint). All state lives in the service worker
// (background.js); this page asks it for things and draws the answers, and
// holds nothing decrypted once the wallet locks.
//
// Test contract: while the wallet is locked (or not yet created) the page
// shows a form with input[type=password][name=passphrase]; submitting it
// creates the wallet on first use or unlocks it. Unlocked, it has one
// input[type=file] for import, and each stored credential is an element with
// data-verdict = verified | incomplete | not-verified | error (the Report's
// verdict when it was checked). wallet.html?view=full&found=ID shows the
// verdict on something a page offered (the content script's "Open in
// ClearBadge"), locked or not: the page's own notice never shows one.
// render.mjs is the verifier page's card drawing (web/render.mjs, copied in by
// `make extension`), so the wallet and the page show a credential alike.
import { $, announce, h, resultCard, imageOf, formatDate, ago, verdictLabel, isOB2 } from './render.mjs';
import { MAX_INPUT_BYTES, IMAGE_TYPE, isImageFile } from './common.mjs';
import { t, setLang, pickLang, lang, list, number, LANGS } from './i18n.mjs';
import { moveSection, looksLikeZip, filesOfZip, itemsOf, importAll } from './move.mjs';
import { platformsSection } from './platforms.mjs';

const isPopup = new URLSearchParams(location.search).get('view') !== 'full';
document.documentElement.classList.replace('popup', isPopup ? 'popup' : 'full');
const UNDO_MS = 12000;

const ui = {
  entries: [],      // the credentials as last listed
  holder: null,     // the holder DID, once made
  picked: new Set(),
  query: '',
  filter: 'all',
  undo: null,       // {entry, index, timer}
  foundItems: [],
  documents: {},    // url -> {fetchedAt, maxAge}: the kept public documents
  recheck: false,   // the periodic re-check of revocation lists is on
  sites: [],        // the hosts the learner allowed and has not revoked
  registries: [],   // the issuer registries added: [{name, url}]
  registryHosts: null, // the hosts asking the registries contacts (null: not asked yet)
  consent: null,    // the entry id whose consent box is open
  consentIdentity: false, // ... for the registries (identity) only
};

// ---- talking to the service worker ----

class CallError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

// call asks the service worker to do op; it answers in the wallet's
// language (lang).
async function call(op, args = {}) {
  const r = await chrome.runtime.sendMessage({ op, ...args, lang: lang() });
  if (!r) throw new CallError('internal', t('wallet.no-answer'));
  if (!r.ok) {
    if (r.code === 'locked') showLocked('locked');
    throw new CallError(r.code, r.error);
  }
  return r;
}

// ---- language ----

// The reader's language (navigator.languages), or the one chosen with the
// switch, remembered in chrome.storage.local (a preference, not a secret);
// wallet.html's own words carry data-i18n.
async function startLang() {
  const saved = (await chrome.storage.local.get('lang')).lang;
  applyLang(saved || pickLang());
  const sel = $('#lang');
  sel.replaceChildren(...Object.entries(LANGS).map(([v, name]) => h('option', { value: v, lang: v }, name)));
  sel.value = lang();
  sel.addEventListener('change', async () => {
    await chrome.storage.local.set({ lang: sel.value });
    location.reload();
  });
}

function applyLang(l) {
  setLang(l);
  document.documentElement.lang = lang();
  document.title = t('wallet.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}

// ---- start ----

async function start() {
  await startLang();
  const found = new URLSearchParams(location.search).get('found');
  if (found) {
    await showFound(found);
    return;
  }
  let st;
  try {
    st = await call('status');
  } catch (err) {
    announce(t('wallet.not-start', { error: err.message }), true);
    return;
  }
  if (st.state === 'unlocked') await showWallet();
  else showLocked(st.state, st.error);
}

// Another view locking the wallet, or the idle timer, removes the session key:
// this view then drops what it shows.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.unlocked && !changes.unlocked.newValue && document.body.dataset.view === 'wallet') {
    showLocked('locked');
    announce(t('wallet.was-locked'));
  }
});

$('#lock').addEventListener('click', async () => {
  await call('lock');
  showLocked('locked');
  announce(t('wallet.locked'));
});

// ---- locked / first use ----

function showLocked(state, error) {
  document.body.dataset.view = 'locked';
  ui.entries = [];
  ui.picked.clear();
  $('#lock').hidden = true;
  const main = $('#main');
  main.replaceChildren();
  const creating = state === 'none';
  const form = h('form', { class: 'unlock', id: 'unlock', 'aria-labelledby': 'unlock-title' });
  const pass = h('input', {
    type: 'password', name: 'passphrase', id: 'passphrase', required: true,
    autocomplete: creating ? 'new-password' : 'current-password',
    minlength: creating ? '8' : undefined, 'aria-describedby': 'unlock-hint unlock-error',
  });
  const button = h('button', { type: 'submit', class: 'button primary' }, t(creating ? 'wallet.create' : 'wallet.unlock'));
  const err = h('p', { id: 'unlock-error', class: 'form-error', role: 'alert' });
  form.append(
    h('h1', { id: 'unlock-title', text: t(creating ? 'wallet.create-title' : 'wallet.unlock-title') }),
    h('p', { class: 'lede', id: 'unlock-hint', text: t(creating ? 'wallet.create-hint' : 'wallet.unlock-hint') }),
    h('label', { for: 'passphrase', text: t(creating ? 'wallet.new-passphrase' : 'wallet.passphrase') }),
    h('div', { class: 'row' }, pass, button),
    err);
  if (state === 'damaged' && error) err.textContent = t('wallet.damaged', { error });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    err.textContent = '';
    button.disabled = true;
    announce(t(creating ? 'wallet.creating' : 'wallet.unlocking'));
    try {
      const r = await call('unlock', { passphrase: pass.value });
      pass.value = '';
      announce(t(r.created ? 'wallet.ready' : 'wallet.unlocked'));
      await showWallet();
    } catch (ex) {
      err.textContent = ex.message;
      announce(ex.message, true);
      button.disabled = false;
      if (ex.code === 'damaged' && !$('.restore')) form.after(restoreSection('damaged', () => pass.value));
      pass.select();
    }
  });
  main.append(form);
  if (state !== 'locked') main.append(restoreSection(state, () => pass.value));
  pass.focus();
}

// restoreSection: put a backup in place of a missing or damaged wallet.
function restoreSection(state, current = () => '') {
  const sec = h('details', { class: 'options restore' },
    h('summary', { text: t(state === 'damaged' ? 'wallet.restore-damaged' : 'wallet.restore-instead') }));
  const file = h('input', { type: 'file', id: 'restore-file', accept: '.json,application/json' });
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'restore-pass', autocomplete: 'off' });
  const go = h('button', { type: 'button', class: 'button' }, t('wallet.restore'));
  const msg = h('p', { class: 'form-error', role: 'alert' });
  go.addEventListener('click', async () => {
    msg.textContent = '';
    const f = file.files[0];
    if (!f) { msg.textContent = t('wallet.choose-backup'); return; }
    try {
      await call('restoreWallet', { text: await f.text(), passphrase: pass.value, current: current() });
      announce(t('wallet.restored-backup'));
      await showWallet();
    } catch (ex) {
      msg.textContent = ex.message;
    }
  });
  sec.append(h('div', { class: 'advanced-body' },
    h('label', { for: 'restore-file', text: t('wallet.backup-file') }), file,
    h('label', { for: 'restore-pass', text: t('wallet.backup-passphrase') }), pass,
    h('div', { class: 'row' }, go), msg));
  return sec;
}

// ---- unlocked ----

async function showWallet() {
  document.body.dataset.view = 'wallet';
  $('#lock').hidden = false;
  const main = $('#main');
  const list = h('section', { class: 'list-section', 'aria-labelledby': 'list-title' },
    h('div', { class: 'results-head' },
      h('h2', { id: 'list-title' }, `${t('wallet.your-credentials')} `, h('span', { id: 'count', class: 'count' })),
      h('button', { type: 'button', id: 'reverify-all', class: 'button small', onclick: reverifyAll }, t('wallet.reverify-all'))),
    h('div', { class: 'row filter-row', role: 'search' },
      h('label', { for: 'search', class: 'visually-hidden', text: t('wallet.search') }),
      h('input', { type: 'search', id: 'search', placeholder: t('wallet.search-placeholder'), oninput: (e) => { ui.query = e.target.value; drawList(); } }),
      h('label', { for: 'filter', class: 'visually-hidden', text: t('wallet.show') }),
      h('select', { id: 'filter', onchange: (e) => { ui.filter = e.target.value; drawList(); } },
        h('option', { value: 'all' }, t('wallet.all')),
        ...['verified', 'incomplete', 'not-verified'].map((v) => h('option', { value: v }, verdictLabel(v))))),
    h('div', { id: 'undo-bar', class: 'undo-bar', hidden: true }),
    h('p', { id: 'empty', class: 'empty', hidden: true }),
    h('ol', { id: 'credentials', class: 'results' }));
  // The popup leads with the credentials; the full page with adding them.
  main.replaceChildren(...(isPopup ? [list, addSection()] : [addSection(), list]), shareSection(), platformsSection({ call, announce, refresh, picked: () => [...ui.picked] }), sitesSection(), backupSection(),
    moveSection({ call, announce, refresh, download, entries: () => ui.entries }));
  if (isPopup) main.append(h('p', { class: 'open-full' }, h('a', { href: 'wallet.html?view=full', target: '_blank', text: t('wallet.open-full') })));
  await refresh();
}

function addSection() {
  const file = h('input', {
    type: 'file', id: 'file', class: 'file-input', multiple: true,
    accept: '.json,.jsonld,.jwt,.txt,.png,.svg,.zip,application/json,application/zip,application/ld+json,text/plain,image/png,image/svg+xml',
    'aria-describedby': 'file-hint',
  });
  file.addEventListener('change', async () => {
    const files = [...file.files];
    file.value = '';
    await importFiles(files);
  });
  const paste = h('textarea', { id: 'paste-text', rows: isPopup ? 3 : 4, spellcheck: 'false', autocomplete: 'off' });
  const sec = h('section', { class: 'intake add', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title', text: t('wallet.add-title') }),
    h('div', { class: 'drop', id: 'drop' },
      file,
      h('label', { for: 'file', class: 'button primary' }, t('page.choose')),
      h('p', { class: 'hint', id: 'file-hint', text: t('wallet.file-hint') })),
    h('div', { class: 'paste' },
      h('label', { for: 'paste-text', text: t('wallet.paste-label') }), paste,
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'paste-go', class: 'button', onclick: async () => {
          const text = paste.value.trim();
          if (!text) { announce(t('app.paste-first'), true); paste.focus(); return; }
          if (await importItems([{ text, source: t('app.pasted-text') }])) paste.value = '';
        } }, t('wallet.add-pasted')),
        // Only the popup has a "current page" (the tab it was opened over).
        isPopup && h('button', { type: 'button', id: 'from-page', class: 'button', onclick: scanPage }, t('wallet.find-on-page')))),
    h('div', { id: 'found', class: 'found', hidden: true }),
    h('div', { id: 'backup-open', hidden: true }));
  for (const ev of ['dragover', 'drop']) {
    sec.addEventListener(ev, (e) => {
      if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
      e.preventDefault();
      if (ev === 'drop') importFiles([...e.dataTransfer.files]);
    });
  }
  return sec;
}

function b64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

// fileItem reads a file into what the service worker imports: text for JSON
// and JWTs, base64 bytes for images. A wallet backup is set apart.
async function fileItem(f) {
  if (f.size > MAX_INPUT_BYTES) return { source: f.name, text: '', tooLarge: true };
  if (isImageFile(f)) {
    const mime = f.type || (/\.svg$/i.test(f.name) ? 'image/svg+xml' : 'image/png');
    return { source: f.name, b64: b64(new Uint8Array(await f.arrayBuffer())), mime };
  }
  const text = await f.text();
  if (/^\s*\{\s*"format"\s*:\s*"clearbadge-wallet-backup"/.test(text)) return { source: f.name, backup: text };
  return { source: f.name, text };
}

async function importFiles(picked) {
  // A zip (a wallet exported as original files) is opened here: its files
  // are imported as if picked one by one (move.mjs).
  const zips = picked.filter(looksLikeZip);
  const files = picked.filter((f) => !looksLikeZip(f));
  for (const z of zips) {
    try {
      const { items, skipped } = itemsOf(await filesOfZip(z));
      await importAll(items, skipped, { call, announce, refresh });
    } catch (err) {
      announce(t('wallet.error-nothing-changed', { error: err.message }), true);
    }
  }
  if (!files.length) return;
  const items = await Promise.all(files.map(fileItem));
  const big = items.filter((i) => i.tooLarge);
  const backups = items.filter((i) => i.backup);
  const rest = items.filter((i) => !i.tooLarge && !i.backup);
  if (big.length) announce(t('wallet.too-large', { names: list(big.map((i) => i.source)) }), true);
  if (rest.length) await importItems(rest);
  if (backups.length) askBackupPassphrase(backups[0]);
}

// importItems sends items to the wallet and says what happened.
async function importItems(items) {
  announce(items.length === 1 ? t('app.checking', { source: items[0].source || t('app.the-credential') }) : t('app.checking-n', { n: number(items.length) }));
  try {
    const r = await call('import', { items });
    const parts = [];
    if (r.added.length) parts.push(r.added.length === 1 ? t('wallet.added-one', { title: r.added[0].title }) : t('wallet.added-n', { n: number(r.added.length) }));
    if (r.duplicates.length) parts.push(t('wallet.already', { names: r.duplicates.join(', ') }));
    parts.push(...r.refused);
    if (!r.added.length && !r.duplicates.length) parts.push(t('wallet.nothing-changed'));
    announce(parts.join(' '), r.refused.length > 0 && !r.added.length);
    await refresh();
    return r.added.length > 0 || r.duplicates.length > 0;
  } catch (err) {
    announce(t('wallet.error-nothing-changed', { error: err.message }), true);
    return false;
  }
}

function askBackupPassphrase(item) {
  const box = $('#backup-open');
  box.hidden = false;
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'backup-pass', autocomplete: 'off', required: true });
  const form = h('form', { class: 'options' },
    h('p', { text: t('wallet.is-backup', { source: item.source }) }),
    h('label', { for: 'backup-pass', text: t('wallet.backup-passphrase') }),
    h('div', { class: 'row' }, pass,
      h('button', { type: 'submit', class: 'button primary' }, t('wallet.add-from-backup')),
      h('button', { type: 'button', class: 'button quiet', onclick: () => { box.hidden = true; box.replaceChildren(); } }, t('wallet.cancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await call('importBackup', { text: item.backup, passphrase: pass.value });
      box.hidden = true;
      box.replaceChildren();
      announce(t(r.holder ? 'wallet.from-backup-holder' : 'wallet.from-backup', { added: number(r.added), skipped: number(r.skipped) }));
      await refresh();
    } catch (err) {
      announce(err.message, true);
      pass.select();
    }
  });
  box.replaceChildren(form);
  pass.focus();
}

// ---- the list ----

// imageSrc: the credential's own data: image, else the image it was imported
// as (a baked PNG or SVG kept in the wallet).
function imageSrc(entry) {
  const own = imageOf(entry.report?.summary);
  if (own) return own;
  if (entry.b64 && IMAGE_TYPE.test(entry.mime || '')) return `data:${entry.mime};base64,${entry.b64}`;
  return '';
}

// card draws a stored entry (data-verdict, data-id). actions: [{name, label,
// aria, onclick, cls}] buttons in its foot; select: {checked, onchange} for
// the share checkbox.
function card(entry, { actions = [], select } = {}) {
  const id = `c-${entry.id}`;
  const report = entry.report || { summary: {}, checks: [] };
  const controls = [];
  if (select) {
    const cb = h('input', { type: 'checkbox', id: `${id}-pick`, class: 'pick', 'data-pick': entry.id });
    cb.checked = !!select.checked;
    cb.addEventListener('change', () => select.onchange(cb.checked));
    controls.push(h('span', { class: 'pick-wrap' }, cb, h('label', { for: `${id}-pick`, text: t('wallet.select-to-share') })));
  }
  for (const a of actions.filter(Boolean)) {
    controls.push(h('button', { type: 'button', class: `button small ${a.cls || 'quiet'}`, 'aria-label': a.aria ? a.aria(entry.title) : undefined, 'data-action': a.name, onclick: a.onclick }, a.label));
  }
  const meta = [
    entry.source && t('wallet.from', { source: entry.source }),
    report.format && t('app.meta-format', { format: report.format }),
    entry.checked && (entry.online === entry.checked
      ? t('wallet.checked-online', { date: formatDate(entry.checked, true) })
      : t(entry.docs?.length ? 'wallet.checked-offline-docs' : 'wallet.checked-offline', { date: formatDate(entry.checked, true) })),
  ].filter(Boolean).join(' · ');
  // The verdict stored with the entry is the Report's from when it was checked.
  const li = resultCard({ ...report, verdict: entry.verdict }, {
    id, title: entry.title, image: imageSrc(entry), compact: true, foldChecks: true, meta, controls, remedy,
    attrs: { class: 'wallet-card', 'data-id': entry.id },
  });
  const ev = evidence(entry);
  if (ev) li.querySelector('.card-foot').before(ev);
  if (ui.consent === entry.id) li.querySelector('.card-foot').before(consentBox(entry));
  return li;
}

// ---- online checks: consent per host, evidence and its age ----

// EVIDENCE: what a kept document is evidence of, by the check it served.
const EVIDENCE = { status: 'status', issuer: 'key', proof: 'key', identity: 'registry' };
const evidenceOf = (check) => EVIDENCE[check] || 'document';

// evidence: how old each document the card's verdict rests on is
// ("Revocation last checked 3 days ago, from status.example.edu"), and
// whether its server asked for it to be checked again by now.
function evidence(entry) {
  const items = (entry.docs || []).filter((d) => ui.documents[d.url]).map((d) => {
    const k = ui.documents[d.url];
    const host = new URL(d.url).host;
    const stale = Date.now() - new Date(k.fetchedAt).getTime() > (k.maxAge || 0) * 1000;
    return h('li', { 'data-evidence': d.check, 'data-url': d.url, 'data-fetched-at': k.fetchedAt },
      h('time', { datetime: k.fetchedAt, title: formatDate(k.fetchedAt, true), text: t(`wallet.evidence-${evidenceOf(d.check)}`, { ago: ago(k.fetchedAt) }) }),
      t(stale ? 'wallet.evidence-stale' : 'wallet.evidence-from', { host }));
  });
  return items.length ? h('div', { class: 'evidence' }, h('p', { class: 'strong', text: t('wallet.evidence-title') }), h('ul', {}, ...items)) : null;
}

const hostsOf = (entry) => [...new Set((entry.needs || []).map((n) => n.host).filter(Boolean))];
const originOf = (host) => `https://${host}/*`;

// consentBox: the question asked before any host is contacted for the
// first time, naming exactly the hosts the card needs and why. Its button
// asks the browser for those host permissions (the browser's own prompt).
function consentBox(entry) {
  // Asking the registries who the issuer is is its own question: it is
  // about the name on the card, never the verdict.
  const only = ui.consentIdentity ? 'identity' : undefined;
  const hosts = only ? ui.registryHosts || [] : hostsOf(entry);
  const why = only ? [t('wallet.why-registry')] : [...new Set((entry.needs || []).map((n) => t(`wallet.why-${evidenceOf(n.check)}`)))];
  const allow = h('button', { type: 'button', class: 'button primary small', id: 'consent-allow', onclick: () => allowAndCheck(entry, hosts, only) }, t('wallet.consent-allow'));
  return h('div', { class: 'consent', role: 'group', 'aria-labelledby': `consent-${entry.id}`, 'data-hosts': hosts.join(' ') },
    h('p', { class: 'strong', id: `consent-${entry.id}`, text: t('wallet.consent-question', { why: list(why), hosts: list(hosts) }) }),
    h('p', { class: 'hint', text: t(only ? 'wallet.registry-consent-explain' : 'wallet.consent-explain') }),
    h('div', { class: 'row' }, allow,
      h('button', { type: 'button', class: 'button quiet small', onclick: () => { ui.consent = null; drawList(); } }, t('wallet.consent-cancel'))));
}

// checkOnlineClick: straight to the check when every host is granted;
// otherwise open the consent box first.
// only: 'identity' asks the registries alone (hosts: theirs).
async function checkOnlineClick(entry, only) {
  if (only) {
    try {
      ui.registryHosts = (await call('registryInfo')).hosts;
    } catch (err) {
      announce(err.message, true);
      return;
    }
  }
  const hosts = only ? ui.registryHosts : hostsOf(entry);
  if (!hosts.every((x) => ui.sites.includes(x))) {
    ui.consent = entry.id;
    ui.consentIdentity = !!only;
    drawList();
    $('#consent-allow')?.focus();
    return;
  }
  await runCheckOnline(entry, only);
}

// asksRegistries: whether a card offers to ask the registries who its
// issuer is: no registry confirmed it yet, and one is online (the
// defaults, or an address the learner added).
function asksRegistries(entry) {
  const identity = (entry.report?.checks || []).find((c) => c.id === 'identity');
  const online = ui.registries.length ? ui.registries.some((r) => r.url) : true;
  return online && entry.verdict !== 'error' && identity && identity.outcome !== 'pass';
}

function allowAndCheck(entry, hosts, only) {
  // permissions.request must be called in the click itself (a user gesture).
  chrome.permissions.request({ origins: hosts.map(originOf) }).then(async (ok) => {
    ui.consent = null;
    if (!ok) {
      drawList();
      announce(t('wallet.consent-refused'));
      return;
    }
    await call('allowSites', { hosts });
    await runCheckOnline(entry, only);
  }, (err) => announce(err.message, true));
}

async function runCheckOnline(entry, only) {
  announce(t('wallet.checking-online', { title: entry.title }));
  try {
    const r = await call('checkOnline', { id: entry.id, only });
    await refresh();
    announce(t('wallet.checked-online-result', { title: entry.title, verdict: verdictLabel(r.verdict), hosts: list(r.hosts) }));
  } catch (err) {
    await refresh();
    announce(err.message, true);
  }
}

// sitesSection: the hosts ClearBadge may contact, each with a Revoke
// button, and the opt-in periodic re-check of revocation lists.
function sitesSection() {
  const recheck = h('input', { type: 'checkbox', id: 'recheck', onchange: async (e) => {
    try {
      await call('setRecheck', { on: e.target.checked });
      announce(t(e.target.checked ? 'wallet.recheck-on' : 'wallet.recheck-off'));
    } catch (err) {
      announce(err.message, true);
    }
  } });
  return h('section', { class: 'options sites', 'aria-labelledby': 'sites-title' },
    h('h2', { id: 'sites-title', text: t('wallet.sites-title') }),
    h('p', { class: 'explain', text: t('wallet.sites-explain') }),
    h('ul', { id: 'sites', class: 'sites-list' }),
    h('h3', { text: t('wallet.registries-title') }),
    h('p', { class: 'explain', text: t('wallet.registries-explain') }),
    h('ul', { id: 'registries', class: 'sites-list' }),
    h('div', { class: 'row' },
      h('input', { type: 'file', id: 'registry-file', class: 'file-input', accept: '.json,.jwt,application/json', onchange: async (e) => {
        const f = e.target.files[0];
        e.target.value = '';
        if (f) await addRegistry({ name: f.name, text: await f.text() });
      } }),
      h('label', { for: 'registry-file', class: 'button small' }, t('registry.file')),
      h('label', { for: 'registry-url', class: 'visually-hidden', text: t('registry.address') }),
      h('input', { type: 'text', id: 'registry-url', placeholder: 'https://registry.example/registry.json', spellcheck: 'false' }),
      h('button', { type: 'button', id: 'registry-add', class: 'button small', onclick: async () => {
        const url = $('#registry-url').value.trim();
        if (await addRegistry({ url, name: url })) $('#registry-url').value = '';
      } }, t('registry.add'))),
    h('p', { class: 'check-row' }, recheck, h('label', { for: 'recheck', text: t('wallet.recheck-label') })));
}

async function drawSites() {
  const ul = $('#sites');
  if (!ul) return;
  const hosts = ui.sites;
  ul.replaceChildren(...(hosts.length ? hosts.map((host) => h('li', { 'data-site': host },
    h('span', { text: host }),
    h('button', { type: 'button', class: 'button small quiet', 'data-revoke': host, 'aria-label': t('wallet.revoke-aria', { host }), onclick: async () => {
      await call('revokeSite', { host });
      await chrome.permissions.remove({ origins: [originOf(host)] }).catch(() => {});
      await refresh();
      announce(t('wallet.revoked', { host }));
    } }, t('wallet.revoke')))) : [h('li', { class: 'hint', text: t('wallet.sites-none') })]));
  $('#recheck').checked = ui.recheck;
  $('#registries').replaceChildren(...(ui.registries.length ? ui.registries.map((r, index) => h('li', { 'data-registry': r.url || r.name },
    h('span', { text: r.url || r.name }),
    h('button', { type: 'button', class: 'button small quiet', 'aria-label': t('registry.remove-aria', { name: r.url || r.name }), onclick: async () => {
      try { await call('removeRegistry', { index }); await refresh(); } catch (err) { announce(err.message, true); }
    } }, t('registry.remove')))) : [h('li', { class: 'hint', id: 'registries-none' })]));
  // The defaults' names, once known (learning them may start the verifier:
  // the wallet does not wait for it).
  if (!ui.registries.length) {
    call('registryInfo').then((r) => {
      const li = $('#registries-none');
      if (li) li.textContent = t('wallet.registries-none', { names: list(r.defaults) });
    }, () => {});
  }
}

// addRegistry stores a registry and re-verifies every credential with it.
async function addRegistry(r) {
  try {
    await call('addRegistry', r);
  } catch (err) {
    announce(err.message, true);
    return false;
  }
  await reverify(undefined);
  return true;
}


// remedy: what the wallet offers for a missing check: its card's "Check
// online" (for a document on an https host, whether the host was offline or
// refused a web page: the wallet, once allowed, is not a web page).
function remedy(m) {
  if (m.remedy === 'none') return null;
  if (m.url && /^https:/.test(m.url)) return h('p', { class: 'hint', text: t('wallet.remedy-check-online') });
  return h('p', { class: 'hint', text: t('wallet.remedy-cli') });
}

// foundRemedy: the same for something a page offered, which is checked
// offline only until the learner saves it.
function foundRemedy(m) {
  if (m.remedy === 'none') return null;
  return h('p', { class: 'hint', text: t('wallet.remedy-found') });
}

// showFound: the verdict on a credential a page offered, in this
// extension's own page (see background.js openFound).
async function showFound(id) {
  document.body.dataset.view = 'found';
  const main = $('#main');
  announce(t('wallet.checking-found'));
  try {
    const r = await call('foundItem', { id });
    main.replaceChildren(h('section', { 'aria-labelledby': 'found-title' },
      h('h1', { id: 'found-title', text: t('wallet.found-title') }),
      h('ol', { id: 'credentials', class: 'results' }, resultCard(r.report, {
        id: 'found-card', compact: true, remedy: foundRemedy, meta: [r.source && t('wallet.from', { source: r.source }), t('wallet.checked-in-clearbadge')].filter(Boolean).join(' · '),
      })),
      h('p', { class: 'open-full' }, h('a', { href: 'wallet.html?view=full', text: t('wallet.open-wallet') }))));
    announce('');
  } catch (err) {
    main.replaceChildren(h('p', { class: 'form-error', text: err.message }));
    announce(err.message, true);
  }
}

async function refresh() {
  const r = await call('list');
  ui.entries = r.credentials;
  ui.holder = r.holder;
  ui.documents = r.documents || {};
  ui.recheck = !!r.recheck;
  ui.sites = r.sites || [];
  ui.registries = r.registries || [];
  for (const id of [...ui.picked]) if (!ui.entries.some((e) => e.id === id)) ui.picked.delete(id);
  drawList();
  drawShare();
  await drawSites();
}

function matches(e) {
  if (ui.filter !== 'all' && e.verdict !== ui.filter) return false;
  const q = ui.query.trim().toLowerCase();
  if (!q) return true;
  const s = e.report?.summary || {};
  return [e.title, e.source, s.issuer?.name, s.issuer?.id, s.achievement?.name, s.subjectName, s.description]
    .some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
}

function drawList() {
  const ol = $('#credentials');
  if (!ol) return;
  const shown = ui.entries.filter(matches);
  ol.replaceChildren(...shown.map((e) => card(e, {
    select: { checked: ui.picked.has(e.id), onchange: (on) => { if (on) ui.picked.add(e.id); else ui.picked.delete(e.id); drawShare(); } },
    actions: [
      hostsOf(e).length && { name: 'check-online', label: t(e.online ? 'wallet.refresh-online' : 'wallet.check-online'), aria: (title) => `${t(e.online ? 'wallet.refresh-online' : 'wallet.check-online')} ${title}`, cls: 'primary', onclick: () => checkOnlineClick(e) },
      asksRegistries(e) && { name: 'ask-registries', label: t('wallet.ask-registries'), aria: (title) => `${t('wallet.ask-registries')}: ${title}`, onclick: () => checkOnlineClick(e, 'identity') },
      { name: 'reverify', label: t('wallet.reverify'), aria: (title) => `${t('wallet.reverify')} ${title}`, onclick: () => reverify([e.id]) },
      { name: 'download', label: t('wallet.download'), aria: (title) => `${t('wallet.download')} ${title}`, onclick: () => downloadEntry(e) },
      // An OB 2.0 badge is kept and downloaded as its issuer made it: the
      // OB 2.0 baking keyword is the issuer's (the wasm refuses it too).
      !isOB2(e.report) && { name: 'bake-png', label: t('wallet.baked-png'), aria: (title) => t('wallet.bake-png-label', { title }), onclick: () => bake(e, 'png') },
      !isOB2(e.report) && { name: 'bake-svg', label: t('wallet.baked-svg'), aria: (title) => t('wallet.bake-svg-label', { title }), onclick: () => bake(e, 'svg') },
      { name: 'delete', label: t('wallet.delete'), aria: (title) => `${t('wallet.delete')} ${title}`, onclick: () => del(e) },
    ],
  })));
  $('#count').textContent = ui.entries.length ? `(${number(ui.entries.length)})` : '';
  const empty = $('#empty');
  empty.hidden = shown.length > 0;
  empty.textContent = t(ui.entries.length ? 'wallet.no-match' : 'wallet.empty');
}

async function reverify(ids) {
  announce(t('wallet.checking-again'));
  try {
    const r = await call('reverify', { ids });
    await refresh();
    const counts = ['verified', 'incomplete', 'not-verified', 'error'].map((v) => [r.results.filter((x) => x.verdict === v).length, verdictLabel(v).toLowerCase()]);
    announce(t('wallet.checked-n', {
      n: number(r.results.length), counts: list(counts.filter(([n]) => n).map(([n, w]) => t('app.count', { n: number(n), verdict: w }))),
    }));
  } catch (err) {
    announce(err.message, true);
  }
}

function reverifyAll() { return reverify(undefined); }

async function del(entry) {
  const idx = ui.entries.findIndex((e) => e.id === entry.id);
  try {
    const r = await call('remove', { id: entry.id });
    clearUndo();
    const bar = $('#undo-bar');
    const timer = setTimeout(clearUndo, UNDO_MS);
    ui.undo = { entry: r.removed, index: r.index, timer };
    bar.replaceChildren(h('span', { text: t('wallet.deleted', { title: entry.title }) }),
      h('button', { type: 'button', id: 'undo', class: 'button small', onclick: undo }, t('wallet.undo')));
    bar.hidden = false;
    await refresh();
    announce(t('wallet.deleted-undo', { title: entry.title }));
    const cards = $('#credentials').children;
    const next = cards[Math.min(idx, cards.length - 1)];
    ($('[data-action="delete"]', next || document) || $('#undo')).focus();
  } catch (err) {
    announce(err.message, true);
  }
}

async function undo() {
  if (!ui.undo) return;
  const { entry, index } = ui.undo;
  clearUndo();
  try {
    await call('restore', { entry, index });
    await refresh();
    announce(t('wallet.restored', { title: entry.title }));
  } catch (err) {
    announce(err.message, true);
  }
}

function clearUndo() {
  if (ui.undo) clearTimeout(ui.undo.timer);
  ui.undo = null;
  const bar = $('#undo-bar');
  if (bar) { bar.hidden = true; bar.replaceChildren(); }
}

// ---- downloads ----

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileName(title, ext) {
  return `${(title || 'credential').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'credential'}.${ext}`;
}

function downloadEntry(e) {
  if (typeof e.text === 'string') {
    const jwt = !e.text.trim().startsWith('{');
    download(fileName(e.title, jwt ? 'jwt' : 'json'), new Blob([e.text], { type: jwt ? 'application/jwt' : 'application/json' }));
  } else {
    const bin = Uint8Array.from(atob(e.b64), (c) => c.charCodeAt(0));
    download(fileName(e.title, e.mime === 'image/svg+xml' ? 'svg' : 'png'), new Blob([bin], { type: e.mime }));
  }
}

async function bake(e, format) {
  try {
    const r = await call('bake', { id: e.id, format });
    const bin = Uint8Array.from(atob(r.b64), (c) => c.charCodeAt(0));
    download(fileName(e.title, format), new Blob([bin], { type: format === 'svg' ? 'image/svg+xml' : 'image/png' }));
    announce(t('wallet.baked', { title: e.title, format: format.toUpperCase() }));
  } catch (err) {
    announce(err.message, true);
  }
}

// ---- share ----

function shareSection() {
  return h('section', { class: 'options share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: t('wallet.share') }),
    h('p', { class: 'explain', id: 'share-explain', text: t('wallet.share-explain') }),
    h('div', { class: 'share-grid' },
      h('label', { for: 'challenge', text: t('wallet.challenge') }),
      h('input', { type: 'text', id: 'challenge', autocomplete: 'off', spellcheck: 'false' }),
      h('label', { for: 'domain', text: t('wallet.domain') }),
      h('input', { type: 'text', id: 'domain', autocomplete: 'off', spellcheck: 'false', placeholder: t('wallet.domain-placeholder') })),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'present', class: 'button primary', onclick: present }, t('wallet.present')),
      h('span', { id: 'picked', class: 'hint' })),
    h('div', { id: 'vp-out', hidden: true },
      h('label', { for: 'vp', text: t('wallet.signed-presentation') }),
      h('textarea', { id: 'vp', rows: 6, readonly: true, spellcheck: 'false' }),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'vp-copy', class: 'button', onclick: copyVP }, t('wallet.copy')),
        h('button', { type: 'button', id: 'vp-download', class: 'button', onclick: () => download('presentation.json', new Blob([$('#vp').value], { type: 'application/json' })) }, t('wallet.download')))),
    h('p', { id: 'holder', class: 'meta' }));
}

function drawShare() {
  const n = ui.picked.size;
  $('#picked').textContent = n ? t('wallet.n-selected', { n: number(n) }) : t('wallet.none-selected');
  $('#holder').textContent = ui.holder ? t('wallet.holder-key', { key: ui.holder }) : t('wallet.holder-later');
}

async function present() {
  const ids = ui.entries.filter((e) => ui.picked.has(e.id)).map((e) => e.id);
  if (!ids.length) { announce(t('wallet.select-first'), true); return; }
  const challenge = $('#challenge').value.trim();
  const domain = $('#domain').value.trim();
  announce(t('wallet.signing'));
  try {
    const r = await call('present', { ids, challenge, domain });
    $('#vp').value = r.presentation;
    $('#vp-out').hidden = false;
    ui.holder = r.holder;
    drawShare();
    announce(t('wallet.signed', { n: number(ids.length) }));
    $('#vp').focus();
  } catch (err) {
    announce(err.message, true);
  }
}

async function copyVP() {
  try {
    await navigator.clipboard.writeText($('#vp').value);
    announce(t('wallet.copied'));
  } catch {
    $('#vp').select();
    announce(t('wallet.select-all'));
  }
}

// ---- backup ----

function backupSection() {
  return h('section', { class: 'options backup', 'aria-labelledby': 'backup-title' },
    h('h2', { id: 'backup-title', text: t('wallet.backup') }),
    h('p', { class: 'explain', text: t('wallet.backup-explain') }),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'export', class: 'button', onclick: async () => {
        try {
          const r = await call('exportBackup');
          download(`clearbadge-wallet-${new Date().toISOString().slice(0, 10)}.json`, new Blob([JSON.stringify(r.file)], { type: 'application/json' }));
          announce(t('wallet.backup-downloaded', { date: formatDate(r.file.exported, true) }));
        } catch (err) {
          announce(err.message, true);
        }
      } }, t('wallet.download-backup'))));
}

// ---- found on the current page (popup) ----

async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

async function scanPage() {
  const box = $('#found');
  box.hidden = false;
  let tab;
  let res;
  try {
    tab = await activeTab();
    if (!tab?.id) throw new Error('no tab');
    res = await chrome.tabs.sendMessage(tab.id, { op: 'scan' });
  } catch {
    box.replaceChildren(h('p', { class: 'hint', text: t('wallet.cannot-search') }));
    return;
  }
  ui.foundItems = res?.items || [];
  if (!ui.foundItems.length) {
    box.replaceChildren(h('p', { class: 'hint', text: t('wallet.none-found') }));
    return;
  }
  const ul = h('ul', { class: 'found-list' });
  ui.foundItems.forEach((it, i) => {
    ul.append(h('li', {}, h('span', { class: 'found-label', text: it.label }),
      h('button', { type: 'button', class: 'button small', onclick: async () => {
        try {
          const got = await chrome.tabs.sendMessage(tab.id, { op: 'take', index: i });
          if (!got?.ok) throw new Error(got?.error || t('wallet.page-no-answer'));
          await importItems([got.item]);
        } catch (err) {
          announce(t('wallet.could-not-read', { error: err.message }), true);
        }
      } }, t('wallet.add-to-wallet'))));
  });
  box.replaceChildren(h('p', { class: 'strong', text: t('wallet.found-n', { n: number(ui.foundItems.length) }) }), ul);
}

start();

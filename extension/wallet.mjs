// The wallet's page: popup.html is the toolbar popup (also usable as a tab),
// and popup.html?view=full the full page: one document and one script, the
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
// verdict when it was checked). popup.html?view=full&found=ID shows the
// verdict on something a page offered (the content script's "Open in
// ClearBadge"), locked or not: the page's own notice never shows one.
// render.mjs is the verifier page's card drawing (web/render.mjs, copied in by
// `make extension`), so the wallet and the page show a credential alike.
import { h, resultCard, imageOf, formatDate } from './render.mjs';

const $ = (sel, root = document) => root.querySelector(sel);
const isPopup = new URLSearchParams(location.search).get('view') !== 'full';
document.documentElement.classList.replace('popup', isPopup ? 'popup' : 'full');
const MAX_FILE_BYTES = 16 << 20;
const UNDO_MS = 12000;

const ui = {
  entries: [],      // the credentials as last listed
  holder: null,     // the holder DID, once made
  picked: new Set(),
  query: '',
  filter: 'all',
  undo: null,       // {entry, index, timer}
  foundItems: [],
};

// ---- talking to the service worker ----

class CallError extends Error {
  constructor(code, message) { super(message); this.code = code; }
}

async function call(op, args = {}) {
  const r = await chrome.runtime.sendMessage({ op, ...args });
  if (!r) throw new CallError('internal', 'The wallet did not answer.');
  if (!r.ok) {
    if (r.code === 'locked') showLocked('locked');
    throw new CallError(r.code, r.error);
  }
  return r;
}

function announce(msg, isError = false) {
  const s = $('#status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
}

// ---- start ----

async function start() {
  const found = new URLSearchParams(location.search).get('found');
  if (found) {
    await showFound(found);
    return;
  }
  let st;
  try {
    st = await call('status');
  } catch (err) {
    announce('The wallet could not start: ' + err.message, true);
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
    announce('The wallet was locked.');
  }
});

$('#lock').addEventListener('click', async () => {
  await call('lock');
  showLocked('locked');
  announce('Locked. Your credentials are encrypted.');
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
  const button = h('button', { type: 'submit', class: 'button primary' }, creating ? 'Create wallet' : 'Unlock');
  const err = h('p', { id: 'unlock-error', class: 'form-error', role: 'alert' });
  form.append(
    h('h1', { id: 'unlock-title', text: creating ? 'Create your wallet' : 'Unlock your wallet' }),
    h('p', { class: 'lede', id: 'unlock-hint', text: creating
      ? 'Choose a passphrase (8 characters or more). It encrypts your credentials on this device. Nobody can recover it for you, so keep a backup once you have added credentials.'
      : 'Your credentials are stored encrypted on this device. Enter your passphrase to open them.' }),
    h('label', { for: 'passphrase', text: creating ? 'New passphrase' : 'Passphrase' }),
    h('div', { class: 'row' }, pass, button),
    err);
  if (state === 'damaged' && error) err.textContent = `${error} Nothing was changed. You can restore a backup below.`;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    err.textContent = '';
    button.disabled = true;
    announce(creating ? 'Creating your wallet…' : 'Unlocking…');
    try {
      const r = await call('unlock', { passphrase: pass.value });
      pass.value = '';
      announce(r.created ? 'Your wallet is ready. Add your first credential.' : 'Unlocked.');
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
    h('summary', { text: state === 'damaged' ? 'Restore a backup in place of the damaged wallet' : 'Restore a backup instead' }));
  const file = h('input', { type: 'file', id: 'restore-file', accept: '.json,application/json' });
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'restore-pass', autocomplete: 'off' });
  const go = h('button', { type: 'button', class: 'button' }, 'Restore');
  const msg = h('p', { class: 'form-error', role: 'alert' });
  go.addEventListener('click', async () => {
    msg.textContent = '';
    const f = file.files[0];
    if (!f) { msg.textContent = 'Choose the backup file first.'; return; }
    try {
      await call('restoreWallet', { text: await f.text(), passphrase: pass.value, current: current() });
      announce('The backup was restored.');
      await showWallet();
    } catch (ex) {
      msg.textContent = ex.message;
    }
  });
  sec.append(h('div', { class: 'advanced-body' },
    h('label', { for: 'restore-file', text: 'Backup file' }), file,
    h('label', { for: 'restore-pass', text: 'Passphrase of the backup' }), pass,
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
      h('h2', { id: 'list-title' }, 'Your credentials ', h('span', { id: 'count', class: 'count' })),
      h('button', { type: 'button', id: 'reverify-all', class: 'button small', onclick: reverifyAll }, 'Re-verify all')),
    h('div', { class: 'row filter-row', role: 'search' },
      h('label', { for: 'search', class: 'visually-hidden', text: 'Search credentials' }),
      h('input', { type: 'search', id: 'search', placeholder: 'Search by name, issuer or file', oninput: (e) => { ui.query = e.target.value; drawList(); } }),
      h('label', { for: 'filter', class: 'visually-hidden', text: 'Show' }),
      h('select', { id: 'filter', onchange: (e) => { ui.filter = e.target.value; drawList(); } },
        h('option', { value: 'all' }, 'All'),
        h('option', { value: 'verified' }, 'Verified'),
        h('option', { value: 'incomplete' }, 'Incomplete'),
        h('option', { value: 'not-verified' }, 'Not verified'))),
    h('div', { id: 'undo-bar', class: 'undo-bar', hidden: true }),
    h('p', { id: 'empty', class: 'empty', hidden: true }),
    h('ol', { id: 'credentials', class: 'results' }));
  // The popup leads with the credentials; the full page with adding them.
  main.replaceChildren(...(isPopup ? [list, addSection()] : [addSection(), list]), shareSection(), backupSection());
  if (isPopup) main.append(h('p', { class: 'open-full' }, h('a', { href: 'popup.html?view=full', target: '_blank', text: 'Open the full wallet page' })));
  await refresh();
}

function addSection() {
  const file = h('input', {
    type: 'file', id: 'file', class: 'file-input', multiple: true,
    accept: '.json,.jsonld,.jwt,.txt,.png,.svg,application/json,application/ld+json,text/plain,image/png,image/svg+xml',
    'aria-describedby': 'file-hint',
  });
  file.addEventListener('change', async () => {
    const files = [...file.files];
    file.value = '';
    await importFiles(files);
  });
  const paste = h('textarea', { id: 'paste-text', rows: isPopup ? 3 : 4, spellcheck: 'false', autocomplete: 'off' });
  const sec = h('section', { class: 'intake add', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title', text: 'Add credentials' }),
    h('div', { class: 'drop', id: 'drop' },
      file,
      h('label', { for: 'file', class: 'button primary' }, 'Choose files'),
      h('p', { class: 'hint', id: 'file-hint', text: 'Credential files (JSON or JWT), badge images (PNG or SVG) with the credential inside, or a wallet backup.' })),
    h('div', { class: 'paste' },
      h('label', { for: 'paste-text', text: 'Or paste a credential (JSON or JWT)' }), paste,
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'paste-go', class: 'button', onclick: async () => {
          const text = paste.value.trim();
          if (!text) { announce('Paste a credential first: JSON, or a JWT.', true); paste.focus(); return; }
          if (await importItems([{ text, source: 'pasted text' }])) paste.value = '';
        } }, 'Add pasted'),
        // Only the popup has a "current page" (the tab it was opened over).
        isPopup && h('button', { type: 'button', id: 'from-page', class: 'button', onclick: scanPage }, 'Find on this page'))),
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
  if (f.size > MAX_FILE_BYTES) return { source: f.name, text: '', tooLarge: true };
  const isImage = /^image\/(png|svg\+xml)$/.test(f.type) || /\.(png|svg)$/i.test(f.name);
  if (isImage) {
    const mime = f.type || (/\.svg$/i.test(f.name) ? 'image/svg+xml' : 'image/png');
    return { source: f.name, b64: b64(new Uint8Array(await f.arrayBuffer())), mime };
  }
  const text = await f.text();
  if (/^\s*\{\s*"format"\s*:\s*"clearbadge-wallet-backup"/.test(text)) return { source: f.name, backup: text };
  return { source: f.name, text };
}

async function importFiles(files) {
  if (!files.length) return;
  const items = await Promise.all(files.map(fileItem));
  const big = items.filter((i) => i.tooLarge);
  const backups = items.filter((i) => i.backup);
  const rest = items.filter((i) => !i.tooLarge && !i.backup);
  if (big.length) announce(`${big.map((i) => i.source).join(', ')}: too large (the limit is 16 MB). Not imported.`, true);
  if (rest.length) await importItems(rest);
  if (backups.length) askBackupPassphrase(backups[0]);
}

// importItems sends items to the wallet and says what happened.
async function importItems(items) {
  announce(items.length === 1 ? `Checking ${items[0].source || 'the credential'}…` : `Checking ${items.length} files…`);
  try {
    const r = await call('import', { items });
    const parts = [];
    if (r.added.length) parts.push(`Added ${r.added.length === 1 ? r.added[0].title : `${r.added.length} credentials`}.`);
    if (r.duplicates.length) parts.push(`Already in the wallet: ${r.duplicates.join(', ')}.`);
    parts.push(...r.refused);
    if (!r.added.length && !r.duplicates.length) parts.push('Nothing was changed.');
    announce(parts.join(' '), r.refused.length > 0 && !r.added.length);
    await refresh();
    return r.added.length > 0 || r.duplicates.length > 0;
  } catch (err) {
    announce(`${err.message} Nothing was changed.`, true);
    return false;
  }
}

function askBackupPassphrase(item) {
  const box = $('#backup-open');
  box.hidden = false;
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'backup-pass', autocomplete: 'off', required: true });
  const form = h('form', { class: 'options' },
    h('p', { text: `${item.source} is a wallet backup. Its credentials will be added to this wallet (duplicates are skipped).` }),
    h('label', { for: 'backup-pass', text: 'Passphrase of the backup' }),
    h('div', { class: 'row' }, pass,
      h('button', { type: 'submit', class: 'button primary' }, 'Add from backup'),
      h('button', { type: 'button', class: 'button quiet', onclick: () => { box.hidden = true; box.replaceChildren(); } }, 'Cancel')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await call('importBackup', { text: item.backup, passphrase: pass.value });
      box.hidden = true;
      box.replaceChildren();
      announce(`From the backup: ${r.added} added, ${r.skipped} already here${r.holder ? ', and its holder key' : ''}.`);
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
  if (entry.b64 && /^image\/(png|svg\+xml)$/.test(entry.mime || '')) return `data:${entry.mime};base64,${entry.b64}`;
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
    controls.push(h('span', { class: 'pick-wrap' }, cb, h('label', { for: `${id}-pick`, text: 'Select to share' })));
  }
  for (const a of actions) {
    controls.push(h('button', { type: 'button', class: `button small ${a.cls || 'quiet'}`, 'aria-label': a.aria ? `${a.aria} ${entry.title}` : undefined, 'data-action': a.name, onclick: a.onclick }, a.label));
  }
  const meta = [
    entry.source && `From ${entry.source}`,
    report.format && `Format: ${report.format}`,
    entry.checked && `Checked ${formatDate(entry.checked, true)}, offline`,
  ].filter(Boolean).join(' · ');
  // The verdict stored with the entry is the Report's from when it was checked.
  return resultCard({ ...report, verdict: entry.verdict }, {
    id, title: entry.title, image: imageSrc(entry), compact: true, foldChecks: true, meta, controls, remedy,
    attrs: { class: 'wallet-card', 'data-id': entry.id },
  });
}

// remedy: the wallet verifies offline only (its pages may connect nowhere),
// so what an online check or a document would complete is done elsewhere.
function remedy(m) {
  if (m.remedy === 'none') return null;
  return h('p', { class: 'hint', text: m.remedy === 'online'
    ? 'The wallet checks offline only. The ClearBadge verifier page with online checks on, or the command line (clearbadge verify --online), can complete this.'
    : 'The wallet cannot add documents. The ClearBadge verifier page (add it as a file) or the command line (clearbadge verify --with URL=FILE) can complete this.' });
}

// showFound: the verdict on a credential a page offered, in this
// extension's own page (see background.js openFound).
async function showFound(id) {
  document.body.dataset.view = 'found';
  const main = $('#main');
  announce('Checking what the page offered…');
  try {
    const r = await call('foundItem', { id });
    main.replaceChildren(h('section', { 'aria-labelledby': 'found-title' },
      h('h1', { id: 'found-title', text: 'Found on a web page' }),
      h('ol', { id: 'credentials', class: 'results' }, resultCard(r.report, {
        id: 'found-card', compact: true, remedy, meta: [r.source && `From ${r.source}`, 'Checked offline, in ClearBadge'].filter(Boolean).join(' · '),
      })),
      h('p', { class: 'open-full' }, h('a', { href: 'popup.html?view=full', text: 'Open your wallet' }))));
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
  for (const id of [...ui.picked]) if (!ui.entries.some((e) => e.id === id)) ui.picked.delete(id);
  drawList();
  drawShare();
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
      { name: 'reverify', label: 'Re-verify', aria: 'Re-verify', onclick: () => reverify([e.id]) },
      { name: 'download', label: 'Download', aria: 'Download', onclick: () => downloadEntry(e) },
      { name: 'bake-png', label: 'Baked PNG', aria: 'Download as a baked PNG badge:', onclick: () => bake(e, 'png') },
      { name: 'bake-svg', label: 'Baked SVG', aria: 'Download as a baked SVG badge:', onclick: () => bake(e, 'svg') },
      { name: 'delete', label: 'Delete', aria: 'Delete', onclick: () => del(e) },
    ],
  })));
  $('#count').textContent = ui.entries.length ? `(${ui.entries.length})` : '';
  const empty = $('#empty');
  empty.hidden = shown.length > 0;
  empty.textContent = ui.entries.length ? 'No credential matches the search.' : 'No credentials yet. Add a file, paste one, or find one on a web page.';
}

async function reverify(ids) {
  announce('Checking again…');
  try {
    const r = await call('reverify', { ids });
    await refresh();
    const words = { verified: 'verified', incomplete: 'incomplete', 'not-verified': 'not verified', error: 'could not be read' };
    const counts = Object.entries(words).map(([v, w]) => [r.results.filter((x) => x.verdict === v).length, w]);
    announce(`Checked ${r.results.length}: ${counts.filter(([n]) => n).map(([n, w]) => `${n} ${w}`).join(', ')}.`);
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
    bar.replaceChildren(h('span', { text: `Deleted ${entry.title}.` }),
      h('button', { type: 'button', id: 'undo', class: 'button small', onclick: undo }, 'Undo'));
    bar.hidden = false;
    await refresh();
    announce(`Deleted ${entry.title}. Undo is available for a few seconds.`);
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
    announce(`Restored ${entry.title}.`);
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
    announce(`Downloaded ${e.title} as a baked ${format.toUpperCase()} badge.`);
  } catch (err) {
    announce(err.message, true);
  }
}

// ---- share ----

function shareSection() {
  return h('section', { class: 'options share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: 'Share' }),
    h('p', { class: 'explain', id: 'share-explain', text: 'Select credentials above, then enter the challenge and domain the verifier gave you. The wallet signs a presentation with your own holder key; nothing is sent anywhere, you copy or download it.' }),
    h('div', { class: 'share-grid' },
      h('label', { for: 'challenge', text: 'Challenge' }),
      h('input', { type: 'text', id: 'challenge', autocomplete: 'off', spellcheck: 'false' }),
      h('label', { for: 'domain', text: 'Domain' }),
      h('input', { type: 'text', id: 'domain', autocomplete: 'off', spellcheck: 'false', placeholder: 'e.g. jobs.example.com' })),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'present', class: 'button primary', onclick: present }, 'Create presentation'),
      h('span', { id: 'picked', class: 'hint' })),
    h('div', { id: 'vp-out', hidden: true },
      h('label', { for: 'vp', text: 'Your signed presentation' }),
      h('textarea', { id: 'vp', rows: 6, readonly: true, spellcheck: 'false' }),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'vp-copy', class: 'button', onclick: copyVP }, 'Copy'),
        h('button', { type: 'button', id: 'vp-download', class: 'button', onclick: () => download('presentation.json', new Blob([$('#vp').value], { type: 'application/json' })) }, 'Download'))),
    h('p', { id: 'holder', class: 'meta' }));
}

function drawShare() {
  const n = ui.picked.size;
  $('#picked').textContent = n ? `${n} selected` : 'None selected';
  $('#holder').textContent = ui.holder ? `Your holder key: ${ui.holder}` : 'Your holder key is made the first time you share.';
}

async function present() {
  const ids = ui.entries.filter((e) => ui.picked.has(e.id)).map((e) => e.id);
  if (!ids.length) { announce('Select at least one credential to share.', true); return; }
  const challenge = $('#challenge').value.trim();
  const domain = $('#domain').value.trim();
  announce('Signing the presentation…');
  try {
    const r = await call('present', { ids, challenge, domain });
    $('#vp').value = r.presentation;
    $('#vp-out').hidden = false;
    ui.holder = r.holder;
    drawShare();
    announce(`Presentation of ${ids.length} credential${ids.length > 1 ? 's' : ''} signed by your holder key. Copy it or download it.`);
    $('#vp').focus();
  } catch (err) {
    announce(err.message, true);
  }
}

async function copyVP() {
  try {
    await navigator.clipboard.writeText($('#vp').value);
    announce('Copied.');
  } catch {
    $('#vp').select();
    announce('Select-all done; press Ctrl+C to copy.');
  }
}

// ---- backup ----

function backupSection() {
  return h('section', { class: 'options backup', 'aria-labelledby': 'backup-title' },
    h('h2', { id: 'backup-title', text: 'Backup' }),
    h('p', { class: 'explain', text: 'A backup file holds every credential and your holder key, encrypted with your current passphrase. To restore, add the file with "Choose files" above.' }),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'export', class: 'button', onclick: async () => {
        try {
          const r = await call('exportBackup');
          download(`clearbadge-wallet-${new Date().toISOString().slice(0, 10)}.json`, new Blob([JSON.stringify(r.file)], { type: 'application/json' }));
          announce(`Backup downloaded (${formatDate(r.file.exported, true)}).`);
        } catch (err) {
          announce(err.message, true);
        }
      } }, 'Download encrypted backup')));
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
    box.replaceChildren(h('p', { class: 'hint', text: 'This page cannot be searched (a browser page, or it was open before ClearBadge was installed: reload it).' }));
    return;
  }
  ui.foundItems = res?.items || [];
  if (!ui.foundItems.length) {
    box.replaceChildren(h('p', { class: 'hint', text: 'No credentials found on this page.' }));
    return;
  }
  const ul = h('ul', { class: 'found-list' });
  ui.foundItems.forEach((it, i) => {
    ul.append(h('li', {}, h('span', { class: 'found-label', text: it.label }),
      h('button', { type: 'button', class: 'button small', onclick: async () => {
        try {
          const got = await chrome.tabs.sendMessage(tab.id, { op: 'take', index: i });
          if (!got?.ok) throw new Error(got?.error || 'the page did not answer');
          await importItems([got.item]);
        } catch (err) {
          announce(`Could not read it from the page: ${err.message}`, true);
        }
      } }, 'Add to wallet')));
  });
  box.replaceChildren(h('p', { class: 'strong', text: `Found on this page (${ui.foundItems.length}):` }), ul);
}

start();

// The ClearBadge verifier page. Everything here is presentation: reading the
// user's files, handing them to the verifier (clearbadge.mjs, which runs the
// wasm in a worker) and drawing the Report it returns.
//
// Test contract (other tests rely on it; keep it stable): input[type=file]
// accepts the files, and each result is a `#results > [data-verdict]` card
// drawn by render.mjs (data-verdict, data-check / data-outcome, and
// data-inner-* for nested credentials; the privacy rules of rendering are
// there too).
import { load } from './clearbadge.mjs';
import { h, verdictOf, titleOf, imageOf, resultCard, formatDate } from './render.mjs';

const $ = (sel) => document.querySelector(sel);

const MAX_FILE_BYTES = 16 << 20;

let resultCount = 0;
const itemOf = new WeakMap(); // result element -> the input it shows, for "Check again" and clean-up

// ---- start-up ----

const ready = load().then((cb) => {
  $('#version').textContent = cb.version.replace(/^clearbadge ?/, '');
  document.documentElement.dataset.ready = 'true';
  return cb;
}, (err) => {
  announce('The verifier could not start: ' + err.message, true);
  document.documentElement.dataset.ready = 'error';
  throw err;
});

// ---- status line (announced to screen readers) ----

function announce(msg, isError = false) {
  const s = $('#status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
}

// ---- options ----

function currentOptions() {
  const o = { offline: !$('#online').checked, allowPrivateNetwork: $('#private-network').checked };
  const at = $('#at').value;
  if (at) {
    const d = new Date(at);
    if (!Number.isNaN(d.getTime())) o.at = d;
  }
  for (const k of ['challenge', 'domain']) {
    const v = $(`#${k}`).value.trim();
    if (v) o[k] = v;
  }
  if (Object.keys(documents).length) o.documents = { ...documents };
  return o;
}

// documents: saved copies of what an Open Badges 2.0 badge links to, by the
// address in each file's own "id" (More options).
let documents = {};

$('#documents').addEventListener('change', async (e) => {
  documents = {};
  const skipped = [];
  for (const f of e.target.files) {
    const text = await f.text();
    let id;
    try { id = JSON.parse(text)?.id; } catch { /* not JSON */ }
    if (typeof id === 'string' && /^https?:\/\//i.test(id)) documents[id] = text;
    else skipped.push(f.name);
  }
  const n = Object.keys(documents).length;
  $('#documents-list').textContent = [
    n ? `${n} document${n === 1 ? '' : 's'} added: ${Object.keys(documents).join(', ')}.` : '',
    skipped.length ? `Not used (no web address in "id"): ${skipped.join(', ')}.` : '',
  ].filter(Boolean).join(' ');
});

function updateModeUI() {
  const online = $('#online').checked;
  $('#online-state').textContent = online ? 'On' : 'Off';
  $('#online-more').hidden = !online;
  $('#online-explain').hidden = online;
  $('#mode-pill').classList.toggle('online', online);
  $('#mode-pill-text').textContent = online
    ? 'Online checks on: public documents may be fetched'
    : 'Offline: nothing leaves this device';
}

// ---- verifying ----

// verifyItems verifies a batch ({input, source, imageFile}) and shows one
// result per item, in order, above earlier results.
async function verifyItems(items) {
  if (items.length === 0) return;
  $('#results-section').hidden = false;
  const list = $('#results');
  const slots = items.map((it) => {
    const li = h('li', { class: 'result pending', 'aria-busy': 'true' },
      h('div', { class: 'pending-row' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        `Checking ${it.source || 'credential'}…`));
    return li;
  });
  list.prepend(...slots);
  // Bring the answer into view (again once the first card has its full
  // height: before that the page may be too short to scroll that far). The
  // status line tells screen readers.
  const reveal = () => $('#results-section').scrollIntoView({ block: 'start' });
  reveal();
  announce(items.length === 1 ? `Checking ${items[0].source || 'the credential'}…` : `Checking ${items.length} files…`);
  const opts = currentOptions();
  let cb;
  try {
    cb = await ready;
  } catch (err) {
    slots.forEach((slot, i) => showError(slot, items[i], err, opts));
    return;
  }
  const outcomes = await Promise.all(items.map(async (it, i) => {
    if (it.tooLarge) {
      showError(slots[i], it, new Error(`The file is too large (${it.size} bytes); ClearBadge reads files up to ${MAX_FILE_BYTES} bytes.`), opts);
      return 'error';
    }
    try {
      const report = await cb.verify(it.input, { ...opts, source: it.source });
      return showReport(slots[i], it, report, opts);
    } catch (err) {
      showError(slots[i], it, err, opts);
      return 'error';
    } finally {
      if (i === 0) reveal();
    }
  }));
  announce(summarizeBatch(items, outcomes));
}

function summarizeBatch(items, outcomes) {
  const words = { verified: 'verified', 'not-verified': 'not verified', error: 'could not be checked' };
  if (items.length === 1) {
    return `${items[0].source || 'The credential'}: ${words[outcomes[0]]}.`;
  }
  const counts = {};
  for (const o of outcomes) counts[o] = (counts[o] || 0) + 1;
  return `${items.length} files checked: ` +
    Object.entries(counts).map(([o, n]) => `${n} ${words[o]}`).join(', ') + '.';
}

// ---- rendering a report ----

function showReport(slot, item, report, opts) {
  const verdict = verdictOf(report);
  const card = renderResult(report, verdict, item, opts);
  slot.replaceWith(card);
  return verdict;
}

function showError(slot, item, err, opts) {
  const report = {
    verified: false,
    kind: 'unknown',
    summary: { issuer: {} },
    checks: [],
    source: item.source,
  };
  const card = renderResult(report, 'error', item, opts, err.message || String(err));
  slot.replaceWith(card);
}

function renderResult(report, verdict, item, opts, errorMessage) {
  const title = titleOf(report, item.source || 'Credential');
  const meta = [
    item.source && `File: ${item.source}`,
    report.format && `Format: ${report.format}`,
    report.kind && report.kind !== 'unknown' && `Type: ${report.kind}`,
    `Checked ${formatDate(new Date().toISOString(), true)} ${opts.offline ? 'offline' : 'with online checks'}`,
    opts.at && `as of ${formatDate(opts.at.toISOString(), true)}`,
  ].filter(Boolean).join(' · ');
  // The buttons act on the card they sit in (li, assigned below).
  let li;
  const controls = [];
  if (item.input !== undefined) {
    controls.push(h('button', {
      type: 'button', class: 'button small quiet',
      'aria-label': `Check ${title} again with the current options`,
      onclick: () => { removeResult(li, false); verifyItems([item]); },
    }, 'Check again'));
  }
  controls.push(h('button', {
    type: 'button', class: 'button small quiet', 'aria-label': `Remove the result for ${title}`,
    onclick: () => { removeResult(li); announce(`Removed ${title}.`); },
  }, 'Remove'));
  li = resultCard(report, verdict, {
    id: `r${++resultCount}`, title, image: imageOf(report.summary) || item.imageURL,
    offline: opts.offline, errorMessage, meta, controls,
  });
  itemOf.set(li, item);
  return li;
}

// removeResult drops a result; revoke=false keeps its image URL for a re-check.
function removeResult(li, revoke = true) {
  const item = itemOf.get(li);
  if (revoke && item?.imageURL) URL.revokeObjectURL(item.imageURL);
  li.remove();
  if (!$('#results').children.length) $('#results-section').hidden = true;
}

// ---- inputs ----

function itemsFromFiles(files) {
  return [...files].map((f) => {
    if (f.size > MAX_FILE_BYTES) return { source: f.name, tooLarge: true, size: f.size };
    const isImage = /^image\/(png|svg\+xml)$/.test(f.type) || /\.(png|svg)$/i.test(f.name);
    return { input: f, source: f.name, imageURL: isImage ? URL.createObjectURL(f) : undefined };
  });
}

$('#file').addEventListener('change', (e) => {
  const items = itemsFromFiles(e.target.files);
  e.target.value = ''; // picking the same file again fires change again
  verifyItems(items);
});

const drop = $('#drop');
let dragDepth = 0;
document.addEventListener('dragenter', (e) => {
  if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
  dragDepth++;
  drop.classList.add('dragging');
});
document.addEventListener('dragleave', () => {
  if (dragDepth > 0 && --dragDepth === 0) drop.classList.remove('dragging');
});
document.addEventListener('dragover', (e) => {
  if ([...(e.dataTransfer?.types || [])].includes('Files')) e.preventDefault();
});
document.addEventListener('drop', (e) => {
  if (!e.dataTransfer?.files?.length) return;
  e.preventDefault();
  dragDepth = 0;
  drop.classList.remove('dragging');
  verifyItems(itemsFromFiles(e.dataTransfer.files));
});

$('#paste-go').addEventListener('click', () => {
  const text = $('#paste-text').value.trim();
  if (!text) {
    announce('Paste a credential first: JSON, or a JWT.', true);
    $('#paste-text').focus();
    return;
  }
  verifyItems([{ input: text, source: 'pasted text' }]);
});

for (const b of document.querySelectorAll('[data-sample]')) {
  b.addEventListener('click', async () => {
    const name = b.dataset.sample;
    try {
      const resp = await fetch(`samples/${name}`);
      if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
      verifyItems([{ input: await resp.text(), source: name }]);
    } catch (err) {
      announce(`The sample could not be loaded (${err.message}).`, true);
    }
  });
}

$('#online').addEventListener('change', () => {
  updateModeUI();
  announce($('#online').checked
    ? 'Online checks are on. Public documents named by a badge may now be fetched.'
    : 'Online checks are off. Nothing leaves this device.');
});
updateModeUI();

$('#clear').addEventListener('click', () => {
  for (const li of [...$('#results').children]) removeResult(li);
  announce('Results cleared.');
  $('#file').focus();
});

// Print: open every folded detail so the printout is complete, then fold back.
let openedForPrint = [];
window.addEventListener('beforeprint', () => {
  $('#print-note').textContent = `ClearBadge verification report, printed ${formatDate(new Date().toISOString(), true)}.`;
  openedForPrint = [...document.querySelectorAll('#results details:not([open])')];
  openedForPrint.forEach((d) => { d.open = true; });
});
window.addEventListener('afterprint', () => {
  openedForPrint.forEach((d) => { d.open = false; });
  openedForPrint = [];
});
$('#print').addEventListener('click', () => window.print());

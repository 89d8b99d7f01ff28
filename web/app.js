// The ClearBadge verifier page. Everything here is presentation: reading the
// user's files, handing them to the verifier (clearbadge.mjs, which runs the
// wasm in a worker) and drawing the Report it returns.
//
// Test contract (other tests rely on it; keep it stable):
//   - input[type=file] accepts the files;
//   - each result is an element with data-verdict = verified | not-verified | error;
//   - each of its checks is an element with data-check = the check id and
//     data-outcome = pass | fail | warn | skip.
//   Credentials nested inside a result (a CLR's or a presentation's) use
//   data-inner-verdict / data-inner-check / data-inner-outcome instead, so that
//   selectors on a result find its own checks only.
//
// Privacy rules for rendering: every string from a credential goes through
// textContent, never HTML; only data: images are shown (a remote badge image
// would tell its host who is looking), and links are plain http(s) links that
// load nothing until clicked.
import { load } from './clearbadge.mjs';

const $ = (sel) => document.querySelector(sel);

const MAX_FILE_BYTES = 16 << 20;

const CHECK_NAMES = {
  format: 'File format',
  proof: 'Signature',
  issuer: 'Issuer',
  validity: 'Dates',
  status: 'Revocation',
  schema: 'Structure',
  presentation: 'Presentation',
  recipient: 'Recipient',
  endorsements: 'Endorsements',
  refresh: 'Refresh service',
  credentials: 'Credentials inside',
};

const OUTCOME_WORDS = { pass: 'Passed', fail: 'Failed', warn: 'Note', skip: 'Not checked' };

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

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

// ---- small DOM helper ----

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICON_PATHS = {
  pass: 'M5 12.5l4.5 4.5L19 7.5',
  fail: 'M7 7l10 10M17 7L7 17',
  warn: 'M12 7v6M12 16.5v.5',
  skip: 'M7 12h10',
  error: 'M12 7v6M12 16.5v.5',
};
function icon(kind, cls = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `${cls} ${cls}-${kind}`);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATHS[kind] || ICON_PATHS.skip);
  svg.append(path);
  return svg;
}

// ---- status line (announced to screen readers) ----

function announce(msg, isError = false) {
  const s = $('#status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
}

// ---- options ----

function currentOptions() {
  const o = { offline: !$('#online').checked };
  const at = $('#at').value;
  if (at) {
    const d = new Date(at);
    if (!Number.isNaN(d.getTime())) o.at = d;
  }
  for (const k of ['challenge', 'domain']) {
    const v = $(`#${k}`).value.trim();
    if (v) o[k] = v;
  }
  return o;
}

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

function verdictOf(report) {
  if (report.verified) return 'verified';
  const fmt = (report.checks || []).find((c) => c.id === 'format');
  if (fmt && fmt.outcome === 'fail') return 'error';
  return 'not-verified';
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
  const id = `r${++resultCount}`;
  const s = report.summary || { issuer: {} };
  const title = s.name || s.achievement?.name || item.source || 'Credential';
  const li = h('li', { class: `result ${verdict}`, 'data-verdict': verdict });
  const article = h('article', { 'aria-labelledby': `${id}-title` });
  li.append(article);

  article.append(renderVerdict(report, verdict, errorMessage, opts));

  const body = h('div', { class: 'card-body' });
  body.append(renderImage(s, item));
  const facts = h('div', { class: 'facts' });
  if (verdict !== 'verified' && report.kind !== 'unknown' && !authentic(report)) {
    // A credential whose signature did not hold still has readable content;
    // say plainly that none of it is confirmed (the tampered sample names a
    // forged recipient). An expired but authentic one needs no such note.
    facts.append(h('p', { class: 'unconfirmed', text: 'What this file claims. None of it is confirmed.' }));
  }
  facts.append(h('h3', { id: `${id}-title`, class: 'title', text: title }));
  if (s.description) facts.append(h('p', { class: 'desc', text: s.description }));
  facts.append(renderFacts(report, s));
  body.append(facts);
  article.append(body);

  if (report.checks?.length) {
    article.append(h('h4', { class: 'checks-title', text: 'What was checked' }));
    article.append(renderChecks(report.checks, 'data-check', 'data-outcome'));
  }
  if (report.credentials?.length) article.append(renderNested(report.credentials));

  const when = new Date();
  const meta = [
    item.source && `File: ${item.source}`,
    report.format && `Format: ${report.format}`,
    report.kind && report.kind !== 'unknown' && `Type: ${report.kind}`,
    `Checked ${formatDate(when.toISOString(), true)} ${opts.offline ? 'offline' : 'with online checks'}`,
    opts.at && `as of ${formatDate(opts.at.toISOString(), true)}`,
  ].filter(Boolean).join(' · ');
  const foot = h('div', { class: 'card-foot' }, h('p', { class: 'meta', text: meta }));
  const actions = h('div', { class: 'row actions' });
  if (item.input !== undefined) {
    actions.append(h('button', {
      type: 'button', class: 'button small quiet',
      'aria-label': `Check ${title} again with the current options`,
      onclick: () => { removeResult(li, false); verifyItems([item]); },
    }, 'Check again'));
  }
  actions.append(h('button', {
    type: 'button', class: 'button small quiet', 'aria-label': `Remove the result for ${title}`,
    onclick: () => { removeResult(li); announce(`Removed ${title}.`); },
  }, 'Remove'));
  foot.append(actions);
  article.append(foot);
  itemOf.set(li, item);
  return li;
}

// authentic: the issuer's signature holds and the key is the issuer's, so
// the content is what the issuer wrote, even if another check failed.
function authentic(report) {
  const ok = (id) => ['pass', 'warn'].includes((report.checks || []).find((c) => c.id === id)?.outcome);
  const issuer = (report.checks || []).find((c) => c.id === 'issuer');
  return ok('proof') && issuer?.outcome !== 'fail';
}

function renderVerdict(report, verdict, errorMessage, opts) {
  const checks = report.checks || [];
  let label; let why;
  const warns = checks.filter((c) => c.outcome === 'warn');
  const skips = checks.filter((c) => c.outcome === 'skip');
  if (verdict === 'verified') {
    label = warns.length ? 'Verified, with notes' : 'Verified';
    why = 'The signature is valid and no check failed.';
    if (skips.length) {
      why += ` Not checked: ${skips.map((c) => (CHECK_NAMES[c.id] || c.id).toLowerCase()).join(', ')}` +
        (opts.offline ? ' (needs online checks).' : '.');
    }
  } else if (verdict === 'not-verified') {
    label = 'Not verified';
    const fail = checks.find((c) => c.outcome === 'fail');
    why = fail ? fail.message : 'No valid signature was found on this credential.';
  } else {
    label = 'Could not be checked';
    const fmt = checks.find((c) => c.id === 'format' && c.outcome === 'fail');
    why = errorMessage || fmt?.message || 'The file could not be read.';
  }
  const kind = verdict === 'verified' ? (warns.length ? 'warn' : 'pass') : verdict === 'error' ? 'error' : 'fail';
  return h('div', { class: `verdict verdict-${verdict}` },
    icon(kind, 'verdict-icon'),
    h('div', {},
      h('p', { class: 'verdict-label', text: label }),
      h('p', { class: 'verdict-why', text: why })));
}

function renderImage(s, item) {
  const wrap = h('div', { class: 'badge-img' });
  const src = IMAGE_DATA_URL.test(s.image || '') ? s.image : item.imageURL;
  if (src) {
    wrap.append(h('img', { src, alt: s.achievement?.name ? `Badge image: ${s.achievement.name}` : 'Badge image' }));
    return wrap;
  }
  wrap.classList.add('placeholder');
  wrap.append(placeholderBadge());
  if (/^https?:\/\//i.test(s.image || '')) {
    let host = '';
    try { host = new URL(s.image).host; } catch { /* shown without a host */ }
    wrap.append(h('p', {
      class: 'img-note',
      text: `Image hosted at ${host || 'another site'}; not loaded, to keep this check private.`,
    }));
  }
  return wrap;
}

function placeholderBadge() {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 64 64');
  svg.setAttribute('aria-hidden', 'true');
  const c = document.createElementNS(SVG_NS, 'circle');
  c.setAttribute('cx', '32'); c.setAttribute('cy', '26'); c.setAttribute('r', '18');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', 'M22 40l-5 18 9-5 6 8 4-17M42 40l5 18-9-5-6 8');
  svg.append(c, p);
  return svg;
}

function renderFacts(report, s) {
  const dl = h('dl', { class: 'facts-list' });
  const row = (term, ...value) => {
    if (value.every((v) => v === undefined || v === null || v === '')) return;
    dl.append(h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', {}, ...value)));
  };
  const issuer = s.issuer || {};
  row('Issued by', issuer.name && h('span', { class: 'strong', text: issuer.name }),
    issuer.url && [' ', link(issuer.url)],
    issuer.id && h('span', { class: 'id', text: issuer.id }));
  if (report.kind === 'VerifiablePresentation') {
    row('Presented by', s.holder);
  } else {
    row('Issued to', s.subjectName && h('span', { class: 'strong', text: s.subjectName }),
      s.subject && h('span', { class: s.subjectName ? 'id' : '', text: s.subject }));
  }
  const a = s.achievement;
  if (a) {
    if (a.name && a.name !== s.name) row('Achievement', a.name);
    row('Kind of achievement', a.type && humanizeType(a.type));
    if (a.description && a.description !== s.description) row('About the achievement', a.description);
    if (a.criteria) row('Criteria', /^https?:\/\//i.test(a.criteria) ? link(a.criteria) : a.criteria);
  }
  row('Valid from', s.validFrom && timeEl(s.validFrom));
  row('Valid until', s.validUntil && timeEl(s.validUntil));
  if (s.refresh) row('Refresh service', s.refresh);
  return dl;
}

function humanizeType(t) {
  return t.replace(/^ext:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function link(url) {
  // Only http(s): a javascript: or data: link from a credential must not be clickable.
  let u;
  try { u = new URL(url); } catch { return url; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  return h('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank', text: url });
}

function timeEl(iso) {
  return h('time', { datetime: iso, title: iso, text: formatDate(iso) });
}

function formatDate(iso, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const midnightUTC = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (!withTime && midnightUTC) {
    return d.toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  }
  return d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

function renderChecks(checks, checkAttr, outcomeAttr) {
  const ul = h('ul', { class: 'checks' });
  for (const c of checks) {
    const name = CHECK_NAMES[c.id] || c.id;
    const li = h('li', { class: `check check-${c.outcome}`, [checkAttr]: c.id, [outcomeAttr]: c.outcome },
      icon(c.outcome),
      h('div', { class: 'check-body' },
        h('p', { class: 'check-head' },
          h('span', { class: 'check-name', text: name }),
          h('span', { class: `outcome outcome-${c.outcome}`, text: OUTCOME_WORDS[c.outcome] || c.outcome })),
        h('p', { class: 'check-msg', text: c.message }),
        c.detail && h('details', { class: 'detail' },
          h('summary', {}, 'Technical detail', h('span', { class: 'visually-hidden', text: ` for ${name}` })),
          h('pre', { text: c.detail }))));
    ul.append(li);
  }
  return ul;
}

function renderNested(reports) {
  const det = h('details', { class: 'nested' },
    h('summary', {}, `Credentials inside (${reports.length})`));
  const ol = h('ol', { class: 'nested-list' });
  for (const r of reports) {
    const v = verdictOf(r);
    const s = r.summary || {};
    const li = h('li', { class: `nested-item ${v}`, 'data-inner-verdict': v },
      h('p', { class: 'nested-head' },
        icon(v === 'verified' ? 'pass' : v === 'error' ? 'error' : 'fail'),
        h('span', { class: 'strong', text: s.name || s.achievement?.name || r.source || 'Credential' }),
        h('span', { class: `outcome outcome-${v === 'verified' ? 'pass' : 'fail'}`, text: v === 'verified' ? 'Verified' : 'Not verified' })),
      s.issuer?.name && h('p', { class: 'meta', text: `Issued by ${s.issuer.name}` }),
      renderChecks(r.checks || [], 'data-inner-check', 'data-inner-outcome'));
    if (r.credentials?.length) li.append(renderNested(r.credentials));
    ol.append(li);
  }
  det.append(ol);
  return det;
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

// Credential cards for the wallet: the web page's card (same classes, so the
// shared style.css gives the same look), laid out for a stored credential.
//
// Test contract, as on the web page: each stored credential is an element with
// data-verdict = verified | not-verified | error, and each of its checks an
// element with data-check = the check id and data-outcome = its outcome.
// Privacy rules, as on the web page: credential strings only through
// textContent; only data: images and the learner's own imported image are
// shown (a remote image would tell its host who is looking); links are plain
// http(s) links that load nothing until clicked.

export const CHECK_NAMES = {
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
const VERDICT_WORDS = { verified: 'Verified', 'not-verified': 'Not verified', error: 'Could not be checked' };
const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

export function h(tag, attrs = {}, ...children) {
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
export function icon(kind, cls = 'icon') {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', `${cls} ${cls}-${kind}`);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', ICON_PATHS[kind] || ICON_PATHS.skip);
  svg.append(path);
  return svg;
}

export function formatDate(iso, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const midnightUTC = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (!withTime && midnightUTC) return d.toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  return d.toLocaleString(undefined, { dateStyle: withTime ? 'medium' : 'long', timeStyle: 'short' });
}

function link(url) {
  let u;
  try { u = new URL(url); } catch { return url; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  return h('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank', text: url });
}

function verdictBand(report, verdict) {
  const checks = report.checks || [];
  const warns = checks.filter((c) => c.outcome === 'warn');
  let label = VERDICT_WORDS[verdict];
  let why;
  if (verdict === 'verified') {
    if (warns.length) label = 'Verified, with notes';
    why = 'The signature is valid and no check failed.';
    const skips = checks.filter((c) => c.outcome === 'skip');
    if (skips.length) why += ` Not checked offline: ${skips.map((c) => (CHECK_NAMES[c.id] || c.id).toLowerCase()).join(', ')}.`;
  } else if (verdict === 'not-verified') {
    why = checks.find((c) => c.outcome === 'fail')?.message || 'No valid signature was found on this credential.';
  } else {
    why = checks.find((c) => c.id === 'format' && c.outcome === 'fail')?.message || 'The file could not be read.';
  }
  const kind = verdict === 'verified' ? (warns.length ? 'warn' : 'pass') : verdict === 'error' ? 'error' : 'fail';
  return h('div', { class: `verdict verdict-${verdict}` },
    icon(kind, 'verdict-icon'),
    h('div', {}, h('p', { class: 'verdict-label', text: label }), h('p', { class: 'verdict-why', text: why })));
}

// imageSrc: the credential's own data: image, else the image it was imported
// as (a baked PNG or SVG kept in the wallet).
export function imageSrc(entry) {
  const s = entry.report?.summary || {};
  if (IMAGE_DATA_URL.test(s.image || '')) return s.image;
  if (entry.b64 && /^image\/(png|svg\+xml)$/.test(entry.mime || '')) return `data:${entry.mime};base64,${entry.b64}`;
  return '';
}

function badgeImage(entry) {
  const wrap = h('div', { class: 'badge-img' });
  const src = imageSrc(entry);
  const a = entry.report?.summary?.achievement;
  if (src) {
    wrap.append(h('img', { src, alt: a?.name ? `Badge image: ${a.name}` : 'Badge image' }));
    return wrap;
  }
  wrap.classList.add('placeholder');
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 64 64');
  svg.setAttribute('aria-hidden', 'true');
  const c = document.createElementNS(SVG_NS, 'circle');
  c.setAttribute('cx', '32'); c.setAttribute('cy', '26'); c.setAttribute('r', '18');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', 'M22 40l-5 18 9-5 6 8 4-17M42 40l5 18-9-5-6 8');
  svg.append(c, p);
  wrap.append(svg);
  return wrap;
}

function facts(report) {
  const s = report.summary || {};
  const dl = h('dl', { class: 'facts-list' });
  const row = (term, ...value) => {
    if (value.every((v) => v === undefined || v === null || v === '')) return;
    dl.append(h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', {}, ...value)));
  };
  const issuer = s.issuer || {};
  row('Issued by', issuer.name && h('span', { class: 'strong', text: issuer.name }),
    issuer.url && [' ', link(issuer.url)], issuer.id && h('span', { class: 'id', text: issuer.id }));
  row('Issued to', s.subjectName && h('span', { class: 'strong', text: s.subjectName }),
    s.subject && h('span', { class: s.subjectName ? 'id' : '', text: s.subject }));
  const a = s.achievement;
  if (a?.criteria) row('Criteria', /^https?:\/\//i.test(a.criteria) ? link(a.criteria) : a.criteria);
  row('Valid from', s.validFrom && h('time', { datetime: s.validFrom, text: formatDate(s.validFrom) }));
  row('Valid until', s.validUntil && h('time', { datetime: s.validUntil, text: formatDate(s.validUntil) }));
  return dl;
}

export function checksList(checks) {
  const ul = h('ul', { class: 'checks' });
  for (const c of checks) {
    const name = CHECK_NAMES[c.id] || c.id;
    ul.append(h('li', { class: `check check-${c.outcome}`, 'data-check': c.id, 'data-outcome': c.outcome },
      icon(c.outcome),
      h('div', { class: 'check-body' },
        h('p', { class: 'check-head' },
          h('span', { class: 'check-name', text: name }),
          h('span', { class: `outcome outcome-${c.outcome}`, text: OUTCOME_WORDS[c.outcome] || c.outcome })),
        h('p', { class: 'check-msg', text: c.message }),
        c.detail && h('details', { class: 'detail' },
          h('summary', {}, 'Technical detail', h('span', { class: 'visually-hidden', text: ` for ${name}` })),
          h('pre', { text: c.detail })))));
  }
  return ul;
}

// card renders a stored entry. actions: [{label, aria, onclick, cls}] buttons
// in the card's foot; select: {checked, onchange} for the share checkbox.
export function card(entry, { actions = [], select } = {}) {
  const report = entry.report || { summary: {}, checks: [] };
  const verdict = entry.verdict;
  const id = `c-${entry.id}`;
  const s = report.summary || {};
  const li = h('li', { class: `result wallet-card ${verdict}`, 'data-verdict': verdict, 'data-id': entry.id });
  const article = h('article', { 'aria-labelledby': `${id}-title` });
  li.append(article);
  article.append(verdictBand(report, verdict));
  const body = h('div', { class: 'card-body' }, badgeImage(entry));
  const fx = h('div', { class: 'facts' }, h('h3', { id: `${id}-title`, class: 'title', text: entry.title }));
  if (s.description) fx.append(h('p', { class: 'desc', text: s.description }));
  fx.append(facts(report));
  body.append(fx);
  article.append(body);
  if (report.checks?.length) {
    article.append(h('details', { class: 'nested checks-fold' },
      h('summary', {}, `What was checked (${report.checks.length})`),
      checksList(report.checks)));
  }
  const meta = [
    entry.source && `From ${entry.source}`,
    report.format && `Format: ${report.format}`,
    entry.checked && `Checked ${formatDate(entry.checked, true)}, offline`,
  ].filter(Boolean).join(' · ');
  const foot = h('div', { class: 'card-foot' }, h('p', { class: 'meta', text: meta }));
  const row = h('div', { class: 'row actions' });
  if (select) {
    const cb = h('input', { type: 'checkbox', id: `${id}-pick`, class: 'pick', 'data-pick': entry.id });
    cb.checked = !!select.checked;
    cb.addEventListener('change', () => select.onchange(cb.checked));
    row.append(h('span', { class: 'pick-wrap' }, cb, h('label', { for: `${id}-pick`, text: 'Select to share' })));
  }
  for (const a of actions) {
    row.append(h('button', { type: 'button', class: `button small ${a.cls || 'quiet'}`, 'aria-label': a.aria ? `${a.aria} ${entry.title}` : undefined, 'data-action': a.name, onclick: a.onclick }, a.label));
  }
  foot.append(row);
  article.append(foot);
  return li;
}

// Drawing a verification Report: the one module that turns a Report into
// DOM, used by the verifier page (app.js), the wallet extension (copied there
// by `make extension`) and the embeddable widget (widget.mjs). Each of them
// lays out its own page; the pieces of a credential card are drawn here only,
// so the three say the same thing in the same words.
//
// Test contract (other tests rely on it; keep it stable):
//   - a result carries data-verdict = verified | not-verified | error;
//   - each of its checks is an element with data-check = the check id and
//     data-outcome = pass | fail | warn | skip;
//   - credentials nested inside a result (a CLR's or a presentation's) use
//     data-inner-verdict / data-inner-check / data-inner-outcome instead, so
//     that selectors on a result find its own checks only.
//
// Privacy rules: every string from a credential goes through textContent,
// never HTML; only data: images (or a URL the caller made from the user's own
// file) are shown, because a remote badge image would tell its host who is
// looking; links are plain http(s) links that load nothing until clicked.
// Elements are made with the global document, so they can be placed in any
// document or shadow root of it.

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

export const OUTCOME_WORDS = { pass: 'Passed', fail: 'Failed', warn: 'Note', skip: 'Not checked' };

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

// h makes an element: attrs `class`, `text` (textContent), `on<event>`
// (listener), anything else an attribute (true = present, false/null/
// undefined = absent); children are nodes or strings (as text).
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

function svg(viewBox, attrs = {}) {
  const el = document.createElementNS(SVG_NS, 'svg');
  el.setAttribute('viewBox', viewBox);
  el.setAttribute('aria-hidden', 'true');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function svgChild(tag, attrs) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// icon: a decorative outcome mark (pass, fail, warn, skip, error).
export function icon(kind, cls = 'icon') {
  const el = svg('0 0 24 24', { class: `${cls} ${cls}-${kind}` });
  el.append(svgChild('path', { d: ICON_PATHS[kind] || ICON_PATHS.skip }));
  return el;
}

// verdictOf: error when the input could not be read as a credential at all.
export function verdictOf(report) {
  if (report.verified) return 'verified';
  const fmt = (report.checks || []).find((c) => c.id === 'format');
  if (fmt && fmt.outcome === 'fail') return 'error';
  return 'not-verified';
}

// iconKind: the mark that goes with a verdict (a verified one with notes is
// marked as a note).
export function iconKind(report, verdict) {
  if (verdict === 'verified') return (report.checks || []).some((c) => c.outcome === 'warn') ? 'warn' : 'pass';
  return verdict === 'error' ? 'error' : 'fail';
}

// authentic: the issuer's signature holds and the key is the issuer's, so
// the content is what the issuer wrote, even if another check failed.
export function authentic(report) {
  const checks = report.checks || [];
  const outcome = (id) => checks.find((c) => c.id === id)?.outcome;
  return ['pass', 'warn'].includes(outcome('proof')) && outcome('issuer') !== 'fail';
}

const OB2_KINDS = new Set(['Assertion', 'Endorsement', 'BadgeClass', 'Issuer', 'Profile']);

// generationNote: for an Open Badges 2.0 badge, which generation it is and
// what its verification rests on (a hosted badge is only as good as the
// issuer's server that still serves it).
export function generationNote(report) {
  if (!OB2_KINDS.has(report.kind)) return '';
  const fmt = (report.checks || []).find((c) => c.id === 'format');
  const encoding = report.format === 'ob2-hosted' || report.format === 'ob2-signed'
    ? report.format : (/ob2-(hosted|signed)/.exec(fmt?.detail || '') || [])[0];
  if (report.kind !== 'Assertion' && report.kind !== 'Endorsement') return 'Open Badges 2.0';
  if (encoding === 'ob2-signed') return 'Open Badges 2.0, signed by the issuer';
  let host = '';
  try { host = new URL(report.summary?.id).host; } catch { /* no address */ }
  return `Open Badges 2.0, hosted: genuine as long as the issuer's server${host ? ` (${host})` : ''} still serves it`;
}

// titleOf: what a card is called.
export function titleOf(report, fallback = 'Credential') {
  const s = report.summary || {};
  return s.name || s.achievement?.name || report.source || fallback;
}

// verdictText: the verdict in words, and why, in one sentence or two.
export function verdictText(report, verdict, { offline = true, errorMessage } = {}) {
  const checks = report.checks || [];
  if (verdict === 'verified') {
    let why = 'The signature is valid and no check failed.';
    const skips = checks.filter((c) => c.outcome === 'skip');
    if (skips.length) {
      why += ` Not checked${offline ? ' offline' : ''}: ${skips.map((c) => (CHECK_NAMES[c.id] || c.id).toLowerCase()).join(', ')}.`;
    }
    return { label: checks.some((c) => c.outcome === 'warn') ? 'Verified, with notes' : 'Verified', why };
  }
  if (verdict === 'not-verified') {
    const fail = checks.find((c) => c.outcome === 'fail');
    return { label: 'Not verified', why: fail ? fail.message : 'No valid signature was found on this credential.' };
  }
  const fmt = checks.find((c) => c.id === 'format' && c.outcome === 'fail');
  return { label: 'Could not be checked', why: errorMessage || fmt?.message || 'The file could not be read.' };
}

export function verdictBanner(report, verdict, opts) {
  const { label, why } = verdictText(report, verdict, opts);
  return h('div', { class: `verdict verdict-${verdict}` },
    icon(iconKind(report, verdict), 'verdict-icon'),
    h('div', {},
      h('p', { class: 'verdict-label', text: label }),
      h('p', { class: 'verdict-why', text: why })));
}

// imageOf: the credential's own image if it is a data: URL, else ''.
export function imageOf(summary) {
  return IMAGE_DATA_URL.test(summary?.image || '') ? summary.image : '';
}

// badgeImage shows src (a data: URL, or a URL of the user's own file), else
// a placeholder, saying so when a remote image was left unloaded.
export function badgeImage(src, summary = {}) {
  const wrap = h('div', { class: 'badge-img' });
  const name = summary.achievement?.name;
  if (src) {
    wrap.append(h('img', { src, alt: name ? `Badge image: ${name}` : 'Badge image' }));
    return wrap;
  }
  wrap.classList.add('placeholder');
  wrap.append(placeholderBadge());
  if (/^https?:\/\//i.test(summary.image || '')) {
    let host = '';
    try { host = new URL(summary.image).host; } catch { /* shown without a host */ }
    wrap.append(h('p', {
      class: 'img-note',
      text: `Image hosted at ${host || 'another site'}; not loaded, to keep this check private.`,
    }));
  }
  return wrap;
}

export function placeholderBadge() {
  const el = svg('0 0 64 64');
  el.append(svgChild('circle', { cx: '32', cy: '26', r: '18' }),
    svgChild('path', { d: 'M22 40l-5 18 9-5 6 8 4-17M42 40l5 18-9-5-6 8' }));
  return el;
}

// facts: who issued it, to whom, what for, and when. compact leaves out what
// the achievement is about (the wallet and the widget show less).
export function facts(report, { compact = false } = {}) {
  const s = report.summary || {};
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
  if (a && !compact) {
    if (a.name && a.name !== s.name) row('Achievement', a.name);
    row('Kind of achievement', a.type && humanizeType(a.type));
    if (a.description && a.description !== s.description) row('About the achievement', a.description);
  }
  if (a?.criteria) row('Criteria', /^https?:\/\//i.test(a.criteria) ? link(a.criteria) : a.criteria);
  row('Valid from', s.validFrom && timeEl(s.validFrom));
  row('Valid until', s.validUntil && timeEl(s.validUntil));
  if (s.refresh && !compact) row('Refresh service', s.refresh);
  return dl;
}

function humanizeType(t) {
  return t.replace(/^ext:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

// link: only http(s) is clickable; a javascript: or data: link from a
// credential stays text.
export function link(url) {
  let u;
  try { u = new URL(url); } catch { return url; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  return h('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank', text: url });
}

function timeEl(iso) {
  return h('time', { datetime: iso, title: iso, text: formatDate(iso) });
}

// formatDate: a date alone when the time is midnight UTC (how most badges
// give their dates), else date and time in the reader's zone.
export function formatDate(iso, withTime = false) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const midnightUTC = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  if (!withTime && midnightUTC) {
    return d.toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  }
  return d.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

// checksList: each check in plain words, its technical detail folded away.
// inner: the checks of a nested credential (data-inner-* attributes).
export function checksList(checks, { inner = false } = {}) {
  const [checkAttr, outcomeAttr] = inner ? ['data-inner-check', 'data-inner-outcome'] : ['data-check', 'data-outcome'];
  const ul = h('ul', { class: 'checks' });
  for (const c of checks) {
    const name = CHECK_NAMES[c.id] || c.id;
    ul.append(h('li', { class: `check check-${c.outcome}`, [checkAttr]: c.id, [outcomeAttr]: c.outcome },
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

// nestedReports: the credentials inside a CLR or a presentation, folded.
export function nestedReports(reports) {
  const det = h('details', { class: 'nested' },
    h('summary', {}, `Credentials inside (${reports.length})`));
  const ol = h('ol', { class: 'nested-list' });
  for (const r of reports) {
    const v = verdictOf(r);
    const s = r.summary || {};
    const li = h('li', { class: `nested-item ${v}`, 'data-inner-verdict': v },
      h('p', { class: 'nested-head' },
        icon(v === 'verified' ? 'pass' : v === 'error' ? 'error' : 'fail'),
        h('span', { class: 'strong', text: titleOf(r) }),
        h('span', { class: `outcome outcome-${v === 'verified' ? 'pass' : 'fail'}`, text: v === 'verified' ? 'Verified' : 'Not verified' })),
      s.issuer?.name && h('p', { class: 'meta', text: `Issued by ${s.issuer.name}` }),
      checksList(r.checks || [], { inner: true }));
    if (r.credentials?.length) li.append(nestedReports(r.credentials));
    ol.append(li);
  }
  det.append(ol);
  return det;
}

// resultCard draws a full card: an <li class="result" data-verdict> holding
// the verdict up front, the badge and its facts, the checks and the
// credentials inside, and a foot with meta text and the caller's controls.
//   id        unique in the document (the title's id is `${id}-title`)
//   title     the card's heading (default titleOf(report))
//   image     src for the badge image ('' for the placeholder)
//   offline, errorMessage   for the verdict's wording (verdictText)
//   compact   fewer facts (see facts); foldChecks: checks in a <details>
//   meta      a line of small print; controls: nodes for the foot's row
//   attrs     more attributes of the <li> (class is added to "result <verdict>")
export function resultCard(report, verdict, {
  id, title = titleOf(report), image = '', offline = true, errorMessage, compact = false, foldChecks = false,
  meta = '', controls = [], attrs = {},
} = {}) {
  const s = report.summary || {};
  const { class: cls, ...rest } = attrs;
  const li = h('li', { ...rest, class: `result ${cls ? `${cls} ` : ''}${verdict}`, 'data-verdict': verdict });
  const article = h('article', { 'aria-labelledby': `${id}-title` });
  li.append(article);
  article.append(verdictBanner(report, verdict, { offline, errorMessage }));

  const fx = h('div', { class: 'facts' });
  if (verdict !== 'verified' && report.kind !== 'unknown' && !authentic(report)) {
    // A credential whose signature did not hold still has readable content;
    // say plainly that none of it is confirmed (the tampered sample names a
    // forged recipient). An expired but authentic one needs no such note.
    fx.append(h('p', { class: 'unconfirmed', text: 'What this file claims. None of it is confirmed.' }));
  }
  fx.append(h('h3', { id: `${id}-title`, class: 'title', text: title }));
  const generation = generationNote(report);
  if (generation) fx.append(h('p', { class: 'generation', 'data-generation': 'ob2', text: generation }));
  if (s.description) fx.append(h('p', { class: 'desc', text: s.description }));
  fx.append(facts(report, { compact }));
  article.append(h('div', { class: 'card-body' }, badgeImage(image, s), fx));

  const checks = report.checks || [];
  if (checks.length && foldChecks) {
    article.append(h('details', { class: 'nested checks-fold' },
      h('summary', {}, `What was checked (${checks.length})`), checksList(checks)));
  } else if (checks.length) {
    article.append(h('h4', { class: 'checks-title', text: 'What was checked' }), checksList(checks));
  }
  if (report.credentials?.length) article.append(nestedReports(report.credentials));

  article.append(h('div', { class: 'card-foot' },
    h('p', { class: 'meta', text: meta }),
    h('div', { class: 'row actions' }, ...controls)));
  return li;
}

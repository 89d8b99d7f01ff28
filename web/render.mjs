// @ts-check
// Drawing a verification Report: the one module that turns a Report into
// DOM, used by the verifier page (app.mjs), the wallet extension (copied there
// by `make extension`) and the embeddable widget (widget.mjs). Each of them
// lays out its own page; the pieces of a credential card are drawn here only,
// so the three say the same thing in the same words.
//
// Test contract (other tests rely on it; keep it stable):
//   - a result carries data-verdict = verified | incomplete | not-verified |
//     error: the Report's own verdict, never derived here;
//   - an incomplete result lists what is missing as elements with
//     data-missing = the check id and data-remedy = online | document | none;
//   - the identity line is an element with data-identity = the outcome of
//     the identity check (pass | warn | skip);
//   - each of its checks is an element with data-check = the check id and
//     data-outcome = pass | fail | warn | skip;
//   - credentials nested inside a result (a CLR's or a presentation's) use
//     data-inner-verdict / data-inner-check / data-inner-outcome instead, so
//     that selectors on a result find its own checks only.
//
// Privacy rules: every string from a credential goes through textContent,
// never HTML, and names are bidi-isolated (<bdi>, with the explicit
// direction controls made visible) so that a right-to-left override in a
// name cannot reorder the rest of the card; only data: images (or a URL
// the caller made from the user's own file) are shown, because a remote
// badge image would tell its host who is looking; links are plain http(s) links that load nothing until clicked.
// Elements are made with the global document, so they can be placed in any
// document or shadow root of it.
//
// Words come from i18n.mjs in the language set there (setLang), checks'
// messages through their codes; dates are formatted with Intl.
import { t, message, formatDate, list, lang, number, relative } from './i18n.mjs';
import { isPresentation, titleOf as commonTitleOf } from './common.mjs';

export { formatDate };

// The Report drawn here: the verifier's (VerifierReport, the types of
// core/report in extension/protocol.js), or one that stands for an input the
// verifier never saw (errorReport: error says why; its summary is empty),
// or the wallet's for a verification it stopped (timeoutSeconds).
/**
 * @typedef {Omit<VerifierReport, 'summary'> & {summary: Partial<Summary>, error?: string, timeoutSeconds?: number}} ShownReport
 */

// checkTitle: a check's name, as its heading shows it (the id if unknown).
/** @type {(id: string) => string} */
export const checkTitle = (id) => (/^[a-z]+$/.test(id) && t(`check.${id}`) !== `check.${id}` ? t(`check.${id}`) : id);

// outcomeWord: pass, fail, warn, skip in words.
/** @type {(o: string) => string} */
export const outcomeWord = (o) => (['pass', 'fail', 'warn', 'skip'].includes(o) ? t(`outcome.${o}`) : o);

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

// $ finds the first element matching sel in root (the document by default).
// The page's own elements are HTML ones; a caller that needs more (an
// input's value) says which with a type cast.
/** @type {(sel: string, root?: ParentNode) => HTMLElement} */
export const $ = (sel, root = document) => root.querySelector(sel);

// announce says msg in the page's status line (#status, a live region read
// to screen readers), marked as an error when isError.
/**
 * @param {string} msg
 * @param {boolean} [isError]
 */
export function announce(msg, isError = false) {
  const s = $('#status');
  s.textContent = msg;
  s.classList.toggle('error', isError);
}

// h makes an element: attrs `class`, `text` (textContent), `on<event>`
// (listener), anything else an attribute (true = present, false/null/
// undefined = absent); children are nodes or strings (as text).
/** @typedef {Node | string | number | boolean | null | undefined} Child */
/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs] attribute values, and on<event> listeners of whichever event they name
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
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
  incomplete: 'M9.2 9.3a2.9 2.9 0 1 1 4 2.7c-.8.3-1.2 1-1.2 1.8v.4M12 17v.5',
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
/**
 * @param {string} kind
 * @param {string} [cls]
 */
export function icon(kind, cls = 'icon') {
  const el = svg('0 0 24 24', { class: `${cls} ${cls}-${kind}` });
  el.append(svgChild('path', { d: ICON_PATHS[kind] || ICON_PATHS.skip }));
  return el;
}

// VERDICTS: each verdict's word and mark. The colour goes with them, never
// alone: a reader who cannot tell amber from green still reads the word and
// sees the mark.
export const VERDICTS = {
  verified: { icon: 'pass', outcome: 'pass' },
  incomplete: { icon: 'incomplete', outcome: 'warn' },
  'not-verified': { icon: 'fail', outcome: 'fail' },
  error: { icon: 'error', outcome: 'skip' },
};

// verdictLabel: a verdict in one or two words.
/** @type {(v: string) => string} */
export const verdictLabel = (v) => t(`verdict.${VERDICTS[v] ? v : 'error'}`);

// errorReport stands for an input the verifier could not take at all (too
// large, unreadable, the verifier did not start), in the Report's shape.
/**
 * @param {string} message
 * @param {string} [source]
 * @returns {ShownReport}
 */
export function errorReport(message, source) {
  return { verdict: 'error', verified: false, kind: 'unknown', summary: {}, checks: [], source, error: message };
}

// withNotes: a verified report with something a reader should know (a
// warning): the one reading of the Report's verdict that is the surfaces'
// own, made here only (the verdict itself is the Report's, see above).
/** @type {(report: ShownReport) => boolean} */
const withNotes = (report) => report.verdict === 'verified' && (report.checks || []).some((c) => c.outcome === 'warn');

// iconKind: the mark that goes with a report's verdict (a verified one with
// notes is marked as a note).
/** @param {ShownReport} report */
export function iconKind(report) {
  if (withNotes(report)) return 'warn';
  return VERDICTS[report.verdict]?.icon || 'error';
}

// authentic: the issuer's signature holds and the key is not known to be
// someone else's, so the content is what the signer wrote, even if another
// check failed.
/** @param {ShownReport} report */
export function authentic(report) {
  const checks = report.checks || [];
  const outcome = (id) => checks.find((c) => c.id === id)?.outcome;
  return ['pass', 'warn'].includes(outcome('proof')) && outcome('issuer') !== 'fail';
}

const OB2_KINDS = new Set(['Assertion', 'Endorsement', 'BadgeClass', 'Issuer', 'Profile']);
const OB2_AWARDS = new Set(['Assertion', 'Endorsement']);

// isOB2: whether a report is of an Open Badges 2.0 document (report.IsOB2Kind
// in Go).
/** @param {ShownReport} report */
export function isOB2(report) {
  return OB2_KINDS.has(report?.kind);
}

// ob2Encoding: for an Open Badges 2.0 report, 'ob2-hosted' or 'ob2-signed'
// (a baked image's format is png or svg; the format check says what was
// inside), else ''.
/** @param {ShownReport} report */
function ob2Encoding(report) {
  if (!isOB2(report)) return '';
  if (report.format === 'ob2-hosted' || report.format === 'ob2-signed') return report.format;
  const fmt = (report.checks || []).find((c) => c.id === 'format');
  return (/ob2-(hosted|signed)/.exec(fmt?.detail || '') || [])[0] || '';
}

// generationNote: for an Open Badges 2.0 badge, which generation it is and
// what its verification rests on (a hosted badge is only as good as the
// issuer's server that still serves it).
/** @param {ShownReport} report */
export function generationNote(report) {
  if (!OB2_KINDS.has(report.kind)) return '';
  if (!OB2_AWARDS.has(report.kind)) return 'Open Badges 2.0';
  if (ob2Encoding(report) === 'ob2-signed') return t('ob2.signed');
  let host = '';
  try {
    host = new URL(report.summary?.id).host;
  } catch {
    /* no address */
  }
  return host ? t('ob2.hosted-at', { host }) : t('ob2.hosted');
}

// titleOf: what a card is called, in the reader's words (common.mjs
// titleOf, the rule the wallet's service worker follows too).
/**
 * @param {ShownReport} report
 * @param {string} [fallback]
 */
export function titleOf(report, fallback = t('card.credential')) {
  return commonTitleOf(report, report.source || fallback, (n) => t('card.presentation-of', { n }));
}

const checkName = (id) => checkTitle(id).toLowerCase();

// verdictText: the verdict in words, and why, in one sentence or two.
/**
 * @param {ShownReport} report
 * @param {{offline?: boolean}} [opts]
 * @returns {{label: string, why: string}}
 */
export function verdictText(report, { offline = true } = {}) {
  const checks = report.checks || [];
  const label = verdictLabel(report.verdict);
  switch (report.verdict) {
    case 'verified': {
      let why = t(OB2_AWARDS.has(report.kind) && ob2Encoding(report) === 'ob2-hosted' ? 'why.verified-hosted' : 'why.verified');
      // (The identity line says itself whether a registry was consulted.)
      const skips = checks.filter((c) => c.outcome === 'skip' && c.id !== 'identity');
      if (skips.length) why += ` ${t(offline ? 'why.not-checked-offline' : 'why.not-checked', { checks: list(skips.map((c) => checkName(c.id))) })}`;
      return { label: withNotes(report) ? t('verdict.verified-notes') : label, why };
    }
    case 'incomplete': {
      const what = [...new Set((report.missing || []).map((m) => checkName(m.check)))];
      return { label, why: t(offline ? 'why.incomplete-offline' : 'why.incomplete', { checks: what.length ? list(what) : t('why.some-checks') }) };
    }
    case 'not-verified': {
      const fail = checks.find((c) => c.outcome === 'fail');
      if (!fail && OB2_KINDS.has(report.kind) && !OB2_AWARDS.has(report.kind)) {
        return { label, why: t('why.ob2-nothing', { kind: report.kind }) };
      }
      return { label, why: fail ? visible(message(fail).text) : t('why.no-signature') };
    }
    default: {
      const fmt = checks.find((c) => c.id === 'format' && c.outcome === 'fail');
      // A verification the wallet stopped (timeoutSeconds) is said in the
      // reader's language; other errors come said already.
      const stopped = report.timeoutSeconds && t('card.timed-out', { seconds: number(report.timeoutSeconds) });
      return { label, why: visible(stopped || report.error || (fmt && message(fmt).text) || t('why.unreadable')) };
    }
  }
}

/**
 * @param {ShownReport} report
 * @param {{offline?: boolean}} [opts]
 */
export function verdictBanner(report, opts) {
  const { label, why } = verdictText(report, opts);
  return h(
    'div',
    { class: `verdict verdict-${report.verdict}` },
    icon(iconKind(report), 'verdict-icon'),
    h('div', {}, h('p', { class: 'verdict-label', text: label }), h('p', { class: 'verdict-why', text: why })),
  );
}

// imageOf: the credential's own image if it is a data: URL, else ''.
/** @param {Partial<Summary>} [summary] */
export function imageOf(summary) {
  return IMAGE_DATA_URL.test(summary?.image || '') ? summary.image : '';
}

// badgeImage shows src (a data: URL, or a URL of the user's own file), else
// a placeholder, saying so when a remote image was left unloaded.
/**
 * @param {string} src
 * @param {Partial<Summary>} [summary]
 */
export function badgeImage(src, summary = {}) {
  const wrap = h('div', { class: 'badge-img' });
  const name = summary.achievement?.name;
  if (src) {
    // loading=lazy: the image is loaded once the card is laid out, in a task
    // of its own, rather than in the microtask after the card is made: an
    // SVG badge is a document of its own, parsed and laid out (its text, its
    // fonts) there, which held the card's first paint 0.07-0.4 s in a fresh
    // browser (docs/performance.md).
    wrap.append(h('img', { src, loading: 'lazy', alt: name ? t('card.badge-image-of', { name }) : t('card.badge-image') }));
    return wrap;
  }
  wrap.classList.add('placeholder');
  wrap.append(placeholderBadge());
  if (/^https?:\/\//i.test(summary.image || '')) {
    let host = '';
    try {
      host = new URL(summary.image).host;
    } catch {
      /* shown without a host */
    }
    wrap.append(
      h('p', {
        class: 'img-note',
        text: t('card.image-not-loaded', { host: host || t('card.another-site') }),
      }),
    );
  }
  return wrap;
}

export function placeholderBadge() {
  const el = svg('0 0 64 64');
  el.append(svgChild('circle', { cx: '32', cy: '26', r: '18' }), svgChild('path', { d: 'M22 40l-5 18 9-5 6 8 4-17M42 40l5 18-9-5-6 8' }));
  return el;
}

// BIDI_CONTROLS: the explicit embedding, override and isolate controls
// (Unicode Bidirectional Algorithm, UAX #9 §2.1-2.2). Inside a name they can
// only disguise it ("‮lanoitaN" shows reversed), so a name shows them as
// visible marks instead of obeying them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

// visible: text with its direction controls shown as marks. The core's
// messages quote credential text (a name, a URL), so they go through it too.
/** @param {unknown} text */
export function visible(text) {
  return String(text ?? '').replace(BIDI_CONTROLS, (c) => `[U+${c.codePointAt(0).toString(16).toUpperCase()}]`);
}

// nameEl: a name from a credential, as text, in its own bidi isolate (<bdi>,
// UAX #9 isolates; the stylesheets also set unicode-bidi: isolate on it), so
// it cannot reorder the text around it, with its direction controls shown.
/**
 * @param {string} value
 * @param {string} [cls]
 */
export function nameEl(value, cls) {
  return h('bdi', { class: cls, text: visible(value) });
}

// hostOf: the host (with port) of a URL, or ''.
/** @param {string} [url] */
export function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

// identityLine: who vouches for the issuer's name, from the identity check
// (pass: a registry lists the issuer; warn: the name is the credential's own
// claim; skip: no registry was available), or null without that check.
/** @param {ShownReport} report */
export function identityLine(report) {
  const c = (report.checks || []).find((x) => x.id === 'identity');
  if (!c) return null;
  const iss = report.summary?.issuer || {};
  const reg = iss.registry;
  const p = h('p', { class: `identity identity-${c.outcome}`, 'data-identity': c.outcome }, icon(c.outcome));
  const line = h('span', { class: 'identity-text' });
  p.append(line);
  if (c.outcome === 'pass' && reg) {
    line.append(
      ...words('identity.listed-by', {
        name: nameEl(reg.name || iss.name || iss.id, 'strong'),
        registry: nameEl(reg.registry, 'strong'),
      }),
    );
    if (reg.location) line.append(' (', nameEl(reg.location), ')');
    line.append('.');
    return p;
  }
  const claimed = iss.name || iss.id;
  if (claimed) line.append(...words('identity.own-claim', { name: nameEl(claimed, 'strong') }), ' ');
  line.append(t(c.outcome === 'skip' ? 'identity.no-registry-checked' : 'identity.unlisted'));
  if (iss.domain) line.append(' ', ...words('identity.key-published-by', { domain: nameEl(iss.domain, 'strong') }));
  return p;
}

// words: a UI string whose parameters are nodes (names in their <bdi>), as
// a list of strings and nodes in the order the language puts them.
/**
 * @param {string} key
 * @param {Record<string, Node>} nodes
 * @returns {(string | Node)[]}
 */
function words(key, nodes) {
  const marks = Object.keys(nodes);
  const out = [];
  const text = t(key, Object.fromEntries(marks.map((k) => [k, `\u0000${k}\u0000`])));
  for (const [i, part] of text.split('\u0000').entries()) {
    if (i % 2 === 1 && part in nodes) out.push(nodes[part]);
    else if (part) out.push(part);
  }
  return out;
}

// facts: who issued it, to whom, what for, and when. compact leaves out what
// the achievement is about (the wallet and the widget show less). A
// presentation shows its holder only: the rest of a presentation document
// is whatever its maker wrote, signed or not.
/**
 * @param {ShownReport} report
 * @param {{compact?: boolean}} [opts]
 */
export function facts(report, { compact = false } = {}) {
  const s = report.summary || {};
  const dl = h('dl', { class: 'facts-list' });
  const row = (term, ...value) => {
    if (value.every((v) => v === undefined || v === null || v === '')) return;
    dl.append(h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', {}, ...value)));
  };
  if (isPresentation(report)) {
    row(t('fact.presented-by'), s.holder && nameEl(s.holder, 'id'));
    return dl;
  }
  const issuer = s.issuer || {};
  row(
    t('fact.issued-by'),
    issuer.name && nameEl(issuer.name, 'strong'),
    issuer.url && [' ', link(issuer.url)],
    issuer.id && nameEl(issuer.id, 'id'),
    identityLine(report),
  );
  row(t('fact.issued-to'), s.subjectName && nameEl(s.subjectName, 'strong'), s.subject && nameEl(s.subject, s.subjectName ? 'id' : ''));
  const a = s.achievement;
  if (a && !compact) {
    if (a.name && a.name !== s.name) row(t('fact.achievement'), nameEl(a.name));
    row(t('fact.kind'), a.type && humanizeType(a.type));
    if (a.description && a.description !== s.description) row(t('fact.about'), a.description);
  }
  if (a?.criteria) row(t('fact.criteria'), /^https?:\/\//i.test(a.criteria) ? link(a.criteria) : a.criteria);
  row(t('fact.valid-from'), s.validFrom && timeEl(s.validFrom));
  row(t('fact.valid-until'), s.validUntil && timeEl(s.validUntil));
  if (s.refresh && !compact) row(t('fact.refresh'), s.refresh);
  return dl;
}

function humanizeType(t) {
  return t.replace(/^ext:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

// link: only http(s) is clickable; a javascript: or data: link from a
// credential stays text.
/** @param {string} url */
export function link(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return url;
  return h('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank', text: url });
}

function timeEl(iso) {
  return h('time', { datetime: iso, title: iso, text: formatDate(iso) });
}

// msgEl: a check's message in a <p>, in the reader's language where its
// code has a translation, else in English marked lang="en".
/**
 * @param {Check | Missing} c
 * @param {string} cls
 * @param {...(string | Node)} before
 */
function msgEl(c, cls, ...before) {
  const m = message(c);
  return h('p', { class: cls, lang: m.lang === lang() ? undefined : m.lang }, ...before, visible(m.text));
}

// ago: how long before now an RFC 3339 time was, in words ("3 days ago").
/**
 * @param {string} iso
 * @param {number} [now]
 */
export function ago(iso, now = Date.now()) {
  const when = new Date(iso).getTime();
  if (Number.isNaN(when)) return iso;
  const s = Math.round((when - now) / 1000);
  /** @type {[Intl.RelativeTimeFormatUnit, number][]} */
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, n] of units) {
    if (Math.abs(s) >= n) return relative(Math.round(s / n), unit);
  }
  return t('time.just-now');
}

// checksList: each check in plain words, its technical detail folded away.
// inner: the checks of a nested credential (data-inner-* attributes).
/**
 * @param {Check[]} checks
 * @param {{inner?: boolean}} [opts]
 */
export function checksList(checks, { inner = false } = {}) {
  const [checkAttr, outcomeAttr] = inner ? ['data-inner-check', 'data-inner-outcome'] : ['data-check', 'data-outcome'];
  const ul = h('ul', { class: 'checks' });
  for (const c of checks) {
    const name = checkTitle(c.id);
    ul.append(
      h(
        'li',
        { class: `check check-${c.outcome}`, [checkAttr]: c.id, [outcomeAttr]: c.outcome },
        icon(c.outcome),
        h(
          'div',
          { class: 'check-body' },
          h(
            'p',
            { class: 'check-head' },
            h('span', { class: 'check-name', text: name }),
            h('span', { class: `outcome outcome-${c.outcome}`, text: outcomeWord(c.outcome) }),
          ),
          msgEl(c, 'check-msg'),
          c.detail &&
            h(
              'details',
              { class: 'detail' },
              h('summary', {}, t('card.technical-detail'), h('span', { class: 'visually-hidden', text: t('card.for', { name }) })),
              h('pre', { text: visible(c.detail) }),
            ),
        ),
      ),
    );
  }
  return ul;
}

// remedyText: what would complete a missing check, in general terms; a
// surface adds what it can offer (a button, a file, a link) with `remedy`.
// A check with no remedy of its own that waits on another which has one
// (the issuer, when the signature's key is online) gets no line: the other
// item says what to do.
/**
 * @param {Missing} m
 * @param {Missing[]} all
 */
function remedyText(m, all) {
  const host = hostOf(m.url);
  switch (m.remedy) {
    case 'online':
      return host ? t('missing.online-host', { host }) : t('missing.online');
    case 'document':
      return m.url ? t('missing.document-url', { url: m.url }) : t('missing.document');
    default:
      return all.some((x) => x.remedy !== 'none') ? '' : t('missing.nothing');
  }
}

// onlineActionLabel: the words of an online remedy's button, by check (a
// signature whose key is online waits on the issuer's published material).
/** @param {string} check */
export function onlineActionLabel(check) {
  if (check === 'status') return t('action.check-status-online');
  if (check === 'issuer' || check === 'proof') return t('action.check-issuer-online');
  return t('action.check-online', { check: checkName(check) });
}

// missingList: what an incomplete report could not check, each with what
// would complete it; remedy(m) returns the surface's own control for it (or
// null). Each item is data-missing = the check id, data-remedy = the remedy.
/**
 * @param {ShownReport} report
 * @param {{remedy?: (m: Missing) => Node | null, inner?: boolean}} [opts]
 */
export function missingList(report, { remedy = () => null, inner = false } = {}) {
  const missing = report.missing || [];
  if (!missing.length) return null;
  const ul = h('ul', { class: 'missing-list' });
  for (const m of missing) {
    ul.append(
      h(
        'li',
        { class: 'missing-item', [inner ? 'data-inner-missing' : 'data-missing']: m.check, 'data-remedy': m.remedy },
        icon('incomplete'),
        h(
          'div',
          { class: 'missing-body' },
          msgEl(m, 'missing-msg', h('span', { class: 'check-name', text: checkTitle(m.check) }), ': '),
          remedyText(m, missing) && h('p', { class: 'missing-remedy', text: remedyText(m, missing) }),
          remedy(m),
        ),
      ),
    );
  }
  return h('div', { class: 'missing' }, h('p', { class: 'missing-title', text: t('missing.title') }), ul);
}

// nestedReports: the credentials inside a CLR or a presentation, each with
// its own verdict; folded unless open.
/**
 * @param {ShownReport[]} reports
 * @param {{open?: boolean}} [opts]
 */
export function nestedReports(reports, { open = false } = {}) {
  const det = h('details', { class: 'nested', open }, h('summary', {}, t('card.credentials-inside', { n: reports.length })));
  const ol = h('ol', { class: 'nested-list' });
  for (const r of reports) {
    const v = VERDICTS[r.verdict] ? r.verdict : 'error';
    const s = r.summary || {};
    const li = h(
      'li',
      { class: `nested-item ${v}`, 'data-inner-verdict': v },
      h(
        'p',
        { class: 'nested-head' },
        icon(VERDICTS[v].icon),
        nameEl(titleOf(r), 'strong'),
        h('span', { class: `outcome outcome-${VERDICTS[v].outcome}`, text: verdictLabel(v) }),
      ),
      s.issuer?.name && h('p', { class: 'meta' }, ...words('card.issued-by-short', { name: nameEl(s.issuer.name) })),
      missingList(r, { inner: true }),
      checksList(r.checks || [], { inner: true }),
    );
    if (r.credentials?.length) li.append(nestedReports(r.credentials));
    ol.append(li);
  }
  det.append(ol);
  return det;
}

// resultCard draws a full card: an <li class="result" data-verdict> holding
// the verdict up front, what is missing (incomplete), the badge and its
// facts, the checks and the credentials inside, and a foot with meta text
// and the caller's controls.
//   id        unique in the document (the title's id is `${id}-title`)
//   title     the card's heading (default titleOf(report))
//   image     src for the badge image ('' for the placeholder)
//   offline   for the verdict's wording (verdictText)
//   remedy    the surface's control for a missing check (see missingList)
//   compact   fewer facts (see facts); foldChecks: checks in a <details>
//   meta      a line of small print; controls: nodes for the foot's row
//   attrs     more attributes of the <li> (class is added to "result <verdict>")
/**
 * @param {ShownReport} report
 * @param {{id?: string, title?: string, image?: string, offline?: boolean, remedy?: (m: Missing) => Node | null,
 *   compact?: boolean, foldChecks?: boolean, meta?: string, controls?: Node[], attrs?: Record<string, any>}} [opts]
 */
export function resultCard(
  report,
  { id, title = titleOf(report), image = '', offline = true, remedy, compact = false, foldChecks = false, meta = '', controls = [], attrs = {} } = {},
) {
  const verdict = report.verdict;
  const s = report.summary || {};
  const vp = isPresentation(report);
  const { class: cls, ...rest } = attrs;
  const li = h('li', { ...rest, class: `result ${cls ? `${cls} ` : ''}${verdict}`, 'data-verdict': verdict });
  const article = h('article', { 'aria-labelledby': `${id}-title` });
  li.append(article);
  article.append(verdictBanner(report, { offline }));
  const missing = missingList(report, { remedy });
  if (missing) article.append(missing);

  const fx = h('div', { class: 'facts' });
  if (verdict !== 'verified' && report.kind !== 'unknown' && !authentic(report)) {
    // A credential whose signature did not hold still has readable content;
    // say plainly that none of it is confirmed (the tampered sample names a
    // forged recipient). An expired but authentic one needs no such note.
    fx.append(h('p', { class: 'unconfirmed', text: t('card.unconfirmed') }));
  }
  fx.append(h('h3', { id: `${id}-title`, class: 'title' }, nameEl(title)));
  const generation = generationNote(report);
  if (generation) fx.append(h('p', { class: 'generation', 'data-generation': 'ob2', text: generation }));
  if (s.description && !vp) fx.append(h('p', { class: 'desc', text: s.description }));
  fx.append(facts(report, { compact }));
  article.append(h('div', { class: 'card-body' }, badgeImage(vp ? '' : image, vp ? {} : s), fx));

  const checks = report.checks || [];
  if (checks.length && foldChecks) {
    article.append(h('details', { class: 'nested checks-fold' }, h('summary', {}, t('card.what-was-checked-n', { n: checks.length })), checksList(checks)));
  } else if (checks.length) {
    article.append(h('h4', { class: 'checks-title', text: t('card.what-was-checked') }), checksList(checks));
  }
  if (report.credentials?.length) article.append(nestedReports(report.credentials, { open: vp }));

  article.append(h('div', { class: 'card-foot' }, h('p', { class: 'meta', text: visible(meta) }), h('div', { class: 'row actions' }, ...controls)));
  return li;
}

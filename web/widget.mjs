// @ts-check
// <clearbadge-verify>: the embeddable badge widget. One script tag on any
// site (a portfolio, a CV page) and one element per badge:
//
//   <script type="module" src="https://clearbadge.example/widget.mjs"></script>
//   <clearbadge-verify src="badges/accessibility.json"></clearbadge-verify>
//
// The credential comes from, in this order: the `credential` attribute (JSON
// or JWT text), a child <script type="application/json"> (or
// application/ld+json), `src`: a URL resolved against the page and fetched
// by the page (same-origin unless the page's CSP and the other host's CORS
// allow more), which may also be a baked PNG or SVG badge, or else the
// element's own text (JSON or a JWT). With src, the element's content is
// free for a fallback (a plain link to the badge) where scripts do not run.
//
// It draws a compact card in an open shadow root: badge image (data: URLs
// only: a remote image would tell its host who is looking), name, issuer,
// recipient, the verdict, and a button that shows the checks. The verifier
// (clearbadge.mjs: the wasm in a worker, shared by all widgets of the page)
// is loaded only when a widget first comes near the viewport
// (IntersectionObserver), and it verifies offline by default: nothing about
// the badge leaves the visitor's browser.
//
// Two opt-ins for badges whose issuer key (did:web) or revocation list is
// online, which offline read `incomplete`:
//   - documents="URL=FILE URL=FILE" (or a child <script type="application/json"
//     data-documents> holding {"URL": "FILE"}): the site serves those public
//     documents itself; each FILE is fetched from the page like src, and the
//     check stays offline (the CLI's --with);
//   - online: the visitor's browser fetches the public documents the badge
//     names (only the hosts its offline check said are missing, without
//     cookies or referrer), and asks the default issuer registries who the
//     issuer is (ClearBadge.defaultRegistries: the identity line, never the
//     verdict), where those hosts allow web pages to read them (CORS).
//     Needs widget.mjs served from the page's own origin, and the page's CSP
//     connect-src to allow those hosts (docs/web.md). The card then says it
//     checked online, when, and which hosts.
//
// For scripts and tests: the host element gets a `verdict` attribute and
// property (pending from the moment it is connected until the check ends,
// then the Report's verdict: verified | incomplete | not-verified | error),
// a `report` property (the Report), and fires a `verdict` event (bubbling,
// detail {verdict, report}) when done. The attribute is output only: a value
// set from outside is put back at once and changes nothing shown. Inside the
// shadow root the card carries data-verdict, and each check data-check /
// data-outcome, as on the verifier page (render.mjs). An incomplete badge
// says what could not be checked and links to the full verifier page, where
// online checks can complete it.
//
// Nothing is added to the page's global scope except the element's name in
// the custom element registry. Styles are a constructed stylesheet
// (adoptedStyleSheets), which the page's style-src does not govern.
import { load } from './clearbadge.mjs';
import { IMAGE_TYPES, MAX_INPUT_BYTES, tokenDeclarations } from './common.mjs';
import {
  h,
  icon,
  iconKind,
  verdictText,
  titleOf,
  imageOf,
  authentic,
  checksList,
  placeholderBadge,
  errorReport,
  nameEl,
  identityLine,
  missingList,
  generationNote,
} from './render.mjs';
import { t, setLang, pickLang, formatDate, list, prepareFormats } from './i18n.mjs';
// The modules' own imports, named here too so that the browser asks for
// every module at once instead of import level by import level (one round
// trip less before a widget can start the verifier).
import './wasm-name.mjs';
import './i18n/messages.mjs';

/**
 * @typedef {import('./render.mjs').ShownReport} ShownReport
 * @typedef {{hosts: string[], at: Date}} Online when and where a badge was checked online
 */

const TAG = 'clearbadge-verify';
// Start verifying a little before the widget scrolls into view.
const ROOT_MARGIN = '200px';
// The full verifier page, beside this module, where an incomplete badge can
// be checked online.
const VERIFIER_PAGE = new URL('./', import.meta.url).href;

// The colours are the page's (common.mjs TOKENS), as --cb-* custom
// properties of the host: prefixed, because the embedding page's own custom
// properties inherit into the shadow root. The two a page may set on the
// element (docs/web.md) override the accent and the card's background.
const CSS = `
:host {
  display: block; max-width: 26rem; margin: 0 0 1rem;
  color: var(--cb-text); font-size: 15px; line-height: 1.45; text-align: start;
  ${tokenDeclarations('cb-')}
  --cb-themed-accent: var(--clearbadge-accent, var(--cb-accent));
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
p { margin: 0; }
.card {
  background: var(--clearbadge-background, var(--cb-surface)); border: 1px solid var(--cb-border);
  border-radius: var(--cb-radius); box-shadow: var(--cb-shadow); overflow: hidden;
}
.main { display: flex; gap: 14px; padding: 14px 16px; align-items: center; }
.badge-img { flex: none; width: 72px; height: 72px; }
.badge-img img, .badge-img svg { display: block; width: 72px; height: 72px; border-radius: 10px; object-fit: contain; }
.badge-img.placeholder svg { padding: 12px; background: var(--cb-skip-bg); fill: none; stroke: var(--cb-placeholder); stroke-width: 3; stroke-linejoin: round; }
.text { min-width: 0; }
.name { font-weight: 700; font-size: 1.05em; line-height: 1.3; overflow-wrap: anywhere; }
.line { color: var(--cb-muted); font-size: .9em; overflow-wrap: anywhere; }
.line strong { color: var(--cb-text); font-weight: 600; }
.skeleton .name, .skeleton .line { color: var(--cb-muted); }
.unconfirmed { display: inline-block; margin-bottom: 4px; padding: 0 8px; border-radius: 6px; font-size: .78em; font-weight: 600; color: var(--cb-bad); background: var(--cb-bad-bg); }
.status {
  display: flex; gap: 10px; align-items: flex-start; padding: 10px 16px;
  border-top: 1px solid var(--cb-border); background: var(--cb-bg); color: var(--cb-muted);
}
.verified .status { background: var(--cb-ok-bg); color: var(--cb-ok); }
.incomplete .status { background: var(--cb-warn-bg); color: var(--cb-warn); }
.not-verified .status { background: var(--cb-bad-bg); color: var(--cb-bad); }
.error .status { background: var(--cb-skip-bg); color: var(--cb-muted); }
bdi { unicode-bidi: isolate; }
.identity { display: flex; gap: 6px; align-items: flex-start; margin-top: 2px; color: var(--cb-muted); font-size: .8em; }
.identity .icon { width: 16px; height: 16px; padding: 2px; }
.complete { display: inline-block; margin-top: 4px; font-size: .85em; font-weight: 600; color: var(--cb-themed-accent); }
.missing { padding: 8px 0 4px; }
.missing-title { font-weight: 700; font-size: .85em; color: var(--cb-warn); }
.missing-list { list-style: none; margin: 0; padding: 0; }
.missing-item { display: flex; gap: 10px; padding: 6px 0; font-size: .9em; }
.missing-body { min-width: 0; flex: 1; overflow-wrap: anywhere; }
.missing-remedy { color: var(--cb-muted); font-size: .9em; }
.status-text { flex: 1; min-width: 0; }
.label { font-weight: 700; }
.why { color: var(--cb-text); font-size: .85em; overflow-wrap: anywhere; }
.verdict-icon {
  flex: none; width: 24px; height: 24px; padding: 4px; border-radius: 50%;
  fill: none; stroke: var(--cb-on-colour); stroke-width: 3.2; stroke-linecap: round; stroke-linejoin: round; background: currentColor;
}
.spinner {
  flex: none; width: 20px; height: 20px; margin: 2px; border-radius: 50%;
  border: 3px solid var(--cb-border); border-top-color: var(--cb-themed-accent); animation: spin .8s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
.toggle {
  flex: none; align-self: center; min-height: 32px; padding: 0 10px; border-radius: 8px;
  font: inherit; font-size: .85em; font-weight: 600; color: var(--cb-themed-accent);
  background: var(--cb-surface); border: 1px solid currentColor; cursor: pointer;
}
.toggle:hover { background: var(--cb-accent-soft); }
:focus-visible { outline: 3px solid var(--cb-themed-accent); outline-offset: 2px; }
.toggle-mark { display: inline-block; margin-inline-start: 4px; }
.toggle[aria-expanded="true"] .toggle-mark { transform: rotate(180deg); }
.more { padding: 4px 16px 12px; border-top: 1px solid var(--cb-border); }
.more[hidden] { display: none; }
.checks { list-style: none; margin: 0; padding: 0; }
.check { display: flex; gap: 10px; padding: 8px 0; border-top: 1px solid var(--cb-border); }
.check:first-child { border-top: 0; }
.icon {
  flex: none; width: 20px; height: 20px; padding: 3px; margin-top: 1px; border-radius: 50%;
  fill: none; stroke: var(--cb-on-colour); stroke-width: 3.2; stroke-linecap: round; stroke-linejoin: round;
}
.icon-pass { background: var(--cb-ok); }
.icon-fail { background: var(--cb-bad); }
.icon-warn, .icon-incomplete { background: var(--cb-warn); }
.icon-skip, .icon-error { background: var(--cb-skip-mark); }
.check-body { min-width: 0; flex: 1; font-size: .9em; }
.check-head { display: flex; flex-wrap: wrap; gap: 2px 8px; align-items: baseline; }
.check-name { font-weight: 600; }
.outcome { font-size: .8em; font-weight: 600; padding: 0 7px; border-radius: 999px; }
.outcome-pass { color: var(--cb-ok); background: var(--cb-ok-bg); }
.outcome-fail { color: var(--cb-bad); background: var(--cb-bad-bg); }
.outcome-warn { color: var(--cb-warn); background: var(--cb-warn-bg); }
.outcome-skip { color: var(--cb-muted); background: var(--cb-skip-bg); }
.check-msg { color: var(--cb-text); overflow-wrap: anywhere; }
.detail summary { cursor: pointer; color: var(--cb-themed-accent); font-size: .9em; width: max-content; }
.detail pre {
  margin: 4px 0 0; padding: 8px 10px; background: var(--cb-bg); border: 1px solid var(--cb-border); border-radius: 8px;
  font: .78rem/1.4 ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere;
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.foot { margin-top: 6px; color: var(--cb-muted); font-size: .78em; }
/* Last, so that they override the rules above of the same specificity. */
@media (prefers-reduced-motion: reduce) {
  .spinner { animation: none; border-top-color: var(--cb-border-strong); }
  .toggle-mark { transition: none; }
}
@media (forced-colors: active) {
  .icon, .verdict-icon { background: Canvas !important; stroke: CanvasText; border: 1px solid CanvasText; forced-color-adjust: none; }
  .status, .outcome, .unconfirmed { border: 1px solid CanvasText; }
  :focus-visible { outline-color: Highlight; }
}
`;

let sheet; // one constructed stylesheet, shared by every widget of the page
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

// missingHosts: the https hosts whose public documents an offline report
// says would complete it (the only hosts an online widget contacts).
/** @param {ShownReport} report */
function missingHosts(report) {
  const hosts = new Set();
  for (const m of report.missing || []) {
    if (m.remedy !== 'online' && m.remedy !== 'document') continue;
    try {
      const u = new URL(m.url);
      if (u.protocol === 'https:') hosts.add(u.host);
    } catch {
      /* no URL: nothing to fetch */
    }
  }
  return [...hosts];
}

// registriesToAsk: the registries an online widget asks who the issuer is:
// the defaults, for a report whose identity line no registry confirmed.
/**
 * @param {ShownReport} report
 * @param {{name: string, url: string}[]} defaults
 */
function registriesToAsk(report, defaults) {
  const identity = (report.checks || []).find((c) => c.id === 'identity');
  return report.verdict !== 'error' && identity && identity.outcome !== 'pass' ? defaults : [];
}

class ClearBadgeVerify extends HTMLElement {
  static observedAttributes = ['src', 'credential', 'verdict', 'online', 'documents', 'lang'];

  #root;
  #card;
  #status;
  #observer = null;
  #started = false;
  #run = 0; // the newest verification; an older one that ends later is dropped
  /** @type {string | null} what the verdict attribute must say (null before connecting) */
  #verdict = null;
  /** @type {ShownReport | null} */
  #report = null;
  #image = '';
  /** @type {Online | null} */
  #online = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    // The status line exists from the start, so screen readers announce the
    // verdict when it replaces "Checking…" (a live region must be present
    // before its content changes).
    this.#status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.#card = h('div', { class: 'card', role: 'group', 'aria-labelledby': 'name', 'aria-busy': 'true' });
    this.#root.append(this.#card);
    this.#drawPending();
  }

  get verdict() {
    return this.#verdict;
  }
  get report() {
    return this.#report;
  }

  connectedCallback() {
    if (this.#started || this.#observer) return;
    this.#setVerdict('pending');
    if (typeof IntersectionObserver !== 'function') {
      this.#start();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer.disconnect();
        this.#observer = null;
        this.#start();
      },
      { rootMargin: ROOT_MARGIN },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  attributeChangedCallback(name, old, value) {
    if (name === 'verdict') {
      // Output only: put back what the check said (or nothing yet).
      if (value !== this.#verdict) this.#setVerdict(this.#verdict);
      return;
    }
    if (name === 'lang') {
      if (old !== value && this.#report) this.#draw(this.#report, this.#image, this.#online);
      else if (old !== value) this.#drawPending();
      return;
    }
    if (old !== value && this.#started) this.#start();
  }

  // #useLang sets the language to draw in: the element's lang attribute,
  // else the nearest lang around it (the embedding page's), if ClearBadge
  // speaks it, else English; the card says which, for screen readers.
  #useLang() {
    const l = setLang(pickLang(this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en'));
    this.#card.setAttribute('lang', l);
    return l;
  }

  #setVerdict(v) {
    this.#verdict = v;
    if (v === null) this.removeAttribute('verdict');
    else if (this.getAttribute('verdict') !== v) this.setAttribute('verdict', v);
  }

  async #start() {
    this.#started = true;
    const run = ++this.#run;
    this.#report = null;
    this.#setVerdict('pending');
    this.#drawPending();
    /** @type {ShownReport} */
    let report;
    let image = '';
    /** @type {Online | null} set when the badge was checked online */
    let online = null;
    // The verifier starts now, while the badge and its documents are read.
    const verifier = load();
    verifier.catch(() => {}); // a failed start is reported below, once awaited
    try {
      const item = await this.#input();
      const documents = await this.#documents();
      // While the verifier starts, the date formats the card needs.
      (self.requestIdleCallback ?? setTimeout)(prepareFormats);
      const cb = await verifier;
      // Offline unless the page opted in (the online attribute).
      report = await cb.verify(item.input, { offline: true, source: item.source, documents });
      // Online also asks the default registries who the issuer is (the
      // identity line, never the verdict), unless offline already knew.
      const ask = registriesToAsk(report, cb.defaultRegistries);
      const hosts = [...new Set([...missingHosts(report), ...ask.map((r) => new URL(r.url).host)])];
      if (this.hasAttribute('online') && hosts.length) {
        try {
          const registries = ask.length ? ask : undefined;
          report = await cb.verify(item.input, { offline: false, hosts, source: item.source, documents, registries });
          online = { hosts, at: new Date() };
        } catch {
          // Online checks are unavailable here (widget.mjs from another
          // origin): the offline report stands.
        }
      }
      image = imageOf(report.summary) || item.image || '';
    } catch (err) {
      report = errorReport(err.message || String(err));
    }
    if (run !== this.#run) return;
    const { verdict } = report;
    this.#image = image;
    this.#online = online;
    this.#draw(report, image, online);
    this.#report = report;
    this.#setVerdict(verdict);
    this.dispatchEvent(new CustomEvent('verdict', { bubbles: true, composed: true, detail: { verdict, report } }));
  }

  // #input finds the credential: {input, source, image}.
  async #input() {
    const attr = this.getAttribute('credential');
    if (attr?.trim()) return { input: attr.trim(), source: t('widget.inline') };
    // A data-documents script lists the site's documents: never the credential.
    const script = this.querySelector(':scope > script:is([type="application/json"], [type="application/ld+json"]):not([data-documents])');
    if (script) return { input: script.textContent, source: t('widget.inline') };
    const src = this.getAttribute('src');
    if (!src) {
      const text = [...this.childNodes]
        .filter((n) => !(n instanceof Element && n.matches('script[data-documents]')))
        .map((n) => n.textContent)
        .join('')
        .trim();
      if (text) return { input: text, source: t('widget.inline') };
      throw new Error(t('widget.no-credential'));
    }
    const url = new URL(src, document.baseURI);
    const source = decodeURIComponent(url.pathname.split('/').pop() || url.host);
    let resp;
    try {
      resp = await fetch(url, { credentials: 'same-origin' });
    } catch {
      throw new Error(t('widget.unreachable', { source }));
    }
    if (!resp.ok) throw new Error(t('widget.http', { source, status: resp.status }));
    if (Number(resp.headers.get('Content-Length')) > MAX_INPUT_BYTES) throw new Error(t('widget.too-large', { source }));
    const bytes = new Uint8Array(await resp.arrayBuffer());
    if (bytes.length > MAX_INPUT_BYTES) throw new Error(t('widget.too-large', { source }));
    return { input: bytes, source, image: await imageURL(bytes, resp.headers.get('Content-Type'), url) };
  }

  // #documents: the public documents the site serves beside the badge,
  // {url: bytes}, from the documents attribute ("URL=FILE ...", split at
  // each pair's last "=") and a child <script type="application/json"
  // data-documents> ({"URL": "FILE"}). Each FILE is fetched like src.
  async #documents() {
    const pairs = [];
    for (const p of (this.getAttribute('documents') || '').trim().split(/\s+/).filter(Boolean)) {
      const i = p.lastIndexOf('=');
      if (i <= 0) throw new Error(`documents: "${p}" is not URL=FILE.`);
      pairs.push([p.slice(0, i), p.slice(i + 1)]);
    }
    const script = this.querySelector(':scope > script[type="application/json"][data-documents]');
    if (script) {
      let map;
      try {
        map = JSON.parse(script.textContent);
      } catch {
        throw new Error('documents: the data-documents script is not JSON.');
      }
      for (const [u, f] of Object.entries(map || {})) pairs.push([u, String(f)]);
    }
    if (!pairs.length) return undefined;
    const out = {};
    for (const [u, f] of pairs) {
      const url = new URL(f, document.baseURI);
      let resp;
      try {
        resp = await fetch(url, { credentials: 'same-origin' });
      } catch {
        resp = null;
      }
      if (!resp?.ok) throw new Error(`The document for ${u} (${f}) could not be fetched.`);
      const bytes = new Uint8Array(await resp.arrayBuffer());
      if (bytes.length > MAX_INPUT_BYTES) throw new Error(`The document for ${u} is too large.`);
      out[u] = bytes;
    }
    return out;
  }

  #drawPending() {
    this.#useLang();
    this.#card.className = 'card skeleton';
    this.#card.removeAttribute('data-verdict');
    this.#card.setAttribute('aria-busy', 'true');
    this.#status.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('p', { class: 'status-text', text: t('widget.checking') }));
    this.#card.replaceChildren(
      h(
        'div',
        { class: 'main' },
        h('div', { class: 'badge-img placeholder' }, placeholderBadge()),
        h(
          'div',
          { class: 'text' },
          h('p', { class: 'name', id: 'name', text: t('widget.digital-badge') }),
          h('p', { class: 'line', text: t('widget.checked-by') }),
        ),
      ),
      this.#status,
    );
  }

  /**
   * @param {ShownReport} report
   * @param {string} image
   * @param {Online | null} online
   */
  #draw(report, image, online) {
    this.#useLang();
    const { verdict } = report;
    const s = report.summary || {};
    const title = report.error ? t('widget.badge') : titleOf(report, t('widget.badge'));
    const line = (key, value) =>
      h(
        'p',
        { class: 'line' },
        ...t(key, { name: '\u0000' })
          .split('\u0000')
          .flatMap((part, i) => (i ? [nameEl(value, 'strong'), part] : [part])),
      );
    const main = h(
      'div',
      { class: 'main' },
      h('div', { class: `badge-img${image ? '' : ' placeholder'}` }, image ? h('img', { src: image, alt: '', loading: 'lazy' }) : placeholderBadge()),
      h(
        'div',
        { class: 'text' },
        // As on the verifier page: what a badge without a valid signature
        // says (a name, a recipient) is only a claim.
        verdict === 'not-verified' && !authentic(report) ? h('p', { class: 'unconfirmed', text: t('widget.unconfirmed') }) : null,
        h('p', { class: 'name', id: 'name' }, nameEl(title)),
        generationNote(report) ? h('p', { class: 'line generation', 'data-generation': 'ob2', text: generationNote(report) }) : null,
        s.issuer?.name || s.issuer?.id ? line('widget.issued-by', s.issuer.name || s.issuer.id) : null,
        identityLine(report),
        s.subjectName || s.subject ? line('widget.issued-to', s.subjectName || s.subject) : null,
        s.holder ? line('widget.presented-by', s.holder) : null,
      ),
    );

    const { label, why } = verdictText(report, { offline: !online });
    const checks = report.checks || [];
    const more = h(
      'div',
      { class: 'more', id: 'more', hidden: true },
      missingList(report),
      checksList(checks),
      h('p', {
        class: 'foot',
        'data-online': online ? online.hosts.join(' ') : undefined,
        text: online ? t('widget.foot-online', { date: formatDate(online.at.toISOString(), true), hosts: list(online.hosts) }) : t('widget.foot'),
      }),
    );
    const toggle = checks.length
      ? h(
          'button',
          { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'more' },
          h('span', { class: 'toggle-text', text: t('widget.checks') }),
          h('span', { class: 'visually-hidden', text: t('widget.checks-for', { n: checks.length, title }) }),
          h('span', { class: 'toggle-mark', 'aria-hidden': 'true', text: '▾' }),
        )
      : null;
    toggle?.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      more.hidden = !open;
    });
    this.#status.replaceChildren(
      icon(iconKind(report), 'verdict-icon'),
      h(
        'div',
        { class: 'status-text' },
        h('p', { class: 'label', text: label }),
        h('p', { class: 'why', text: why }),
        // The verifier page can complete what this widget did not.
        verdict === 'incomplete'
          ? h('a', { class: 'complete', href: VERIFIER_PAGE, target: '_blank', rel: 'noopener noreferrer' }, t('widget.complete'))
          : null,
      ),
      toggle,
    );

    this.#card.className = `card ${verdict}`;
    this.#card.setAttribute('data-verdict', verdict);
    this.#card.setAttribute('aria-busy', 'false');
    this.#card.replaceChildren(...[main, this.#status, toggle && more].filter(Boolean));
  }
}

// imageURL: a baked badge's own picture as a data: URL (PNG by its magic
// bytes, SVG by its type), or ''.
/**
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @param {string | null} contentType
 * @param {URL} url
 * @returns {string | Promise<string>}
 */
function imageURL(bytes, contentType, url) {
  const png = bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const svgType = /^image\/svg\+xml\b/i.test(contentType || '') || /\.svg$/i.test(url.pathname);
  if (!png && !svgType) return '';
  const blob = new Blob([bytes], { type: png ? IMAGE_TYPES.png : IMAGE_TYPES.svg });
  return new Promise((resolve) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => resolve('');
    r.readAsDataURL(blob);
  });
}

if (!customElements.get(TAG)) customElements.define(TAG, ClearBadgeVerify);

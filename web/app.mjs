// @ts-check
// The ClearBadge verifier page. Everything here is presentation: reading the
// user's files, handing them to the verifier (clearbadge.mjs, which runs the
// wasm in a worker) and drawing the Report it returns.
//
// Test contract (other tests rely on it; keep it stable): input[type=file]
// accepts the files, and each result is a `#results > [data-verdict]` card
// drawn by render.mjs (data-verdict, data-missing / data-remedy,
// data-identity, data-check / data-outcome, and data-inner-* for nested
// credentials; the privacy rules of rendering are there too).
//
// An incomplete card offers what would complete it, for that card only: an
// online check that may contact just the host the card names (the item
// remembers the hosts so allowed: item.hosts), or the document it needs,
// added as a file (item.documents, URL -> bytes, as the CLI's --with).
import { load } from './clearbadge.mjs';
import { MAX_INPUT_BYTES, isImageFile } from './common.mjs';
import { $, announce, h, titleOf, imageOf, resultCard, formatDate, errorReport, onlineActionLabel, hostOf, verdictLabel } from './render.mjs';
import { t, setLang, pickLang, lang, list, number, prepareFormats } from './i18n.mjs';

// field: one of the page's <input>s (index.html), by selector.
/** @type {(sel: string) => HTMLInputElement} */
const field = (sel) => /** @type {HTMLInputElement} */ ($(sel));
// The language switch.
/** @type {() => HTMLSelectElement} */
const langSwitch = () => /** @type {HTMLSelectElement} */ ($('#lang'));

let resultCount = 0;
let fileCount = 0;
const itemOf = new WeakMap(); // result element -> the input it shows, for "Check again" and clean-up

// ---- language ----

// The reader's language: ?lang= (a link can set it), else the first of
// navigator.languages ClearBadge speaks; the switch in the header changes it
// and draws everything again in it.
function applyLang(l) {
  setLang(l);
  document.documentElement.lang = lang();
  langSwitch().value = lang();
  document.title = t('page.title');
  for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) rich(el, t(el.dataset.i18n));
  updateModeUI();
  drawRegistries();
  for (const li of [...$('#results').children]) {
    const item = itemOf.get(li);
    if (item?.report) li.replaceWith(renderResult(item.report, item, item.opts));
  }
}

// rich sets el's text, *words* in bold.
function rich(el, text) {
  el.replaceChildren(...text.split('*').map((part, i) => (i % 2 ? h('strong', { text: part }) : part)));
}

// ---- start-up ----

const ready = load().then(
  (cb) => {
    $('#version').textContent = cb.version.replace(/^clearbadge ?/, '');
    defaultRegistries = cb.defaultRegistries;
    drawRegistries();
    document.documentElement.dataset.ready = 'true';
    return cb;
  },
  (err) => {
    announce(t('app.not-start', { error: err.message }), true);
    document.documentElement.dataset.ready = 'error';
    throw err;
  },
);

// ---- options ----

function currentOptions() {
  const o = {
    offline: !field('#online').checked,
    allowPrivateNetwork: field('#private-network').checked,
    strict: field('#strict').checked,
  };
  const at = field('#at').value;
  if (at) {
    const d = new Date(at);
    if (!Number.isNaN(d.getTime())) o.at = d;
  }
  for (const k of ['challenge', 'domain']) {
    const v = field(`#${k}`).value.trim();
    if (v) o[k] = v;
  }
  return o;
}

function updateModeUI() {
  const online = field('#online').checked;
  $('#online-state').textContent = t(online ? 'page.on' : 'page.off');
  $('#online-more').hidden = !online;
  $('#online-explain').hidden = online;
  $('#mode-pill').classList.toggle('online', online);
  $('#mode-pill-text').textContent = t(online ? 'page.pill-online' : 'page.pill-offline');
}

// ---- verifying ----

// optionsFor: the page's options for one item, with what its card has been
// given: the documents added as files, and the hosts an online remedy may
// contact (offline otherwise, so only those hosts are contacted).
function optionsFor(item) {
  const o = currentOptions();
  if (item.documents) o.documents = item.documents;
  if (item.hosts?.length && o.offline) {
    o.offline = false;
    o.hosts = item.hosts;
  }
  const regs = registriesFor(o);
  if (regs.length) o.registries = regs;
  return o;
}

// ---- issuer registries ----
//
// Who vouches for an issuer's name (the identity line; never the verdict,
// docs/report.md). The reader's own, added in the options for this visit
// only (the page stores nothing): [{name, url} | {name, data}]. A file is
// read here; an address is fetched like any public document, so only online.
// With none added, online mode asks the default registries, as the CLI does;
// a card's one-host online remedy does not (their hosts are not the one it
// names).
const registries = [];
let defaultRegistries = [];

function registriesFor(o) {
  if (registries.length) return registries;
  return o.offline || o.hosts ? [] : defaultRegistries;
}

function drawRegistries() {
  const items = registries.length
    ? registries.map((r, i) =>
        h(
          'li',
          { 'data-registry': r.name },
          h('span', { text: r.name }),
          h(
            'button',
            {
              type: 'button',
              class: 'button small quiet',
              'aria-label': t('registry.remove-aria', { name: r.name }),
              onclick: () => {
                registries.splice(i, 1);
                drawRegistries();
                announce(t('page.registry-removed', { name: r.name }));
                checkAllAgain();
              },
            },
            t('registry.remove'),
          ),
        ),
      )
    : defaultRegistries.map((r) => h('li', { 'data-registry-default': r.url, class: 'hint', text: t('page.registry-default', { name: r.name }) }));
  $('#registries').replaceChildren(...items);
}

function addRegistry(r) {
  registries.push(r);
  drawRegistries();
  announce(t('page.registry-added', { name: r.name }));
  checkAllAgain();
}

// checkAllAgain verifies every card again (the registries changed).
function checkAllAgain() {
  for (const li of [...$('#results').children]) {
    const item = itemOf.get(li);
    if (item?.input !== undefined) recheck(li, item);
  }
}

$('#registry-file').addEventListener('change', async () => {
  const input = field('#registry-file');
  const f = input.files[0];
  input.value = '';
  if (!f) return;
  if (f.size > MAX_INPUT_BYTES) {
    announce(t('app.file-too-large', { name: f.name }), true);
    return;
  }
  addRegistry({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
});

$('#registry-add').addEventListener('click', () => {
  const url = field('#registry-url').value.trim();
  if (hostOf(url) === '' || !url.startsWith('https://')) {
    announce(t('page.registry-https'), true);
    $('#registry-url').focus();
    return;
  }
  field('#registry-url').value = '';
  addRegistry({ name: url, url });
});

function pendingSlot(item) {
  return h(
    'li',
    { class: 'result pending', 'aria-busy': 'true' },
    h(
      'div',
      { class: 'pending-row' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      t('app.checking', { source: item.source || t('app.credential') }),
    ),
  );
}

// verifyItems verifies a batch ({input, source, imageFile}) and shows one
// result per item, in order, above earlier results.
async function verifyItems(items, { scroll = true } = {}) {
  if (items.length === 0) return;
  $('#results-section').hidden = false;
  const slots = items.map(pendingSlot);
  $('#results').prepend(...slots);
  // Bring the answer into view (again once the first card has its full
  // height: before that the page may be too short to scroll that far). The
  // status line tells screen readers.
  const reveal = () => scroll && $('#results-section').scrollIntoView({ block: 'start' });
  reveal();
  announce(items.length === 1 ? t('app.checking', { source: items[0].source || t('app.the-credential') }) : t('app.checking-n', { n: number(items.length) }));
  const outcomes = await Promise.all(
    items.map(async (it, i) => {
      try {
        return await verifyInto(slots[i], it);
      } finally {
        if (i === 0) reveal();
      }
    }),
  );
  announce(summarizeBatch(items, outcomes));
}

// recheck verifies a card's item again in the card's place (Check again, and
// the remedies of an incomplete card).
async function recheck(li, item) {
  const slot = pendingSlot(item);
  li.replaceWith(slot);
  announce(t('app.checking-again', { source: item.source || t('app.the-credential') }));
  announce(summarizeBatch([item], [await verifyInto(slot, item)]));
}

// verifyInto verifies one item and replaces slot with its card; it returns
// the verdict.
async function verifyInto(slot, item) {
  const opts = optionsFor(item);
  let report;
  if (item.tooLarge) {
    report = errorReport(t('app.too-large', { size: number(item.size), max: number(MAX_INPUT_BYTES) }), item.source);
  } else {
    try {
      const cb = await ready;
      // Online, the card names the hosts documents were fetched from (the
      // documents themselves are not kept: the page stores nothing).
      const { documents, ...r } = await cb.verify(item.input, { ...opts, source: item.source, keepDocuments: !opts.offline });
      report = r;
      item.fetchedFrom = documents && [...new Set(documents.map((d) => hostOf(d.url)))];
    } catch (err) {
      report = errorReport(err.message || String(err), item.source);
    }
  }
  slot.replaceWith(renderResult(report, item, opts));
  return report.verdict;
}

function summarizeBatch(items, outcomes) {
  const word = (v) => verdictLabel(v).toLowerCase();
  if (items.length === 1) {
    return t('app.one-result', { source: items[0].source || t('app.the-credential'), verdict: word(outcomes[0]) });
  }
  const counts = {};
  for (const o of outcomes) counts[o] = (counts[o] || 0) + 1;
  return t('app.n-results', {
    n: number(items.length),
    counts: list(Object.entries(counts).map(([o, n]) => t('app.count', { n: number(n), verdict: word(o) }))),
  });
}

// ---- rendering a report ----

function modeText(opts, fetchedFrom) {
  if (opts.offline) return t('app.mode-offline');
  const mode = opts.hosts ? t('app.mode-hosts', { hosts: list(opts.hosts) }) : t('app.mode-online');
  return fetchedFrom?.length ? `${mode} (${t('app.fetched-from', { hosts: list(fetchedFrom) })})` : mode;
}

// renderResult draws report's card for item; the item keeps both, and when
// it was checked, to draw the card again in another language.
function renderResult(report, item, opts) {
  item.report = report;
  item.opts = opts;
  item.checked ||= new Date().toISOString();
  const title = titleOf(report, item.source || t('card.credential'));
  const meta = [
    item.source && t('app.meta-file', { name: item.source }),
    report.format && t('app.meta-format', { format: report.format }),
    report.kind && report.kind !== 'unknown' && t('app.meta-type', { kind: report.kind }),
    t('app.meta-checked', { date: formatDate(item.checked, true), mode: modeText(opts, item.fetchedFrom) }),
    opts.strict && t('app.meta-strict'),
    opts.at && t('app.meta-at', { date: formatDate(opts.at.toISOString(), true) }),
    item.documents && t('app.meta-documents', { n: number(Object.keys(item.documents).length) }),
  ]
    .filter(Boolean)
    .join(' · ');
  // The buttons act on the card they sit in (li, assigned below).
  let li;
  const controls = [];
  if (item.input !== undefined) {
    controls.push(
      h(
        'button',
        {
          type: 'button',
          class: 'button small quiet',
          'aria-label': t('app.check-again-label', { title }),
          onclick: () => recheck(li, item),
        },
        t('app.check-again'),
      ),
    );
  }
  controls.push(
    h(
      'button',
      {
        type: 'button',
        class: 'button small quiet',
        'aria-label': t('app.remove-label', { title }),
        onclick: () => {
          removeResult(li);
          announce(t('app.removed', { title }));
        },
      },
      t('app.remove'),
    ),
  );
  const offered = new Set(); // one control per host or document on a card
  const remedy = (m) => {
    const key = m.remedy === 'online' ? hostOf(m.url) : m.url;
    if (item.input === undefined || (key && offered.has(key))) return null;
    if (key) offered.add(key);
    return remedyControl(m, item, opts, () => li);
  };
  li = resultCard(report, {
    id: `r${++resultCount}`,
    title,
    image: imageOf(report.summary) || item.imageURL,
    offline: opts.offline,
    remedy,
    meta,
    controls,
  });
  itemOf.set(li, item);
  return li;
}

// DOC_WORDS: what the document a check needs is, in words (i18n keys).
const DOC_WORDS = { proof: 'doc.key', issuer: 'doc.key', status: 'doc.status-list', identity: 'doc.registry' };

// remedyControl: what the page offers for one missing check. An online
// remedy is a button that checks this card again online, allowed to contact
// the one host it names; a document (or an online one this browser could
// not complete: a host that refuses requests from web pages) can be added as
// a file; without a URL, the command line is the way.
function remedyControl(m, item, opts, card) {
  const host = hostOf(m.url);
  if (m.remedy === 'online' && host && !(opts.hosts || []).includes(host) && (opts.offline || opts.hosts)) {
    return h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'data-remedy-action': 'online',
        'data-host': host,
        onclick: () => {
          item.hosts = [...(item.hosts || []), host];
          recheck(card(), item);
        },
      },
      onlineActionLabel(m.check),
      h('span', { class: 'host', text: t('app.contacts-only', { host }) }),
    );
  }
  if (m.remedy === 'none') return null;
  if (!m.url) {
    return h('p', { class: 'hint', text: t('app.use-cli') });
  }
  const id = `doc${++fileCount}`;
  const input = h('input', {
    type: 'file',
    id,
    class: 'file-input',
    'data-remedy-action': 'document',
    'data-url': m.url,
    accept: '.json,.jsonld,.jwt,.txt,application/json,application/ld+json,text/plain',
  });
  input.addEventListener('change', async () => {
    const f = input.files[0];
    if (!f) return;
    if (f.size > MAX_INPUT_BYTES) {
      announce(t('app.file-too-large', { name: f.name }), true);
      return;
    }
    item.documents = { ...item.documents, [m.url]: new Uint8Array(await f.arrayBuffer()) };
    recheck(card(), item);
  });
  // Asked online and still missing: in a browser that is most often a host
  // that does not send CORS headers (a web page may not read its answer),
  // which fetch cannot tell apart from a network failure.
  const refused = m.remedy === 'document' && host && !opts.offline && (!opts.hosts || opts.hosts.includes(host));
  return h(
    'div',
    { class: 'row remedy-doc' },
    m.remedy === 'online' && h('p', { class: 'hint', text: t('app.could-not-get', { host }) }),
    refused && h('p', { class: 'hint', 'data-refused': host, text: t('app.refused', { host, doc: t(DOC_WORDS[m.check] || 'doc.document') }) }),
    input,
    h(
      'label',
      { for: id, class: 'button small' },
      ...t('app.add-as-file', { url: '\u0000' })
        .split('\u0000')
        .flatMap((part, i) => (i ? [h('span', { class: 'url', text: m.url }), part] : [part])),
    ),
  );
}

// removeResult drops a result and the URL of its image.
function removeResult(li) {
  const item = itemOf.get(li);
  if (item?.imageURL) URL.revokeObjectURL(item.imageURL);
  li.remove();
  if (!$('#results').children.length) $('#results-section').hidden = true;
}

// ---- inputs ----

function itemsFromFiles(files) {
  return [...files].map((f) => {
    if (f.size > MAX_INPUT_BYTES) return { source: f.name, tooLarge: true, size: f.size };
    return { input: f, source: f.name, imageURL: isImageFile(f) ? URL.createObjectURL(f) : undefined };
  });
}

$('#file').addEventListener('change', () => {
  const input = field('#file');
  const items = itemsFromFiles(input.files);
  input.value = ''; // picking the same file again fires change again
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
  const text = /** @type {HTMLTextAreaElement} */ ($('#paste-text')).value.trim();
  if (!text) {
    announce(t('app.paste-first'), true);
    $('#paste-text').focus();
    return;
  }
  verifyItems([{ input: text, source: t('app.pasted-text') }]);
});

async function verifySample(name, opts) {
  try {
    const resp = await fetch(`samples/${name}`);
    if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
    await verifyItems([{ input: await resp.text(), source: name }], opts);
  } catch (err) {
    announce(t('app.sample-failed', { error: err.message }), true);
  }
}

for (const b of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-sample]'))) {
  b.addEventListener('click', () => verifySample(b.dataset.sample));
}

// /#sample (the URL `make run` prints) opens with the sample verified right
// under the page's heading and its one-line purpose, so the first screen shows
// both what the page is for and what it answers (the results stay there).
if (location.hash === '#sample') {
  $('.lede').after($('#status'), $('#results-section'));
  verifySample('sample.json', { scroll: false });
}

$('#online').addEventListener('change', () => {
  updateModeUI();
  announce(t(field('#online').checked ? 'app.online-on' : 'app.online-off'));
});
$('#lang').addEventListener('change', () => {
  applyLang(langSwitch().value);
  announce(t('app.lang-changed'));
});
applyLang(new URLSearchParams(location.search).get('lang') || pickLang());
// While the verifier starts, the date formats the first card needs.
(self.requestIdleCallback ?? setTimeout)(prepareFormats);

$('#clear').addEventListener('click', () => {
  for (const li of [...$('#results').children]) removeResult(li);
  announce(t('app.cleared'));
  $('#file').focus();
});

// Print: open every folded detail so the printout is complete, then fold back.
let openedForPrint = [];
window.addEventListener('beforeprint', () => {
  $('#print-note').textContent = t('app.printed', { date: formatDate(new Date().toISOString(), true) });
  openedForPrint = [...document.querySelectorAll('#results details:not([open])')];
  openedForPrint.forEach((d) => {
    d.open = true;
  });
});
window.addEventListener('afterprint', () => {
  openedForPrint.forEach((d) => {
    d.open = false;
  });
  openedForPrint = [];
});
$('#print').addEventListener('click', () => window.print());

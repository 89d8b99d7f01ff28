// @ts-check
// ClearBadge content script: notices credentials on the page the learner is
// on and offers to verify or store them.
//
// It looks for (1) links to credential files (.json, .jsonld, .jwt),
// (2) images that may be baked badges (.png or .svg whose address, alt text,
// title or class mentions a badge or credential), and (3) credentials in the
// page itself: <script type="application/ld+json"> or
// "application/vc+ld+json" whose type includes VerifiableCredential (VC Data
// Model 2.0 §6.3 names application/vc for the media type; pages in the wild
// use ld+json). Only the embedded ones are read at once. A link or image is
// fetched only when the learner asks (Verify, Save, or the context menu), and
// from this page's own context, as the page itself could.
//
// Nothing found here is sent anywhere but to this extension's service worker,
// which verifies offline. The notice lives in a shadow root and acts only on
// trusted (real) clicks, so the page cannot press its buttons. It never
// states a verdict: it sits in the page's own DOM, which the page can
// rewrite (an open shadow root is the page's to change), so it says only
// what was found, and "Open in ClearBadge" shows the verdict in the
// extension's own tab.
//
// Its words are in words.js (Words, loaded before this script), in the
// language chosen in the wallet, else the browser's.
'use strict';

(() => {
  if (window.__clearbadgeContent) return; // injected twice (e.g. after an update)
  window.__clearbadgeContent = true;

  const MAX_ITEMS = 50;
  const MAX_BYTES = Common.MAX_INPUT_BYTES;
  const MAX_SCRIPT_CHARS = 1 << 20;
  const HINT = /badge|credential|certificate|achievement|clr|openbadge/i;

  function isCredential(v, depth = 0) {
    if (!v || typeof v !== 'object' || depth > 3) return false;
    if (Array.isArray(v)) return v.some((x) => isCredential(x, depth + 1));
    const t = v.type ?? v['@type'];
    const types = Array.isArray(t) ? t : [t];
    if (types.includes('VerifiableCredential')) return true;
    return Array.isArray(v['@graph']) && isCredential(v['@graph'], depth + 1);
  }

  let lang = Words.langOf(navigator.languages || []);
  const w = (key, params) => Words.say(lang, key, params);

  // label names an item: key is content.in-page, .link, .image or .selected.
  function label(key, s) {
    return w(key, { name: String(s).slice(0, 80) });
  }

  // scan returns what the page offers: [{kind, label, url?, text?}].
  function scan() {
    const items = [];
    const seen = new Set();
    const add = (it) => {
      const k = it.url || it.text;
      if (items.length >= MAX_ITEMS || seen.has(k)) return;
      seen.add(k);
      items.push(it);
    };
    for (const s of document.querySelectorAll('script[type="application/ld+json"], script[type="application/vc+ld+json"], script[type="application/vc"]')) {
      const text = s.textContent || '';
      if (text.length > MAX_SCRIPT_CHARS) continue;
      let v;
      try {
        v = JSON.parse(text);
      } catch {
        continue;
      }
      const list = Array.isArray(v) ? v : Array.isArray(v?.['@graph']) && !isCredential(v['@graph'][0]) ? [] : [v];
      for (const c of list) {
        if (!isCredential(c)) continue;
        const name = c.name || c.credentialSubject?.achievement?.name || w('content.in-page-unnamed');
        add({ kind: 'embedded', label: label('content.in-page', name), text: JSON.stringify(c) });
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      if (!(a instanceof HTMLAnchorElement)) continue;
      let u;
      try {
        u = new URL(a.href, location.href);
      } catch {
        continue;
      }
      if (!/^https?:$/.test(u.protocol) || !/\.(json|jsonld|jwt)$/i.test(u.pathname)) continue;
      add({ kind: 'link', label: label('content.link', (a.textContent || '').trim() || u.pathname.split('/').pop()), url: u.href });
    }
    for (const img of document.querySelectorAll('img[src]')) {
      if (!(img instanceof HTMLImageElement)) continue;
      let u;
      try {
        u = new URL(img.currentSrc || img.src, location.href);
      } catch {
        continue;
      }
      if (!/^(https?|data):$/.test(u.protocol)) continue;
      const isBadgeFile = u.protocol === 'data:' ? /^data:image\/(png|svg\+xml)/i.test(u.href) : Common.IMAGE_NAME.test(u.pathname);
      const hinted = HINT.test(u.pathname) || HINT.test(img.alt || '') || HINT.test(img.title || '') || HINT.test(img.className || '');
      if (!isBadgeFile || !hinted) continue;
      add({ kind: 'image', label: label('content.image', img.alt || u.pathname.split('/').pop()), url: u.href });
    }
    return items;
  }

  // take turns an item into what the wallet imports, fetching it if needed.
  async function take(it) {
    const source = it.url ? decodeURIComponent(new URL(it.url).pathname.split('/').pop() || it.url) : 'this page';
    if (it.text !== undefined) return { source: `${location.host || 'page'}: ${it.label}`, text: it.text };
    const resp = await fetch(it.url, { credentials: 'same-origin', referrerPolicy: 'no-referrer' });
    if (!resp.ok) throw new Error(w('content.http-error', { status: resp.status }));
    const len = Number(resp.headers.get('Content-Length') || 0);
    if (len > MAX_BYTES) throw new Error(w('content.too-large'));
    const bytes = new Uint8Array(await resp.arrayBuffer());
    if (bytes.length > MAX_BYTES) throw new Error(w('content.too-large'));
    const png = bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
    const svg = !png && /^<(\?xml|svg|!--)/.test(head) && /<svg/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)));
    if (png || svg) return { source, b64: Common.b64(bytes), mime: Common.IMAGE_TYPES[png ? 'png' : 'svg'] };
    return { source, text: new TextDecoder().decode(bytes) };
  }

  const send = (msg) => chrome.runtime.sendMessage({ ...msg, lang });

  // ---- the notice ----

  let host = null;
  let root = null;
  // The colours are the page's and the wallet's (common.js TOKENS), as
  // custom properties on this notice's own shadow host.
  const STYLE = `
    :host { all: initial; ${Common.tokenDeclarations('cb-')} }
    .box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; max-width: 340px;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--cb-text);
      background: var(--cb-surface); border: 1px solid var(--cb-border); border-radius: var(--cb-radius); box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 12px 14px; }
    .head { display: flex; gap: 8px; align-items: center; margin: 0 0 6px; font-weight: 600; }
    .head svg { width: 20px; height: 20px; flex: none; }
    .shield { fill: var(--cb-accent); }
    .tick { stroke: var(--cb-on-colour); }
    ul { list-style: none; margin: 6px 0 0; padding: 0; max-height: 40vh; overflow: auto; }
    li { border-top: 1px solid var(--cb-border); padding: 8px 0; }
    .lbl { display: block; overflow-wrap: anywhere; margin-bottom: 4px; }
    button { font: inherit; font-size: 13px; border: 1px solid var(--cb-accent); color: var(--cb-accent); background: var(--cb-surface); border-radius: 8px;
      padding: 4px 10px; min-height: 32px; cursor: pointer; margin-right: 6px; }
    button.primary { background: var(--cb-accent); color: var(--cb-on-colour); }
    button:focus-visible { outline: 3px solid var(--cb-accent); outline-offset: 2px; }
    .close { position: absolute; top: 6px; right: 6px; border: 0; color: var(--cb-muted); min-height: 28px; }
    .msg { margin: 4px 0 0; color: var(--cb-muted); overflow-wrap: anywhere; }`;
  const SHIELD =
    '<svg viewBox="0 0 64 64" aria-hidden="true"><path class="shield" d="M32 3 56 12v18c0 15.5-10.2 27.3-24 31C18.2 57.3 8 45.5 8 30V12z"/><path class="tick" d="m21.5 31.5 7.2 7.2 14.3-15.4" fill="none" stroke-width="5.5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

  function el(tag, attrs = {}, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') e.textContent = v;
      else if (k.startsWith('on'))
        e.addEventListener(k.slice(2), (ev) => {
          if (ev.isTrusted) v(ev);
        });
      else e.setAttribute(k, v);
    }
    e.append(...kids);
    return e;
  }

  function box() {
    if (!host) {
      host = document.createElement('clearbadge-notice');
      host.id = 'clearbadge-notice';
      root = host.attachShadow({ mode: 'open' });
      document.documentElement.append(host);
    }
    root.replaceChildren();
    const style = document.createElement('style');
    style.textContent = STYLE;
    const b = el('div', { class: 'box', role: 'region', 'aria-label': 'ClearBadge' });
    b.append(
      el('button', {
        class: 'close',
        'aria-label': w('content.close'),
        onclick: () => {
          host.remove();
          host = null;
        },
        text: '×',
      }),
    );
    root.append(style, b);
    return b;
  }

  function head(text) {
    const p = el('p', { class: 'head' });
    p.innerHTML = SHIELD; // a constant, not page content
    p.append(el('span', { text }));
    return p;
  }

  function note(li, text) {
    li.querySelector('.result')?.remove();
    li.append(el('div', { class: 'result' }, el('p', { class: 'msg', text })));
  }

  // open shows the item in the extension's own tab, where the verdict is.
  async function open(li, it) {
    note(li, w('content.opening'));
    try {
      const item = await take(it);
      const r = await send({ op: 'openFound', item });
      if (!r?.ok) throw new Error(r?.error || w('content.no-answer'));
      note(li, w('content.opened'));
    } catch (err) {
      note(li, w('content.open-failed', { error: err.message }));
    }
  }

  function itemRow(it) {
    const li = el('li', { 'data-kind': it.kind });
    li.append(
      el('span', { class: 'lbl', text: it.label }),
      el('button', { class: 'primary', 'data-action': 'open', onclick: () => open(li, it), text: w('content.open') }),
      el('button', {
        'data-action': 'save',
        onclick: async () => {
          note(li, w('content.saving'));
          try {
            const item = await take(it);
            const r = await send({ op: 'saveFound', item });
            if (!r?.ok) throw new Error(r?.error || w('content.no-answer'));
            if (r.locked) {
              note(li, r.message);
              return;
            }
            if (r.added.length) note(li, w('content.saved'));
            else if (r.duplicates.length) note(li, w('content.already'));
            else note(li, r.refused.join(' ') || w('content.not-saved'));
          } catch (err) {
            note(li, w('content.save-failed', { error: err.message }));
          }
        },
        text: w('content.save'),
      }),
    );
    return li;
  }

  function showFound(items) {
    const b = box();
    const ul = el('ul');
    ul.hidden = true;
    for (const it of items) ul.append(itemRow(it));
    const toggle = el('button', {
      'aria-expanded': 'false',
      'data-action': 'show',
      onclick: () => {
        ul.hidden = !ul.hidden;
        toggle.setAttribute('aria-expanded', String(!ul.hidden));
        toggle.textContent = w(ul.hidden ? 'content.show' : 'content.hide');
      },
      text: w('content.show'),
    });
    b.append(head(items.length === 1 ? w('content.found-one') : w('content.found-many', { n: items.length })), toggle, ul);
    host.dataset.count = String(items.length);
  }

  // ---- start: look once the page has settled ----

  let found = [];
  chrome.storage.local
    .get('lang')
    .then(
      (s) => {
        lang = Words.langOf(s.lang, navigator.languages || []);
      },
      () => {},
    )
    .finally(() => {
      found = scan();
      if (found.length) showFound(found);
      send({ op: 'found', count: found.length }).catch(() => {});
    });

  chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.op === 'scan') {
      found = scan();
      sendResponse({ items: found.map(({ kind, label: l }) => ({ kind, label: l })) });
      return false;
    }
    if (msg?.op === 'take') {
      const it = found[msg.index];
      if (!it) {
        sendResponse({ ok: false, error: w('content.page-changed') });
        return false;
      }
      take(it).then(
        (item) => sendResponse({ ok: true, item }),
        (err) => sendResponse({ ok: false, error: err.message }),
      );
      return true;
    }
    if (msg?.op === 'verifyUrl' && typeof msg.url === 'string') {
      // From the context menu: the learner asked about this image or link.
      let u;
      try {
        u = new URL(msg.url);
      } catch {
        return false;
      }
      const it = { kind: 'link', label: label('content.selected', decodeURIComponent(u.pathname.split('/').pop() || u.href)), url: u.href };
      const b = box();
      const ul = el('ul');
      const li = itemRow(it);
      ul.append(li);
      b.append(head(w('content.this-badge')), ul);
      li.querySelector('[data-action="open"]').remove();
      open(li, it);
      return false;
    }
    return false;
  });
})();

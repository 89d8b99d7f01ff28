// Languages: English, Spanish and French. The catalogues are complete (every
// UI string and every message code the Go core can emit, listed in
// web/i18n/messages.mjs by a Go test, in all three, with the same
// parameters); the page picks the reader's language from navigator.languages
// and has a switch; the widget follows its lang attribute, else the page's;
// a verified and a failed card are drawn in each language (page and widget),
// and a message of several sentences is said whole; right-to-left works. The
// wallet's service worker and content script have their own catalogue
// (extension/words.js), checked here too. Screenshot: tests/out/page-es.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import vm from 'node:vm';
import path from 'node:path';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { root, webDir, requireBuild, startServer, launch, ensureOutDir, waitForResults } from './helpers.mjs';
import { assertNoHorizontalScroll, assertNoAxeViolations } from './a11y.mjs';
import { UI, MESSAGES, LANGS, message, setLang } from '../../web/i18n.mjs';

const sample = (name) => path.join(webDir, 'samples', name);
const params = (s) => [...String(s).matchAll(/\{(\w+)(?:\|\w+)?\}/g)].map((m) => m[1]).sort();

test('the catalogues: every UI string and every core message code in English, Spanish and French', () => {
  const langs = Object.keys(LANGS);
  assert.deepEqual(langs, ['en', 'es', 'fr']);
  const forms = (v) => (typeof v === 'object' ? Object.values(v) : [v]);
  for (const [key, e] of Object.entries(UI)) {
    for (const l of langs) {
      assert.ok(e[l], `UI "${key}" has no ${l}`);
      if (typeof e[l] === 'object') assert.ok(e[l].other, `UI "${key}" in ${l}: plural forms need "other"`);
      for (const f of forms(e[l])) {
        assert.ok(typeof f === 'string' && f.trim(), `UI "${key}" in ${l}`);
        assert.deepEqual(params(f), params(forms(e.en)[0]), `UI "${key}" in ${l}: parameters differ from English`);
      }
    }
  }
  const codes = MESSAGES.en;
  assert.ok(Object.keys(codes).length > 20, 'messages.mjs lists the codes');
  for (const l of ['es', 'fr']) {
    assert.deepEqual(Object.keys(MESSAGES[l]).sort(), Object.keys(codes).sort(), `${l}: the codes translated are exactly those the core emits`);
    for (const [code, en] of Object.entries(codes)) {
      const v = MESSAGES[l][code];
      const variants =
        typeof v === 'object'
          ? Object.entries(v)
              .filter(([k]) => k !== 'by')
              .map(([, x]) => x)
          : [v];
      assert.ok(variants.length, `${code} in ${l}`);
      for (const x of variants) {
        assert.ok(typeof x === 'string' && x.trim(), `${code} in ${l}`);
        // A translation says each of its parameters as the English does,
        // but may leave out one the language says otherwise: the variable
        // that chose the variant, an English noun phrase where it names
        // the JSON path instead (schema problems).
        for (const p of params(x)) assert.ok(params(en).includes(p), `${code} in ${l}: {${p}} is not a parameter of the English`);
        const dropped = params(en).filter((p) => !params(x).includes(p));
        const droppable = typeof v === 'object' ? [v.by ?? 'what', 'list'] : code.startsWith('schema.') ? ['what', 'label', 'spec'] : [];
        assert.deepEqual(
          dropped.filter((p) => !droppable.includes(p)),
          [],
          `${code} in ${l}: parameters left out`,
        );
      }
    }
  }
  // Every code says itself in every language, whatever the variant:
  // nothing falls back to English, no parameter is left unfilled.
  for (const l of Object.keys(LANGS)) {
    setLang(l);
    for (const [code, en] of Object.entries(codes)) {
      const entry = MESSAGES[l][code];
      const by = typeof entry === 'object' && l !== 'en' ? (entry.by ?? 'what') : '';
      const choices = by ? Object.keys(entry).filter((k) => k !== 'by' && k !== '_') : [''];
      for (const choice of choices) {
        const p = Object.fromEntries(params(en).map((k) => [k, /\{\w+\|date\}/.test(en) && en.includes(`{${k}|date}`) ? '2025-03-01T00:00:00Z' : `«${k}»`]));
        if (by) p[by] = choice;
        const m = message({ code, params: p, message: 'ENGLISH', more: [{ code: 'format.empty' }] });
        assert.equal(m.lang, l, `${code} in ${l}`);
        assert.ok(!/\{\w+(\|\w+)?\}/.test(m.text) && !m.text.includes('ENGLISH'), `${code} in ${l}: ${m.text}`);
        assert.ok(m.text.endsWith(message({ code: 'format.empty' }).text), `${code} in ${l}: the following sentence`);
      }
    }
  }
  setLang('en');
  // Every key the code uses exists: data-i18n in the page, t('…') in the
  // scripts (a key built at run time, such as check.${id}, is listed in full).
  const used = new Set();
  for (const m of readFileSync(path.join(webDir, 'index.html'), 'utf8').matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  const scripts = [
    ...readdirSync(webDir)
      .filter((n) => /\.(m?js)$/.test(n))
      .map((n) => path.join(webDir, n)),
    ...readdirSync(path.join(root, 'extension'))
      .filter((n) => n.endsWith('.mjs') && !existsSync(path.join(webDir, n)))
      .map((n) => path.join(root, 'extension', n)),
  ];
  for (const f of scripts) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\b(?:t|ZipError)\((?:[^()']*\? )?'([a-z-]+\.[a-z-]+)'/g)) used.add(m[1]);
  }
  for (const m of readFileSync(path.join(root, 'extension', 'wallet.html'), 'utf8').matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const k of used) assert.ok(UI[k], `"${k}" is used but has no entry`);
  for (const k of [
    'format',
    'proof',
    'issuer',
    'validity',
    'status',
    'schema',
    'presentation',
    'recipient',
    'endorsements',
    'refresh',
    'credentials',
    'identity',
  ]) {
    assert.ok(UI[`check.${k}`], `check.${k}`);
  }
});

test('the wallet service worker and content script: every word in English, Spanish and French', () => {
  // words.js is a classic script (no import/export) that defines Words.
  const sandbox = { self: {} };
  vm.runInNewContext(readFileSync(path.join(root, 'extension', 'words.js'), 'utf8'), sandbox);
  const { WORDS, LANGS: langs, say } = sandbox.self.Words;
  assert.deepEqual([...langs], Object.keys(LANGS));
  for (const [key, e] of Object.entries(WORDS)) {
    for (const l of langs) {
      assert.ok(typeof e[l] === 'string' && e[l].trim(), `${key} has no ${l}`);
      assert.deepEqual(params(e[l]), params(e.en), `${key} in ${l}: parameters differ from English`);
    }
  }
  assert.equal(
    say('es', 'vault.damaged', { why: { key: 'vault.why-truncated', params: { part: 'data' } } }),
    'La cartera guardada está dañada (su parte data está truncada).',
    'words inside words',
  );
  // Every key the scripts use is here, and none says a sentence of its own
  // outside the catalogue.
  const background = readdirSync(path.join(root, 'extension', 'background')).map((f) => `background/${f}`);
  assert.ok(background.length > 5, "extension/background/ has the service worker's scripts");
  for (const f of ['background.js', ...background, 'vault.js', 'content.js', 'platforms.js']) {
    const src = readFileSync(path.join(root, 'extension', f), 'utf8');
    for (const m of src.matchAll(/'((?:bg|vault|content|pf)\.(?!js')[a-z-]+)'/g)) assert.ok(WORDS[m[1]], `${f} uses "${m[1]}", which words.js lacks`);
    const bare = [...src.matchAll(/(?:Error\((?:'[a-z-]+', )?|text: |note\(li, |head\(|message: |title: )[`'"]([A-Z][^`'"]*[a-z.…])[`'"]/g)].map((m) => m[1]);
    assert.deepEqual(bare, [], `${f}: English said outside words.js`);
  }
  // platforms.js says nothing in words of its own: every string of two
  // words or more (a message, a phrase put into one, in a throw, a ternary
  // or a result's error) is a catalogue key instead.
  const phrases = stringsOf(readFileSync(path.join(root, 'extension', 'platforms.js'), 'utf8')).filter(
    (s) => /[A-Za-z’]{2,} +[a-z’]{2,}/.test(s) && s !== 'use strict',
  );
  assert.deepEqual(phrases, [], 'platforms.js: English said outside words.js');
});

test('the wallet page’s modules say no sentence outside the catalogue', () => {
  // platforms.mjs, move.mjs, zip.mjs, wallet.mjs…: a string that reads as a
  // sentence (a capital and a second word, or words ending in a stop)
  // belongs in web/i18n.mjs, said with t().
  const own = [
    ...readdirSync(path.join(root, 'extension')).filter((n) => n.endsWith('.mjs') && !existsSync(path.join(webDir, n))),
    ...readdirSync(path.join(root, 'extension', 'wallet')).map((n) => `wallet/${n}`),
  ];
  assert.ok(own.includes('platforms.mjs') && own.includes('move.mjs') && own.includes('zip.mjs') && own.includes('wallet/list.mjs'), own.join(' '));
  for (const f of own) {
    const said = stringsOf(readFileSync(path.join(root, 'extension', f), 'utf8')).filter(
      (s) => /\s/.test(s.trim()) && /^[A-Z][\w’']*\s+[\w’']|[a-z]{2,}[.!?…]$/.test(s.trim()),
    );
    assert.deepEqual(said, [], `${f}: English said outside web/i18n.mjs`);
  }
});

// stringsOf: the string literals of a script, comments left out, each
// ${…} of a template taken out.
function stringsOf(src) {
  const code = src
    .split('\n')
    .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
    .map((l) => l.replace(/\s\/\/ .*$/, ''))
    .join('\n');
  return [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, ''));
}

let server;
let browser;
let host;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
  const srv = http.createServer((req, res) => {
    if (req.url === '/sample.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(readFileSync(sample('sample.json')));
      return;
    }
    if (req.url === '/tampered.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(readFileSync(sample('sample-tampered.json')));
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Portfolio</title>
<script type="module" src="${server.origin}/widget.mjs"></script></head><body><main>
<clearbadge-verify id="page-lang" src="/sample.json"></clearbadge-verify>
<clearbadge-verify id="own-lang" lang="es-MX" src="/sample.json"></clearbadge-verify>
<clearbadge-verify id="unknown" lang="de" src="/sample.json"></clearbadge-verify>
<clearbadge-verify id="bad-page-lang" src="/tampered.json"></clearbadge-verify>
<clearbadge-verify id="bad-es" lang="es" src="/tampered.json"></clearbadge-verify>
<clearbadge-verify id="bad-en" lang="en" src="/tampered.json"></clearbadge-verify>
</main></body></html>`);
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  host = { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((r) => srv.close(r)) };
});

after(async () => {
  await browser?.close();
  server?.close();
  await host?.close();
});

async function open(query = '', opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 1100 }, ...opts });
  const page = await ctx.newPage();
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page };
}

const EXPECT = {
  en: {
    verified: 'Verified',
    failed: 'Not verified',
    signature: 'Signature',
    intact: /The issuer's signature is intact/,
    changed: /This credential was changed after it was signed/,
    h1: 'Check a digital badge',
    from: /Valid from March 1, 2025/,
    notCredential: /^This file is not a credential\. ClearBadge reads Open Badges 3\.0/,
  },
  es: {
    verified: 'Verificada',
    failed: 'No verificada',
    signature: 'Firma',
    intact: /La firma del emisor está intacta/,
    changed: /Esta credencial se modificó/,
    h1: 'Compruebe una insignia digital',
    from: /Válida desde el 1 de marzo de 2025/,
    notCredential: /^Este archivo no es una credencial\. ClearBadge lee credenciales/,
  },
  fr: {
    verified: 'Vérifiée',
    failed: 'Non vérifiée',
    signature: 'Signature',
    intact: /La signature de l’émetteur est intacte/,
    changed: /Cette attestation a été modifiée/,
    h1: 'Vérifier un badge numérique',
    from: /Valide à partir du 1 mars 2025/,
    notCredential: /^Ce fichier n’est pas une attestation\. ClearBadge lit les attestations/,
  },
};

for (const [l, want] of Object.entries(EXPECT)) {
  test(`a verified and a failed card in ${LANGS[l]}`, async () => {
    const { ctx, page } = await open(`?lang=${l}`);
    try {
      assert.equal(await page.getAttribute('html', 'lang'), l);
      assert.equal(await page.textContent('h1'), want.h1);
      await page.setInputFiles('#file', [sample('sample.json'), sample('sample-tampered.json')]);
      const [ok, bad] = await waitForResults(page, 2);
      assert.equal(ok.verdict, 'verified');
      assert.equal(bad.verdict, 'not-verified');
      const cards = await page.$$eval('#results > [data-verdict]', (els) =>
        els.map((el) => ({
          label: el.querySelector('.verdict-label').textContent,
          proofName: el.querySelector('[data-check="proof"] .check-name').textContent,
          proofMsg: el.querySelector('[data-check="proof"] .check-msg').textContent,
          proofLang: el.querySelector('[data-check="proof"] .check-msg').getAttribute('lang'),
          validity: el.querySelector('[data-check="validity"] .check-msg')?.textContent,
          facts: el.querySelector('.facts-list').textContent,
        })),
      );
      assert.equal(cards[0].label, want.verified);
      assert.equal(cards[1].label, want.failed);
      assert.equal(cards[0].proofName, want.signature);
      assert.match(cards[0].proofMsg, want.intact);
      assert.match(cards[1].proofMsg, want.changed);
      assert.equal(cards[0].proofLang, null, 'a translated message needs no lang of its own');
      // The card says its dates one way: the validity check and the facts agree.
      assert.match(cards[0].validity, want.from);
      if (l !== 'en') {
        // The status line speaks the language too.
        assert.doesNotMatch(await page.textContent('#status'), /files checked/);
      }
      // A message of two sentences (code, then more) is said whole.
      await page.fill('#paste-text', 'this is not a credential');
      await page.click('#paste-go');
      assert.ok((await waitForResults(page, 3)).some((r) => r.verdict === 'error'));
      const why = await page.$eval('#results > [data-verdict="error"] .verdict-why', (el) => ({
        text: el.textContent,
        lang: el.closest('[lang]').getAttribute('lang'),
      }));
      assert.match(why.text, want.notCredential);
      assert.equal(why.lang, l);
      if (l === 'es') {
        // English left inside a Spanish page is marked lang="en"; axe checks
        // the lang attributes too.
        await assertNoAxeViolations(page, 'Spanish page');
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(ensureOutDir(), 'page-es.png'), fullPage: true });
      }
    } finally {
      await ctx.close();
    }
  });
}

test('the language follows navigator.languages; the switch changes it, cards included', async () => {
  const { ctx, page } = await open('', { locale: 'fr-CA' });
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.inputValue('#lang'), 'fr');
    await page.setInputFiles('#file', sample('sample.json'));
    await waitForResults(page, 1);
    assert.equal(await page.textContent('.verdict-label'), 'Vérifiée');
    // The switch, by keyboard.
    await page.focus('#lang');
    await page.selectOption('#lang', 'es');
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.equal(await page.textContent('.verdict-label'), 'Verificada');
    assert.equal(await page.textContent('#status'), 'Idioma: español.');
  } finally {
    await ctx.close();
  }
  const other = await open('', { locale: 'de-DE' });
  try {
    assert.equal(await other.page.getAttribute('html', 'lang'), 'en', 'a language ClearBadge does not speak falls back to English');
  } finally {
    await other.ctx.close();
  }
});

test("the widget speaks its lang attribute, else the page's: a verified and a failed badge in each language", async () => {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => [...document.querySelectorAll('clearbadge-verify')].every((el) => el.verdict && el.verdict !== 'pending'), null, {
      timeout: 60000,
    });
    const got = await page.$$eval('clearbadge-verify', (els) =>
      els.map((el) => ({
        id: el.id,
        label: el.shadowRoot.querySelector('.label').textContent,
        lang: el.shadowRoot.querySelector('.card').getAttribute('lang'),
      })),
    );
    assert.deepEqual(got, [
      { id: 'page-lang', label: 'Vérifiée', lang: 'fr' },
      { id: 'own-lang', label: 'Verificada', lang: 'es' },
      { id: 'unknown', label: 'Verified', lang: 'en' },
      { id: 'bad-page-lang', label: 'Non vérifiée', lang: 'fr' },
      { id: 'bad-es', label: 'No verificada', lang: 'es' },
      { id: 'bad-en', label: 'Not verified', lang: 'en' },
    ]);
    // Why it failed, in the same language.
    const why = (id) => page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('.why').textContent);
    assert.match(await why('bad-page-lang'), /^Cette attestation a été modifiée après sa signature/);
    assert.match(await why('bad-es'), /^Esta credencial se modificó después de firmarse/);
    assert.match(await why('bad-en'), /^This credential was changed after it was signed/);
    await page.$eval('#own-lang', (el) => el.setAttribute('lang', 'en'));
    assert.equal(await page.$eval('#own-lang', (el) => el.shadowRoot.querySelector('.label').textContent), 'Verified');
  } finally {
    await ctx.close();
  }
});

test('right to left: dir="rtl" mirrors the layout without horizontal scrolling', async () => {
  const { ctx, page } = await open('', { viewport: { width: 700, height: 900 } });
  try {
    await page.evaluate(() => {
      document.documentElement.dir = 'rtl';
    });
    await page.setInputFiles('#file', [sample('sample.json'), sample('sample-tampered.json')]);
    await waitForResults(page, 2);
    await assertNoHorizontalScroll(page, 'rtl');
    const pos = await page.$eval('#results .verdict', (el) => ({
      icon: el.querySelector('.verdict-icon').getBoundingClientRect().left,
      label: el.querySelector('.verdict-label').getBoundingClientRect().left,
    }));
    assert.ok(pos.icon > pos.label, `the mark sits at the start (right) of the verdict: ${JSON.stringify(pos)}`);
    await page
      .locator('#results > [data-verdict]')
      .first()
      .screenshot({ path: path.join(ensureOutDir(), 'rtl.png') });
  } finally {
    await ctx.close();
  }
});

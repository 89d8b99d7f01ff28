// @ts-check
// Adding credentials: files (picked, dropped, or a zip of them), pasted
// text, and what the popup finds on the current page; each is verified by
// the service worker before it is stored.
import { IMAGE_TYPES, MAX_INPUT_BYTES, b64, isImageFile } from '../common.mjs';
import { list, number, t } from '../i18n.mjs';
import { filesOfZip, importAll, itemsOf, looksLikeZip } from '../move.mjs';
import { announce, h } from '../render.mjs';
import { askBackupPassphrase } from './backup.mjs';
import { scanPage } from './found.mjs';
import { call } from './messages.mjs';
import { isPopup } from './state.mjs';
import { refresh } from './unlocked.mjs';

export function addSection() {
  const file = h('input', {
    type: 'file', id: 'file', class: 'file-input', multiple: true,
    accept: '.json,.jsonld,.jwt,.txt,.png,.svg,.zip,application/json,application/zip,application/ld+json,text/plain,image/png,image/svg+xml',
    'aria-describedby': 'file-hint',
  });
  file.addEventListener('change', async () => {
    const files = [...file.files];
    file.value = '';
    await importFiles(files);
  });
  const paste = h('textarea', { id: 'paste-text', rows: isPopup ? 3 : 4, spellcheck: 'false', autocomplete: 'off' });
  const sec = h('section', { class: 'intake add', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title', text: t('wallet.add-title') }),
    h('div', { class: 'drop', id: 'drop' },
      file,
      h('label', { for: 'file', class: 'button primary' }, t('page.choose')),
      h('p', { class: 'hint', id: 'file-hint', text: t('wallet.file-hint') })),
    h('div', { class: 'paste' },
      h('label', { for: 'paste-text', text: t('wallet.paste-label') }), paste,
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'paste-go', class: 'button', onclick: async () => {
          const text = paste.value.trim();
          if (!text) { announce(t('app.paste-first'), true); paste.focus(); return; }
          if (await importItems([{ text, source: t('app.pasted-text') }])) paste.value = '';
        } }, t('wallet.add-pasted')),
        // Only the popup has a "current page" (the tab it was opened over).
        isPopup && h('button', { type: 'button', id: 'from-page', class: 'button', onclick: scanPage }, t('wallet.find-on-page')))),
    h('div', { id: 'found', class: 'found', hidden: true }),
    h('div', { id: 'backup-open', hidden: true }));
  for (const ev of ['dragover', 'drop']) {
    sec.addEventListener(ev, (/** @type {DragEvent} */ e) => {
      if (![...(e.dataTransfer?.types || [])].includes('Files')) return;
      e.preventDefault();
      if (ev === 'drop') importFiles([...e.dataTransfer.files]);
    });
  }
  return sec;
}

// fileItem reads a file into what the service worker imports: text for JSON
// and JWTs, base64 bytes for images. A wallet backup is set apart.
async function fileItem(f) {
  if (f.size > MAX_INPUT_BYTES) return { source: f.name, text: '', tooLarge: true };
  if (isImageFile(f)) {
    const mime = f.type || IMAGE_TYPES[/\.svg$/i.test(f.name) ? 'svg' : 'png'];
    return { source: f.name, b64: b64(await f.arrayBuffer()), mime };
  }
  const text = await f.text();
  if (/^\s*\{\s*"format"\s*:\s*"clearbadge-wallet-backup"/.test(text)) return { source: f.name, backup: text };
  return { source: f.name, text };
}

async function importFiles(picked) {
  // A zip (a wallet exported as original files) is opened here: its files
  // are imported as if picked one by one (move.mjs).
  const zips = picked.filter(looksLikeZip);
  const files = picked.filter((f) => !looksLikeZip(f));
  for (const z of zips) {
    try {
      const { items, skipped } = itemsOf(await filesOfZip(z));
      await importAll(items, skipped, { call, announce, refresh });
    } catch (err) {
      announce(t('wallet.error-nothing-changed', { error: err.message }), true);
    }
  }
  if (!files.length) return;
  const items = await Promise.all(files.map(fileItem));
  const big = items.filter((i) => i.tooLarge);
  const backups = items.filter((i) => i.backup);
  const rest = items.filter((i) => !i.tooLarge && !i.backup);
  if (big.length) announce(t('wallet.too-large', { names: list(big.map((i) => i.source)) }), true);
  if (rest.length) await importItems(rest);
  if (backups.length) askBackupPassphrase(backups[0]);
}

// importItems sends items to the wallet and says what happened.
export async function importItems(items) {
  announce(items.length === 1 ? t('app.checking', { source: items[0].source || t('app.the-credential') }) : t('app.checking-n', { n: number(items.length) }));
  try {
    const r = await call('import', { items });
    const parts = [];
    if (r.added.length) parts.push(r.added.length === 1 ? t('wallet.added-one', { title: r.added[0].title }) : t('wallet.added-n', { n: number(r.added.length) }));
    if (r.duplicates.length) parts.push(t('wallet.already', { names: r.duplicates.join(', ') }));
    parts.push(...r.refused);
    if (!r.added.length && !r.duplicates.length) parts.push(t('wallet.nothing-changed'));
    announce(parts.join(' '), r.refused.length > 0 && !r.added.length);
    await refresh();
    return r.added.length > 0 || r.duplicates.length > 0;
  } catch (err) {
    announce(t('wallet.error-nothing-changed', { error: err.message }), true);
    return false;
  }
}

// @ts-check
// Moving a whole wallet without ClearBadge (issue 14): every credential as
// its original file (the JSON, the JWT or the baked image exactly as it came
// in) in one zip, with index.json listing them and a README.txt saying what
// they are, so any other wallet or verifier can take them; and such a zip,
// or a folder of credential files, imported back. The encrypted backup
// (background/backup.js exportBackup) stays the way from one ClearBadge to another.
//
// Nothing imported is trusted for its verdict: index.json's verdicts are
// what the exporting wallet saw, and each file is verified again here, as
// any file is.
import { h } from './render.mjs';
import { t, number } from './i18n.mjs';
import { makeZip, readZip, isZip, ZipError } from './zip.mjs';
import { b64, unb64, MAX_ITEMS_PER_IMPORT, IMAGE_TYPES } from './common.mjs';

export const EXPORT_FORMAT = 'clearbadge-wallet-export';
const SKIP = /(^|\/)(index\.json|README\.txt|\.[^/]*|__MACOSX\/.*)$/;
const TEXT = /\.(json|jsonld|jwt|jws|txt)$/i;

// slug: a title as a file name's stem (also downloads.mjs fileName).
export function slug(title) {
  return (
    (title || 'credential')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'credential'
  );
}

// fileOf: an entry's original file name and bytes.
function fileOf(e, i) {
  const n = String(i + 1).padStart(4, '0');
  if (typeof e.text === 'string') {
    const jwt = !e.text.trim().startsWith('{');
    return { name: `credentials/${n}-${slug(e.title)}.${jwt ? 'jwt' : 'json'}`, bytes: new TextEncoder().encode(e.text) };
  }
  const ext = e.mime === IMAGE_TYPES.svg ? 'svg' : 'png';
  return { name: `credentials/${n}-${slug(e.title)}.${ext}`, bytes: unb64(e.b64) };
}

// exportZip: the zip of entries (as listed by the service worker).
export async function exportZip(entries, now = new Date()) {
  const files = entries.map(fileOf);
  const index = {
    format: EXPORT_FORMAT,
    v: 1,
    exported: now.toISOString(),
    credentials: entries.map((e, i) => ({
      file: files[i].name,
      title: e.title,
      verdict: e.verdict,
      checked: e.checked,
      added: e.added,
      source: e.source || undefined,
      format: e.report?.format,
      mime: e.mime || undefined,
      sha256: e.hash,
    })),
  };
  const enc = new TextEncoder();
  return makeZip([
    { name: 'README.txt', bytes: enc.encode(t('move.readme')), date: now },
    { name: 'index.json', bytes: enc.encode(`${JSON.stringify(index, null, 2)}\n`), date: now },
    ...files.map((f) => ({ ...f, date: now })),
  ]);
}

// itemsOf: files [{name, bytes}] -> what the service worker imports, and
// the names of files that are not credentials by their kind.
export function itemsOf(files) {
  const items = [];
  const skipped = [];
  const dec = new TextDecoder();
  for (const f of files) {
    if (SKIP.test(f.name)) continue;
    const base = f.name.split('/').pop();
    const ext = base.split('.').pop().toLowerCase();
    if (Object.hasOwn(IMAGE_TYPES, ext)) items.push({ source: base, b64: b64(f.bytes), mime: IMAGE_TYPES[ext] });
    else if (TEXT.test(base)) items.push({ source: base, text: dec.decode(f.bytes) });
    else skipped.push(base);
  }
  return { items, skipped };
}

// filesOfZip reads a picked zip: [{name, bytes}].
export async function filesOfZip(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isZip(bytes)) throw new ZipError('move.not-zip', { name: file.name });
  return readZip(bytes);
}

export function looksLikeZip(file) {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip';
}

// importAll sends items to the wallet in batches and says what happened in
// one sentence. call is the page's messenger.
export async function importAll(items, skipped, { call, announce, refresh }) {
  let added = 0;
  let duplicates = 0;
  const refused = [];
  for (let i = 0; i < items.length; i += MAX_ITEMS_PER_IMPORT) {
    announce(t('move.importing', { done: number(i), n: number(items.length) }));
    const r = await call('import', { items: items.slice(i, i + MAX_ITEMS_PER_IMPORT) });
    added += r.added.length;
    duplicates += r.duplicates.length;
    refused.push(...r.refused);
  }
  await refresh();
  const parts = [t('move.imported', { added: number(added), duplicates: number(duplicates) })];
  if (skipped.length) parts.push(t('move.skipped', { names: skipped.slice(0, 5).join(', '), n: number(skipped.length) }));
  parts.push(...refused);
  announce(parts.join(' '), added === 0 && refused.length > 0);
  return { added, duplicates, refused, skipped };
}

// moveSection: "Move your wallet": export everything as a zip of original
// files; import a zip or a folder. deps: {call, announce, refresh, entries, download}.
export function moveSection(deps) {
  const { call, announce, entries, download } = deps;
  const run = async (getFiles) => {
    try {
      const files = await getFiles();
      const { items, skipped } = itemsOf(files);
      if (!items.length) {
        announce(t('move.nothing', { n: number(skipped.length) }), true);
        return;
      }
      await importAll(items, skipped, deps);
    } catch (err) {
      announce(t('wallet.error-nothing-changed', { error: err.message }), true);
    }
  };
  const zipInput = h('input', {
    type: 'file',
    id: 'move-zip',
    class: 'file-input',
    accept: '.zip,application/zip',
    onchange: (e) => {
      const f = e.target.files[0];
      e.target.value = '';
      if (f) run(() => filesOfZip(f));
    },
  });
  const folderInput = h('input', {
    type: 'file',
    id: 'move-folder',
    class: 'file-input',
    webkitdirectory: true,
    multiple: true,
    onchange: (e) => {
      const picked = [...e.target.files];
      e.target.value = '';
      run(() => Promise.all(picked.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
    },
  });
  return h(
    'section',
    { class: 'options move', 'aria-labelledby': 'move-title' },
    h('h2', { id: 'move-title', text: t('move.title') }),
    h('p', { class: 'explain', text: t('move.explain') }),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'export-zip',
          class: 'button',
          onclick: async () => {
            try {
              // Fresh from the service worker: the page's copy may be filtered.
              const { credentials } = await call('list');
              const all = credentials ?? entries();
              const zip = await exportZip(all);
              download(`clearbadge-credentials-${new Date().toISOString().slice(0, 10)}.zip`, new Blob([zip], { type: 'application/zip' }));
              announce(t('move.exported', { n: number(all.length) }));
            } catch (err) {
              announce(err.message, true);
            }
          },
        },
        t('move.export'),
      ),
      zipInput,
      h('label', { for: 'move-zip', class: 'button' }, t('move.import-zip')),
      folderInput,
      h('label', { for: 'move-folder', class: 'button' }, t('move.import-folder')),
    ),
  );
}

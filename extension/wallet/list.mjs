// @ts-check
// The list of stored credentials: each as a card with its actions, the
// search and filter, re-verifying, and deleting with undo.
import { IMAGE_TYPE } from '../common.mjs';
import { formatDate, list, number, t } from '../i18n.mjs';
import { $, announce, h, imageOf, isOB2, resultCard, verdictLabel } from '../render.mjs';
import { bake, downloadEntry } from './downloads.mjs';
import { call } from './messages.mjs';
import { asksRegistries, checkOnlineClick, consentBox, evidence, hostsOf } from './online.mjs';
import { drawShare } from './share.mjs';
import { ui } from './state.mjs';
import { refresh } from './unlocked.mjs';

const UNDO_MS = 12000;

// imageSrc: the credential's own data: image, else the image it was imported
// as (a baked PNG or SVG kept in the wallet).
function imageSrc(entry) {
  const own = imageOf(entry.report?.summary);
  if (own) return own;
  if (entry.b64 && IMAGE_TYPE.test(entry.mime || '')) return `data:${entry.mime};base64,${entry.b64}`;
  return '';
}

// card draws a stored entry (data-verdict, data-id). actions: [{name, label,
// aria, onclick, cls}] buttons in its foot; select: {checked, onchange} for
// the share checkbox.
/**
 * @typedef {{name: string, label: string, aria?: (title: string) => string, onclick: () => unknown, cls?: string}} CardAction
 * @param {WalletEntry} entry
 * @param {{actions?: (CardAction | false | 0)[], select?: {checked: boolean, onchange: (on: boolean) => void}}} [opts]
 */
function card(entry, { actions = [], select } = {}) {
  const id = `c-${entry.id}`;
  // (An entry's report is missing only in a store from before reports were kept.)
  const report = entry.report || /** @type {VerifierReport} */ ({ summary: {}, checks: [] });
  const controls = [];
  if (select) {
    const cb = h('input', { type: 'checkbox', id: `${id}-pick`, class: 'pick', 'data-pick': entry.id });
    cb.checked = !!select.checked;
    cb.addEventListener('change', () => select.onchange(cb.checked));
    controls.push(h('span', { class: 'pick-wrap' }, cb, h('label', { for: `${id}-pick`, text: t('wallet.select-to-share') })));
  }
  for (const a of /** @type {CardAction[]} */ (actions.filter(Boolean))) {
    controls.push(
      h(
        'button',
        {
          type: 'button',
          class: `button small ${a.cls || 'quiet'}`,
          'aria-label': a.aria ? a.aria(entry.title) : undefined,
          'data-action': a.name,
          onclick: a.onclick,
        },
        a.label,
      ),
    );
  }
  const meta = [
    entry.source && t('wallet.from', { source: entry.source }),
    report.format && t('app.meta-format', { format: report.format }),
    entry.checked &&
      (entry.online === entry.checked
        ? t('wallet.checked-online', { date: formatDate(entry.checked, true) })
        : t(entry.docs?.length ? 'wallet.checked-offline-docs' : 'wallet.checked-offline', { date: formatDate(entry.checked, true) })),
  ]
    .filter(Boolean)
    .join(' · ');
  // The verdict stored with the entry is the Report's from when it was checked.
  const li = resultCard(
    { ...report, verdict: entry.verdict },
    {
      id,
      title: entry.title,
      image: imageSrc(entry),
      compact: true,
      foldChecks: true,
      meta,
      controls,
      remedy,
      attrs: { class: 'wallet-card', 'data-id': entry.id },
    },
  );
  const ev = evidence(entry);
  if (ev) li.querySelector('.card-foot').before(ev);
  if (ui.consent === entry.id) li.querySelector('.card-foot').before(consentBox(entry));
  return li;
}

// remedy: what the wallet offers for a missing check: its card's "Check
// online" (for a document on an https host, whether the host was offline or
// refused a web page: the wallet, once allowed, is not a web page).
export function remedy(m) {
  if (m.remedy === 'none') return null;
  if (m.url && /^https:/.test(m.url)) return h('p', { class: 'hint', text: t('wallet.remedy-check-online') });
  return h('p', { class: 'hint', text: t('wallet.remedy-cli') });
}

function matches(e) {
  if (ui.filter !== 'all' && e.verdict !== ui.filter) return false;
  const q = ui.query.trim().toLowerCase();
  if (!q) return true;
  const s = e.report?.summary || {};
  return [e.title, e.source, s.issuer?.name, s.issuer?.id, s.achievement?.name, s.subjectName, s.description].some(
    (v) => typeof v === 'string' && v.toLowerCase().includes(q),
  );
}

export function drawList() {
  const ol = $('#credentials');
  if (!ol) return;
  const shown = ui.entries.filter(matches);
  ol.replaceChildren(
    ...shown.map((e) =>
      card(e, {
        select: {
          checked: ui.picked.has(e.id),
          onchange: (on) => {
            if (on) ui.picked.add(e.id);
            else ui.picked.delete(e.id);
            drawShare();
          },
        },
        actions: [
          hostsOf(e).length && {
            name: 'check-online',
            label: t(e.online ? 'wallet.refresh-online' : 'wallet.check-online'),
            aria: (title) => `${t(e.online ? 'wallet.refresh-online' : 'wallet.check-online')} ${title}`,
            cls: 'primary',
            onclick: () => checkOnlineClick(e),
          },
          asksRegistries(e) && {
            name: 'ask-registries',
            label: t('wallet.ask-registries'),
            aria: (title) => `${t('wallet.ask-registries')}: ${title}`,
            onclick: () => checkOnlineClick(e, 'identity'),
          },
          { name: 'reverify', label: t('wallet.reverify'), aria: (title) => `${t('wallet.reverify')} ${title}`, onclick: () => reverify([e.id]) },
          { name: 'download', label: t('wallet.download'), aria: (title) => `${t('wallet.download')} ${title}`, onclick: () => downloadEntry(e) },
          // An OB 2.0 badge is kept and downloaded as its issuer made it: the
          // OB 2.0 baking keyword is the issuer's (the wasm refuses it too).
          !isOB2(e.report) && {
            name: 'bake-png',
            label: t('wallet.baked-png'),
            aria: (title) => t('wallet.bake-png-label', { title }),
            onclick: () => bake(e, 'png'),
          },
          !isOB2(e.report) && {
            name: 'bake-svg',
            label: t('wallet.baked-svg'),
            aria: (title) => t('wallet.bake-svg-label', { title }),
            onclick: () => bake(e, 'svg'),
          },
          { name: 'delete', label: t('wallet.delete'), aria: (title) => `${t('wallet.delete')} ${title}`, onclick: () => del(e) },
        ],
      }),
    ),
  );
  $('#count').textContent = ui.entries.length ? `(${number(ui.entries.length)})` : '';
  const empty = $('#empty');
  empty.hidden = shown.length > 0;
  empty.textContent = t(ui.entries.length ? 'wallet.no-match' : 'wallet.empty');
}

export async function reverify(ids) {
  announce(t('wallet.checking-again'));
  try {
    const r = await call('reverify', { ids });
    await refresh();
    const counts = ['verified', 'incomplete', 'not-verified', 'error'].map((v) => [
      r.results.filter((x) => x.verdict === v).length,
      verdictLabel(v).toLowerCase(),
    ]);
    announce(
      t('wallet.checked-n', {
        n: number(r.results.length),
        counts: list(counts.filter(([n]) => n).map(([n, w]) => t('app.count', { n: number(n), verdict: w }))),
      }),
    );
  } catch (err) {
    announce(err.message, true);
  }
}

export function reverifyAll() {
  return reverify(undefined);
}

async function del(entry) {
  const idx = ui.entries.findIndex((e) => e.id === entry.id);
  try {
    const r = await call('remove', { id: entry.id });
    clearUndo();
    const bar = $('#undo-bar');
    const timer = setTimeout(clearUndo, UNDO_MS);
    ui.undo = { entry: r.removed, index: r.index, timer };
    bar.replaceChildren(
      h('span', { text: t('wallet.deleted', { title: entry.title }) }),
      h('button', { type: 'button', id: 'undo', class: 'button small', onclick: undo }, t('wallet.undo')),
    );
    bar.hidden = false;
    await refresh();
    announce(t('wallet.deleted-undo', { title: entry.title }));
    const cards = $('#credentials').children;
    const next = cards[Math.min(idx, cards.length - 1)];
    ($('[data-action="delete"]', next || document) || $('#undo')).focus();
  } catch (err) {
    announce(err.message, true);
  }
}

export async function undo() {
  if (!ui.undo) return;
  const { entry, index } = ui.undo;
  clearUndo();
  try {
    await call('restore', { entry, index });
    await refresh();
    announce(t('wallet.restored', { title: entry.title }));
  } catch (err) {
    announce(err.message, true);
  }
}

function clearUndo() {
  if (ui.undo) clearTimeout(ui.undo.timer);
  ui.undo = null;
  const bar = $('#undo-bar');
  if (bar) {
    bar.hidden = true;
    bar.replaceChildren();
  }
}

// @ts-check
// The unlocked wallet: its sections, laid out for the popup or the full
// page, and refresh, which asks the service worker for the list and draws
// every section from it.
import { t } from '../i18n.mjs';
import { moveSection } from '../move.mjs';
import { platformsSection } from '../platforms.mjs';
import { $, announce, h, verdictLabel } from '../render.mjs';
import { addSection } from './add.mjs';
import { backupSection } from './backup.mjs';
import { download } from './downloads.mjs';
import { drawList, reverifyAll } from './list.mjs';
import { call } from './messages.mjs';
import { drawSites, sitesSection } from './online.mjs';
import { drawShare, shareSection } from './share.mjs';
import { isPopup, ui } from './state.mjs';

export async function showWallet() {
  document.body.dataset.view = 'wallet';
  $('#lock').hidden = false;
  const main = $('#main');
  const list = h(
    'section',
    { class: 'list-section', 'aria-labelledby': 'list-title' },
    h(
      'div',
      { class: 'results-head' },
      h('h2', { id: 'list-title' }, `${t('wallet.your-credentials')} `, h('span', { id: 'count', class: 'count' })),
      h('button', { type: 'button', id: 'reverify-all', class: 'button small', onclick: reverifyAll }, t('wallet.reverify-all')),
    ),
    h(
      'div',
      { class: 'row filter-row', role: 'search' },
      h('label', { for: 'search', class: 'visually-hidden', text: t('wallet.search') }),
      h('input', {
        type: 'search',
        id: 'search',
        placeholder: t('wallet.search-placeholder'),
        oninput: (e) => {
          ui.query = e.target.value;
          drawList();
        },
      }),
      h('label', { for: 'filter', class: 'visually-hidden', text: t('wallet.show') }),
      h(
        'select',
        {
          id: 'filter',
          onchange: (e) => {
            ui.filter = e.target.value;
            drawList();
          },
        },
        h('option', { value: 'all' }, t('wallet.all')),
        ...['verified', 'incomplete', 'not-verified'].map((v) => h('option', { value: v }, verdictLabel(v))),
      ),
    ),
    h('div', { id: 'undo-bar', class: 'undo-bar', hidden: true }),
    h('p', { id: 'empty', class: 'empty', hidden: true }),
    h('ol', { id: 'credentials', class: 'results' }),
  );
  // The popup leads with the credentials; the full page with adding them.
  main.replaceChildren(
    ...(isPopup ? [list, addSection()] : [addSection(), list]),
    shareSection(),
    platformsSection({ call, announce, refresh, picked: () => [...ui.picked] }),
    sitesSection(),
    backupSection(),
    moveSection({ call, announce, refresh, download, entries: () => ui.entries }),
  );
  if (isPopup) main.append(h('p', { class: 'open-full' }, h('a', { href: 'wallet.html?view=full', target: '_blank', text: t('wallet.open-full') })));
  await refresh();
}

export async function refresh() {
  const r = await call('list');
  ui.entries = r.credentials;
  ui.holder = r.holder;
  ui.documents = r.documents || {};
  ui.recheck = !!r.recheck;
  ui.sites = r.sites || [];
  ui.registries = r.registries || [];
  for (const id of [...ui.picked]) if (!ui.entries.some((e) => e.id === id)) ui.picked.delete(id);
  drawList();
  drawShare();
  await drawSites();
}

// @ts-check
// What web pages offer: the verdict on a credential a page offered (the
// content script's "Open in ClearBadge", in this extension's own page),
// and, in the popup, what the current page holds.
import { number, t } from '../i18n.mjs';
import { $, announce, h, resultCard } from '../render.mjs';
import { importItems } from './add.mjs';
import { call } from './messages.mjs';
import { ui } from './state.mjs';

// foundRemedy: what the wallet offers for a missing check of something a
// page offered (list.mjs remedy for a stored one), which is checked
// offline only until the learner saves it.
function foundRemedy(m) {
  if (m.remedy === 'none') return null;
  return h('p', { class: 'hint', text: t('wallet.remedy-found') });
}

// showFound: the verdict on a credential a page offered, in this
// extension's own page (see background/messages.js openFound).
export async function showFound(id) {
  document.body.dataset.view = 'found';
  const main = $('#main');
  announce(t('wallet.checking-found'));
  try {
    const r = await call('foundItem', { id });
    main.replaceChildren(
      h(
        'section',
        { 'aria-labelledby': 'found-title' },
        h('h1', { id: 'found-title', text: t('wallet.found-title') }),
        h(
          'ol',
          { id: 'credentials', class: 'results' },
          resultCard(r.report, {
            id: 'found-card',
            compact: true,
            remedy: foundRemedy,
            meta: [r.source && t('wallet.from', { source: r.source }), t('wallet.checked-in-clearbadge')].filter(Boolean).join(' · '),
          }),
        ),
        h('p', { class: 'open-full' }, h('a', { href: 'wallet.html?view=full', text: t('wallet.open-wallet') })),
      ),
    );
    announce('');
  } catch (err) {
    main.replaceChildren(h('p', { class: 'form-error', text: err.message }));
    announce(err.message, true);
  }
}

async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function scanPage() {
  const box = $('#found');
  box.hidden = false;
  let tab;
  let res;
  try {
    tab = await activeTab();
    if (!tab?.id) throw new Error('no tab');
    res = await chrome.tabs.sendMessage(tab.id, { op: 'scan' });
  } catch {
    box.replaceChildren(h('p', { class: 'hint', text: t('wallet.cannot-search') }));
    return;
  }
  ui.foundItems = res?.items || [];
  if (!ui.foundItems.length) {
    box.replaceChildren(h('p', { class: 'hint', text: t('wallet.none-found') }));
    return;
  }
  const ul = h('ul', { class: 'found-list' });
  ui.foundItems.forEach((it, i) => {
    ul.append(
      h(
        'li',
        {},
        h('span', { class: 'found-label', text: it.label }),
        h(
          'button',
          {
            type: 'button',
            class: 'button small',
            onclick: async () => {
              try {
                const got = await chrome.tabs.sendMessage(tab.id, { op: 'take', index: i });
                if (!got?.ok) throw new Error(got?.error || t('wallet.page-no-answer'));
                await importItems([got.item]);
              } catch (err) {
                announce(t('wallet.could-not-read', { error: err.message }), true);
              }
            },
          },
          t('wallet.add-to-wallet'),
        ),
      ),
    );
  });
  box.replaceChildren(h('p', { class: 'strong', text: t('wallet.found-n', { n: number(ui.foundItems.length) }) }), ul);
}

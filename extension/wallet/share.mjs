// @ts-check
// Sharing: the chosen credentials signed as a presentation by the
// learner's holder key, for a verifier's challenge and domain.
import { number, t } from '../i18n.mjs';
import { $, announce, h } from '../render.mjs';
import { download } from './downloads.mjs';
import { call } from './messages.mjs';
import { ui } from './state.mjs';

// The presentation's box, and the section's text fields, as what they are.
const vpBox = () => /** @type {HTMLTextAreaElement} */ ($('#vp'));
/** @type {(sel: string) => HTMLInputElement} */
const field = (sel) => /** @type {HTMLInputElement} */ ($(sel));

export function shareSection() {
  return h('section', { class: 'options share', 'aria-labelledby': 'share-title' },
    h('h2', { id: 'share-title', text: t('wallet.share') }),
    h('p', { class: 'explain', id: 'share-explain', text: t('wallet.share-explain') }),
    h('div', { class: 'share-grid' },
      h('label', { for: 'challenge', text: t('wallet.challenge') }),
      h('input', { type: 'text', id: 'challenge', autocomplete: 'off', spellcheck: 'false' }),
      h('label', { for: 'domain', text: t('wallet.domain') }),
      h('input', { type: 'text', id: 'domain', autocomplete: 'off', spellcheck: 'false', placeholder: t('wallet.domain-placeholder') })),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'present', class: 'button primary', onclick: present }, t('wallet.present')),
      h('span', { id: 'picked', class: 'hint' })),
    h('div', { id: 'vp-out', hidden: true },
      h('label', { for: 'vp', text: t('wallet.signed-presentation') }),
      h('textarea', { id: 'vp', rows: 6, readonly: true, spellcheck: 'false' }),
      h('div', { class: 'row' },
        h('button', { type: 'button', id: 'vp-copy', class: 'button', onclick: copyVP }, t('wallet.copy')),
        h('button', { type: 'button', id: 'vp-download', class: 'button', onclick: () => download('presentation.json', new Blob([vpBox().value], { type: 'application/json' })) }, t('wallet.download')))),
    h('p', { id: 'holder', class: 'meta' }));
}

export function drawShare() {
  const n = ui.picked.size;
  $('#picked').textContent = n ? t('wallet.n-selected', { n: number(n) }) : t('wallet.none-selected');
  $('#holder').textContent = ui.holder ? t('wallet.holder-key', { key: ui.holder }) : t('wallet.holder-later');
}

async function present() {
  const ids = ui.entries.filter((e) => ui.picked.has(e.id)).map((e) => e.id);
  if (!ids.length) { announce(t('wallet.select-first'), true); return; }
  const challenge = field('#challenge').value.trim();
  const domain = field('#domain').value.trim();
  announce(t('wallet.signing'));
  try {
    const r = await call('present', { ids, challenge, domain });
    vpBox().value = r.presentation;
    $('#vp-out').hidden = false;
    ui.holder = r.holder;
    drawShare();
    announce(t('wallet.signed', { n: number(ids.length) }));
    vpBox().focus();
  } catch (err) {
    announce(err.message, true);
  }
}

async function copyVP() {
  try {
    await navigator.clipboard.writeText(vpBox().value);
    announce(t('wallet.copied'));
  } catch {
    vpBox().select();
    announce(t('wallet.select-all'));
  }
}

// @ts-check
// The wallet page's language: the reader's, or the one chosen with the
// switch, and the page's own words (data-i18n) in it.
import { LANGS, lang, pickLang, setLang, t } from '../i18n.mjs';
import { $, h } from '../render.mjs';

// The reader's language (navigator.languages), or the one chosen with the
// switch, remembered in chrome.storage.local (a preference, not a secret);
// wallet.html's own words carry data-i18n.
export async function startLang() {
  const saved = (await chrome.storage.local.get('lang')).lang;
  applyLang(saved || pickLang());
  const sel = /** @type {HTMLSelectElement} */ ($('#lang'));
  sel.replaceChildren(...Object.entries(LANGS).map(([v, name]) => h('option', { value: v, lang: v }, name)));
  sel.value = lang();
  sel.addEventListener('change', async () => {
    await chrome.storage.local.set({ lang: sel.value });
    location.reload();
  });
}

function applyLang(l) {
  setLang(l);
  document.documentElement.lang = lang();
  document.title = t('wallet.title');
  const words = /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'));
  for (const el of words) el.textContent = t(el.dataset.i18n);
}

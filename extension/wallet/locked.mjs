// @ts-check
// The locked wallet (or none yet): the passphrase form that creates the
// wallet on first use or unlocks it, with a way to restore a backup instead.
import { t } from '../i18n.mjs';
import { $, announce, h } from '../render.mjs';
import { restoreSection } from './backup.mjs';
import { call } from './messages.mjs';
import { ui } from './state.mjs';
import { showWallet } from './unlocked.mjs';

export function showLocked(state, error) {
  document.body.dataset.view = 'locked';
  ui.entries = [];
  ui.picked.clear();
  $('#lock').hidden = true;
  const main = $('#main');
  main.replaceChildren();
  const creating = state === 'none';
  const form = h('form', { class: 'unlock', id: 'unlock', 'aria-labelledby': 'unlock-title' });
  const pass = h('input', {
    type: 'password',
    name: 'passphrase',
    id: 'passphrase',
    required: true,
    autocomplete: creating ? 'new-password' : 'current-password',
    minlength: creating ? '8' : undefined,
    'aria-describedby': 'unlock-hint unlock-error',
  });
  const button = h('button', { type: 'submit', class: 'button primary' }, t(creating ? 'wallet.create' : 'wallet.unlock'));
  const err = h('p', { id: 'unlock-error', class: 'form-error', role: 'alert' });
  form.append(
    h('h1', { id: 'unlock-title', text: t(creating ? 'wallet.create-title' : 'wallet.unlock-title') }),
    h('p', { class: 'lede', id: 'unlock-hint', text: t(creating ? 'wallet.create-hint' : 'wallet.unlock-hint') }),
    h('label', { for: 'passphrase', text: t(creating ? 'wallet.new-passphrase' : 'wallet.passphrase') }),
    h('div', { class: 'row' }, pass, button),
    err,
  );
  if (state === 'damaged' && error) err.textContent = t('wallet.damaged', { error });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    err.textContent = '';
    button.disabled = true;
    announce(t(creating ? 'wallet.creating' : 'wallet.unlocking'));
    try {
      const r = await call('unlock', { passphrase: pass.value });
      pass.value = '';
      announce(t(r.created ? 'wallet.ready' : 'wallet.unlocked'));
      await showWallet();
    } catch (ex) {
      err.textContent = ex.message;
      announce(ex.message, true);
      button.disabled = false;
      if (ex.code === 'damaged' && !$('.restore')) form.after(restoreSection('damaged', () => pass.value));
      pass.select();
    }
  });
  main.append(form);
  if (state !== 'locked') main.append(restoreSection(state, () => pass.value));
  pass.focus();
}

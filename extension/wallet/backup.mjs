// @ts-check
// The encrypted backup: downloading one, adding the credentials of one to
// the wallet, and restoring a missing or damaged wallet from one.
import { formatDate, number, t } from '../i18n.mjs';
import { $, announce, h } from '../render.mjs';
import { download } from './downloads.mjs';
import { call } from './messages.mjs';
import { refresh, showWallet } from './unlocked.mjs';

// restoreSection: put a backup in place of a missing or damaged wallet.
export function restoreSection(state, current = () => '') {
  const sec = h('details', { class: 'options restore' }, h('summary', { text: t(state === 'damaged' ? 'wallet.restore-damaged' : 'wallet.restore-instead') }));
  const file = h('input', { type: 'file', id: 'restore-file', accept: '.json,application/json' });
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'restore-pass', autocomplete: 'off' });
  const go = h('button', { type: 'button', class: 'button' }, t('wallet.restore'));
  const msg = h('p', { class: 'form-error', role: 'alert' });
  go.addEventListener('click', async () => {
    msg.textContent = '';
    const f = file.files[0];
    if (!f) {
      msg.textContent = t('wallet.choose-backup');
      return;
    }
    try {
      await call('restoreWallet', { text: await f.text(), passphrase: pass.value, current: current() });
      announce(t('wallet.restored-backup'));
      await showWallet();
    } catch (ex) {
      msg.textContent = ex.message;
    }
  });
  sec.append(
    h(
      'div',
      { class: 'advanced-body' },
      h('label', { for: 'restore-file', text: t('wallet.backup-file') }),
      file,
      h('label', { for: 'restore-pass', text: t('wallet.backup-passphrase') }),
      pass,
      h('div', { class: 'row' }, go),
      msg,
    ),
  );
  return sec;
}

export function askBackupPassphrase(item) {
  const box = $('#backup-open');
  box.hidden = false;
  const pass = h('input', { type: 'password', name: 'backup-passphrase', id: 'backup-pass', autocomplete: 'off', required: true });
  const form = h(
    'form',
    { class: 'options' },
    h('p', { text: t('wallet.is-backup', { source: item.source }) }),
    h('label', { for: 'backup-pass', text: t('wallet.backup-passphrase') }),
    h(
      'div',
      { class: 'row' },
      pass,
      h('button', { type: 'submit', class: 'button primary' }, t('wallet.add-from-backup')),
      h(
        'button',
        {
          type: 'button',
          class: 'button quiet',
          onclick: () => {
            box.hidden = true;
            box.replaceChildren();
          },
        },
        t('wallet.cancel'),
      ),
    ),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await call('importBackup', { text: item.backup, passphrase: pass.value });
      box.hidden = true;
      box.replaceChildren();
      announce(t(r.holder ? 'wallet.from-backup-holder' : 'wallet.from-backup', { added: number(r.added), skipped: number(r.skipped) }));
      await refresh();
    } catch (err) {
      announce(err.message, true);
      pass.select();
    }
  });
  box.replaceChildren(form);
  pass.focus();
}

export function backupSection() {
  return h(
    'section',
    { class: 'options backup', 'aria-labelledby': 'backup-title' },
    h('h2', { id: 'backup-title', text: t('wallet.backup') }),
    h('p', { class: 'explain', text: t('wallet.backup-explain') }),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'export',
          class: 'button',
          onclick: async () => {
            try {
              const r = await call('exportBackup');
              download(`clearbadge-wallet-${new Date().toISOString().slice(0, 10)}.json`, new Blob([JSON.stringify(r.file)], { type: 'application/json' }));
              announce(t('wallet.backup-downloaded', { date: formatDate(r.file.exported, true) }));
            } catch (err) {
              announce(err.message, true);
            }
          },
        },
        t('wallet.download-backup'),
      ),
    ),
  );
}

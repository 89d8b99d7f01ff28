// @ts-check
// Talking to the service worker (background.js): every request goes
// through call, which answers in the wallet's language and shows the
// lock form when the service worker says the wallet is locked.
import { lang, t } from '../i18n.mjs';
import { showLocked } from './locked.mjs';

// CallError: the service worker's refusal, with its code (Protocol.ERRORS).
class CallError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// call asks the service worker to do op; it answers in the wallet's
// language (lang).
/**
 * @param {string} op one of Protocol.OPS
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<Extract<WalletAnswer, {ok: true}>>}
 */
export async function call(op, args = {}) {
  const r = await chrome.runtime.sendMessage({ op, ...args, lang: lang() });
  if (!r) throw new CallError('internal', t('wallet.no-answer'));
  if (!r.ok) {
    if (r.code === 'locked') showLocked('locked');
    throw new CallError(r.code, r.error);
  }
  return r;
}

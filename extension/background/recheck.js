// @ts-check
// The opt-in periodic re-check of revocation lists (background.js loads this
// file): an alarm every RECHECK_MINUTES while on, and a notification when a
// stored credential became revoked or suspended.
'use strict';

const RECHECK_ALARM = 'recheck-status';
const RECHECK_MINUTES = 12 * 60;

/** @param {WalletArgs} m what was asked (untrusted) */
async function setRecheck({ on }) {
  if (on) {
    await chrome.storage.local.set({ recheck: true });
    await chrome.alarms.create(RECHECK_ALARM, { delayInMinutes: RECHECK_MINUTES, periodInMinutes: RECHECK_MINUTES });
  } else {
    await chrome.storage.local.remove('recheck');
    await chrome.alarms.clear(RECHECK_ALARM);
  }
  return { on: !!on };
}

// recheckStatus re-fetches the revocation lists of the stored credentials
// from the hosts still granted. The store's key exists only while the wallet
// is unlocked, so a locked wallet is re-checked at the next alarm after it
// is opened. A credential that became revoked or suspended is a notification
// (its title only; nothing leaves the device).
async function recheckStatus() {
  if (!(await loadSession())) return { locked: true };
  const { store } = await readStore();
  const results = [];
  for (const c of store.credentials) {
    if (![...neededURLs(c).values()].includes('status')) continue;
    let r;
    try {
      r = await checkOnline({ id: c.id, only: 'status' });
    } catch {
      continue; // no granted host, or the wallet locked meanwhile
    }
    results.push(r);
    if (r.verdict === 'not-verified' && r.before !== 'not-verified') {
      const l = await storedLang();
      // Awaited, so that a re-check ends with its notices shown (the
      // service worker may be stopped once it returns); a notice that cannot
      // be shown does not stop the re-check of the others.
      await chrome.notifications
        .create(`revoked-${c.id}`, {
          type: 'basic',
          iconUrl: 'icons/icon-128.png',
          title: Words.say(l, 'bg.revoked-title'),
          message: Words.say(l, 'bg.revoked-notice', { title: r.title }),
        })
        .catch((e) => console.warn('clearbadge: a revocation notice could not be shown', e));
    }
  }
  return { results };
}

chrome.alarms.onAlarm.addListener((a) => {
  if (a.name === RECHECK_ALARM) recheckStatus();
});

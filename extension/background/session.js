// @ts-check
// The session (background.js loads this file): the unlocked key, kept while
// the wallet is in use and dropped after IDLE_MS without use.
'use strict';

const IDLE_MS = 15 * 60 * 1000; // lock after 15 minutes without use
const SESSION_KEY = 'unlocked';

// The key lives in this worker's memory and, so that Chrome stopping the idle
// worker (after ~30 s) does not lock the wallet, in chrome.storage.session:
// memory only, never written to disk, cleared when the browser closes, and
// not readable by content scripts (its default access level is trusted
// contexts only). The idle deadline is checked on every use and by a timer.

let session = null; // {key, last}
let lockTimer = null;

async function loadSession() {
  if (session) return session;
  const got = await chrome.storage.session.get(SESSION_KEY);
  const s = got[SESSION_KEY];
  if (!s) return null;
  if (Date.now() - s.last > IDLE_MS) {
    await lock();
    return null;
  }
  session = { key: await Vault.importKey(s.key), last: s.last, raw: s.key };
  armTimer();
  return session;
}

async function startSession(key) {
  const raw = await Vault.exportKey(key);
  session = { key, last: Date.now(), raw };
  await chrome.storage.session.set({ [SESSION_KEY]: { key: raw, last: session.last } });
  armTimer();
}

async function touch() {
  if (!session) return;
  const now = Date.now();
  // Writing on every message would be wasteful; a minute's slack is fine
  // against a 15 minute deadline.
  if (now - session.last > 60000) {
    session.last = now;
    await chrome.storage.session.set({ [SESSION_KEY]: { key: session.raw, last: now } });
  }
  session.last = now;
  armTimer();
}

function armTimer() {
  clearTimeout(lockTimer);
  if (session)
    lockTimer = setTimeout(
      () => {
        lock();
      },
      IDLE_MS - (Date.now() - session.last) + 1000,
    );
}

async function lock() {
  session = null;
  clearTimeout(lockTimer);
  await chrome.storage.session.remove(SESSION_KEY);
}

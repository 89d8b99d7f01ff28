// @ts-check
// The wallet's page: wallet.html is the toolbar popup (also usable as a tab),
// and wallet.html?view=full the full page: one document and one script, the
// popup being the same wallet laid out narrow (html.popup, the default, so
// the popup has its size from the first paint). All state lives in the service worker
// (background.js); this page asks it for things and draws the answers, and
// holds nothing decrypted once the wallet locks.
//
// Test contract: while the wallet is locked (or not yet created) the page
// shows a form with input[type=password][name=passphrase]; submitting it
// creates the wallet on first use or unlocks it. Unlocked, it has one
// input[type=file] for import, and each stored credential is an element with
// data-verdict = verified | incomplete | not-verified | error (the Report's
// verdict when it was checked). wallet.html?view=full&found=ID shows the
// verdict on something a page offered (the content script's "Open in
// ClearBadge"), locked or not: the page's own notice never shows one.
// render.mjs is the verifier page's card drawing (web/render.mjs, copied in by
// `make extension`), so the wallet and the page show a credential alike.
//
// This entry module starts the page; what it shows is in wallet/, one module
// per part of the page (see docs/architecture.md): state.mjs what the page
// holds, messages.mjs how it talks to the service worker, lang.mjs its
// language, locked.mjs and unlocked.mjs the two views, add.mjs, list.mjs,
// online.mjs, downloads.mjs, share.mjs, backup.mjs and found.mjs their parts.
import { $, announce } from './render.mjs';
import { t } from './i18n.mjs';
import { isPopup } from './wallet/state.mjs';
import { call } from './wallet/messages.mjs';
import { startLang } from './wallet/lang.mjs';
import { showLocked } from './wallet/locked.mjs';
import { showWallet } from './wallet/unlocked.mjs';
import { showFound } from './wallet/found.mjs';

document.documentElement.classList.replace('popup', isPopup ? 'popup' : 'full');

async function start() {
  await startLang();
  const found = new URLSearchParams(location.search).get('found');
  if (found) {
    await showFound(found);
    return;
  }
  let st;
  try {
    st = await call('status');
  } catch (err) {
    announce(t('wallet.not-start', { error: err.message }), true);
    return;
  }
  if (st.state === 'unlocked') await showWallet();
  else showLocked(st.state, st.error);
}

// Another view locking the wallet, or the idle timer, removes the session key:
// this view then drops what it shows.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.unlocked && !changes.unlocked.newValue && document.body.dataset.view === 'wallet') {
    showLocked('locked');
    announce(t('wallet.was-locked'));
  }
});

$('#lock').addEventListener('click', async () => {
  await call('lock');
  showLocked('locked');
  announce(t('wallet.locked'));
});

start();

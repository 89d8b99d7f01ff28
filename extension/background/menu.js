// @ts-check
// The context menu (background.js loads this file): "Verify this badge" on
// images and links, in the language chosen in the wallet.
'use strict';

// The click is handled by the content script of the page it was made in: it
// fetches the image or link from the page's own context (the extension has
// no host permissions and fetches nothing itself) and shows the verdict.

chrome.runtime.onInstalled.addListener(async () => {
  chrome.contextMenus.create({
    id: 'clearbadge-verify',
    title: Words.say(await storedLang(), 'bg.menu-verify'),
    contexts: ['image', 'link'],
  });
});

// The menu speaks the language chosen in the wallet.
chrome.storage.onChanged.addListener(async (changes, area) => {
  if (area === 'local' && changes.lang) {
    // (a callback: the promise form needs a newer Chrome than the manifest's)
    chrome.contextMenus.update('clearbadge-verify', { title: Words.say(await storedLang(), 'bg.menu-verify') }, () => void chrome.runtime.lastError);
  }
});

// onMenuClick is a named function so that tests can call it as the menu
// would (headless Chromium has no context menu to click).
function onMenuClick(info, tab) {
  if (info.menuItemId !== 'clearbadge-verify' || !tab?.id) return;
  const url = info.mediaType === 'image' ? info.srcUrl : info.linkUrl || info.srcUrl;
  if (!url) return;
  chrome.tabs.sendMessage(tab.id, { op: 'verifyUrl', url }, { frameId: info.frameId ?? 0 }).catch(() => {
    // No content script there (a chrome:// page, or the page predates the
    // install): nothing to show it in.
  });
}
chrome.contextMenus.onClicked.addListener(onMenuClick);

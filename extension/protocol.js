// @ts-check
// The wallet's message protocol, written down: the operations the service
// worker (background.js) answers, who may ask for each, the error codes of
// its answers, and the shapes of requests, answers and the Report they carry
// (JSDoc types, checked by tsc --checkJs in make lint). A classic script with
// no import or export, like words.js: the service worker loads it with
// importScripts (the pages may load it with a <script> the same way). It
// defines one global, Protocol. tests/extension/protocol.test.mjs keeps it in
// step with the service worker (background/), platforms.js, the pages and
// the content script.
'use strict';

/**
 * A request: chrome.runtime.sendMessage({op, lang, ...args}); lang is the
 * reader's language, for the words of an answer or an error.
 * @typedef {{op: string, lang?: string} & Record<string, any>} WalletRequest
 */

/**
 * What an operation of the service worker gets: a request's arguments, or
 * those one operation passes another (recheckStatus, saveFound).
 * @typedef {{lang?: string} & Record<string, any>} WalletArgs
 */

/**
 * An answer: {ok: true, ...what the operation returns}, or {ok: false, code,
 * error} with code one of Protocol.ERRORS and error in the reader's language.
 * @typedef {({ok: true} & Record<string, any>) | {ok: false, code: string, error: string}} WalletAnswer
 */

/**
 * The verifier's Report (core/report, docs/report.md), as the wasm returns it
 * (VerifierReport: the DOM has a Report of its own).
 * @typedef {'verified' | 'incomplete' | 'not-verified' | 'error'} Verdict
 * @typedef {'pass' | 'fail' | 'warn' | 'skip'} Outcome
 * @typedef {{code: string, params?: Record<string, string>}} Part
 * @typedef {{id: string, outcome: Outcome, message: string, code: string, params?: Record<string, string>,
 *   more?: Part[], detail?: string, remedy?: 'online' | 'document' | 'none', url?: string}} Check
 * @typedef {{check: string, message: string, code: string, params?: Record<string, string>, more?: Part[],
 *   remedy: 'online' | 'document' | 'none', url?: string}} Missing
 * @typedef {{id?: string, name?: string, url?: string, domain?: string,
 *   registry?: {registry: string, name: string, url?: string, location?: string}}} Party
 * @typedef {{id?: string, name?: string, description?: string, image?: string, issuer: Party, subject?: string,
 *   subjectName?: string, achievement?: {id?: string, name?: string, description?: string, criteria?: string,
 *   image?: string, type?: string}, validFrom?: string, validUntil?: string, holder?: string,
 *   associations?: {associationType: string, sourceId: string, targetId: string}[], refresh?: string}} Summary
 * @typedef {{verdict: Verdict, verified: boolean, missing?: Missing[], kind: string, format?: string,
 *   summary: Summary, checks: Check[], credentials?: VerifierReport[], source?: string}} VerifierReport
 */

/**
 * A stored credential, as the service worker keeps it and the list answer
 * hands it to the wallet page: what it came as ({text}, or {b64, mime}: a
 * baked image), its Report and verdict when last checked, and the public
 * documents that check used (docs; needs, in the list answer: those a check
 * online would fetch).
 * @typedef {{id: string, hash: string, title: string, source?: string, added: string, checked: string,
 *   online?: string, verdict: Verdict, report: VerifierReport, text?: string, b64?: string, mime?: string,
 *   docs?: {url: string, check: string}[], needs?: {url: string, check: string, host: string}[]}} WalletEntry
 */

(() => {
  // The operations the service worker answers for the extension's own pages.
  const OPS = [
    'status',
    'unlock',
    'lock',
    'list',
    'import',
    'remove',
    'restore',
    'reverify',
    'checkOnline',
    'allowSites',
    'revokeSite',
    'addRegistry',
    'removeRegistry',
    'registryInfo',
    'setRecheck',
    'recheckStatus',
    'exportBackup',
    'importBackup',
    'restoreWallet',
    'present',
    'bake',
    'verify',
    'foundItem',
    // The Open Badges API (platforms.js).
    'platformDiscover',
    'platformConnect',
    'platformPull',
    'platformPush',
    'platformProfile',
    'platformConnections',
    'platformRevoke',
  ];
  // The operations a content script may ask for too: it hears of what the
  // page offers and hands it over, and never learns a verdict.
  const PAGE_OPS = ['found', 'openFound', 'saveFound'];
  // The messages a content script answers (chrome.tabs.sendMessage): from
  // the wallet page, list what the page offers (scan) and hand one over
  // (take); from the service worker, verify a link or image picked in the
  // context menu (verifyUrl).
  const CONTENT_OPS = ['scan', 'take', 'verifyUrl'];
  // The error codes of {ok: false} answers.
  const ERRORS = [
    'unknown-op',
    'internal',
    'locked',
    'no-wallet',
    'exists',
    'empty',
    'invalid',
    'not-found',
    'too-many',
    'too-large',
    'no-permission',
    'malformed-backup',
    'wrong-passphrase',
    'damaged',
    'weak-passphrase',
    'timeout',
    // The Open Badges API's (platforms.js ApiError).
    'cancelled',
    'discovery',
    'foreign',
    'profile',
    'refused',
    'registration',
    'scope',
    'sign-in-again',
    'state',
    'token',
    'unreachable',
  ];
  self.Protocol = Object.freeze({
    OPS: Object.freeze([...OPS, ...PAGE_OPS]),
    PAGE_OPS: Object.freeze(PAGE_OPS),
    CONTENT_OPS: Object.freeze(CONTENT_OPS),
    ERRORS: Object.freeze(ERRORS),
  });
})();

// @ts-check
// What the wallet page holds while it is open (every wallet/ module reads
// and changes it): the credentials as last listed and the page's own
// choices. Nothing here outlives the page, and showLocked drops the
// credentials from it.

export const isPopup = new URLSearchParams(location.search).get('view') !== 'full';

/**
 * @type {{entries: WalletEntry[], holder: string | null, picked: Set<string>, query: string, filter: string,
 *   undo: {entry: WalletEntry, index: number, timer: ReturnType<typeof setTimeout>} | null,
 *   foundItems: {kind: string, label: string, url?: string, text?: string}[], documents: Record<string, {fetchedAt: string, maxAge: number}>,
 *   recheck: boolean, sites: string[], registries: {name: string, url: string}[], registryHosts: string[] | null,
 *   consent: string | null, consentIdentity: boolean}}
 */
export const ui = {
  entries: [], // the credentials as last listed
  holder: null, // the holder DID, once made
  picked: new Set(),
  query: '',
  filter: 'all',
  undo: null, // {entry, index, timer}
  foundItems: [],
  documents: {}, // url -> {fetchedAt, maxAge}: the kept public documents
  recheck: false, // the periodic re-check of revocation lists is on
  sites: [], // the hosts the learner allowed and has not revoked
  registries: [], // the issuer registries added: [{name, url}]
  registryHosts: null, // the hosts asking the registries contacts (null: not asked yet)
  consent: null, // the entry id whose consent box is open
  consentIdentity: false, // ... for the registries (identity) only
};

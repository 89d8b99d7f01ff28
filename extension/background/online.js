// @ts-check
// Online checks (background.js loads this file): the hosts the learner
// allowed, the issuer registries, and checking one credential again with
// what those hosts serve.
'use strict';

// The wallet contacts a host only when the learner granted it (an optional
// host permission, asked for from the wallet's own page at their click) and
// only for a check they started (Check online / Refresh) or the opt-in
// periodic re-check of revocation lists. The hosts a credential needs are
// those its last report names: the URLs of what is missing (remedy online or
// document) and of the documents kept for it. Fetched documents are kept in
// the encrypted store (store.documents: {url: {b64, fetchedAt, maxAge}}) and
// each entry lists the ones it used (entry.docs: [{url, check}]), so that a
// later offline re-verification uses them and the card says how old they are.

// hostOf: the host of an https URL, else '' (the only scheme the wallet
// fetches from; render.mjs hostOf takes any URL, for display).
function hostOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.host : '';
  } catch {
    return '';
  }
}

// neededURLs: url -> the check it serves, for what an entry's report could
// not check and what it used before.
function neededURLs(entry) {
  const out = new Map();
  for (const d of entry.docs || []) out.set(d.url, d.check);
  const r = entry.report || {};
  for (const m of [...(r.checks || []), ...(r.missing || [])]) {
    const id = m.check || m.id;
    if (m.url && hostOf(m.url) && (m.remedy === 'online' || m.remedy === 'document')) {
      // A DID document serves the proof and the issuer check: name the issuer's.
      if (!out.has(m.url) || id === 'issuer' || id === 'status') out.set(m.url, id);
    }
  }
  return out;
}

// The hosts the learner allowed are kept in the encrypted store
// (store.sites), added when they answer the wallet's question and the
// browser's permission prompt with Allow, and removed when they revoke one
// (which removes the browser permission too). This record is the wall, not
// the browser's: the content script's match patterns (http://*/*,
// https://*/*) already let Chromium's extension reach any site, so the
// verifier's fetcher is handed only these hosts and refuses every other
// (wasm/fetch.go).
function grantedHosts(store, hosts) {
  const allowed = new Set(store.sites || []);
  return new Set(hosts.filter((h) => allowed.has(h)));
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function allowSites({ hosts }) {
  if (!Array.isArray(hosts) || !hosts.every((h) => typeof h === 'string' && hostOf(`https://${h}/`) === h)) {
    throw new WalletError('invalid', 'bg.not-sites');
  }
  return mutate((s) => {
    s.sites = [...new Set([...(s.sites || []), ...hosts])];
    return { sites: s.sites };
  });
}

// The issuer registries the learner added ({name, url} or {name, b64}: a
// file's bytes), for the identity check. A URL is fetched like any other
// public document: online, from an allowed host, then kept.
/** @param {WalletArgs} m what was asked (untrusted) */
async function addRegistry({ name, url, text }) {
  const r = { name: typeof name === 'string' ? name.slice(0, 200) : '' };
  if (typeof url === 'string' && url) {
    if (!hostOf(url)) throw new WalletError('invalid', 'bg.registry-https');
    r.url = url;
  } else if (typeof text === 'string' && text) {
    if (text.length > Common.MAX_INPUT_BYTES) throw new WalletError('too-large', 'bg.registry-too-large');
    r.b64 = Common.b64(new TextEncoder().encode(text));
  } else {
    throw new WalletError('invalid', 'bg.registry-none');
  }
  return mutate((s) => {
    s.registries = [...(s.registries || []), r];
    return { registries: s.registries.length };
  });
}

// registryInfo: the hosts asking the registries contacts, and the names of
// the defaults when they are the ones asked. Apart from list: learning the
// defaults may start the verifier, which opening the wallet need not wait for.
async function registryInfo() {
  const { store } = await readStore();
  const sources = await registrySources(store);
  return {
    hosts: [...new Set(sources.map((r) => hostOf(r.url || '')).filter(Boolean))],
    defaults: store.registries?.length ? [] : sources.map((r) => r.name),
  };
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function removeRegistry({ index }) {
  return mutate((s) => {
    if (!Number.isInteger(index) || !s.registries?.[index]) throw new WalletError('not-found', 'bg.registry-not-found');
    s.registries.splice(index, 1);
    return {};
  });
}

/** @param {WalletArgs} m what was asked (untrusted) */
async function revokeSite({ host }) {
  return mutate((s) => {
    s.sites = (s.sites || []).filter((h) => h !== host);
    return { sites: s.sites };
  });
}

// keptFor: the kept documents an offline check of entry is given (those it
// used, and the registries' lists, which serve every credential), but none
// from the hosts in except (about to be fetched again).
function keptFor(store, entry, except, sources) {
  const out = {};
  for (const url of [...(entry.docs || []).map((d) => d.url), ...sources.map((r) => r.url).filter(Boolean)]) {
    const k = store.documents?.[url];
    if (k && !except.has(hostOf(url))) out[url] = k.b64;
  }
  return out;
}

// checkOnline verifies one entry again, fetching what it needs from the
// granted hosts among those it names (only: {status} limits that to
// revocation lists, for the periodic re-check), with the kept documents of
// every other host supplied.
/** @param {WalletArgs} m what was asked (untrusted) */
async function checkOnline({ id, only }) {
  const { store } = await readStore();
  const entry = store.credentials.find((c) => c.id === id);
  if (!entry) throw new WalletError('not-found', 'bg.not-found');
  const needed = neededURLs(entry);
  const sources = await registrySources(store);
  const registryHosts = new Set(sources.map((r) => hostOf(r.url || '')).filter(Boolean));
  // only: 'status' (the periodic re-check) or 'identity' (the registries
  // alone); otherwise what the card needs, and the registries once allowed.
  const wanted = [
    ...new Set([...[...needed].filter(([, check]) => !only || check === only).map(([u]) => hostOf(u)), ...(!only || only === 'identity' ? registryHosts : [])]),
  ];
  const granted = grantedHosts(store, wanted);
  const hosts = wanted.filter((h) => granted.has(h));
  if (!hosts.length) {
    throw new WalletError('no-permission', 'bg.no-permission');
  }
  const before = entry.verdict;
  const { report, documents } = await verifyFull(entry, { hosts, documents: keptFor(store, entry, new Set(hosts), sources), registries: sources });
  const now = new Date().toISOString();
  return mutate((s) => {
    const c = s.credentials.find((x) => x.id === id);
    if (!c) return { unchanged: true };
    s.documents ??= {};
    const docs = new Map((c.docs || []).map((d) => [d.url, d.check]));
    for (const d of documents) {
      s.documents[d.url] = { b64: d.b64, fetchedAt: d.fetchedAt, maxAge: d.maxAge };
      docs.set(d.url, needed.get(d.url) || (registryHosts.has(hostOf(d.url)) ? 'identity' : docs.get(d.url) || 'document'));
    }
    c.docs = [...docs].map(([url, check]) => ({ url, check }));
    // An OB 2.0 assertion names its badge only in the BadgeClass fetched
    // now: the card's title comes from it.
    Object.assign(c, { report, verdict: report.verdict, checked: now, online: now, title: titleOf(report, c.title) });
    return { id, verdict: report.verdict, before, hosts, fetched: documents.map((d) => d.url), title: c.title };
  });
}

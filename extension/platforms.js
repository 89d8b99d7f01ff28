// @ts-check
// ClearBadge wallet: talking to learning platforms through the Open Badges
// 3.0 API (OB 3.0 §"Open Badges API", the successor of BadgeConnect) or
// the CLR 2.0 API, which is the same but for its paths and scopes, for the
// service worker (issue 14). A classic script like vault.js (the worker
// loads it with importScripts); it defines one global, Platforms(deps), which
// returns the worker's operations for platforms.
//
// Security, following the 1EdTech Security Framework as OB 3.0 profiles it
// (../shared/notes/spec-checklist.md §7):
// - The learner types a platform's base URL; its Service Description
//   (GET {base}/ims/ob/v3p0/discovery, OB 3.0 §getServiceDescription) names
//   the platform, its privacy policy and terms, which the wallet shows before
//   anything else is sent. The wallet page asks the browser for each host
//   the platform names (optional host permissions) in the learner's click;
//   this worker then talks to those hosts only, and sends a token only to
//   the API's own origin (a Link header pointing elsewhere is not followed).
// - Dynamic Client Registration (RFC 7591 §3.1) at x-imssf-registrationUrl,
//   once per platform: each install is its own confidential client, its
//   client_secret kept in the encrypted store, sent only as HTTP Basic to
//   the token endpoint (token_endpoint_auth_method client_secret_basic, the
//   only method the framework allows).
// - Authorization Code Grant with PKCE S256 (RFC 7636 §4.1-4.2: a 32-byte
//   random verifier, its SHA-256 as the challenge) and a random state
//   (RFC 6749 §10.12), through chrome.identity.launchWebAuthFlow: the
//   platform's sign-in page opens in a browser window the extension does
//   not script, and only the redirect to https://<id>.chromiumapp.org/ob
//   comes back. An answer whose state differs is dropped before the code is
//   used. The verifier and state live in this worker's memory for the
//   duration of one sign-in.
// - Access and refresh tokens are kept in the encrypted store beside the
//   registration, never sent to a page; a 401 or an expired token is
//   refreshed once (RFC 6749 §6) before the learner is asked to sign in
//   again. Scopes are the least the learner's action needs: reading
//   credentials and the profile to connect and pull; credential.upsert is
//   asked for, in a second sign-in, the first time the learner sends
//   credentials there.
// - Revoking a connection forgets its tokens and registration here, and asks
//   the platform to delete the registration where it offered that
//   (RFC 7592 §2.3).
'use strict';

(() => {
  // The two APIs: Open Badges 3.0 and CLR 2.0, alike but for their base
  // path, their scopes and getCredentials' member for JSON credentials
  // (CLR 2.0 §getCredentials: clrCredential). A platform is asked for the
  // OB one first.
  const scopesOf = (spec) => ({
    read: `https://purl.imsglobal.org/spec/${spec}/scope/credential.readonly`,
    upsert: `https://purl.imsglobal.org/spec/${spec}/scope/credential.upsert`,
    profile: `https://purl.imsglobal.org/spec/${spec}/scope/profile.readonly`,
  });
  const APIS = {
    ob: { path: '/ims/ob/v3p0', scopes: scopesOf('ob/v3p0'), member: 'credential' },
    clr: { path: '/ims/clr/v2p0', scopes: scopesOf('clr/v2p0'), member: 'clrCredential' },
  };
  // offline_access: what the framework's examples add to get a refresh token.
  const OFFLINE = 'offline_access';
  const PAGE = 50; // getCredentials limit per page
  const MAX_PAGES = 200; // a platform that pages forever is stopped
  const MAX_BODY = 32 << 20; // one response
  const TIMEOUT_MS = 30000;
  const WAIT_AT_MOST_S = 10; // a Retry-After the learner waits for
  const RETRY_ALARM = 'platform-retry:'; // + connection id
  const AUTO_RETRIES = 2;
  const SINCE_MARGIN_MS = 5 * 60 * 1000; // clocks differ; de-duplication absorbs the overlap
  // RFC 7591 §2: the client's metadata. All on one host, as the framework
  // asks (the project's home).
  const HOME = 'https://github.com/clearbadge/clearbadge';
  const CLIENT = {
    client_name: 'ClearBadge Wallet',
    client_uri: HOME,
    logo_uri: `${HOME}/raw/main/web/icon.svg`,
    tos_uri: `${HOME}/blob/main/README.md`,
    policy_uri: `${HOME}/blob/main/README.md#privacy`,
    software_id: 'clearbadge-wallet',
  };

  // ApiError: a refusal said with words.js (key, params); a param may be
  // words itself (w(key, params)).
  class ApiError extends Words.Refusal {}
  const w = (key, params) => ({ key, params });

  const b64url = (bytes) => Vault.b64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));

  // httpsURL reads a URL the platform gave. The specification's own example
  // writes them without a scheme ("provider.example.com/token"): those are
  // read as https; anything but https is refused.
  // what names the address: pf.what-<what>.
  function httpsURL(s, what) {
    const field = w(`pf.what-${what}`);
    if (typeof s !== 'string' || !s.trim()) throw new ApiError('discovery', 'pf.no-field', { what: field });
    let u;
    try {
      u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
    } catch {
      throw new ApiError('discovery', 'pf.not-address', { what: field });
    }
    if (u.protocol !== 'https:') throw new ApiError('discovery', 'pf.not-https', { what: field });
    return u.href;
  }

  // baseOf: what the learner typed -> the platform's base URL (no
  // trailing slash, no /ims/ob/v3p0 part).
  function baseOf(input) {
    const s = String(input || '').trim();
    let u;
    try {
      u = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
    } catch {
      throw new ApiError('invalid', 'pf.bad-address');
    }
    if (u.protocol !== 'https:') throw new ApiError('invalid', 'pf.https-only');
    const path = u.pathname.replace(/\/+$/, '').replace(/\/ims\/(ob\/v3p0|clr\/v2p0)(\/discovery)?$/, '');
    return `${u.origin}${path}`;
  }

  async function readCapped(res) {
    const n = Number(res.headers.get('Content-Length'));
    if (n > MAX_BODY) throw new ApiError('too-large', 'pf.too-large');
    const reader = res.body?.getReader();
    if (!reader) return '';
    const parts = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BODY) {
        await reader.cancel();
        throw new ApiError('too-large', 'pf.too-large');
      }
      parts.push(value);
    }
    return new TextDecoder().decode(await new Blob(parts).arrayBuffer());
  }

  // send: one request, without cookies or referrer, never following a
  // redirect (it could carry a token elsewhere).
  async function send(url, opts = {}) {
    let res;
    try {
      res = await fetch(url, {
        ...opts,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new ApiError('unreachable', 'pf.unreachable', { host: new URL(url).host, why: w(err.name === 'TimeoutError' ? 'pf.slow' : 'pf.no-connection') });
    }
    const text = await readCapped(res);
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  // plainError says in plain words what a platform's error answer means:
  // imsx_StatusInfo (OB 3.0 §Imsx_StatusInfo) or an OAuth error (RFC 6749
  // §5.2).
  // Returns words: {key, params}. action: pf.action-<action>.
  const MINOR = {
    forbidden: 'forbidden',
    unauthorizedrequest: 'unauthorized',
    server_busy: 'busy',
    invalid_data: 'invalid',
    invalid_selection_field: 'not-understood',
    invalid_sort_field: 'not-understood',
    unknownobject: 'unknown',
  };
  function plainError(r, host, action) {
    const j = r.json && typeof r.json === 'object' ? r.json : {};
    const minor = j.imsx_codeMinor?.imsx_codeMinorField?.[0]?.imsx_codeMinorFieldValue;
    const desc = typeof j.imsx_description === 'string' ? j.imsx_description : typeof j.error_description === 'string' ? j.error_description : '';
    const why = MINOR[minor] ? w(`pf.why-${MINOR[minor]}`) : w('pf.why-answered', { code: typeof j.error === 'string' ? j.error.slice(0, 60) : r.status });
    const params = { host, action: w(`pf.action-${action}`), why };
    return desc ? w('pf.refused-said', { ...params, desc: desc.slice(0, 200) }) : w('pf.refused', params);
  }
  const fail = (code, words) => new ApiError(code, words.key, words.params);

  // retryAfter: seconds to wait (RFC 9110 §10.2.3: seconds or an HTTP date).
  function retryAfter(headers) {
    const v = headers.get('Retry-After');
    if (v === null) return null;
    if (/^\d+$/.test(v.trim())) return Number(v);
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - Date.now()) / 1000));
  }

  // discoveryOf reads a Service Description (an OpenAPI 3.0 document).
  function discoveryOf(doc, base, api) {
    if (!doc || typeof doc !== 'object') throw new ApiError('discovery', 'pf.no-description');
    const schemes = doc.components?.securitySchemes || {};
    const s = schemes.OAuth2ACG || Object.values(schemes).find((x) => x?.type === 'oauth2' && x.flows?.authorizationCode);
    const flow = s?.flows?.authorizationCode;
    if (!flow) throw new ApiError('discovery', 'pf.no-oauth');
    const server = Array.isArray(doc.servers) && typeof doc.servers[0]?.url === 'string' ? doc.servers[0].url : '';
    const apiBase = (server && /^https:/.test(server) ? server : `${base}${APIS[api].path}`).replace(/\/+$/, '');
    const d = {
      base,
      api,
      apiBase: httpsURL(apiBase, 'api').replace(/\/+$/, ''),
      name: typeof s['x-imssf-name'] === 'string' && s['x-imssf-name'].trim() ? s['x-imssf-name'].trim().slice(0, 200) : new URL(base).host,
      privacy: s['x-imssf-privacyPolicyUrl'] ? httpsURL(s['x-imssf-privacyPolicyUrl'], 'privacy') : '',
      terms: s['x-imssf-termsOfServiceUrl'] ? httpsURL(s['x-imssf-termsOfServiceUrl'], 'terms') : '',
      registrationUrl: httpsURL(s['x-imssf-registrationUrl'], 'registration'),
      authorizationUrl: httpsURL(flow.authorizationUrl, 'sign-in'),
      tokenUrl: httpsURL(flow.tokenUrl, 'token'),
      refreshUrl: flow.refreshUrl ? httpsURL(flow.refreshUrl, 'refresh') : '',
      scopes: Object.keys(flow.scopes || {}),
    };
    // The hosts this worker will talk to (the sign-in page is the browser's).
    d.hosts = [...new Set([d.base, d.apiBase, d.registrationUrl, d.tokenUrl, d.refreshUrl].filter(Boolean).map((u) => new URL(u).host))];
    return d;
  }

  async function discover(base) {
    let r;
    for (const api of ['ob', 'clr']) {
      r = await send(`${base}${APIS[api].path}/discovery`, { headers: { Accept: 'application/json' } });
      if (r.status === 200) return discoveryOf(r.json, base, api);
    }
    throw new ApiError('discovery', 'pf.no-api', { host: new URL(base).host, status: r.status });
  }

  function basic(client) {
    // RFC 6749 §2.3.1: each part form-encoded before Basic.
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
    return `Basic ${btoa(`${enc(client.client_id)}:${enc(client.client_secret)}`)}`;
  }

  const redirectURI = () => chrome.identity.getRedirectURL('ob');

  async function register(d) {
    const SCOPES = APIS[d.api].scopes;
    const body = {
      ...CLIENT,
      software_version: chrome.runtime.getManifest().version,
      redirect_uris: [redirectURI()],
      scope: [SCOPES.read, SCOPES.upsert, SCOPES.profile, OFFLINE].join(' '),
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    };
    const r = await send(d.registrationUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if ((r.status !== 201 && r.status !== 200) || typeof r.json?.client_id !== 'string' || typeof r.json?.client_secret !== 'string') {
      throw r.status >= 400 ? fail('registration', plainError(r, new URL(d.registrationUrl).host, 'register')) : new ApiError('registration', 'pf.no-client');
    }
    const c = { client_id: r.json.client_id, client_secret: r.json.client_secret };
    // RFC 7592: where to delete the registration later, if offered on the same host.
    if (typeof r.json.registration_client_uri === 'string' && typeof r.json.registration_access_token === 'string') {
      try {
        if (new URL(r.json.registration_client_uri).origin === new URL(d.registrationUrl).origin) {
          c.registration_client_uri = r.json.registration_client_uri;
          c.registration_access_token = r.json.registration_access_token;
        }
      } catch {
        /* not a URL: not kept */
      }
    }
    return c;
  }

  async function tokenRequest(conn, params) {
    const url = params.grant_type === 'refresh_token' && conn.refreshUrl ? conn.refreshUrl : conn.tokenUrl;
    const r = await send(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', Authorization: basic(conn.client) },
      body: new URLSearchParams(params).toString(),
    });
    if (r.status !== 200 || typeof r.json?.access_token !== 'string' || !/^bearer$/i.test(r.json.token_type || '')) {
      const code = params.grant_type === 'refresh_token' ? 'sign-in-again' : 'token';
      throw r.status >= 400 ? fail(code, plainError(r, new URL(url).host, code === 'token' ? 'complete' : 'renew')) : new ApiError(code, 'pf.not-bearer');
    }
    const t = r.json;
    return {
      access: t.access_token,
      refresh: typeof t.refresh_token === 'string' ? t.refresh_token : conn.tokens?.refresh,
      expiresAt: Date.now() + (Number.isFinite(t.expires_in) ? t.expires_in : 3600) * 1000,
      scope: typeof t.scope === 'string' ? t.scope.split(/\s+/).filter(Boolean) : params.scope?.split(' ') || conn.tokens?.scope || [],
    };
  }

  // signIn runs the Authorization Code Grant with PKCE for scopes and
  // returns the tokens. Nothing is stored here.
  async function signIn(conn, scopes) {
    const verifier = random(32); // RFC 7636 §4.1: 43 characters
    const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    const state = random(16);
    const scope = [...scopes, OFFLINE].join(' ');
    const u = new URL(conn.authorizationUrl);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: conn.client.client_id,
      redirect_uri: redirectURI(),
      scope,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      u.searchParams.set(k, v);
    let answer;
    try {
      answer = await chrome.identity.launchWebAuthFlow({ url: u.href, interactive: true });
    } catch (err) {
      throw new ApiError('cancelled', 'pf.unfinished', { host: u.host, why: err.message });
    }
    const back = new URL(answer);
    const p = back.searchParams;
    if (p.get('state') !== state) {
      throw new ApiError('state', 'pf.state', { host: u.host });
    }
    if (p.get('error')) {
      throw new ApiError('refused', 'pf.denied', {
        host: u.host,
        error: `${p.get('error').slice(0, 60)}${p.get('error_description') ? `: ${p.get('error_description').slice(0, 200)}` : ''}`,
      });
    }
    if (!p.get('code')) throw new ApiError('token', 'pf.no-code', { host: u.host });
    return tokenRequest(conn, { grant_type: 'authorization_code', code: p.get('code'), redirect_uri: redirectURI(), code_verifier: verifier, scope });
  }

  self.Platforms = (deps) => {
    const { readStore, mutate, checkItem, sha256, unbake, WalletError } = deps;

    const wrap =
      (fn) =>
      async (...args) => {
        try {
          return await fn(...args);
        } catch (err) {
          if (err instanceof ApiError) throw new WalletError(err.code, err.key, err.params);
          throw err;
        }
      };

    async function connectionOf(id) {
      const { store } = await readStore();
      const c = (store.connections || []).find((x) => x.id === id);
      if (!c) throw new ApiError('not-found', 'pf.not-connected');
      return c;
    }

    function saveConn(id, change) {
      return mutate((s) => {
        const c = (s.connections || []).find((x) => x.id === id);
        if (!c) return { unchanged: true };
        Object.assign(c, change);
        return {};
      });
    }

    // call: an API request with the connection's token, renewed once when
    // expired or refused with 401. Only to the API's own origin.
    async function call(conn, url, opts = {}) {
      if (new URL(url).origin !== new URL(conn.apiBase).origin) throw new ApiError('foreign', 'pf.foreign');
      const renew = async () => {
        if (!conn.tokens.refresh) throw new ApiError('sign-in-again', 'pf.expired', { name: conn.name });
        try {
          conn.tokens = await tokenRequest(conn, { grant_type: 'refresh_token', refresh_token: conn.tokens.refresh });
        } catch (err) {
          await saveConn(conn.id, { needsSignIn: true });
          throw err;
        }
        await saveConn(conn.id, { tokens: conn.tokens, needsSignIn: false });
      };
      if (conn.tokens.expiresAt - 30000 < Date.now()) await renew();
      const go = () => send(url, { ...opts, headers: { Accept: 'application/json', ...opts.headers, Authorization: `Bearer ${conn.tokens.access}` } });
      let r = await go();
      if (r.status === 401) {
        await renew();
        r = await go();
      }
      return r;
    }

    const scopes = (c) => APIS[c.api].scopes;

    function publicConn(c) {
      const SCOPES = scopes(c);
      return {
        api: c.api,
        id: c.id,
        name: c.name,
        base: c.base,
        host: new URL(c.base).host,
        hosts: c.hosts,
        privacy: c.privacy,
        terms: c.terms,
        scopes: Object.entries(SCOPES)
          .filter(([, v]) => c.tokens?.scope?.includes(v))
          .map(([k]) => k),
        added: c.added,
        lastSync: c.lastSync,
        lastPush: c.lastPush,
        retryAt: c.retryAt,
        needsSignIn: !!c.needsSignIn,
        profile: c.profile,
        pulled: c.pulled || 0,
      };
    }

    async function platformDiscover({ base }) {
      const d = await discover(baseOf(base));
      return { platform: { api: d.api, base: d.base, name: d.name, privacy: d.privacy, terms: d.terms, hosts: d.hosts, host: new URL(d.base).host } };
    }

    async function fetchProfile(conn) {
      if (!conn.tokens.scope.includes(scopes(conn).profile)) return undefined;
      const r = await call(conn, `${conn.apiBase}/profile`);
      if (r.status !== 200 || !r.json || typeof r.json !== 'object') throw fail('profile', plainError(r, new URL(conn.apiBase).host, 'profile'));
      const p = r.json;
      const str = (v) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
      return { id: str(p.id), name: str(p.name), email: str(p.email), fetched: new Date().toISOString() };
    }

    // platformConnect: discovery again (the page's copy is not trusted),
    // registration, sign-in for reading credentials and the profile, then
    // the connection stored. Any failure stores nothing.
    async function platformConnect({ base }) {
      const d = await discover(baseOf(base));
      const { store } = await readStore();
      const old = (store.connections || []).find((c) => c.base === d.base);
      // A stored connection: the platform as discovered, this install's
      // client registration, and once signed in its tokens and the profile.
      /** @type {typeof d & {id: string, added: string, client: Awaited<ReturnType<typeof register>>,
       *   tokens?: Awaited<ReturnType<typeof signIn>>, profile?: Awaited<ReturnType<typeof fetchProfile>>}} */
      const conn = {
        id: old?.id || crypto.randomUUID(),
        added: old?.added || new Date().toISOString(),
        ...d,
        client: old?.client || (await register(d)),
      };
      conn.tokens = await signIn(conn, [scopes(conn).read, scopes(conn).profile]);
      try {
        conn.profile = await fetchProfile(conn);
      } catch {
        conn.profile = undefined; // shown as unknown; the connection stands
      }
      await mutate((s) => {
        s.connections = (s.connections || []).filter((c) => c.id !== conn.id);
        s.connections.push({ ...old, ...conn, needsSignIn: false });
        return {};
      });
      return { connection: publicConn(conn) };
    }

    async function platformProfile({ id }) {
      const conn = await connectionOf(id);
      const profile = await fetchProfile(conn);
      await saveConn(id, { profile });
      return { profile };
    }

    // keyOf: OB 3.0 §"Credential equality and comparison": the same
    // issuer.id and the same credential id, each percent-decoded and
    // trimmed, are the same credential; the newer validFrom wins.
    function keyOf(report) {
      const s = report?.summary || {};
      const norm = (v) => {
        try {
          return decodeURIComponent(String(v)).trim();
        } catch {
          return String(v).trim();
        }
      };
      return s.id && s.issuer?.id ? `${norm(s.issuer.id)}\n${norm(s.id)}` : '';
    }
    const timeOf = (report) => Date.parse(report?.summary?.validFrom || '') || 0;

    // storePage verifies a page's credentials and adds them in one write:
    // new ones added, a newer copy of a stored one put in its place, an
    // older or identical copy left out.
    async function storePage(conn, texts) {
      // What is stored byte for byte already is not verified again.
      const { store } = await readStore();
      const have = new Set(store.credentials.map((c) => c.hash));
      const checked = [];
      let same = 0;
      for (const text of texts) {
        if (have.has(await sha256({ text }))) same++;
        else checked.push(await checkItem({ text, source: conn.name }));
      }
      return mutate((s) => {
        const out = { added: 0, replaced: 0, same, refused: [] };
        const byHash = new Set(s.credentials.map((c) => c.hash));
        for (const c of checked) {
          if (c.refused) {
            out.refused.push(c.refused);
            continue;
          }
          const e = c.entry;
          if (byHash.has(e.hash)) {
            out.same++;
            continue;
          }
          e.platform = conn.id;
          const key = keyOf(e.report);
          const i = key ? s.credentials.findIndex((x) => keyOf(x.report) === key) : -1;
          if (i >= 0) {
            if (timeOf(e.report) > timeOf(s.credentials[i].report)) {
              s.credentials[i] = { ...e, id: s.credentials[i].id, added: s.credentials[i].added, replaced: new Date().toISOString() };
              out.replaced++;
            } else {
              out.same++;
            }
          } else {
            s.credentials.push(e);
            out.added++;
          }
          byHash.add(e.hash);
        }
        if (!out.added && !out.replaced) out.unchanged = true;
        return out;
      });
    }

    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

    // nextLink: the Link header's rel="next" (RFC 8288), if any.
    function nextLink(headers, base) {
      const link = headers.get('Link') || '';
      for (const part of link.split(/,(?=\s*<)/)) {
        const m = part.match(/^\s*<([^>]*)>\s*;(.*)$/);
        if (m && /;?\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(`;${m[2]}`)) {
          try {
            return new URL(m[1], base).href;
          } catch {
            return null;
          }
        }
      }
      return null;
    }

    // platformPull: getCredentials page by page (limit/offset, following
    // Link rel=next on the API's origin), each page stored as it arrives so
    // that an error later keeps what came before. all: from the start;
    // otherwise only what is new since the last complete pull (since).
    /** @param {{id: string, all?: boolean, lang?: string}} m */
    async function platformPull({ id, all, lang }) {
      const l = Words.langOf(lang);
      let conn = await connectionOf(id);
      const started = new Date();
      const since = !all && conn.lastSync ? new Date(Date.parse(conn.lastSync) - SINCE_MARGIN_MS).toISOString() : '';
      const first = new URL(`${conn.apiBase}/credentials`);
      first.searchParams.set('limit', String(PAGE));
      first.searchParams.set('offset', '0');
      if (since) first.searchParams.set('since', since);
      const total = { added: 0, replaced: 0, same: 0, refused: [], received: 0, pages: 0 };
      const done = (extra) => ({ ...total, ...extra, connection: publicConn(conn) });
      let url = first.href;
      let waits = 0;
      while (url && total.pages < MAX_PAGES) {
        const r = await call(conn, url);
        conn = await connectionOf(id); // tokens may have been renewed
        if (r.status === 429 || r.status === 503) {
          // OB 3.0 §getCredentials: honour Retry-After, else try again
          // after 30 minutes, twice. The learner waits for a short one
          // (twice at most); a longer one is an alarm that pulls what is
          // new since the last complete pull, while the wallet is unlocked.
          const wait = retryAfter(r.headers);
          if (wait !== null && wait <= WAIT_AT_MOST_S && waits < 2) {
            waits++;
            await sleep(wait * 1000);
            continue;
          }
          const retryAt = new Date(Date.now() + (wait ?? 30 * 60) * 1000).toISOString();
          const retries = (conn.retries || 0) + 1;
          const again = retries <= AUTO_RETRIES;
          await saveConn(id, { retryAt, retries });
          if (again) await chrome.alarms.create(`${RETRY_ALARM}${id}`, { when: Date.parse(retryAt) });
          conn.retryAt = retryAt;
          const until = new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(retryAt));
          return done({ partial: true, retryAt, error: Words.say(l, again ? 'pf.busy-retry' : 'pf.busy', { name: conn.name, until }) });
        }
        if (r.status !== 200)
          return done({ partial: true, error: Words.say(l, 'pf.kept', { said: plainError(r, new URL(conn.apiBase).host, 'credentials') }) });
        const body = r.json;
        const list = (v) => (v === undefined ? [] : v);
        const creds = body && typeof body === 'object' ? list(body[APIS[conn.api].member]) : null;
        const jws = body && typeof body === 'object' ? list(body.compactJwsString) : null;
        if (
          !Array.isArray(creds) ||
          !Array.isArray(jws) ||
          !creds.every((c) => c && typeof c === 'object' && !Array.isArray(c)) ||
          !jws.every((s) => typeof s === 'string' && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(s.trim()))
        ) {
          return done({ partial: true, error: Words.say(l, 'pf.malformed', { name: conn.name }) });
        }
        waits = 0;
        total.pages++;
        const texts = [...creds.map((c) => JSON.stringify(c)), ...jws.map((s) => s.trim())];
        total.received += texts.length;
        const got = await storePage(conn, texts);
        total.added += got.added;
        total.replaced += got.replaced;
        total.same += got.same;
        total.refused.push(...got.refused);
        const next = nextLink(r.headers, url);
        if (next) {
          if (new URL(next).origin !== new URL(conn.apiBase).origin)
            return done({ partial: true, error: Words.say(l, 'pf.foreign-next', { name: conn.name }) });
          url = next;
        } else {
          // Without a next link, the page count and X-Total-Count decide.
          const count = Number(r.headers.get('X-Total-Count'));
          const u = new URL(url);
          const offset = Number(u.searchParams.get('offset') || 0) + texts.length;
          if (texts.length === 0 || (Number.isFinite(count) && r.headers.has('X-Total-Count') ? offset >= count : texts.length < PAGE)) url = null;
          else {
            u.searchParams.set('offset', String(offset));
            url = u.href;
          }
        }
      }
      const lastSync = started.toISOString();
      await saveConn(id, { lastSync, retryAt: undefined, retries: 0, pulled: (conn.pulled || 0) + total.added });
      await chrome.alarms.clear(`${RETRY_ALARM}${id}`);
      Object.assign(conn, { lastSync, retryAt: undefined, pulled: (conn.pulled || 0) + total.added });
      return done({});
    }

    // platformPush: upsertCredential (OB 3.0 §upsertCredential) of the
    // chosen credentials: 201 created, 200 replaced. The first push to a
    // platform signs in again for credential.upsert.
    async function platformPush({ id, ids, lang }) {
      const l = Words.langOf(lang);
      if (!Array.isArray(ids) || !ids.length) throw new ApiError('empty', 'pf.select-first');
      let conn = await connectionOf(id);
      const { store } = await readStore();
      const chosen = ids.map((x) => store.credentials.find((c) => c.id === x));
      if (chosen.some((c) => !c)) throw new ApiError('not-found', 'pf.gone');
      const SCOPES = scopes(conn);
      if (!conn.tokens.scope.includes(SCOPES.upsert)) {
        const wanted = [...new Set([...conn.tokens.scope.filter((s) => s !== OFFLINE), SCOPES.upsert])];
        const tokens = await signIn(conn, wanted);
        await saveConn(id, { tokens, needsSignIn: false });
        conn = await connectionOf(id);
        if (!conn.tokens.scope.includes(SCOPES.upsert)) throw new ApiError('scope', 'pf.no-upsert', { name: conn.name });
      }
      const results = [];
      for (const c of chosen) {
        // A baked image is sent as the credential inside it: the API takes
        // the credential itself.
        let text = c.text;
        if (typeof text !== 'string') {
          try {
            text = await unbake(c);
          } catch {
            results.push({ id: c.id, title: c.title, error: Words.say(l, 'pf.baked') });
            continue;
          }
        }
        const jwt = !text.trim().startsWith('{');
        const r = await call(conn, `${conn.apiBase}/credentials`, {
          method: 'POST',
          headers: { 'Content-Type': jwt ? 'text/plain' : 'application/json' },
          body: text.trim(),
        });
        conn = await connectionOf(id);
        if (r.status === 200 || r.status === 201) results.push({ id: c.id, title: c.title, outcome: r.status === 201 ? 'created' : 'replaced' });
        else {
          const e = plainError(r, new URL(conn.apiBase).host, 'take');
          results.push({ id: c.id, title: c.title, error: Words.say(l, e.key, e.params) });
        }
      }
      const lastPush = new Date().toISOString();
      await saveConn(id, { lastPush });
      return { results, connection: publicConn({ ...conn, lastPush }) };
    }

    async function platformConnections() {
      const { store } = await readStore();
      return { connections: (store.connections || []).map(publicConn) };
    }

    // platformRevoke forgets the connection (tokens, client secret,
    // registration) and asks the platform to delete the registration where
    // it offered that. The forgetting does not wait on the platform.
    async function platformRevoke({ id }) {
      const conn = await connectionOf(id);
      await mutate((s) => {
        s.connections = (s.connections || []).filter((c) => c.id !== id);
        return {};
      });
      await chrome.alarms.clear(`${RETRY_ALARM}${id}`);
      let deleted = false;
      if (conn.client.registration_client_uri) {
        try {
          const r = await send(conn.client.registration_client_uri, {
            method: 'DELETE',
            headers: { Authorization: `Bearer ${conn.client.registration_access_token}` },
          });
          deleted = r.status === 204 || r.status === 200;
        } catch {
          /* forgotten here all the same */
        }
      }
      const { store } = await readStore();
      const stillUsed = new Set((store.connections || []).flatMap((c) => c.hosts || []));
      return { hosts: (conn.hosts || []).filter((h) => !stillUsed.has(h)), deleted };
    }

    // onRetryAlarm: a pull the platform asked to postpone, as the alarm
    // runs it (a global, so that tests can call it as Chrome would). A
    // locked wallet has no key to the tokens: the learner pulls later.
    self.onRetryAlarm = async (alarm) => {
      if (!alarm.name.startsWith(RETRY_ALARM)) return undefined;
      try {
        return await platformPull({ id: alarm.name.slice(RETRY_ALARM.length) });
      } catch {
        return undefined;
      }
    };
    chrome.alarms.onAlarm.addListener(self.onRetryAlarm);

    return Object.fromEntries(
      Object.entries({
        platformDiscover,
        platformConnect,
        platformPull,
        platformPush,
        platformProfile,
        platformConnections,
        platformRevoke,
      }).map(([k, f]) => [k, wrap(f)]),
    );
  };
})();

// A local Open Badges 3.0 API host for the wallet's platform tests (issue
// 14): one Node HTTPS server that is a separate platform for each test host
// name it answers for (by the Host header), each with
//   GET  /ims/ob/v3p0/discovery      the Service Description (OpenAPI 3.0)
//   POST /oauth/register             Dynamic Client Registration (RFC 7591),
//   DELETE /oauth/register/{id}      ... and its deletion (RFC 7592)
//   GET  /oauth/authorize            a sign-in page the test fills in,
//   POST /oauth/authorize            ... answering with a code and the state
//   POST /oauth/token                authorization_code with PKCE S256
//                                    checks, and refresh_token
//   GET  /ims/ob/v3p0/credentials    getCredentials: limit/offset/since,
//                                    Link and X-Total-Count
//   POST /ims/ob/v3p0/credentials    upsertCredential: 201 created, 200 replaced
//   GET  /ims/ob/v3p0/profile        getProfile
// and knobs (platform.faults) for what a wallet must survive: a wrong
// state, a code bound to another PKCE challenge, expired tokens, a 429
// with Retry-After, a malformed page. Every request is logged.
import https from 'node:https';
import { createHash, randomBytes } from 'node:crypto';

// The Open Badges 3.0 API, and the CLR 2.0 API, which differs in its base
// path, its scopes and getCredentials' member for JSON credentials.
const scopesOf = (spec) =>
  Object.fromEntries(
    ['credential.readonly', 'credential.upsert', 'profile.readonly', 'profile.update'].map((s, i) => [
      ['read', 'upsert', 'profile', 'profileUpdate'][i],
      `https://purl.imsglobal.org/spec/${spec}/scope/${s}`,
    ]),
  );
const APIS = {
  ob: { path: '/ims/ob/v3p0', scopes: scopesOf('ob/v3p0'), member: 'credential' },
  clr: { path: '/ims/clr/v2p0', scopes: scopesOf('clr/v2p0'), member: 'clrCredential' },
};
export const USER = { name: 'learner', password: 'open sesame' };

const token = () => randomBytes(24).toString('base64url');
const b64url = (buf) => Buffer.from(buf).toString('base64url');

// imsx: an imsx_StatusInfo error body (OB 3.0 §Imsx_StatusInfo).
function imsx(minor, description) {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor }] },
  };
}

// equalityKey: OB 3.0 §Credential equality and comparison.
function equalityKey(cred) {
  const norm = (s) => decodeURIComponent(String(s)).trim();
  const issuer = typeof cred.issuer === 'string' ? cred.issuer : cred.issuer?.id;
  return `${norm(issuer)}\n${norm(cred.id)}`;
}

export function jwtPayloadOf(jws) {
  return JSON.parse(Buffer.from(jws.split('.')[1], 'base64url').toString('utf8'));
}

export class Platform {
  constructor(host, name, api = 'ob') {
    this.host = host;
    this.name = name;
    this.api = APIS[api];
    this.clients = new Map(); // client_id -> metadata + secret
    this.codes = new Map(); // code -> {client_id, redirect_uri, scope, challenge, used}
    this.tokens = new Map(); // access -> {client_id, scope, expired}
    this.refresh = new Map(); // refresh -> {client_id, scope}
    this.credentials = []; // {kind: 'json'|'jws', value, key, validFrom, added}
    // wrongState, otherChallenge, rateLimit: {at, times, retryAfter},
    // malformedAt (an offset), nextTo (a Link rel=next elsewhere),
    // discovery (doc) -> doc
    this.faults = {};
    this.log = [];
    this.profile = { id: `https://${host}/users/1`, type: ['Profile'], name: 'Test Learner', email: 'learner@example.edu' };
  }

  add(kind, value, added = new Date()) {
    const cred = kind === 'jws' ? jwtPayloadOf(value) : value;
    const entry = { kind, value, key: equalityKey(cred), validFrom: cred.validFrom, added: added.toISOString() };
    const i = this.credentials.findIndex((c) => c.key === entry.key);
    if (i >= 0) {
      this.credentials[i] = entry;
      return 200;
    }
    this.credentials.push(entry);
    return 201;
  }

  discovery() {
    const base = `https://${this.host}`;
    return {
      openapi: '3.0.1',
      info: { title: 'Open Badges API', version: '3.0', 'x-imssf-privacyPolicyUrl': `${base}/privacy` },
      servers: [{ url: `${base}${this.api.path}` }],
      paths: { '/credentials': {}, '/profile': {}, '/discovery': {} },
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            description: 'OAuth 2.0 Authorization Code Grant authorization',
            'x-imssf-name': this.name,
            'x-imssf-privacyPolicyUrl': `${base}/privacy`,
            'x-imssf-termsOfServiceUrl': `${base}/terms`,
            'x-imssf-registrationUrl': `${base}/oauth/register`,
            flows: {
              authorizationCode: {
                authorizationUrl: `${base}/oauth/authorize`,
                tokenUrl: `${base}/oauth/token`,
                refreshUrl: `${base}/oauth/token`,
                scopes: Object.fromEntries(Object.values(this.api.scopes).map((s) => [s, s.split('/').pop()])),
              },
            },
          },
        },
      },
    };
  }
}

async function body(req) {
  const parts = [];
  for await (const p of req) parts.push(p);
  return Buffer.concat(parts).toString('utf8');
}

function send(res, status, json, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(json === undefined ? '' : typeof json === 'string' ? json : JSON.stringify(json));
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// startOBHost serves platforms ({host: Platform}) on 127.0.0.1 with tls
// ({key, cert}); returns {port, close}.
export async function startOBHost(platforms, tls) {
  const server = https.createServer(tls, async (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const p = platforms[host];
    const u = new URL(req.url, `https://${host}`);
    if (!p) {
      send(res, 404, imsx('unknownobject', 'no such host'));
      return;
    }
    p.log.push(`${req.method} ${u.pathname}${u.search}`);
    try {
      await route(p, req, res, u);
    } catch (err) {
      send(res, 500, imsx('internal_server_error', err.message));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => new Promise((r) => server.close(r)) };
}

function bearer(p, req, res, scope) {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization || '');
  const t = m && p.tokens.get(m[1]);
  if (!t || t.expired) {
    send(res, 401, imsx('unauthorizedrequest', t ? 'The access token has expired.' : 'No valid access token.'), {
      'WWW-Authenticate': 'Bearer error="invalid_token"',
    });
    return null;
  }
  if (!t.scope.includes(scope)) {
    send(res, 403, imsx('forbidden', `This needs the scope ${scope}.`));
    return null;
  }
  return t;
}

function clientOf(p, req) {
  const m = /^Basic (.+)$/.exec(req.headers.authorization || '');
  if (!m) return null;
  const [id, secret] = Buffer.from(m[1], 'base64')
    .toString('utf8')
    .split(':')
    .map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
  const c = p.clients.get(id);
  return c && c.client_secret === secret ? c : null;
}

async function route(p, req, res, u) {
  const path = u.pathname;
  const OB = p.api.path;
  const SCOPES = p.api.scopes;
  if (req.method === 'GET' && path === `${OB}/discovery`) return send(res, 200, p.faults.discovery ? p.faults.discovery(p.discovery()) : p.discovery());
  if (req.method === 'GET' && (path === '/privacy' || path === '/terms')) {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end(`<!doctype html><title>${path.slice(1)}</title><h1>${esc(p.name)}: ${path.slice(1)}</h1>`);
  }

  if (req.method === 'POST' && path === '/oauth/register') {
    const m = JSON.parse(await body(req));
    // RFC 7591 §2 as the 1EdTech Security Framework requires it.
    for (const k of ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'scope']) {
      if (typeof m[k] !== 'string' || !m[k]) return send(res, 400, { error: 'invalid_client_metadata', error_description: `${k} is required` });
    }
    if (!Array.isArray(m.redirect_uris) || !m.redirect_uris.every((x) => x.startsWith('https://'))) return send(res, 400, { error: 'invalid_redirect_uri' });
    const hosts = new Set(['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'].map((k) => new URL(m[k]).host));
    if (hosts.size !== 1) return send(res, 400, { error: 'invalid_client_metadata', error_description: 'the client URLs must share one host' });
    if (m.token_endpoint_auth_method && m.token_endpoint_auth_method !== 'client_secret_basic') return send(res, 400, { error: 'invalid_client_metadata' });
    const id = token();
    const c = { ...m, client_id: id, client_secret: token(), registration_access_token: token() };
    p.clients.set(id, c);
    return send(res, 201, {
      ...m,
      client_id: id,
      client_secret: c.client_secret,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      client_secret_expires_at: 0,
      registration_client_uri: `https://${p.host}/oauth/register/${id}`,
      registration_access_token: c.registration_access_token,
    });
  }
  if (req.method === 'DELETE' && path.startsWith('/oauth/register/')) {
    const c = p.clients.get(path.split('/').pop());
    if (!c || req.headers.authorization !== `Bearer ${c.registration_access_token}`) return send(res, 401, { error: 'invalid_token' });
    p.clients.delete(c.client_id);
    for (const [k, t] of p.tokens) if (t.client_id === c.client_id) p.tokens.delete(k);
    for (const [k, t] of p.refresh) if (t.client_id === c.client_id) p.refresh.delete(k);
    res.writeHead(204);
    return res.end();
  }

  if (path === '/oauth/authorize') {
    const q = req.method === 'POST' ? new URLSearchParams(await body(req)) : u.searchParams;
    const c = p.clients.get(q.get('client_id'));
    if (!c?.redirect_uris.includes(q.get('redirect_uri'))) return send(res, 400, { error: 'invalid_client' });
    if (
      q.get('response_type') !== 'code' ||
      q.get('code_challenge_method') !== 'S256' ||
      !/^[\w-]{43}$/.test(q.get('code_challenge') || '') ||
      !q.get('state')
    ) {
      return send(res, 400, { error: 'invalid_request', error_description: 'PKCE S256 and state are required' });
    }
    const asked = (q.get('scope') || '').split(' ').filter(Boolean);
    const allowed = c.scope.split(' ');
    if (!asked.every((s) => allowed.includes(s))) return send(res, 400, { error: 'invalid_scope' });
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      const hidden = [...q].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to ${esc(p.name)}</title></head>
<body><h1>Sign in to ${esc(p.name)}</h1><p id="client">${esc(c.client_name)} asks to:</p>
<ul id="scopes">${asked.map((s) => `<li>${esc(s.split('/').pop())}</li>`).join('')}</ul>
<form method="post" action="/oauth/authorize">${hidden}
<label>User <input name="username" id="username"></label> <label>Password <input type="password" name="password" id="password"></label>
<button id="allow" name="decision" value="allow">Allow</button> <button id="deny" name="decision" value="deny">Deny</button></form></body></html>`);
    }
    const back = new URL(q.get('redirect_uri'));
    back.searchParams.set('state', p.faults.wrongState ? `${q.get('state')}x` : q.get('state'));
    if (q.get('decision') !== 'allow' || q.get('username') !== USER.name || q.get('password') !== USER.password) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = token();
      p.codes.set(code, {
        client_id: c.client_id,
        redirect_uri: q.get('redirect_uri'),
        scope: asked,
        at: Date.now(),
        // otherChallenge: a code bound to a challenge the wallet did not make
        // (a code injected from another sign-in): its verifier cannot match.
        challenge: p.faults.otherChallenge ? b64url(createHash('sha256').update(token()).digest()) : q.get('code_challenge'),
      });
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { Location: back.href });
    return res.end();
  }

  if (req.method === 'POST' && path === '/oauth/token') {
    const c = clientOf(p, req);
    if (!c) return send(res, 401, { error: 'invalid_client' }, { 'WWW-Authenticate': 'Basic' });
    const q = new URLSearchParams(await body(req));
    let scope;
    if (q.get('grant_type') === 'authorization_code') {
      const k = p.codes.get(q.get('code'));
      if (!k || k.used || k.client_id !== c.client_id || Date.now() - k.at > 600e3)
        return send(res, 400, { error: 'invalid_grant', error_description: 'unknown, used or expired code' });
      k.used = true; // single use
      if (k.redirect_uri !== q.get('redirect_uri')) return send(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri differs' });
      // RFC 7636 §4.6: BASE64URL(SHA256(code_verifier)) == code_challenge.
      const v = q.get('code_verifier') || '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(v) || b64url(createHash('sha256').update(v).digest()) !== k.challenge) {
        return send(res, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed' });
      }
      scope = k.scope;
    } else if (q.get('grant_type') === 'refresh_token') {
      const r = p.refresh.get(q.get('refresh_token'));
      if (!r || r.client_id !== c.client_id) return send(res, 400, { error: 'invalid_grant', error_description: 'unknown refresh token' });
      p.refresh.delete(q.get('refresh_token')); // rotated
      scope = r.scope;
    } else {
      return send(res, 400, { error: 'unsupported_grant_type' });
    }
    const access = token();
    const refresh = token();
    p.tokens.set(access, { client_id: c.client_id, scope });
    if (scope.includes('offline_access')) p.refresh.set(refresh, { client_id: c.client_id, scope });
    return send(res, 200, {
      access_token: access,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: scope.join(' '),
      ...(scope.includes('offline_access') ? { refresh_token: refresh } : {}),
    });
  }

  if (path === `${OB}/credentials` && req.method === 'GET') {
    if (!bearer(p, req, res, SCOPES.read)) return undefined;
    const limit = Number(u.searchParams.get('limit') || 100);
    const offset = Number(u.searchParams.get('offset') || 0);
    const since = u.searchParams.get('since');
    if (!(limit >= 1) || !(offset >= 0) || (since && Number.isNaN(Date.parse(since))))
      return send(res, 400, imsx('invalid_selection_field', 'bad limit, offset or since'));
    const rl = p.faults.rateLimit;
    if (rl && rl.at === offset && rl.times > 0) {
      rl.times--;
      return send(res, 429, imsx('server_busy', 'Too many requests.'), { 'Retry-After': String(rl.retryAfter) });
    }
    if (p.faults.malformedAt === offset) return send(res, 200, '{"credential": [ {"id": "urn:uuid:cut-off"');
    const all = p.credentials.filter((c) => !since || Date.parse(c.added) > Date.parse(since));
    const page = all.slice(offset, offset + limit);
    const at = (o) => {
      const x = new URL(u);
      x.searchParams.set('offset', String(o));
      return `<${x.href}>`;
    };
    const links = [`${at(0)}; rel="first"`, `${at(Math.max(0, Math.floor((all.length - 1) / limit) * limit))}; rel="last"`];
    if (offset + limit < all.length) links.push(p.faults.nextTo ? `<${p.faults.nextTo}>; rel="next"` : `${at(offset + limit)}; rel="next"`);
    if (offset > 0) links.push(`${at(Math.max(0, offset - limit))}; rel="prev"`);
    return send(
      res,
      200,
      {
        [p.api.member]: page.filter((c) => c.kind === 'json').map((c) => c.value),
        compactJwsString: page.filter((c) => c.kind === 'jws').map((c) => c.value),
      },
      { 'X-Total-Count': String(all.length), Link: links.join(', ') },
    );
  }
  if (path === `${OB}/credentials` && req.method === 'POST') {
    if (!bearer(p, req, res, SCOPES.upsert)) return undefined;
    const text = await body(req);
    const type = (req.headers['content-type'] || '').split(';')[0].trim();
    let status;
    if (type === 'text/plain') status = p.add('jws', text.trim());
    else if (type === 'application/json' || type === 'application/vc+ld+json') status = p.add('json', JSON.parse(text));
    else return send(res, 415, imsx('invalid_data', `Unsupported content type ${type}.`));
    res.writeHead(status, { 'Content-Type': type });
    return res.end(text); // echoes the body, as the specification asks
  }
  if (path === `${OB}/profile` && req.method === 'GET') {
    if (!bearer(p, req, res, SCOPES.profile)) return undefined;
    return send(res, 200, p.profile);
  }
  return send(res, 404, imsx('unknownobject', `Nothing at ${req.method} ${path}.`));
}

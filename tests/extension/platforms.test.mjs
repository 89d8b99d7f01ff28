// The wallet and learning platforms over the Open Badges 3.0 API (issue 14),
// in Chromium with the unpacked extension, against the local API host of
// obhost.mjs served under test host names with HTTPS
// (../shared/notes/browser-testing.md §7): platform.test holds 120
// credentials (100 Data Integrity, 20 VC-JWT), other.test is a second
// platform to send credentials to, third.test misbehaves, clr.test serves
// the CLR 2.0 API only.
//
// The sign-in runs through chrome.identity.launchWebAuthFlow for real: it
// opens the platform's page in a window of its own, which Playwright sees as
// a new page; the test signs in there as a learner would, and Chromium hands
// the redirect to https://<id>.chromiumapp.org/ob back to the extension.
// Headless Chromium cannot show its own permission prompt, so the test
// answers chrome.permissions.request (recording what was asked), as
// online.test.mjs does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as jose from 'jose';
import { didKeyIssuer, sign, openBadge } from '../browser/issue.mjs';
import { selfSignedCert } from '../browser/helpers.mjs';
import { Platform, startOBHost, USER } from './obhost.mjs';
import { root, peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards, stored, statusText } from './helpers.mjs';

const shots = path.join(root, 'tests', 'out');
const HOSTS = ['platform.test', 'other.test', 'third.test', 'clr.test'];
let tmp;
let host;
let w;
let page;
let profile;
let issuer;
let jwtKey;
const asked = [];
const removed = [];
const platforms = {
  'platform.test': new Platform('platform.test', 'Platform Test University'),
  'other.test': new Platform('other.test', 'Other Wallet Co'),
  'third.test': new Platform('third.test', 'Third Party Badges'),
  'clr.test': new Platform('clr.test', 'CLR Test College', 'clr'),
};
const P = platforms['platform.test'];
const yesterday = new Date(Date.now() - 86400e3);

async function jwtBadge(cred) {
  return new jose.SignJWT({ ...cred, iss: cred.issuer.id, jti: cred.id, nbf: Math.floor(Date.parse(cred.validFrom) / 1000) })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: `${jwtKey.did}#0` })
    .sign(jwtKey.privateKey);
}

function badge(n, extra = {}) {
  return openBadge({ issuer: { id: issuer.did, name: 'Platform Test University' }, name: `Course ${n}`, ...extra });
}

before(async () => {
  requireBuild();
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-api-'));
  const tls = selfSignedCert(tmp, HOSTS);
  const spki = execFileSync('sh', [
    '-c',
    `openssl x509 -in '${path.join(tmp, 'cert.pem')}' -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`,
  ])
    .toString()
    .trim();
  issuer = await didKeyIssuer();
  const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519' });
  jwtKey = { privateKey, did: `did:jwk:${Buffer.from(JSON.stringify(await jose.exportJWK(publicKey))).toString('base64url')}` };
  for (let i = 1; i <= 120; i++) {
    const cred = badge(i);
    if (i % 6 === 0) P.add('jws', await jwtBadge({ ...cred, issuer: { id: jwtKey.did, type: ['Profile'], name: 'JWT College' } }), yesterday);
    else P.add('json', await sign(cred, issuer.key), yesterday);
  }
  host = await startOBHost(platforms, tls);
  profile = newProfile();
  w = await launchWallet(profile, {
    args: [`--ignore-certificate-errors-spki-list=${spki}`, `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1:${host.port}`).join(', ')}`],
  });
  // Nothing but the extension and the test hosts is contacted.
  w.leaks = [];
  w.ctx.on('request', (req) => {
    const u = new URL(req.url());
    // The sign-in's redirect to https://<id>.chromiumapp.org/ is caught by
    // Chromium and handed to the extension, never sent.
    if (u.hostname === `${w.id}.chromiumapp.org`) return;
    if (!['chrome-extension:', 'chrome:', 'data:', 'blob:', 'about:'].includes(u.protocol) && !HOSTS.includes(u.hostname)) w.leaks.push(u.href);
  });
  page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
  await unlock(page);
  await page.exposeFunction('recordAsked', (o) => asked.push(o));
  await page.exposeFunction('recordRemoved', (o) => removed.push(o));
  await page.evaluate(() => {
    chrome.permissions.request = async (p) => {
      await window.recordAsked(p.origins);
      return true;
    };
    chrome.permissions.remove = async (p) => {
      await window.recordRemoved(p.origins);
      return true;
    };
  });
});

after(async () => {
  await w?.ctx.close();
  await host?.close();
  removeProfile(profile);
  rmSync(tmp, { recursive: true, force: true });
});

// signIn waits for the platform's sign-in window that launchWebAuthFlow
// opens, reads what it asks for, and answers as the learner.
async function signIn(hostName, { decision = 'allow', password = USER.password } = {}) {
  const auth = await w.ctx.waitForEvent('page', { predicate: (p) => p.url().startsWith(`https://${hostName}/oauth/authorize`), timeout: 30000 });
  await auth.waitForSelector('#allow');
  const scopes = await auth.$$eval('#scopes li', (els) => els.map((e) => e.textContent));
  const client = await auth.textContent('#client');
  await auth.fill('#username', USER.name);
  await auth.fill('#password', password);
  await auth.click(`#${decision}`);
  return { scopes, client };
}

async function connect(hostName, signInOpts) {
  await page.fill('#platform-url', `https://${hostName}`);
  await page.click('#platform-lookup');
  await shown('#platform-offer:not([hidden]) #platform-connect');
  const [, who] = await Promise.all([page.click('#platform-connect'), signIn(hostName, signInOpts)]);
  return who;
}

async function list() {
  return (await page.evaluate(() => chrome.runtime.sendMessage({ op: 'list' }))).credentials;
}

async function connections() {
  return (await page.evaluate(() => chrome.runtime.sendMessage({ op: 'platformConnections' }))).connections;
}

const connSel = (h) => `[data-host="${h}"]`;

// said waits for the status line to match re, failing with what it says.
async function said(re, timeout = 30000) {
  try {
    return await statusText(page, re, timeout);
  } catch {
    return assert.fail(`status not ${re}: ${await page.textContent('#status')}; errors: ${page.errors.join(' | ')}`);
  }
}

// shown waits for sel, failing with what the page said instead.
async function shown(sel, timeout = 30000) {
  try {
    await page.waitForSelector(sel, { timeout });
  } catch {
    assert.fail(`${sel} not shown; status: ${await page.textContent('#status')}; errors: ${page.errors.join(' | ')}`);
  }
}

test("connect: the platform's name, policy and terms first; then registration and sign-in with PKCE and state", async () => {
  await page.fill('#platform-url', 'platform.test');
  await page.click('#platform-lookup');
  await shown('#platform-offer:not([hidden])');
  assert.match(await page.textContent('#platform-offer'), /Platform Test University \(platform\.test\) offers the Open Badges API/);
  assert.equal(await page.getAttribute('[data-link="privacy"]', 'href'), 'https://platform.test/privacy');
  assert.equal(await page.getAttribute('[data-link="terms"]', 'href'), 'https://platform.test/terms');
  assert.deepEqual(asked, [['https://platform.test/*']]);
  assert.deepEqual(P.log, ['GET /ims/ob/v3p0/discovery'], 'nothing but the description before the learner agrees');
  await page.evaluate(() => {
    document.querySelector('#status').textContent = '';
    document.activeElement.blur();
  });
  await page.locator('section.platforms').screenshot({ path: path.join(shots, 'extension-platform-connect.png') });

  const [, who] = await Promise.all([page.click('#platform-connect'), signIn('platform.test')]);
  assert.equal(who.client, 'ClearBadge Wallet asks to:');
  assert.deepEqual(who.scopes, ['credential.readonly', 'profile.readonly', 'offline_access'], 'least scopes: no upsert to connect');
  await said(/Connected to Platform Test University as Test Learner\./);
  const [reg] = [...P.clients.values()];
  assert.deepEqual(reg.redirect_uris, [`https://${w.id}.chromiumapp.org/ob`]);
  assert.equal(reg.token_endpoint_auth_method, 'client_secret_basic');
  const authz = new URL(`https://x${P.log.find((l) => l.startsWith('GET /oauth/authorize')).slice(4)}`).searchParams;
  assert.equal(authz.get('code_challenge_method'), 'S256');
  assert.match(authz.get('code_challenge'), /^[\w-]{43}$/);
  assert.match(authz.get('state'), /^[\w-]{22,}$/);
  assert.deepEqual(
    P.log.map((l) => l.replace(/\?.*/, '')),
    [
      'GET /ims/ob/v3p0/discovery',
      'GET /ims/ob/v3p0/discovery',
      'POST /oauth/register',
      'GET /oauth/authorize',
      'POST /oauth/authorize',
      'POST /oauth/token',
      'GET /ims/ob/v3p0/profile',
    ],
  );
  // The client secret and tokens are in the encrypted store only.
  const raw = JSON.stringify(await stored(w.sw));
  for (const secret of [reg.client_secret, ...P.tokens.keys(), ...P.refresh.keys()]) assert.ok(!raw.includes(secret), 'a secret in the clear at rest');
  assert.match(
    await page.textContent(connSel('platform.test')),
    /Signed in as Test Learner · ClearBadge may read your credentials and read your profile · nothing brought in yet/,
  );
  assert.deepEqual(page.errors, []);
});

test('pull all: 120 credentials over three pages, JWTs included, each verified', async () => {
  P.log.length = 0;
  await page.click(`${connSel('platform.test')} [data-action="pull-all"]`);
  await said(/From Platform Test University: 120 new, 0 replaced by a newer copy, 0 already here\./, 240000);
  const got = await waitForCards(page, 120);
  assert.ok(
    got.every((c) => c.verdict === 'verified'),
    JSON.stringify(got.filter((c) => c.verdict !== 'verified').slice(0, 3)),
  );
  const entries = await list();
  assert.equal(entries.filter((e) => e.report.format === 'vc-jwt').length, 20);
  assert.deepEqual(
    P.log.filter((l) => l.startsWith('GET /ims/ob/v3p0/credentials')),
    ['GET /ims/ob/v3p0/credentials?limit=50&offset=0', 'GET /ims/ob/v3p0/credentials?limit=50&offset=50', 'GET /ims/ob/v3p0/credentials?limit=50&offset=100'],
  );
  assert.match(await page.textContent(connSel('platform.test')), /last brought in/);
  await page.evaluate(() => {
    document.querySelector('#status').textContent = '';
    window.scrollTo(0, 0);
  });
  const first = entries.find((e) => e.title === 'Course 1');
  await page.locator(`[data-id="${first.id}"]`).screenshot({ path: path.join(shots, 'extension-platform-pulled.png') });
});

test('check for new: only what is new since; a re-issued credential replaces the stored one, an older copy does not', async () => {
  const before = await list();
  const course5 = before.find((e) => e.title === 'Course 5');
  const course7 = before.find((e) => e.title === 'Course 7');
  const orig5 = P.credentials.find((c) => c.kind === 'json' && c.value.name === 'Course 5').value;
  const orig7 = P.credentials.find((c) => c.kind === 'json' && c.value.name === 'Course 7').value;
  for (const n of [121, 122, 123]) P.add('json', await sign(badge(n), issuer.key));
  const strip = ({ proof, ...c }) => c;
  P.add('json', await sign({ ...strip(orig5), validFrom: '2026-01-01T00:00:00Z', name: 'Course 5 (re-issued)' }, issuer.key));
  P.add('json', await sign({ ...strip(orig7), validFrom: '2024-01-01T00:00:00Z', name: 'Course 7 (older copy)' }, issuer.key));
  P.log.length = 0;
  await page.click(`${connSel('platform.test')} [data-action="pull"]`);
  await said(/From Platform Test University: 3 new, 1 replaced by a newer copy, 1 already here\./, 120000);
  const [req] = P.log.filter((l) => l.startsWith('GET /ims/ob/v3p0/credentials'));
  assert.match(req, /since=\d{4}-\d\d-\d\dT/, 'asked with since');
  const after = await list();
  assert.equal(after.length, 123);
  const now5 = after.find((e) => e.id === course5.id);
  assert.equal(now5.title, 'Course 5 (re-issued)');
  assert.equal(now5.report.summary.validFrom, '2026-01-01T00:00:00Z');
  assert.notEqual(now5.hash, course5.hash);
  assert.equal(after.find((e) => e.id === course7.id).hash, course7.hash, 'the older copy left the stored one alone');
  assert.ok(!after.some((e) => e.title === 'Course 5' || e.title === 'Course 7 (older copy)'));
});

test('an expired token is refreshed; a 429 with a short Retry-After is waited out; a malformed page or a long wait keeps what is stored', async () => {
  const count = (await list()).length;
  for (const t of P.tokens.values()) t.expired = true;
  P.faults.rateLimit = { at: 50, times: 1, retryAfter: 1 };
  P.log.length = 0;
  await page.click(`${connSel('platform.test')} [data-action="pull-all"]`);
  await said(/From Platform Test University: 0 new, 0 replaced by a newer copy, 123 already here\./, 240000);
  assert.deepEqual(
    P.log.map((l) => l.replace(/\?limit=50&/, ' ')),
    [
      'GET /ims/ob/v3p0/credentials offset=0', // 401: expired
      'POST /oauth/token', // refreshed
      'GET /ims/ob/v3p0/credentials offset=0',
      'GET /ims/ob/v3p0/credentials offset=50', // 429, Retry-After: 1
      'GET /ims/ob/v3p0/credentials offset=50',
      'GET /ims/ob/v3p0/credentials offset=100',
    ],
  );
  assert.equal((await list()).length, count);

  P.faults.malformedAt = 50;
  await page.click(`${connSel('platform.test')} [data-action="pull-all"]`);
  await said(/sent a page that is not a list of credentials, so the pull stopped there\. What was pulled so far is kept\./, 120000);
  assert.equal((await list()).length, count);
  delete P.faults.malformedAt;

  P.faults.rateLimit = { at: 0, times: 1, retryAfter: 7200 };
  await page.click(`${connSel('platform.test')} [data-action="pull"]`);
  await said(
    /Platform Test University is busy and asked ClearBadge to wait until .*; ClearBadge will try again then, while the wallet is open\. What was pulled so far is kept\./,
  );
  assert.match(await page.textContent(connSel('platform.test')), /it asked to wait until/);
  assert.equal((await list()).length, count);
  // The retry is an alarm at the time the platform gave; when it runs (as
  // Chrome would call it), what is new since the last pull comes in.
  const [conn] = (await connections()).filter((c) => c.host === 'platform.test');
  const alarm = await w.sw.evaluate((id) => chrome.alarms.get(`platform-retry:${id}`), conn.id);
  assert.ok(alarm && Math.abs(alarm.scheduledTime - Date.parse(conn.retryAt)) < 1000, JSON.stringify(alarm));
  P.add('json', await sign(badge(124), issuer.key));
  P.log.length = 0;
  const r = await w.sw.evaluate((name) => onRetryAlarm({ name }), alarm.name);
  assert.equal(r.added, 1);
  assert.match(P.log[0], /^GET \/ims\/ob\/v3p0\/credentials\?limit=50&offset=0&since=/);
  assert.equal(await w.sw.evaluate((id) => chrome.alarms.get(`platform-retry:${id}`), conn.id), undefined);
  assert.equal((await connections()).find((c) => c.host === 'platform.test').retryAt, undefined);
  assert.equal((await list()).length, count + 1);
  assert.deepEqual(page.errors, []);
});

test('push: a JSON, a JWT and a baked badge sent to another platform (201 created, then 200 replaced), after a sign-in for upsert only then', async () => {
  const who = await connect('other.test');
  assert.deepEqual(who.scopes, ['credential.readonly', 'profile.readonly', 'offline_access']);
  await said(/Connected to Other Wallet Co/);
  // A third, as a baked badge: it is sent as the credential inside it.
  const course3 = (await list()).find((e) => e.title === 'Course 3');
  const png = await page.evaluate((id) => chrome.runtime.sendMessage({ op: 'bake', id, format: 'png' }), course3.id);
  writeFileSync(path.join(tmp, 'course-3.png'), Buffer.from(png.b64, 'base64'));
  await page.setInputFiles('#file', path.join(tmp, 'course-3.png'));
  await said(/Added Course 3/);
  const entries = await list();
  const three = [
    entries.find((e) => e.report.format === 'vc-jwt'),
    entries.find((e) => e.title === 'Course 2'),
    entries.find((e) => e.source === 'course-3.png'),
  ];
  for (const e of three) await page.check(`[data-pick="${e.id}"]`);
  const O = platforms['other.test'];
  const [, again] = await Promise.all([page.click(`${connSel('other.test')} [data-action="push"]`), signIn('other.test')]);
  assert.deepEqual(again.scopes, ['credential.readonly', 'profile.readonly', 'credential.upsert', 'offline_access']);
  await said(/Sent to Other Wallet Co: 3 new there, 0 replaced there\./);
  assert.equal(O.credentials.length, 3);
  assert.deepEqual(O.credentials.map((c) => c.kind).sort(), ['json', 'json', 'jws']);
  assert.equal(O.credentials.find((c) => c.kind === 'jws').value, three[0].text);
  assert.deepEqual(O.credentials.find((c) => c.value.name === 'Course 3')?.value, JSON.parse(course3.text));
  await page.click(`${connSel('other.test')} [data-action="push"]`);
  await said(/Sent to Other Wallet Co: 0 new there, 3 replaced there\./);
  assert.equal(O.credentials.length, 3);
  assert.match(await page.textContent(connSel('other.test')), /add credentials there/);
});

test('a wrong state or a code bound to another PKCE challenge is refused, and nothing is stored', async () => {
  const T = platforms['third.test'];
  const before = { conns: (await connections()).length, creds: (await list()).length };
  T.faults.wrongState = true;
  await connect('third.test');
  await said(/does not match the request ClearBadge made \(its state differs\), so it was ignored\. Nothing was changed\./);
  assert.ok(!T.log.some((l) => l.startsWith('POST /oauth/token')), 'the code was never used');
  T.faults = { otherChallenge: true };
  await connect('third.test');
  await said(/third\.test refused to complete the sign-in: it answered invalid_grant \(“PKCE verification failed”\)\./);
  T.faults = {};
  await connect('third.test', { decision: 'deny' });
  await said(/third\.test did not grant access \(access_denied\)\. Nothing was changed\./);
  assert.equal((await connections()).length, before.conns);
  assert.equal((await list()).length, before.creds);
  assert.equal(await page.$$eval(connSel('third.test'), (els) => els.length), 0);
});

test('hostile platforms: an http token address is refused before anything is sent; a Link to another site is not followed', async () => {
  const T = platforms['third.test'];
  T.faults = {
    discovery: (d) => {
      d.components.securitySchemes.OAuth2ACG.flows.authorizationCode.tokenUrl = 'http://third.test/oauth/token';
      return d;
    },
  };
  T.log.length = 0;
  await page.fill('#platform-url', 'https://third.test');
  await page.click('#platform-lookup');
  await said(/The platform's token address is not an https address, so ClearBadge will not use it\./);
  assert.deepEqual(T.log, ['GET /ims/ob/v3p0/discovery']);
  // In the reader's language (words.js), as every answer of the worker.
  const es = await page.evaluate(() => chrome.runtime.sendMessage({ op: 'platformDiscover', base: 'https://third.test', lang: 'es' }));
  assert.equal(es.error, 'En la plataforma, la dirección de tokens no es una dirección https, así que ClearBadge no la usará.');

  // A platform whose next page points at another host: the first page is
  // kept, the token never goes to the other host.
  T.faults = {};
  await connect('third.test');
  await said(/Connected to Third Party Badges/);
  T.credentials = P.credentials.slice(0, 60);
  T.faults.nextTo = 'https://other.test/ims/ob/v3p0/credentials?limit=50&offset=50';
  const O = platforms['other.test'];
  const seen = O.log.length;
  await page.click(`${connSel('third.test')} [data-action="pull-all"]`);
  await said(
    /From Third Party Badges: 0 new, 0 replaced by a newer copy, 50 already here\. Third Party Badges pointed the next page to another site; it was not followed\. What was pulled so far is kept\./,
  );
  assert.deepEqual(O.log.slice(seen), [], 'nothing sent to the other host');
});

test('a CLR 2.0 platform: found at /ims/clr/v2p0, asked for CLR scopes, its clrCredential pulled', async () => {
  const C = platforms['clr.test'];
  C.add('json', JSON.parse(readFileSync(peer('clr-eddsa.json'), 'utf8')));
  await page.fill('#platform-url', 'https://clr.test/');
  await page.click('#platform-lookup');
  await shown('#platform-offer:not([hidden])');
  assert.match(await page.textContent('#platform-offer'), /CLR Test College \(clr\.test\) offers the CLR 2\.0 API/);
  assert.deepEqual(C.log, ['GET /ims/ob/v3p0/discovery', 'GET /ims/clr/v2p0/discovery']);
  const [, who] = await Promise.all([page.click('#platform-connect'), signIn('clr.test')]);
  assert.deepEqual(who.scopes, ['credential.readonly', 'profile.readonly', 'offline_access']);
  await said(/Connected to CLR Test College as Test Learner\./);
  const [reg] = [...C.clients.values()];
  assert.ok(
    reg.scope.split(' ').every((x) => x === 'offline_access' || x.startsWith('https://purl.imsglobal.org/spec/clr/v2p0/scope/')),
    reg.scope,
  );
  const before = (await list()).length;
  await page.click(`${connSel('clr.test')} [data-action="pull-all"]`);
  await said(/From CLR Test College: 1 new, 0 replaced by a newer copy, 0 already here\./);
  const got = (await list()).filter((e) => e.source === 'CLR Test College');
  assert.equal(got.length, 1);
  assert.equal((await list()).length, before + 1);
  assert.equal(got[0].verdict, 'verified');
  assert.equal(got[0].report.kind, 'ClrCredential');
});

test('revoke: the connection, its tokens and registration are forgotten; the credentials stay', async () => {
  const count = (await list()).length;
  assert.equal(P.clients.size, 1);
  await page.click(`${connSel('platform.test')} [data-action="revoke"]`);
  await said(/Disconnected from Platform Test University/);
  await page.waitForFunction(() => !document.querySelector('[data-host="platform.test"]'));
  assert.equal(P.clients.size, 0, 'the registration was deleted at the platform (RFC 7592)');
  assert.equal(P.tokens.size, 0);
  assert.deepEqual((await connections()).map((c) => c.host).sort(), ['clr.test', 'other.test', 'third.test']);
  assert.deepEqual(removed.at(-1), ['https://platform.test/*']);
  const raw = JSON.stringify(await page.evaluate(() => chrome.runtime.sendMessage({ op: 'platformConnections' })));
  assert.ok(!raw.includes('platform.test'));
  assert.equal((await list()).length, count);
  assert.deepEqual(w.leaks, []);
  assert.deepEqual(page.errors, []);
});

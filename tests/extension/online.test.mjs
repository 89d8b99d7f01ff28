// The wallet's online checks, with the learner's consent per host, and the
// public documents it keeps (issue 17). One local HTTPS server stands for
// three hosts that Chromium reaches through --host-resolver-rules
// (../shared/notes/browser-testing.md §7): issuer.test (a did:web issuer,
// CORS open), nocors.test (a did:web issuer that sends no CORS headers, as
// many real ones), status.test (a Bitstring Status List), registry.test
// and the default registries' hosts, with a certificate from its own test
// CA that Chromium is told to trust. Its log, by
// Host, is the request ledger; the browser context's route allowlist and a
// canary server prove nothing else was contacted. The names are not local
// addresses to the wallet, so the product's private-network refusal stays on.
//   1. Two did:web credentials are incomplete offline and nothing is
//      contacted; "Check online" asks for exactly the hosts the card names;
//      once allowed, one turns verified (its issuer without CORS: the
//      extension with host permission is not a web page) and the revoked one
//      not-verified. Revoking a host stops its fetches.
//   2. After a browser restart with the hosts unreachable, re-verification
//      uses the kept documents and the card says how old they are.
//   3. The opt-in periodic re-check finds a newly revoked credential and
//      notifies.
//   4. The default issuer registries (the same server stands for their
//      hosts: the DCC list lists nocors.test, the OpenID Federation anchor
//      answers 404) are their own question on the card; once allowed they
//      are fetched, kept (with their age, used offline after a restart),
//      the card says who lists the issuer, and the verdict is unchanged.
//   5. Registries of the learner's own: a file, read offline; an address,
//      asked with the same consent, kept, listed; each removable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { didKeyIssuer, didWebIssuer, sign, openBadge, statusList, statusEntry } from '../browser/issue.mjs';
import { startCanary, testCA, defaultRegistries } from '../browser/helpers.mjs';
import {
  root,
  requireBuild,
  newProfile,
  removeProfile,
  launchWallet,
  openWallet,
  unlock,
  waitForCards,
  importFiles,
  statusText,
  testHostArgs,
} from './helpers.mjs';

const LIST_URL = 'https://status.test/lists/1';
let HOSTS = ['issuer.test', 'nocors.test', 'status.test', 'registry.test'];
let registries; // the default registries, with host and path
const shots = path.join(root, 'tests', 'out');
let profile;
let docsServer;
let canary;
let tmp;
let lister;
let spki;
const files = {};
const hits = []; // "host path", as the HTTPS server saw them
const served = {}; // "host path" -> JSON

before(async () => {
  requireBuild();
  mkdirSync(shots, { recursive: true });
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-reach-'));
  registries = await defaultRegistries();
  HOSTS = [...HOSTS, ...registries.map((r) => r.host)];
  // The server's certificate is signed by a test CA of its own, which
  // Chromium is told to trust (by its key's hash), as a real issuer's CA.
  const cert = testCA(tmp, HOSTS);
  spki = cert.spki;
  docsServer = https.createServer(cert, (req, res) => {
    const host = (req.headers.host || '').replace(/:\d+$/, '');
    const key = `${host} ${req.url}`;
    hits.push(key);
    if (host !== 'nocors.test') res.setHeader('Access-Control-Allow-Origin', '*');
    if (!served[key]) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'max-age=3600');
    res.end(JSON.stringify(served[key]));
  });
  await new Promise((r) => docsServer.listen(0, '127.0.0.1', r));

  const open = await didWebIssuer('did:web:issuer.test');
  const closed = await didWebIssuer('did:web:nocors.test');
  lister = await didKeyIssuer();
  served['issuer.test /.well-known/did.json'] = open.didDocument;
  served['nocors.test /.well-known/did.json'] = closed.didDocument;
  served['status.test /lists/1'] = await sign(statusList({ url: LIST_URL, issuer: lister.did, revoked: [7] }), lister.key);
  // A DCC registry JSON (core/registry reads it) at the default list
  // registry's address; the other default (an OpenID Federation anchor) is
  // not served. And one more, for a registry added by its address.
  const list = registries.find((r) => r.path.endsWith('.json'));
  served[`${list.host} ${list.path}`] = { meta: { name: 'Test Community Registry' }, registry: { 'did:web:nocors.test': { name: 'No CORS College' } } };
  served['registry.test /list.json'] = { meta: { name: 'Registry by address' }, registry: { 'did:web:nocors.test': { name: 'No CORS College' } } };
  const save = async (name, issuer, key, title, index) => {
    files[name] = path.join(tmp, name);
    writeFileSync(
      files[name],
      JSON.stringify(
        await sign(
          openBadge({
            issuer,
            name: title,
            credentialStatus: statusEntry(LIST_URL, index),
          }),
          key,
        ),
        null,
        2,
      ),
    );
  };
  await save('good.json', { id: 'did:web:nocors.test', name: 'No CORS College' }, closed.key, 'Kept evidence badge', 5);
  await save('revoked.json', { id: 'did:web:issuer.test', name: 'Issuer Test College' }, open.key, 'Revoked badge', 7);
  await save('another.json', { id: 'did:web:nocors.test', name: 'No CORS College' }, closed.key, 'Another badge', 6);
  canary = await startCanary();
  profile = newProfile();
});

after(async () => {
  await canary?.close();
  await new Promise((r) => (docsServer ? docsServer.close(r) : r()));
  removeProfile(profile);
});

// start launches the wallet on the shared profile; with hosts: false the
// test hosts do not resolve (the network is gone). Every request that is not
// the extension's own or to a test host is aborted and recorded.
async function start({ hosts = true } = {}) {
  const port = docsServer.address().port;
  const w = await launchWallet(profile, { args: testHostArgs({ hosts: hosts ? HOSTS : [], port, spki }) });
  // The request ledger: every request any page, worker or the service
  // worker makes, as Playwright sees it (a route() allowlist cannot be
  // used here: Playwright fails the requests of the offscreen document's
  // workers it routes), and the HTTPS server's own log (hits).
  w.leaks = [];
  w.ctx.on('request', (req) => {
    const u = new URL(req.url());
    if (!['chrome-extension:', 'chrome:', 'data:', 'blob:'].includes(u.protocol) && !HOSTS.includes(u.hostname)) w.leaks.push(u.href);
  });
  return w;
}

// reverifyOffline restarts the browser with the test hosts unresolvable
// (the network gone), unlocks the wallet and re-verifies both credentials.
async function reverifyOffline() {
  const w = await start({ hosts: false });
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    await page.click('#reverify-all');
    await statusText(page, /Checked 2:/);
    return { w, page };
  } catch (err) {
    await w.ctx.close();
    throw err;
  }
}

async function card(page, title) {
  const got = await page.$$eval(
    '#credentials > [data-verdict]',
    (els, t) =>
      els
        .filter((el) => el.querySelector('h3')?.textContent === t)
        .map((el) => ({
          id: el.dataset.id,
          verdict: el.dataset.verdict,
          text: el.textContent.replace(/\s+/g, ' '),
          evidence: [...el.querySelectorAll('[data-evidence]')].map((e) => `${e.dataset.evidence} ${e.dataset.url}`),
        })),
    title,
  );
  assert.equal(got.length, 1, `one card titled ${title}`);
  return got[0];
}

async function waitVerdict(page, title, verdict) {
  try {
    await page.waitForFunction(
      ([t, v]) =>
        [...document.querySelectorAll('#credentials > [data-verdict]')].some((el) => el.querySelector('h3')?.textContent === t && el.dataset.verdict === v),
      [title, verdict],
      { timeout: 60000 },
    );
  } catch {
    const c = await card(page, title);
    assert.fail(
      `${title}: ${c.verdict}, not ${verdict}: ${c.text} (status: ${await page.textContent('#status')}; hits: ${hits.join(', ')}; errors: ${page.errors?.join(' | ')})`,
    );
  }
  return card(page, title);
}

test('consent per host: incomplete offline, verified or not-verified once allowed; revoking stops the fetches', async () => {
  const w = await start();
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    await importFiles(page, [files['good.json'], files['revoked.json']]);
    await waitForCards(page, 2);
    let good = await card(page, 'Kept evidence badge');
    assert.equal(good.verdict, 'incomplete', good.text);
    assert.equal((await card(page, 'Revoked badge')).verdict, 'incomplete');
    assert.deepEqual(hits, [], 'offline: nothing contacted');
    assert.match(await page.textContent('#sites'), /None\. Nothing is contacted/);

    // The learner's click opens the question, naming exactly the card's hosts.
    // Headless Chromium cannot show the browser's own permission prompt:
    // the test records what the wallet asks it for and answers Allow.
    const asked = [];
    await page.exposeFunction('recordAsked', (o) => asked.push(o));
    await page.evaluate(() => {
      chrome.permissions.request = async (p) => {
        await window.recordAsked(p.origins);
        return true;
      };
    });
    await page.click(`[data-id="${good.id}"] [data-action="check-online"]`);
    await page.waitForSelector('.consent');
    assert.equal(await page.textContent('.consent .strong'), 'Check the issuer’s key and revocation: allow ClearBadge to contact nocors.test and status.test?');
    await page.locator(`[data-id="${good.id}"]`).screenshot({ path: path.join(shots, 'extension-consent.png') });
    assert.deepEqual(hits, [], 'asking contacted nothing');

    await page.click('#consent-allow');
    good = await waitVerdict(page, 'Kept evidence badge', 'verified');
    assert.deepEqual(asked, [['https://nocors.test/*', 'https://status.test/*']]);
    assert.deepEqual([...hits].sort(), ['nocors.test /.well-known/did.json', 'status.test /lists/1']);
    assert.match(good.text, /Checked online/);
    assert.deepEqual(good.evidence.sort(), ['issuer https://nocors.test/.well-known/did.json', `status ${LIST_URL}`]);
    assert.match(good.text, /Revocation last checked (just now|\d+ minutes? ago), from status\.test/);
    assert.deepEqual(await page.$$eval('[data-site]', (els) => els.map((e) => e.dataset.site).sort()), ['nocors.test', 'status.test'], page);

    // The revoked one: its issuer's host is asked for and allowed too.
    const revoked = await card(page, 'Revoked badge');
    await page.click(`[data-id="${revoked.id}"] [data-action="check-online"]`);
    await page.waitForSelector('.consent');
    assert.match(await page.textContent('.consent .strong'), /contact issuer\.test and status\.test\?$/);
    await page.click('#consent-allow');
    const r = await waitVerdict(page, 'Revoked badge', 'not-verified');
    assert.match(r.text, /revoked/i);
    for (const h of hits) assert.match(h, /^(issuer|nocors)\.test \/\.well-known\/did\.json$|^status\.test \/lists\/1$/, h);

    // Revoking status.test stops its fetches: the periodic re-check skips
    // it, and "Refresh online" asks again before contacting it.
    await page.click('[data-revoke="status.test"]');
    await page.waitForFunction(() => !document.querySelector('[data-site="status.test"]'));
    const before = hits.length;
    assert.deepEqual((await w.sw.evaluate(() => recheckStatus())).results, []);
    await page.click(`[data-id="${good.id}"] [data-action="check-online"]`);
    await page.waitForSelector('.consent');
    assert.match(await page.textContent('.consent .strong'), /contact nocors\.test and status\.test\?$/);
    await page.click('.consent button:has-text("Cancel")');
    assert.deepEqual(hits.slice(before), [], 'nothing contacted after the revoke');
    assert.equal((await card(page, 'Kept evidence badge')).verdict, 'verified');
    assert.deepEqual(w.leaks, []);
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
  }
});

test('after a restart with the network gone, re-verification uses the kept documents and shows their age', async () => {
  // Make the kept documents three days old, as if the browser had been
  // closed since (the store is encrypted: through the service worker).
  let w = await start();
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    await w.sw.evaluate(() =>
      mutate((s) => {
        for (const d of Object.values(s.documents)) d.fetchedAt = new Date(Date.now() - 3 * 86400e3).toISOString();
      }),
    );
  } finally {
    await w.ctx.close();
  }
  const before = hits.length;
  let page;
  ({ w, page } = await reverifyOffline());
  try {
    const good = await card(page, 'Kept evidence badge');
    assert.equal(good.verdict, 'verified', good.text);
    assert.match(good.text, /offline, with the documents kept from its last online check/);
    assert.match(good.text, /Revocation last checked 3 days ago, from status\.test/);
    assert.match(good.text, /Issuer’s key fetched 3 days ago, from nocors\.test/);
    assert.match(good.text, /Its server asks for a fresh copy by now/);
    assert.equal((await card(page, 'Revoked badge')).verdict, 'not-verified');
    assert.equal(hits.length, before, 'nothing was fetched');
    assert.deepEqual(w.leaks, []);
    await page.evaluate(() => {
      document.querySelector('#status').textContent = '';
    });
    await page.locator(`[data-id="${good.id}"]`).screenshot({ path: path.join(shots, 'extension-evidence.png') });
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
  }
});

test('the opt-in periodic re-check finds a credential revoked since, and notifies', async () => {
  const w = await start();
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    // status.test was revoked in the first test: allowed again.
    await page.evaluate(() => {
      chrome.permissions.request = async () => true;
    });
    const good = await card(page, 'Kept evidence badge');
    await page.click(`[data-id="${good.id}"] [data-action="check-online"]`);
    await page.click('#consent-allow');
    await statusText(page, /checked online \(contacted nocors\.test and status\.test\)/);
    await page.check('#recheck');
    await statusText(page, /twice a day/);
    assert.ok(await w.sw.evaluate(() => chrome.alarms.get('recheck-status')), 'the alarm is set');
    served['status.test /lists/1'] = await sign(statusList({ url: LIST_URL, issuer: lister.did, revoked: [5, 7] }), lister.key);
    const before = hits.length;
    // The alarm's handler, as Chrome would call it.
    const res = await w.sw.evaluate(() => recheckStatus());
    assert.deepEqual(res.results.map((x) => x.verdict).sort(), ['not-verified', 'not-verified']);
    assert.deepEqual(hits.slice(before), ['status.test /lists/1', 'status.test /lists/1'], 'only the revocation list');
    const notes = await w.sw.evaluate(() => chrome.notifications.getAll());
    assert.equal(Object.keys(notes).length, 1, JSON.stringify(notes));
    await page.reload();
    await page.waitForSelector('#credentials > [data-verdict]');
    assert.equal((await card(page, 'Kept evidence badge')).verdict, 'not-verified');
    await page.uncheck('#recheck');
    await statusText(page, /Periodic re-checks are off/);
    assert.equal(await w.sw.evaluate(() => chrome.alarms.get('recheck-status')), undefined);
    assert.deepEqual(w.leaks, []);
  } finally {
    await w.ctx.close();
  }
});

async function identityOf(page, id) {
  return page.$eval(`[data-id="${id}"] [data-check="identity"]`, (el) => el.dataset.outcome);
}

test('the default issuer registries: their own question, kept with their age; the card says who lists the issuer', async () => {
  let w = await start();
  const list = registries.find((r) => r.path.endsWith('.json'));
  let good;
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    const asked = [];
    await page.exposeFunction('recordAsked', (o) => asked.push(o));
    await page.evaluate(() => {
      chrome.permissions.request = async (p) => {
        await window.recordAsked(p.origins);
        return true;
      };
    });
    // With none of the learner's own, the settings name the defaults.
    await page.waitForFunction(() => document.querySelector('#registries-none')?.textContent);
    const none = await page.textContent('#registries');
    for (const r of registries) assert.ok(none.includes(r.name), none);
    good = await card(page, 'Kept evidence badge');
    const verdict = good.verdict;
    assert.notEqual(await identityOf(page, good.id), 'pass');
    const before = hits.length;
    await page.click(`[data-id="${good.id}"] [data-action="ask-registries"]`);
    await page.waitForSelector('.consent');
    const hosts = [...new Set(registries.map((r) => r.host))];
    assert.equal(
      await page.textContent('.consent .strong'),
      `Check the issuer registry: allow ClearBadge to contact ${new Intl.ListFormat('en', { type: 'conjunction' }).format(hosts)}?`,
    );
    assert.match(await page.textContent('.consent'), /learns at most the issuer’s identifier, never the credential/);
    assert.deepEqual(hits.slice(before), [], 'asking contacted nothing');
    await page.click('#consent-allow');
    await page.waitForFunction((id) => document.querySelector(`[data-id="${id}"] [data-check="identity"]`)?.dataset.outcome === 'pass', good.id, {
      timeout: 60000,
    });
    assert.deepEqual(asked, [hosts.map((h) => `https://${h}/*`)]);
    // Only the registries: the card's own documents are kept, not fetched.
    assert.deepEqual([...hits.slice(before)].sort(), registries.map((r) => `${r.host} ${r.path}`).sort());
    good = await card(page, 'Kept evidence badge');
    assert.equal(good.verdict, verdict, 'the registry never changes the verdict');
    assert.match(good.text, /No CORS College is listed by Test Community Registry/);
    assert.ok(good.evidence.includes(`identity ${list.url}`), good.evidence.join(', '));
    assert.match(good.text, /Issuer registry fetched (just now|\d+ minutes? ago), from /);
    for (const h of hosts) assert.ok(await page.$(`[data-site="${h}"]`), `${h} is listed as allowed`);
    await page.evaluate(() => {
      document.querySelector('#status').textContent = '';
    });
    await page.locator(`[data-id="${good.id}"]`).screenshot({ path: path.join(shots, 'extension-registry.png') });
    assert.deepEqual(w.leaks, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
  }
  // After a restart with the network gone, the kept registry still answers.
  const before = hits.length;
  let page;
  ({ w, page } = await reverifyOffline());
  try {
    assert.equal(await identityOf(page, good.id), 'pass');
    assert.match((await card(page, 'Kept evidence badge')).text, /listed by Test Community Registry/);
    assert.equal(hits.length, before, 'nothing was fetched');
    // Revoking a registry's host: asking again needs the question again.
    await page.click(`[data-revoke="${list.host}"]`);
    await page.waitForFunction((h) => !document.querySelector(`[data-site="${h}"]`), list.host);
    assert.deepEqual(w.leaks, []);
  } finally {
    await w.ctx.close();
  }
});

test("an issuer registry added as a file vouches for the issuer's name", async () => {
  const w = await start();
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    const reg = path.join(tmp, 'registry.json');
    writeFileSync(reg, JSON.stringify({ meta: { name: 'Test Registry' }, registry: { 'did:web:nocors.test': { name: 'No CORS College' } } }));
    const before = hits.length;
    await page.setInputFiles('#registry-file', reg);
    await statusText(page, /Checked 2:/);
    const good = await card(page, 'Kept evidence badge');
    assert.equal(await page.$eval(`[data-id="${good.id}"] [data-check="identity"]`, (el) => el.dataset.outcome), 'pass', good.text);
    assert.match(good.text, /Test Registry/);
    assert.deepEqual(await page.$$eval('[data-registry]', (els) => els.map((e) => e.dataset.registry)), ['registry.json']);
    assert.equal(hits.length, before, 'a registry file is read offline');
    await page.locator('section.sites').screenshot({ path: path.join(shots, 'extension-sites.png') });
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
  }
});

test('a registry added by its address: asked with the same consent, kept, and removable', async () => {
  const w = await start();
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    await page.evaluate(() => {
      chrome.permissions.request = async () => true;
    });
    // The file registry of the test before, removed: the defaults are back.
    await page.click('[data-registry="registry.json"] button');
    await page.waitForFunction(() => !document.querySelector('[data-registry]'));
    await page.fill('#registry-url', 'https://registry.test/list.json');
    await page.click('#registry-add');
    await page.waitForSelector('[data-registry="https://registry.test/list.json"]');
    await statusText(page, /Checked 2:/);
    const good = await card(page, 'Kept evidence badge');
    assert.notEqual(await identityOf(page, good.id), 'pass', 'not asked offline');
    const before = hits.length;
    await page.click(`[data-id="${good.id}"] [data-action="ask-registries"]`);
    await page.waitForSelector('.consent');
    assert.equal(await page.textContent('.consent .strong'), 'Check the issuer registry: allow ClearBadge to contact registry.test?');
    await page.click('#consent-allow');
    await page.waitForFunction((id) => document.querySelector(`[data-id="${id}"] [data-check="identity"]`)?.dataset.outcome === 'pass', good.id, {
      timeout: 60000,
    });
    assert.deepEqual(hits.slice(before), ['registry.test /list.json'], "only the learner's registry, not the defaults");
    assert.match((await card(page, 'Kept evidence badge')).text, /No CORS College is listed by Registry by address/);
    // A credential added now is checked with the kept registry: listed at
    // once, nothing fetched.
    const kept = hits.length;
    await importFiles(page, [files['another.json']]);
    await waitForCards(page, 3);
    const another = await card(page, 'Another badge');
    assert.equal(await identityOf(page, another.id), 'pass', another.text);
    assert.equal(hits.length, kept, 'nothing fetched');
    await page.click('[data-registry="https://registry.test/list.json"] button');
    await page.waitForFunction(() => !document.querySelector('[data-registry]'));
    assert.deepEqual(w.leaks, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
  }
});

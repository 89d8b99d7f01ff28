// The wallet holds Open Badges 2.0 badges too. Offline, a signed one (JWS)
// and a baked PNG from 1EdTech's OB 2.0 validator tests import, and their
// cards say Open Badges 2.0 with their verdict (incomplete: the wallet has
// none of the issuer's documents); neither is refused as "not a credential",
// and neither is re-baked as OB 3.0. Online, with the learner's consent per
// host: a local HTTPS server stands for example.org (1EdTech's assets, read
// from ../shared, as their OB20Tests serve them) and ob2.test (a signed
// assertion made here with Node's crypto: RS256, a CryptographicKey document
// on https, as the 1EdTech key is on http, which the wallet never fetches);
// the hosted assertion, the baked PNG and the signed one turn verified, and
// nothing but those hosts is contacted. Screenshots: tests/out/ob2-wallet*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { selfSignedCert, startCanary, unavailable } from '../browser/helpers.mjs';
import { root, openWallet, unlock, waitForCards, importFiles, sharedWallet, launchWallet, newProfile, removeProfile, testHostArgs } from './helpers.mjs';

const ob20 = path.resolve(root, '..', 'shared', 'vectors', '1edtech', 'validator', 'ob20');
const have = existsSync(path.join(ob20, 'simple.jwt'));
const shots = path.join(root, 'tests', 'out');
const HOSTS = ['example.org', 'ob2.test'];

const shared = sharedWallet();

test('wallet: Open Badges 2.0 signed and baked badges import and show their verdict', async (t) => {
  if (!have) {
    unavailable(t, '../shared/vectors is absent: the OB 2.0 badges were not tested');
    return;
  }
  const files = [path.join(ob20, 'simple.jwt'), path.join(ob20, 'simple-badge.png')];
  const page = await openWallet(shared.w.ctx, shared.w.id, 'wallet.html?view=full');
  await unlock(page);
  await importFiles(page, files);
  const got = await waitForCards(page, 2);
  for (const c of got) assert.equal(c.verdict, 'incomplete', JSON.stringify(c));
  const texts = await page.$$eval('#credentials > [data-verdict]', (els) => els.map((el) => el.innerText));
  for (const text of texts) {
    assert.match(text, /Open Badges 2\.0/);
    assert.match(text, /Format: (ob2-signed|png)/);
  }
  assert.ok(
    texts.some((x) => /Open Badges 2\.0, signed by the issuer/.test(x)),
    texts.join('\n---\n'),
  );
  assert.ok(
    texts.some((x) => /Format: png/.test(x)),
    texts.join('\n---\n'),
  );
  // Baking is for OB 3.0 and CLR: an OB 2.0 badge is not offered for
  // re-baking under another keyword (and the wasm refuses it: wasm tests).
  for (const name of [/baked PNG badge/, /baked SVG badge/]) {
    assert.equal(await page.locator('#credentials > [data-verdict]').getByRole('button', { name }).count(), 0, `an OB 2.0 card offers ${name}`);
  }
  const refusal = await shared.w.sw.evaluate(
    async (text) => {
      const cb = await verifier();
      return cb.bake(text, { format: 'png', kind: 'Assertion' }).then(
        () => 'baked',
        (err) => err.message,
      );
    },
    readFileSync(files[0], 'utf8'),
  );
  assert.match(refusal, /Open Badges 2\.0 badge cannot be baked/);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'ob2-wallet.png'), fullPage: true });
  await page.close();
});

// signedOB2 makes an OB 2.0 issuer on ob2.test (Profile, BadgeClass,
// CryptographicKey) and an assertion of it signed as a compact JWS (RS256,
// OB 2.0 "Signed Badges").
function signedOB2() {
  const ctx = 'https://w3id.org/openbadges/v2';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const docs = {
    '/issuer.json': {
      '@context': ctx,
      type: 'Issuer',
      id: 'https://ob2.test/issuer.json',
      name: 'OB2 Test College',
      url: 'https://ob2.test',
      email: 'badges@ob2.test',
      publicKey: 'https://ob2.test/key.json',
    },
    '/key.json': {
      '@context': ctx,
      type: 'CryptographicKey',
      id: 'https://ob2.test/key.json',
      owner: 'https://ob2.test/issuer.json',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }),
    },
    '/badge.json': {
      '@context': ctx,
      type: 'BadgeClass',
      id: 'https://ob2.test/badge.json',
      name: 'Signed Robotics Badge',
      description: 'An OB 2.0 badge signed with RS256.',
      image: 'https://ob2.test/badge.png',
      criteria: { narrative: 'Build a robot.' },
      issuer: 'https://ob2.test/issuer.json',
    },
  };
  const assertion = {
    '@context': ctx,
    type: 'Assertion',
    id: 'urn:uuid:2f5c6c2e-6a1e-4d43-9a4e-1d6f0b7c9a01',
    recipient: { type: 'email', hashed: false, identity: 'learner@example.net' },
    issuedOn: '2024-05-01T00:00:00Z',
    badge: 'https://ob2.test/badge.json',
    verification: { type: 'SignedBadge', creator: 'https://ob2.test/key.json' },
  };
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256' })}.${part(assertion)}`;
  const jws = `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  return { docs, jws };
}

let server;
let canary;
let tmp;
let cert;
const hits = [];
const served = {}; // "host path" -> bytes

before(async () => {
  if (!have) return;
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-ob2-wallet-'));
  cert = selfSignedCert(tmp, HOSTS);
  served['example.org /beths-robotics-badge.json'] = readFileSync(path.join(ob20, 'basic-assertion.json'));
  for (const n of ['robotics-badge.json', 'organization.json']) served[`example.org /${n}`] = readFileSync(path.join(ob20, 'assets', n));
  const signed = signedOB2();
  for (const [p, doc] of Object.entries(signed.docs)) served[`ob2.test ${p}`] = JSON.stringify(doc);
  writeFileSync(path.join(tmp, 'signed-ob2.jwt'), signed.jws);
  server = https.createServer(cert, (req, res) => {
    const key = `${(req.headers.host || '').replace(/:\d+$/, '')} ${req.url}`;
    hits.push(key);
    if (!served[key]) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(served[key]);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  canary = await startCanary();
});

after(async () => {
  await canary?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

test("wallet: Open Badges 2.0 hosted, baked and signed badges verified online with consent for the issuer's host", async (t) => {
  if (!have) {
    unavailable(t, '../shared/vectors is absent: the OB 2.0 badges were not tested');
    return;
  }
  const profile = newProfile();
  const w = await launchWallet(profile, { args: testHostArgs({ hosts: HOSTS, port: server.address().port, spki: cert.spki }) });
  const leaks = [];
  w.ctx.on('request', (req) => {
    const u = new URL(req.url());
    if (!['chrome-extension:', 'chrome:', 'data:', 'blob:'].includes(u.protocol) && !HOSTS.includes(u.hostname)) leaks.push(u.href);
  });
  try {
    const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
    await unlock(page);
    await importFiles(page, [path.join(ob20, 'basic-assertion.json'), path.join(ob20, 'simple-badge.png'), path.join(tmp, 'signed-ob2.jwt')]);
    await waitForCards(page, 3);
    assert.deepEqual(hits, [], 'offline: nothing contacted');
    await page.evaluate(() => {
      chrome.permissions.request = async () => true;
    });
    const cards = await page.$$eval('#credentials > [data-verdict]', (els) =>
      els.map((el) => ({ id: el.dataset.id, source: el.innerText.match(/From ([^\s·]+)/)?.[1] })),
    );
    const expect = {
      'basic-assertion.json': ['example.org', /Open Badges 2\.0, hosted: genuine as long as the issuer's server \(example\.org\) still serves it/],
      'simple-badge.png': ['example.org', /Open Badges 2\.0, hosted: genuine as long as the issuer's server \(example\.org\) still serves it/],
      'signed-ob2.jwt': ['ob2.test', /Open Badges 2\.0, signed by the issuer/],
    };
    for (const c of cards) {
      const [host, rests] = expect[c.source];
      const sel = `#credentials > [data-id="${c.id}"]`;
      assert.equal(await page.$eval(sel, (el) => el.dataset.verdict), 'incomplete', c.source);
      await page.click(`${sel} [data-action="check-online"]`);
      if (await page.locator('#consent-allow').count()) {
        assert.match(await page.textContent('.consent .strong'), new RegExp(`allow ClearBadge to contact ${host.replace('.', '\\.')}\\?$`), c.source);
        await page.click('#consent-allow');
      }
      await page.waitForFunction((s) => document.querySelector(s)?.dataset.verdict !== 'incomplete', sel, { timeout: 60000 });
      const text = await page.$eval(sel, (el) => el.innerText);
      assert.equal(await page.$eval(sel, (el) => el.dataset.verdict), 'verified', `${c.source}: ${text}`);
      assert.match(text, rests, c.source);
      assert.match(text, /(Awesome|Signed) Robotics Badge/, `${c.source}: the BadgeClass fetched names the card`);
      assert.match(text, /Checked online/, c.source);
      // The documents kept as evidence say what they are: a hosted badge's
      // BadgeClass and its issuer's profile (a signed badge's key is still
      // "a document": its report names the key only in a check's detail).
      if (host === 'example.org') {
        assert.doesNotMatch(text, /Document fetched/, `${c.source}: ${text}`);
        assert.match(text, /Badge description fetched (just now|\d+ minutes? ago), from example\.org/, `${c.source}: ${text}`);
        assert.match(text, /Issuer’s profile fetched (just now|\d+ minutes? ago), from example\.org/, `${c.source}: ${text}`);
      } else assert.match(text, /Issuer’s profile fetched (just now|\d+ minutes? ago), from ob2\.test/, `${c.source}: ${text}`);
      await page.locator(sel).screenshot({ path: path.join(shots, `ob2-wallet-${path.extname(c.source).slice(1)}.png`) });
    }
    for (const h of hits)
      assert.match(h, /^example\.org \/(beths-robotics-badge|robotics-badge|organization)\.json$|^ob2\.test \/(issuer|key|badge)\.json$/, h);
    assert.deepEqual(leaks, []);
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(page.errors, []);
  } finally {
    await w.ctx.close();
    removeProfile(profile);
  }
});

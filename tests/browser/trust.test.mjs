// The verifier page's four verdicts and what an incomplete card offers:
//   - a credential whose issuer (did:web on issuer.test) and revocation list
//     (on status.test) are online is incomplete offline, and its "Check the
//     issuer online" / "Check revocation online" buttons contact exactly the
//     host they name, one after the other, until it is verified (a request
//     ledger: the browser context's route allowlist, the HTTPS server's own
//     log by Host, and a canary that must never be hit);
//   - a document added as a file (the page's --with) completes a card;
//   - the 1EdTech spec example (a key in the URL fragment of an https
//     example issuer) is incomplete offline, and says why;
//   - names are bidi-isolated: a right-to-left override or a homoglyph in an
//     issuer's name cannot reorder the card (screenshots, looked at);
//   - the Strict option turns a data-model slip from a note into a failure;
//   - a presentation card shows the holder and the credentials only.
// Test servers: https://issuer.test and https://status.test are one local
// HTTPS server that Chromium reaches through --host-resolver-rules
// (../shared/notes/browser-testing.md §7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  webDir,
  sharedFile,
  unavailable,
  requireBuild,
  startServer,
  startCanary,
  ensureOutDir,
  launch,
  selfSignedCert,
  oneCard,
  PAGE_FILES,
  defaultRegistries,
} from './helpers.mjs';
import { didKeyIssuer, didWebIssuer, sign, openBadge, statusList, statusEntry } from './issue.mjs';

const ISSUER_DID = 'did:web:issuer.test';
const LIST_URL = 'https://status.test/lists/1';
const GONE_URL = 'https://status.test/lists/gone'; // the host drops the connection

let server;
let canary;
let browser;
let docsServer;
let tmp;
const files = {};
const hits = []; // what the HTTPS server was asked, by Host
const served = {}; // "host path" -> JSON

before(async () => {
  requireBuild();
  tmp = mkdtempSync(path.join(tmpdir(), 'clearbadge-trust-'));
  docsServer = https.createServer(selfSignedCert(tmp, ['issuer.test', 'status.test']), (req, res) => {
    const key = `${req.headers.host} ${req.url}`;
    hits.push(key);
    if (key === 'status.test /lists/gone') {
      req.socket.destroy();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (!served[key]) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(served[key]));
  });
  await new Promise((r) => docsServer.listen(0, '127.0.0.1', r));

  // The issuer publishes its key with did:web; a separate did:key signs the
  // revocation list (Bitstring Status List allows any signer).
  const web = await didWebIssuer(ISSUER_DID);
  const lister = await didKeyIssuer();
  served['issuer.test /.well-known/did.json'] = web.didDocument;
  served['status.test /lists/1'] = await sign(statusList({ url: LIST_URL, issuer: lister.did, revoked: [7] }), lister.key);
  const save = (name, doc) => {
    files[name] = path.join(tmp, name);
    writeFileSync(files[name], JSON.stringify(doc, null, 2));
  };
  save(
    'online.json',
    await sign(
      openBadge({
        issuer: { id: ISSUER_DID, name: 'Issuer Test College' },
        name: 'Checked online, one host at a time',
        credentialStatus: statusEntry(LIST_URL, 5),
      }),
      web.key,
    ),
  );
  save(
    'gone.json',
    await sign(
      openBadge({
        issuer: { id: ISSUER_DID, name: 'Issuer Test College' },
        name: 'Its list is not served',
        credentialStatus: statusEntry(GONE_URL, 3),
      }),
      web.key,
    ),
  );
  save('gone-list.json', await sign(statusList({ url: GONE_URL, issuer: lister.did }), lister.key));
  // An unsigned presentation whose wrapper claims a title, an issuer and an
  // image of its own, around a genuine badge.
  save('wrapper.json', {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    name: 'Doctor of Medicine',
    issuer: { name: 'Harvard University' },
    image: 'data:image/png;base64,iVBORw0KGgo=',
    verifiableCredential: [JSON.parse(readFileSync(path.join(webDir, 'samples', 'sample.json'), 'utf8'))],
  });

  // A did:key issuer whose name mixes a Greek capital Eta into "Harvard"
  // and reverses "university" with a right-to-left override (U+202E).
  const named = await didKeyIssuer();
  save(
    'rtl.json',
    await sign(
      openBadge({
        issuer: { id: named.did, name: '\u0397arvard \u202Eytisrevinu' },
        name: 'Doctor of Medicine',
      }),
      named.key,
    ),
  );
  // An authentic credential that breaks an OB 3.0 data-model rule: its
  // subject has neither id nor identifier.
  save(
    'slip.json',
    await sign(
      openBadge({
        issuer: { id: named.did, name: 'Data Model Slip Issuer' },
        name: 'Subject without id',
        subject: {
          type: ['AchievementSubject'],
          achievement: {
            id: 'urn:uuid:5b1a4c1e-0d7e-4f55-9d51-3f0f5a9e2c11',
            type: ['Achievement'],
            name: 'Subject without id',
            description: 'The subject has no id and no identifier.',
            criteria: { narrative: 'None.' },
          },
        },
      }),
      named.key,
    ),
  );

  [server, canary] = await Promise.all([startServer(), startCanary()]);
  const port = docsServer.address().port;
  browser = await launch({ hosts: ['issuer.test', 'status.test'], port });
});

after(async () => {
  await browser?.close();
  server?.close();
  await canary?.close();
  await new Promise((r) => (docsServer ? docsServer.close(r) : r()));
});

// openPage opens the verifier with a request ledger: the page's own files,
// and the two test hosts, pass; anything else is aborted and recorded.
async function openPage(viewport = { width: 1000, height: 900 }) {
  const ctx = await browser.newContext({ viewport, ignoreHTTPSErrors: true });
  const net = { requests: [], leaks: [], registries: [] };
  const registryHosts = (await defaultRegistries()).map((r) => r.host);
  await ctx.route('**/*', (route) => {
    const req = route.request();
    const u = new URL(req.url());
    net.requests.push(`${u.host}${u.pathname}`);
    const own = u.origin === server.origin && req.method() === 'GET' && PAGE_FILES.test(u.pathname);
    if (own || ['issuer.test', 'status.test'].includes(u.host)) return route.continue();
    // Online mode asks the default registries who the issuer is (not served
    // here: the identity line only; reach.test.mjs serves them).
    if (registryHosts.includes(u.host)) {
      net.registries.push(u.host);
      return route.abort();
    }
    net.leaks.push(`${req.method()} ${req.url()}`);
    return route.abort();
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
  return { ctx, page, net, errors };
}

const settled = oneCard;

const foreign = (net) => net.requests.filter((u) => !u.startsWith(new URL(server.origin).host));

test('incomplete offline; each "Check … online" button contacts only the host it names, until verified', async () => {
  const out = ensureOutDir();
  const { ctx, page, net, errors } = await openPage();
  try {
    await page.setInputFiles('input[type=file]', files['online.json']);
    let r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    // The issuer waits on the proof's key document: the same remedy.
    assert.deepEqual(r.missing, ['proof:online', 'issuer:online', 'status:online']);
    assert.deepEqual(r.buttons, [
      'issuer.test: Check the issuer online (contacts issuer.test only)',
      'status.test: Check revocation online (contacts status.test only)',
    ]);
    assert.match(r.text, /Incomplete/);
    assert.deepEqual(hits, [], 'offline, nothing was contacted');
    assert.deepEqual(foreign(net), []);
    await page.locator('#results > [data-verdict]').screenshot({ path: path.join(out, 'incomplete-online.png') });

    await page.click('[data-remedy-action="online"][data-host="issuer.test"]');
    r = await settled(page);
    assert.equal(r.checks.proof, 'pass', r.text);
    assert.equal(r.checks.issuer, 'pass', r.text);
    assert.equal(r.verdict, 'incomplete', 'revocation is still unchecked');
    assert.deepEqual(r.missing, ['status:online']);
    assert.deepEqual(hits, ['issuer.test /.well-known/did.json'], 'only the host the button named');
    assert.deepEqual(foreign(net), ['issuer.test/.well-known/did.json']);
    assert.match(r.text, /online, contacting only issuer\.test/);

    await page.click('[data-remedy-action="online"][data-host="status.test"]');
    r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.status, 'pass', r.text);
    assert.deepEqual(r.missing, []);
    // The second check may contact both hosts it was allowed, and no other.
    assert.ok(hits.includes('status.test /lists/1'), hits.join(', '));
    for (const h of hits) assert.match(h, /^(issuer\.test \/\.well-known\/did\.json|status\.test \/lists\/1)$/, h);
    assert.deepEqual(net.leaks, []);
    assert.deepEqual(canary.hits, []);
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

test("a list its host did not serve can be added as a file (the page's --with), which completes the card", async () => {
  const { ctx, page, net } = await openPage();
  try {
    await page.click('#online');
    await page.setInputFiles('input[type=file]', files['gone.json']);
    let r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.deepEqual(r.missing, ['status:document']);
    const doc = page.locator(`[data-remedy-action="document"][data-url="${GONE_URL}"]`);
    assert.equal(await doc.count(), 1);
    assert.match(r.text, new RegExp(`Add\\s+${GONE_URL}\\s+as a file`));
    await doc.setInputFiles(files['gone-list.json']);
    r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.status, 'pass');
    assert.match(r.text, /with 1 document added/);
    assert.deepEqual(net.leaks, []);
  } finally {
    await ctx.close();
  }
});

test('the 1EdTech spec example is incomplete offline (its key sits in the URL of an example issuer), and says why', async (t) => {
  const di = sharedFile('vectors', '1edtech', 'spec-rendered-examples', 'ob-basic.di.json');
  if (!di) {
    unavailable(t, '../shared/vectors is absent: the 1EdTech example was not tested');
    return;
  }
  const out = ensureOutDir();
  const { ctx, page, net } = await openPage({ width: 900, height: 900 });
  try {
    await page.setInputFiles('input[type=file]', di);
    const r = await settled(page);
    assert.equal(r.verdict, 'incomplete', r.text);
    assert.equal(r.checks.proof, 'pass');
    assert.equal(r.checks.issuer, 'skip');
    assert.deepEqual(r.missing, ['issuer:online']);
    assert.deepEqual(r.buttons, ['example.com: Check the issuer online (contacts example.com only)']);
    assert.match(r.text, /nothing confirms that the key that made it is Example Corp's/);
    // The word and the mark say it, not only the colour.
    const banner = await page.$eval('#results > [data-verdict] .verdict', (el) => ({
      label: el.querySelector('.verdict-label').textContent,
      icon: el.querySelector('svg').getAttribute('class'),
      bg: getComputedStyle(el).backgroundColor,
    }));
    assert.equal(banner.label, 'Incomplete');
    assert.match(banner.icon, /icon-incomplete/);
    assert.equal(banner.bg, 'rgb(255, 243, 221)', 'amber');
    assert.deepEqual(foreign(net), [], 'offline');
    await page.locator('#results > [data-verdict]').screenshot({ path: path.join(out, 'incomplete.png') });
    // At phone width the remedy (a long button naming its host) still fits.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows the 375 px viewport by ${overflow} px`);
    await page.locator('#results > [data-verdict] .missing').screenshot({ path: path.join(out, 'incomplete-phone.png') });
  } finally {
    await ctx.close();
  }
});

test('an issuer name with a right-to-left override and a homoglyph is shown isolated, its control visible', async () => {
  const out = ensureOutDir();
  const { ctx, page } = await openPage({ width: 900, height: 900 });
  try {
    await page.setInputFiles('input[type=file]', files['rtl.json']);
    const r = await settled(page);
    assert.equal(r.verdict, 'verified', 'a did:key issuer names itself; the name is what identity is about');
    assert.equal(r.checks.identity, 'warn', r.text);
    const shown = await page.$eval('#results > [data-verdict]', (card) => ({
      names: [...card.querySelectorAll('.fact bdi')].map((b) => [b.textContent, getComputedStyle(b).unicodeBidi]),
      identity: card.querySelector('[data-identity]')?.textContent,
      raw: card.textContent.includes('\u202E'),
    }));
    assert.ok(
      shown.names.some(([t, bidi]) => t === '\u0397arvard [U+202E]ytisrevinu' && bidi === 'isolate'),
      JSON.stringify(shown.names),
    );
    assert.equal(shown.raw, false, 'no live override character anywhere in the card');
    assert.match(shown.identity, /\u0397arvard \[U\+202E\]ytisrevinu.? is this credential.s own claim; no registry you use lists this issuer\./);
    await page.locator('#results > [data-verdict] .card-body').screenshot({ path: path.join(out, 'identity.png') });
  } finally {
    await ctx.close();
  }
});

test('Strict turns a data-model slip of an authentic credential from a note into a failure', async () => {
  const { ctx, page } = await openPage();
  try {
    await page.setInputFiles('input[type=file]', files['slip.json']);
    let r = await settled(page);
    assert.equal(r.verdict, 'verified', r.text);
    assert.equal(r.checks.schema, 'warn');
    assert.match(r.text, /Verified, with notes/);
    await page.click('.advanced summary');
    await page.check('#strict');
    await page.click('#results > [data-verdict] button:has-text("Check again")');
    r = await settled(page);
    assert.equal(r.verdict, 'not-verified', r.text);
    assert.equal(r.checks.schema, 'fail');
    assert.match(r.text, /strict/);
  } finally {
    await ctx.close();
  }
});

test("a presentation card names the holder and lists the credentials, never the wrapper's title, issuer or image", async () => {
  const { ctx, page } = await openPage();
  try {
    await page.setInputFiles('input[type=file]', files['wrapper.json']);
    const r = await settled(page);
    assert.notEqual(r.verdict, 'verified', 'an unsigned presentation is never verified');
    assert.equal(r.title, 'Presentation of 1 credential');
    assert.doesNotMatch(r.text, /Doctor of Medicine|Harvard/);
    assert.equal(await page.$$eval('#results > [data-verdict] .card-body img', (e) => e.length), 0);
    assert.equal(await page.$$eval('#results > [data-verdict] [data-inner-verdict="verified"]', (e) => e.length), 1);
    assert.equal(await page.isVisible('#results > [data-verdict] [data-inner-verdict]'), true, 'listed, not folded away');
  } finally {
    await ctx.close();
  }
});

test('render.mjs: a registry-listed issuer, and names from the Report drawn as text only', async () => {
  const out = ensureOutDir();
  const { ctx, page, errors } = await openPage({ width: 900, height: 900 });
  try {
    const got = await page.evaluate(async () => {
      const { resultCard } = await import('./render.mjs');
      const report = {
        verdict: 'verified',
        verified: true,
        kind: 'OpenBadgeCredential',
        format: 'json-ld',
        summary: {
          name: 'Open Source Contributor <img src=x onerror="window.pwned=1">',
          issuer: {
            id: 'did:web:registrar.example.edu',
            name: 'Example University',
            domain: 'registrar.example.edu',
            registry: { registry: 'DCC Member Registry', name: 'Example University', location: 'Springfield, USA', url: 'https://example.edu' },
          },
          subjectName: 'Alex Rivera',
        },
        checks: [
          { id: 'proof', outcome: 'pass', message: 'The issuer\u2019s signature is intact.' },
          { id: 'issuer', outcome: 'pass', message: 'The signing key belongs to the issuer.' },
          { id: 'identity', outcome: 'pass', message: 'DCC Member Registry lists this issuer as Example University.' },
        ],
      };
      document.querySelector('#results-section').hidden = false;
      const card = resultCard(report, { id: 'synthetic' });
      document.querySelector('#results').append(card);
      return {
        identity: card.querySelector('[data-identity]').dataset.identity,
        text: card.querySelector('[data-identity]').textContent,
        title: card.querySelector('h3').textContent,
        imgs: card.querySelectorAll('.facts img').length,
        pwned: window.pwned === 1,
      };
    });
    assert.equal(got.identity, 'pass');
    assert.equal(got.text, 'Example University is listed by DCC Member Registry (Springfield, USA).');
    assert.match(got.title, /<img src=x/, 'markup in a name is shown as text');
    assert.equal(got.imgs, 0);
    assert.equal(got.pwned, false);
    await page.locator('#synthetic-title').evaluate((el) => el.closest('.result').scrollIntoView());
    await page.locator('#results > .result').screenshot({ path: path.join(out, 'identity-registry.png') });
    assert.deepEqual(errors, []);
  } finally {
    await ctx.close();
  }
});

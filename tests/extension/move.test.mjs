// Moving a whole wallet without ClearBadge (issue 14): the zip of original
// files exported from one profile holds every credential byte for byte (a
// JSON, a JWT, a baked PNG, a tampered one) with an index; imported into
// another profile, every credential and verdict is equal; the same files as
// a folder import too; a damaged zip changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readZip } from '../../extension/zip.mjs';
import { peer, requireBuild, newProfile, removeProfile, launchWallet, openWallet, unlock, waitForCards, importFiles, statusText } from './helpers.mjs';

let dir;
const profiles = [];

before(() => {
  requireBuild();
  dir = mkdtempSync(path.join(tmpdir(), 'cb-move-'));
});

after(() => {
  for (const p of profiles) removeProfile(p);
  rmSync(dir, { recursive: true, force: true });
});

async function wallet() {
  const profile = newProfile();
  profiles.push(profile);
  const w = await launchWallet(profile);
  const page = await openWallet(w.ctx, w.id, 'wallet.html?view=full');
  await unlock(page);
  return { w, page };
}

// entries: what the service worker stores, as compared across profiles.
async function entries(page) {
  const r = await page.evaluate(() => chrome.runtime.sendMessage({ op: 'list' }));
  return r.credentials
    .map((c) => ({ hash: c.hash, verdict: c.verdict, title: c.title, text: c.text, b64: c.b64, mime: c.mime }))
    .sort((a, b) => a.hash.localeCompare(b.hash));
}

test('export zip from one profile, import into another: every credential and verdict equal', async () => {
  const a = await wallet();
  let zipFile;
  let want;
  try {
    await importFiles(a.page, [peer('ob-eddsa-rdfc-2022.json'), peer('jwt-eddsa-didkey.jwt'), peer('di-tampered.json'), peer('clr-eddsa.json')]);
    await waitForCards(a.page, 4);
    // A baked badge, as the learner would make one, goes in as an image.
    const [dl] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.locator('#credentials > li:has(h3)').first().locator('[data-action="bake-png"]').click(),
    ]);
    const png = path.join(dir, 'baked.png');
    copyFileSync(await dl.path(), png);
    await importFiles(a.page, [png]);
    await waitForCards(a.page, 5);
    want = await entries(a.page);
    assert.deepEqual(want.map((e) => e.verdict).sort(), ['not-verified', 'verified', 'verified', 'verified', 'verified']);

    const [zdl] = await Promise.all([a.page.waitForEvent('download'), a.page.click('#export-zip')]);
    zipFile = path.join(dir, zdl.suggestedFilename());
    copyFileSync(await zdl.path(), zipFile);
    await statusText(a.page, /5 credentials downloaded as a zip/);
    assert.match(path.basename(zipFile), /^clearbadge-credentials-\d{4}-\d\d-\d\d\.zip$/);
    assert.deepEqual(a.page.errors, []);
  } finally {
    await a.w.ctx.close();
  }

  // The zip as any tool sees it: original bytes, an index, a README.
  const files = await readZip(new Uint8Array(readFileSync(zipFile)));
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const index = JSON.parse(new TextDecoder().decode(byName.get('index.json')));
  assert.equal(index.format, 'clearbadge-wallet-export');
  assert.equal(index.credentials.length, 5);
  assert.match(new TextDecoder().decode(byName.get('README.txt')), /^ClearBadge wallet export\n/, 'README.txt in the wallet’s language');
  for (const c of index.credentials) {
    const e = want.find((x) => x.hash === c.sha256);
    assert.ok(e, `index entry ${c.file} matches a stored credential`);
    assert.equal(c.verdict, e.verdict);
    const bytes = byName.get(c.file);
    if (e.text !== undefined) assert.equal(new TextDecoder().decode(bytes), e.text, c.file);
    else assert.equal(Buffer.from(bytes).toString('base64'), e.b64, c.file);
  }
  assert.deepEqual(index.credentials.map((c) => c.file.split('.').pop()).sort(), ['json', 'json', 'json', 'jwt', 'png']);
  execFileSync('python3', ['-c', 'import zipfile,sys; assert zipfile.ZipFile(sys.argv[1]).testzip() is None', zipFile]);

  const b = await wallet();
  try {
    // A damaged zip first: refused, nothing changed.
    const bad = path.join(dir, 'damaged.zip');
    const broken = readFileSync(zipFile);
    writeFileSync(bad, broken.subarray(0, broken.length - 30));
    await b.page.setInputFiles('#move-zip', bad);
    await statusText(b.page, /Not a zip file, or a truncated one.*Nothing was changed/);
    assert.deepEqual(await entries(b.page), []);

    // Through the main file input, as a learner would drop it.
    await importFiles(b.page, [zipFile]);
    await waitForCards(b.page, 5);
    await statusText(b.page, /Added 5; 0 already in the wallet/);
    const got = await entries(b.page);
    assert.deepEqual(got, want);
    assert.deepEqual(b.page.errors, []);
  } finally {
    await b.w.ctx.close();
  }

  // The same files as a folder, into a third profile (with the index and
  // README left out, and one file that is not a credential named).
  const folder = path.join(dir, 'unzipped');
  execFileSync('python3', ['-c', 'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zipFile, folder]);
  writeFileSync(path.join(folder, 'notes.docx'), 'not a credential');
  const c = await wallet();
  try {
    await c.page.setInputFiles('#move-folder', folder);
    await waitForCards(c.page, 5);
    await statusText(c.page, /Added 5.*1 file that is not a credential file was left out: notes\.docx/);
    assert.deepEqual(await entries(c.page), want);
  } finally {
    await c.w.ctx.close();
  }
});

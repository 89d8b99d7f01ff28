// The verifier page with the hostile corpus (issue 10, internal/hostile via
// scripts/hostile): every input gets its verdict, the page keeps answering
// while they are checked, and a verification past its timeout is stopped,
// reported, and its worker replaced (clearbadge.mjs, the page's loader).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root, outDir, webDir, requireBuild, startServer, launch, recordNetwork, waitForResults } from './helpers.mjs';

const corpus = path.join(outDir, 'hostile');
let server;
let browser;

before(async () => {
  requireBuild();
  execFileSync('go', ['run', './scripts/hostile', '-out', corpus], { cwd: root, stdio: 'inherit' });
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('hostile inputs: each gets a verdict, the page stays responsive, a timeout is reported and the worker restarted', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const net = await recordNetwork(ctx, server.origin);
  try {
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
    const files = readdirSync(corpus)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.docs.json'))
      .sort();
    await page.setInputFiles(
      'input[type=file]',
      files.map((f) => path.join(corpus, f)),
    );
    // While the batch is being verified (in the worker), the page answers:
    // the online switch toggles and its explanation shows at once.
    await page.click('#online');
    assert.equal(await page.isVisible('#online-more'), true);
    await page.click('#online');
    const results = await waitForResults(page, files.length, 180000);
    const byName = Object.fromEntries(files.map((f, i) => [f.replace(/\.json$/, ''), results[i]]));
    assert.equal(byName['proofs-1000'].checks.proof, 'fail');
    assert.match(byName['proofs-1000'].text, /1000 signatures, more than the 16/);
    assert.equal(byName['poison-graph'].checks.proof, 'fail');
    assert.equal(byName['objects-100000'].checks.proof, 'fail');
    assert.equal(byName['deep-nesting'].verdict, 'error');
    assert.equal(byName['clr-129'].checks.credentials, 'skip');
    assert.equal(byName['long-iri-9000'].verdict, 'verified');
    assert.equal(byName['long-iri-refused'].checks.proof, 'fail');
    for (const [name, r] of Object.entries(byName)) assert.ok(r.verdict, `${name} has no verdict`);

    // A verification past its timeout (here 100 ms, for a record of 128
    // credentials) is stopped and says so; the next one runs in a new worker.
    const out = await page.evaluate(
      async ([clr, sample]) => {
        const { load } = await import('/clearbadge.mjs');
        const cb = await load();
        let stopped = null;
        try {
          await cb.verify(clr, { timeout: 100 });
        } catch (e) {
          stopped = { name: e.name, message: e.message };
        }
        const next = await cb.verify(sample);
        return { stopped, next: next.verdict };
      },
      [readFileSync(path.join(corpus, 'clr-128.json'), 'utf8'), readFileSync(path.join(webDir, 'samples', 'sample.json'), 'utf8')],
    );
    assert.equal(out.stopped?.name, 'TimeoutError', JSON.stringify(out));
    assert.match(out.stopped.message, /took longer than 100 ms and was stopped/);
    assert.equal(out.next, 'verified');
    assert.deepEqual(net.leaks, []);
  } finally {
    await ctx.close();
  }
});

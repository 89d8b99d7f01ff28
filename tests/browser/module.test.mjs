// web/clearbadge.mjs in Node 20: the same module the page uses verifies files
// directly, adds no global, and rejects misuse instead of guessing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { webDir, requireBuild } from './helpers.mjs';

const read = (name) => readFileSync(path.join(webDir, 'samples', name));

test('clearbadge.mjs verifies the samples in Node and leaks no global', async () => {
  requireBuild();
  const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();
  const { load } = await import('../../web/clearbadge.mjs');
  const cb = await load();
  assert.equal(await load(), cb, 'load() starts the wasm once');
  assert.match(cb.version, /^clearbadge/);
  // The registries the CLI consults online when none is named, for a
  // surface to pass (and to ask before contacting): plain https URLs.
  assert.ok(cb.defaultRegistries.length >= 1);
  for (const r of cb.defaultRegistries) {
    assert.ok(r.name, JSON.stringify(r));
    assert.equal(new URL(r.url).protocol, 'https:', r.url);
  }

  const valid = await cb.verify(read('sample.json').toString('utf8'), { offline: true, source: 'sample.json' });
  assert.equal(valid.verified, true, JSON.stringify(valid.checks));
  assert.equal(valid.source, 'sample.json');
  assert.equal(valid.format, 'json-ld');
  assert.equal(valid.summary.issuer.name, 'ClearBadge Sample Issuer');

  // Bytes work as well as text; the default is offline.
  const fromBytes = await cb.verify(new Uint8Array(read('sample.json')));
  assert.equal(fromBytes.verified, true);

  const tampered = await cb.verify(read('sample-tampered.json').toString('utf8'));
  assert.equal(tampered.verified, false);
  assert.equal(tampered.checks.find((c) => c.id === 'proof')?.outcome, 'fail');

  const expired = await cb.verify(read('sample-expired.json').toString('utf8'));
  assert.equal(expired.verified, false);
  assert.equal(expired.checks.find((c) => c.id === 'validity')?.outcome, 'fail');
  // ... but it was valid while it lasted.
  const then = await cb.verify(read('sample-expired.json').toString('utf8'), { at: new Date('2024-06-01T00:00:00Z') });
  assert.equal(then.verified, true, JSON.stringify(then.checks));

  const junk = await cb.verify('not a credential');
  assert.equal(junk.verified, false);
  assert.equal(junk.checks[0].id, 'format');
  assert.equal(junk.checks[0].outcome, 'fail');

  assert.deepEqual(Object.getOwnPropertyNames(globalThis).sort(), globalsBefore, 'globals added by load()');
});

test('clearbadge.mjs rejects misuse with a TypeError', async () => {
  requireBuild();
  const { load } = await import('../../web/clearbadge.mjs');
  const cb = await load();
  await assert.rejects(cb.verify(42), TypeError);
  await assert.rejects(cb.verify('{}', { offline: 'no' }), TypeError);
  await assert.rejects(cb.verify('{}', { at: new Date('not a date') }), TypeError);
  // A malformed time reaches Go, which refuses it the same way.
  await assert.rejects(cb.verify('{}', { at: 'yesterday' }), /RFC 3339/);
});

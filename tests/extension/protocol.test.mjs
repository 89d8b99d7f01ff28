// extension/protocol.js is the written message protocol: this keeps it in
// step with the code. Every operation the service worker answers is listed,
// and nothing else; every operation a page or the content script asks for is
// one of them (a content script only those it may ask for); every message a
// content script answers, and every error code an answer can carry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const extDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'extension');
const src = (f) => readFileSync(path.join(extDir, f), 'utf8');
// dir: the text of every script in an extension folder (the service worker's
// background/, the wallet page's wallet/).
const dir = (d) =>
  readdirSync(path.join(extDir, d))
    .sort()
    .map((f) => src(path.join(d, f)))
    .join('\n');
const all = (re, text) => [...text.matchAll(re)].map((m) => m[1]);
const sorted = (xs) => [...new Set(xs)].sort();

const scope = vm.createContext({});
scope.self = scope;
vm.runInContext(src('protocol.js'), scope, { filename: 'protocol.js' });
const { OPS, PAGE_OPS, CONTENT_OPS, ERRORS } = scope.Protocol;

test('the operations the service worker answers are the listed ones', () => {
  const bg = src('background/messages.js');
  const start = bg.indexOf('\nconst OPS = {\n');
  assert.ok(start >= 0, 'background/messages.js has no OPS table');
  const table = bg.slice(start, bg.indexOf('\n};\n', start));
  const answered = [
    ...all(/^ {2}(\w+)(?=[,:])/gm, table),
    // platforms.js returns its operations by name.
    ...all(/^ {4}async function (platform\w+)\(/gm, src('platforms.js')),
  ];
  assert.deepEqual(sorted(answered), sorted(OPS));
  for (const op of PAGE_OPS) assert.ok(OPS.includes(op), op);
});

test('pages and the content script ask only for listed operations', () => {
  const asked = [...all(/\bcall\('(\w+)'/g, src('wallet.mjs') + dir('wallet')), ...all(/\bcall\('(\w+)'/g, src('platforms.mjs'))];
  assert.ok(asked.length > 20, `only ${asked.length} operations found in the wallet page`);
  for (const op of asked) assert.ok(OPS.includes(op), `the wallet page asks for ${op}`);
  const content = src('content.js');
  const fromContent = all(/\bsend\(\{\s*op: '(\w+)'/g, content);
  assert.ok(fromContent.length > 0, 'no operation found in content.js');
  for (const op of fromContent) assert.ok(PAGE_OPS.includes(op), `the content script asks for ${op}`);
  assert.deepEqual(sorted(all(/msg\?\.op === '(\w+)'/g, content)), sorted(CONTENT_OPS));
});

test('every error code an answer can carry is listed', () => {
  const codes = [
    ...all(/new WalletError\('([\w-]+)'/g, dir('background')),
    ...all(/code: '([\w-]+)'/g, dir('background')),
    ...all(/new VaultError\('([\w-]+)'/g, src('vault.js')),
    ...all(/new ApiError\('([\w-]+)'/g, src('platforms.js')),
  ];
  assert.ok(codes.length > 20, `only ${codes.length} codes found`);
  for (const c of codes) assert.ok(ERRORS.includes(c), `error code ${c} is not in protocol.js`);
});

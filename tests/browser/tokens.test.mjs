// The design tokens (colours, radius, shadow) have one source, web/common.mjs
// TOKENS: the page and the wallet read them from tokens.css, which the build
// writes from it, and the widget sets them on its host from the module. These
// tests fail when a copy creeps back in, or when a built tokens.css is stale.
// (No browser: the pages' and the widget's looks are the screenshot tests'.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';
import { TOKENS } from '../../web/common.mjs';
import { stylesheet } from '../../scripts/tokens.mjs';

const read = (...p) => readFileSync(path.join(root, ...p), 'utf8');

// The stylesheets of the page and the wallet that use the tokens.
const SHEETS = ['web/style.css', 'extension/wallet.css'];

// hex: a colour literal's canonical form (#abc = #aabbcc), to compare values.
function hex(c) {
  const h = c.toLowerCase().slice(1);
  return `#${h.length === 3 ? [...h].map((x) => x + x).join('') : h}`;
}
const HEX = /#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b/g;

test('tokens.css is the stylesheet of common.mjs TOKENS (make build writes it)', () => {
  for (const dir of ['web', 'extension']) {
    const file = path.join(root, dir, 'tokens.css');
    assert.ok(existsSync(file), `${dir}/tokens.css is missing: run \`make build\``);
    assert.equal(readFileSync(file, 'utf8'), stylesheet(), `${dir}/tokens.css is stale: run \`make build\``);
  }
});

test('the page and the wallet load tokens.css before style.css', () => {
  for (const page of ['web/index.html', 'extension/wallet.html']) {
    const links = [...read(page).matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(links.slice(0, 2), ['tokens.css', 'style.css'], page);
  }
});

test('no stylesheet defines a token again or spells out a token colour', () => {
  const colours = new Map(
    Object.entries(TOKENS)
      .filter(([, v]) => /^#[0-9a-f]+$/i.test(v))
      .map(([k, v]) => [hex(v), k]),
  );
  for (const sheet of SHEETS) {
    const css = read(sheet);
    for (const name of Object.keys(TOKENS)) {
      assert.doesNotMatch(css, new RegExp(`--${name}\\s*:`), `${sheet} defines --${name}: it is common.mjs TOKENS'`);
    }
    for (const [lit] of css.matchAll(HEX)) {
      const token = colours.get(hex(lit));
      assert.ok(!token, `${sheet}: ${lit} is the token ${token}: write var(--${token})`);
    }
    // Every custom property used is a token or one the sheet defines.
    for (const [, name] of css.matchAll(/var\(--([a-z0-9-]+)/g)) {
      assert.ok(name in TOKENS || new RegExp(`--${name}\\s*:`).test(css), `${sheet}: var(--${name}) is not a token`);
    }
  }
});

test('the widget takes every colour from the tokens', () => {
  const src = read('web/widget.mjs');
  // Its own colours would be copies of the page's: none at all.
  assert.deepEqual(src.match(HEX) || [], [], 'widget.mjs spells out colours: use var(--cb-<token>)');
  assert.doesNotMatch(src, /rgba?\(/, 'widget.mjs spells out a colour: use var(--cb-<token>)');
  for (const name of Object.keys(TOKENS)) {
    assert.doesNotMatch(src, new RegExp(`--cb-${name}\\s*:`), `widget.mjs defines --cb-${name}: tokenDeclarations does`);
  }
  // The custom properties it uses: tokens, its themed accent, and the two
  // a page may set (docs/web.md).
  for (const [, name] of src.matchAll(/var\(--([a-z0-9-]+)/g)) {
    const ok = (name.startsWith('cb-') && name.slice(3) in TOKENS) || ['cb-themed-accent', 'clearbadge-accent', 'clearbadge-background'].includes(name);
    assert.ok(ok, `widget.mjs: var(--${name}) is not a token`);
  }
});

test("the wallet's page notice and toolbar badge take their colours from the tokens", () => {
  for (const file of ['extension/content.js', 'extension/background/messages.js']) {
    const src = read(file);
    assert.deepEqual(src.match(HEX) || [], [], `${file} spells out colours: use Common.TOKENS or var(--cb-<token>)`);
    for (const [, name] of src.matchAll(/var\(--([a-z0-9-]+)/g)) {
      assert.ok(name.startsWith('cb-') && name.slice(3) in TOKENS, `${file}: var(--${name}) is not a token`);
    }
  }
});

// Bundles bench/peer/entry.mjs (verifier-core) with esbuild, once for Node and
// once for the browser, into bench/out/. Two virtual modules are filled in at
// build time: clearbadge:contexts (every context in
// core/internal/jsonld/contexts/manifest.json, by each URL it is known under) and
// clearbadge:schemas (1EdTech's OB 3.0 / CLR 2.0 JSON Schemas from
// ../shared/vectors, keyed by their purl URL; empty when ../shared is absent).
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const outDir = path.join(root, 'bench', 'out');

function contexts() {
  const dir = path.join(root, 'core', 'internal', 'jsonld', 'contexts');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const out = {};
  for (const c of manifest.contexts) {
    const doc = JSON.parse(readFileSync(path.join(dir, c.file), 'utf8'));
    for (const u of c.urls) out[u] = doc;
  }
  return out;
}

function schemas() {
  const dir = path.join(root, '..', 'shared', 'vectors', '1edtech', 'schemas', 'purl');
  const out = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (typeof doc.$id === 'string') out[doc.$id] = doc;
  }
  return out;
}

// The published security-document-loader, resolved from verifier-core's own
// folder, so the substitute wraps the very copy verifier-core would import.
const require = createRequire(import.meta.url);
const verifierCoreDir = path.resolve(path.dirname(require.resolve('@digitalcredentials/verifier-core', { paths: [root] })), '..');

function offlinePlugin(virtual) {
  return {
    name: 'clearbadge-offline',
    setup(build) {
      build.onResolve({ filter: /^@digitalcredentials\/security-document-loader$/ }, (args) => {
        if (args.importer.startsWith(verifierCoreDir)) return { path: path.join(here, 'loader.mjs') };
        return undefined; // loader.mjs itself gets the published package
      });
      build.onResolve({ filter: /^clearbadge:/ }, (args) => ({ path: args.path, namespace: 'clearbadge' }));
      build.onLoad({ filter: /.*/, namespace: 'clearbadge' }, (args) => ({
        contents: JSON.stringify(virtual[args.path]),
        loader: 'json',
      }));
    },
  };
}

// build writes bench/out/peer.node.mjs and bench/out/peer.browser.mjs and
// returns their paths, the number of schemas found and the bytes of JSON the
// two virtual modules add.
export async function build() {
  mkdirSync(outDir, { recursive: true });
  const virtual = { 'clearbadge:contexts': contexts(), 'clearbadge:schemas': schemas() };
  const common = {
    entryPoints: [path.join(here, 'entry.mjs')],
    bundle: true,
    format: 'esm',
    inject: [path.join(here, 'offline-fetch.mjs')],
    plugins: [offlinePlugin(virtual)],
    logLevel: 'error',
    absWorkingDir: root,
  };
  const node = path.join(outDir, 'peer.node.mjs');
  const browser = path.join(outDir, 'peer.browser.mjs');
  await esbuild.build({
    ...common,
    platform: 'node',
    target: 'node20',
    outfile: node,
    // CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cbRequire } from 'node:module'; const require = __cbRequire(import.meta.url);" },
  });
  await esbuild.build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outfile: browser,
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  return {
    node,
    browser,
    schemas: Object.keys(virtual['clearbadge:schemas']).length,
    // What the bench itself adds to the bundle (contexts and schemas as JSON).
    addedBytes: Object.values(virtual).reduce((n, v) => n + JSON.stringify(v).length, 0),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await build();
  console.log(r);
}

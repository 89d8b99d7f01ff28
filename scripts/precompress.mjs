// precompress.mjs FILE...: writes FILE.br and FILE.gz beside each FILE, the
// forms a static host serves to browsers that accept them (cmd/serve does, see
// serveCompressed). `make wasm` runs it on the content-hashed wasm. Brotli
// quality 9 (about 4 s for the wasm here) rather than 11 (about a minute):
// `make bench` reports the -q 11 size apart.
import { readFileSync, writeFileSync } from 'node:fs';
import zlib from 'node:zlib';

for (const file of process.argv.slice(2)) {
  const raw = readFileSync(file);
  writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
  );
  writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
}

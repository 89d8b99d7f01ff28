// `make bench`, the wasm side of the hostile-input corpus (issue 10): each
// input written by `go run ./scripts/hostile -out` verified by the wasm in
// Node (web/clearbadge.mjs), offline, each run in a Node process of its own
// so that its peak resident memory is its own (after one untimed
// verification of the bundled sample, which pays the wasm's start-up
// costs). Prints a Markdown table of
// the worst time and the peak memory per input and writes it to
// bench/out/hostile-wasm.md. The wasm takes no supplied documents, so the
// inputs that come with a status list (status-*, gzip-bomb) are checked
// without it (their status is "not checked offline").
//
//   node bench/hostile.mjs DIR            # the table
//   node bench/hostile.mjs --one FILE     # one verification, as JSON
import { readdirSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number.parseInt(process.env.BENCH_HOSTILE_RUNS ?? '', 10) || 3;
const MAX_MS = 16000; // the wasm bounds the README states (a loaded 2-core machine)
const MAX_BYTES = 512 * 1024 * 1024;

if (process.argv[2] === '--one') {
  const { load } = await import(path.join(root, 'web', 'clearbadge.mjs'));
  const cb = await load();
  // The first verification of a fresh wasm pays for reading the bundled
  // contexts; a sample credential takes that cost before the timing.
  await cb.verify(readFileSync(path.join(root, 'web', 'samples', 'sample.json'), 'utf8'), { offline: true });
  const input = new Uint8Array(readFileSync(process.argv[3]));
  const t0 = performance.now();
  const report = await cb.verify(input, { offline: true, at: '2026-01-01T00:00:00Z', source: path.basename(process.argv[3]) });
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, verdict: report.verdict, maxRSS: process.resourceUsage().maxRSS * 1024 }) + '\n');
  process.exit(0);
}

const dir = process.argv[2] || path.join(root, 'tests', 'out', 'hostile');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.docs.json'))
  .sort();
const self = fileURLToPath(import.meta.url);
const lines = ['| input | size | worst time | peak memory | verdict |', '|---|---:|---:|---:|---|'];
let over = false;
for (const f of files) {
  let worst = null;
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = JSON.parse(execFileSync(process.execPath, [self, '--one', path.join(dir, f)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    if (!worst || r.ms > worst.ms) worst = r;
    peak = Math.max(peak, r.maxRSS);
  }
  const mark = worst.ms > MAX_MS || peak > MAX_BYTES ? ' **over**' : '';
  over ||= mark !== '';
  const size = statSync(path.join(dir, f)).size;
  lines.push(
    `| ${f.replace(/\.json$/, '')} | ${size >= 1 << 20 ? (size / (1 << 20)).toFixed(1) + ' MiB' : Math.round(size / 1024) + ' KiB'} | ${Math.round(worst.ms)} ms | ${Math.round(peak / (1 << 20))} MiB | ${worst.verdict}${mark} |`,
  );
}
if (over)
  lines.push(
    '',
    `An input passed the wasm bounds (${MAX_MS / 1000} s, ${MAX_BYTES >> 20} MiB); on a loaded machine, run again to tell load from a regression.`,
  );
const table = lines.join('\n') + '\n';
process.stdout.write(table);
mkdirSync(path.join(root, 'bench', 'out'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'out', 'hostile-wasm.md'), table);

// The cold start alone, with its phases: navigation to the first verdict of
// the verifier page (the sample set on its file input) and of the widget
// (<clearbadge-verify> on a page of another origin), each in a fresh browser
// context, web/ served by cmd/serve (compressed, as a static host would).
// bench/run.mjs runs the same probes for `make bench`.
//
//   node bench/coldstart.mjs [dir ...]
//
// With several folders (each a built web/, e.g. a copy of main's), the rounds
// interleave them, A B A B ..., so that a noisy machine hits every build
// alike: compare their medians. BENCH_COLD rounds (default 8); BENCH_WATERFALL=1
// also prints every request of each build's first page run (ms since navigation).
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath, startServer, webDir } from '../tests/browser/helpers.mjs';

// The wasm's request (the plain or the content-hashed name).
const WASM_PATH = /\/clearbadge(\.[0-9a-f]{16})?\.wasm$/;

// coldStartProbe, an init script, notes in page time (ms since navigation
// start) when the verification worker is made, says it is ready, is handed
// the credential and sends the report back, when a file input changes, and
// when the first verdict appears (a [data-verdict] element of the page, or
// the widget's verdict event).
export function coldStartProbe() {
  const cb = {};
  Object.defineProperty(window, '__cb', { value: cb });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      cb.workerMade ??= performance.now();
      this.addEventListener('message', (e) => {
        if (e.data?.type === 'ready') cb.workerReady ??= performance.now();
        if (e.data?.type === 'report') cb.reportBack ??= performance.now();
      });
    }

    postMessage(...args) {
      cb.posted ??= performance.now();
      return super.postMessage(...args);
    }
  };
  document.addEventListener(
    'change',
    () => {
      cb.fileSet ??= performance.now();
    },
    true,
  );
  document.addEventListener('verdict', (e) => {
    cb.verdictAt ??= performance.now();
    cb.verdict ??= /** @type {CustomEvent} */ (e).detail?.verdict;
  });
  new MutationObserver((_, obs) => {
    const el = /** @type {HTMLElement | null} */ (document.querySelector('[data-verdict]'));
    if (el && !cb.verdictAt) {
      cb.verdictAt = performance.now();
      cb.verdict = el.dataset.verdict;
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

// track records, for a fresh context, the requests leaving origin (into
// leaks, when given) and every finished request's start and end in epoch
// ms, to be turned into page time once the page's timeOrigin is known.
function track(ctx, origin, leaks) {
  const reqs = [];
  ctx.on('request', (req) => {
    if (leaks && new URL(req.url()).origin !== origin) leaks.push(req.url());
  });
  ctx.on('requestfinished', (req) => {
    const t = req.timing();
    reqs.push({ url: req.url(), start: t.startTime, end: t.startTime + t.responseEnd });
  });
  return (timeOrigin) => {
    const rel = reqs.map((r) => ({ ...r, start: r.start - timeOrigin, end: r.end - timeOrigin })).sort((a, b) => a.start - b.start);
    const wasm = rel.find((r) => WASM_PATH.test(new URL(r.url).pathname));
    return { requests: rel, wasmRequested: wasm?.start ?? NaN, wasmLoaded: wasm?.end ?? NaN };
  };
}

// pageRun: one cold start of the verifier page served by server.
export async function pageRun(browser, server, leaks) {
  const ctx = await browser.newContext(); // fresh: no HTTP or code cache
  try {
    const requests = track(ctx, server.origin, leaks);
    const page = await ctx.newPage();
    await page.addInitScript(coldStartProbe);
    const t0 = performance.now();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await page.setInputFiles('input[type=file]', path.join(webDir, 'samples', 'sample.json'));
    await page.waitForFunction(() => window.__cb.verdictAt !== undefined, null, { timeout: 60000 });
    const wall = performance.now() - t0;
    const probe = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return { ...window.__cb, dcl: nav.domContentLoadedEventEnd, timeOrigin: performance.timeOrigin };
    });
    return { wall, ...probe, ...requests(probe.timeOrigin) };
  } finally {
    await ctx.close();
  }
}

// widgetHost serves, on another origin, a portfolio page that embeds
// <clearbadge-verify> with the page sample in view and loads widget.mjs from
// server, as a portfolio would.
export async function widgetHost(server) {
  const sample = readFileSync(path.join(webDir, 'samples', 'sample.json'), 'utf8').replaceAll('</', '<\\/');
  const html = `<!doctype html><meta charset="utf-8"><title>portfolio</title>
<script type="module" src="${server.url}widget.mjs"></script>
<h1>My badges</h1><clearbadge-verify><script type="application/json">${sample}</script></clearbadge-verify>`;
  const host = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (host.address());
  return { url: `http://127.0.0.1:${port}/`, server, close: () => new Promise((r) => host.close(r)) };
}

// widgetRun: one cold start of the widget on the page widgetHost serves:
// navigation to its verdict event.
export async function widgetRun(browser, host) {
  const ctx = await browser.newContext();
  try {
    const requests = track(ctx, host.server.origin);
    const page = await ctx.newPage();
    await page.addInitScript(coldStartProbe);
    await page.goto(host.url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__cb.verdictAt !== undefined, null, { timeout: 60000 });
    const probe = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return { ...window.__cb, dcl: nav.domContentLoadedEventEnd, timeOrigin: performance.timeOrigin };
    });
    return { ...probe, ...requests(probe.timeOrigin) };
  } finally {
    await ctx.close();
  }
}

// PHASES: the probe's times in the order they happen.
export const PHASES = ['dcl', 'workerMade', 'fileSet', 'wasmRequested', 'wasmLoaded', 'workerReady', 'posted', 'reportBack', 'verdictAt'];

// SPANS: what a phase took, run by run (their medians are printed too): the
// worker's start (wasm received to ready), the first verification (sent to
// report back) and the card (report back to verdict).
const SPANS = {
  start: (r) => r.workerReady - r.wasmLoaded,
  verify: (r) => r.reportBack - r.posted,
  card: (r) => r.verdictAt - r.reportBack,
};

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)] + s[Math.ceil(m)]) / 2;
};

async function main() {
  const dirs = process.argv.slice(2).map((d) => path.resolve(d));
  if (!dirs.length) dirs.push(webDir);
  const rounds = Number.parseInt(process.env.BENCH_COLD ?? '', 10) || 8;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
  const builds = [];
  try {
    for (const dir of dirs) {
      const server = await startServer(dir);
      builds.push({ dir, server, host: await widgetHost(server), page: [], widget: [], leaks: [] });
    }
    const load = [os.loadavg()[0]];
    for (let i = 0; i < rounds; i++) {
      for (const b of builds) b.page.push(await pageRun(browser, b.server, b.leaks));
      for (const b of builds) b.widget.push(await widgetRun(browser, b.host));
      console.error(
        `round ${i + 1}/${rounds}: ${builds.map((b) => `${b.page.at(-1).verdictAt.toFixed(0)} / ${b.widget.at(-1).verdictAt.toFixed(0)} ms`).join(' | ')}`,
      );
    }
    load.push(os.loadavg()[0]);
    console.log(`cold start, ${rounds} interleaved rounds, load ${load.map((x) => x.toFixed(1)).join(' → ')}; medians in ms since navigation`);
    console.log(`| build | surface | ${PHASES.join(' | ')} | ${Object.keys(SPANS).join(' | ')} | verdicts |`);
    console.log(`|---|---|${[...PHASES, ...Object.keys(SPANS)].map(() => '---|').join('')}---|`);
    for (const b of builds) {
      for (const [surface, runs] of [
        ['page', b.page],
        ['widget', b.widget],
      ]) {
        const meds = [...PHASES.map((k) => median(runs.map((r) => r[k]))), ...Object.values(SPANS).map((f) => median(runs.map(f)))];
        console.log(
          `| ${path.relative(process.cwd(), b.dir) || '.'} | ${surface} | ${meds.map((x) => (Number.isFinite(x) ? x.toFixed(0) : '–')).join(' | ')} | ${[...new Set(runs.map((r) => r.verdict))].join(', ')} |`,
        );
      }
      if (b.leaks.length) console.log(`requests that left the page's origin: ${b.leaks.join(', ')}`);
    }
    if (process.env.BENCH_WATERFALL) {
      for (const b of builds) {
        console.log(`\n${b.dir}, the first page run's requests (start → end, ms):`);
        for (const r of b.page[0].requests) console.log(`  ${r.start.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${new URL(r.url).pathname}`);
      }
    }
  } finally {
    await browser.close();
    for (const b of builds) {
      b.server.close();
      await b.host.close();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

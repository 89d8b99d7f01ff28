// ClearBadge's wasm inside Chromium's worker, up close (docs/performance.md,
// "Where the time goes now"): what `make bench`'s Chromium rows time, taken
// apart. Both modes run the bench's credentials offline in one cross-origin
// isolated page (its clock ticks in 5 µs steps), after 8 s of settling.
//
//   node bench/worker.mjs profile [DIR]
//     A CPU profile of the verification worker (CDP's Profiler on the worker's
//     own target) over BENCH_N verifications of each credential, and one of
//     the page's thread: bench/out/worker.cpuprofile and page.cpuprofile
//     (open them in Chromium's DevTools), and the worker's self time by
//     function. DIR is a built web/ (default web/). For Go function names,
//     hand it an unstripped offline build in WASM (make wasm strips them):
//       GOOS=js GOARCH=wasm go build -tags clearbadge_offline -o /tmp/names.wasm ./wasm
//       WASM=/tmp/names.wasm node bench/worker.mjs profile
//
//   node bench/worker.mjs compare DIR DIR...
//     Builds side by side (each DIR a built web/, e.g. a copy of main's): the
//     builds take turns per credential, BENCH_ROUNDS rounds of BENCH_N
//     verifications each, and each turn's page time per verification (as the
//     bench reads it) and CPU time per verification of the worker's thread and
//     of the page's thread (from the renderer's /proc/…/task/…/schedstat, which
//     other processes' load inflates far less than the clock; on a VM it
//     still counts the time the host takes from a running vCPU) are kept. Prints
//     medians per credential and, per build, the median over turns of its
//     CPU time ÷ the first build's in the same round.
import { readFileSync, readdirSync, writeFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, root, webDir } from '../tests/browser/helpers.mjs';

const N = Number(process.env.BENCH_N || 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 16);
const SETTLE_MS = 8000;
const outDir = path.join(root, 'bench', 'out');
const CREDS = [
  ['eddsa 1.5 KB', 'testdata/peer/ob-eddsa-rdfc-2022.json'],
  ['eddsa sample', 'web/samples/sample.json'],
  ['eddsa rich', 'testdata/peer/ob-eddsa-rich.json'],
  ['Ed25519Sig2020', 'testdata/peer/ob-v1-ed25519signature2020.json'],
].map(([label, file]) => ({ label, text: readFileSync(path.join(root, file), 'utf8') }));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}
const f3 = (x) => x.toFixed(3);

// serve mounts each folder at /b<i>/ (and an empty page at /), every
// response cross-origin isolated; wasm, when given, is served in place of the
// offline build the folders' wasm-name.mjs names.
async function serve(dirs, wasm) {
  const srv = http.createServer((req, res) => {
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cache-Control', 'no-store');
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end('<!doctype html><meta charset="utf-8"><title>worker bench</title>');
    }
    const m = p.match(/^\/b(\d+)\/([\w.-]+)$/);
    let file = m && dirs[Number(m[1])] && path.join(dirs[Number(m[1])], m[2]);
    if (file && wasm && /^clearbadge\.[0-9a-f]{16}\.wasm$/.test(m[2])) file = wasm;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${srv.address().port}/`, close: () => new Promise((r) => srv.close(r)) };
}

// open loads every build's clearbadge.mjs in one page; run(i, text, n)
// verifies n times with build i and returns the page's times.
async function open(browser, url, count) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.evaluate(async (count) => {
    window.cbs = [];
    for (let i = 0; i < count; i++) window.cbs.push(await (await import(`/b${i}/clearbadge.mjs`)).load());
    window.run = async (i, text, n) => {
      const times = [];
      for (let k = 0; k < n; k++) {
        const s = performance.now();
        const r = await window.cbs[i].verify(text, { offline: true });
        times.push(performance.now() - s);
        if (!r.verified) throw new Error(`build ${i}: ${r.verdict}`);
      }
      return times;
    };
  }, count);
  const run = (i, text, n) => page.evaluate(([i, t, n]) => window.run(i, t, n), [i, text, n]);
  const settle = Date.now() + SETTLE_MS;
  while (Date.now() < settle) for (const c of CREDS) for (let i = 0; i < count; i++) await run(i, c.text, 2);
  return { page, run };
}

// renderers are the renderer processes this script's browser started.
function renderers() {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/));
  const mine = new Set([String(process.pid)]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [, pid, ppid] of rows) {
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return rows.filter(([, pid, , args]) => mine.has(pid) && args.includes('--type=renderer')).map(([, pid]) => pid);
}

// cpu reads the CPU time (ns) of every thread of the renderers.
function cpu(pids) {
  const t = new Map();
  for (const pid of pids) {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        t.set(`${pid}/${tid}`, { name, main: pid === tid, ns: Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) });
      } catch {
        // a thread that ended meanwhile
      }
    }
  }
  return t;
}

async function compare(browser, dirs) {
  const srv = await serve(dirs);
  try {
    const { run } = await open(browser, srv.url, dirs.length);
    const pids = renderers();
    const res = CREDS.map(() => dirs.map(() => ({ wall: [], worker: [], page: [] })));
    const ratios = dirs.map(() => []);
    for (let r = 0; r < ROUNDS; r++) {
      for (const [ci, c] of CREDS.entries()) {
        const order = r % 2 ? [...dirs.keys()].reverse() : [...dirs.keys()];
        const total = [];
        for (const i of order) {
          const a = cpu(pids);
          const times = await run(i, c.text, N);
          let worker = 0;
          let page = 0;
          for (const [k, b] of cpu(pids)) {
            const d = b.ns - (a.get(k)?.ns ?? b.ns);
            // Only build i's worker ran: the busiest worker thread is its.
            if (b.name.startsWith('DedicatedWorker')) worker = Math.max(worker, d);
            else if (b.main) page += d;
          }
          const x = res[ci][i];
          x.wall.push(quantile(times, 0.5));
          x.worker.push(worker / 1e6 / N);
          x.page.push(page / 1e6 / N);
          total[i] = (worker + page) / 1e6 / N;
        }
        for (const i of dirs.keys()) ratios[i].push(total[i] / total[0]);
      }
    }
    for (const [ci, c] of CREDS.entries()) {
      console.log(c.label);
      for (const [i, d] of dirs.entries()) {
        const x = res[ci][i];
        const m = (k) => f3(quantile(x[k], 0.5));
        console.log(`  ${d}: page's time ${m('wall')} ms; CPU: worker ${m('worker')} ms, page's thread ${m('page')} ms`);
      }
    }
    for (const [i, d] of dirs.entries()) {
      console.log(
        `CPU time ÷ the first build's, per turn: ${d} ${f3(quantile(ratios[i], 0.5))} (${f3(quantile(ratios[i], 0.25))}–${f3(quantile(ratios[i], 0.75))})`,
      );
    }
  } finally {
    await srv.close();
  }
}

// selfTimes prints a profile's self time by function, largest first.
function selfTimes(profile, top) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const d = profile.timeDeltas[i + 1] ?? 0;
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + d);
    total += d;
  });
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * t) / total).toFixed(1).padStart(5)} % ${name}`);
}

async function profile(browser, dir) {
  const srv = await serve([dir], process.env.WASM);
  try {
    const { page, run } = await open(browser, srv.url, 1);
    // The worker's own target, reached through the browser's CDP session
    // (a page's session does not list its dedicated workers).
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let next = 0;
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      waiting.get(m.id)?.(m.result);
      waiting.delete(m.id);
    });
    const send = (method, params = {}) =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      });
    const pageCDP = await page.context().newCDPSession(page);
    for (const s of [send, (m, p) => pageCDP.send(m, p)]) {
      await s('Profiler.enable');
      await s('Profiler.setSamplingInterval', { interval: 50 });
      await s('Profiler.start');
    }
    for (const c of CREDS) console.log(`${c.label}: median ${f3(quantile(await run(0, c.text, N), 0.5))} ms`);
    const w = (await send('Profiler.stop')).profile;
    const p = (await pageCDP.send('Profiler.stop')).profile;
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, 'worker.cpuprofile'), JSON.stringify(w));
    writeFileSync(path.join(outDir, 'page.cpuprofile'), JSON.stringify(p));
    console.log("The worker's self time (bench/out/worker.cpuprofile; the page's thread: page.cpuprofile):");
    selfTimes(w, 40);
  } finally {
    await srv.close();
  }
}

const [mode, ...dirs] = process.argv.slice(2);
if (mode !== 'profile' && !(mode === 'compare' && dirs.length >= 2)) {
  console.error('usage: node bench/worker.mjs profile [DIR] | compare DIR DIR...');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true });
try {
  if (mode === 'profile') await profile(browser, path.resolve(dirs[0] ?? webDir));
  else
    await compare(
      browser,
      dirs.map((d) => path.resolve(d)),
    );
} finally {
  await browser.close();
}

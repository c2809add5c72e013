// The playground's frame time in a real browser: headless Chromium plays the spiral with six hidden layers of eight
// for 10 s (each frame trains, then redraws the 100 × 100 heatmap, every neuron's map on the diagram and the loss),
// and prints the work per frame (p50, p95, max), the frame interval and the epochs per second. First, in the same
// browser with the same flags, an empty requestAnimationFrame loop on a blank page: the browser's own floor for the
// frame interval (60 Hz is 16.7 ms). Then, unless --no-trace, each speed again for 3 s under Chromium's tracing: the
// CPU time per frame of each thread that draws the page, and the main thread's split between the frame callback's
// script and the rendering after it (scripts/frame-trace.mjs). Prints numbers; asserts nothing.
//
//   node scripts/bench-page.mjs [--seconds 10] [--speeds 1,5] [--no-trace] [--root www]
//
// --root serves another copy of the pages (an older checkout's www/, to compare two versions on the same machine).
import { loadavg, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { FRAME_CATEGORIES, summarize } from './frame-trace.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const k = process.argv.indexOf(`--${name}`);
  return k > 0 ? process.argv[k + 1] : fallback;
};
const SECONDS = Number(arg('seconds', '10'));
const SPEEDS = arg('speeds', '1,5').split(',').map(Number);
const LINK = 'v=1&data=spiral&hidden=8,8,8,8,8,8&act=tanh&lr=0.01&opt=adam&seed=3';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => v.toFixed(2).padStart(7);

const { server, url } = await startServer({ root: arg('root', join(ROOT, 'www')), port: 0, csp: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const TRACE = !process.argv.includes('--no-trace');

/** Opens the playground at `speed` epochs per frame, every animation-frame callback timed; resolves to the page. */
async function openPlayground(speed) {
  const page = await context.newPage();
  // Time each animation-frame callback's work (train, then draw) from inside the page, before any script runs.
  await page.addInitScript(() => {
    const work = [];
    const starts = [];
    const behind = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((now) => {
      const t0 = performance.now();
      callback(now);
      work.push(performance.now() - t0);
      starts.push(t0);
      // Epochs between the network trained and the one the heatmap shows (its grid comes from a worker).
      const p = document.querySelector('#playground');
      if (p?.playing) behind.push(p.epochs - p.heatmapEpoch);
    });
    window.__frames = { work, starts, behind };
  });
  await page.goto(new URL(`network.html#${LINK}&speed=${speed}`, url).href);
  await page.waitForFunction(() => document.querySelector('#playground')?.network && document.querySelector('#playground').ready);
  await page.locator('#playground').scrollIntoViewIfNeeded();
  return page;
}

/** Plays for `seconds`; resolves to the callbacks' work, the intervals between them, and the epochs trained. */
function play(page, seconds) {
  return page.evaluate(async (seconds) => {
    const p = document.querySelector('#playground');
    const epochs0 = p.epochs;
    window.__frames.work.length = 0;
    window.__frames.starts.length = 0;
    window.__frames.behind.length = 0;
    p.play();
    const t0 = performance.now();
    await new Promise((done) => setTimeout(done, seconds * 1000));
    p.pause();
    const elapsed = (performance.now() - t0) / 1000;
    const { work, starts, behind } = window.__frames;
    const intervals = starts.slice(1).map((t, i) => t - starts[i]);
    return { work: [...work], intervals, behind: [...behind], epochs: p.epochs - epochs0, elapsed, diverged: p.diverged };
  }, seconds);
}

try {
  console.log(`Playground frame time: spiral, layers ${LINK.match(/hidden=([\d,]+)/)[1].split(',').length} × 8 hidden, 100 × 100 heatmap and every neuron's map redrawn each frame, ${SECONDS} s per run`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((v) => v.toFixed(2)).join(' ')} (other work on the machine slows these numbers)`);
  console.log('epochs/frame | work per frame p50    p95    max (ms) | frame interval p50    p95 (ms) | frames | epochs/s | heatmap behind p50 p95 (frames)');
  {
    // The floor: nothing but the loop itself, on a blank page of the same size.
    const page = await context.newPage();
    await page.goto('about:blank');
    const gaps = (await page.evaluate(async (seconds) => {
      const starts = [];
      let on = true;
      const tick = (now) => {
        if (!on) return;
        starts.push(performance.now());
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await new Promise((done) => setTimeout(done, seconds * 1000));
      on = false;
      return starts.slice(1).map((t, i) => t - starts[i]);
    }, Math.min(SECONDS, 5))).sort((a, b) => a - b);
    console.log(`${'empty loop'.padStart(12)} | ${' '.repeat(36)} | ${' '.repeat(15)}${ms(quantile(gaps, 0.5))}${ms(quantile(gaps, 0.95))} | ${String(gaps.length + 1).padStart(6)} |`);
    await page.close();
  }
  for (const speed of SPEEDS) {
    const page = await openPlayground(speed);
    const result = await play(page, SECONDS);
    const work = result.work.sort((a, b) => a - b);
    const gaps = result.intervals.sort((a, b) => a - b);
    const behind = result.behind.map((e) => e / speed).sort((a, b) => a - b);
    const lag = behind.length && behind.every(Number.isFinite) ? `${quantile(behind, 0.5).toFixed(1).padStart(22)}${quantile(behind, 0.95).toFixed(1).padStart(4)}` : '';
    console.log(`${String(speed).padStart(12)} | ${' '.repeat(15)}${ms(quantile(work, 0.5))}${ms(quantile(work, 0.95))}${ms(work.at(-1))} | ${' '.repeat(15)}${ms(quantile(gaps, 0.5))}${ms(quantile(gaps, 0.95))} | ${String(work.length).padStart(6)} | ${(result.epochs / result.elapsed).toFixed(1).padStart(8)} |${lag}${result.diverged ? ' (diverged)' : ''}`);
    await page.close();
  }
  if (TRACE) {
    // Each speed again, traced: tracing slows every thread a little, so these runs are not the ones timed above.
    const rows = [];
    for (const speed of SPEEDS) {
      const page = await openPlayground(speed);
      await browser.startTracing(page, { categories: FRAME_CATEGORIES });
      await play(page, 3);
      const trace = JSON.parse(String(await browser.stopTracing()));
      rows.push([speed, summarize(trace.traceEvents ?? trace)]);
      await page.close();
    }
    console.log(`\nCPU time per frame (ms of thread time, traced for 3 s; load average ${loadavg().map((v) => v.toFixed(2)).join(' ')})`);
    console.log(`${'epochs/frame'.padEnd(44)}${rows.map(([speed]) => String(speed).padStart(8)).join('')}`);
    const line = (label, pick) => console.log(`${label.padEnd(44)}${rows.map(([, r]) => (pick(r) ?? 0).toFixed(2).padStart(8)).join('')}`);
    const threads = [...new Set(rows.flatMap(([, r]) => r.threads.map(([name]) => name)))];
    for (const name of threads) line(name, (r) => r.threads.find(([n]) => n === name)?.[1]);
    line('all of them', (r) => r.threads.reduce((sum, [, v]) => sum + v, 0));
    console.log('main thread, by step:');
    for (const [step] of rows[0][1].steps) line(`  ${step}`, (r) => r.steps.find(([n]) => n === step)?.[1]);
    line('  of which outside the frame callback', (r) => r.outside);
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

#!/usr/bin/env node
// The page's budgets, measured in headless Chromium against the built site (`vite build` + `vite
// preview`): time from a scenario chosen to its first panel drawn, frame times and long tasks with
// 4 panels at 60× and 9 panels at 600×, whether the simulation stays ahead of the playhead, and the
// initial JavaScript's gzip size. Prints the figures and writes them as a section of
// docs/benchmarks.md (`--no-write` to only print; `--first-only` stops after the first-panel figures).
//   npm run bench:page
// To find what a playback costs: `--playback-only` skips the first-panel figures (and writes nothing),
// `--nine-only` plays only the 9 panels at 600×, `--profile` records a CPU profile and a trace of each
// playback and prints where the main thread spent it (scripts/pageProfile.mjs), `--site DIR` serves
// a site already built into DIR (another commit's build, to compare two builds in the same window).
// `--contend N` runs N busy loops beside the browser, as other work on a shared machine would (it
// writes nothing): what the budgets become when the page gets only part of the cores.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { probe, simulatedSeconds } from './playbackProbe.mjs';
import { profileReport, startProfile } from './pageProfile.mjs';

// rAF gaps of a frame that kept pace with a 60 Hz display read 16.67 ms give or take a few tenths.
const FRAME_JITTER_MS = 0.5;
const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name) => process.argv.includes(name);
const option = (name) => process.argv[process.argv.indexOf(name) + 1];
const contenders = flag('--contend') ? Number(option('--contend')) : 0;
const write = !flag('--no-write') && !flag('--playback-only') && contenders === 0;
const profiling = flag('--profile');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const log = (text) => process.stderr.write(`bench:page: ${text}\n`);

// ——— build and serve ———
const loadBefore = loadavg()[0];
const site = flag('--site') ? option('--site') : undefined;
const outDir = site ?? mkdtempSync(join(tmpdir(), 'rollout-lab-bench-'));
if (!site) {
  log('building the site…');
  // source maps only when profiling, to name the functions; they do not change the code that runs
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn', ...(profiling ? ['--sourcemap'] : [])], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}

/** The scripts index.html loads before anything is clicked: its module and its preloads. */
function initialJsGzip() {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = [...new Set(files)].reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f)), { level: 9 }).length, 0);
  return { files: files.length, bytes };
}

// each a process of its own that spins until the bench ends
const busyLoops = Array.from({ length: contenders }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
if (contenders) log(`${contenders} busy loop(s) contending for the cores`);

const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
const { port } = server.httpServer.address();
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const median = (values) => percentile(values, 50);

/** ms from a card clicked to its first panel on screen (a drawn frame after the panel exists). */
async function firstPanel(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${base}?scenario=good-release&panels=0`);
  // a learner picks a scenario from a page that has finished its first run
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor();
  await page.waitForLoadState('networkidle');
  const ms = await page.evaluate(
    (card) =>
      new Promise((resolve) => {
        const before = document.querySelector('.panel');
        performance.clearMarks();
        const t0 = performance.now();
        document.querySelector(`[data-scenario="${card}"]`).click();
        const check = () => {
          const panel = document.querySelector('.panel');
          const mark = (name) => (performance.getEntriesByName(name).at(-1)?.startTime ?? NaN) - t0;
          if (panel && panel !== before && panel.isConnected)
            requestAnimationFrame(() => resolve({ ms: performance.now() - t0, request: mark('stream-request'), start: mark('stream-start'), slice: mark('stream-first-slice') }));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    name,
  );
  await context.close();
  return ms;
}

/** ms from navigation start to the first panel on screen, on a fresh profile (nothing cached). */
async function coldOpen() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('.panel').first().waitFor();
  const ms = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  await context.close();
  return ms;
}

/**
 * Plays `search` for SECONDS of wall time and reports frame times, long tasks and lag: from the
 * first panel, while the simulation is still streaming; or (`afterStream`) from the start once the
 * whole run is computed, which isolates the drawing's own cost.
 */
async function playback(label, search, viewport, afterStream = false) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(probe);
  const page = await context.newPage();
  await page.goto(base + search + (afterStream ? '&t=0' : ''));
  await page.locator('.panel').first().waitFor();
  // the panels scrolled up under the sticky time control, as a learner watching them all has them
  // (at 1920×1080 the third row of nine is below the fold otherwise)
  await page.locator('.panel').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  if (afterStream) {
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'play' }).click();
  }
  const stopProfile = profiling ? await startProfile(browser, page, outDir) : undefined;
  // once the whole run is computed, the playback starts over at each end: the window is all playback
  await page.evaluate((loop) => Object.assign(window.__bench, { running: true, loop }), afterStream);
  await page.waitForTimeout(SECONDS * 1000); // a benchmark measures wall time on purpose
  const bench = await page.evaluate(() => ((window.__bench.running = false), window.__bench));
  // tasks that began while playing; the others came with an end of the playback (or a restart)
  const playingTasks = bench.longTasks.filter((task) => task.playing).map((task) => task.duration);
  const endTasks = bench.longTasks.filter((task) => !task.playing).map((task) => task.duration);
  // summed over the plays: a restart starts the clock over
  const simulated = simulatedSeconds(bench.samples);
  if (stopProfile) {
    const profile = await stopProfile();
    log(`${label}, profile:\n${profileReport(profile)}`);
    log(`${label}: main-thread CPU ${((60 * profile.tasks.cpu) / Math.max(1, simulated)).toFixed(1)} ms per simulated minute (${simulated.toFixed(0)} simulated s played)`);
  }
  const panels = await page.locator('.panel').count();
  await context.close();
  const waiting = bench.samples.filter((s) => s.waiting).length;
  return {
    label,
    panels,
    frames: bench.frames.length,
    p95: percentile(bench.frames, 95),
    p50: median(bench.frames),
    longTasks: playingTasks.length,
    longestTask: playingTasks.length ? Math.max(...playingTasks) : 0,
    ends: bench.ends.length,
    endTasks: endTasks.length,
    longestEndTask: endTasks.length ? Math.max(...endTasks) : 0,
    // a frame that missed its display refresh: a gap over 1.5 display intervals (60 Hz)
    dropped: bench.frames.filter((gap) => gap > 1.5 * (1000 / 60)).length,
    waitingShare: bench.samples.length ? waiting / bench.samples.length : NaN,
    // the longest hold before a playback's first move (the first one, while streaming)
    hold: bench.holds.length ? Math.max(...bench.holds) : NaN,
    simulated,
    mutations: bench.mutations,
  };
}

/**
 * ms from an act (a fault injected from the palette at the playhead, paused at `t`) to its effect
 * on screen in every panel: each panel's charts shade the new fault, drawn at the same playhead,
 * the re-simulation having caught up with it (a frame drawn after that).
 */
async function actEffect(t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${base}?t=${t}`);
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('act-console-toggle').click(); // the console is folded until opened
  await page.getByTestId('fault-kind').selectOption('dependency-outage');
  const label = `you: dependency-outage at ${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
  const result = await page.evaluate(
    ({ label, t }) =>
      new Promise((resolve) => {
        const panels = document.querySelectorAll('.panel').length;
        let progressShown = false;
        const t0 = performance.now();
        document.querySelector('[data-testid="inject"]').click();
        /** ms from the click to each step on the way: request posted, start and first slice received, playhead computed */
        const steps = {};
        const check = () => {
          progressShown ||= document.querySelector('[data-testid="act-progress"]') !== null;
          const clock = document.querySelector('[data-testid="clock"]');
          for (const mark of performance.getEntriesByType('mark')) if (mark.startTime >= t0) steps[mark.name] ??= mark.startTime - t0;
          if (steps['stream-start'] !== undefined && Number(clock.dataset.computed) >= t) steps.computed ??= performance.now() - t0;
          const shaded = [...document.querySelectorAll('.panel')].filter((panel) => [...panel.querySelectorAll('.chart-fault-label')].some((l) => l.textContent.includes(label))).length;
          if (shaded === panels && Number(clock.dataset.simTime) === t) requestAnimationFrame(() => resolve({ ms: performance.now() - t0, panels, progressShown, steps }));
          else if (performance.now() - t0 > 60_000) resolve({ ms: NaN, panels, progressShown, steps });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { label, t },
  );
  await context.close();
  return { t, ...result };
}

try {
  if (process.argv.includes('--acts-only')) {
    const times = process.env.BENCH_ACT_TIMES ? process.env.BENCH_ACT_TIMES.split(',').map(Number) : [320, 750, 1500];
    const acts = [];
    for (const t of times) for (let k = 0; k < 3; k++) {
      acts.push(await actEffect(t));
      const { ms, steps } = acts.at(-1);
      log(`act at ${t} s: ${ms.toFixed(0)} ms${acts.at(-1).progressShown ? ' (progress shown)' : ''} (${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`);
    }
    for (const a of acts) log(`act at ${a.t} s: effect in all ${a.panels} panels after ${a.ms.toFixed(0)} ms${a.progressShown ? ' (progress shown)' : ''}`);
    const rows = times.map((t) => {
      const ms = acts.filter((a) => a.t === t).map((a) => a.ms);
      return { t, median: median(ms), worst: Math.max(...ms), all: ms };
    });
    const worst = Math.max(...rows.map((r) => r.worst));
    const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Chromium ${browser.version()} headless; load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end`;
    const section = [
      '<!-- act-bench:start -->',
      '## Acting: an act\'s effect in every panel',
      '',
      'The default scenario (7 panels) paused at a time, its whole run computed; a dependency outage injected',
      'from the fault palette "now"; measured from the click to the first frame in which every panel\'s',
      'charts shade the new fault at the same playhead (the act joins the worker\'s copy of the run kept',
      'a second behind the playhead, which streams on from there). Three clicks per time; each line of',
      'the log says where the time went (ms from the click: request posted, start received, playhead computed).',
      '',
      '```sh',
      'node scripts/bench-page.mjs --acts-only',
      '```',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
      '',
      '| playhead | median ms | worst ms | each |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${Math.floor(r.t / 60)}:${String(r.t % 60).padStart(2, '0')} | ${r.median.toFixed(0)} | ${r.worst.toFixed(0)} | ${r.all.map((x) => x.toFixed(0)).join(', ')} |`),
      '',
      `- an act's effect in every panel ≤ 500 ms: worst ${worst.toFixed(0)} ms — ${worst <= 500 ? 'met' : 'MISSED'}`,
      '<!-- act-bench:end -->',
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (write) {
      const file = join(root, 'docs/benchmarks.md');
      const text = readFileSync(file, 'utf8');
      const marked = /<!-- act-bench:start -->[\s\S]*<!-- act-bench:end -->/;
      writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
      log('wrote docs/benchmarks.md');
    }
  }
  if (!process.argv.includes('--acts-only')) await pageBudgets();
} finally {
  for (const loop of busyLoops) loop.kill();
  await browser.close();
  await server.close();
  if (!site) rmSync(outDir, { recursive: true, force: true });
}

async function pageBudgets() {
  const js = initialJsGzip();
  log(`initial JS: ${(js.bytes / 1024).toFixed(1)} KB gzip in ${js.files} files`);
  const playbackOnly = flag('--playback-only') || flag('--nine-only');
  const picks = playbackOnly ? [] : ['default', 'ios-only-bug', 'crash-loop-rolling', 'bad-release-every-pattern', 'business-regression-ab'];
  const cold = playbackOnly ? NaN : await coldOpen();
  if (!playbackOnly) log(`cold open to first panel: ${cold.toFixed(0)} ms`);
  const first = [];
  for (const name of picks) {
    first.push({ name, ...(await firstPanel(name)) });
    const f = first.at(-1);
    log(`first panel, ${name}: ${f.ms.toFixed(0)} ms (request ${f.request.toFixed(0)}, start ${f.start.toFixed(0)}, first slice ${f.slice.toFixed(0)})`);
  }
  const firstOnly = process.argv.includes('--first-only');
  const four = ['?panels=0,1,2,3&speed=60', { width: 1280, height: 720 }];
  const nine = ['?scenario=bad-release-every-pattern&panels=0,1,2,3,4,5,6,7,8&speed=600', { width: 1920, height: 1080 }];
  const nineOnly = flag('--nine-only');
  const runs = firstOnly ? [] : [
    nineOnly ? undefined : await playback('4 panels at 60×, while streaming', ...four),
    await playback('9 panels at 600×, while streaming', ...nine),
    nineOnly ? undefined : await playback('4 panels at 60×, stream ended', ...four, true),
    await playback('9 panels at 600×, stream ended', ...nine, true),
  ].filter(Boolean);
  for (const r of runs) log(`${r.label}: ${r.panels} panels, ${r.frames} frames played, p95 frame ${r.p95.toFixed(1)} ms, ${r.dropped} dropped, ${r.longTasks} long tasks while playing (longest ${r.longestTask.toFixed(0)} ms), ${r.endTasks} at ${r.ends} end(s) of playback (longest ${r.longestEndTask.toFixed(0)} ms), held ${r.hold.toFixed(0)} ms before moving, waiting ${(100 * r.waitingShare).toFixed(0)}% of frames after, ${(r.mutations / Math.max(1, r.simulated)).toFixed(1)} DOM changes per simulated second`);

  const machine = `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, Chromium ${browser.version()} headless; load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end${contenders ? `, with ${contenders} busy loop(s) contending for the cores` : ''}${loadBefore >= 1 ? ' (other work shared the cores: wall-clock figures are stretched)' : ' (the end figure is mostly this bench\'s own browser)'}`;
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  const worstFirst = Math.max(...first.map((f) => f.ms));
  const section = [
    '<!-- page-bench:start -->',
    '## The page',
    '',
    'The built site (`vite build`, served by `vite preview`) in headless Chromium. First panel: a',
    'scenario card clicked, on a page that has finished its first run, until the new scenario\'s first panel',
    'is on screen (a frame drawn after the panel exists), each scenario in a fresh browser context.',
    `Playback: ${SECONDS} s of wall time, either from the first panel while the simulation still streams, or`,
    'from 0:00 once the whole run is computed ("stream ended", the drawing\'s own cost; the playback starts',
    'over each time it reaches the end, so the whole window is playback). A playback starts held, the',
    'picture still and saying that it waits, until the simulation is half a second of playback ahead of',
    'the playhead; "held" is that wait, from the play to the first move (the longest, when it restarts).',
    'Frame time from `requestAnimationFrame` gaps between two frames that both moved the playhead.',
    'A gap of one display interval plus',
    'timer jitter reads 16.8 ms although no refresh was missed, so beside the raw p95 the table counts the',
    'frames that missed a refresh (a gap over 1.5 display intervals, 25 ms at 60 Hz). Long tasks from',
    '`PerformanceObserver` (`longtask`, over 50 ms): those that began while playing, and those at an end of',
    'the playback, when every panel settles on the exact instant and its tables for screen readers catch',
    'up. "Waiting" is the share of frames after the first move in which the playhead was held back by the simulation; DOM',
    'changes (MutationObserver records) per simulated second are a measure of the drawing work that',
    'other load on the machine does not stretch.',
    '',
    '```sh',
    'npm run bench:page',
    '```',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    '',
    '| first panel after a scenario is chosen | ms | of which: worker asked at | `start` received at | first slice received at |',
    '| --- | --- | --- | --- | --- |',
    // a first slice that came after the panel was drawn has no mark yet when the panel is measured
    ...first.map((f) => `| ${f.name} | ${f.ms.toFixed(0)} | ${f.request.toFixed(0)} | ${f.start.toFixed(0)} | ${Number.isFinite(f.slice) ? f.slice.toFixed(0) : 'after the panel'} |`),
    `| (opening the site, nothing cached: navigation to first panel) | ${cold.toFixed(0)} | | | |`,
    '',
    '| playback | panels | frames played | p50 frame ms | p95 frame ms | frames that missed the display (gap > 25 ms) | long tasks while playing (longest ms) | ends of playback: long tasks (longest ms) | held before the first move (ms) | waiting for the simulation after it | simulated s played | DOM changes per simulated s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map((r) => `| ${r.label} | ${r.panels} | ${r.frames} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.dropped} (${((100 * r.dropped) / Math.max(1, r.frames)).toFixed(1)}%) | ${r.longTasks} (${r.longestTask.toFixed(0)}) | ${r.ends}: ${r.endTasks} (${r.longestEndTask.toFixed(0)}) | ${r.hold.toFixed(0)} | ${(100 * r.waitingShare).toFixed(0)}% | ${r.simulated.toFixed(0)} | ${(r.mutations / Math.max(1, r.simulated)).toFixed(1)} |`),
    '',
    ...(first.length ? [`- first panel ≤ 300 ms (worst of ${first.length}): ${worstFirst.toFixed(0)} ms — ${verdict(worstFirst <= 300)}`] : []),
    ...runs.map((r) => `- ${r.label}: p95 frame ≤ 16.7 ms (one 60 Hz refresh; up to ${FRAME_JITTER_MS} ms of timer jitter above it counts as on time): ${r.p95.toFixed(2)} ms — ${verdict(r.p95 <= 16.7 + FRAME_JITTER_MS)} (frames that missed the display: ${((100 * r.dropped) / Math.max(1, r.frames)).toFixed(1)}%); no task over 50 ms while playing: ${r.longTasks} — ${verdict(r.longTasks === 0)}, at the ends of playback: ${r.endTasks} — ${verdict(r.endTasks === 0)}; simulation ahead of the playhead: held ${r.hold.toFixed(0)} ms before the first move, then waiting in ${(100 * r.waitingShare).toFixed(0)}% of frames — ${verdict(r.waitingShare === 0)}`),
    `- initial JavaScript ≤ 300 KB gzip: ${(js.bytes / 1024).toFixed(1)} KB — ${verdict(js.bytes <= 300 * 1024)}`,
    '<!-- page-bench:end -->',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (write && !firstOnly && !nineOnly) {
    const file = join(root, 'docs/benchmarks.md');
    const text = readFileSync(file, 'utf8');
    const marked = /<!-- page-bench:start -->[\s\S]*<!-- page-bench:end -->/;
    writeFileSync(file, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}\n`);
    log('wrote docs/benchmarks.md');
  }
}

#!/usr/bin/env node
// Where a playing page's frame goes, as a figure that a busy machine stretches little: nine panels at
// 600× with the whole run computed (the playback starts over at each end), a Chrome trace of 8 s, and
// the renderer's main-thread CPU (thread time, not wall time) per simulated minute, by trace event
// (self time), beside the compositor's and the display compositor's CPU and the frames that missed
// a refresh. Missed frames swing widely from run to run on a shared machine; CPU per simulated minute
// varies by a few per cent, so it is what tells two builds apart. Give built sites (`vite build
// --outDir DIR`); they are played alternately, ROUNDS times each:
//   node scripts/frame-cpu.mjs ROUNDS DIR [DIR…]
// At 600× a simulated minute is 100 ms of playback: 6 frames at 60 Hz, so 100 ms per simulated
// minute is a main thread busy all the time.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { threadTimes, traceSelfTime } from './pageProfile.mjs';
import { probe, simulatedSeconds } from './playbackProbe.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [rounds = '1', ...dirs] = process.argv.slice(2);
if (dirs.length === 0) {
  process.stderr.write('usage: node scripts/frame-cpu.mjs ROUNDS DIR [DIR…]\n');
  process.exit(2);
}
const SECONDS = 8;
const SEARCH = '?scenario=bad-release-every-pattern&panels=0,1,2,3,4,5,6,7,8&speed=600&t=0';

const servers = [];
for (const dir of dirs) {
  const server = await preview({ root, logLevel: 'warn', build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } });
  servers.push({ dir, server, base: `http://127.0.0.1:${server.httpServer.address().port}/` });
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function measure(base) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript(probe);
  const page = await context.newPage();
  await page.goto(base + SEARCH);
  await page.locator('.panel').first().waitFor();
  await page.locator('.panel').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'play' }).click();
  await page.waitForTimeout(1000); // past the start-up hold
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  // the playback starts over at each end: the whole window is playback
  await page.evaluate(() => Object.assign(window.__bench, { running: true, loop: true }));
  await page.waitForTimeout(SECONDS * 1000); // a benchmark measures wall time on purpose
  const bench = await page.evaluate(() => ((window.__bench.running = false), window.__bench));
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  await context.close();

  // CPU per thread, the main thread's by trace event (self time, wall time as the trace nests it)
  const threads = [...threadTimes(events).values()];
  const cpuOf = (name) => threads.filter((thread) => thread.name === name).reduce((sum, thread) => sum + thread.cpu, 0);
  const self = traceSelfTime(events).names;
  const simulated = simulatedSeconds(bench.samples);
  const perMinute = (ms) => (60 * ms) / Math.max(1, simulated);
  return {
    missed: bench.frames.filter((gap) => gap > 25).length / Math.max(1, bench.frames.length),
    main: perMinute(cpuOf('CrRendererMain')),
    compositor: perMinute(cpuOf('Compositor')),
    display: perMinute(cpuOf('VizCompositorThread')),
    top: self.slice(0, 8).map(([name, ms]) => `${name} ${perMinute(ms).toFixed(1)}`),
  };
}

const results = new Map(dirs.map((dir) => [dir, []]));
try {
  for (let round = 0; round < Number(rounds); round++)
    for (const { dir, base } of servers) {
      const r = await measure(base);
      results.get(dir).push(r);
      process.stderr.write(`${dir}: main ${r.main.toFixed(1)} ms of CPU per simulated minute (${r.top.join(', ')}); compositor ${r.compositor.toFixed(1)}, display compositor ${r.display.toFixed(1)}; ${(100 * r.missed).toFixed(1)}% of frames missed\n`);
    }
} finally {
  await browser.close();
  for (const { server } of servers) await server.close();
}
const list = (rs, pick, digits = 1) => rs.map((r) => pick(r).toFixed(digits)).join(' / ');
process.stdout.write('| site | main-thread CPU, ms per simulated minute | compositor | display compositor | frames missed, % |\n| --- | --- | --- | --- | --- |\n');
for (const [dir, rs] of results) process.stdout.write(`| ${dir} | ${list(rs, (r) => r.main)} | ${list(rs, (r) => r.compositor)} | ${list(rs, (r) => r.display)} | ${list(rs, (r) => 100 * r.missed)} |\n`);

// Where a page's main thread spends its time, for the page bench's `--profile`: a V8 CPU profile
// (CDP `Profiler`) aggregated by self time per function and per source file, the built bundle mapped
// back to src/ through its source maps; and a Chrome trace's main-thread events (style, layout,
// paint, garbage collection…) by self time. Figures are shares of the recorded window, so runs on a
// busy machine still compare.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TRACE_CATEGORIES = ['devtools.timeline', 'v8', 'blink', 'disabled-by-default-devtools.timeline'];

/** Starts both recordings on `page`; the returned function stops them and returns the figures. */
export async function startProfile(browser, page, outDir) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); // µs
  await cdp.send('Profiler.start');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await cdp.detach();
    const events = trace.traceEvents ?? trace;
    return { js: jsSelfTime(profile, outDir), events: traceSelfTime(events), threads: threadBusy(events), long: longTasks(events, profile, outDir), tasks: taskSummary(events) };
  };
}

/** A bundle's source map, read once per file. */
function mapper(outDir) {
  const maps = new Map();
  return (url, line, column) => {
    const file = url.replace(/^https?:\/\/[^/]+\//, '');
    if (!maps.has(file)) {
      const path = join(outDir, `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : null);
    }
    const map = maps.get(file);
    // a script's top level is reported at line -1: no place to map
    if (!map || line < 0) return { source: file || '(native)', line: line + 1 };
    const at = map.originalPositionFor({ line: line + 1, column });
    // sources are named relative to the map; name them relative to the repository
    const source = at.source ? relative(root, resolve(dirname(join(outDir, file)), at.source)) : file;
    return { source, line: at.line ?? line + 1 };
  };
}

/** ms of self time per function (original file:line) and per file, largest first. */
function jsSelfTime(profile, outDir) {
  const place = mapper(outDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // each sample's time is the gap to the next one
  for (let i = 0; i < profile.samples.length; i++) {
    const gap = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + gap);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const functions = new Map();
  const files = new Map();
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    const at = url ? place(url, lineNumber, columnNumber) : { source: functionName || '(anonymous)', line: 0 };
    const fn = url ? `${functionName || '(anonymous)'} ${at.source}:${at.line}` : functionName;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    const file = at.source.startsWith('node_modules/') ? at.source.split('/').slice(0, at.source.split('/')[1].startsWith('@') ? 3 : 2).join('/') : at.source;
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  // inclusive time of the project's own functions: a component's render with all it calls
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(node).callFrame;
      if (!url) continue;
      const at = place(url, lineNumber, columnNumber);
      if (!at.source.startsWith('src/')) continue;
      const fn = `${functionName || '(anonymous)'} ${at.source}:${at.line}`;
      if (!seen.has(fn)) seen.add(fn), inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
    }
  }
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, functions: sorted(functions), files: sorted(files), inclusive: sorted(inclusive) };
}

/** ms of self time per trace event name on the renderer's main thread. */
export function traceSelfTime(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return { total: 0, names: [] };
  const complete = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of complete) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  const first = complete[0]?.ts ?? 0;
  const last = complete.reduce((m, e) => Math.max(m, e.ts + e.dur), first);
  return { total: (last - first) / 1000, names: [...self].sort((a, b) => b[1] - a[1]) };
}

/**
 * Each thread's time in top-level events, by `pid:tid`: its name, ms of wall time and ms of CPU
 * (thread time, which other work on a shared machine does not stretch).
 */
export function threadTimes(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const times = new Map();
  const open = new Map();
  for (const e of [...events].filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    if ((open.get(key) ?? -1) > e.ts) continue; // nested in an event already counted
    open.set(key, e.ts + e.dur);
    const entry = times.get(key) ?? { name: names.get(key) ?? 'thread', wall: 0, cpu: 0 };
    entry.wall += e.dur / 1000;
    entry.cpu += (e.tdur ?? e.dur) / 1000;
    times.set(key, entry);
  }
  return times;
}

/** ms each thread of each process spent in top-level events: where the frame went off the main thread. */
function threadBusy(events) {
  return [...threadTimes(events)].map(([key, { name, wall }]) => [`${name} (${key})`, wall]).sort((a, b) => b[1] - a[1]);
}

/** The renderer main thread's tasks: ms busy (wall and CPU), and how many took over a frame (16.7 ms) and over 50 ms. */
function taskSummary(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const summary = { busy: 0, cpu: 0, over16: 0, over50: 0 };
  for (const task of events) {
    if (!main || task.pid !== main.pid || task.tid !== main.tid || task.ph !== 'X' || task.name !== 'RunTask') continue;
    summary.busy += task.dur / 1000;
    // thread time: the CPU the thread had, not stretched by other work on a shared machine
    summary.cpu += (task.tdur ?? task.dur) / 1000;
    if (task.dur > 16_700) summary.over16++;
    if (task.dur > 50_000) summary.over50++;
  }
  return summary;
}

/** Main-thread tasks over 50 ms: their own largest events and the JS functions sampled inside them. */
function longTasks(events, profile, outDir) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000);
  const place = mapper(outDir);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c).parent = n;
  return tasks.map((task) => {
    const inside = traceSelfTime(events.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.name === 'thread_name' || (e.ts >= task.ts && e.ts < task.ts + task.dur))));
    const js = new Map();
    let at = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      at += profile.timeDeltas[i];
      if (at < task.ts || at > task.ts + task.dur) continue;
      // the whole stack, so that a component's render shows beside the library code it calls
      for (let node = byId.get(profile.samples[i]), seen = new Set(); node; node = node.parent) {
        const { functionName, url, lineNumber, columnNumber } = node.callFrame;
        const where = url ? place(url, lineNumber, columnNumber) : { source: '', line: 0 };
        const name = `${functionName || '(anonymous)'} ${where.source}:${where.line}`;
        if (!seen.has(name)) js.set(name, (js.get(name) ?? 0) + 1), seen.add(name);
      }
    }
    return { ms: task.dur / 1000, events: inside.names.slice(0, 6), stacks: [...js].sort((a, b) => b[1] - a[1]).slice(0, 25) };
  });
}

/** The top rows as text lines: ms and share of the window. */
export function profileReport({ js, events, threads, long, tasks }, top = 25) {
  const row = (total) => ([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`;
  return [
    `JS self time by function (window ${js.total.toFixed(0)} ms):`,
    ...js.functions.slice(0, top).map(row(js.total)),
    'JS inclusive time of src/ functions:',
    ...js.inclusive.slice(0, top).map(row(js.total)),
    'JS self time by file:',
    ...js.files.slice(0, top).map(row(js.total)),
    `main thread by trace event, self time (window ${events.total.toFixed(0)} ms):`,
    ...events.names.slice(0, top).map(row(events.total)),
    `main-thread tasks: ${tasks.busy.toFixed(0)} ms busy (${tasks.cpu.toFixed(0)} ms of CPU) of ${events.total.toFixed(0)} ms; ${tasks.over16} over 16.7 ms, ${tasks.over50} over 50 ms`,
    'busy time per thread (top-level trace events):',
    ...threads.slice(0, 12).map(row(events.total)),
    ...long.flatMap((task) => [
      `long task ${task.ms.toFixed(0)} ms: ${task.events.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}`,
      ...task.stacks.map(([name, n]) => `    ${String(n).padStart(5)} samples on stack  ${name}`),
    ]),
  ].join('\n');
}

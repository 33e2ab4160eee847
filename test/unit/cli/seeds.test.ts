// `sim run --seeds K`: per-figure means and 95% intervals over seeds N…N+K−1, run on worker threads.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScenarioResult } from '../../../src/index';
import { figuresOf, type SeedsResult } from '../../../src/cli/aggregate';
import { runSeeds } from '../../../src/cli/seedsPool';
import { parseScenario } from '../../../src';
import { CLI_TIMEOUTS, scratch, sim, simOk, TINY, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

let files: Scratch;
let tiny: string;
let seeds: ReturnType<typeof sim>;
beforeAll(() => {
  files = scratch();
  tiny = files.write('tiny.yaml', TINY);
  seeds = sim(['run', tiny, '--seeds', '3', '--json']);
});
afterAll(() => files.remove());

describe('sim run --seeds', () => {
  it('aggregates equal the mean of the single-seed runs, with Student-t 95% intervals', () => {
    expect(seeds.status).toBe(0);
    const summary = JSON.parse(seeds.stdout) as SeedsResult;
    expect(summary).toMatchObject({ scenario: 'Tiny fleet', seeds: [11, 12, 13], durationSeconds: 90 });
    const singles = [11, 12, 13].map((seed) => JSON.parse(simOk(['run', tiny, '--json', '--seed', String(seed)])) as ScenarioResult);
    summary.runs.forEach((run, r) => {
      expect(run).toMatchObject({ pattern: 'none', label: singles[0].runs[r].label, outcomes: { steady: 3 } });
      const perSeed = singles.map((s) => figuresOf(s.runs[r]));
      expect(Object.keys(run.figures)).toEqual([...perSeed[0].keys()]);
      for (const key of ['requests', 'errors', 'usersAffected', 'latencyMs.p99', 'waitMsMean']) expect(run.figures).toHaveProperty([key]);
      for (const [key, figure] of Object.entries(run.figures)) {
        const values = perSeed.map((f) => f.get(key) as number | null);
        if (values.every((v) => v === null)) {
          expect(figure).toBeNull();
          continue;
        }
        const xs = values as number[];
        const mean = (xs[0] + xs[1] + xs[2]) / 3;
        const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
        const half = (4.30265273 * sd) / Math.sqrt(3);
        expect(figure!.mean, key).toBeCloseTo(mean, 9);
        expect(figure!.ci95![0], key).toBeCloseTo(mean - half, 6);
        expect(figure!.ci95![1], key).toBeCloseTo(mean + half, 6);
      }
    });
    // the seeds really differ, so the intervals are not all trivial
    expect(summary.runs[0].figures.requests!.ci95![1]).toBeGreaterThan(summary.runs[0].figures.requests!.mean);
  });

  it('reports progress on stderr as plain lines when stderr is not a terminal', () => {
    expect(seeds.stderr).not.toContain('\r');
    expect(seeds.stderr.trimEnd().split('\n').at(-1)).toMatch(/^seeds: 3\/3 done/);
  });

  it('prints a readable table of mean ± half-width without --json', () => {
    const lines = simOk(['run', tiny, '--seeds', '2', '--seed', '40']).split('\n');
    expect(lines[0]).toBe('Tiny fleet · seeds 40…41 (2) · 90s simulated · mean ± 95% confidence half-width');
    expect(lines.find((l) => /^none\s+outcome\s+steady ×2/.test(l))).toBeDefined();
    expect(lines.find((l) => /^\s+requests\s+[\d,.]+\s+± [\d,.]+$/.test(l))).toBeDefined();
  });

  it('returns results in seed order even when later seeds finish first', async () => {
    // A stand-in worker that answers later for smaller seeds, so completion order is reversed.
    const workerFile = files.write(
      'slow-first.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (seed) => setTimeout(() => parentPort.postMessage({ seed, result: { seed } }), (10 - seed) * 60));`,
    );
    const list = [5, 6, 7, 8, 9];
    const done: number[] = [];
    const results = await runSeeds(list, { workerFile, setup: { scenario: {} as never, options: {} }, workers: 5, onProgress: (n) => done.push(n) });
    expect(results.map((r) => r.seed)).toEqual(list);
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the same results whatever the number of worker threads', async () => {
    simOk(['help']); // makes sure the bundled worker is up to date
    const parsed = parseScenario(TINY, 'tiny.yaml');
    if (!parsed.ok) throw new Error('TINY must parse');
    const workerFile = join(resolve(__dirname, '..', '..', '..'), '.cli', 'worker.cjs');
    const setup = { scenario: parsed.scenario, options: {} };
    const list = [5, 6, 7, 8, 9];
    const one = await runSeeds(list, { workerFile, setup, workers: 1 });
    const three = await runSeeds(list, { workerFile, setup, workers: 3 });
    expect(one.map((r) => r.seed)).toEqual(list);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });
});

// `sim run`: the JSON contract, conservation, determinism, series and the readable table.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ScenarioResult } from '../../../src/index';
import { summaryRows } from '../../../src/view/summary';
import { CLI_TIMEOUTS, scratch, simOk, TINY, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

let files: Scratch;
let tiny: string;
/** `sim run tiny.yaml --json`, shared by the tests that only read it */
let base: string;
beforeAll(() => {
  files = scratch();
  tiny = files.write('tiny.yaml', TINY);
  base = simOk(['run', tiny, '--json']);
});
afterAll(() => files.remove());

const RUN_KEYS = [
  'pattern', 'label', 'outcome', 'requests', 'ok', 'errors', 'rejected', 'inFlight', 'usersAffected', 'latencyMs',
  'waitMsMean', 'instanceSeconds', 'rolloutSeconds', 'detectionSeconds', 'recoverySeconds', 'decisions',
];

describe('sim run --json', () => {
  it('prints only JSON with the contract keys', () => {
    const result = JSON.parse(base) as ScenarioResult;
    expect(Object.keys(result)).toEqual(['scenario', 'seed', 'durationSeconds', 'runs']);
    expect(result).toMatchObject({ scenario: 'Tiny fleet', seed: 11, durationSeconds: 90 });
    expect(result.runs.map((r) => r.label)).toEqual(['none', 'control']);
    for (const run of result.runs) {
      expect(Object.keys(run)).toEqual(expect.arrayContaining(RUN_KEYS));
      expect(Object.keys(run.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99']);
      expect(run.outcome).toBe('steady');
      expect(run).not.toHaveProperty('series');
    }
  });

  it('conserves requests: requests = ok + errors + rejected + inFlight', () => {
    const result = JSON.parse(base) as ScenarioResult;
    for (const run of result.runs) {
      expect(run.requests).toBeGreaterThan(1000);
      expect(run.errors).toBeGreaterThan(0);
      expect(run.rejected).toBeGreaterThan(0);
      expect(run.ok + run.errors + run.rejected + run.inFlight).toBe(run.requests);
    }
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const again = simOk(['run', tiny, '--json', '--seed', '11']);
    const other = simOk(['run', tiny, '--json', '--seed', '12']);
    expect(again).toBe(base);
    expect(other).not.toBe(base);
    expect((JSON.parse(other) as ScenarioResult).seed).toBe(12);
  });

  it('--series adds equal-length arrays per version, in buckets of the given length', () => {
    const result = JSON.parse(simOk(['run', tiny, '--json', '--series', '30s'])) as ScenarioResult;
    const fields = ['requests', 'errors', 'rejected', 'p99Ms', 'ready', 'starting', 'draining', 'weight'];
    for (const run of result.runs) {
      const series = run.series!;
      expect(series.t).toEqual([0, 30, 60]);
      expect(Object.keys(series.versions)).toEqual(['v1', 'v2']);
      for (const version of Object.values(series.versions)) {
        expect(Object.keys(version)).toEqual(fields);
        for (const field of fields) expect(version[field as keyof typeof version]).toHaveLength(series.t.length);
      }
      // every arrival lands in one bucket of one version
      const arrivals = Object.values(series.versions).flatMap((v) => v.requests).reduce((x, y) => x + y, 0);
      expect(arrivals).toBe(run.requests);
    }
  });

  it('--series without a value uses 10 s buckets', () => {
    const result = JSON.parse(simOk(['run', tiny, '--series', '--json'])) as ScenarioResult;
    expect(result.runs[0].series!.t).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });
});

describe('sim run (readable)', () => {
  it('prints a header line and exactly the summary table cells, one row per run', () => {
    const json = JSON.parse(base) as ScenarioResult;
    const lines = simOk(['run', tiny]).trimEnd().split('\n');
    expect(lines[0]).toBe('Tiny fleet · seed 11 · 90s simulated');
    const table = lines.slice(2).filter((line) => !/^[- ]+$/.test(line));
    const rows = summaryRows(json.runs);
    expect(table).toHaveLength(rows.length);
    rows.forEach((cells, r) => expect(table[r].split(/ {2,}/).map((c) => c.trim())).toEqual(cells));
  });
});

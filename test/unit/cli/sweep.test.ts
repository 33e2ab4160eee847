// `sim sweep`: a grid of one field × K seeds, summarised per run; wrong paths and values are the
// user's to fix (exit 2, a message naming what exists), never a stack trace.
import { describe, expect, it } from 'vitest';
import { wilson } from '../../../src/cli/stats/wilson';
import { CLI_TIMEOUTS, sim } from './helpers';

describe('sim sweep', () => {
  it('reports each grid value and run as JSON, deterministically', () => {
    const args = ['sweep', 'scenarios/good-release.yaml', '--vary', 'traffic.rps=50..100', '--steps', '2', '--seeds', '2', '--json'];
    const first = sim(args);
    expect(first.status).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out.vary).toBe('traffic.rps');
    expect(new Set(out.cells.map((c: { value: string }) => c.value))).toEqual(new Set(['50', '100']));
    expect(out.cells.every((c: { seeds: number }) => c.seeds === 2)).toBe(true);
    expect(sim(args).stdout).toBe(first.stdout);
  }, 2 * CLI_TIMEOUTS.testTimeout);

  it('names the entries when a path is wrong, and rejects a bad range', () => {
    const bad = sim(['sweep', 'scenarios/good-release.yaml', '--vary', 'versions.v9.errorRate=0%..1%']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--vary: no entry "v9" at versions; the entries are v1, v2/);
    const range = sim(['sweep', 'scenarios/good-release.yaml', '--vary', 'traffic.rps=lots..more']);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/not a number, a percentage/);
  }, CLI_TIMEOUTS.testTimeout);
});

describe('the Wilson interval', () => {
  it('agrees with the Wilson score formula computed in SciPy', () => {
    // (0.0027467, 0.0357218): the textbook formula with SciPy’s norm.ppf(0.975).
    const [lo, hi] = wilson(2, 200);
    expect(lo).toBeCloseTo(0.0027466581335444384, 9);
    expect(hi).toBeCloseTo(0.0357217617161768, 9);
  });
});

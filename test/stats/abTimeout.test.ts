// An A/A experiment read every minute by the sequential test: when it reaches maxDuration without a
// decision, it reports its always-valid p-value (never the fixed-horizon one) and "no winner", and the
// split check, repeated at every look, halts none of the sound experiments.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/index';
import { loadPlan, runSeeds } from '../support/judgePlans';

const SEEDS = 20;

describe(`A/A, sequential, read at ~19 looks, ${SEEDS} seeds`, () => {
  let runs: RunRecord[] = [];
  beforeAll(() => {
    runs = runSeeds(loadPlan('ab-aa-sequential'), 1, SEEDS);
  }, 120_000);

  it('ends without a decision in most seeds, each saying so with the always-valid p-value', () => {
    const timedOut = runs.filter((r) => r.decisions.some((d) => d.reason === 'maxDuration'));
    expect(timedOut.length).toBeGreaterThanOrEqual(SEEDS * 0.9);
    for (const r of timedOut) {
      const d = r.decisions.find((x) => x.reason === 'maxDuration')!;
      expect(r.abTest!.winner).toBeNull();
      expect(r.abTest!.pValue).toBeGreaterThanOrEqual(0.05); // no look crossed alpha, so the running p did not either
      expect(d.text).toMatch(/always-valid p[=<][\d.]+, n=[\d,]+\) → no winner; A stays$/);
      expect(d.text).not.toMatch(/wins/);
    }
  });

  it('halts no sound experiment for a sample ratio mismatch', () => {
    expect(runs.filter((r) => r.outcome === 'halted' || r.decisions.some((d) => d.reason === 'sample ratio mismatch'))).toHaveLength(0);
  });
});

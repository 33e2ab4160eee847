// assignment-loss breaks an experiment's split without touching a single user: B's lost users are
// served as before, but the experiment never counts them, so the sample-ratio-mismatch guard
// halts it — for a reason, so the run scores the halt as a catch. The same scenario without the
// fault (docs/judges/ab-aa-sequential.yaml) is a sound A/A split and is never halted.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/runtime/types';
import type { Scenario } from '../../src/scenario/types';
import { userLossDraw } from '../../src/world/faults/kinds/assignmentLoss';
import { summariseExperiment } from '../../src/cli/sweep/experiment';
import { loadPlan, runSeeds } from '../support/judgePlans';

const SEEDS = 6;
const withoutFault = (s: Scenario): Scenario => ({ ...s, faults: [] });

describe(`assignment-loss of 10% of B's users, ${SEEDS} seeds`, () => {
  let lossy: Scenario;
  let broken: RunRecord[] = [];
  let sound: RunRecord[] = [];
  beforeAll(() => {
    lossy = loadPlan('ab-assignment-loss');
    broken = runSeeds(lossy, 1, SEEDS);
    sound = runSeeds(withoutFault(lossy), 1, SEEDS);
  }, 120_000);

  it('halts every experiment on a sample ratio mismatch, scored as a catch', () => {
    for (const r of broken) {
      expect(r.decisions.some((d) => d.to === 'halted' && /sample ratio mismatch/.test(d.text))).toBe(true);
      expect(r.abTest!.srmPValue).toBeLessThan(0.001);
      expect(r.falseAlarm).toBe(false);
    }
  });

  it('loses about 10% of B: over the seeds, B counts ~0.9 of A’s users at the halt', () => {
    // Each halt's sentence gives "A vs B users"; pooled over the seeds (~30,000 users an arm) the
    // ratio's sd is about 0.008, so 0.86–0.94 is 5 sd either side of 0.9.
    let a = 0;
    let b = 0;
    for (const r of broken) {
      const m = /([\d,]+) vs ([\d,]+) users/.exec(r.decisions.find((d) => d.to === 'halted')!.text)!;
      a += Number(m[1].replaceAll(',', ''));
      b += Number(m[2].replaceAll(',', ''));
    }
    expect(b / a).toBeGreaterThan(0.86);
    expect(b / a).toBeLessThan(0.94);
  });

  it('never halts the same experiment without the fault', () => {
    expect(sound.filter((r) => r.decisions.some((d) => d.to === 'halted'))).toEqual([]);
  });

  it('is what `sim sweep` counts as sample-ratio halts', () => {
    expect(summariseExperiment(broken)).toMatchObject({ srmHalts: SEEDS, winsA: 0, winsB: 0 });
    expect(summariseExperiment(sound)).toMatchObject({ srmHalts: 0 });
  });

  it('changes nothing users see: requests, errors and conversions are those of the sound split', () => {
    broken.forEach((r, k) => {
      const control = sound[k];
      expect([r.requests, r.errors, r.conversions]).toEqual([control.requests, control.errors, control.conversions]);
    });
  });
});

describe('the lost users', () => {
  it('are a fixed, uniform share of users: about 10% of 100,000 fall below 0.1', () => {
    let lost = 0;
    for (let u = 0; u < 100_000; u++) if (userLossDraw(u) < 0.1) lost++;
    // Binomial(100,000, 0.1): sd ≈ 95, so ±500 is over 5 sd.
    expect(Math.abs(lost - 10_000)).toBeLessThan(500);
    expect(userLossDraw(12345)).toBe(userLossDraw(12345));
  });
});

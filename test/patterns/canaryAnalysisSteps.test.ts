// Argo's analysis step (docs/features/analysis.md, "Analysis at a Predefined Step"; rollout/analysis.go,
// reconcileStepBasedAnalysisRun): the step starts an AnalysisRun of its own and the steps wait for it —
// Successful: the next step; Failed or Error: abort; Inconclusive: pause. A background analysis runs
// beside it, and its own end moves no step on.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { AnalysisOptions, CanaryOptions } from '../../src/patterns/options';
import type { RunRecord } from '../../src/runtime/types';
import { scenario, version } from '../support/scenarios';

const ROLLOUT_AT = 60;
const STARTUP = 20; // the test fleet's startup time
const check = (o: Partial<AnalysisOptions> = {}): AnalysisOptions => ({ judge: 'threshold', interval: 30, failureLimit: 0, minSamples: 1, count: 2, firstCheck: 'afterInterval', errorRate: { max: 0.01 }, ...o });

function canary(options: Partial<CanaryOptions>, v2ErrorRate = 0): RunRecord {
  return runScenario(
    scenario({
      duration: 400,
      versions: [version('v1'), { ...version('v2'), errorRate: v2ErrorRate }],
      rollout: { from: 'v1', to: 'v2', at: ROLLOUT_AT },
      compare: [{ pattern: 'canary', label: 'c', options: { steps: [{ setWeight: 0.5 }, { analysis: check() }], ...options } }],
    }),
  ).runs[0];
}

describe("Argo's inline analysis step", { timeout: 60_000 }, () => {
  it('blocks the steps until its run has taken count measurements, then goes on', () => {
    const blocked = canary({});
    const without = canary({ steps: [{ setWeight: 0.5 }] });
    // 50% at 80 s; the step's run checks at 110 and 140 s, then the promotion starts 5 more pods
    expect(without.rolloutSeconds).toBe(STARTUP + STARTUP);
    expect(blocked.rolloutSeconds).toBe(STARTUP + 2 * 30 + STARTUP);
    expect(blocked.outcome).toBe('promoted');
  });

  it('ends at a consecutiveSuccessLimit streak before its count (the single-count path of a plain scenario)', () => {
    const counted = canary({ steps: [{ setWeight: 0.5 }, { analysis: check({ count: 10 }) }] });
    const streak = canary({ steps: [{ setWeight: 0.5 }, { analysis: check({ count: 10, consecutiveSuccessLimit: 2 }) }] });
    expect(counted.rolloutSeconds! - streak.rolloutSeconds!).toBe(8 * 30);
  });

  it('aborts when the step’s run fails', () => {
    const r = canary({}, 0.3);
    expect(r.outcome).toBe('rolled-back');
    const abort = r.decisions.find((d) => d.to === 'aborted')!;
    expect(abort.t).toBe(ROLLOUT_AT + STARTUP + 30); // the step's first check
    expect(abort.reason).toMatch(/analysis/);
  });

  it('pauses when the step’s run is inconclusive', () => {
    const r = canary({ steps: [{ setWeight: 0.5 }, { analysis: check({ minSamples: 1e9 }) }] });
    expect(r.outcome).toBe('paused');
    expect(r.decisions.find((d) => d.to === 'paused')!.t).toBe(ROLLOUT_AT + STARTUP + 30);
  });

  it('runs beside a background analysis: the background run ending moves no step on, its failure aborts', () => {
    // a background run that passes after one check at 100 s, while the step's run lasts until 140 s
    const quickBackground = canary({ analysis: { ...check({ interval: 40, count: 1 }), stopsAtCount: true } });
    expect(quickBackground.rolloutSeconds).toBe(STARTUP + 2 * 30 + STARTUP);
    // a stricter background run (p99 ≤ 1 ms) fails at its first check, 40 s after the start,
    // while the step's run is still measuring
    const failingBackground = canary({ analysis: check({ interval: 40, errorRate: undefined, latencyP99: { max: 0.001 } }) });
    expect(failingBackground.outcome).toBe('rolled-back');
    expect(failingBackground.decisions.find((d) => d.to === 'aborted')!.t).toBe(ROLLOUT_AT + 40);
  });
});

describe("Argo's analysis.startingStep", { timeout: 60_000 }, () => {
  const steps = [{ setWeight: 0.2 }, { pause: 60 }, { setWeight: 0.5 }, { pause: 60 }];
  const failing = check({ count: 10 });

  it('starts the background analysis when the steps reach that index, not before', () => {
    const fromStart = canary({ steps, analysis: failing }, 0.3);
    const fromStep2 = canary({ steps, analysis: { ...failing, startingStep: 2 } }, 0.3);
    // from the start: the first check, 30 s after the rollout began, fails
    expect(fromStart.decisions.find((d) => d.to === 'aborted')!.t).toBe(ROLLOUT_AT + 30);
    // from step 2: 20% at 80 s, paused until 140 s, then step 2 starts the run; its first check at 170 s
    expect(fromStep2.decisions.find((d) => d.to === 'aborted')!.t).toBe(ROLLOUT_AT + STARTUP + 60 + 30);
    expect(fromStep2.outcome).toBe('rolled-back');
  });

  it('startingStep 0 is the default; past the last step the background analysis never runs', () => {
    const zero = canary({ steps, analysis: { ...failing, startingStep: 0 } }, 0.3);
    expect(zero.decisions.find((d) => d.to === 'aborted')!.t).toBe(ROLLOUT_AT + 30);
    const never = canary({ steps, analysis: { ...failing, startingStep: 4 } }, 0.3);
    expect(never.outcome).toBe('promoted');
  });
});

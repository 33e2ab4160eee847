// Decision sentences carry the run's real numbers, and the evidence behind them.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { Decision, RunRecord } from '../../src/index';
import { clock } from '../../src/patterns/decisions';
import type { MetricResult } from '../../src/judges/types';
import { scenario, version } from '../support/scenarios';
import { allPatterns } from '../support/compare';

describe('decision records', () => {
  const s = scenario({
    duration: 900,
    versions: [version('v1'), version('v2', 0.1, 0.07)],
    rollout: { from: 'v1', to: 'v2', at: 60 },
    compare: allPatterns().filter((c) => c.pattern === 'canary'),
  });
  let run: RunRecord;
  let decision: Decision;
  beforeAll(() => {
    run = runScenario(s).runs[0];
    decision = run.decisions[0];
  });

  it('say when, what, the measured value, the threshold, the samples and the failed checks', () => {
    const metric = (decision.evidence!.metrics as MetricResult[]).find((m) => m.metric === 'errorRate')!;
    const samples = decision.evidence!.samples as number;
    const match = decision.text.match(/^(\d+:\d\d) canary halted: error rate (\d+\.\d)% > 1%.*\(n=([\d,]+)\); 1 failed check exceeds failureLimit 0 → rolling back$/);
    expect(match, decision.text).not.toBeNull();
    expect(match![1]).toBe(clock(decision.t));
    expect(Number(match![2])).toBeCloseTo(metric.value * 100, 1);
    expect(Number(match![3].replace(/,/g, ''))).toBe(samples);
    // The window really held that traffic: the canary's 10% since it became ready (rollout + 20 s startup).
    const expected = 0.1 * 300 * (decision.t - 80);
    expect(samples).toBeGreaterThan(expected * 0.85);
    expect(samples).toBeLessThan(expected * 1.15);
    expect(decision).toMatchObject({ from: 'progressing', to: 'aborted', reason: 'analysis failed' });
  });

  it('time a rollback from users’ first exposure to the defect (the canary’s first request, after its 20 s start-up) to the decision', () => {
    expect(run.detectionSeconds).toBeCloseTo(decision.t - 80, 0);
    expect(run.falseAlarm).toBe(false);
  });

  it('formats simulated time as a clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(760)).toBe('12:40');
    expect(clock(3723)).toBe('1:02:03');
  });
});

// The run's bookkeeping against Argo Rollouts' own: the cases of analysis/analysis_test.go
// (TestAssessMetricStatusFailureLimit, …InconclusiveLimit, …ConsecutiveErrors, …CountReached) and the
// counting of runMeasurements in analysis/analysis.go (an Error does not count towards `count`;
// any other measurement resets the consecutive errors). No data per the docs' "Handling Metric
// Results" (docs/features/analysis.md): a NaN fails `result >= 0.95`, is inconclusive with both a
// success and a failure condition; an empty result cannot be evaluated (an Error).
import { describe, expect, it } from 'vitest';
import { type MeasurementPhase, type RunLimits, type Tally, assess, countedVerdict, emptyTally, endedWithoutStreak, measurementPhase, record, runLimits } from '../../../src/judges/analysisRun';
import { judgeThreshold } from '../../../src/judges/threshold';
import type { AnalysisSpec } from '../../../src/judges/types';
import { windowOf } from './support';

const limits = { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 };
const tally = (phases: MeasurementPhase[]): Tally => phases.reduce(record, emptyTally());

describe('an analysis run counts its measurements as Argo does', () => {
  it('fails when more measurements failed than failureLimit', () => {
    expect(assess(tally(['Failed', 'Failed', 'Failed']), { ...limits, failureLimit: 2 })).toBe('Failed');
    expect(assess(tally(['Failed', 'Failed']), { ...limits, failureLimit: 2 })).toBe('Running');
  });

  it('is inconclusive when more measurements were than inconclusiveLimit', () => {
    const three = tally(['Inconclusive', 'Inconclusive', 'Inconclusive']);
    expect(assess(three, { ...limits, inconclusiveLimit: 2 })).toBe('Inconclusive');
    expect(assess(three, { ...limits, inconclusiveLimit: 3 })).toBe('Running');
  });

  it('errors after more consecutive errors than consecutiveErrorLimit (default 4); any other measurement resets them', () => {
    const fiveErrors = tally(['Error', 'Error', 'Error', 'Error', 'Error']);
    expect(fiveErrors.consecutiveErrors).toBe(5);
    expect(assess(fiveErrors, limits)).toBe('Error');
    expect(assess(tally(['Error', 'Error', 'Error', 'Error']), limits)).toBe('Running');
    const interrupted = tally(['Error', 'Error', 'Error', 'Successful', 'Error', 'Error']);
    expect(interrupted).toMatchObject({ errors: 5, consecutiveErrors: 2 });
    expect(assess(interrupted, limits)).toBe('Running');
    expect(runLimits({ judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1 }, undefined).consecutiveErrorLimit).toBe(4);
  });

  it('is Successful once count measurements were taken, errors not counted', () => {
    const bounded = { ...limits, count: 3, failureLimit: 1 };
    expect(assess(tally(['Successful', 'Error', 'Successful']), bounded)).toBe('Running');
    expect(assess(tally(['Successful', 'Error', 'Successful', 'Failed']), bounded)).toBe('Successful');
    expect(assess(tally(['Successful', 'Failed', 'Failed']), bounded)).toBe('Failed'); // limits before count
  });
});

const spec: AnalysisSpec = { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1, errorRate: { max: 0.05 }, latencyP99: { max: 0.5 } };
const empty = windowOf(0, 0, []);
const slow = windowOf(1000, 0, Array.from({ length: 1000 }, () => 0.9));

describe("a measurement's phase", () => {
  it('takes the worst metric (Argo: Successful < Inconclusive < Error < Failed)', () => {
    expect(measurementPhase(spec, judgeThreshold(spec, slow), true)).toBe('Failed');
  });

  it('leaves a metric in dry run out of the decision, and says so', () => {
    const dry = { ...spec, dryRun: ['latencyP99' as const] };
    const verdict = judgeThreshold(dry, slow);
    expect(measurementPhase(dry, verdict, true)).toBe('Successful');
    const counted = countedVerdict(dry, verdict, 'Successful');
    expect(counted.verdict).toBe('pass');
    expect(counted.text).toContain('dry run, not deciding: p99');
  });

  it('gives no data the phase the conditions give it, and an empty result (no series yet) its own', () => {
    expect(measurementPhase(spec, judgeThreshold(spec, empty), true)).toBe('Inconclusive'); // the default
    const argo = { ...spec, noData: 'Failed' as const, noSeries: 'Error' as const };
    expect(measurementPhase(argo, judgeThreshold(argo, empty), true)).toBe('Failed');
    expect(measurementPhase(argo, judgeThreshold(argo, empty), false)).toBe('Error');
    expect(countedVerdict(argo, judgeThreshold(argo, empty), 'Failed').text).toMatch(/^no data counts as a failed check/);
  });

  it('takes the baseline judge’s verdict as it is', () => {
    const baseline = { ...spec, judge: 'baseline' as const };
    expect(measurementPhase(baseline, { verdict: 'marginal', metrics: [], samples: 10, text: '' }, true)).toBe('Successful');
    expect(measurementPhase(baseline, { verdict: 'fail', metrics: [], samples: 10, text: '' }, true)).toBe('Failed');
  });
});

// Argo ≥ 1.8 (docs/features/analysis.md, "ConsecutiveSuccessLimit and FailureLimit"; argo-rollouts
// pull request 3970): a metric succeeds after consecutiveSuccessLimit successes in a row, failureLimit
// -1 turns the failure limit off, and a count reached without the streak ends Inconclusive when a
// failureLimit applies too, Failed when the streak was the only limit.
describe('consecutiveSuccessLimit', () => {
  const after = (phases: MeasurementPhase[]) => phases.reduce((t, p) => record(t, p), emptyTally());
  const [S, F, E, I]: MeasurementPhase[] = ['Successful', 'Failed', 'Error', 'Inconclusive'];
  const limits = (o: Partial<RunLimits>): RunLimits => ({ failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, ...o });

  it('succeeds at the streak, before the count, and a failure breaks the streak', () => {
    const both = limits({ failureLimit: 3, consecutiveSuccessLimit: 2, count: 10 });
    expect(assess(after([S, F, S]), both)).toBe('Running');
    expect(assess(after([S, F, S, S]), both)).toBe('Successful');
    expect(assess(after([F, F, F, F]), both)).toBe('Failed');
  });

  it('with failureLimit -1 failures never end the run; only the streak does', () => {
    const onlyStreak = limits({ failureLimit: -1, consecutiveSuccessLimit: 3 });
    expect(assess(after([F, F, F, F, F, F]), onlyStreak)).toBe('Running');
    expect(assess(after([F, F, S, S, S]), onlyStreak)).toBe('Successful');
  });

  it('an error or an inconclusive measurement breaks the streak too', () => {
    const onlyStreak = limits({ failureLimit: -1, inconclusiveLimit: 5, consecutiveSuccessLimit: 3 });
    expect(assess(after([S, S, E, S]), onlyStreak)).toBe('Running');
    expect(assess(after([S, S, I, S]), onlyStreak)).toBe('Running');
  });

  it('at the count without the streak: Inconclusive with a failureLimit, Failed without one', () => {
    const phases = [S, F, S, F];
    expect(assess(after(phases), limits({ failureLimit: 2, consecutiveSuccessLimit: 3, count: 4 }))).toBe('Inconclusive');
    expect(assess(after(phases), limits({ failureLimit: -1, consecutiveSuccessLimit: 3, count: 4 }))).toBe('Failed');
    expect(endedWithoutStreak(after(phases), limits({ failureLimit: -1, consecutiveSuccessLimit: 3, count: 4 }))).toBe(true);
    // without a consecutiveSuccessLimit the count alone is a success, as before
    expect(assess(after(phases), limits({ failureLimit: 2, count: 4 }))).toBe('Successful');
  });
});

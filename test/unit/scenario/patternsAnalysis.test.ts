// Errors in the shared analysis block: judge-specific knobs and the limits a judge needs.
// Line 28 of PATTERNS_EXAMPLE is the traffic-split analysis.
import { describe, expect, it } from 'vitest';
import { errorsOf, scenarioOf } from './helpers';
import { patternsWith } from './patternsFixture';

const analysis = (block: string) => errorsOf(patternsWith({ 28: `    analysis: ${block}` }));

describe('analysis errors', () => {
  it('requires a limit for the threshold judge, at the analysis mapping', () => {
    expect(analysis('{ interval: 1m }')).toEqual([
      's.yaml:28:15: compare[8].analysis: the threshold judge needs a limit to check: add errorRate: { max: … } and/or latencyP99: { max: … }, or a metrics list',
    ]);
    expect(analysis('{ judge: threshold }')).toHaveLength(1);
    expect(analysis('{ judge: baseline }')).toEqual([]); // with no metric named, the baseline judge compares both
  });

  it('rejects baseline-only knobs with the threshold judge', () => {
    expect(analysis('{ errorRate: { max: 1% }, alpha: 0.1, pass: 90 }')).toEqual([
      's.yaml:28:48: compare[8].analysis.alpha: alpha is used by the baseline judge only; add judge: baseline or remove it',
      's.yaml:28:59: compare[8].analysis.pass: pass is used by the baseline judge only; add judge: baseline or remove it',
    ]);
  });

  it('keeps marginal at most pass, defaults included', () => {
    expect(analysis('{ judge: baseline, marginal: 97 }')).toEqual(['s.yaml:28:44: compare[8].analysis.marginal: must be at most pass (95 by default), got 97']);
    expect(analysis('{ judge: baseline, pass: 60 }')).toEqual(['s.yaml:28:40: compare[8].analysis.pass: must be at least marginal (75 by default), got 60']);
    expect(analysis('{ judge: baseline, pass: 60, marginal: 70 }')).toEqual(['s.yaml:28:54: compare[8].analysis.marginal: must be at most pass (60), got 70']);
  });

  it('bounds each field, one error per field', () => {
    // failureLimit -1 turns the failure limit off (Argo ≥ 1.8); below that is out of range
    expect(analysis('{ judge: baselin, errorRate: { max: 5 }, interval: 0, failureLimit: -2, minSamples: 1.5, count: 0 }')).toEqual([
      's.yaml:28:24: compare[8].analysis.judge: expected one of "threshold", "baseline", got "baselin"; did you mean "baseline"?',
      's.yaml:28:51: compare[8].analysis.errorRate.max: must be between 0% and 100%, got 500%; a bare number is a fraction, write 5% for 5 percent',
      's.yaml:28:66: compare[8].analysis.interval: must be at least 1s, got 0s',
      's.yaml:28:83: compare[8].analysis.failureLimit: must be at least -1, got -2',
      's.yaml:28:99: compare[8].analysis.minSamples: expected an integer, got 1.5',
      's.yaml:28:111: compare[8].analysis.count: must be at least 1, got 0',
    ]);
    expect(analysis('{ judge: baseline, alpha: 1, effectSize: 150%, latencyP99: { max: 0 } }')).toEqual([
      's.yaml:28:41: compare[8].analysis.alpha: must be less than 1, got 1',
      's.yaml:28:56: compare[8].analysis.effectSize: must be between 0% and 100%, got 150%',
      's.yaml:28:81: compare[8].analysis.latencyP99.max: must be greater than 0s, got 0s',
    ]);
  });

  it("takes the run's knobs of Argo and Flagger: when the first check comes, the limits, no data, dry run", () => {
    const block = '{ errorRate: { max: 1% }, latencyP99: { max: 1s }, firstCheck: atStart, inconclusiveLimit: 2, consecutiveErrorLimit: 1, noData: fail, dryRun: [latencyP99] }';
    expect(analysis(block)).toEqual([]);
    const parsed = scenarioOf(patternsWith({ 28: `    analysis: ${block}` })).compare[8].options as { analysis: object };
    expect(parsed.analysis).toMatchObject({ firstCheck: 'atStart', inconclusiveLimit: 2, consecutiveErrorLimit: 1, noData: 'Failed', dryRun: ['latencyP99'] });
    expect(analysis('{ errorRate: { max: 1% }, noData: failed, dryRun: [errorRat] }')).toEqual([
      's.yaml:28:49: compare[8].analysis.noData: expected one of "inconclusive", "fail", "pass", "error", got "failed"; did you mean "fail"?',
      's.yaml:28:66: compare[8].analysis.dryRun[0]: expected one of "errorRate", "latencyP99", got "errorRat"; did you mean "errorRate"?',
    ]);
    expect(analysis('{ judge: baseline, dryRun: [errorRate] }')).toEqual([
      's.yaml:28:42: compare[8].analysis.dryRun: dryRun is used by the threshold judge only (the baseline judge reads each look as a whole)',
    ]);
  });

  it('lets the baseline judge name a metric without a limit, but not the threshold judge', () => {
    expect(analysis('{ judge: baseline, errorRate: {} }')).toEqual([]);
    expect(analysis('{ errorRate: {} }')).toEqual(['s.yaml:28:28: compare[8].analysis.errorRate: the threshold judge needs a limit here: add max: …']);
  });

  it('suggests analysis keys, in every pattern’s analyses', () => {
    expect(analysis('{ errorRate: { max: 1% }, failurLimit: 1 }')).toEqual(['s.yaml:28:41: compare[8].analysis.failurLimit: unknown key "failurLimit"; did you mean "failureLimit"?']);
    expect(errorsOf(patternsWith({ 13: '  - { pattern: blue-green, prePromotionAnalysis: { errorRate: { maximum: 1% } } }' }))).toEqual([
      's.yaml:13:65: compare[3].prePromotionAnalysis.errorRate.maximum: unknown key "maximum"; expected one of "max", "failAbove"',
    ]);
  });

  it('takes Kayenta’s allowedIncrease or effectSize, not both, and names the error control', () => {
    expect(analysis('{ judge: baseline, allowedIncrease: 1.2 }')).toEqual([]);
    expect(analysis('{ judge: baseline, allowedIncrease: 1.2, effectSize: 20% }')).toEqual([
      's.yaml:28:51: compare[8].analysis.allowedIncrease: allowedIncrease 1.2 and effectSize say the same thing (allowedIncrease = 1 + effectSize); keep one',
    ]);
    expect(analysis('{ judge: baseline, errorControl: perlook }')).toEqual([
      's.yaml:28:48: compare[8].analysis.errorControl: expected one of "plan", "per-look", got "perlook"; did you mean "per-look"?',
    ]);
    expect(analysis('{ errorRate: { max: 1% }, looks: 10 }')).toEqual([
      's.yaml:28:48: compare[8].analysis.looks: looks is used by the baseline judge only; add judge: baseline or remove it',
    ]);
  });
});

// The full compare example of the contract parses into each pattern's normalised options
// (durations in seconds, percentages as fractions), exactly as src/patterns/options.ts types them.
import { describe, expect, it } from 'vitest';
import type { AnalysisOptions, PatternOptions } from '../../../src/patterns/options';
import type { PatternName } from '../../../src/index';
import { scenarioOf } from './helpers';
import { PATTERNS_EXAMPLE } from './patternsFixture';

const compare = scenarioOf(PATTERNS_EXAMPLE).compare;
const options = <P extends PatternName>(pattern: P) => compare.find((e) => e.pattern === pattern)?.options as PatternOptions[P];

/** A threshold analysis with every default, plus `limits`. */
const threshold = (limits: Partial<AnalysisOptions>): AnalysisOptions => ({ judge: 'threshold', interval: 60, initialDelay: 0, failureLimit: 0, minSamples: 100, count: 5, ...limits });

describe('the full compare example', () => {
  it('parses every pattern, in order, labelled by its name', () => {
    expect(compare.map((e) => [e.pattern, e.label])).toEqual(
      ['none', 'big-bang', 'rolling', 'blue-green', 'canary', 'feature-toggle', 'ab-test', 'dark-launch', 'traffic-split'].map((p) => [p, p]),
    );
    expect(options('none')).toEqual({});
  });

  it('normalises canary steps: weights to fractions, pauses to seconds', () => {
    expect(options('canary')).toEqual({
      steps: [{ setWeight: 0.1 }, { pause: 300 }, { setWeight: 0.5 }, { pause: 300 }],
      analysis: threshold({ errorRate: { max: 0.01 }, latencyP99: { max: 0.8 } }),
    });
  });

  it('normalises rolling counts and percentages (Kubernetes IntOrString)', () => {
    expect(options('rolling')).toEqual({
      maxSurge: { kind: 'percent', value: 0.25 },
      maxUnavailable: { kind: 'count', value: 0 },
      minReadySeconds: 10,
      progressDeadline: 600,
      analysis: threshold({ latencyP99: { max: 0.8 } }),
    });
  });

  it('normalises feature-toggle steps, rules and a baseline analysis', () => {
    expect(options('feature-toggle')).toEqual({
      flag: 'new-checkout',
      steps: [{ rollout: 0.05 }, { pause: 300 }, { rollout: 0.5 }, { pause: 300 }],
      rules: [
        { when: { platform: 'ios' }, serve: 'off' },
        { when: { registeredFor: { atLeast: 86400 } }, serve: 'on' },
      ],
      propagationDelay: 30,
      analysis: { judge: 'baseline', interval: 60, initialDelay: 0, failureLimit: 0, minSamples: 100, count: 5, alpha: 0.01, effectSize: 0.05, errorControl: 'plan', pass: 90, marginal: 70 },
    });
  });

  it('normalises the ab-test variants and test settings', () => {
    expect(options('ab-test')).toEqual({
      variants: [
        { name: 'A', version: 'v1', weight: 0.5 },
        { name: 'B', version: 'v2', weight: 0.5 },
      ],
      metric: 'conversion',
      alpha: 0.05,
      method: 'fixed',
      minSamples: 2000,
      maxDuration: 2400,
      interval: 60,
    });
  });

  it('normalises traffic-split stages: user matches as written, weights to fractions, pause 0 by default', () => {
    expect(options('traffic-split')).toEqual({
      stages: [
        { match: { region: 'eu' }, pause: 600 },
        { match: { region: ['eu', 'us'] }, pause: 600 },
        { weight: 1, pause: 0 },
      ],
      analysis: threshold({ errorRate: { max: 0.01 } }),
    });
  });

  it('normalises big-bang, blue-green and dark-launch', () => {
    expect(options('big-bang')).toEqual({ analysis: threshold({ errorRate: { max: 0.01 } }) });
    expect(options('blue-green')).toEqual({
      autoPromotionSeconds: 120,
      previewTraffic: 5,
      prePromotionAnalysis: threshold({ errorRate: { max: 0.01 }, count: 3 }),
      // the baseline judge gets its own defaults; with no metric named it compares both
      postPromotionAnalysis: { ...threshold({}), judge: 'baseline', alpha: 0.02, effectSize: 0.1, errorControl: 'plan', pass: 95, marginal: 75 },
      scaleDownDelay: 300,
    });
    expect(options('dark-launch')).toEqual({ mirror: 1, internalUsers: true, duration: 600, analysis: threshold({ errorRate: { max: 0.02 } }) });
  });

  it('leaves optional analyses out rather than setting them to undefined', () => {
    expect(Object.keys(options('ab-test'))).not.toContain('analysis');
    expect(Object.keys(scenarioOf(PATTERNS_EXAMPLE.replace(/, analysis: \{ errorRate: \{ max: 1% \} \} \}/, ' }')).compare[1].options)).toEqual([]);
  });
});

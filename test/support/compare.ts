// Every pattern with typical knobs, normalised as the scenario layer produces them.
import type { CompareEntry } from '../../src/index';
import type { AnalysisOptions } from '../../src/patterns/options';

export const analysis: AnalysisOptions = {
  judge: 'threshold',
  interval: 60,
  failureLimit: 0,
  minSamples: 100,
  errorRate: { max: 0.01 },
  latencyP99: { max: 0.8 },
  count: 3,
};

export function allPatterns(a: AnalysisOptions | null = analysis): CompareEntry[] {
  const withAnalysis = a ? { analysis: a } : {};
  return [
    { pattern: 'none', label: 'none', options: {} },
    { pattern: 'big-bang', label: 'big-bang', options: { ...withAnalysis } },
    {
      pattern: 'rolling',
      label: 'rolling',
      options: { maxSurge: { kind: 'percent', value: 0.25 }, maxUnavailable: { kind: 'count', value: 0 }, minReadySeconds: 10, progressDeadline: 600, ...withAnalysis },
    },
    {
      pattern: 'blue-green',
      label: 'blue-green',
      options: { autoPromotionSeconds: 120, previewTraffic: 5, scaleDownDelay: 300, ...(a ? { prePromotionAnalysis: a, postPromotionAnalysis: a } : {}) },
    },
    { pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.1 }, { pause: 300 }, { setWeight: 0.5 }, { pause: 300 }], ...withAnalysis } },
    {
      pattern: 'feature-toggle',
      label: 'feature-toggle',
      options: { flag: 'new-checkout', steps: [{ rollout: 0.05 }, { pause: 300 }, { rollout: 0.5 }, { pause: 300 }], rules: [], propagationDelay: 30, ...withAnalysis },
    },
    {
      pattern: 'ab-test',
      label: 'ab-test',
      options: {
        variants: [{ name: 'A', version: 'v1', weight: 0.5 }, { name: 'B', version: 'v2', weight: 0.5 }],
        metric: 'conversion', alpha: 0.05, method: 'fixed', minSamples: 2000, maxDuration: 2400, interval: 60,
      },
    },
    { pattern: 'dark-launch', label: 'dark-launch', options: { mirror: 1, internalUsers: true, duration: 600, ...withAnalysis } },
    {
      pattern: 'traffic-split',
      label: 'traffic-split',
      options: { stages: [{ match: { region: 'eu' }, pause: 300 }, { match: { region: ['eu', 'us'] }, pause: 300 }, { weight: 1, pause: 0 }], ...withAnalysis },
    },
  ];
}

// Argo's band between successCondition and failureCondition (analysis/evaluate.go: a measurement
// that meets neither is Inconclusive), and limits kept per metric (analysis/analysis.go:
// assessMetricStatus judges each metric by its own failureLimit), read from a template and run.
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { bindConditions } from '../../../../src/scenario/manifest/argoConditions';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { runInSmallWorld } from '../smallWorld';

const SUCCESS_RATIO = 'sum(rate(http_requests_total{code!~"5.*"}[1m])) / sum(rate(http_requests_total[1m]))';
const LATENCY = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))';

const manifest = (errorLimit: number, latencyLimit: number, conditions = 'successCondition: result[0] >= 0.95') => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
      trafficRouting: { nginx: { stableIngress: app } }
      analysis: { templates: [ { templateName: checks } ] }
      steps: [ { setWeight: 50 }, { pause: { duration: 10m } } ]
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: checks }
spec:
  metrics:
    - name: success-rate
      interval: 1m
      failureLimit: ${errorLimit}
      ${conditions}
      provider: { prometheus: { query: '${SUCCESS_RATIO}' } }
    - name: latency
      interval: 1m
      failureLimit: ${latencyLimit}
      successCondition: result[0] <= 0.5
      provider: { prometheus: { query: '${LATENCY}' } }
`;
function read(text: string): { entry: CompareEntry; notes: string[] } {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return { entry: r.entries[0], notes: r.notes.map((n) => `${n.line}:${n.column}: ${n.message}`) };
}
const run = runInSmallWorld;

describe('the band between the conditions', () => {
  const bind = (success: string, failure: string) => bindConditions('success-rate', SUCCESS_RATIO, success, failure);
  it('a looser failureCondition leaves a band that is Inconclusive; a stricter one is the bound', () => {
    expect(bind('result[0] >= 0.95', 'result[0] < 0.90')).toMatchObject({
      bound: { errorRate: { max: 0.05, failAbove: 0.1 } },
      remark: 'between 0.05 and 0.1 a measurement meets neither condition and is Inconclusive',
    });
    expect(bind('result[0] >= 0.90', 'result[0] < 0.95')).toMatchObject({ bound: { errorRate: { max: 0.05 } } });
  });

  it('pauses a canary whose error rate stays in the band (inconclusiveLimit 0), as Argo does', () => {
    const { entry, notes } = read(manifest(0, 0, 'successCondition: result[0] >= 0.95\n      failureCondition: result[0] < 0.90'));
    expect(notes.some((n) => n.endsWith('metric success-rate: between 0.05 and 0.1 a measurement meets neither condition and is Inconclusive'))).toBe(true);
    expect(run(entry, '7%').outcome).toBe('paused');
    expect(run(entry, '20%').outcome).toBe('rolled-back');
  });
});

describe("a template's limits, per metric", () => {
  it('keeps each metric’s own limits when they differ', () => {
    expect(read(manifest(3, 0)).entry.options.analysis).toMatchObject({
      metricLimits: { errorRate: { failureLimit: 3, inconclusiveLimit: 0, consecutiveErrorLimit: 4 }, latencyP99: { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 } },
    });
    expect(read(manifest(2, 2)).entry.options.analysis).not.toHaveProperty('metricLimits');
  });

  it('rolls back when the error rate passes its own failureLimit (3), not the latency metric’s (0)', () => {
    const perMetric = run(read(manifest(3, 0)).entry, '10%');
    const failed = perMetric.decisions.find((d) => d.reason === 'analysis failed');
    expect(failed?.evidence).toMatchObject({ failedChecks: 4, failureLimit: 3 });
    const strict = run(read(manifest(0, 0)).entry, '10%');
    expect(strict.decisions.find((d) => d.reason === 'analysis failed')?.evidence).toMatchObject({ failedChecks: 1, failureLimit: 0 });
    expect(failed!.t - strict.decisions.find((d) => d.reason === 'analysis failed')!.t).toBe(3 * 60);
  });
});

// Argo ≥ 1.8's consecutiveSuccessLimit and failureLimit: -1 (docs/features/analysis.md,
// "ConsecutiveSuccessLimit and FailureLimit"; argo-rollouts pull request 3970), and each metric's own
// count (analysis/analysis.go: a metric completes after its count, the run once every metric has),
// read from a template and run as an inline analysis step, which blocks the canary until it completes.
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { runInSmallWorld } from '../smallWorld';

const SUCCESS_RATIO = 'sum(rate(http_requests_total{code!~"5.*"}[1m])) / sum(rate(http_requests_total[1m]))';
const LATENCY = 'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))';

/** A canary whose second step is an analysis step of the template, with these fields on its metrics. */
const manifest = (errorRate: string, latency = 'count: 1') => `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
      trafficRouting: { nginx: { stableIngress: app } }
      steps: [ { setWeight: 50 }, { analysis: { templates: [ { templateName: checks } ] } } ]
---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: checks }
spec:
  metrics:
    - name: success-rate
      interval: 30s
      ${errorRate}
      successCondition: isNaN(result[0]) || result[0] >= 0.95
      provider: { prometheus: { query: '${SUCCESS_RATIO}' } }
    - name: latency
      interval: 30s
      ${latency}
      successCondition: isNaN(result[0]) || result[0] <= 0.5
      provider: { prometheus: { query: '${LATENCY}' } }
`;
function read(text: string): CompareEntry {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return r.entries[0];
}
const errorsOf = (text: string) => {
  const r = readManifest(text, 'm.yaml');
  return r.ok ? [] : r.errors.map(formatScenarioError);
};
const run = runInSmallWorld;
const stepOf = (e: CompareEntry) => (e.options.steps as Array<Record<string, unknown>>)[1].analysis as Record<string, unknown>;

// each test runs the world a few times: minutes under a loaded machine, not the default 5 s
describe("a metric's own count", { timeout: 60_000 }, () => {
  it('is kept per metric, and the step waits until every metric has taken its own', () => {
    const differ = read(manifest('count: 5', 'count: 2'));
    expect(stepOf(differ)).toMatchObject({ metricLimits: { errorRate: { count: 5 }, latencyP99: { count: 2 } } });
    const same = read(manifest('count: 2', 'count: 2'));
    // measured at once when the step starts, then every 30 s: the 2nd at +30 s, the 5th at +120 s
    expect(run(differ).rolloutSeconds! - run(same).rolloutSeconds!).toBe(3 * 30);
  });
});

describe('consecutiveSuccessLimit', { timeout: 60_000 }, () => {
  it('ends the step at the streak, before the count', () => {
    const streak = read(manifest('count: 10\n      consecutiveSuccessLimit: 2'));
    expect(stepOf(streak)).toMatchObject({ metricLimits: { errorRate: { count: 10, consecutiveSuccessLimit: 2, failureLimit: 0 } } });
    const counted = read(manifest('count: 10'));
    // two passed measurements in a row at +0 and +30 s, instead of ten, the last at +270 s
    expect(run(counted).rolloutSeconds! - run(streak).rolloutSeconds!).toBe(8 * 30);
  });

  it('failureLimit -1: failures never end the run; the count without the streak fails it', () => {
    const r = run(read(manifest('count: 3\n      failureLimit: -1\n      consecutiveSuccessLimit: 2')), '30%');
    expect(r.outcome).toBe('rolled-back');
    const failed = r.decisions.find((d) => d.to === 'aborted')!;
    expect(failed.text).toMatch(/count 3 reached with 0 passed checks in a row, short of consecutiveSuccessLimit 2 → /);
  });

  it('with a failureLimit too, the count without the streak is Inconclusive: the rollout pauses', () => {
    const r = run(read(manifest('count: 3\n      failureLimit: 5\n      consecutiveSuccessLimit: 2')), '30%');
    expect(r.outcome).toBe('paused');
    expect(r.decisions.find((d) => d.to === 'paused')!.text).toMatch(/short of consecutiveSuccessLimit 2, and failureLimit not exceeded/);
  });

  it('refuses what Argo refuses: no limit that applies, a failureLimit below -1', () => {
    expect(errorsOf(manifest('failureLimit: -1'))[0]).toMatch(/failureLimit: failureLimit -1 turns the failure limit off, so consecutiveSuccessLimit must be set/);
    expect(errorsOf(manifest('failureLimit: -2'))[0]).toMatch(/failureLimit: expected a whole number of at least -1/);
    expect(errorsOf(manifest('consecutiveSuccessLimit: -1'))[0]).toMatch(/consecutiveSuccessLimit: expected a whole number of at least 0/);
  });
});

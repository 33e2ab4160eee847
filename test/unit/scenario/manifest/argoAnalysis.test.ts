// Argo's analysis knobs read from a manifest, and run. Sources: argo-rollouts docs/features/analysis.md
// ("Handling Metric Results": NaN with successCondition only → Failed, with both conditions →
// Inconclusive, isNaN(result) || … → Successful; an empty Prometheus result and its len(result)
// guards; "Dry-Run Mode"; "Failure Conditions and Failure Limit"; "Inconclusive Runs"), and
// analysis/analysis.go (the first measurement taken at once, "running initial measurement";
// consecutiveErrorLimit, default 4, turning the run to Error, which aborts the rollout).
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../../src/patterns/report';
import { ScenarioSession } from '../../../../src/runtime/session';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { bindConditions } from '../../../../src/scenario/manifest/argoConditions';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { scenarioOf } from '../helpers';

const SUCCESS_RATIO = 'sum(rate(http_requests_total{code!~"5.*"}[1m])) / sum(rate(http_requests_total[1m]))';

const template = (metric: string, extra = '') => `---
apiVersion: argoproj.io/v1alpha1
kind: AnalysisTemplate
metadata: { name: success-rate }
spec:${extra}
  metrics:
    - name: success-rate
      interval: 1m
${metric}      provider:
        prometheus:
          query: ${SUCCESS_RATIO}
`;
const canary = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    canary:
      analysis: { templates: [ { templateName: success-rate } ] }
      steps: [ { setWeight: 50 }, { pause: { duration: 5m } } ]
`;
const blueGreen = `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: app }
spec:
  strategy:
    blueGreen:
      prePromotionAnalysis: { templates: [ { templateName: success-rate } ] }
`;

function entryOf(text: string): { entry: CompareEntry; notes: string[] } {
  const r = readManifest(text, 'm.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return { entry: r.entries[0], notes: r.notes.map((n) => `${n.line}:${n.column}: ${n.message}`) };
}

describe('what an Argo condition makes of no data', () => {
  const bind = (success?: string, failure?: string) => bindConditions('success-rate', SUCCESS_RATIO, success, failure);
  it('NaN fails a successCondition alone, is inconclusive with both conditions, passes with an isNaN guard', () => {
    expect(bind('result[0] >= 0.95')).toMatchObject({ bound: { errorRate: { max: 0.05 } }, noData: 'Failed', noSeries: 'Error' });
    expect(bind('result[0] >= 0.95', 'result[0] < 0.95')).toMatchObject({ noData: 'Inconclusive', noSeries: 'Error' });
    expect(bind('isNaN(result[0]) || result[0] >= 0.95')).toMatchObject({ noData: 'Successful' });
    expect(bind(undefined, 'result[0] < 0.95')).toMatchObject({ bound: { errorRate: { max: 0.05 } }, noData: 'Successful', noSeries: 'Error' });
  });

  it('an empty result errors unless a len(result) guard says otherwise', () => {
    expect(bind('len(result) == 0 || result[0] >= 0.95')).toMatchObject({ noSeries: 'Successful', noData: 'Failed' });
    expect(bind('len(result) > 0 && result[0] >= 0.95')).toMatchObject({ noSeries: 'Failed' });
  });

  it('says why a condition it cannot read is not modelled', () => {
    expect(bind('result[0] >= 0.95 && result[1] < 3')).toMatch(/^successCondition .* is not of the form/);
  });
});

describe("an AnalysisTemplate's limits, count and dry run", () => {
  it('reads inconclusiveLimit, consecutiveErrorLimit, count and the dry-run list, with Argo defaults for the rest', () => {
    const metric = '      count: 4\n      inconclusiveLimit: 2\n      consecutiveErrorLimit: 1\n      successCondition: result[0] >= 0.95\n';
    expect(entryOf(canary + template(metric)).entry.options.analysis).toMatchObject({
      firstCheck: 'atStart',
      failureLimit: 0,
      inconclusiveLimit: 2,
      consecutiveErrorLimit: 1,
      count: 4,
      stopsAtCount: true,
      noData: 'Failed',
      noSeries: 'Error',
    });
    expect(entryOf(canary + template('      successCondition: result[0] >= 0.95\n')).entry.options.analysis).toMatchObject({ inconclusiveLimit: 0, consecutiveErrorLimit: 4 });
  });

  it("puts a metric named by the template's or the Rollout's dryRun (a pattern) in dry run", () => {
    const condition = '      successCondition: result[0] >= 0.95\n';
    expect(entryOf(canary + template(condition, '\n  dryRun: [ { metricName: success-.* } ]')).entry.options.analysis).toMatchObject({ dryRun: ['errorRate'] });
    const rolloutDryRun = canary.replace('templateName: success-rate } ] }', 'templateName: success-rate } ], dryRun: [ { metricName: .* } ] }');
    expect(entryOf(rolloutDryRun + template(condition)).entry.options.analysis).toMatchObject({ dryRun: ['errorRate'] });
  });

  it('refuses a limit that is not a whole number, at its position', () => {
    const r = readManifest(canary + template('      inconclusiveLimit: two\n      successCondition: result[0] >= 0.95\n'), 'm.yaml');
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual(['m.yaml:17:26: spec.metrics[0].inconclusiveLimit: expected a whole number of at least 0, got "two"']);
  });
});

const SCENARIO = `schemaVersion: 1
title: Argo timing
duration: 15m
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 100 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms } }
rollout: { from: v1, to: v2, at: 1m }
`;

function measurementsOf(entry: CompareEntry) {
  const session = new ScenarioSession({ ...scenarioOf(SCENARIO), compare: [entry] });
  session.start(10);
  const measurements: Measurement[] = [];
  while (!session.done) measurements.push(...session.advance(session.now + 60).runs[0].measurements);
  return { measurements, record: session.finish().runs[0] };
}

describe('an Argo analysis, run', () => {
  it('takes its first measurement at once: before the canary served a request there is no series, an Error', () => {
    const { measurements } = measurementsOf(entryOf(canary + template('      successCondition: result[0] >= 0.95\n')).entry);
    expect(measurements[0].t).toBe(60); // the rollout's start, not one interval later
    expect(measurements[0].verdict).toBe('inconclusive');
    expect(measurements[0].text).toMatch(/error, no series to evaluate yet/);
    expect(measurements[1].t).toBe(120);
    expect(measurements[1].verdict).toBe('pass');
  });

  it('errors out after more consecutive errors than consecutiveErrorLimit: a preview stack nobody sends traffic to', () => {
    const { measurements, record } = measurementsOf(entryOf(blueGreen + template('      successCondition: result[0] >= 0.95\n')).entry);
    for (const m of measurements.slice(0, 5)) expect(m.text).toMatch(/error, no series/);
    expect(measurements).toHaveLength(5);
    const decision = record.decisions.find((d) => d.reason === 'analysis error');
    expect(decision?.text).toMatch(/5 consecutive errors exceed consecutiveErrorLimit 4 →/);
    expect(decision!.t - measurements[0].t).toBe(4 * 60);
    expect(record.outcome).toBe('rolled-back');
  });
});

describe("a scenario's own analysis with Argo's run knobs", () => {
  const canaryEntry = (analysis: object): CompareEntry => ({ pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.5 }, { pause: 600 }], analysis: { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1_000_000, count: 5, errorRate: { max: 0.05 }, ...analysis } } });

  it('pauses at the first inconclusive check by default, and only when more than inconclusiveLimit were', () => {
    const first = measurementsOf(canaryEntry({}));
    expect(first.measurements).toHaveLength(1);
    expect(first.record.decisions.at(-1)?.reason).toBe('AnalysisRunInconclusive');
    const third = measurementsOf(canaryEntry({ inconclusiveLimit: 2 }));
    expect(third.measurements).toHaveLength(3);
    expect(third.record.decisions.at(-1)).toMatchObject({ reason: 'AnalysisRunInconclusive', t: third.measurements[2].t });
  });

  it('counts too little data as a failed check with noData: fail (Flagger), rolling back', () => {
    const { record } = measurementsOf(canaryEntry({ noData: 'Failed' }));
    expect(record.outcome).toBe('rolled-back');
    expect(record.decisions.find((d) => d.reason === 'analysis failed')?.text).toMatch(/no data counts as a failed check/);
  });
});

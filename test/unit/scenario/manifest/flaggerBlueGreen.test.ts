// A Flagger blue/green Canary (analysis.iterations) run against the timing Flagger documents
// (docs/gitbook/tutorials/kubernetes-blue-green.md): ten checks 30 s apart "will run an analysis for
// five minutes", and "when the number of failed checks reaches the analysis threshold, the green
// version is scaled to zero". The scheduler (pkg/controller/scheduler.go) counts a metric without
// data as a failed check ("no values found for metric"); the canary's only traffic before the
// switch is the load tester's (hey -q 10 -c 2: 20 requests per second).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/runtime/run';
import type { RunRecord } from '../../../../src/runtime/types';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';
import type { CompareEntry } from '../../../../src/scenario/types';
import { scenarioOf } from '../helpers';

const FIXTURE = readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'manifests', 'flagger-bluegreen.yaml'), 'utf8');
const NO_LOAD_TEST = FIXTURE.slice(0, FIXTURE.indexOf('      - name: load-test'));

function read(text: string): { entry: CompareEntry; notes: string[] } {
  const r = readManifest(text, 'podinfo.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return { entry: r.entries[0], notes: r.notes.map((n) => n.message) };
}

const STARTUP = 20;
const ROLLOUT_AT = 60;
const run = (text: string, v2ErrorRate: string): RunRecord =>
  runScenario({
    ...scenarioOf(`schemaVersion: 1
title: Flagger blue/green timing
duration: 15m
fleet: { instances: 10, startupTime: ${STARTUP}s }
traffic: { rps: 100 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms }, errorRate: ${v2ErrorRate} }
rollout: { from: v1, to: v2, at: ${ROLLOUT_AT}s }
`),
    compare: [read(text).entry],
  }).runs[0];

describe('a Flagger blue/green Canary', () => {
  it('reads as a blue-green: iterations checks one interval apart on the load tester’s traffic, threshold failed checks to roll back', () => {
    const { entry, notes } = read(FIXTURE);
    expect(entry.pattern).toBe('blue-green');
    expect(entry.options).toMatchObject({
      autoPromotionSeconds: 0,
      previewTraffic: 20,
      prePromotionAnalysis: { interval: 30, count: 10, failureLimit: 1, firstCheck: 'afterInterval', noData: 'Failed' },
    });
    expect(entry.options).not.toHaveProperty('postPromotionAnalysis'); // kubernetes provider: no live check on the canary
    expect(notes).toContain('load test load-test: 20 requests per second to the canary while it is checked (hey -q × -c)');
    // with a mesh, all traffic goes to the canary for one more check before the primary is updated
    expect(read(FIXTURE.replace('  provider: kubernetes\n', '')).entry.options).toMatchObject({ postPromotionAnalysis: { count: 1 } });
  });

  it('promotes a healthy release after iterations × interval (five minutes), once green is up', () => {
    const good = run(FIXTURE, '0');
    expect(good.outcome).toBe('promoted');
    expect(good.rolloutSeconds).toBeGreaterThanOrEqual(STARTUP + 10 * 30);
    expect(good.rolloutSeconds).toBeLessThan(STARTUP + 10 * 30 + 30);
  });

  it('rolls a bad release back after threshold failed checks: interval × threshold after green is up', () => {
    const bad = run(FIXTURE, '5%');
    expect(bad.outcome).toBe('rolled-back');
    const decision = bad.decisions.find((d) => d.reason === 'analysis failed')!;
    expect(decision.evidence).toMatchObject({ failedChecks: 2, failureLimit: 1 });
    expect(decision.t - ROLLOUT_AT - STARTUP).toBe(2 * 30);
  });

  it('without a load test the canary has no data, and no data is a failed check', () => {
    const { notes } = read(NO_LOAD_TEST);
    expect(notes.some((n) => n.startsWith('no load test'))).toBe(true);
    const silent = run(NO_LOAD_TEST, '0');
    expect(silent.outcome).toBe('rolled-back');
    const decision = silent.decisions.find((d) => d.reason === 'analysis failed')!;
    expect(decision.text).toMatch(/no data counts as a failed check/);
    expect(decision.t - ROLLOUT_AT - STARTUP).toBe(2 * 30);
  });
});

// Real manifests → compare runs. Fixtures in test/fixtures/manifests are written from the tools'
// documented fields: Flagger's Canary (docs "How it works": analysis interval, threshold, maxWeight,
// stepWeight, metrics request-success-rate thresholdRange.min in %, request-duration max in ms;
// defaults in pkg/apis/flagger/v1beta1/canary.go), Argo's Rollout and AnalysisTemplate
// (examples/rollout-background-analysis.yaml, examples/rollout-bluegreen.yaml, docs/features/
// analysis.md) and apps/v1 Deployment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScenarioError } from '../../../../src/scenario/errors';
import { readManifest } from '../../../../src/scenario/manifest/read';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'manifests');
const read = (name: string) => readManifest(readFileSync(join(FIXTURES, name), 'utf8'), name);
const ok = (name: string) => {
  const r = read(name);
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return r;
};
const errorsOf = (text: string) => {
  const r = readManifest(text, 'm.yaml');
  return r.ok ? [] : r.errors.map(formatScenarioError);
};

describe('a Flagger Canary', () => {
  it('walks stepWeight up to maxWeight, one interval per weight, and rolls back after threshold failed checks', () => {
    const [entry] = ok('flagger-podinfo.yaml').entries;
    expect(entry.pattern).toBe('canary');
    expect(entry.label).toBe('podinfo');
    // Flagger scales the canary Deployment to full size first ("Scaling up podinfo.test"), then walks the weights
    expect(entry.options.steps).toEqual([{ setCanaryScale: { weight: 1 } }, ...[10, 20, 30, 40, 50].flatMap((w) => [{ setWeight: w / 100 }, { pause: 60 }])]);
    expect(entry.options.analysis).toMatchObject({ judge: 'threshold', interval: 60, failureLimit: 4, errorRate: { max: 0.01 }, latencyP99: { max: 0.5 } });
  });

  it('lists every field it does not model as a note at its line and column', () => {
    const notes = ok('flagger-podinfo.yaml').notes.map((n) => `${n.line}:${n.column}: ${n.message}`);
    expect(notes).toContain('32:9: ignored: spec.analysis.webhooks[0] load-test — the simulation makes its own traffic');
    expect(notes).toContain('10:3: ignored: spec.targetRef podinfo — the simulation rolls the scenario from rollout.from to rollout.to');
    // progressDeadlineSeconds is modelled: a canary whose pods are not ready by then rolls back
    expect(notes.some((n) => n.includes('spec.progressDeadlineSeconds'))).toBe(false);
    expect(ok('flagger-podinfo.yaml').entries[0].options).toMatchObject({ progressDeadline: 60 });
  });

  it('turns a confirm-promotion webhook into a wait for a human', () => {
    const text = readFileSync(join(FIXTURES, 'flagger-podinfo.yaml'), 'utf8').replace('      - name: load-test\n', '      - name: gate\n        type: confirm-promotion\n        url: http://gate/\n      - name: load-test\n');
    const r = readManifest(text, 'm.yaml');
    expect(r.ok && r.entries[0].options.steps).toEqual([{ setCanaryScale: { weight: 1 } }, ...[10, 20, 30, 40, 50].flatMap((w) => [{ setWeight: w / 100 }, { pause: 60 }]), { pause: null }]);
  });

  it('reports misspelt fields and unknown metrics with positions and a did-you-mean', () => {
    const text = readFileSync(join(FIXTURES, 'flagger-podinfo.yaml'), 'utf8').replace('    stepWeight: 10', '    stepWieght: 10').replace('request-duration', 'request-durations');
    expect(errorsOf(text)).toEqual([
      'm.yaml:21:5: spec.analysis.stepWieght: unknown field "stepWieght"; did you mean "stepWeight"?',
      'm.yaml:27:15: spec.analysis.metrics[1].name: unknown built-in metric "request-durations"; Flagger\'s built-ins are "request-success-rate" and "request-duration" (or give a templateRef)',
    ]);
  });
});

describe('an Argo Rollout', () => {
  it('canary: setWeight and pause { duration } steps, background analysis from the AnalysisTemplate in the same file', () => {
    const [entry] = ok('argo-canary.yaml').entries;
    expect(entry).toMatchObject({ pattern: 'canary', label: 'guestbook' });
    expect(entry.options.steps).toEqual([{ setWeight: 0.2 }, { pause: 120 }, { setWeight: 0.4 }, { pause: 120 }, { setWeight: 0.8 }, { pause: 60 }]);
    // successCondition result[0] >= 0.95 on a non-5xx / all ratio: at most 5% errors
    expect(entry.options.analysis).toMatchObject({ interval: 60, failureLimit: 3, errorRate: { max: 0.05 } });
  });

  it('blue-green: autoPromotionEnabled false waits for a promotion; scaleDownDelaySeconds is kept', () => {
    const [entry] = ok('argo-bluegreen.yaml').entries;
    expect(entry).toMatchObject({ pattern: 'blue-green', options: { autoPromotionSeconds: null, scaleDownDelay: 60 } });
  });

  it("runs the project's own background-analysis example; a Job metric is noted as not judged, not dropped silently", () => {
    const r = ok('argo-background-job.yaml');
    expect(r.entries).toEqual([{ pattern: 'canary', label: 'rollout-background-analysis', options: { steps: [{ setWeight: 0.25 }, { pause: null }], trafficRouting: false } }]); // no trafficRouting: the basic canary
    expect(r.notes.map((n) => `${n.line}:${n.column}: ${n.message}`)).toContain('25:5: not modelled: metric random-fail — it has neither a successCondition nor a failureCondition');
  });

  it('reports a missing template and a misspelt kind', () => {
    const text = readFileSync(join(FIXTURES, 'argo-canary.yaml'), 'utf8');
    expect(errorsOf(text.replace('templateName: success-rate', 'templateName: sucess-rate'))).toEqual([
      'm.yaml:21:27: spec.strategy.canary.analysis.templates[0].templateName: no AnalysisTemplate named "sucess-rate" in this file or beside it',
    ]);
    expect(errorsOf(text.replace('kind: Rollout', 'kind: Rolout'))).toEqual(['m.yaml:5:7: kind: unknown kind "Rolout"; did you mean "Rollout"?']);
  });

  it('reads an analysis step as its own run of the template, beside the background one', () => {
    const text = readFileSync(join(FIXTURES, 'argo-canary.yaml'), 'utf8').replace('        - setWeight: 40\n', '        - analysis: { templates: [ { templateName: success-rate } ] }\n');
    const r = readManifest(text, 'm.yaml');
    if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
    const steps = r.entries[0].options.steps as Array<Record<string, unknown>>;
    expect(steps[2]).toMatchObject({ analysis: { interval: 60, failureLimit: 3, errorRate: { max: 0.05 }, firstCheck: 'atStart' } });
    expect(r.entries[0].options.analysis).toMatchObject({ interval: 60 });
    // startingStep belongs to the background analysis only, as in Argo's types
    expect(errorsOf(text.replace('templateName: success-rate } ] }\n', 'templateName: success-rate } ], startingStep: 1 }\n'))[0]).toMatch(/steps\[2\]\.analysis\.startingStep: unknown/);
  });

  it("reads the background analysis' startingStep; past the last step it is noted, as Argo accepts it", () => {
    const text = readFileSync(join(FIXTURES, 'argo-canary.yaml'), 'utf8').replace('      analysis:\n        templates:', '      analysis:\n        startingStep: 2\n        templates:');
    const r = readManifest(text, 'm.yaml');
    if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
    expect(r.entries[0].options.analysis).toMatchObject({ startingStep: 2 });
    const past = readManifest(text.replace('startingStep: 2', 'startingStep: 9'), 'm.yaml');
    expect(past.ok && past.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/startingStep 9 is past the last step \(5\): Argo accepts it/));
    expect(errorsOf(text.replace('startingStep: 2', 'startingStep: -1'))[0]).toMatch(/startingStep: expected a step index/);
  });

  it('refuses steps it cannot run yet rather than dropping them', () => {
    const text = readFileSync(join(FIXTURES, 'argo-canary.yaml'), 'utf8').replace('        - setWeight: 40\n', '        - experiment: { templates: [] }\n');
    expect(errorsOf(text)[0]).toMatch(/^m\.yaml:28:11: spec\.strategy\.canary\.steps\[2\]\.experiment: not modelled yet: an experiment step/);
  });
});

describe('a Kubernetes Deployment', () => {
  it('RollingUpdate: maxSurge, maxUnavailable, minReadySeconds, progressDeadlineSeconds', () => {
    expect(ok('deployment.yaml').entries[0]).toEqual({
      pattern: 'rolling',
      label: 'web',
      options: { maxSurge: { kind: 'count', value: 2 }, maxUnavailable: { kind: 'count', value: 0 }, minReadySeconds: 5, progressDeadline: 300 },
    });
  });
  it('Recreate: every old pod goes first (big-bang)', () => {
    const text = readFileSync(join(FIXTURES, 'deployment.yaml'), 'utf8').replace('type: RollingUpdate', 'type: Recreate').replace(/    rollingUpdate:\n.*\n.*\n/, '');
    expect(readManifest(text, 'm.yaml')).toMatchObject({ ok: true, entries: [{ pattern: 'big-bang', options: {} }] });
  });
});

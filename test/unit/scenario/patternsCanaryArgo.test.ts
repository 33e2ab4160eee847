// Argo's canary knobs in the scenario format, with Argo's names, defaults and validation
// (pkg/apis/rollouts/validation/validation.go, ValidateRolloutStrategyCanary): setCanaryScale as a
// step, the scale-down delays, dynamicStableScale, and trafficRouting: false for the basic canary.
import { describe, expect, it } from 'vitest';
import { errorsOf, exampleWith, scenarioOf } from './helpers';

const canary = (knobs: string) => exampleWith({ 13: `  - { pattern: canary, ${knobs} }` });
const optionsOf = (knobs: string) => scenarioOf(canary(knobs)).compare[0].options;

describe('Argo canary knobs', () => {
  it('reads setCanaryScale steps in their three forms beside setWeight and pause', () => {
    const steps = 'steps: [ { setCanaryScale: { replicas: 3 } }, { setWeight: 10 }, { setCanaryScale: { weight: 40 } }, { pause: 1m }, { setCanaryScale: { matchTrafficWeight: true } } ]';
    expect(optionsOf(steps)).toMatchObject({
      steps: [{ setCanaryScale: { replicas: 3 } }, { setWeight: 0.1 }, { setCanaryScale: { weight: 0.4 } }, { pause: 60 }, { setCanaryScale: { matchTrafficWeight: true } }],
    });
  });

  it('says what is wrong with a setCanaryScale step, at the field', () => {
    expect(errorsOf(canary('steps: [ { setCanaryScale: { replicas: 3, weight: 40 } } ]'))).toEqual([
      's.yaml:13:74: compare[0].steps[0].setCanaryScale.weight: setCanaryScale has only one of "replicas", "weight" or "matchTrafficWeight"; write one of them',
    ]);
    expect(errorsOf(canary('steps: [ { setCanaryScale: { replica: 3 } } ]'))[0]).toMatch(/setCanaryScale\.replica: unknown key "replica"; did you mean "replicas"\?/);
    expect(errorsOf(canary('steps: [ { setCanaryScale: { matchTrafficWeight: false } } ]'))[0]).toMatch(/matchTrafficWeight: /);
  });

  it('reads the scale-down delays as durations, Argo’s abortScaleDownDelaySeconds 0 as "never"', () => {
    expect(optionsOf('scaleDownDelay: 2m, abortScaleDownDelay: 0')).toMatchObject({ scaleDownDelay: 120, abortScaleDownDelay: null });
    expect(optionsOf('abortScaleDownDelay: 45s')).toMatchObject({ abortScaleDownDelay: 45 });
    // left out, the defaults are the machine's (30 s each), and the run is traffic-routed
    expect(optionsOf('steps: [ { setWeight: 10 } ]')).toEqual({ steps: [{ setWeight: 0.1 }] });
  });

  it('refuses what Argo refuses: router-only knobs on the basic canary, dynamicStableScale with scaleDownDelay', () => {
    expect(errorsOf(canary('trafficRouting: false, scaleDownDelay: 1m, dynamicStableScale: true, steps: [ { setCanaryScale: { replicas: 1 } } ]'))).toEqual([
      's.yaml:13:63: compare[0].scaleDownDelay: scaleDownDelay needs a traffic router (trafficRouting: true), as Argo validates it: the basic canary scales the stable down step by step',
      's.yaml:13:87: compare[0].dynamicStableScale: dynamicStableScale needs a traffic router (trafficRouting: true), as Argo validates it: the basic canary always scales the stable with the weight',
      's.yaml:13:120: compare[0].steps[0].setCanaryScale: setCanaryScale needs a traffic router (trafficRouting: true), as Argo validates it',
    ]);
    expect(errorsOf(canary('dynamicStableScale: true, scaleDownDelay: 1m'))).toEqual([
      's.yaml:13:44: compare[0].dynamicStableScale: dynamicStableScale and scaleDownDelay do not go together (Argo refuses both): with dynamicStableScale the old stable goes at once',
    ]);
    expect(optionsOf('trafficRouting: false, abortScaleDownDelay: 1m')).toMatchObject({ trafficRouting: false });
  });

  it('reads minPodsPerReplicaSet with a router, and refuses it on the basic canary, where it would do nothing', () => {
    expect(optionsOf('minPodsPerReplicaSet: 2')).toMatchObject({ minPodsPerReplicaSet: 2 });
    expect(errorsOf(canary('trafficRouting: false, minPodsPerReplicaSet: 2'))).toEqual([
      's.yaml:13:69: compare[0].minPodsPerReplicaSet: minPodsPerReplicaSet needs a traffic router (trafficRouting: true): Argo applies it only there, so here it would change nothing',
    ]);
    expect(errorsOf(canary('minPodsPerReplicaSet: 0'))).toHaveLength(1);
  });

  it('reads an inline analysis step as an analysis block of its own, beside the background analysis', () => {
    const o = optionsOf('steps: [ { setWeight: 20 }, { analysis: { errorRate: { max: 1% }, count: 3 } } ], analysis: { latencyP99: { max: 800ms } }');
    expect(o).toMatchObject({
      steps: [{ setWeight: 0.2 }, { analysis: { judge: 'threshold', interval: 60, count: 3, failureLimit: 0, errorRate: { max: 0.01 } } }],
      analysis: { latencyP99: { max: 0.8 } },
    });
    expect(errorsOf(canary('steps: [ { analysis: { errorRate: { max: 1% } }, setWeight: 20 } ]'))[0]).toMatch(/steps\[0\]/);
    expect(errorsOf(canary('steps: [ { analysis: { count: 3 } } ]'))[0]).toMatch(/steps\[0\]\.analysis: the threshold judge needs a limit/);
  });

  it("reads the background analysis' startingStep, and refuses it past the steps or outside a background analysis", () => {
    const steps = 'steps: [ { setWeight: 20 }, { pause: 1m }, { setWeight: 50 } ]';
    expect(optionsOf(`${steps}, analysis: { errorRate: { max: 1% }, startingStep: 2 }`)).toMatchObject({ analysis: { startingStep: 2 } });
    expect(errorsOf(canary(`${steps}, analysis: { errorRate: { max: 1% }, startingStep: 3 }`))[0]).toMatch(
      /compare\[0\]\.analysis\.startingStep: startingStep 3 is past the last step \(the steps count from 0 to 2\): the background analysis would never start/,
    );
    expect(errorsOf(canary('steps: [ { analysis: { errorRate: { max: 1% }, startingStep: 1 } } ]'))[0]).toMatch(/steps\[0\]\.analysis\.startingStep: startingStep belongs to a canary's background analysis/);
    expect(errorsOf(exampleWith({ 13: '  - { pattern: rolling, analysis: { errorRate: { max: 1% }, startingStep: 1 } }' }))[0]).toMatch(/startingStep belongs/);
  });
});


// Knobs left out get the real tools' defaults; the other accepted forms normalise the same way.
import { describe, expect, it } from 'vitest';
import { exampleWith, scenarioOf } from './helpers';

/** The options of each entry of a compare list written as flow mappings (rollout v1 → v2 at 5m). */
const optionsOf = (...entries: string[]) => scenarioOf(exampleWith({ 13: entries.map((e) => `  - ${e}`).join('\n') })).compare.map((e) => e.options);
const optionsOfOne = (entry: string) => optionsOf(entry)[0];

describe('pattern defaults', () => {
  it('fills every knob of a bare entry', () => {
    expect(optionsOf('{ pattern: big-bang }', '{ pattern: canary }', '{ pattern: rolling }', '{ pattern: blue-green }', '{ pattern: dark-launch }')).toEqual([
      {},
      { steps: [{ setWeight: 0.2 }, { pause: 60 }, { setWeight: 0.5 }, { pause: 60 }] },
      { maxSurge: { kind: 'percent', value: 0.25 }, maxUnavailable: { kind: 'percent', value: 0.25 }, minReadySeconds: 0, progressDeadline: 600 },
      { autoPromotionSeconds: 0, previewTraffic: 0, scaleDownDelay: null },
      { mirror: 1, internalUsers: true, duration: 600 },
    ]);
    // steps left out: the statechart's default plan (DEFAULT_FLAG_STEPS), or none beside a schedule
    expect(optionsOfOne('{ pattern: feature-toggle }')).toEqual({
      flag: 'new-feature',
      rules: [],
      propagationDelay: 30,
    });
  });

  it('defaults the ab-test variants to rollout.from against rollout.to, half each', () => {
    expect(optionsOfOne('{ pattern: ab-test }')).toEqual({
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

  it('fills analysis defaults, and the baseline judge’s own only for that judge', () => {
    expect(optionsOfOne('{ pattern: canary, steps: [{ setWeight: 100 }], analysis: { latencyP99: { max: 250ms } } }')).toEqual({
      steps: [{ setWeight: 1 }],
      analysis: { judge: 'threshold', interval: 60, initialDelay: 0, failureLimit: 0, minSamples: 100, count: 5, latencyP99: { max: 0.25 } },
    });
    expect(optionsOfOne('{ pattern: big-bang, analysis: { judge: baseline, interval: 30s, failureLimit: 2, minSamples: 0, count: 1, pass: 80 } }')).toEqual({
      analysis: { judge: 'baseline', interval: 30, initialDelay: 0, failureLimit: 2, minSamples: 0, count: 1, alpha: 0.02, effectSize: 0.1, errorControl: 'plan', pass: 80, marginal: 75 },
    });
  });
});

describe('the baseline judge’s error control', () => {
  it('spends alpha over the plan by default, and reads Kayenta’s allowedIncrease as 1 + effectSize', () => {
    const a = optionsOfOne('{ pattern: canary, analysis: { judge: baseline, allowedIncrease: 1.25, looks: 12 } }') as { analysis: Record<string, unknown> };
    expect(a.analysis).toMatchObject({ errorControl: 'plan', effectSize: 0.25, looks: 12 });
    expect(a.analysis).not.toHaveProperty('allowedIncrease');
  });
});

describe('accepted forms', () => {
  it('reads weights as percent numbers or percentages, and pauses {} or empty as "until promoted"', () => {
    expect(optionsOfOne('{ pattern: canary, steps: [{ setWeight: 12.5 }, { pause: {} }, { setWeight: 40% }, { pause: }, { pause: 90 }] }')).toEqual({
      steps: [{ setWeight: 0.125 }, { pause: null }, { setWeight: 0.4 }, { pause: null }, { pause: 90 }],
    });
    expect(optionsOfOne('{ pattern: feature-toggle, steps: [{ rollout: 1 }, { pause: {} }, { rollout: 100% }] }')).toMatchObject({
      steps: [{ rollout: 0.01 }, { pause: null }, { rollout: 1 }],
    });
  });

  // Argo's RolloutPause: `duration` is an IntOrString; a string without a unit is seconds, any other
  // goes through Go's time.ParseDuration (RolloutPause.DurationSeconds in
  // pkg/apis/rollouts/v1alpha1/types.go); `pause: {}` has no duration and waits for a promotion.
  it("reads Argo's pause: { duration } in Argo's forms beside pause: 2m, and keeps {} as \"until promoted\"", () => {
    expect(optionsOfOne('{ pattern: canary, steps: [{ setWeight: 10 }, { pause: { duration: 2m } }, { pause: { duration: 30 } }, { pause: { duration: "45" } }, { pause: { duration: 1h30m } }, { pause: { duration: 1.5h } }, { pause: {} }, { pause: { duration: } }, { pause: 2m }] }')).toEqual({
      steps: [{ setWeight: 0.1 }, { pause: 120 }, { pause: 30 }, { pause: 45 }, { pause: 5400 }, { pause: 5400 }, { pause: null }, { pause: null }, { pause: 120 }],
    });
    expect(optionsOfOne('{ pattern: feature-toggle, steps: [{ rollout: 5 }, { pause: { duration: 10m } }] }')).toMatchObject({ steps: [{ rollout: 0.05 }, { pause: 600 }] });
  });

  it('reads rolling counts, percentages and bare-number seconds', () => {
    expect(optionsOfOne('{ pattern: rolling, maxSurge: 2, maxUnavailable: 0%, minReadySeconds: 30, progressDeadline: 1h }')).toEqual({
      maxSurge: { kind: 'count', value: 2 },
      maxUnavailable: { kind: 'percent', value: 0 },
      minReadySeconds: 30,
      progressDeadline: 3600,
    });
  });

  it('reads a blue-green manual promotion as null', () => {
    for (const manual of ['null', '{}', '']) {
      expect(optionsOfOne(`{ pattern: blue-green, autoPromotionSeconds: ${manual} }`)).toMatchObject({ autoPromotionSeconds: null });
    }
  });

  it('keeps user matches as written, with ages in seconds', () => {
    const rules = '[{ when: { region: [us, eu], internal: false }, serve: on }, { when: { beta: true, registeredFor: { atLeast: 1d, atMost: 30d } }, serve: off }]';
    expect(optionsOfOne(`{ pattern: feature-toggle, flag: pay.v2, rules: ${rules}, propagationDelay: 0 }`)).toMatchObject({
      flag: 'pay.v2',
      rules: [
        { when: { region: ['us', 'eu'], internal: false }, serve: 'on' },
        { when: { beta: true, registeredFor: { atLeast: 86400, atMost: 30 * 86400 } }, serve: 'off' },
      ],
      propagationDelay: 0,
    });
  });

  it('checks region and platform names against the scenario’s own users', () => {
    const text = exampleWith({
      7: 'users: { regions: { north: 60%, south: 40% }, platforms: { desktop: 100% } }',
      13: '  - { pattern: traffic-split, stages: [{ match: { region: north, platform: desktop }, pause: {} }, { weight: 100% }] }',
    });
    expect(scenarioOf(text).compare[0].options).toEqual({ stages: [{ match: { region: 'north', platform: 'desktop' }, pause: null }, { weight: 1, pause: 0 }] });
  });

  it('takes explicit ab-test variants in any order and split', () => {
    const variants = '[{ name: control, version: v2, weight: 90% }, { name: treatment, version: v1, weight: 10 }]';
    expect(optionsOfOne(`{ pattern: ab-test, variants: ${variants}, method: sequential, interval: 30s }`)).toMatchObject({
      variants: [
        { name: 'control', version: 'v2', weight: 0.9 },
        { name: 'treatment', version: 'v1', weight: 0.1 },
      ],
      method: 'sequential',
      interval: 30,
    });
  });
});

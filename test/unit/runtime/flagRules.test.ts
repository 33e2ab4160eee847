// The flag console's targeting rules: a rule added by hand serves its users after the propagation
// delay and stays through the plan's steps; a share set by hand is overwritten by the plan's next
// step, and the log says so; a rule the flag lacks cannot be removed, and a rule naming a region the
// scenario lacks is left out with a sentence.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src';
import type { Act } from '../../../src/runtime/acts/act';
import { checkActs } from '../../../src/runtime/acts/check';
import { decodeRule, ruleOf, ruleWords, sameRule } from '../../../src/runtime/acts/flagRule';
import { actsToRun } from '../../../src/runtime/acts/toRun';
import { scenario, version } from '../../support/scenarios';

// default users: regions us 50%, eu 30%, apac 20%
const s = scenario({
  duration: 900,
  versions: [version('v1'), version('v2')],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: [
    { pattern: 'feature-toggle', label: 'toggle', options: { steps: [{ rollout: 0.05 }, { pause: 480 }, { rollout: 0.25 }, { pause: null }], rules: [], propagationDelay: 60, analysis: undefined } },
  ],
});
const labels = ['toggle'];
const euOn: Act = { type: 'rule', t: 300, run: 0, change: 'add', rule: ruleOf('region', 'eu', 'on') };
const run = (acts: Act[]) => runScenario(s, { seriesBucket: 30, ...actsToRun(acts, labels) }).runs[0];
const share = (r: ReturnType<typeof run>, t: number) => r.series!.versions.v2.weight[r.series!.t.indexOf(t)];

describe('a flag rule added by hand', () => {
  it('serves its users after the propagation delay, ahead of the percentage, and stays through the plan’s next step', () => {
    const plain = run([]);
    const ruled = run([euOn]);
    expect(share(ruled, 270)).toBe(share(plain, 270));
    // 5% of everyone, and every eu user (30%): 5% + 95% × 30% ≈ 33.5%
    expect(share(ruled, 420)).toBeGreaterThan(0.3);
    expect(share(ruled, 420)).toBeLessThan(0.37);
    // the plan's step at 9:00 sets 25%; the rule stays: 25% + 75% × 30% ≈ 47.5%
    expect(share(plain, 660)).toBeGreaterThan(0.22);
    expect(share(plain, 660)).toBeLessThan(0.28);
    expect(share(ruled, 660)).toBeGreaterThan(0.44);
    expect(share(ruled, 660)).toBeLessThan(0.51);
    expect(ruled.decisions.find((d) => d.reason === 'manual flag rule')?.text).toBe('5:00 toggle flag rule "region eu → on" added by hand, ahead of the others; every instance has it by 6:00');
  });

  it('can be removed again, and the share falls back to the plan’s', () => {
    const removed = run([euOn, { ...euOn, t: 400, change: 'remove' }]);
    expect(share(removed, 360)).toBeGreaterThan(0.3);
    expect(share(removed, 480)).toBeLessThan(0.08);
  });

  it('is first-match-wins: "internal → off" added after "region eu → on" comes first and keeps internal eu users off', () => {
    const both = run([euOn, { type: 'rule', t: 300, run: 0, change: 'add', rule: ruleOf('internal', 'yes', 'off') }]);
    expect(share(both, 420)).toBeLessThan(share(run([euOn]), 420));
  });

  it('cannot remove a rule the flag does not have: the log says nothing changed, and the run is the same', () => {
    const plain = run([]);
    const acted = run([{ ...euOn, change: 'remove' }]);
    expect(acted.decisions.find((d) => d.t === 300)?.text).toBe('5:00 toggle: flag rule "region eu → on" removed by hand, but the flag has no such rule: nothing changed');
    expect(acted.series).toEqual(plain.series);
  });
});

describe('a share set by hand', () => {
  it('is overwritten by the plan’s next step, and the log says whose share the flag has now', () => {
    const acted = run([{ type: 'flag', t: 300, run: 0, rollout: 0.6 }]);
    expect(share(acted, 420)).toBeGreaterThan(0.55);
    expect(share(acted, 660)).toBeLessThan(0.28);
    const over = acted.decisions.filter((d) => d.reason === 'plan over hand');
    expect(over.map((d) => d.text)).toEqual(["9:00 toggle: the plan's step set the flag to 25%, over your 60% (the plan owns the share; pause it to keep yours)"]);
  });

  it('is kept when the plan is paused before its next step', () => {
    const acted = run([
      { type: 'gate', t: 290, event: 'PAUSE', run: 0 },
      { type: 'flag', t: 300, run: 0, rollout: 0.6 },
    ]);
    expect(share(acted, 660)).toBeGreaterThan(0.55);
    expect(acted.decisions.some((d) => d.reason === 'plan over hand')).toBe(false);
  });
});

describe('rules as text and as checked acts', () => {
  it('read back what they wrote, and say what is wrong otherwise', () => {
    expect(decodeRule('off', 'age-min=86400')).toEqual({ when: { registeredFor: { atLeast: 86400 } }, serve: 'off' });
    expect(ruleWords(decodeRule('off', 'age-min=86400'))).toBe('accounts at least 1d old → off');
    expect(() => decodeRule('maybe', 'beta=yes')).toThrow('a rule serves "on" or "off", not "maybe"');
    expect(() => decodeRule('on', 'regoin=eu')).toThrow(/not a rule condition; did you mean "region"\?/);
    expect(() => decodeRule('on', 'beta=sure')).toThrow('beta takes yes or no, not "sure"');
    expect(sameRule({ when: { region: ['eu', 'us'] }, serve: 'on' }, { when: { region: ['us', 'eu'] }, serve: 'on' })).toBe(true);
    expect(sameRule(ruleOf('region', 'eu', 'on'), ruleOf('region', 'eu', 'off'))).toBe(false);
  });

  it('naming a region or platform the scenario lacks is left out with a did-you-mean', () => {
    const checked = checkActs([{ ...euOn, rule: ruleOf('region', 'europe', 'on') }, { ...euOn, rule: ruleOf('platform', 'iOS', 'on') }, euOn], s);
    expect(checked.acts).toEqual([euOn]);
    expect(checked.problems).toEqual([
      'Act 1 (rule-add at 5:00) was left out: there is no region "europe"; did you mean "eu"? (the regions are us, eu, apac).',
      'Act 2 (rule-add at 5:00) was left out: there is no platform "iOS"; did you mean "ios"? (the platforms are web, ios, android).',
    ]);
  });
});

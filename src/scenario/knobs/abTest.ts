// A/B test: users split between two variants, conversion compared by a two-proportion test (fixed
// horizon or sequential); the variants default to rollout.from (A) against rollout.to (B).
import { z } from 'zod';
import type { AbVariant } from '../../patterns/options';
import { closed } from '../closed';
import { duration, int, name } from '../fields';
import type { CompareEntry, RolloutSpec } from '../types';
import { formatPercent } from '../units';
import { weight } from './fields';
import { knobs, rule } from './rules';
import { LIMITS } from '../limits';

const variant = closed(
  {
    name: name('Variant name, e.g. A or B.'),
    version: name('The version this variant serves (one of `versions`).'),
    weight: weight('Share of users in this variant.'),
  },
  'One arm of the experiment.',
);

const variants = z
  .array(variant)
  .length(2)
  .check(
    rule<AbVariant[]>((list, report) => {
      if (list[1].name === list[0].name) report(`variant name ${JSON.stringify(list[1].name)} is already used by variants[0]; variant names must be unique`, [1, 'name']);
      list.forEach((v, i) => v.weight === 0 && report('must be greater than 0%: a variant without users cannot be compared', [i, 'weight']));
      const sum = list.reduce((a, v) => a + v.weight, 0);
      if (Math.abs(sum - 1) > 1e-6) report(`weights must add up to 100%, got ${formatPercent(sum)}`);
    }),
  )
  .describe('Exactly two variants, the control (A) first; weights add up to 100%. Default: A on rollout.from and B on rollout.to, 50% each.');

export const abTestKnobs = knobs({
  variants: variants.optional(),
  metric: z.enum(['conversion']).describe('What is compared: the share of users who convert. Default conversion.').prefault('conversion'),
  alpha: z.number().gt(0).lt(0.5).describe('Significance level of the test (false-positive rate). Default 0.05.').prefault(0.05),
  method: z
    .enum(['fixed', 'sequential'])
    .describe('fixed: read once, at minSamples users per variant; sequential: an always-valid test read at every interval. Default fixed.')
    .prefault('fixed'),
  minSamples: int(10, 1_000_000_000, 'Users per variant before the fixed test is read (its horizon). Default 2000.').prefault(2000),
  maxDuration: duration('With no decision by then the experiment ends incomplete and A stays. Default 40m.', { above: 0 }).prefault('40m'),
  interval: duration('How often the experiment is read. At least 1s. Default 1m.', { min: LIMITS.minIntervalSeconds }).prefault('1m'),
  sequentialTuning: int(
    100,
    1_000_000_000,
    "Sequential method: the total users at which the always-valid test is sharpest (GrowthBook's sequential tuning parameter); set it near the users you expect to enrol. Default 5000.",
  ).optional(),
});

/** The default variants: the running version against the one being deployed, half the users each. */
function defaultVariants(rollout: RolloutSpec): AbVariant[] {
  return [
    { name: 'A', version: rollout.from, weight: 0.5 },
    { name: 'B', version: rollout.to, weight: 0.5 },
  ];
}

/** Fills the variants of ab-test entries that leave them out (they depend on `rollout`). */
export function withDefaultVariants<S extends { rollout?: RolloutSpec; compare: CompareEntry[] }>(scenario: S): S {
  const { rollout } = scenario;
  if (rollout === undefined) return scenario; // reported: ab-test needs a rollout
  const compare = scenario.compare.map((e) =>
    e.pattern === 'ab-test' && e.options.variants === undefined ? { ...e, options: { ...e.options, variants: defaultVariants(rollout) } } : e,
  );
  return { ...scenario, compare };
}

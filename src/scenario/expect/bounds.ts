// Bounds on a measured value, `{ min, max }` (at least one), in the unit the metric is written in:
// counts as plain numbers, times in seconds as durations (3m), latency in milliseconds.
import { z } from 'zod';
import type { ExpectBounds, FaultMetric, RunMetric } from '../types';
import { closed } from '../closed';
import { duration } from '../fields';
import { describeValue, whenPresent } from '../messages';
import { rule } from '../knobs/rules';
import { formatDuration, formatNumber } from '../units';

interface Unit {
  value: (what: string) => z.ZodType<number, unknown>;
  show: (x: number) => string;
}

const COUNT: Unit = { value: (what) => z.number().min(0).describe(what), show: formatNumber };
const SECONDS: Unit = { value: (what) => duration(what), show: formatDuration };
const FRACTION: Unit = { value: (what) => z.number().min(-1).describe(what), show: formatNumber };
const PROBABILITY: Unit = { value: (what) => z.number().min(0).max(1).describe(what), show: formatNumber };
const milliseconds = whenPresent((input) => `expected a number of milliseconds like 800, got ${describeValue(input)}`);
const MILLISECONDS: Unit = { value: (what) => z.number({ error: milliseconds }).min(0).describe(`${what} In milliseconds.`), show: (x) => `${formatNumber(x)}ms` };

/** `usersAffected: 500` instead of `usersAffected: { max: 500 }`. */
const notBounds = (input: unknown) => `expected bounds like { max: ${String(input)} } or { min: ${String(input)} }, got ${describeValue(input)}`;

function bounds({ value, show }: Unit, description: string) {
  const shape = { min: value('Lowest acceptable value.').optional(), max: value('Highest acceptable value.').optional() };
  return closed(shape, `${description} Give min, max or both.`, (input) => (typeof input === 'number' || typeof input === 'string' ? notBounds(input) : undefined))
    .check(
      rule<ExpectBounds>((b, report) => {
        if (b.min === undefined && b.max === undefined) report('give min, max or both');
        else if (b.min !== undefined && b.max !== undefined && b.max < b.min) report(`must be at least min (${show(b.min)}), got ${show(b.max)}`, ['max']);
      }),
    )
    .optional();
}

/** The run totals that can be bounded (as in the run record). */
const RUN_METRICS: Record<RunMetric, [Unit, string]> = {
  requests: [COUNT, 'the requests that arrived'],
  ok: [COUNT, 'the requests served successfully'],
  errors: [COUNT, 'the requests that failed'],
  rejected: [COUNT, 'the requests rejected by full queues (503s)'],
  usersAffected: [COUNT, 'the users who saw at least one failed or rejected request'],
  usersAffectedExternal: [COUNT, 'the affected users who are not employees'],
  rolloutSeconds: [SECONDS, 'the time from the rollout start until all traffic is on the new version'],
  detectionSeconds: [SECONDS, 'the time from the moment users were first exposed to the defect (for a false alarm: to the fault that set it off) until the rollout reacts'],
  recoverySeconds: [SECONDS, 'the time from that judgement until the old version serves everyone again'],
  instanceSeconds: [SECONDS, 'the instance time used over the run (the cost of capacity)'],
  conversions: [COUNT, 'the sessions that converted'],
  latencyP99Ms: [MILLISECONDS, "the run's 99th-percentile latency"],
  latencyP95Ms: [MILLISECONDS, "the run's 95th-percentile latency"],
  latencyMeanMs: [MILLISECONDS, "the run's mean latency"],
  abLift: [FRACTION, "the A/B test's relative lift of B over A, as a fraction (-0.3 is 30% worse); ab-test runs only"],
  abPValue: [PROBABILITY, "the A/B test's p-value (always-valid for the sequential method); ab-test runs only"],
  abSamples: [COUNT, 'the users in both arms of the A/B test; ab-test runs only'],
};

/** What one fault cost the run (see `FaultCost`). */
const FAULT_METRICS: Record<FaultMetric, string> = {
  failedRequests: 'the requests that failed because of the fault (errors and 503s)',
  usersAffected: 'the users who saw at least one of those failures',
  corruptedWrites: 'the writes the fault corrupted',
  duplicatedWrites: 'the writes duplicated by mirroring while the fault was active',
};

type BoundsShape<M extends string> = { [K in M]: ReturnType<typeof bounds> };

/** metric → its optional bounds field, e.g. `usersAffected: { max: 500 }`. */
export const runBounds = Object.fromEntries(
  Object.entries(RUN_METRICS).map(([metric, [unit, what]]) => [metric, bounds(unit, `Bounds on ${what}.`)]),
) as BoundsShape<RunMetric>;

export const faultBounds = Object.fromEntries(Object.entries(FAULT_METRICS).map(([metric, what]) => [metric, bounds(COUNT, `Bounds on ${what}.`)])) as BoundsShape<FaultMetric>;

// The `expect:` section: per run label, what `sim check` verifies in every seed it runs — the
// outcome, bounds on run totals, the A/B winner, and what each fault may cost.
import { z } from 'zod';
import { closed } from '../closed';
import { rule } from '../knobs/rules';
import { describeValue, oneOfMessage, whenPresent } from '../messages';
import type { RunExpectation, RunOutcome } from '../types';
import { faultBounds, runBounds } from './bounds';

const OUTCOMES = ['promoted', 'rolled-back', 'paused', 'incomplete', 'steady'] as const satisfies readonly RunOutcome[];
const _outcomes: (o: RunOutcome) => (typeof OUTCOMES)[number] = (o) => o; // every outcome is listed
void _outcomes;

const outcomeValue = z.enum(OUTCOMES);
const outcome = z
  .union([outcomeValue, z.array(outcomeValue).min(1)], {
    error: whenPresent((input) => (typeof input === 'string' ? oneOfMessage(OUTCOMES, input) : `expected an outcome or a list of them (${OUTCOMES.join(', ')}), got ${describeValue(input)}`)),
  })
  .transform((o): RunOutcome[] => (Array.isArray(o) ? o : [o]))
  .describe(`The run's outcome, or a list of acceptable ones: ${OUTCOMES.join(', ')}.`);

const faultCost = closed(faultBounds, 'Bounds on what this fault cost the run.').check(
  rule((f, report) => Object.values(f).every((b) => b === undefined) && report(`give at least one of ${Object.keys(faultBounds).join(', ')}`)),
);

const run = closed(
  {
    outcome: outcome.optional(),
    ...runBounds,
    abWinner: z.enum(['A', 'B', 'none']).describe('The A/B test’s decision: A, B, or none (no winner). ab-test runs only.').optional(),
    fault: z.record(z.string(), faultCost).describe('Fault label → bounds on what that fault cost the run, e.g. { outage: { failedRequests: { max: 100 } } }.').optional(),
  },
  'What this run must show in every seed checked: outcome, bounds ({ min, max }) on its totals, the A/B winner, fault costs.',
)
  .check(rule((e, report) => Object.values(e).every((v) => v === undefined) && report('an empty expectation checks nothing; give an outcome, a bound such as usersAffected: { max: 500 }, abWinner or fault')))
  .transform(({ outcome: outcomes, abWinner, fault, ...bounds }): RunExpectation => ({
    ...(outcomes !== undefined && { outcome: outcomes }),
    bounds,
    ...(abWinner !== undefined && { abWinner }),
    faults: fault ?? {},
  }));

export const expectSchema = z
  .record(z.string(), run)
  .describe('Per run label (of compare), what `sim check` verifies across seeds, e.g. canary: { outcome: rolled-back, usersAffected: { max: 500 } }.');

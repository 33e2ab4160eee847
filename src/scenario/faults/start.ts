// The fields every fault has: a label, a start (a time, or a rollout phase) and a duration; and the
// rule that a fault starts in one way only.
import { z } from 'zod';
import type { FaultStart } from '../../world/faults/types';
import { closed } from '../closed';
import { duration, percent } from '../fields';
import { exactlyOne, type Report } from '../knobs/rules';

const phase = closed(
  {
    weightAtLeast: percent('Once the new version gets at least this share of traffic.').optional(),
    state: z.string().min(1).describe("Once the pattern's statechart enters a state of this name, e.g. promoting (each pattern has its own states).").optional(),
  },
  'A rollout phase: weightAtLeast (a share of traffic) or state (a state name).',
)
  .meta({ minProperties: 1, maxProperties: 1 }) // exactly one key, for editors too
  .check(exactlyOne(['weightAtLeast', 'state'], 'when', 'a fault starts on one phase'))
  .transform((w): FaultStart => (w.weightAtLeast !== undefined ? { weightAtLeast: w.weightAtLeast } : { state: w.state as string }));

const START_DEFAULT = 'With neither, the fault starts with the rollout (rollout.at), or at 0 without a rollout.';

/** The fields shared by every fault kind; a kind may replace one (instance-loss: its duration). */
export const COMMON = {
  label: z.string().min(1).describe('Name of this fault in reports and in expect; unique among faults. Default: the kind.').optional(),
  at: duration(`When the fault starts; before the end of the run. Give at or when, not both. ${START_DEFAULT}`).optional(),
  when: phase.describe(`Start the fault on a rollout phase instead of a time: { weightAtLeast: 40% } or { state: promoting }. Give at or when, not both. ${START_DEFAULT}`).optional(),
  duration: duration('How long the fault lasts. Default: until the end of the run.', { above: 0 }).optional(),
};

/** The fields of COMMON that decide the start, as parsed. */
interface Timing {
  kind: string;
  at?: number;
  when?: FaultStart;
}

/** `at` and `when` exclude each other; a traffic spike must start at a time. */
export function startRule(f: Timing, report: Report): void {
  if (f.at !== undefined && f.when !== undefined) {
    report('a fault starts either at a time ("at") or on a rollout phase ("when"), not both; remove one', ['when']);
  } else if (f.kind === 'traffic-spike' && f.when !== undefined) {
    report(
      'a traffic spike starts at a time ("at"), not on a rollout phase: it changes arrivals, which must be the same in every compared run, so it cannot depend on a pattern\'s phase',
      ['when'],
    );
  }
}

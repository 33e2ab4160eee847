// A learner's act in the sandbox: an event at a simulated time, added to the scenario's own. The
// run with a list of acts is the scenario re-simulated from its seed with them: deterministic, and
// reproducible from the list alone (which is what a shared link carries).
import type { FlagRuleOptions } from '../../patterns/options';
import type { FaultKind } from '../../world/faults/types';

/** What a human at the console can ask of a rollout. */
export type GateEvent = 'PROMOTE' | 'PAUSE' | 'RESUME' | 'ABORT';

export type Act =
  /** a fault from the palette, in every run at once; params by FAULT_PARAMS, null when left out */
  | { type: 'fault'; t: number; kind: FaultKind; duration: number | null; params: Record<string, string | number | null> }
  /** a human gate: one run (by its index in compare order), or every run */
  | { type: 'gate'; t: number; event: GateEvent; run: number | null }
  /** the flag console of one run: a new rollout share (0 to 1), or the kill switch */
  | { type: 'flag'; t: number; run: number; rollout: number }
  | { type: 'kill-switch'; t: number; run: number }
  /** the flag console of one run: a targeting rule added (it comes first) or taken off */
  | { type: 'rule'; t: number; run: number; change: 'add' | 'remove'; rule: FlagRuleOptions }
  /** one instance of one run dies: the learner clicked it in that run's fleet */
  | { type: 'kill'; t: number; run: number; instance: number };

export const GATE_EVENTS: GateEvent[] = ['PROMOTE', 'PAUSE', 'RESUME', 'ABORT'];

/** At most this many acts in a story: a link stays short, and a hostile one cannot make the run huge. */
export const MAX_ACTS = 40;

// Which human gates a run's statechart takes right now, read from the machine's own transitions:
// the buttons offered are exactly the events its active states listen to, and a run "waits for
// you" when nothing but a human can move it on (an indefinite pause, a promotion left to a person).
import type { GateEvent } from '../runtime/acts/act';
import { GATE_EVENTS } from '../runtime/acts/act';
import type { MachineGraph } from '../runtime/stream';
import { countAtOrBefore } from './sortedSearch';
import type { Timeline } from './timeline';

/** The active leaves and every ancestor: a transition on an ancestor applies to its children. */
function activeNodes(active: string[]): Set<string> {
  const nodes = new Set<string>();
  for (const path of active) {
    const parts = path.split('.');
    for (let k = 1; k <= parts.length; k++) nodes.add(parts.slice(0, k).join('.'));
  }
  return nodes;
}

export interface Gates {
  /** the human events the active states take */
  accepted: GateEvent[];
  /** only a human moves the run on: no delay, no eventless transition, no analysis running out of it */
  waiting: boolean;
}

export function gatesOf(graph: MachineGraph, active: string[]): Gates {
  const nodes = activeNodes(active);
  const from = graph.transitions.filter((t) => nodes.has(t.source));
  const accepted = GATE_EVENTS.filter((e) => from.some((t) => t.event === e));
  const automatic = from.some((t) => t.event.startsWith('after ') || t.event === 'always' || t.event.startsWith('analysis.') || t.event === 'fleet.changed');
  const final = active.length > 0 && active.every((path) => graph.states.find((s) => s.path === path)?.type === 'final');
  return { accepted: final ? [] : accepted, waiting: !final && accepted.length > 0 && !automatic };
}

/** The active state paths of run r at time t (as the panel's statechart shows them). */
export function activeAt(timeline: Timeline, r: number, t: number): string[] {
  const run = timeline.runs[r];
  const steps = countAtOrBefore(run.steps, t, (s) => s.t);
  return steps > 0 ? run.steps[steps - 1].to : (run.initialState ?? []);
}

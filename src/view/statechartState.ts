// What is lit on a drawn statechart: the active states (with their containers) and the arrow of
// the last transition, found from the runtime's step (leaf paths and a raw event type).
import type { MachineStep } from '../runtime/stream';
import type { EdgeShape } from './statechartEdges';
import { eventName } from './statechartText';
import type { MachineGraph } from '../runtime/stream';

const within = (path: string, ancestor: string) => path === ancestor || ancestor === '' || path.startsWith(ancestor + '.');

/** Every active leaf with all its ancestors (the root "" excluded). */
export function activePaths(active: string[]): Set<string> {
  const lit = new Set<string>();
  for (const leaf of active) {
    const parts = leaf.split('.');
    for (let k = 1; k <= parts.length; k++) lit.add(parts.slice(0, k).join('.'));
  }
  return lit;
}

/**
 * The arrow the step went along: its source must contain a state the step left; among those, the
 * one with the step's event and a target containing a state it entered wins. A step through a
 * transient state (aborted → rolledBack at once) still finds its first arrow by its event.
 */
export function edgeOfStep(graph: MachineGraph, edges: EdgeShape[], step: MachineStep | undefined): EdgeShape | undefined {
  if (!step) return undefined;
  const event = eventName(step.event);
  let best: EdgeShape | undefined;
  let bestScore = 0;
  for (const edge of edges) {
    if (!step.from.some((f) => within(f, edge.source))) continue;
    const eventMatches = edge.transitions.some((i) => {
      const e = eventName(graph.transitions[i].event);
      return e === event || (e === 'always' && event === 'fleet.changed');
    });
    const targetMatches = step.to.some((t) => within(t, edge.target));
    const score = (eventMatches ? 2 : 0) + (targetMatches ? 1 : 0);
    if (score > bestScore || (score === bestScore && best && edge.source.length > best.source.length && score > 0)) {
      best = edge;
      bestScore = score;
    }
  }
  return best;
}

/** "progressing → aborted on analysis.failed": the caption of the last transition. */
export function describeStep(step: MachineStep): string {
  const names = (paths: string[]) => paths.map((p) => p.split('.').pop() || '(start)').join(', ');
  if (step.from.length === 0) return `started in ${names(step.to)}`;
  return `${names(step.from)} → ${names(step.to)} on ${eventName(step.event)}`;
}

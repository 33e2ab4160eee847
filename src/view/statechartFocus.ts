// A statechart seen from where the run is, for a panel too small to draw the whole machine
// readably: the active state with the compound states it sits in, the last transition (from which
// state, on which event, when), and every transition that can leave the active state now — its
// own, then its containers' (in XState a child's transitions are tried before its parent's), each
// target once with all the events that lead there from any of them. Read from the MachineGraph, that is from the
// XState definition: nothing here knows a pattern by name.
import type { MachineGraph, MachineStep } from '../runtime/stream';
import { eventName, transitionLabel } from './statechartText';

type GraphState = MachineGraph['states'][number];

export interface FocusState {
  path: string;
  key: string;
  final: boolean;
}

export interface FocusExit {
  /** the states the transitions leave: the active leaf or its containers, innermost first */
  sources: string[];
  target: FocusState;
  /** "event [guard]" of every transition from those sources to `target`, without repeats */
  labels: string[];
}

export interface FocusRegion {
  /** the containers' keys from the outermost down (the root excluded) */
  containers: string[];
  leaf: FocusState;
}

export interface StatechartFocus {
  /** one per active leaf: one, or one per region of a parallel state */
  regions: FocusRegion[];
  /** the keys every region shares at the top, e.g. ["promoting"] for two regions of promoting */
  sharedContainers: string[];
  exits: FocusExit[];
  last?: { from: FocusState[]; cause: string; t: number };
  /** the paths of the states next to the active one: where the last step came from, where it can go */
  neighbours: Set<string>;
}

const parentsOf = (path: string): string[] => {
  const parts = path.split('.');
  return parts.slice(1).map((_, k) => parts.slice(0, k + 1).join('.'));
};

function stateOf(byPath: Map<string, GraphState>, path: string): FocusState {
  const s = byPath.get(path);
  return { path, key: s?.key ?? (path.split('.').pop() || path), final: s?.type === 'final' };
}

export function statechartFocus(graph: MachineGraph, active: string[], lastStep?: MachineStep): StatechartFocus {
  const byPath = new Map(graph.states.map((s) => [s.path, s]));
  const regions = active.map((leaf) => ({ containers: parentsOf(leaf).map((p) => byPath.get(p)?.key ?? p), leaf: stateOf(byPath, leaf) }));
  const sharedContainers: string[] = [];
  for (const key of regions[0]?.containers ?? []) {
    if (!regions.every((r) => r.containers[sharedContainers.length] === key)) break;
    sharedContainers.push(key);
  }

  // The active leaves first, then their containers from the innermost out, each once.
  const sources = [...new Set([...active, ...active.flatMap((leaf) => parentsOf(leaf).reverse())])].sort((a, b) => b.split('.').length - a.split('.').length);
  const exits: FocusExit[] = [];
  for (const source of sources) {
    for (const t of graph.transitions) {
      if (t.source !== source) continue;
      for (const target of t.targets) {
        // self and internal transitions stay where the run is: nothing comes next
        if (target === source || active.some((leaf) => leaf === target)) continue;
        let exit = exits.find((e) => e.target.path === target);
        if (!exit) exits.push((exit = { sources: [], target: stateOf(byPath, target), labels: [] }));
        if (!exit.sources.includes(source)) exit.sources.push(source);
        const label = transitionLabel(t);
        if (!exit.labels.includes(label)) exit.labels.push(label);
      }
    }
  }

  const last = lastStep && lastStep.from.length > 0 ? { from: lastStep.from.map((p) => stateOf(byPath, p)), cause: eventName(lastStep.event), t: lastStep.t } : undefined;
  const neighbours = new Set([...(last?.from.map((s) => s.path) ?? []), ...exits.map((e) => e.target.path)].filter((p) => !active.includes(p)));
  return { regions, sharedContainers, exits, last, neighbours };
}

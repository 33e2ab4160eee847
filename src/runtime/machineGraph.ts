// A statechart as data for drawing, read from the XState machine definition itself through its
// public StateNode API: states (with their type and initial child) and transitions (with their
// event, targets and guard's name). What the page draws is therefore the machine that runs.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { MachineGraph } from './stream';

type Transition = MachineGraph['transitions'][number];

/** The shape of XState's transition definitions that matters here. */
interface TransitionLike {
  eventType: string;
  target?: readonly AnyStateNode[];
  guard?: unknown;
}

const pathOf = (node: AnyStateNode) => node.path.join('.');

export function describeMachine(machine: AnyStateMachine): MachineGraph {
  const graph: MachineGraph = { id: machine.id, states: [], transitions: [] };
  const visit = (node: AnyStateNode, parent: string | null) => {
    const path = pathOf(node);
    const initial = node.type === 'compound' ? (node.initial?.target?.[0]?.key ?? null) : null;
    graph.states.push({ path, key: node.key, parent, type: node.type, initial });
    graph.transitions.push(...transitionsOf(node));
    for (const child of Object.values(node.states)) visit(child, path);
  };
  visit(machine.root, null);
  return graph;
}

function transitionsOf(node: AnyStateNode): Transition[] {
  const source = pathOf(node);
  // Delayed transitions are kept among `transitions` under a generated event type; name them by delay.
  const delays = new Map<string, string>(node.after.map((a) => [a.eventType, `after ${String(a.delay)}`]));
  const out: Transition[] = [];
  const add = (event: string, t: TransitionLike) =>
    out.push({ source, targets: (t.target ?? []).map(pathOf), event, guard: guardName(t.guard) });
  for (const [eventType, list] of node.transitions) {
    for (const t of list as TransitionLike[]) add(delays.get(eventType) ?? eventType, t);
  }
  for (const t of (node.always ?? []) as TransitionLike[]) add('always', t);
  return out;
}

/** XState's guard helpers, said as a reader of code would: not(a) → !a, and([a, b]) → a && b. */
const COMBINED: Record<string, (names: string[]) => string> = {
  not: (names) => `!${names[0]}`,
  and: (names) => names.join(' && '),
  or: (names) => names.join(' || '),
};

/**
 * A guard's name: 'noMoreSteps', 'fleetReady(stable)' for a platform guard with a fixed version,
 * '!hasAnalysis' for XState's not('hasAnalysis') (and, or alike).
 */
function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === 'function' && guard.name in COMBINED && Array.isArray((guard as { guards?: unknown }).guards)) {
    return COMBINED[guard.name]((guard as unknown as { guards: unknown[] }).guards.map((g) => guardName(g) ?? 'guard'));
  }
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    const version = params && typeof params === 'object' && 'version' in params ? (params as { version: unknown }).version : null;
    return typeof version === 'string' ? `${String(type)}(${version})` : String(type);
  }
  if (typeof guard === 'function') return guard.name || 'inline guard';
  return 'guard';
}

// Walks a pattern's statechart with `xstate/graph` over a real world, and measures what was covered.
// The traversal runs guards and built-in `assign` actions but never custom actions, so the world
// stays as prepared: each walk sees one world, and a machine is walked over several worlds.
import {
  createActor,
  fromTransition,
  type AnyActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
  type AnyTransitionDefinition,
  type EventObject,
} from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getStateNodes, type AdjacencyMap } from 'xstate/graph';
import type { Verdict } from '../../src/judges/types';
import type { AnalysisEvent } from '../../src/patterns/analysisActor';
import { Platform } from '../../src/patterns/platform';
import { PATTERNS } from '../../src/patterns/registry';
import type { CompareEntry } from '../../src/scenario/types';
import { measuredWorld } from '../../src/metrics/measuredWorld';
import { scenario } from '../support/scenarios';

/** A rollout v1 → v2 at 2 min, with light traffic: the worlds here run for minutes, not the judges. */
export const rolloutScenario = scenario({ duration: 3600, traffic: { rps: 20, shape: { kind: 'constant' } }, rollout: { from: 'v1', to: 'v2', at: 120 } });
/** How long a fleet change takes before the runtime reports it (longer than rolling's progressDeadline). */
const CHANGE_SECONDS = 900;

/**
 * A world when the rollout starts: which versions have their full fleet ready (since t=0), what the
 * recorder has counted per version (A/B), and which version, if any, is then scaled up or away.
 */
export interface WorldShape {
  name: string;
  stable: boolean;
  candidate: boolean;
  then?: 'stable' | 'candidate';
  users?: { exposed: [number, number]; converted: [number, number] };
}

export interface PreparedWorld {
  /** the machine's input, as `startPattern` builds it */
  input: { platform: Platform; options: CompareEntry['options']; label: string };
  /** scales `shape.then` up (or away) as a controller would, and lets the world run until that is done */
  change: () => void;
}

export function prepareWorld(entry: CompareEntry, shape: WorldShape): PreparedWorld {
  const world = measuredWorld(rolloutScenario, { seed: 1, bucketSeconds: 10, eventBudget: 1e9 });
  const platform = new Platform(world, rolloutScenario, entry.label);
  const n = platform.instances;
  const { prepare } = PATTERNS[entry.pattern];
  if (prepare) prepare(platform, entry.options as never); // its own pre-rollout fleet (feature toggle: v2 everywhere)
  else if (shape.stable) world.provision(platform.stable, n);
  if (shape.candidate) for (let k = 0; k < n; k++) world.fleet.launch(platform.candidate, 0, true);
  world.runUntil(platform.rolloutAt); // instances ready for 2 min: past any minReadySeconds
  if (shape.users) {
    const { usersExposed, usersConverted } = world.recorder;
    [usersExposed[platform.stable], usersExposed[platform.candidate]] = shape.users.exposed;
    [usersConverted[platform.stable], usersConverted[platform.candidate]] = shape.users.converted;
  }
  const change = () => {
    if (!shape.then) return;
    const v = shape.then === 'stable' ? platform.stable : platform.candidate;
    platform.scaleTo(v, platform.live(v) > 0 ? 0 : n);
    world.runUntil(platform.now + CHANGE_SECONDS);
  };
  return { input: { platform, options: entry.options, label: entry.label }, change };
}

const verdict = (v: Verdict['verdict'], samples: number, text: string): Verdict => ({ verdict: v, metrics: [], samples, text });
/** Analysis reports as the analysis actor sends them. */
const PAYLOADS: Record<AnalysisEvent['type'], AnalysisEvent> = {
  'analysis.check': { type: 'analysis.check', verdict: verdict('pass', 1204, 'error rate 0.2% ≤ 1% (n=1,204)'), failedChecks: 0, checks: 1 },
  'analysis.failed': { type: 'analysis.failed', verdict: verdict('fail', 1204, 'error rate 4.2% > 1% (n=1,204)'), failedChecks: 1, failureLimit: 0 },
  'analysis.inconclusive': { type: 'analysis.inconclusive', verdict: verdict('inconclusive', 42, 'only 42 requests < minSamples 100'), minSamples: 100 },
  'analysis.passed': { type: 'analysis.passed', verdict: verdict('pass', 1204, 'error rate 0.2% ≤ 1% (n=1,204)'), checks: 3 },
};

/** Done events are raised by the machine itself when a compound state completes: never sent from outside. */
const isInternal = (type: string) => type.startsWith('xstate.done.');

/** Every event type some state node handles (delayed `xstate.after.*` events included), with payloads. */
export function offeredEvents(machine: AnyStateMachine): EventObject[] {
  const types = new Set(getStateNodes(machine.root).flatMap((node) => [...node.transitions.keys()]));
  return [...types].filter((type) => !isInternal(type)).map((type) => PAYLOADS[type as AnalysisEvent['type']] ?? { type });
}

/** The state value plus the context's scalar fields: never the platform or the options. */
export function serializeState(snapshot: AnyMachineSnapshot): string {
  const scalars = Object.entries(snapshot.context ?? {}).filter(([, v]) => v === null || ['number', 'string', 'boolean'].includes(typeof v));
  return JSON.stringify(snapshot.value) + JSON.stringify(Object.fromEntries(scalars));
}

export interface Walk {
  /** ids of every state node active in some snapshot, transient ones (left by `always` at once) included */
  visited: Set<string>;
  /** every transition definition taken on some edge, with its targets active right after it */
  taken: Set<AnyTransitionDefinition>;
}

/**
 * Walks every snapshot reachable with `events`, then replays each edge in a scope that inspects its
 * microsteps: which transitions were taken (eventless and done ones too) and what was entered on the way.
 * Then the fleet changes while the machine waits in any of those snapshots, and `fleet.changed` arrives.
 */
export function walk(machine: AnyStateMachine, { input, change }: PreparedWorld, events: EventObject[], limit = 100_000): Walk {
  const adjacency: AdjacencyMap<AnyMachineSnapshot, EventObject> = getAdjacencyMap(machine, { input, events, serializeState, limit });
  const visited = new Set<string>();
  const taken = new Set<AnyTransitionDefinition>();
  const see = (s: AnyMachineSnapshot) => s._nodes.forEach((n: AnyStateNode) => visited.add(n.id));
  const scope = inspectingScope((transitions, after) => {
    see(after);
    for (const t of transitions) if ((t.target ?? []).every((n: AnyStateNode) => after._nodes.includes(n))) taken.add(t);
  });
  const settled = Object.values(adjacency).map((v) => v.state);
  settled.forEach(see);
  for (const { state, event } of adjacencyMapToArray(adjacency)) machine.transition(state, event, scope);
  change();
  for (const state of settled) machine.transition(state, { type: 'fleet.changed' }, scope);
  return { visited, taken };
}

/** A mock actor scope, like the traversal's own (no action is executed), that reports each microstep. */
function inspectingScope(onMicrostep: (transitions: AnyTransitionDefinition[], after: AnyMachineSnapshot) => void): AnyActorScope {
  const probe = createActor(fromTransition((s: null) => s, null), {
    inspect: (e) => {
      if (e.type === '@xstate.microstep') onMicrostep(e._transitions, e.snapshot as AnyMachineSnapshot);
    },
  });
  const noop = () => {};
  return { self: probe, id: '', sessionId: 'graph', logger: noop, defer: noop, system: probe.system, stopChild: noop, emit: noop, actionExecutor: noop } as unknown as AnyActorScope;
}

export interface TransitionRow {
  node: string;
  event: string;
  targets: string[];
  index: number;
  t: AnyTransitionDefinition;
}

/** Every transition definition of the machine, by source node, event type and position. */
export function transitionsOf(machine: AnyStateMachine, { always }: { always: boolean }): TransitionRow[] {
  return getStateNodes(machine.root).flatMap((node) => {
    const byEvent: [string, AnyTransitionDefinition[]][] = always ? [['(always)', node.always ?? []]] : [...node.transitions];
    return byEvent.flatMap(([event, defs]) =>
      defs.map((t, index) => ({ node: node.id, event, index, t, targets: (t.target ?? []).map((n: AnyStateNode) => n.id) })),
    );
  });
}

export const describeRow = (r: TransitionRow) => `${r.node} --${r.event}${r.index ? `[${r.index}]` : ''}--> ${r.targets.join(', ') || '(no target)'}`;

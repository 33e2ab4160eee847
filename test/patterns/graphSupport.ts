// Walks a pattern's statechart with `xstate/graph`, with no world: the platform's guards are
// answered from a few facts about the fleet (which versions are up, whether the progress deadline
// has passed), and the platform's actions do nothing. A machine is walked over several sets of facts.
import { createActor, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type AnyTransitionDefinition, type EventObject } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getStateNodes, type AdjacencyMap } from 'xstate/graph';
import type { Verdict } from '../../src/judges/types';
import type { AnalysisEvent } from '../../src/patterns/analysis';
import type { ExperimentReading } from '../../src/patterns/abTest';
import type { PatternInput } from '../../src/patterns/common';
import type { ScaleParams, VersionRef } from '../../src/patterns/vocabulary';
import type { CompareEntry } from '../../src/index';

/**
 * The fleet when the rollout starts: which versions are up (all instances ready), and which one, if
 * any, is then scaled up or away while the machine waits (long enough for any progress deadline).
 */
export interface FleetFacts {
  name: string;
  stable: boolean;
  candidate: boolean;
  then?: 'stable' | 'candidate';
  /** a few of the candidate's instances are ready: a fixed count below the fleet (a small preview) is met */
  candidateFew?: boolean;
}

/** The rollout v1 → v2, as the tests' scenarios name it. */
const SIDES: Record<string, 'stable' | 'candidate'> = { v1: 'stable', v2: 'candidate' };
const sideOf = (v: VersionRef) => (typeof v === 'string' ? v : SIDES[v.name]);

export interface Worldless {
  machine: AnyStateMachine;
  input: PatternInput<CompareEntry['options']>;
  /** scales `facts.then` up (or away) and lets the progress deadline pass */
  change: () => void;
}

/** A fixed count of instances below the fleet's size (`{ share: 0, min: 2 }` of 4). */
const few = (p: ScaleParams) => p.share === 0 && p.min !== undefined && p.min < FLEET_SIZE;
const FLEET_SIZE = 4;

/** The machine with the platform's guards answered from `facts`, which `change` then changes. */
export function worldless(machine: AnyStateMachine, entry: CompareEntry, facts: FleetFacts): Worldless {
  const up = { stable: facts.stable, candidate: facts.candidate };
  let deadlinePassed = false;
  const guards = {
    fleetReady: (_: unknown, p: ScaleParams) => up[sideOf(p.version)] || (few(p) && facts.candidateFew === true && sideOf(p.version) === 'candidate'),
    fleetGone: (_: unknown, p: { version: VersionRef }) => !up[sideOf(p.version)],
    fleetReplaced: (_: unknown, p: { target: VersionRef; source: VersionRef }) => up[sideOf(p.target)] && !up[sideOf(p.source)],
    deadlinePassed: () => deadlinePassed,
  };
  const change = () => {
    if (facts.then) up[facts.then] = !up[facts.then];
    deadlinePassed = true;
  };
  const input = { options: entry.options, label: entry.label, versions: { stable: 'v1', candidate: 'v2' }, instances: FLEET_SIZE };
  return { machine: machine.provide({ guards }), input, change };
}

const verdict = (v: Verdict['verdict'], samples: number, text: string): Verdict => ({ verdict: v, metrics: [], samples, text });
/** Analysis reports as the analysis run sends them. */
const ANALYSIS: Record<AnalysisEvent['type'], AnalysisEvent> = {
  'analysis.check': { type: 'analysis.check', verdict: verdict('pass', 1204, 'error rate 0.2% ≤ 1% (n=1,204)'), failedChecks: 0, checks: 1 },
  'analysis.failed': { type: 'analysis.failed', verdict: verdict('fail', 1204, 'error rate 4.2% > 1% (n=1,204)'), failedChecks: 1, failureLimit: 0 },
  'analysis.inconclusive': { type: 'analysis.inconclusive', verdict: verdict('inconclusive', 42, 'only 42 requests < minSamples 100'), minSamples: 100 },
  'analysis.passed': { type: 'analysis.passed', verdict: verdict('pass', 1204, 'error rate 0.2% ≤ 1% (n=1,204)'), checks: 3 },
};

/** Users counted per variant, as the platform reads an experiment: every verdict the A/B test can reach. */
const reading = (exposed: [number, number], converted: [number, number]): ExperimentReading => ({
  t: 600,
  a: { users: exposed[0], converters: converted[0] },
  b: { users: exposed[1], converters: converted[1] },
  baselineRate: 0.03,
});
export const EXPERIMENT_READINGS: Record<string, ExperimentReading> = {
  'B wins': reading([5000, 5000], [150, 250]),
  'A wins': reading([5000, 5000], [250, 150]),
  'sample ratio mismatch': reading([6000, 4000], [180, 120]),
  'no difference at the horizon': reading([5000, 5000], [150, 150]),
  'before the horizon': reading([500, 500], [15, 15]),
};

/** Done events are raised by the machine itself when a compound state completes: never sent from outside. */
const isInternal = (type: string) => type.startsWith('xstate.done.');

/** Every event type some state node handles (delayed `xstate.after.*` events included), with payloads. */
export function offeredEvents(machine: AnyStateMachine): EventObject[] {
  const types = new Set(getStateNodes(machine.root).flatMap((node) => [...node.transitions.keys()]));
  return [...types].filter((type) => !isInternal(type)).flatMap((type): EventObject[] => {
    if (type.startsWith('experiment.')) return Object.values(EXPERIMENT_READINGS).map((r) => ({ type, ...r }));
    // a background run's end and an inline analysis step's (only the step's moves a step on)
    if (type === 'analysis.passed') return [ANALYSIS[type], { ...ANALYSIS[type], step: true } as AnalysisEvent];
    return [ANALYSIS[type as AnalysisEvent['type']] ?? { type }];
  });
}

/** The A/B test's verdict counts as state (its guards read it); its running look count does not. */
export function serializeState(snapshot: AnyMachineSnapshot): string {
  const { looks: _, ...context } = (snapshot.context ?? {}) as Record<string, unknown>;
  const scalars = Object.entries(context).filter(([, v]) => v === null || ['number', 'string', 'boolean'].includes(typeof v));
  const verdict = context.verdict as { winner?: unknown; srm?: unknown } | null | undefined;
  return JSON.stringify(snapshot.value) + JSON.stringify(Object.fromEntries(scalars)) + JSON.stringify(verdict ? [verdict.winner, verdict.srm] : null);
}

/** The ids of every state node a state value makes active, ancestors included. */
export function activeIds(machine: AnyStateMachine, value: unknown, prefix = machine.id): string[] {
  if (typeof value === 'string') return [`${prefix}.${value}`];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}.${key}`, ...activeIds(machine, child, `${prefix}.${key}`)]);
}

export interface Walk {
  /** ids of every state node active in some snapshot, transient ones (left by `always` at once) included */
  visited: Set<string>;
  /** every transition taken on some edge, with its targets active right after it (by `transitionKey`) */
  taken: Set<string>;
}

/** A clock that never fires: delayed events are offered by the walk itself. */
const stoppedClock = { setTimeout: () => 0, clearTimeout: () => {} };

/**
 * Walks every snapshot reachable with `events`, then replays each edge on an actor restored from its
 * snapshot, inspecting its microsteps: which transitions were taken (eventless and done ones too)
 * and what was entered on the way. Then the fleet changes while the machine waits in any of those
 * snapshots, and `fleet.changed` arrives.
 */
export function walk({ machine, input, change }: Worldless, events: EventObject[], limit = 100_000): Walk {
  const adjacency: AdjacencyMap<AnyMachineSnapshot, EventObject> = getAdjacencyMap(machine, { input, events, serializeState, limit });
  const visited = new Set<string>();
  const taken = new Set<string>();
  const see = (value: unknown) => activeIds(machine, value).forEach((id) => visited.add(id));
  const replay = (state: AnyMachineSnapshot, event: EventObject) => {
    if (state.status !== 'active') return; // a final state hears nothing
    const actor = createActor(machine, {
      snapshot: machine.getPersistedSnapshot(state),
      input,
      clock: stoppedClock,
      inspect: (e) => {
        if (e.type !== '@xstate.microstep' || e.actorRef !== actor) return;
        const after = e.snapshot as AnyMachineSnapshot;
        see(after.value);
        const active = new Set(activeIds(machine, after.value));
        for (const t of e._transitions) if ((t.target ?? []).every((n: AnyStateNode) => active.has(n.id))) taken.add(transitionKey(t));
      },
    });
    actor.start();
    actor.send(event);
    actor.stop();
  };
  const settled = Object.values(adjacency).map((v) => v.state);
  settled.forEach((s) => see(s.value));
  for (const { state, event } of adjacencyMapToArray(adjacency)) replay(state, event);
  change();
  for (const state of settled) replay(state, { type: 'fleet.changed' });
  return { visited, taken };
}

/**
 * A transition by its source node, event and position: the same in the machine and in the copies
 * `machine.provide` makes, whose transition objects differ.
 */
export function transitionKey(t: AnyTransitionDefinition): string {
  const source = t.source as AnyStateNode;
  const always = (source.always ?? []).includes(t);
  const list: AnyTransitionDefinition[] = always ? source.always! : (source.transitions.get(t.eventType) ?? []);
  return `${source.id} ${always ? '(always)' : t.eventType} ${list.indexOf(t)}`;
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

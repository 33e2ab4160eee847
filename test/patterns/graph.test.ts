// `xstate/graph` walks every state and transition of every pattern's statechart, with no world: its
// own guards are real, the platform's are answered from facts about the fleet. See graphSupport.ts
// for how one walk is made and measured. Nothing is excluded: every state node, every transition on
// an event (delayed and done events included) and every eventless one is taken in some walk, with its
// targets active right after it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { PATTERNS } from '../../src/patterns/registry';
import type { CompareEntry, PatternName } from '../../src/index';
import type { AnalysisOptions } from '../../src/patterns/options';
import { allPatterns } from '../support/compare';
import { describeRow, offeredEvents, transitionKey, transitionsOf, walk, worldless, type FleetFacts, type Walk } from './graphSupport';

/**
 * Fleets as they can be when a state is entered — before, during and after a rollout — each then
 * changing one version (scaled up, or away) while the machine waits: guards on ready counts see all.
 */
const FLEETS = [
  { name: 'stable only', stable: true, candidate: false },
  { name: 'both ready', stable: true, candidate: true },
  { name: 'candidate only', stable: false, candidate: true },
  { name: 'nothing ready', stable: false, candidate: false },
  { name: 'stable and a few candidates ready', stable: true, candidate: false, candidateFew: true },
];
const SHAPES: FleetFacts[] = FLEETS.flatMap((fleet) =>
  (['stable', 'candidate'] as const).map((then) => ({ ...fleet, name: `${fleet.name}, then ${then} scaled`, then })),
);

const STEP_ANALYSIS: AnalysisOptions = { judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 1, count: 1, errorRate: { max: 0.01 } };

/** Knobs whose branches the typical ones never take: no analysis, pauses that wait for a human, a last stage short of 100%. */
const VARIANTS: Partial<Record<PatternName, CompareEntry['options'] | CompareEntry['options'][]>> = {
  'big-bang': { analysis: undefined },
  'blue-green': [
    { autoPromotionSeconds: null, prePromotionAnalysis: undefined, postPromotionAnalysis: undefined },
    // green kept after an abort, for a while and for good
    { abortScaleDownDelay: 30 },
    { abortScaleDownDelay: null },
    // a small preview stack, scaled up at promotion
    { previewReplicaCount: 2 },
    // Flagger's progress deadline on green's pods
    { progressDeadline: 600 },
  ],
  canary: [
    { steps: [{ setCanaryScale: { weight: 1 } }, { setWeight: 0.1 }, { pause: null }] },
    // Argo's basic canary, a dynamicStableScale one kept after an abort, and Flagger's check-paced steps
    { trafficRouting: false },
    { dynamicStableScale: true, abortScaleDownDelay: null, holdOnFailedCheck: true },
    // an inline analysis step, and a background analysis that starts at step 1
    { steps: [{ setWeight: 0.1 }, { analysis: STEP_ANALYSIS }, { pause: 60 }], analysis: { ...STEP_ANALYSIS, startingStep: 1 } },
    // Flagger's A/B route and mirror steps, and its progress deadline on the canary's pods
    {
      steps: [{ setCanaryScale: { weight: 1 } }, { setMirrorRoute: 0.5 }, { setMirrorRoute: 0 }, { setHeaderRoute: [{ beta: true }] }, { pause: 60 }],
      progressDeadline: 600,
    },
    { steps: [{ setWeight: 0.1 }, { pause: 60 }], progressDeadline: 600 },
  ],
  'feature-toggle': [
    { steps: [{ rollout: 0.05 }, { pause: null }] },
    // scheduled changes instead of steps: a schedule that ends short of 100% (held), and one that releases
    { steps: undefined, schedule: [{ at: 60, rollout: 0.5 }] },
    { steps: undefined, schedule: [{ at: 60, on: true }] },
    // watched after the flag is on for everyone
    { postPromotionAnalysis: STEP_ANALYSIS },
  ],
  'traffic-split': { stages: [{ match: { region: 'eu' }, pause: null }, { weight: 0.5, pause: 300 }] },
};

const FINALS: Record<string, string[]> = {
  none: [],
  'ab-test': ['succeeded', 'rolledBack', 'concluded', 'halted'],
  // A released flag stays a kill switch until the code drops it: `succeeded` can still turn the flag off.
  'feature-toggle': ['rolledBack'],
};

describe.each(allPatterns().map((entry) => [entry.pattern, entry] as const))('%s statechart', (pattern, entry) => {
  const { machine } = PATTERNS[pattern];
  let walks: Walk[];
  const visited = () => new Set(walks.flatMap((w) => [...w.visited]));
  const taken = () => new Set(walks.flatMap((w) => [...w.taken]));

  beforeAll(() => {
    const events = offeredEvents(machine);
    const variants = [VARIANTS[pattern] ?? []].flat();
    const entries = [entry, ...variants.map((v) => ({ ...entry, options: { ...entry.options, ...v } }))];
    walks = entries.flatMap((e) => SHAPES.map((facts) => walk(worldless(machine, e, facts), events)));
  });

  it('holds data only: its context survives a JSON round trip, with no world in it', () => {
    const { input } = worldless(machine, entry, SHAPES[0]);
    const actor = createActor(machine, { input, clock: { setTimeout: () => 0, clearTimeout: () => {} } }).start();
    const context = actor.getSnapshot().context ?? {};
    actor.stop();
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
  });

  it('visits every state node', () => {
    const seen = visited();
    const unvisited = getStateNodes(machine.root).map((n) => n.id).filter((id) => !seen.has(id));
    expect(unvisited, `unvisited state nodes of ${pattern}`).toEqual([]);
  });

  it('takes every transition on an event', () => {
    const done = taken();
    const missing = transitionsOf(machine, { always: false }).filter((r) => !done.has(transitionKey(r.t))).map(describeRow);
    expect(missing, `transitions of ${pattern} never taken`).toEqual([]);
  });

  it('takes every eventless transition', () => {
    const done = taken();
    const missing = transitionsOf(machine, { always: true }).filter((r) => !done.has(transitionKey(r.t))).map(describeRow);
    expect(missing, `eventless transitions of ${pattern} never taken`).toEqual([]);
  });

  it('reaches its final states', () => {
    const seen = visited();
    const finals = (FINALS[pattern] ?? ['succeeded', 'rolledBack']).map((key) => `${machine.id}.${key}`);
    for (const id of finals) expect(machine.getStateNodeById(id).type).toBe('final');
    expect(finals.filter((id) => !seen.has(id)), `final states of ${pattern} never reached`).toEqual([]);
  });
});

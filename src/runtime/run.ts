// Runs a scenario under each compared pattern, from the same seed: the heart of every front end
// (command line, web worker, tests).
import { createActor } from 'xstate';
import type { Scenario, CompareEntry } from '../scenario/types';
import { World } from '../world/world';
import { Platform } from '../patterns/platform';
import { PATTERNS, outcomeOf } from '../patterns/registry';
import { buildRecord, type PatternReport } from './record';
import { scoreDetection } from './detection';
import type { ManualAction, RunOptions, RunRecord, ScenarioResult } from './types';

const DEFAULT_BUCKET = 10;
const DEFAULT_EVENT_BUDGET = 500_000_000;

export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioResult {
  const seed = options.seed ?? scenario.seed;
  return {
    scenario: scenario.title,
    seed,
    durationSeconds: scenario.duration,
    runs: scenario.compare.map((entry) => runOne(scenario, entry, { ...options, seed })),
  };
}

export function runOne(scenario: Scenario, entry: CompareEntry, options: RunOptions = {}): RunRecord {
  const world = new World(scenario, {
    seed: options.seed ?? scenario.seed,
    bucketSeconds: options.seriesBucket ?? DEFAULT_BUCKET,
    eventBudget: options.eventBudget ?? DEFAULT_EVENT_BUDGET,
    inject: options.inject,
  });
  const report = startPattern(world, scenario, entry, options.manual ?? []);
  world.runUntil(scenario.duration);
  return buildRecord(world, entry, report(), options.seriesBucket !== undefined);
}

/** Starts the pattern's statechart on the world's clock; returns how to read its report at the end. */
function startPattern(world: World, scenario: Scenario, entry: CompareEntry, manual: ManualAction[]): () => PatternReport {
  const definition = PATTERNS[entry.pattern];
  if (!definition) throw new Error(`pattern "${entry.pattern}" is not implemented yet`);
  const platform = new Platform(world, scenario, entry.label);
  if (definition.prepare) definition.prepare(platform, entry.options as never);
  else world.provision(platform.stable, scenario.fleet.instances);

  const actor = createActor(definition.machine, {
    input: { platform, options: entry.options, label: entry.label },
    clock: world.engine.actorClock(),
  });
  // A finished statechart (a final state) no longer listens.
  world.onFleetChange = () => actor.getSnapshot().status === 'active' && actor.send({ type: 'fleet.changed' });
  actor.subscribe({
    next: (snapshot) => world.faultSchedule.onStates(stateNames(snapshot.value)),
    error: () => {}, // errors are read from the snapshot at the end, not thrown later
  });
  actor.start();
  for (const action of manual) {
    if (action.label === undefined || action.label === entry.label) {
      world.engine.schedule(action.t, () => actor.getSnapshot().status === 'active' && actor.send({ type: action.event }));
    }
  }

  return () => {
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'error') throw snapshot.error;
    const state = typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value)[0];
    const since = (t: number | null, from: number) => (t === null ? null : round1(t - from));
    const detectedAt = platform.detectedAt;
    const score = scoreDetection(world, scenario, platform.candidate, platform.stable, detectedAt, platform.decisions);
    return {
      outcome: outcomeOf(entry.pattern, state),
      rolloutSeconds: since(platform.fullyRolledOutAt, platform.rolloutAt),
      detectionSeconds: score.detectionSeconds,
      falseAlarm: score.falseAlarm,
      recoverySeconds: detectedAt === null ? null : since(platform.recoveredAt, detectedAt),
      decisions: score.decisions,
      abTest: platform.abTest ?? undefined,
    };
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Every state name active in a statechart value, e.g. {progressing: "StepPause"} → progressing, StepPause. */
function stateNames(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      stateNames(v, into);
    }
  return into;
}

// Runs a scenario under each compared pattern, from the same seed: the heart of every front end
// (command line, web worker, tests).
import type { Scenario, CompareEntry } from '../scenario/types';
import { World } from '../world/world';
import { buildRecord, type PatternReport } from './record';
import type { RunOptions, RunRecord, ScenarioResult } from './types';

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
  });
  const report = startPattern(world, scenario, entry);
  world.runUntil(scenario.duration);
  return buildRecord(world, entry, report(), options.seriesBucket !== undefined);
}

/** Sets the pattern up in the world; returns how to read its report once the run is over. */
function startPattern(world: World, scenario: Scenario, entry: CompareEntry): () => PatternReport {
  const stable = world.versions.indexOf(scenario.rollout?.from ?? scenario.versions[0].name);
  world.provision(stable, scenario.fleet.instances);
  if (entry.pattern !== 'none') throw new Error(`pattern "${entry.pattern}" is not implemented yet`);
  return () => ({ outcome: 'steady', rolloutSeconds: null, detectionSeconds: null, recoverySeconds: null, decisions: [] });
}

// Runs a scenario under each compared pattern, from the same seed: the heart of every front end
// (command line, web worker, tests). A plain run is a session advanced to the end in one slice.
import type { Scenario } from '../scenario/types';
import { ScenarioSession } from './session';
import type { RunOptions, ScenarioResult } from './types';

export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioResult {
  return new ScenarioSession(scenario, options).finish();
}

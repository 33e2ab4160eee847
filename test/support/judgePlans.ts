// The analysis plans of docs/judges/*.yaml, run under many seeds in-process: how often a plan rolls
// back, and how fast. Shared by the statistical tests of the judges' operating characteristics.
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario, type Scenario, type RunRecord } from '../../src/index';

export function loadPlan(name: string): Scenario {
  const file = `docs/judges/${name}.yaml`;
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  return parsed.scenario;
}

/** Each seed's record of the scenario's first run, seeds first…first+count−1. */
export function runSeeds(scenario: Scenario, first: number, count: number): RunRecord[] {
  const one = { ...scenario, compare: scenario.compare.slice(0, 1) };
  return Array.from({ length: count }, (_, k) => runScenario(one, { seed: first + k }).runs[0]);
}

/** The same scenario with its runs' analysis blocks changed. */
export function withAnalysis(scenario: Scenario, change: Record<string, unknown>): Scenario {
  const compare = scenario.compare.map((e) => {
    const options = e.options as { analysis?: object };
    return { ...e, options: { ...options, analysis: { ...options.analysis, ...change } } } as typeof e;
  });
  return { ...scenario, compare };
}

export const share = (runs: RunRecord[], outcome: string) => runs.filter((r) => r.outcome === outcome).length / runs.length;

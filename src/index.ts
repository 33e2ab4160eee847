// The public entry point: read a scenario file, run it, and the types of both. Front ends and tests
// import from here rather than from the rooms' inner files.
export { parseScenario, formatScenarioError, scenarioJsonSchema, type ParseResult, type ScenarioError } from './scenario';
export type { Scenario, ParsedScenario, CompareEntry, PatternName, ScenarioExpectation } from './scenario/types';
export { runScenario } from './runtime/run';
export type { RunRecord, ScenarioResult, RunOptions, ManualAction, Decision, RunSeries, VersionSeries } from './runtime/types';
export type { Fault, FaultKind, FaultCost } from './world/faults/types';

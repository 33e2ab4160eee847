// Public entry point of the scenario module.
export { parseScenario, type ParseResult } from './parse';
export { formatScenarioError, type ScenarioError } from './errors';
export { scenarioJsonSchema } from './schema';
export type * from './types';

// Shared fixtures for the scenario tests.
import { formatScenarioError } from '../../../src/scenario/errors';
import { parseScenario } from '../../../src';
import type { ParsedScenario } from '../../../src/index';

/** The example from the file-format contract; line numbers below refer to it. */
export const EXAMPLE = `schemaVersion: 1
title: Steady fleet
seed: 7
duration: 1h
fleet: { instances: 10, concurrency: 4, queueLimit: 200, startupTime: 20s, loadBalancer: random }
traffic: { rps: 300 }
users: { count: 20000 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 100ms }, errorRate: 0 }
  - { name: v2, serviceTime: { distribution: lognormal, median: 80ms, p99: 400ms }, errorRate: 0.2% }
rollout: { from: v1, to: v2, at: 5m }
compare:
  - { pattern: none }
`;

/** EXAMPLE with 1-based line `n` replaced (or removed when `text` is null). */
export function exampleWith(replacements: Record<number, string | null>): string {
  return EXAMPLE.split('\n')
    .flatMap((line, i) => (i + 1 in replacements ? (replacements[i + 1] === null ? [] : [replacements[i + 1] as string]) : [line]))
    .join('\n');
}

/** The errors for `text`, formatted as "s.yaml:line:col: path: message"; [] when it parses. */
export function errorsOf(text: string): string[] {
  const result = parseScenario(text, 's.yaml');
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

/** The scenario for `text`, failing the test with the formatted errors if it does not parse. */
export function scenarioOf(text: string): ParsedScenario {
  const result = parseScenario(text, 's.yaml');
  if (!result.ok) throw new Error(`expected the scenario to parse:\n${result.errors.map(formatScenarioError).join('\n')}`);
  return result.scenario;
}

// The simulation's home in the browser: parses and runs a scenario in a Web Worker, so a long run
// never freezes the page. It calls the very same parseScenario and runScenario as the command line,
// which is what makes the page's figures equal the runner's.
import { parseScenario } from '../scenario/parse';
import type { ScenarioError } from '../scenario/errors';
import { runScenario } from './run';
import type { ScenarioResult } from './types';

export interface SimulationRequest {
  /** the scenario file's text */
  text: string;
  /** the name shown in error positions, e.g. "default.yaml" */
  file: string;
  /** overrides the scenario's own seed */
  seed?: number;
}

/** What the page needs to say while the run is going. */
export interface ScenarioInfo {
  title: string;
  summary?: string;
  seed: number;
  durationSeconds: number;
}

/** Replies, in order: `parsed` then `result`; or `invalid`; or `failed` (after `parsed` or not). */
export type SimulationReply =
  | { type: 'parsed'; scenario: ScenarioInfo }
  | { type: 'result'; result: ScenarioResult }
  | { type: 'invalid'; errors: ScenarioError[] }
  | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: SimulationReply) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<SimulationRequest>) => {
  const { text, file, seed } = event.data;
  const parsed = parseScenario(text, file);
  if (!parsed.ok) {
    reply({ type: 'invalid', errors: parsed.errors });
    return;
  }
  const { scenario } = parsed;
  reply({
    type: 'parsed',
    scenario: { title: scenario.title, summary: scenario.summary, seed: seed ?? scenario.seed, durationSeconds: scenario.duration },
  });
  try {
    reply({ type: 'result', result: runScenario(scenario, { seed }) });
  } catch (e) {
    // e.g. the event budget stopping a runaway scenario: a message for the author, not a crash
    reply({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
});

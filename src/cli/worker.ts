// A worker thread of `sim run --seeds`: receives the scenario once, then runs whole seeds one at a
// time as the pool hands them out, and posts each result (or the error that stopped it) back.
import { parentPort, workerData } from 'node:worker_threads';
import { runScenario } from '..';
import type { RunOptions } from '../runtime/types';
import type { Scenario } from '../scenario/types';
import { BudgetExceededError } from '../sim/engine';

export interface WorkerSetup {
  scenario: Scenario;
  options: Omit<RunOptions, 'seed'>;
}

export type WorkerReply =
  | { seed: number; result: ReturnType<typeof runScenario> }
  | { seed: number; error: { message: string; stack?: string; budget: boolean } };

const { scenario, options } = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('worker.cjs runs only as a worker thread of `sim run --seeds`');

port.on('message', (seed: number) => {
  let reply: WorkerReply;
  try {
    reply = { seed, result: runScenario(scenario, { ...options, seed }) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { seed, error: { message: e.message, stack: e.stack, budget: error instanceof BudgetExceededError } };
  }
  port.postMessage(reply);
});

// Runs one scenario under many seeds on all cores: one worker thread per core, each handed a
// whole seed whenever it is idle. Results come back in seed order whatever the finishing order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScenarioResult } from '../runtime/types';
import { BudgetExceededError } from '../sim/engine';
import type { WorkerReply, WorkerSetup } from './worker';

interface PoolOptions {
  /** the bundled worker entry */
  workerFile: string;
  setup: WorkerSetup;
  /** worker threads to start; default one per core */
  workers?: number;
  /** called after each finished seed with the count so far */
  onProgress?: (done: number) => void;
}

/** An error raised inside a worker, carried back with its original stack. */
function rebuild(error: { message: string; stack?: string; budget: boolean }): Error {
  const e = error.budget ? new BudgetExceededError(error.message) : new Error(error.message);
  if (error.stack !== undefined) e.stack = error.stack;
  return e;
}

export function runSeeds(seeds: readonly number[], options: PoolOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(seeds.length);
  const indexOf = new Map(seeds.map((seed, i) => [seed, i]));
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), seeds.length));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;

  return new Promise<ScenarioResult[]>((resolve, reject) => {
    let finished = false;
    const stop = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next < seeds.length) worker.postMessage(seeds[next++]);
    };
    for (let k = 0; k < count; k++) {
      const worker = new Worker(options.workerFile, { workerData: options.setup });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return stop(rebuild(reply.error));
        results[indexOf.get(reply.seed) as number] = reply.result;
        done++;
        options.onProgress?.(done);
        if (done === seeds.length) stop();
        else feed(worker);
      });
      worker.on('error', (error) => stop(error));
      // A worker that ends on its own (killed, out of memory) would otherwise leave us waiting forever.
      worker.on('exit', (code) => stop(new Error(`a worker thread stopped early (exit code ${code})`)));
      feed(worker);
    }
  });
}

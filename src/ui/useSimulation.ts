// Runs a scenario in Web Workers, one per core, each taking a share of the compared runs (they are
// independent given the seed), and follows their progress. Each request gets fresh workers: a new
// run simply terminates the old ones, so a stale result can never overwrite a newer one.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ScenarioError } from '../scenario/errors';
import type { ScenarioResult } from '../runtime/types';
import type { ScenarioInfo, SimulationReply, SimulationRequest } from '../runtime/worker';

export type SimulationState =
  | { status: 'reading' }
  | { status: 'running'; scenario: ScenarioInfo }
  | { status: 'done'; scenario: ScenarioInfo; result: ScenarioResult }
  | { status: 'invalid'; errors: ScenarioError[] }
  | { status: 'failed'; message: string; scenario?: ScenarioInfo };

function next(state: SimulationState, reply: SimulationReply): SimulationState {
  const scenario = 'scenario' in state ? state.scenario : undefined;
  switch (reply.type) {
    case 'parsed':
      return { status: 'running', scenario: reply.scenario };
    case 'result':
      // 'parsed' always comes first; the fallback only keeps the types honest
      return scenario ? { status: 'done', scenario, result: reply.result } : state;
    case 'invalid':
      return { status: 'invalid', errors: reply.errors };
    case 'failed':
      return { status: 'failed', message: reply.message, scenario };
  }
}

/** Workers that share one scenario's runs: one per core, at most four. */
const PARTS = Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

/** Puts the parts' runs back in compare order: part i ran entries i, i + parts, i + 2·parts… */
function merge(parts: ScenarioResult[]): ScenarioResult {
  const runs: ScenarioResult['runs'] = [];
  parts.forEach((result, i) => result.runs.forEach((run, j) => (runs[i + j * parts.length] = run)));
  return { ...parts[0], runs: runs.filter((run) => run !== undefined) };
}

function startWorkers(request: SimulationRequest, setState: Dispatch<SetStateAction<SimulationState>>): Worker[] {
  const results: ScenarioResult[] = [];
  let finished = 0;
  let failed = false;
  const workers: Worker[] = [];
  const stopAll = () => workers.forEach((w) => w.terminate());
  for (let part = 0; part < PARTS; part++) {
    const worker = new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<SimulationReply>) => {
      const reply = event.data;
      if (failed) return;
      if (reply.type === 'parsed') {
        if (part === 0) setState((state) => next(state, reply));
        return;
      }
      if (reply.type === 'result') {
        results[part] = reply.result;
        worker.terminate(); // its share is done: free its memory
        if (++finished === PARTS) setState((state) => next(state, { type: 'result', result: merge(results) }));
        return;
      }
      // invalid or failed: every part would say the same; report once and stop the others
      failed = true;
      stopAll();
      setState((state) => next(state, reply));
    });
    worker.addEventListener('error', (event) => {
      // e.g. the worker's script failed to load; say so on the page rather than only in the console
      event.preventDefault();
      failed = true;
      stopAll();
      setState({ status: 'failed', message: event.message || 'the simulation worker could not start' });
    });
    worker.postMessage({ ...request, part, parts: PARTS });
    workers.push(worker);
  }
  return workers;
}

/** Starts a run whenever `request` changes identity (a new object means "run again"). */
export function useSimulation(request: SimulationRequest): SimulationState {
  const [state, setState] = useState<SimulationState>({ status: 'reading' });

  useEffect(() => {
    setState({ status: 'reading' });
    let cancelled = false;
    let workers: Worker[] = [];
    // Start on the next microtask: an effect cleaned up at once (React's StrictMode double run)
    // then never spawns a worker only to kill it while its script is still loading.
    queueMicrotask(() => {
      if (!cancelled) workers = startWorkers(request, setState);
    });
    return () => {
      cancelled = true;
      workers.forEach((w) => w.terminate());
    };
  }, [request]);

  return state;
}

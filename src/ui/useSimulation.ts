// Runs a scenario in a Web Worker and follows its progress. Each request gets a fresh worker:
// a new run simply terminates the old one, so a stale result can never overwrite a newer one.
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ScenarioError } from '../scenario/errors';
import type { ScenarioResult } from '../runtime/types';
import type { ScenarioInfo, SimulationRequest } from '../runtime/worker';
import type { StreamMessage } from '../runtime/stream';

export type SimulationState =
  | { status: 'reading' }
  | { status: 'running'; scenario: ScenarioInfo }
  | { status: 'done'; scenario: ScenarioInfo; result: ScenarioResult }
  | { status: 'invalid'; errors: ScenarioError[] }
  | { status: 'failed'; message: string; scenario?: ScenarioInfo };

function next(state: SimulationState, reply: StreamMessage): SimulationState {
  const scenario = 'scenario' in state ? state.scenario : undefined;
  switch (reply.type) {
    case 'start': {
      const { scenario: title, summary, seed, durationSeconds } = reply.start;
      return { status: 'running', scenario: { title, summary, seed, durationSeconds } };
    }
    case 'slice':
      return state;
    case 'end':
      // 'parsed' always comes first; the fallback only keeps the types honest
      return scenario ? { status: 'done', scenario, result: reply.result } : state;
    case 'invalid':
      return { status: 'invalid', errors: reply.errors };
    case 'failed':
      return { status: 'failed', message: reply.message, scenario };
  }
}

function startWorker(request: SimulationRequest, setState: Dispatch<SetStateAction<SimulationState>>): Worker {
  const worker = new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<StreamMessage>) => {
    const reply = event.data;
    if (reply.type === 'slice') return; // this page shows the finished record only
    setState((state) => next(state, reply));
    if (reply.type !== 'start') worker.terminate(); // the run is over: free its memory
  });
  worker.addEventListener('error', (event) => {
    // e.g. the worker's script failed to load; say so on the page rather than only in the console
    event.preventDefault();
    setState({ status: 'failed', message: event.message || 'the simulation worker could not start' });
    worker.terminate();
  });
  worker.postMessage(request);
  return worker;
}

/** Starts a run whenever `request` changes identity (a new object means "run again"). */
export function useSimulation(request: SimulationRequest): SimulationState {
  const [state, setState] = useState<SimulationState>({ status: 'reading' });

  useEffect(() => {
    setState({ status: 'reading' });
    let cancelled = false;
    let worker: Worker | undefined;
    // Start on the next microtask: an effect cleaned up at once (React's StrictMode double run)
    // then never spawns a worker only to kill it while its script is still loading.
    queueMicrotask(() => {
      if (!cancelled) worker = startWorker(request, setState);
    });
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [request]);

  return state;
}

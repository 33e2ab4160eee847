// Streams a scenario's runs from a Web Worker into a timeline store. One worker per request: a new
// request terminates the old worker (a fresh one, loaded ahead of time, takes over), so a stale stream can never write into a newer view. Slices
// are appended as they arrive; React hears about them at most once per animation frame.
import { useEffect, useState } from 'react';
import type { ScenarioError } from '../index';
import type { StreamMessage } from '../runtime/stream';
import type { ScenarioResult } from '../index';
import type { SimulationRequest } from '../runtime/worker';
import { appendSlice, createTimeline, type Timeline } from '../view/timeline';
import { prefetchBuiltinScenarios } from './scenarios';
import { SILENCE_REASON, watchWorker } from './workerWatchdog';

export type StreamState =
  | { status: 'reading' }
  | { status: 'streaming'; timeline: Timeline; revision: number }
  | { status: 'done'; timeline: Timeline; revision: number; result: ScenarioResult }
  | { status: 'invalid'; errors: ScenarioError[] }
  | { status: 'failed'; message: string; timeline?: Timeline };

// Written out in full where the worker is made: that is how the bundler finds and builds its script.
const createWorker = () => new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module' });

/**
 * A worker whose script is already loaded and compiled, waiting for the next request: choosing
 * another scenario then costs no download and no compile before its first slice.
 */
let spare: Worker | null = null;

function takeWorker(): Worker {
  const worker = spare ?? createWorker();
  spare = null;
  return worker;
}

/** Prepares the spare once the machine is idle (a stream has ended), never while one computes. */
function prepareSpare(): void {
  if (spare) return;
  const make = () => {
    spare ??= createWorker();
    prefetchBuiltinScenarios();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(make, { timeout: 2000 });
  else setTimeout(make, 200);
}

/** Follows the worker's stream into setState; returns how to stop watching it. */
function follow(worker: Worker, setState: (state: StreamState) => void): () => void {
  let timeline: Timeline | undefined;
  // A stream that falls silent is stuck inside one slice: end the worker and say why.
  const watchdog = watchWorker(() => {
    worker.terminate();
    setState({ status: 'failed', message: SILENCE_REASON, timeline });
  });
  let frame = 0;
  // Many slices can arrive between two frames: publish the store once per frame.
  const publish = () => {
    frame = 0;
    if (timeline) setState({ status: 'streaming', timeline, revision: timeline.revision });
  };
  worker.addEventListener('message', (event: MessageEvent<StreamMessage>) => {
    const message = event.data;
    watchdog.heard();
    switch (message.type) {
      case 'start':
        // marks for the page benchmark: when the stream started and its first slice came
        performance.mark('stream-start');
        timeline = createTimeline(message.start);
        setState({ status: 'streaming', timeline, revision: 0 });
        return;
      case 'slice':
        if (!timeline) return;
        if (timeline.revision === 0) performance.mark('stream-first-slice');
        appendSlice(timeline, message.slice);
        if (frame === 0) frame = requestAnimationFrame(publish);
        return;
      case 'end':
        cancelAnimationFrame(frame);
        if (timeline) {
          timeline.computedUntil = Math.max(timeline.computedUntil, timeline.start.durationSeconds);
          setState({ status: 'done', timeline, revision: timeline.revision + 1, result: message.result });
        }
        prepareSpare();
        break;
      case 'invalid':
        setState({ status: 'invalid', errors: message.errors });
        break;
      case 'failed':
        cancelAnimationFrame(frame);
        setState({ status: 'failed', message: message.message, timeline });
        break;
    }
    worker.terminate(); // the stream is over: free its memory
    watchdog.stop();
  });
  worker.addEventListener('error', (event) => {
    // e.g. the worker's script failed to load: say so on the page rather than only in the console
    event.preventDefault();
    setState({ status: 'failed', message: event.message || 'the simulation worker could not start', timeline });
    worker.terminate();
    watchdog.stop();
  });
  return watchdog.stop;
}

/** Starts a stream whenever `request` changes identity (a new object means "run again"); null: none. */
export function useStream(request: SimulationRequest | null): StreamState {
  const [state, setState] = useState<StreamState>({ status: 'reading' });

  useEffect(() => {
    if (request === null) return;
    setState({ status: 'reading' });
    let cancelled = false;
    let worker: Worker | undefined;
    let unwatch: (() => void) | undefined;
    // Start on the next microtask: an effect cleaned up at once (React's StrictMode double run)
    // then never spawns a worker only to kill it while its script is still loading.
    queueMicrotask(() => {
      if (cancelled) return;
      performance.mark('stream-request');
      worker = takeWorker();
      unwatch = follow(worker, (next) => !cancelled && setState(next));
      worker.postMessage(request);
    });
    return () => {
      cancelled = true;
      worker?.terminate();
      unwatch?.();
    };
  }, [request]);

  return state;
}

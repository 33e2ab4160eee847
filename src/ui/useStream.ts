// Streams a scenario's runs from a Web Worker into a timeline store. One worker per story (scenario,
// file and seed): new acts are a new request to the same worker, which keeps a shadow of the run at
// the playhead (told to it as it moves) so an act joins the run there instead of re-simulating it
// from time 0. Every request has an id, and messages of any other request are dropped, so a stale
// stream never writes into a newer view; another story terminates the worker (a fresh one, loaded
// ahead of time, takes over). Slices are appended as they arrive; React hears about them at most
// once per animation frame.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScenarioError } from '../index';
import type { ScenarioResult } from '../index';
import type { SimulationRequest, WorkerMessage, WorkerRequest } from '../runtime/worker';
import { appendSlice, createTimeline, type Timeline } from '../view/timeline';
import { DEFAULT_SCENARIO, prefetchBuiltinScenarios } from './scenarios';
import { SILENCE_REASON, watchWorker } from './workerWatchdog';

export type StreamState =
  | { status: 'reading' }
  | { status: 'streaming'; timeline: Timeline; revision: number; actProblems?: string[] }
  | { status: 'done'; timeline: Timeline; revision: number; result: ScenarioResult; actProblems?: string[] }
  | { status: 'invalid'; errors: ScenarioError[] }
  | { status: 'failed'; message: string; timeline?: Timeline };

// Written out in full where the worker is made: that is how the bundler finds and builds its script.
const createWorker = () => new Worker(new URL('../runtime/worker.ts', import.meta.url), { type: 'module' });

/**
 * A worker whose script is already loaded and compiled, and warmed on a scenario, waiting for the
 * next request: choosing another scenario then costs no download and no compile before its first slice.
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
    if (!spare) {
      spare = createWorker();
      // its first parse and slices run cold: let it spend them now, on the default scenario
      spare.postMessage({ type: 'warm', text: DEFAULT_SCENARIO.text, file: DEFAULT_SCENARIO.file } satisfies WorkerRequest);
    }
    prefetchBuiltinScenarios();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(make, { timeout: 2000 });
  else setTimeout(make, 200);
}

/** A worker serving one story, and the request whose messages it is following now. */
interface Served {
  worker: Worker;
  story: SimulationRequest;
  /** the request followed; messages of others are dropped */
  id: number;
  /** stops following the current request (its watchdog) */
  unwatch: () => void;
  /** the worker ended (a failure, or a stream stuck): the next request takes a fresh one */
  dead: boolean;
}

let requests = 0;

/** Follows request `id` of the worker into setState; returns how to stop watching it. */
function follow(served: Served, id: number, setState: (state: StreamState) => void): () => void {
  const { worker } = served;
  let timeline: Timeline | undefined;
  /** the learner's acts the scenario could not take (said before `start`) */
  let actProblems: string[] | undefined;
  const end = () => {
    served.dead = true;
    worker.terminate();
    watchdog.stop();
  };
  // A stream that falls silent is stuck inside one slice: end the worker and say why.
  const watchdog = watchWorker(() => {
    end();
    setState({ status: 'failed', message: SILENCE_REASON, timeline });
  });
  let frame = 0;
  // Many slices can arrive between two frames: publish the store once per frame.
  const publish = () => {
    frame = 0;
    if (timeline) setState({ status: 'streaming', timeline, revision: timeline.revision, actProblems });
  };
  const onMessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    if (message.id !== id) return; // an older request's, still in flight
    watchdog.heard();
    switch (message.type) {
      case 'acts':
        actProblems = message.problems;
        return;
      case 'start':
        // marks for the page benchmark: when the stream started and its first slice came
        performance.mark('stream-start');
        timeline = createTimeline(message.start);
        // a stream that joined the run at the playhead: the story so far, in one go
        for (const slice of message.prefix ?? []) appendSlice(timeline, slice);
        setState({ status: 'streaming', timeline, revision: timeline.revision, actProblems });
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
          setState({ status: 'done', timeline, revision: timeline.revision + 1, result: message.result, actProblems });
        }
        // the worker stays: it keeps the shadow at the playhead for the next act
        watchdog.stop();
        prepareSpare();
        return;
      case 'invalid':
        setState({ status: 'invalid', errors: message.errors });
        break;
      case 'failed':
        cancelAnimationFrame(frame);
        setState({ status: 'failed', message: message.message, timeline });
        break;
    }
    end(); // the story cannot go on: free the worker's memory
  };
  const onError = (event: ErrorEvent) => {
    // e.g. the worker's script failed to load: say so on the page rather than only in the console
    event.preventDefault();
    setState({ status: 'failed', message: event.message || 'the simulation worker could not start', timeline });
    end();
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  return () => {
    cancelAnimationFrame(frame);
    watchdog.stop();
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
  };
}

/** Only the acts differ: the same scenario and seed re-simulated with another story. */
const sameStory = (a: SimulationRequest | null, b: SimulationRequest) => a !== null && a.text === b.text && a.file === b.file && a.seed === b.seed;

/** The page tells the worker where the playhead is at most this often (ms). */
const PLAYHEAD_TELL_MS = 200;

/** Where the page tells the stream's worker the playhead's time (filled in by useStream). */
export interface PlayheadChannel {
  tell: (t: number) => void;
}

/**
 * Starts a stream whenever `request` changes identity (a new object means "run again"); null: none.
 * When only the acts change, the old view stays until the new stream starts, so the page does not
 * blink between two versions of the same story. `playhead`, when given, is how the page tells the
 * worker where the playhead is (so an act there joins the run without re-simulating it).
 */
export function useStream(request: SimulationRequest | null, playhead?: PlayheadChannel): StreamState {
  const [state, setState] = useState<StreamState>({ status: 'reading' });
  const served = useRef<Served | null>(null);

  useEffect(() => {
    if (request === null) return;
    if (!sameStory(served.current?.story ?? null, request)) setState({ status: 'reading' });
    let cancelled = false;
    // Start on the next microtask: an effect cleaned up at once (React's StrictMode double run)
    // then never spawns a worker only to kill it while its script is still loading.
    queueMicrotask(() => {
      if (cancelled) return;
      performance.mark('stream-request');
      let now = served.current;
      if (now && (now.dead || !sameStory(now.story, request))) {
        now.unwatch();
        now.worker.terminate();
        now = null;
      }
      now ??= { worker: takeWorker(), story: request, id: 0, unwatch: () => {}, dead: false };
      served.current = now;
      now.unwatch();
      now.id = ++requests;
      now.unwatch = follow(now, now.id, (next) => !cancelled && setState(next));
      now.worker.postMessage({ type: 'run', id: now.id, ...request } satisfies WorkerRequest);
    });
    return () => {
      cancelled = true;
    };
  }, [request]);

  // The worker goes with the page's view of the story.
  useEffect(
    () => () => {
      served.current?.unwatch();
      served.current?.worker.terminate();
      served.current = null;
    },
    [],
  );

  // At 600× the playhead's second changes on every frame: the worker hears it a few times a second
  // (enough to keep the shadow near it and to know it moves), and always its last position.
  const told = useRef<{ t: number; at: number; timer: number | undefined }>({ t: 0, at: -Infinity, timer: undefined });
  const tell = useCallback((t: number) => {
    const last = told.current;
    last.t = t;
    if (last.timer !== undefined) return; // a message is due: it will carry this time
    const send = () => {
      last.timer = undefined;
      last.at = performance.now();
      const now = served.current;
      if (now && !now.dead) now.worker.postMessage({ type: 'playhead', t: last.t } satisfies WorkerRequest);
    };
    const wait = last.at + PLAYHEAD_TELL_MS - performance.now();
    if (wait <= 0) send();
    else last.timer = window.setTimeout(send, wait);
  }, []);
  useEffect(() => () => window.clearTimeout(told.current.timer), []);
  if (playhead) playhead.tell = tell;
  return state;
}

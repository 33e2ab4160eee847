// The simulation's home in the browser: parses a scenario and streams its runs from a Web Worker,
// so the page draws the first slice at once and never freezes. It runs the very same parseScenario
// and ScenarioSession as the command line, which is what makes the record at `end` equal the
// runner's. Between slices it yields to its own event loop, so a newer request (or the page
// terminating it) takes over at once.
import { parseScenario } from '../scenario/parse';
import { ScenarioSession } from './session';
import { DEFAULT_BUCKET } from './patternRun';
import type { StreamMessage } from './stream';

export interface SimulationRequest {
  /** the scenario file's text */
  text: string;
  /** the name shown in error positions, e.g. "default.yaml" */
  file: string;
  /** overrides the scenario's own seed */
  seed?: number;
}

/** Fleet frames every simulated second; a few sampled requests per simulated second per run (the page thins them further at high speed). */
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** Slices aim at this much computing time: enough to batch, short enough to stay responsive. */
const SLICE_TARGET_MS = 25;
const FIRST_SLICE_SECONDS = 2;
const MAX_SLICE_SECONDS = 60;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: StreamMessage) => scope.postMessage(message);
/** the request being served; a newer one makes older loops stop at their next yield */
let current = 0;

scope.addEventListener('message', (event: MessageEvent<SimulationRequest>) => {
  void stream(event.data, ++current);
});

async function stream({ text, file, seed }: SimulationRequest, id: number): Promise<void> {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return post({ type: 'invalid', errors: parsed.errors });
  try {
    const session = new ScenarioSession(parsed.scenario, { seed }, STREAM);
    post({ type: 'start', start: session.start(DEFAULT_BUCKET) });
    let span = FIRST_SLICE_SECONDS;
    while (!session.done) {
      const began = performance.now();
      post({ type: 'slice', slice: session.advance(session.now + span) });
      // Aim the next slice at the target time, growing or shrinking by at most a factor of 2.
      const took = Math.max(1, performance.now() - began);
      span = Math.min(MAX_SLICE_SECONDS, Math.max(1, Math.round(span * Math.min(2, Math.max(0.5, SLICE_TARGET_MS / took)))));
      await yieldToEventLoop();
      if (id !== current) return;
    }
    post({ type: 'end', result: session.finish() });
  } catch (e) {
    // e.g. the event budget stopping a runaway scenario: a message for the author, not a crash
    post({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
  }
}

/** Lets queued messages in: a MessageChannel round trip, which, unlike setTimeout, is never clamped. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

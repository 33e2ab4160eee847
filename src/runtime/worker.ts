// The simulation's home in the browser: parses a scenario and streams its runs from a Web Worker,
// so the page draws the first slice at once and never freezes. It runs the very same parseScenario
// and ScenarioSession as the command line, which is what makes the record at `end` equal the
// runner's. Between slices it yields to its own event loop, so a newer request (or the page
// terminating it) takes over at once.
import { parseScenario } from '../scenario/parse';
import { atField } from '../scenario/positions';
import { RunLimitError } from './runSize';
import { checkSession, ScenarioSession } from './session';
import { streamStart } from './streamStart';
import { DEFAULT_BUCKET } from './patternRun';
import { transferablesOf, type StreamMessage } from './stream';
import type { Act } from './acts/act';
import { checkActs } from './acts/check';
import { actsToRun } from './acts/toRun';

export interface SimulationRequest {
  /** the scenario file's text */
  text: string;
  /** the name shown in error positions, e.g. "default.yaml" */
  file: string;
  /** overrides the scenario's own seed */
  seed?: number;
  /** the learner's acts, re-simulated with the scenario from its seed */
  acts?: Act[];
}

/** Fleet frames every simulated second; a few sampled requests per simulated second per run (the page thins them further at high speed). */
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** Slices aim at this much computing time: enough to batch, short enough to stay responsive. */
const SLICE_TARGET_MS = 25;
const FIRST_SLICE_SECONDS = 2;
const MAX_SLICE_SECONDS = 60;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: StreamMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
/** the request being served; a newer one makes older loops stop at their next yield */
let current = 0;

scope.addEventListener('message', (event: MessageEvent<SimulationRequest>) => {
  void stream(event.data, ++current);
});

async function stream({ text, file, seed, acts = [] }: SimulationRequest, id: number): Promise<void> {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return post({ type: 'invalid', errors: parsed.errors });
  try {
    const checked = checkActs(acts, parsed.scenario);
    if (checked.problems.length > 0) post({ type: 'acts', problems: checked.problems });
    const acted = actsToRun(checked.acts, parsed.scenario.compare.map((e) => e.label));
    // `start` goes out before the runs are set up (their worlds, statecharts and users): the page
    // lays out its panels meanwhile.
    checkSession(parsed.scenario, { seed, ...acted });
    post({ type: 'start', start: streamStart(parsed.scenario, seed ?? parsed.scenario.seed, DEFAULT_BUCKET) });
    const session = new ScenarioSession(parsed.scenario, { seed, ...acted }, STREAM);
    let span = FIRST_SLICE_SECONDS;
    while (!session.done) {
      const began = performance.now();
      const slice = session.advance(session.now + span);
      post({ type: 'slice', slice }, transferablesOf(slice));
      // Aim the next slice at the target time, growing or shrinking by at most a factor of 2.
      const took = Math.max(1, performance.now() - began);
      span = Math.min(MAX_SLICE_SECONDS, Math.max(1, Math.round(span * Math.min(2, Math.max(0.5, SLICE_TARGET_MS / took)))));
      await yieldToEventLoop();
      if (id !== current) return;
    }
    post({ type: 'end', result: session.finish() });
  } catch (e) {
    // e.g. the event budget stopping a runaway scenario: a message for the author, not a crash;
    // a run refused for its size names the field to change, with its place in the text
    const message = e instanceof RunLimitError ? atField(text, file, e.path, e.detail) : e instanceof Error ? e.message : String(e);
    post({ type: 'failed', message });
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

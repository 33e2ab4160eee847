// The simulation's home in the browser: parses a scenario and streams its runs from a Web Worker,
// so the page draws the first slice at once and never freezes. It runs the very same parseScenario
// and ScenarioSession as the command line, which is what makes the record at `end` equal the
// runner's. Between slices it yields to its own event loop, so a newer request takes over at once.
// One worker serves one story (scenario, file and seed) for as long as the page shows it: beside
// the stream it keeps a shadow session at the playhead, which a new act joins live (shadow.ts).
import { parseScenario } from '../scenario/parse';
import { atField } from '../scenario/positions';
import { RunLimitError } from './runSize';
import { checkSession, ScenarioSession } from './session';
import { streamStart } from './streamStart';
import { DEFAULT_BUCKET } from './patternRun';
import { transferablesOf, type StreamMessage, type StreamStart } from './stream';
import type { Scenario } from '../scenario/types';
import type { Users } from '../world/users';
import type { Act } from './acts/act';
import { checkActs } from './acts/check';
import { actsToRun } from './acts/toRun';
import { keepUp, restAfterChunk, Shadow } from './shadow';
import { SlicePacer } from './slicePacer';

export interface SimulationRequest {
  /** the scenario file's text */
  text: string;
  /** the name shown in error positions, e.g. "default.yaml" */
  file: string;
  /** overrides the scenario's own seed */
  seed?: number;
  /** the learner's acts, re-simulated with the scenario from its seed */
  acts?: Act[];
  /** where the page's playhead is, when known (a link's time): the shadow heads there from the start */
  playhead?: number;
}

/**
 * Page → worker: a request to stream (its id comes back on every message), where the playhead is,
 * or (to a spare worker, while the page is idle) a scenario to run briefly and forget, so that the
 * next request finds the parser and the engine already compiled.
 */
export type WorkerRequest =
  | ({ type: 'run'; id: number } & SimulationRequest)
  | { type: 'playhead'; t: number }
  | { type: 'warm'; text: string; file: string };
/** Worker → page: a message of the stream of request `id`. */
export type WorkerMessage = StreamMessage & { id: number };

/** Fleet frames every simulated second; a few sampled requests per simulated second per run (the page thins them further at high speed). */
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** Slices aim at this much computing time: enough to batch, short enough to stay responsive. */
const SLICE_TARGET_MS = 25;
const FIRST_SLICE_SECONDS = 2;
const MAX_SLICE_SECONDS = 60;
/** The shadow stays this far behind the playhead: an act comes at the playhead, after the shadow's time. */
const SHADOW_MARGIN_SECONDS = 1;
/**
 * While the playhead moves, the shadow advances beside the stream only when the stream is this many
 * seconds of wall time ahead of it: the stream comes first (at 600× with nine runs the two together
 * fell behind the playhead in 16% of frames), and the shadow catches up once the stream has ended.
 */
const SHADOW_WHEN_STREAM_AHEAD_WALL_SECONDS = 2;
/** How much of the warm-up scenario a spare worker runs: enough for the engine's hot paths to be compiled. */
const WARM_SECONDS = 5;
/** The playhead counts as standing still when the page has not moved it for this long. */
const PLAYHEAD_STILL_MS = 500;

const scope = self as unknown as DedicatedWorkerGlobalScope;
/** the request being served; a newer one makes older loops stop at their next yield */
let current = 0;
/** the story served (scenario, file and seed), and its shadow (null until built, or while spent) */
let story: { key: string; scenario: Scenario; start: StreamStart; users?: Users; shadow: Shadow | null } | null = null;
/** where the shadow should be: a little behind the page's playhead */
let target = 0;
/** how fast the page's playhead moves (simulated seconds per wall second), and when it last moved */
const playheadPace = { speed: 0, lastT: 0, lastMovedAt: -Infinity };
/** wakes a loop waiting for the playhead to move (or for a newer request) */
let wake: () => void = () => {};

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'playhead') {
    notePace(request.t);
    target = Math.max(0, request.t - SHADOW_MARGIN_SECONDS);
    // a scrub back leaves the shadow ahead of where acts will come: build it again from 0
    if (story?.shadow && story.shadow.now > target) story.shadow = null;
  } else if (request.type === 'warm') {
    void warm(request.text, request.file, current);
  } else {
    current = request.id;
    if (request.playhead !== undefined) target = Math.max(0, request.playhead - SHADOW_MARGIN_SECONDS);
    void stream(request, request.id);
  }
  wake();
});

async function stream({ text, file, seed, acts = [] }: SimulationRequest, id: number): Promise<void> {
  const post = (message: StreamMessage, transfer: Transferable[] = []) => scope.postMessage({ ...message, id } satisfies WorkerMessage, transfer);
  const key = JSON.stringify([file, seed ?? null, text]);
  // the same story again (new acts): its scenario was parsed and its start described already
  if (story?.key !== key) {
    const parsed = parseScenario(text, file);
    if (!parsed.ok) return post({ type: 'invalid', errors: parsed.errors });
    story = { key, scenario: parsed.scenario, start: streamStart(parsed.scenario, seed ?? parsed.scenario.seed, DEFAULT_BUCKET), shadow: null };
  }
  const { scenario } = story;
  try {
    const checked = checkActs(acts, scenario);
    if (checked.problems.length > 0) post({ type: 'acts', problems: checked.problems });
    const labels = scenario.compare.map((e) => e.label);
    const options = { seed, ...actsToRun(checked.acts, labels) };
    // The new acts join the shadow when they can: its kept slices are the new stream's prefix,
    // sent with `start` in one message, so the page shows the story up to the playhead at once.
    const shadow = story.shadow;
    story.shadow = null;
    const joined = shadow?.join(checked.acts, labels) ?? null;
    let session: ScenarioSession;
    if (joined) {
      session = joined;
      const prefix = shadow!.slices;
      post({ type: 'start', start: story.start, prefix }, prefix.flatMap(transferablesOf));
    } else {
      // `start` goes out before the runs are set up (their worlds, statecharts and users): the page
      // lays out its panels meanwhile, and the set-up pauses between runs for newer requests.
      checkSession(scenario, options);
      post({ type: 'start', start: story.start });
      const built = await stepwise(ScenarioSession.stepwise(scenario, options, STREAM, { checked: true, users: story.users }), id);
      if (built === null) return;
      session = built;
      story.users = session.users;
    }
    const newShadow = () => new Shadow(ScenarioSession.stepwise(scenario, options, STREAM, { checked: true, users: session.users }), checked.acts, () => performance.now());
    // a joined stream's first slice reaches just past the playhead, where the act is
    const pacer = new SlicePacer(SLICE_TARGET_MS, joined ? SHADOW_MARGIN_SECONDS : FIRST_SLICE_SECONDS, MAX_SLICE_SECONDS);
    while (!session.done) {
      const began = performance.now();
      const slice = session.advance(session.now + pacer.span);
      post({ type: 'slice', slice }, transferablesOf(slice));
      pacer.took(performance.now() - began);
      await yieldToEventLoop();
      if (id !== current) return;
      // The shadow computes about as long as a slice took per slice streamed, in its own small
      // chunks, never passing the playhead, while the playhead stands still or the stream is well
      // ahead of it (shadowMayStep). (It is built once the page has told a playhead past the
      // start: a what-if's stream never needs one.)
      if (target > 0 && shadowMayStep(session.now)) {
        story.shadow ??= newShadow();
        for (const until = performance.now() + SLICE_TARGET_MS; performance.now() < until && story.shadow?.step(target); ) {
          await yieldToEventLoop();
          if (id !== current) return;
        }
      }
    }
    post({ type: 'end', result: session.finish() });
    await followPlayhead(newShadow, id);
  } catch (e) {
    // e.g. the event budget stopping a runaway scenario: a message for the author, not a crash;
    // a run refused for its size names the field to change, with its place in the text
    const message = e instanceof RunLimitError ? atField(text, file, e.path, e.detail) : e instanceof Error ? e.message : String(e);
    post({ type: 'failed', message });
  }
}

/** Follows the playhead's pace from the times the page tells. */
function notePace(t: number): void {
  const now = performance.now();
  if (t > playheadPace.lastT && Number.isFinite(playheadPace.lastMovedAt)) playheadPace.speed = ((t - playheadPace.lastT) * 1000) / Math.max(1, now - playheadPace.lastMovedAt);
  if (t !== playheadPace.lastT) playheadPace.lastMovedAt = now;
  playheadPace.lastT = t;
}

/** Whether the shadow may take a slice now, beside a stream that has reached `streamed`. */
function shadowMayStep(streamed: number): boolean {
  return playheadStill() || streamed - target >= playheadPace.speed * SHADOW_WHEN_STREAM_AHEAD_WALL_SECONDS;
}

/** Whether the page has not moved its playhead lately (paused, or at the end). */
function playheadStill(): boolean {
  return performance.now() - playheadPace.lastMovedAt > PLAYHEAD_STILL_MS;
}

/**
 * After the stream's end, the shadow follows the playhead, a chunk at a time, until a newer
 * request comes (which it hears between chunks).
 */
async function followPlayhead(newShadow: () => Shadow, id: number): Promise<void> {
  let spent = 0;
  const work = () => {
    const began = performance.now();
    if (target > 0) story!.shadow ??= newShadow();
    const did = story!.shadow?.step(target) ?? false;
    spent = performance.now() - began;
    return did;
  };
  // while the playhead moves, the shadow rests between chunks so that the page's drawing keeps its core
  const pause = () => {
    const rest = restAfterChunk(spent, !playheadStill());
    return rest > 0 ? new Promise<void>((resolve) => setTimeout(resolve, rest)) : yieldToEventLoop();
  };
  await keepUp(work, { pause, idle: () => new Promise<void>((resolve) => (wake = resolve)), cancelled: () => id !== current || !story });
}

/** Runs a stepwise set-up, yielding after each step; null when a newer request came meanwhile. */
async function stepwise<T>(steps: Generator<void, T, void>, id: number): Promise<T | null> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await yieldToEventLoop();
    if (id !== current) return null;
  }
}

/**
 * A spare worker's warm-up: parses a scenario and runs a few simulated seconds of it, a chunk at a
 * time, then forgets it. A worker's first parse and first slices run cold (a fresh JavaScript
 * engine interprets before it compiles, 2–4 times slower): they are better spent before a
 * learner is waiting. Any request ends it (`id` is the request current when it began).
 */
async function warm(text: string, file: string, id: number): Promise<void> {
  const parsed = parseScenario(text, file);
  if (!parsed.ok) return;
  streamStart(parsed.scenario, parsed.scenario.seed, DEFAULT_BUCKET);
  const session = await stepwise(ScenarioSession.stepwise(parsed.scenario, {}, STREAM), id);
  for (let t = 1; session && t <= WARM_SECONDS && id === current; t++) {
    session.advance(t);
    await yieldToEventLoop();
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

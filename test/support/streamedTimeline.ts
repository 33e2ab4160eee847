// A shipped scenario streamed in Node as the page's worker streams it (the same session, framing
// and sampling), gathered into the page's timeline store: real data for the view models' tests.
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/index';
import { ScenarioSession } from '../../src/runtime/session';
import { streamStart } from '../../src/runtime/streamStart';
import { appendSlice, createTimeline, type Timeline } from '../../src/view/timeline';

/** The worker's sampling of fleet frames and requests. */
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };

export function streamedTimeline(file: string, sliceSeconds = 30, bucketSeconds = 10): Timeline {
  const parsed = parseScenario(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const scenario = parsed.scenario;
  const timeline = createTimeline(streamStart(scenario, scenario.seed, bucketSeconds));
  const session = new ScenarioSession(scenario, {}, STREAM);
  while (!session.done) appendSlice(timeline, session.advance(session.now + sliceSeconds));
  return timeline;
}

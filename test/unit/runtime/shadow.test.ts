// The shadow at the playhead is built beside the stream in the worker, whose messages (a newer
// scenario, an act) wait while it computes. It must therefore come in small chunks — a piece of its
// set-up, or about SHADOW_CHUNK_MS of computing a slice — with a pause after every chunk, and stop
// when a newer request cancels it; its slices stay long (they go to the page in one message); and
// chunking must not change the run it keeps. The clock is a stand-in that charges a fixed cost
// per simulated second that each run has advanced, so the pacing is tested without the wall clock.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/scenario/parse';
import { ScenarioSession } from '../../../src/runtime/session';
import { keepUp, restAfterChunk, Shadow, SHADOW_CHUNK_MS, SHADOW_SHARE_WHILE_PLAYING, SHADOW_SLICE_SECONDS } from '../../../src/runtime/shadow';
import type { Scenario } from '../../../src/scenario/types';

const parsed = parseScenario(readFileSync(new URL('../../../scenarios/bad-release-every-pattern.yaml', import.meta.url), 'utf8'), 'bad-release-every-pattern.yaml');
if (!parsed.ok) throw new Error('bad-release-every-pattern.yaml does not parse');
// eleven runs, shortened: the set-up alone is eleven chunks
const scenario: Scenario = { ...parsed.scenario, duration: 600 };
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** what one simulated second of one run costs, by the stand-in clock (ms) */
const MS_PER_RUN_SECOND = 0.3;

/** A shadow whose clock charges MS_PER_RUN_SECOND per simulated second any of its runs has advanced. */
function shadowWithCostClock(): { shadow: Shadow; work: () => number } {
  let session: ScenarioSession | null = null;
  function* setUp() {
    session = yield* ScenarioSession.stepwise(scenario, {}, STREAM);
    return session;
  }
  const work = () => MS_PER_RUN_SECOND * (session?.runs.reduce((sum, run) => sum + run.world.engine.now, 0) ?? 0);
  return { shadow: new Shadow(setUp(), [], work), work };
}

describe('the shadow at the playhead', () => {
  it('is set up one run at a time, then computes about SHADOW_CHUNK_MS per step, in long slices', () => {
    const { shadow, work } = shadowWithCostClock();
    const target = 400;
    let setUpChunks = 0;
    while (work() === 0 && shadow.step(target)) setUpChunks++;
    // the population, then one chunk per run (the last one also makes the session); the last step
    // counted was the first to compute
    expect(setUpChunks).toBe(1 + scenario.compare.length + 1);
    const costs: number[] = [];
    for (let before = work(); shadow.step(target); before = work()) costs.push(work() - before);
    expect(shadow.now).toBe(target);
    // each step stops once its budget is spent, within one piece (a simulated second of one run)
    expect(Math.max(...costs)).toBeLessThanOrEqual(SHADOW_CHUNK_MS + MS_PER_RUN_SECOND);
    // and it uses its budget: a step ends short only where it finishes a slice
    const total = costs.reduce((sum, cost) => sum + cost, 0);
    expect(costs.length).toBeLessThanOrEqual(Math.ceil(total / SHADOW_CHUNK_MS) + shadow.slices.length);
    // and the slices it keeps are long: a few, not one per step
    expect(shadow.slices.map((slice) => slice.t1 - slice.t0)).toEqual([60, 60, 60, 60, 60, 60, 40]);
    expect(costs.length).toBeGreaterThan(5 * shadow.slices.length);
    expect(shadow.step(target)).toBe(false); // there already: nothing done
  }, 60_000);

  it('pauses after every chunk and stops at the next pause once cancelled', async () => {
    const { shadow, work: computed } = shadowWithCostClock();
    let chunksSincePause = 0;
    let pauses = 0;
    let idles = 0;
    const work = () => {
      const did = shadow.step(300);
      if (did) chunksSincePause++;
      return did;
    };
    const pause = async () => {
      expect(chunksSincePause).toBe(1);
      chunksSincePause = 0;
      pauses++;
    };
    // a newer request arrives during the 20th pause: no chunk runs after it
    await keepUp(work, { pause, idle: async () => void idles++, cancelled: () => pauses >= 20 || idles > 0 });
    expect(pauses).toBe(20);
    expect(chunksSincePause).toBe(0);
    expect(idles).toBe(0);
    expect(computed()).toBeGreaterThan(0);
    expect(shadow.now).toBeLessThan(300);
    // left alone, it reaches the target and then waits (idle) rather than spinning
    await keepUp(work, { pause, idle: async () => void idles++, cancelled: () => idles >= 1 });
    expect(shadow.now).toBe(300);
  }, 60_000);

  it('keeps the same run as a session built in one go and never paused', () => {
    const { shadow } = shadowWithCostClock();
    while (shadow.step(450));
    expect(shadow.slices).toEqual(slicesInOneGo(450));
    const joined = shadow.join([], scenario.compare.map((e) => e.label));
    expect(joined).not.toBeNull();
    const whole = new ScenarioSession(scenario, {}, STREAM);
    whole.advance(450);
    expect(joined!.finish()).toEqual(whole.finish());
  }, 60_000);

  it('keeps to its share of the worker while the playhead moves, and catches up at full pace when it stands still', () => {
    // chunks of the shadow's own pacing, each followed by its rest: the share of the time computing
    for (const spent of [0.5, SHADOW_CHUNK_MS, 3 * SHADOW_CHUNK_MS]) {
      const rest = restAfterChunk(spent, true);
      expect(spent / (spent + rest)).toBeCloseTo(SHADOW_SHARE_WHILE_PLAYING, 9);
      expect(restAfterChunk(spent, false)).toBe(0);
    }
    // a tenth of a core at most: at 600× with nine runs the whole core it would take is the page's
    expect(SHADOW_SHARE_WHILE_PLAYING).toBeLessThanOrEqual(0.1);
  });

  it('cannot be joined while it is still being set up; joined mid-slice, it finishes the slice first', () => {
    const { shadow } = shadowWithCostClock();
    shadow.step(100);
    expect(shadow.join([], scenario.compare.map((e) => e.label))).toBeNull();
    while (shadow.slices.length === 0) shadow.step(100);
    shadow.step(100); // the second slice is now in flight
    const joined = shadow.join([], scenario.compare.map((e) => e.label));
    expect(joined!.now).toBe(100);
    expect(shadow.slices).toEqual(slicesInOneGo(100));
  }, 60_000);
});

/** The slices a session never paused gives at the shadow's cuts (every SHADOW_SLICE_SECONDS, then the target). */
function slicesInOneGo(target: number) {
  const session = new ScenarioSession(scenario, {}, STREAM);
  const slices = [];
  for (let t = SHADOW_SLICE_SECONDS; t < target; t += SHADOW_SLICE_SECONDS) slices.push(session.advance(t));
  slices.push(session.advance(target));
  return slices;
}

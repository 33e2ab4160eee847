// The shadow at the playhead is built beside the stream in the worker, whose messages (a newer
// scenario, an act) wait while it computes. It must therefore come in small chunks — a piece of its
// set-up, or a slice of about SHADOW_CHUNK_MS of computing — with a pause after every chunk, and
// stop when a newer request cancels it; and chunking must not change the run it keeps.
// The clock is a stand-in that charges a fixed cost per simulated second, so the pacing is tested
// without the wall clock.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/scenario/parse';
import { ScenarioSession } from '../../../src/runtime/session';
import { keepUp, Shadow, SHADOW_CHUNK_MS } from '../../../src/runtime/shadow';
import type { Scenario } from '../../../src/scenario/types';

const parsed = parseScenario(readFileSync(new URL('../../../scenarios/bad-release-every-pattern.yaml', import.meta.url), 'utf8'), 'bad-release-every-pattern.yaml');
if (!parsed.ok) throw new Error('bad-release-every-pattern.yaml does not parse');
// eleven runs, shortened: the set-up alone is eleven chunks
const scenario: Scenario = { ...parsed.scenario, duration: 600 };
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** what one simulated second of this scenario costs, by the stand-in clock (ms) */
const MS_PER_SIMULATED_SECOND = 3;

/** A shadow whose clock charges MS_PER_SIMULATED_SECOND per simulated second it has advanced. */
function shadowWithCostClock(): Shadow {
  const shadow: Shadow = new Shadow(ScenarioSession.stepwise(scenario, {}, STREAM), [], () => MS_PER_SIMULATED_SECOND * shadow.now);
  return shadow;
}

describe('the shadow at the playhead', () => {
  it('is set up one run at a time, then advances in slices of about SHADOW_CHUNK_MS each', () => {
    const shadow = shadowWithCostClock();
    const target = 400;
    let setUpChunks = 0;
    while (shadow.step(target) && shadow.slices.length === 0) setUpChunks++;
    // the population, then one chunk per run (the last one also makes the session)
    expect(setUpChunks).toBe(1 + scenario.compare.length);
    while (shadow.step(target));
    expect(shadow.now).toBe(target);
    const costs = shadow.slices.map((slice) => (slice.t1 - slice.t0) * MS_PER_SIMULATED_SECOND);
    // the span doubles at most per slice, so a slice costs at most twice the aim
    expect(Math.max(...costs)).toBeLessThanOrEqual(2 * SHADOW_CHUNK_MS);
    // and it does not crawl either: past the first few slices each is at least half the aim (but the last, cut at the target)
    for (const cost of costs.slice(4, -1)) expect(cost).toBeGreaterThanOrEqual(SHADOW_CHUNK_MS / 2);
    expect(shadow.step(target)).toBe(false); // there already: nothing done
  }, 60_000);

  it('pauses after every chunk and stops at the next pause once cancelled', async () => {
    const shadow = shadowWithCostClock();
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
    const reached = shadow.now;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(300);
    // left alone, it reaches the target and then waits (idle) rather than spinning
    await keepUp(work, { pause, idle: async () => void idles++, cancelled: () => idles >= 1 });
    expect(shadow.now).toBe(300);
  }, 60_000);

  it('keeps the same run as a session built in one go and never sliced small', () => {
    const shadow = shadowWithCostClock();
    while (shadow.step(450));
    const joined = shadow.join([], scenario.compare.map((e) => e.label));
    expect(joined).not.toBeNull();
    const whole = new ScenarioSession(scenario, {}, STREAM);
    whole.advance(450);
    expect(joined!.finish()).toEqual(whole.finish());
  }, 60_000);

  it('cannot be joined while it is still being set up', () => {
    const shadow = shadowWithCostClock();
    shadow.step(100);
    expect(shadow.join([], scenario.compare.map((e) => e.label))).toBeNull();
  });
});

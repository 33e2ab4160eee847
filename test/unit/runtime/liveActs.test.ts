// An act joins the running simulation at the playhead instead of re-simulating from time 0. That
// is only allowed because it changes nothing: a session built with acts A + [a] from time 0 gives
// exactly the same slices and run records as a session with A advanced to b ≤ a.t and then given a.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../src/scenario/parse';
import { ScenarioSession } from '../../../src/runtime/session';
import type { Act } from '../../../src/runtime/acts/act';
import { actsAdded, actsToRun } from '../../../src/runtime/acts/toRun';
import type { Scenario } from '../../../src/scenario/types';

const parsed = parseScenario(readFileSync(new URL('../../../scenarios/default.yaml', import.meta.url), 'utf8'), 'default.yaml');
if (!parsed.ok) throw new Error('default.yaml does not parse');
// the default scenario, shortened: the rollout at 5:00, its canary and toggle pausing to 15:00
const scenario: Scenario = { ...parsed.scenario, duration: 900 };
const labels = scenario.compare.map((e) => e.label);
const STREAM = { frameSeconds: 1, requestsPerSecond: 5 };
/** slice ends shared by both paths after b (the live path's first slice ends at b) */
const SLICES = [120, 400, 600, 900];

const outage = (t: number): Act => ({ type: 'fault', t, kind: 'dependency-outage', duration: 120, params: { rate: 0.3 } });
const latency = (t: number): Act => ({ type: 'fault', t, kind: 'latency', duration: 180, params: { version: 'v2', factor: 5 } });

/** Slices at `cuts` (b among them) of a session built with `acts` from time 0. */
function fromZero(acts: Act[], cuts: number[]) {
  const session = new ScenarioSession(scenario, actsToRun(acts, labels), STREAM);
  return { slices: cuts.map((t) => session.advance(t)), result: session.finish() };
}

/** The same, but the session has `before` until b, where the rest of `acts` joins it live. */
function joinedLive(before: Act[], acts: Act[], b: number, cuts: number[]) {
  const session = new ScenarioSession(scenario, actsToRun(before, labels), STREAM);
  const slices = cuts.filter((t) => t <= b).map((t) => session.advance(t));
  const more = actsAdded(before, acts, labels)!;
  expect(session.cannotAddLive(more)).toBeNull();
  session.addLive(more);
  slices.push(...cuts.filter((t) => t > b).map((t) => session.advance(t)));
  return { slices, result: session.finish() };
}

const cases: Array<{ name: string; before: Act[]; act: Act; b: number }> = [
  { name: 'a fault, with nothing before it', before: [], act: outage(320), b: 300.5 },
  // 400 s is also a metrics bucket's end and an instant other events were queued for long before
  { name: 'an abort at the very time of a bucket’s end, after a fault', before: [outage(200)], act: { type: 'gate', t: 400, event: 'ABORT', run: null }, b: 399.999 },
  { name: 'a kill in one run after a gate', before: [{ type: 'gate', t: 350, event: 'PAUSE', run: 4 }], act: { type: 'kill', t: 450, run: 1, instance: 2 }, b: 449 },
  { name: 'a flag change and a second fault of the same kind', before: [latency(330), outage(360)], act: { type: 'flag', t: 420, run: 5, rollout: 0.8 }, b: 360 },
  { name: 'a second identical fault at the same instant as the first', before: [outage(500)], act: outage(500), b: 480 },
];

describe('an act joining a running session', () => {
  it.each(cases)('$name: the same slices and records as from time 0', ({ before, act, b }) => {
    const acts = [...before, act];
    const cuts = [...SLICES.filter((t) => t < b), b, ...SLICES.filter((t) => t > b)];
    const live = joinedLive(before, acts, b, cuts);
    const zero = fromZero(acts, cuts);
    expect(live.result).toEqual(zero.result);
    expect(live.slices).toEqual(zero.slices);
    // and the act changed the story (so the comparison is not between two unchanged runs)
    expect(zero.result).not.toEqual(fromZero(before, cuts).result);
  }, 120_000);

  it('refuses an act behind the simulation, a traffic spike, and a shared fault after a run’s own', () => {
    const session = new ScenarioSession(scenario, actsToRun([{ type: 'kill', t: 100, run: 1, instance: 2 }], labels), STREAM);
    session.advance(300);
    const of = (acts: Act[]) => actsAdded([], acts, labels)!;
    expect(session.cannotAddLive(of([{ type: 'gate', t: 300, event: 'ABORT', run: null }]))).toMatch(/not ahead/);
    expect(session.cannotAddLive(of([{ type: 'gate', t: 301, event: 'ABORT', run: null }]))).toBeNull();
    expect(session.cannotAddLive(of([{ type: 'kill', t: 400, run: 2, instance: 1 }]))).toBeNull();
    const fresh = new ScenarioSession(scenario, {}, STREAM);
    expect(fresh.cannotAddLive(of([{ type: 'fault', t: 400, kind: 'traffic-spike', duration: 60, params: { factor: 3 } }]))).toMatch(/traffic spike/);
    expect(fresh.cannotAddLive(of([outage(0)]))).toBeNull(); // nothing has run yet
    expect(session.cannotAddLive(of([outage(400)]))).toMatch(/shared fault/);
    expect(() => session.addLive(of([outage(400)]))).toThrow(/cannot join/);
  });

  it('tells a story told further from one told differently', () => {
    expect(actsAdded([outage(200)], [outage(200), outage(300)], labels)!.inject).toHaveLength(1);
    expect(actsAdded([outage(200)], [outage(250)], labels)).toBeNull();
    expect(actsAdded([outage(200), outage(300)], [outage(200)], labels)).toBeNull();
  });
});

// The streamed session: slices of a run end in exactly the run record of a plain run, sampling
// takes no random draw, and every slice reports what really happened in it.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../../src';
import { ScenarioSession } from '../../../src/runtime/session';
import type { Measurement, StreamSlice } from '../../../src/runtime/stream';
import type { ScenarioResult } from '../../../src/index';
import { scenario, version } from '../../support/scenarios';
import { allPatterns } from '../../support/compare';
import { decodeFleet } from '../../../src/runtime/fleetColumns';
import { decodeRequests } from '../../../src/runtime/requestColumns';

const bad = scenario({
  duration: 900,
  versions: [version('v1'), version('v2', 0.08, 0.05)],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: allPatterns().filter((c) => ['none', 'canary', 'rolling', 'blue-green'].includes(c.pattern)),
  faults: [{ kind: 'instance-loss', count: 2, zone: null, instance: null, version: null, start: { at: 30 }, duration: 60, label: 'two nodes lost' }],
});

/** Streams the whole scenario in slices of `span` simulated seconds. */
function stream(span: number) {
  const session = new ScenarioSession(bad, {}, { frameSeconds: 1, requestsPerSecond: 20 });
  const slices: StreamSlice[] = [];
  while (!session.done) slices.push(session.advance(session.now + span));
  return { slices, result: session.finish() };
}

describe('a streamed session', () => {
  let plain: ScenarioResult;
  let slices: StreamSlice[];
  let result: ScenarioResult;
  beforeAll(() => {
    plain = runScenario(bad);
    ({ slices, result } = stream(7));
  });

  it('ends in the very record a plain run gives, sampling and framing included', () => {
    expect(result).toEqual(plain);
    // and uneven slices change nothing either
    expect(stream(61).result).toEqual(plain);
  });

  it('covers the run without gaps, one slice after the other', () => {
    expect(slices[0].t0).toBe(0);
    expect(slices.at(-1)!.t1).toBe(bad.duration);
    slices.forEach((s, k) => k > 0 && expect(s.t0).toBe(slices[k - 1].t1));
  });

  it('reports every bucket, decision and transition once, in order, as the record has them', () => {
    result.runs.forEach((record, r) => {
      const runs = slices.map((s) => s.runs[r]);
      expect(runs.flatMap((s) => s.decisions)).toEqual(record.decisions);
      const buckets = runs.flatMap((s) => s.buckets);
      expect(buckets.map((b) => b.t)).toEqual(Array.from({ length: bad.duration / 10 }, (_, k) => k * 10));
      expect(buckets.reduce((n, b) => n + b.versions.reduce((m, v) => m + v.requests, 0), 0)).toBe(record.requests);
      expect(buckets.at(-1)!.usersAffected).toBe(record.usersAffected);
      expect(buckets.at(-1)!.conversions).toBe(record.conversions);
      // transitions chain: each leaves the state the previous one entered
      const steps = runs.flatMap((s) => s.steps);
      steps.forEach((step, k) => k > 0 && expect(step.from).toEqual(steps[k - 1].to));
      expect(runs.at(-1)!.state).toEqual(steps.at(-1)!.to);
    });
  });

  it('shows the canary rolling back on the failed analysis, with the measurement behind it', () => {
    const r = bad.compare.findIndex((c) => c.pattern === 'canary');
    const runs = slices.map((s) => s.runs[r]);
    const steps = runs.flatMap((s) => s.steps);
    const abort = steps.find((s) => s.event === 'analysis.failed')!;
    expect(abort.from).toHaveLength(1);
    expect(abort.from[0]).toMatch(/^progressing\./);
    // traffic back at once; the canary's pods stay abortScaleDownDelaySeconds (30 s), then go
    expect(abort.to).toEqual(['keepingCanary']);
    expect(steps.find((s) => s.to[0] === 'rolledBack')?.t).toBe(abort.t + 30);
    expect(steps.some((s) => s.event === 'after untilRollout' && s.t === 60)).toBe(true);
    // every transition's event names an edge of the statechart the page draws
    const graph = new ScenarioSession(bad).start(10).runs[r].machine;
    const events = new Set(graph.transitions.map((t) => t.event));
    for (const step of steps.slice(1)) expect(events).toContain(step.event);
    expect(steps[0].event).toBe('xstate.init');
    const failed = runs.flatMap((s) => s.measurements).filter((m) => m.verdict === 'fail');
    expect(failed.length).toBe(1);
    expect(failed[0].t).toBe(abort.t);
    expect(failed[0].text).toMatch(/check \d+ failed: error rate \d+\.\d% > 1%/);
  });

  it('opens and closes the fault window at its times', () => {
    const windows = slices.flatMap((s) => s.runs[0].faults);
    expect(windows.at(-1)).toEqual({ label: 'two nodes lost', kind: 'instance-loss', start: 30, end: 90 });
  });

  it('frames the fleet every simulated second from the start, with the lost instances shown as failed', () => {
    const frames = slices.flatMap((s) => decodeFleet(s.runs[0].fleet));
    expect(frames.map((f) => f.t)).toEqual(Array.from({ length: bad.duration + 1 }, (_, k) => k));
    // at 0:00 the fleet is there to be seen, as the scenario starts it: ten instances of v1, ready
    expect(frames[0].state).toEqual(Array(10).fill('ready'));
    expect(new Set(frames[0].version)).toEqual(new Set([0]));
    const at31 = frames.find((f) => f.t === 31)!;
    expect(at31.state.filter((s) => s === 'failed')).toHaveLength(2);
    expect(at31.state.filter((s) => s === 'ready').length + at31.state.filter((s) => s === 'starting').length).toBe(10);
  });

  it('samples at most 20 requests per simulated second per run, each with a known outcome', () => {
    const sampled = slices.flatMap((s) => decodeRequests(s.runs[0].requests));
    const perSecond = new Map<number, number>();
    for (const q of sampled) perSecond.set(Math.floor(q.t), (perSecond.get(Math.floor(q.t)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(20);
    expect(sampled.length).toBeGreaterThan(bad.duration * 10);
    for (const q of sampled) expect(q.end).toBeGreaterThanOrEqual(q.t);
    // the same arrivals are sampled in every run: common random numbers, common sample
    const arrivals = (r: number) => slices.flatMap((s) => decodeRequests(s.runs[r].requests)).filter((q) => !q.shadow).map((q) => q.t).sort((a, b) => a - b);
    expect(arrivals(1).slice(0, 200)).toEqual(arrivals(0).slice(0, 200));
  });
});

describe("an A/B test's looks", () => {
  it('are streamed as measurements, one per interval, the last one saying what the decision read', () => {
    const fixed = allPatterns().find((c) => c.pattern === 'ab-test')!;
    const ab = { ...fixed, options: { ...fixed.options, minSamples: 8000 } }; // read once 16,000 users are enrolled
    const s = scenario({ duration: 3600, versions: [version('v1'), { ...version('v2'), conversionRate: 0.045 }], rollout: { from: 'v1', to: 'v2', at: 60 }, compare: [ab] });
    const session = new ScenarioSession(s);
    const looks: Measurement[] = [];
    while (!session.done) looks.push(...session.advance(session.now + 300).runs[0].measurements);
    const run = session.finish().runs[0];
    expect(run.outcome).toBe('promoted'); // B converts 50% better
    const decision = run.decisions.find((d) => d.reason === 'experiment read')!;
    expect(looks.length).toBeGreaterThan(1);
    looks.forEach((m, k) => k > 0 && expect(m.t - looks[k - 1].t).toBe((fixed.options as { interval: number }).interval));
    const last = looks.at(-1)!;
    expect(last.t).toBe(decision.t);
    expect(last.verdict).toBe('pass');
    expect(decision.text).toContain(last.text.replace(/^\S+ look \d+: /, ''));
    expect(looks.slice(0, -1).every((m) => m.verdict === 'inconclusive')).toBe(true);
  });
});

describe('fleet frames and sampled requests under faults and mirroring', () => {
  it('show crash-looping instances in back-off, and mirrored requests as shadows', () => {
    const rolling = allPatterns().find((c) => c.pattern === 'rolling')!;
    const dark = allPatterns().find((c) => c.pattern === 'dark-launch')!;
    const s = scenario({
      duration: 600,
      rollout: { from: 'v1', to: 'v2', at: 60 },
      compare: [rolling, dark],
      faults: [{ kind: 'crash-loop', version: 'v2', after: 5, start: { at: 0 }, duration: null, label: 'crash' }],
    });
    const session = new ScenarioSession(s, {}, { frameSeconds: 1, requestsPerSecond: 10 });
    const slices: StreamSlice[] = [];
    while (!session.done) slices.push(session.advance(session.now + 30));
    const frames = slices.flatMap((sl) => decodeFleet(sl.runs[0].fleet));
    const backoff = frames.flatMap((f) => f.state.flatMap((state, k) => (state === 'backoff' ? [f.version[k]] : [])));
    expect(backoff.length).toBeGreaterThan(0);
    expect(new Set(backoff)).toEqual(new Set([1])); // only v2 crashes
    // no frame before the rollout shows anything but v1 ready
    for (const f of frames.filter((f) => f.t < 60)) expect(new Set(f.state)).toEqual(new Set(['ready']));

    const mirrored = slices.flatMap((sl) => decodeRequests(sl.runs[1].requests)).filter((q) => q.shadow);
    expect(mirrored.length).toBeGreaterThan(0);
    for (const q of mirrored) expect(q.version).toBe(1);
  });
});

describe('property: streaming changes no run', () => {
  const patterns = allPatterns();
  it('gives the plain record for random scenarios, slice lengths and sampling rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: patterns.length - 1 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (seed, p, span, perSecond, faulty) => {
          const s = scenario({
            seed,
            duration: 400,
            traffic: { rps: 80, shape: { kind: 'constant' } },
            versions: [version('v1'), version('v2', 0.08, 0.03)],
            rollout: { from: 'v1', to: 'v2', at: 30 },
            compare: [patterns[p]],
            faults: faulty ? [{ kind: 'crash-loop', version: 'v2', after: 20, start: { at: 0 }, duration: 200, label: 'crash' }] : [],
          });
          const session = new ScenarioSession(s, {}, { frameSeconds: 1, requestsPerSecond: perSecond });
          while (!session.done) session.advance(session.now + span);
          expect(session.finish()).toEqual(runScenario(s));
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});

// The streamed session: slices of a run end in exactly the run record of a plain run, sampling
// takes no random draw, and every slice reports what really happened in it.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/runtime/run';
import { ScenarioSession } from '../../../src/runtime/session';
import type { StreamSlice } from '../../../src/runtime/stream';
import { scenario, version } from '../../support/scenarios';
import { allPatterns } from '../../support/compare';

const bad = scenario({
  duration: 900,
  versions: [version('v1'), version('v2', 0.08, 0.05)],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: allPatterns().filter((c) => ['none', 'canary', 'rolling', 'blue-green'].includes(c.pattern)),
  faults: [{ kind: 'instance-loss', count: 2, zone: null, version: null, start: { at: 30 }, duration: 60, label: 'two nodes lost' }],
});

/** Streams the whole scenario in slices of `span` simulated seconds. */
function stream(span: number) {
  const session = new ScenarioSession(bad, {}, { frameSeconds: 1, requestsPerSecond: 20 });
  const slices: StreamSlice[] = [];
  while (!session.done) slices.push(session.advance(session.now + span));
  return { slices, result: session.finish() };
}

describe('a streamed session', () => {
  const plain = runScenario(bad);
  const { slices, result } = stream(7);

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
    expect(abort.to).toEqual(['rolledBack']);
    expect(steps.some((s) => s.event === 'xstate.after.untilRollout' && s.t === 60)).toBe(true);
    const failed = runs.flatMap((s) => s.measurements).filter((m) => m.verdict === 'fail');
    expect(failed.length).toBe(1);
    expect(failed[0].t).toBe(abort.t);
    expect(failed[0].text).toMatch(/check \d+ failed: error rate \d+\.\d% > 1%/);
  });

  it('opens and closes the fault window at its times', () => {
    const windows = slices.flatMap((s) => s.runs[0].faults);
    expect(windows.at(-1)).toEqual({ label: 'two nodes lost', kind: 'instance-loss', start: 30, end: 90 });
  });

  it('frames the fleet every simulated second, with the lost instances shown as failed', () => {
    const frames = slices.flatMap((s) => s.runs[0].fleet);
    expect(frames.map((f) => f.t)).toEqual(Array.from({ length: bad.duration }, (_, k) => k + 1));
    const at31 = frames.find((f) => f.t === 31)!;
    expect(at31.state.filter((s) => s === 'failed')).toHaveLength(2);
    expect(at31.state.filter((s) => s === 'ready').length + at31.state.filter((s) => s === 'starting').length).toBe(10);
  });

  it('samples at most 20 requests per simulated second per run, each with a known outcome', () => {
    const sampled = slices.flatMap((s) => s.runs[0].requests);
    const perSecond = new Map<number, number>();
    for (const q of sampled) perSecond.set(Math.floor(q.t), (perSecond.get(Math.floor(q.t)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(20);
    expect(sampled.length).toBeGreaterThan(bad.duration * 10);
    for (const q of sampled) expect(q.end).toBeGreaterThanOrEqual(q.t);
    // the same arrivals are sampled in every run: common random numbers, common sample
    const arrivals = (r: number) => slices.flatMap((s) => s.runs[r].requests).filter((q) => !q.shadow).map((q) => q.t).sort((a, b) => a - b);
    expect(arrivals(1).slice(0, 200)).toEqual(arrivals(0).slice(0, 200));
  });
});

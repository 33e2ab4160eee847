// The timeline store answers "what was run r like at time t" from streamed slices alone: scrubbing
// back gives the earlier picture, and nothing past the computed horizon is ever shown.
import { describe, expect, it } from 'vitest';
import type { FleetFrame, RunSlice, SampledRequest, StreamSlice, StreamStart } from '../../../src/runtime/stream';
import { appendSlice, createTimeline } from '../../../src/view/timeline';
import { encodeFleet } from '../../../src/runtime/fleetColumns';
import { encodeRequests } from '../../../src/runtime/requestColumns';
import { clampTime, keepUnchanged, nextDecisionAfter, runAt } from '../../../src/view/timelineAt';

const start: StreamStart = {
  scenario: 'test',
  objectives: [],
  seed: 1,
  durationSeconds: 60,
  bucketSeconds: 10,
  versions: ['v1', 'v2'],
  runs: [
    { pattern: 'canary', label: 'canary', machine: { id: 'canary', states: [], transitions: [] } },
    { pattern: 'none', label: 'none', machine: { id: 'none', states: [], transitions: [] } },
  ],
  plannedFaults: [],
};

const frame = (t: number, versions: number[]): FleetFrame => ({
  t,
  id: versions.map((_, i) => i),
  version: versions,
  state: versions.map(() => 'ready'),
  queue: versions.map(() => 0),
  busy: versions.map(() => 1),
  zone: versions.map(() => 'a'),
});

const bucket = (t: number, requests: number) => ({
  t,
  versions: [{ requests, errors: 0, rejected: 0, p99Ms: 100, ready: 2, starting: 0, draining: 0, weight: 1 }],
  usersAffected: 0,
  conversions: 0,
  corruptedWrites: 0,
  duplicatedWrites: 0,
});

const request = (t: number, end: number): SampledRequest => ({ t, end, version: 0, instance: 0, outcome: 'ok', shadow: false });

const empty = (): RunSlice => ({ buckets: [], fleet: encodeFleet([]), requests: encodeRequests([]), steps: [], state: ['stable'], decisions: [], measurements: [], faults: [] });

/** A slice as the worker sends it, its frames and requests written as objects here for reading. */
function slice(t0: number, t1: number, canary: Partial<Omit<RunSlice, 'fleet' | 'requests'>> & { fleet?: FleetFrame[]; requests?: SampledRequest[] }): StreamSlice {
  const { fleet = [], requests = [], ...rest } = canary;
  return { t0, t1, runs: [{ ...empty(), ...rest, fleet: encodeFleet(fleet), requests: encodeRequests(requests) }, empty()] };
}

function streamed() {
  const timeline = createTimeline(start);
  appendSlice(timeline, slice(0, 20, {
    buckets: [bucket(0, 10), bucket(10, 11)],
    fleet: [frame(10, [0, 0]), frame(20, [0, 1])],
    requests: [request(1, 1.2), request(19.5, 20.5)],
    steps: [{ t: 15, from: ['stable'], to: ['progressing.step'], event: 'ROLLOUT' }],
    state: ['progressing.step'],
    faults: [{ label: 'bug', kind: 'error-rate', start: 18, end: null }],
  }));
  appendSlice(timeline, slice(20, 40, {
    buckets: [bucket(20, 12), bucket(30, 13)],
    fleet: [frame(30, [0, 1]), frame(40, [0, 0])],
    requests: [request(20.2, 20.4), request(20.1, 25)], // reported out of arrival order
    steps: [{ t: 32, from: ['progressing.step'], to: ['aborted'], event: 'analysis.failed' }],
    state: ['aborted'],
    decisions: [{ t: 32, from: 'progressing', to: 'aborted', reason: 'analysis failed', text: '0:32 canary halted' }],
    measurements: [
      { t: 25, verdict: 'pass', text: 'ok', evidence: {} },
      { t: 32, verdict: 'fail', text: 'bad', evidence: {} },
    ],
    faults: [{ label: 'bug', kind: 'error-rate', start: 18, end: 35 }],
  }));
  return timeline;
}

describe('the timeline store', () => {
  it('knows how far it has computed and never shows beyond it', () => {
    const timeline = streamed();
    expect(timeline.computedUntil).toBe(40);
    expect(clampTime(timeline, 55)).toBe(40);
    expect(runAt(timeline, 0, 55).t).toBe(40);
    expect(runAt(timeline, 0, 55).frame?.t).toBe(40);
  });

  it('answers with the latest fleet frame at or before t, forwards and back', () => {
    const timeline = streamed();
    expect(runAt(timeline, 0, 5).frame).toBeUndefined();
    expect(runAt(timeline, 0, 29.9).frame?.t).toBe(20);
    expect(runAt(timeline, 0, 30).frame?.version).toEqual([0, 1]);
    // scrub back after everything was streamed: the earlier picture again
    expect(runAt(timeline, 0, 12).frame?.version).toEqual([0, 0]);
  });

  it('counts only buckets that ended by t', () => {
    const timeline = streamed();
    expect(runAt(timeline, 0, 9.9).buckets).toHaveLength(0);
    expect(runAt(timeline, 0, 20).buckets.map((b) => b.versions[0].requests)).toEqual([10, 11]);
    expect(runAt(timeline, 0, 39).buckets).toHaveLength(3);
  });

  it('lights the state active at t, before and after each transition', () => {
    const timeline = streamed();
    expect(runAt(timeline, 0, 10).active).toEqual(['stable']);
    expect(runAt(timeline, 0, 10).lastStep).toBeUndefined();
    expect(runAt(timeline, 0, 20).active).toEqual(['progressing.step']);
    expect(runAt(timeline, 0, 33).active).toEqual(['aborted']);
    expect(runAt(timeline, 0, 33).lastStep?.event).toBe('analysis.failed');
    expect(runAt(timeline, 1, 33).active).toEqual(['stable']);
  });

  it('keeps decisions and measurements made by t', () => {
    const timeline = streamed();
    expect(runAt(timeline, 0, 31).decisions).toHaveLength(0);
    expect(runAt(timeline, 0, 31).measurements.map((m) => m.verdict)).toEqual(['pass']);
    expect(runAt(timeline, 0, 32).decisions.map((d) => d.text)).toEqual(['0:32 canary halted']);
    expect(runAt(timeline, 0, 32).measurements).toHaveLength(2);
  });

  it('merges a fault window reported at its start and its end, open until its end', () => {
    const timeline = streamed();
    expect(timeline.runs[0].faults).toEqual([{ label: 'bug', kind: 'error-rate', start: 18, end: 35 }]);
    expect(runAt(timeline, 0, 17).faults).toEqual([]);
    expect(runAt(timeline, 0, 30).faults).toEqual([{ label: 'bug', kind: 'error-rate', start: 18, end: null }]);
    expect(runAt(timeline, 0, 36).faults[0].end).toBe(35);
  });

  it('finds the requests in flight at t, even when reported out of arrival order', () => {
    const timeline = streamed();
    expect(timeline.runs[0].requests.map((q) => q.t)).toEqual([1, 19.5, 20.1, 20.2]);
    expect(runAt(timeline, 0, 20.3).inFlight.map((q) => q.t)).toEqual([19.5, 20.1, 20.2]);
    expect(runAt(timeline, 0, 24).inFlight.map((q) => q.t)).toEqual([20.1]);
    expect(runAt(timeline, 0, 1.1).inFlight.map((q) => q.t)).toEqual([1]);
    expect(runAt(timeline, 0, 3).inFlight).toEqual([]);
  });

  it('keeps requests in arrival order when a later slice reports an earlier arrival', () => {
    const timeline = streamed();
    appendSlice(timeline, slice(40, 60, { requests: [request(45, 46), request(20.15, 41)] }));
    expect(timeline.runs[0].requests.map((q) => q.t)).toEqual([1, 19.5, 20.1, 20.15, 20.2, 45]);
    expect(runAt(timeline, 0, 40.5).inFlight.map((q) => q.t)).toEqual([20.15]);
  });

  it('steps to the next decision after the playhead, then through those at the same instant', () => {
    const timeline = streamed();
    const decision = { t: 32, from: 'progressing', to: 'aborted', reason: 'analysis failed', text: '0:32 none too' };
    appendSlice(timeline, { t0: 40, t1: 50, runs: [empty(), { ...empty(), decisions: [] }] });
    timeline.runs[1].decisions.push(decision); // a second run deciding at the same instant
    const first = nextDecisionAfter(timeline, 0);
    expect(first).toEqual({ t: 32, run: 0, index: 0 });
    expect(nextDecisionAfter(timeline, 32, first)).toEqual({ t: 32, run: 1, index: 0 });
    expect(nextDecisionAfter(timeline, 32, { t: 32, run: 1, index: 0 })).toBeNull();
    expect(nextDecisionAfter(timeline, 32)).toBeNull();
  });

  it('ignores a slice it already has', () => {
    const timeline = streamed();
    appendSlice(timeline, slice(20, 40, { buckets: [bucket(20, 99)] }));
    expect(timeline.runs[0].buckets).toHaveLength(4);
    expect(timeline.revision).toBe(2);
  });
});

describe('keeping unchanged parts', () => {
  it('reuses what did not move, so drawings need not redraw', () => {
    const timeline = streamed();
    const a = runAt(timeline, 0, 21);
    const b = keepUnchanged(a, runAt(timeline, 0, 22));
    expect(b.buckets).toBe(a.buckets);
    expect(b.decisions).toBe(a.decisions);
    expect(b.faults).toBe(a.faults);
    expect(b.active).toBe(a.active);
    const c = keepUnchanged(b, runAt(timeline, 0, 36));
    expect(c.buckets).not.toBe(b.buckets);
    expect(c.buckets).toHaveLength(3);
    expect(c.faults).not.toBe(b.faults);
    expect(c.active).toEqual(['aborted']);
  });
});

// The slice's bulky parts travel as typed-array columns: decoding what was encoded gives back every
// request and every fleet frame exactly, and the buffers are handed over, not copied.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFleet, encodeFleet, INSTANCE_STATES } from '../../../src/runtime/fleetColumns';
import { decodeRequests, encodeRequests, OUTCOMES } from '../../../src/runtime/requestColumns';
import { ScenarioSession } from '../../../src/runtime/session';
import { transferablesOf, type FleetFrame, type SampledRequest } from '../../../src/runtime/stream';
import { scenario, version } from '../../support/scenarios';

const time = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const request: fc.Arbitrary<SampledRequest> = fc.record({
  t: time,
  end: time,
  version: fc.integer({ min: 0, max: 14 }),
  instance: fc.integer({ min: -1, max: 20_000 }),
  outcome: fc.constantFrom(...OUTCOMES),
  shadow: fc.boolean(),
});
const frame: fc.Arbitrary<FleetFrame> = fc
  .tuple(time, fc.array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 14 }), fc.constantFrom(...INSTANCE_STATES), fc.nat(1_000_000), fc.nat(64), fc.constantFrom('a', 'b', 'c')), { maxLength: 30 }))
  .map(([t, cells]) => ({
    t,
    id: cells.map((c) => c[0]),
    version: cells.map((c) => c[1]),
    state: cells.map((c) => c[2]),
    queue: cells.map((c) => c[3]),
    busy: cells.map((c) => c[4]),
    zone: cells.map((c) => c[5]),
  }));

describe('columnar slices', () => {
  it('give back every sampled request exactly', () => {
    fc.assert(fc.property(fc.array(request, { maxLength: 200 }), (requests) => {
      expect(decodeRequests(encodeRequests(requests))).toEqual(requests);
    }));
  });

  it('give back every fleet frame exactly, empty frames included', () => {
    fc.assert(fc.property(fc.array(frame, { maxLength: 20 }), (frames) => {
      expect(decodeFleet(encodeFleet(frames))).toEqual(frames);
    }));
  });

  it('are transferred: the worker keeps nothing, the page gets the same columns', () => {
    const s = scenario({ duration: 120, versions: [version('v1'), version('v2', 0.08, 0.05)], rollout: { from: 'v1', to: 'v2', at: 30 } });
    const session = new ScenarioSession(s, {}, { frameSeconds: 1, requestsPerSecond: 20 });
    const slice = session.advance(60);
    const frames = slice.runs.map((run) => decodeFleet(run.fleet));
    const requests = slice.runs.map((run) => decodeRequests(run.requests));
    expect(frames[0]).toHaveLength(61); // 0:00 to 1:00
    expect(requests[0].length).toBeGreaterThan(500);
    const buffers = transferablesOf(slice);
    expect(buffers).toHaveLength(slice.runs.length * 14); // 8 fleet columns and 6 request columns per run
    const received = structuredClone(slice, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true); // detached on the sending side
    expect(received.runs.map((run) => decodeFleet(run.fleet))).toEqual(frames);
    expect(received.runs.map((run) => decodeRequests(run.requests))).toEqual(requests);
  });
});

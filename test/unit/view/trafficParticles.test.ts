import { describe, expect, it } from 'vitest';
import type { SampledRequest } from '../../../src/runtime/stream';
import { chooseRequests, instanceSlots, keepShare, particleAt, PARTICLE_BUDGET, requestHash, travelWindow } from '../../../src/view/trafficParticles';

// 20 sampled requests per simulated second for 10 minutes, over 4 instances; every 7th fails, every 11th is rejected.
const requests: SampledRequest[] = Array.from({ length: 12_000 }, (_, i) => ({
  t: i / 20,
  end: i / 20 + 0.2,
  version: i % 3 === 0 ? 1 : 0,
  instance: i % 11 === 0 ? -1 : i % 4,
  outcome: i % 11 === 0 ? 'rejected' : i % 7 === 0 ? 'error' : 'ok',
  shadow: false,
}));

describe('chooseRequests', () => {
  it('draws only requests that arrived within the travel window before now', () => {
    const chosen = chooseRequests(requests, 300, 1, false);
    expect(chosen.window).toBe(travelWindow(1));
    for (const q of chosen.requests) expect(q.t > 300 - chosen.window && q.t <= 300).toBe(true);
    expect(chosen.requests.length).toBe(16); // 0.8 s × 20/s, nothing thinned
    expect(chosen.share).toBe(1);
  });

  it('thins by halves as speed grows, staying near the budget at every speed', () => {
    for (const speed of [0.25, 1, 10, 60, 600]) {
      const chosen = chooseRequests(requests, 590, speed, false);
      expect(chosen.requests.length).toBeLessThanOrEqual(1.3 * PARTICLE_BUDGET);
      expect(Number.isInteger(Math.log2(chosen.share))).toBe(true);
    }
    // At 60× the window holds 48 s × 20/s = 960 requests: an eighth (≈120) is kept, within sampling error.
    const at60 = chooseRequests(requests, 590, 60, false);
    expect(at60.share).toBe(1 / 8);
    expect(at60.requests.length).toBeGreaterThan(80);
  });

  it('keeps a particle for its whole crossing (the choice does not flicker from frame to frame)', () => {
    const a = chooseRequests(requests, 400, 60, false);
    const b = chooseRequests(requests, 400 + 1 / 60 * 60, 60, false); // one 60 Hz frame later at 60×
    const later = new Set(b.requests);
    const stillInWindow = a.requests.filter((q) => q.t > 401 - b.window);
    for (const q of stillInWindow) expect(later.has(q)).toBe(true);
  });

  it('a slower speed keeps every request a faster one keeps (nested thinning)', () => {
    const fast = chooseRequests(requests, 590, 240, false).requests.filter((q) => q.t > 590 - travelWindow(60));
    const slow = new Set(chooseRequests(requests, 590, 60, false).requests);
    for (const q of fast) expect(slow.has(q)).toBe(true);
  });

  it('with reduced motion the picture changes only in steps of one window, particles at their ends', () => {
    const g = { width: 300, height: 100, usersX: 10, routerX: 120, instancesX: 280, slotY: () => 50 };
    const w = travelWindow(30);
    const a = chooseRequests(requests, 5 * w + 0.1, 30, true);
    const b = chooseRequests(requests, 6 * w - 0.1, 30, true);
    expect(a.requests).toEqual(b.requests);
    expect(a.requests.map((q) => particleAt(q, a, g))).toEqual(b.requests.map((q) => particleAt(q, b, g)));
    const served = a.requests.find((q) => q.outcome === 'error')!;
    expect(particleAt(served, a, g).mark).toBe('error');
    expect(chooseRequests(requests, 6 * w + 0.1, 30, true).requests).not.toEqual(a.requests);
  });
});

describe('particleAt', () => {
  const g = { width: 300, height: 100, usersX: 10, routerX: 120, instancesX: 280, slotY: (i: number) => 10 + i * 20 };
  const chosen = { requests: [], at: 10, window: 1, share: 1, settled: false };
  const q = (outcome: SampledRequest['outcome'], t: number, instance = 2): SampledRequest => ({ t, end: t + 0.1, version: 0, instance, outcome, shadow: false });

  it('goes users → router in the first half and router → its instance in the second', () => {
    expect(particleAt(q('ok', 10), chosen, g).x).toBe(10);
    expect(particleAt(q('ok', 9.5), chosen, g)).toMatchObject({ x: 120, y: 50 });
    const arriving = particleAt(q('ok', 9.0001), chosen, g);
    expect(arriving.x).toBeCloseTo(280, 0);
    expect(arriving.y).toBeCloseTo(50, 0);
  });

  it('marks an error at the instance and bounces a rejection back from the router', () => {
    expect(particleAt(q('error', 9.05), chosen, g).mark).toBe('error');
    expect(particleAt(q('error', 9.4), chosen, g).mark).toBe('none');
    const bounced = particleAt(q('rejected', 9.1, -1), chosen, g);
    expect(bounced.mark).toBe('rejected');
    expect(bounced.x).toBeLessThan(120);
  });

  it('puts instances in the fleet view order and gives a vanished instance a stable place', () => {
    const slot = instanceSlots({ t: 0, id: [9, 4, 6], version: [0, 0, 0], state: ['ready', 'ready', 'ready'], queue: [0, 0, 0], busy: [0, 0, 0], zone: ['a', 'b', 'a'] }, 0, 90);
    expect([slot(6), slot(9), slot(4)]).toEqual([15, 45, 75]);
    expect(slot(99)).toBe(slot(99));
    expect(requestHash({ t: 1, instance: 1, version: 0 })).not.toBe(requestHash({ t: 1, instance: 2, version: 0 }));
    expect(keepShare(1000, 120)).toBe(1 / 16);
  });
});

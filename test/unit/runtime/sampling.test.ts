// The traffic animation's sample must look like the traffic: a round-robin balancer hands
// consecutive arrivals to consecutive instances, so a sample of every n-th arrival would meet the
// same instance every time (n a multiple of the fleet size) and draw all particles into one.
import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../../src/runtime/session';
import { scenario } from '../../support/scenarios';
import { decodeRequests } from '../../../src/runtime/requestColumns';

describe('sampled requests', () => {
  for (const loadBalancer of ['round-robin', 'least-connections', 'random'] as const) {
    it(`reach every instance of the fleet (${loadBalancer})`, () => {
      const s = scenario({ duration: 120, traffic: { rps: 300, shape: { kind: 'constant' } } });
      const fleet = { ...s.fleet, instances: 10, loadBalancer };
      const session = new ScenarioSession({ ...s, fleet }, {}, { frameSeconds: 1, requestsPerSecond: 5 });
      const slice = session.advance(120);
      const hits = new Map<number, number>();
      for (const q of decodeRequests(slice.runs[0].requests)) hits.set(q.instance, (hits.get(q.instance) ?? 0) + 1);
      expect(hits.size).toBe(10);
      // ~600 sampled over 10 instances: none gets more than twice its fair share.
      const total = [...hits.values()].reduce((a, b) => a + b, 0);
      for (const n of hits.values()) expect(n).toBeLessThan((2 * total) / 10);
    });
  }
});

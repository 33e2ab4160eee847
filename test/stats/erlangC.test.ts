// Queueing truth: with Poisson arrivals, exponential service and random balancing, each instance is
// an independent M/M/c queue, so the measured mean response time and probability of waiting must
// match the Erlang C formulas.
import { beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src';
import type { RunRecord } from '../../src/index';
import { scenario, version } from '../support/scenarios';

/** Erlang C: probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - a / c); // a^c / c! · 1/(1−ρ)
  return top / (sum + top);
}

describe.each([0.5, 0.9])('an M/M/4 fleet at utilisation %s', (rho) => {
  const instances = 10;
  const c = 4;
  const mu = 10; // per slot: mean service 100 ms
  const rps = rho * c * mu * instances;
  const lambda = rps / instances; // per instance, thanks to uniform random routing
  const pWait = erlangC(c, lambda / mu);
  const meanResponse = pWait / (c * mu - lambda) + 1 / mu;

  let run: RunRecord;
  let served: number;
  beforeAll(() => {
    const result = runScenario(
      scenario({
        duration: 2 * 3600,
        traffic: { rps, shape: { kind: 'constant' } },
        fleet: { instances, concurrency: c, queueLimit: 1_000_000, startupTime: 20, loadBalancer: 'random' },
        versions: [version('v1', 1 / mu)],
      }),
    );
    run = result.runs[0];
    served = run.ok + run.errors;
  });

  it('has the mean response time of Erlang C within 3%', () => {
    expect(run.latencyMs.mean / 1000 / meanResponse).toBeGreaterThan(0.97);
    expect(run.latencyMs.mean / 1000 / meanResponse).toBeLessThan(1.03);
  });

  it('has the probability of waiting of Erlang C within 3%', () => {
    expect(run.waited / served / pWait).toBeGreaterThan(0.97);
    expect(run.waited / served / pWait).toBeLessThan(1.03);
  });

  it('serves about rps × duration requests', () => {
    const expected = rps * 2 * 3600;
    expect(Math.abs(run.requests - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

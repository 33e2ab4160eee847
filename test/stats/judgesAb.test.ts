// A/B judges as experiments, repeated under fixed seeds: a fixed-horizon test finds a real lift, keeps
// false winners near alpha when read once, and loses that guarantee when read at every interval
// (peeking); the always-valid sequential test keeps it however often it is read.
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeFixed } from '../../src/judges/abTest';
import { initialSequentialState, judgeSequential } from '../../src/judges/sequential';
import type { ArmStats } from '../../src/judges/types';
import { createStream } from '../../src/random/streams';
import { binomial } from '../unit/judges/support';

const ALPHA = 0.05;

interface Outcome {
  /** fixed test read once, at the horizon */
  fixedAtHorizon: 'A' | 'B' | null;
  /** fixed test read after every interval, stopping at the first winner */
  fixedPeeking: 'A' | 'B' | null;
  /** sequential test read after every interval */
  sequential: 'A' | 'B' | null;
}

/** One experiment: `intervals` intervals, each bringing `perInterval` users to each arm. */
function experiment(rand: () => number, rateA: number, rateB: number, intervals: number, perInterval: number): Outcome {
  const a: ArmStats = { users: 0, converters: 0 };
  const b: ArmStats = { users: 0, converters: 0 };
  let fixedPeeking: Outcome['fixedPeeking'] = null;
  let sequential: Outcome['sequential'] = null;
  let state = initialSequentialState();
  for (let i = 0; i < intervals; i++) {
    a.users += perInterval;
    a.converters += binomial(rand, perInterval, rateA);
    b.users += perInterval;
    b.converters += binomial(rand, perInterval, rateB);
    fixedPeeking ??= judgeFixed(a, b, ALPHA).winner;
    const s = judgeSequential(a, b, ALPHA, state);
    state = s.state;
    sequential ??= s.winner;
  }
  return { fixedAtHorizon: judgeFixed(a, b, ALPHA).winner, fixedPeeking, sequential };
}

function simulate(seed: number, n: number, rateA: number, rateB: number, intervals: number, perInterval: number): Outcome[] {
  const rand = createStream(seed, 'ab-experiments');
  return Array.from({ length: n }, () => experiment(rand, rateA, rateB, intervals, perInterval));
}

const share = (outcomes: Outcome[], pick: (o: Outcome) => 'A' | 'B' | null, winner?: 'A' | 'B') =>
  outcomes.filter((o) => (winner ? pick(o) === winner : pick(o) !== null)).length / outcomes.length;

describe('a true +20% lift (10% → 12% conversion)', () => {
  it('is found by the fixed test at its horizon (5,000 users per arm) in ≥ 80% of 200 experiments', () => {
    // Planned power: Φ(0.02 / 0.00625 − 1.96) ≈ 89%.
    const outcomes = simulate(1, 200, 0.1, 0.12, 1, 5000);
    expect(share(outcomes, (o) => o.fixedAtHorizon, 'B')).toBeGreaterThanOrEqual(0.8);
    expect(share(outcomes, (o) => o.fixedAtHorizon, 'A')).toBe(0);
  });

  it('is found by the sequential test, watched over 20 intervals, with 10,000 users per arm in ≥ 80%', () => {
    // Validity under peeking costs sample size: the same lift needs about twice the users.
    const outcomes = simulate(2, 200, 0.1, 0.12, 20, 500);
    expect(share(outcomes, (o) => o.sequential, 'B')).toBeGreaterThanOrEqual(0.8);
  });
});

describe('no lift (10% vs 10%), 1,000 experiments of 20 intervals × 200 users per arm', () => {
  let outcomes: Outcome[];
  beforeAll(() => {
    outcomes = simulate(3, 1000, 0.1, 0.1, 20, 200);
  });

  it('the fixed test read once at the horizon declares a winner in about alpha of them', () => {
    // Binomial(1000, 0.05) has sd 0.0069: 0.03–0.07 is ±2.9 sd.
    const rate = share(outcomes, (o) => o.fixedAtHorizon);
    expect(rate).toBeGreaterThanOrEqual(0.03);
    expect(rate).toBeLessThanOrEqual(0.07);
  });

  it('peeking at the fixed test after every interval more than doubles the false winners', () => {
    expect(share(outcomes, (o) => o.fixedPeeking)).toBeGreaterThan(2 * ALPHA);
  });

  it('the sequential test read at the same 20 peeks stays within alpha', () => {
    // alpha plus three binomial standard deviations.
    expect(share(outcomes, (o) => o.sequential)).toBeLessThanOrEqual(ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / 1000));
  });
});

// The fault effects' kernels on their own: which fault fails a request, and how faults stretch a
// service time. Failure draws are rescaled per fault so that each fault fails exactly its rate.
import { describe, expect, it } from 'vitest';
import { FaultEffects, type FailureEffect, type ServiceEffect } from '../../../src/world/faults/effects';
import { compileMatch } from '../../../src/world/userMatch';
import { Users } from '../../../src/world/users';
import { scenario } from '../../support/scenarios';

const users = new Users({ ...scenario().users, count: 500 }, 1);
const failure = (e: Partial<FailureEffect>): FailureEffect => ({ fault: 0, version: -1, rate: 0.2, match: null, per: 0, mixed: false, ...e });
const service = (e: Partial<ServiceEffect>): ServiceEffect => ({ fault: 0, version: -1, factor: 1, add: 0, aboveUtilisation: 0, per: 0, warmup: 0, ...e });

function effects(failures: FailureEffect[] = [], services: ServiceEffect[] = []) {
  const fx = new FaultEffects(2, users.count, failures.some((f) => f.mixed));
  fx.failures = failures;
  fx.service = services;
  fx.refresh();
  return fx;
}

/** The share of a uniform grid of failure draws (above the base rate) that `fx` fails on version v. */
function failedShare(fx: FaultEffects, v: number, base = 0, user = 0, uptime = 0): number {
  const n = 10_000;
  let failed = 0;
  for (let k = 0; k < n; k++) {
    const u = base + ((1 - base) * (k + 0.5)) / n;
    if (fx.failureCause(v, user, uptime, 0, u, base, users) >= 0) failed++;
  }
  return failed / n;
}

describe('failureCause', () => {
  it('fails exactly its rate of the requests the version\'s own error rate let through', () => {
    expect(failedShare(effects([failure({ rate: 0.2 })]), 0)).toBeCloseTo(0.2, 3);
    expect(failedShare(effects([failure({ rate: 0.2 })]), 0, 0.1)).toBeCloseTo(0.2, 3);
  });

  it('combines two independent faults as 1 − (1 − a)(1 − b), each charged its own share', () => {
    const fx = effects([failure({ fault: 0, rate: 0.2 }), failure({ fault: 1, rate: 0.5 })]);
    expect(failedShare(fx, 0)).toBeCloseTo(1 - 0.8 * 0.5, 3);
    expect(fx.failureCause(0, 0, 0, 0, 0.1, 0, users)).toBe(0);
    expect(fx.failureCause(0, 0, 0, 0, 0.3, 0, users)).toBe(1);
  });

  it('hits only its version', () => {
    const fx = effects([failure({ version: 1, rate: 1 })]);
    expect([failedShare(fx, 0), failedShare(fx, 1)]).toEqual([0, 1]);
  });

  it('hits only matching users (segment)', () => {
    const fx = effects([failure({ rate: 1, match: compileMatch({ platform: 'ios' }, users) })]);
    const ios = users.platformNames.indexOf('ios');
    const iosUser = users.platform.findIndex((p) => p === ios);
    const other = users.platform.findIndex((p) => p !== ios);
    expect([failedShare(fx, 0, 0, iosUser), failedShare(fx, 0, 0, other)]).toEqual([1, 0]);
  });

  it('grows with uptime for a memory leak: rate × uptime / per, at most 1', () => {
    const fx = effects([failure({ rate: 0.1, per: 600 })]);
    expect(failedShare(fx, 0, 0, 0, 300)).toBeCloseTo(0.05, 3);
    expect(failedShare(fx, 0, 0, 0, 1200)).toBeCloseTo(0.2, 3);
    expect(failedShare(fx, 0, 0, 0, 1e6)).toBe(1);
  });

  it('hits only users whose previous request went to another version (mixed version)', () => {
    const fx = effects([failure({ rate: 1, mixed: true })]);
    expect(failedShare(fx, 0, 0, 3)).toBe(0); // no previous request
    fx.lastVersion[3] = 0;
    expect(failedShare(fx, 0, 0, 3)).toBe(0);
    fx.lastVersion[3] = 1;
    expect(failedShare(fx, 0, 0, 3)).toBe(1);
  });
});

describe('serviceTime', () => {
  it('multiplies and adds (latency), only on its version', () => {
    const fx = effects([], [service({ version: 1, factor: 3, add: 0.05 })]);
    expect(fx.serviceTime(1, 0.1, 0, 0)).toBeCloseTo(0.35, 12);
    expect(fx.serviceTime(0, 0.1, 0, 0)).toBe(0.1);
  });

  it('only at or above a utilisation when asked', () => {
    const fx = effects([], [service({ factor: 2, aboveUtilisation: 0.75 })]);
    expect(fx.serviceTime(0, 0.1, 0, 0.5)).toBe(0.1);
    expect(fx.serviceTime(0, 0.1, 0, 0.75)).toBe(0.2);
  });

  it('grows geometrically with uptime for a leak: factor^(uptime / per)', () => {
    const fx = effects([], [service({ factor: 1.5, per: 600 })]);
    expect(fx.serviceTime(0, 0.1, 1200, 0)).toBeCloseTo(0.1 * 1.5 ** 2, 12);
  });

  it('starts cold at factor× and warms linearly to 1× over the warm-up', () => {
    const fx = effects([], [service({ factor: 4, warmup: 300 })]);
    expect(fx.serviceTime(0, 0.1, 0, 0)).toBeCloseTo(0.4, 12);
    expect(fx.serviceTime(0, 0.1, 150, 0)).toBeCloseTo(0.25, 12);
    expect(fx.serviceTime(0, 0.1, 300, 0)).toBe(0.1);
  });
});

describe('refresh', () => {
  it('marks the effects inactive when nothing is left, so the hot path pays one boolean', () => {
    const fx = effects([failure({})]);
    expect(fx.active).toBe(true);
    fx.failures = [];
    fx.refresh();
    expect(fx.active).toBe(false);
  });
});

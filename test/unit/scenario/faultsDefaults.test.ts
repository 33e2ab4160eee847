// Fault defaults: label, start, duration, and each kind's optional fields.
import { describe, expect, it } from 'vitest';
import { exampleWith, scenarioOf } from './helpers';
import { withFault } from './faultsFixture';

/** The eighth fault of the example with `fault` added (labelled "x" so it never collides). */
const added = (fault: string) => scenarioOf(withFault(`{ label: x, ${fault} }`)).faults[7];
/** Just the kind's own fields of `added`. */
const own = (fault: string) => {
  const { kind, label, start, duration, ...rest } = added(fault);
  return rest;
};

describe('fault defaults', () => {
  it('labels a fault by its kind, lasts to the end of the run, and starts with the rollout', () => {
    const s = scenarioOf(withFault('{ kind: mixed-version, rate: 1% }'));
    expect(s.faults[7]).toEqual({ kind: 'mixed-version', label: 'mixed-version', start: { at: 300 }, duration: null, rate: 0.01 });
  });

  it('starts at 0 without a rollout, and keeps at: 0 when written', () => {
    const noRollout = exampleWith({ 11: 'faults: [ { kind: dependency-outage, rate: 10% } ]' });
    expect(scenarioOf(noRollout).faults[0].start).toEqual({ at: 0 });
    expect(added('kind: dependency-outage, rate: 10%, at: 0').start).toEqual({ at: 0 });
  });

  it('keeps an explicit label and a written duration', () => {
    expect(added('kind: mixed-version, at: 90s, duration: 1.5m')).toMatchObject({ label: 'x', start: { at: 90 }, duration: 90 });
  });

  it('fills each kind’s optional fields', () => {
    expect(own('kind: latency, version: v1, add: 50ms')).toEqual({ version: 'v1', factor: 1, add: 0.05, above: null });
    expect(own('kind: crash-loop, version: v2')).toEqual({ version: 'v2', after: null });
    expect(own('kind: crash-loop, version: v2, after: 2m')).toEqual({ version: 'v2', after: 120 });
    expect(own('kind: memory-leak, version: v2, per: 1h, errorRate: 0.5%')).toEqual({ version: 'v2', per: 3600, errorRate: 0.005, factor: 1 });
    expect(own('kind: memory-leak, version: v2, per: 1h, factor: 2')).toEqual({ version: 'v2', per: 3600, errorRate: 0, factor: 2 });
    expect(own('kind: mixed-version')).toEqual({ rate: 1 });
    expect(own('kind: cold-start, warmup: 30s')).toEqual({ version: null, warmup: 30, factor: 3 });
    expect(own('kind: bad-writes, version: v2, rate: 2%')).toEqual({ version: 'v2', rate: 0.02, writes: 0.2 });
    expect(own('kind: conversion-drop, version: v2, drop: 30%')).toEqual({ version: 'v2', drop: 0.3 });
    expect(own('kind: traffic-spike, factor: 4, at: 10m')).toEqual({ factor: 4 });
  });

  it('charges 503s to an instance loss for 2m unless told otherwise; a zone instead of a count', () => {
    expect(added('kind: instance-loss, zone: b')).toMatchObject({ duration: 120, count: null, zone: 'b', version: null });
    expect(added('kind: instance-loss, count: 1, version: v1, duration: 30s')).toMatchObject({ duration: 30, count: 1, zone: null, version: 'v1' });
  });

  it('accepts segment matches on any user attribute', () => {
    expect(own('kind: segment, version: v2, rate: 50%, match: { registeredFor: { atMost: 1d }, region: [eu, us] }')).toEqual({
      version: 'v2',
      rate: 0.5,
      match: { registeredFor: { atMost: 86400 }, region: ['eu', 'us'] },
    });
  });

  it('takes the name of a compared pattern\'s state, and a fraction as weightAtLeast', () => {
    expect(added('kind: mixed-version, when: { state: paused }').start).toEqual({ state: 'paused' });
    expect(added('kind: mixed-version, when: { weightAtLeast: 0.25 }').start).toEqual({ weightAtLeast: 0.25 });
  });
});

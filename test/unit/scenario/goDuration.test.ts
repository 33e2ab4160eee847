// Durations as Go's time.ParseDuration reads them (its documented examples: "300ms", "-1.5h",
// "2h45m"; units ns, us/µs, ms, s, m, h), and Argo's pause duration, which first tries a whole
// number of seconds (RolloutPause.DurationSeconds, argo-rollouts pkg/apis/rollouts/v1alpha1/types.go).
import { describe, expect, it } from 'vitest';
import { parseArgoDuration, parseGoDuration } from '../../../src/scenario/goDuration';

describe('parseGoDuration', () => {
  it("reads Go's documented examples", () => {
    expect(parseGoDuration('300ms')).toBe(0.3);
    expect(parseGoDuration('-1.5h')).toBe(-5400);
    expect(parseGoDuration('2h45m')).toBe(9900);
    expect(parseGoDuration('1h15m30.5s')).toBe(4530.5);
    expect(parseGoDuration('1500us')).toBe(0.0015);
    expect(parseGoDuration('0')).toBe(0);
  });
  it('rejects what Go rejects: no unit, unknown units (Go has no days), empty', () => {
    for (const bad of ['30', '1d', '5 m', '', 'h', '1x', '.s']) expect(parseGoDuration(bad)).toBeUndefined();
  });
});

describe('parseArgoDuration', () => {
  it('takes integers and quoted integers as seconds, other strings as Go durations', () => {
    expect(parseArgoDuration(30)).toBe(30);
    expect(parseArgoDuration('45')).toBe(45);
    expect(parseArgoDuration('1h30m')).toBe(5400);
    expect(parseArgoDuration(1.5)).toBeUndefined();
    expect(parseArgoDuration('soon')).toBeUndefined();
  });
});

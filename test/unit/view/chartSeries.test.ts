import { describe, expect, it } from 'vitest';
import type { SeriesBucket } from '../../../src/runtime/stream';
import { chartData, maxOf, shownBuckets } from '../../../src/view/chartSeries';
import { formatMs, formatRate, minuteTicks } from '../../../src/view/chartFormat';
import { decisionKind, decisionMarks } from '../../../src/view/decisionMarks';

const v = (requests: number, errors: number, rejected: number, p99Ms: number, ready = 1) => ({ requests, errors, rejected, p99Ms, ready, starting: 0, draining: 0, weight: 0 });
const idle = v(0, 0, 0, 0, 0);
// Three 60 s buckets: v1 alone, then v2 takes a quarter with failures, then v2 gets everything rejected.
const buckets: SeriesBucket[] = [
  { t: 0, versions: [v(100, 1, 0, 200), idle], usersAffected: 1, conversions: 0, corruptedWrites: 0 },
  { t: 60, versions: [v(75, 0, 0, 210), v(25, 5, 0, 900)], usersAffected: 6, conversions: 0, corruptedWrites: 0 },
  { t: 120, versions: [v(0, 0, 0, 0, 0), v(40, 0, 40, 0)], usersAffected: 30, conversions: 0, corruptedWrites: 3 },
];

describe('chartData', () => {
  it('shows only buckets that ended by the playhead', () => {
    expect(shownBuckets(buckets, 60, 119).map((b) => b.t)).toEqual([0]);
    expect(shownBuckets(buckets, 60, 120).map((b) => b.t)).toEqual([0, 60]);
    expect(chartData(buckets, 2, 60, 90).usersAffected).toEqual([{ t: 60, value: 1 }]);
  });

  it('error rate = (errors + rejected) / arrivals per version at bucket middles, no point without traffic', () => {
    const data = chartData(buckets, 2, 60, 180);
    const [v1, v2] = data.errorRate;
    expect(v1.points).toEqual([{ t: 30, value: 0.01 }, { t: 90, value: 0 }, { t: 150, value: null }]);
    expect(v2.points).toEqual([{ t: 30, value: null }, { t: 90, value: 0.2 }, { t: 150, value: 1 }]);
  });

  it('p99 is missing where every arrival was rejected (nothing was served to time)', () => {
    const [, v2] = chartData(buckets, 2, 60, 180).p99Ms;
    expect(v2.points.map((p) => p.value)).toEqual([null, 900, null]);
  });

  it('traffic shares stack to 1 in every bucket with traffic, in version order', () => {
    const { share } = chartData(buckets, 2, 60, 180);
    expect(share[0].points.map((p) => [p.y0, p.y1])).toEqual([[0, 1], [0, 0.75], [0, 0]]);
    expect(share[1].points.map((p) => [p.y0, p.y1])).toEqual([[1, 1], [0.75, 1], [0, 1]]);
  });

  it('business rows appear only when the scenario has them', () => {
    const data = chartData(buckets, 2, 60, 180);
    expect(data.conversions).toBeUndefined();
    expect(data.corruptedWrites?.map((p) => p.value)).toEqual([0, 0, 3]);
    expect(chartData(buckets, 2, 60, 120).corruptedWrites).toBeUndefined();
  });

  it('leaves out versions with neither traffic nor instances', () => {
    const one = buckets.slice(0, 1);
    expect(chartData(one, 3, 60, 60).errorRate.map((l) => l.version)).toEqual([0]);
  });

  it('scales to the largest value, never below a floor', () => {
    expect(maxOf([[{ t: 0, value: 0.002 }]], 0.01)).toBe(0.01);
    expect(maxOf([[{ t: 0, value: null }, { t: 1, value: 0.3 }]], 0.01)).toBe(0.3);
  });
});

describe('chart words and marks', () => {
  it('ticks on whole minutes, at most the asked number', () => {
    expect(minuteTicks(1800)).toEqual([0, 300, 600, 900, 1200, 1500, 1800]);
    expect(minuteTicks(600, 6)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(minuteTicks(3600, 4).length).toBeLessThanOrEqual(5);
  });
  it('formats rates and latencies', () => {
    expect(formatRate(0.0042)).toBe('0.42%');
    expect(formatMs(850.4)).toBe('850 ms');
    expect(formatMs(1500)).toBe('1.5 s');
  });
  it('classifies decisions by where they lead', () => {
    expect(decisionKind({ to: 'aborted' })).toBe('rollback');
    expect(decisionKind({ to: 'promoting' })).toBe('promotion');
    expect(decisionKind({ to: 'paused' })).toBe('pause');
    expect(decisionKind({ to: 'progressing.stepPause' })).toBe('step');
    const marks = decisionMarks([{ t: 10, from: 'a', to: 'aborted', reason: 'analysis failed', text: 'rolled back' }]);
    expect(marks[0]).toMatchObject({ index: 0, t: 10, kind: 'rollback', text: 'rolled back' });
  });
});

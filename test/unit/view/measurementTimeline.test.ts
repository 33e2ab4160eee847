import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../../src/runtime/stream';
import { countVerdicts, MARK_SIZE, measurementMarks } from '../../../src/view/measurementMarks';
import { timeAfterKey, timeAtX } from '../../../src/view/timelineTrack';

const m = (t: number, verdict: Measurement['verdict']): Measurement => ({ t, verdict, text: `check at ${t}`, evidence: {} });

describe('measurementMarks', () => {
  it('marks measurements up to the playhead with their verdict glyph, placed by time', () => {
    const marks = measurementMarks([m(60, 'pass'), m(120, 'inconclusive'), m(180, 'fail'), m(240, 'pass')], 200, 600, 0, 600);
    expect(marks.map((k) => [k.x, k.glyph])).toEqual([[60, '✓'], [120, '?'], [180, '✗']]);
    expect(countVerdicts(marks)).toBe('1 passed, 1 failed, 1 inconclusive');
    expect(countVerdicts([])).toBe('no measurements yet');
  });

  it('stacks marks that would overlap into lanes', () => {
    const dense = Array.from({ length: 6 }, (_, i) => m(i * 10, 'pass'));
    const marks = measurementMarks(dense, 1000, 1000, 0, 1000); // 10 px apart: closer than a mark
    expect(marks.map((k) => k.lane)).toEqual([0, 1, 0, 1, 0, 1]);
    for (const lane of [0, 1]) {
      const xs = marks.filter((k) => k.lane === lane).map((k) => k.x);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(MARK_SIZE);
    }
  });
});

describe('timeline track', () => {
  const g = { left: 10, width: 200, durationSeconds: 1800, computedUntil: 900 };
  it('maps a pointer to a time, never past what is computed', () => {
    expect(timeAtX(60, g)).toBe(450);
    expect(timeAtX(200, g)).toBe(900);
    expect(timeAtX(-50, g)).toBe(0);
  });
  it('moves by keys, clamped', () => {
    expect(timeAfterKey('ArrowRight', false, 100, g)).toBe(105);
    expect(timeAfterKey('ArrowLeft', true, 100, g)).toBe(40);
    expect(timeAfterKey('End', false, 100, g)).toBe(900);
    expect(timeAfterKey('PageUp', false, 850, g)).toBe(900);
    expect(timeAfterKey('a', false, 100, g)).toBeNull();
  });
});

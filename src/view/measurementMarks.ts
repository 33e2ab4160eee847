// The analysis strip: one mark per measurement up to the playhead, placed by time, stacked into
// lanes where marks would overlap, with a verdict glyph and colour (✓ passed, ✗ failed, ? inconclusive).
import type { Measurement } from '../runtime/stream';
import { OUTCOME } from './palette';

export interface MeasurementMark {
  index: number;
  t: number;
  x: number;
  lane: number;
  verdict: Measurement['verdict'];
  glyph: string;
  colour: string;
  text: string;
}

/** A mark's width: marks closer than this go to another lane. */
export const MARK_SIZE = 11;
export const MAX_LANES = 3;

export function measurementMarks(measurements: Measurement[], now: number, durationSeconds: number, left: number, right: number): MeasurementMark[] {
  const x = (t: number) => left + ((right - left) * t) / Math.max(1e-9, durationSeconds);
  const laneEnds: number[] = Array(MAX_LANES).fill(-Infinity);
  const marks: MeasurementMark[] = [];
  measurements.forEach((m, index) => {
    if (m.t > now) return;
    const at = x(m.t);
    // The first lane with room; when all are full the mark overlaps in the least recently used lane.
    let lane = laneEnds.findIndex((end) => at - end >= MARK_SIZE);
    if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = at;
    const o = OUTCOME[m.verdict];
    marks.push({ index, t: m.t, x: at, lane, verdict: m.verdict, glyph: o.glyph, colour: o.colour, text: m.text });
  });
  return marks;
}

/** "12 passed, 1 failed, 2 inconclusive" (kinds with none left out). */
export function countVerdicts(marks: Pick<MeasurementMark, 'verdict'>[]): string {
  const parts = (['pass', 'fail', 'inconclusive'] as const)
    .map((v) => [marks.filter((m) => m.verdict === v).length, OUTCOME[v].word] as const)
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  return parts.length ? parts.join(', ') : 'no measurements yet';
}

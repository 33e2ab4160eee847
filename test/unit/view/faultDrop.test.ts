// A fault dropped on the timeline: the drop's position is its whole simulated second, inside the
// run; only a palette fault is read back from the drag.
import { describe, expect, it } from 'vitest';
import { dropTimeAt, readDraggedFault, TRACK_PAD } from '../../../src/view/faultDrop';

describe('a fault dropped on the timeline', () => {
  it('lands at the second under the pointer, the track inset on both sides', () => {
    // a 616-pixel timeline has a 600-pixel track: 1 pixel is 3 s of a 30-minute run
    expect(dropTimeAt(TRACK_PAD, 616, 1800)).toBe(0);
    expect(dropTimeAt(TRACK_PAD + 300, 616, 1800)).toBe(900);
    expect(dropTimeAt(TRACK_PAD + 100.5, 616, 1800)).toBe(301);
    // off either end: the run's first or last second
    expect(dropTimeAt(0, 616, 1800)).toBe(0);
    expect(dropTimeAt(616, 616, 1800)).toBe(1799);
  });

  it('reads back only a palette fault, at the dropped time', () => {
    const fault = { type: 'fault', t: 0, kind: 'latency', duration: 180, params: { version: 'v2', factor: 3 } };
    expect(readDraggedFault(JSON.stringify(fault), 420)).toEqual({ ...fault, t: 420 });
    expect(readDraggedFault(JSON.stringify({ type: 'gate', t: 0, event: 'ABORT', run: null }), 420)).toBeNull();
    expect(readDraggedFault('not json', 420)).toBeNull();
    expect(readDraggedFault('null', 420)).toBeNull();
  });
});

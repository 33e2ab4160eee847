import { describe, expect, it } from 'vitest';
import type { FleetFrame } from '../../../src/runtime/stream';
import { describeFleet, FLEET, layoutFleet, QUEUE_FULL, sameCell, type FleetCell } from '../../../src/view/fleetLayout';
import { frameAt } from '../../../src/view/timelineAt';
import { streamedTimeline } from '../../support/streamedTimeline';
import { versionStyle } from '../../../src/view/palette';

const frame: FleetFrame = {
  t: 120,
  id: [5, 1, 2, 7, 3, 9],
  version: [1, 0, 0, 1, 0, 0],
  state: ['starting', 'ready', 'draining', 'failed', 'ready', 'terminated'],
  queue: [0, 4, 0, 0, 40, 0],
  busy: [0, 8, 1, 0, 8, 0],
  zone: ['b', 'a', 'a', 'b', 'c', 'c'],
};

describe('layoutFleet', () => {
  it('places one cell per live instance, grouped by zone, in id order, inside its zone', () => {
    const layout = layoutFleet(frame, 300);
    expect(layout.cells.map((c) => c.id)).toEqual([1, 2, 5, 7, 3]);
    expect(layout.zones.map((z) => [z.zone, z.count])).toEqual([['a', 2], ['b', 2], ['c', 1]]);
    for (const c of layout.cells) {
      const z = layout.zones.find((zone) => zone.zone === c.zone)!;
      expect(c.x - FLEET.cell / 2).toBeGreaterThanOrEqual(z.x);
      expect(c.x + FLEET.cell / 2).toBeLessThanOrEqual(z.x + z.width);
      expect(c.y + FLEET.cell / 2).toBeLessThanOrEqual(layout.height);
    }
  });

  it('says version by colour and shape, and queue as a share that saturates', () => {
    const cells = new Map(layoutFleet(frame, 300).cells.map((c) => [c.id, c]));
    expect(cells.get(5)!.colour).toBe(versionStyle(1).colour);
    expect(cells.get(5)!.shape).not.toBe(cells.get(1)!.shape);
    expect(cells.get(1)!.queueShare).toBeCloseTo(4 / QUEUE_FULL);
    expect(cells.get(3)!.queueShare).toBe(1);
  });

  it('wraps a zone into rows when it has more instances than fit across, and never overlaps cells', () => {
    const n = 30;
    const many: FleetFrame = { t: 0, id: [...Array(n).keys()], version: Array(n).fill(0), state: Array(n).fill('ready'), queue: Array(n).fill(0), busy: Array(n).fill(0), zone: Array(n).fill('a') };
    const layout = layoutFleet(many, 200);
    const rows = new Set(layout.cells.map((c) => c.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const a of layout.cells) for (const b of layout.cells) if (a !== b) expect(Math.abs(a.x - b.x) >= FLEET.cell || Math.abs(a.y - b.y) >= FLEET.cell).toBe(true);
    for (const c of layout.cells) expect(c.x + FLEET.cell / 2).toBeLessThanOrEqual(200);
  });

  it('draws nothing for no frame and describes the fleet in words', () => {
    expect(layoutFleet(undefined, 300).cells).toEqual([]);
    expect(describeFleet(frame, ['v1', 'v2'])).toBe('v1: 2 ready, 1 draining; v2: 1 starting, 1 failed');
  });
});

describe('sameCell, on a real streamed run', () => {
  // The fleet view redraws a cell only when sameCell says it changed: it must never call two cells
  // drawn differently the same. Every run of a shipped scenario, frame after frame at 600×'s step.
  const timeline = streamedTimeline('scenarios/bad-release-every-pattern.yaml');
  it('calls two cells the same exactly when every field of the drawing is equal', () => {
    let same = 0;
    let changed = 0;
    timeline.runs.forEach((_, r) => {
      let previous = new Map<number, FleetCell>();
      for (let t = 0; t <= timeline.computedUntil; t += 9) {
        const cells = layoutFleet(frameAt(timeline, r, t), 300).cells;
        for (const cell of cells) {
          const before = previous.get(cell.id);
          if (!before) continue;
          const equal = JSON.stringify(before) === JSON.stringify(cell);
          expect(sameCell(before, cell), `run ${r} at ${t} s, instance ${cell.id}`).toBe(equal);
          equal ? same++ : changed++;
        }
        previous = new Map(cells.map((c) => [c.id, c]));
      }
    });
    // both answers were put to the test, many times
    expect(same).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(100);
  });
});

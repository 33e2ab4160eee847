// The fleet at one instant, laid out as cells: one per instance, grouped by availability zone, in
// id order so an instance keeps its place from frame to frame. A cell's shape and colour say its
// version, its fill says its state, and a bar under it says how many requests wait in its queue.
import type { FleetFrame, InstanceState } from '../runtime/stream';
import { versionStyle, type MarkerShape } from './palette';

export interface FleetCell {
  id: number;
  /** centre of the cell */
  x: number;
  y: number;
  version: number;
  state: InstanceState;
  colour: string;
  shape: MarkerShape;
  queue: number;
  busy: number;
  /** queue bar length as a share of its full width (a queue of QUEUE_FULL or more fills it) */
  queueShare: number;
  zone: string;
}

export interface FleetZone {
  zone: string;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

export interface FleetLayout {
  width: number;
  height: number;
  cell: number;
  zones: FleetZone[];
  cells: FleetCell[];
}

export const FLEET = { cell: 16, gap: 5, queueBar: 3, zoneGap: 8, header: 14, pad: 4 };
/** A queue this long fills the bar; the number itself is in the tooltip and the table. */
export const QUEUE_FULL = 20;

export function layoutFleet(frame: FleetFrame | undefined, width: number): FleetLayout {
  const empty = { width, height: FLEET.header + FLEET.cell + 2 * FLEET.pad, cell: FLEET.cell, zones: [], cells: [] };
  if (!frame || frame.id.length === 0) return empty;
  const rows = frame.id
    .map((id, k) => ({ id, k }))
    .filter(({ k }) => frame.state[k] !== 'terminated')
    .sort((a, b) => frame.zone[a.k].localeCompare(frame.zone[b.k]) || a.id - b.id);
  const names = [...new Set(rows.map(({ k }) => frame.zone[k]))];
  const zoneWidth = (width - FLEET.zoneGap * (names.length - 1)) / Math.max(1, names.length);
  const pitch = FLEET.cell + FLEET.gap;
  const perRow = Math.max(1, Math.floor((zoneWidth - 2 * FLEET.pad + FLEET.gap) / pitch));
  const counts = names.map((z) => rows.filter(({ k }) => frame.zone[k] === z).length);
  const rowsNeeded = Math.max(1, ...counts.map((n) => Math.ceil(n / perRow)));
  const rowPitch = pitch + FLEET.queueBar;
  const height = FLEET.header + rowsNeeded * rowPitch + 2 * FLEET.pad - FLEET.gap;

  const zones: FleetZone[] = names.map((zone, z) => ({ zone, x: z * (zoneWidth + FLEET.zoneGap), y: 0, width: zoneWidth, height, count: counts[z] }));
  const cells: FleetCell[] = [];
  names.forEach((zone, z) => {
    rows
      .filter(({ k }) => frame.zone[k] === zone)
      .forEach(({ id, k }, n) => {
        const v = frame.version[k];
        const style = versionStyle(v);
        cells.push({
          id,
          x: zones[z].x + FLEET.pad + (n % perRow) * pitch + FLEET.cell / 2,
          y: FLEET.header + FLEET.pad + Math.floor(n / perRow) * rowPitch + FLEET.cell / 2,
          version: v,
          state: frame.state[k],
          colour: style.colour,
          shape: style.marker,
          queue: frame.queue[k],
          busy: frame.busy[k],
          queueShare: Math.min(1, frame.queue[k] / QUEUE_FULL),
          zone,
        });
      });
  });
  return { width, height, cell: FLEET.cell, zones, cells };
}

/**
 * Whether two cells are drawn alike: the fields a cell's drawing reads that do not follow from the
 * others (colour, shape and queue share follow from version and queue).
 */
export function sameCell(a: FleetCell, b: FleetCell): boolean {
  return a.id === b.id && a.x === b.x && a.y === b.y && a.version === b.version && a.state === b.state && a.queue === b.queue && a.busy === b.busy && a.zone === b.zone;
}

/** "zone a: v1 3 ready, 1 draining; v2 1 starting" — the fleet in words, for the caption and screen readers. */
export function describeFleet(frame: FleetFrame | undefined, versions: string[]): string {
  if (!frame || frame.id.length === 0) return 'no instances';
  const byVersion = new Map<number, Map<InstanceState, number>>();
  frame.state.forEach((state, k) => {
    if (state === 'terminated') return;
    const v = frame.version[k];
    if (!byVersion.has(v)) byVersion.set(v, new Map());
    const counts = byVersion.get(v)!;
    counts.set(state, (counts.get(state) ?? 0) + 1);
  });
  return [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([v, counts]) => `${versions[v] ?? `v${v}`}: ${[...counts.entries()].map(([s, n]) => `${n} ${s === 'backoff' ? 'in back-off' : s}`).join(', ')}`)
    .join('; ');
}

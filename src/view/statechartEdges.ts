// Arrows between laid-out states: one arrow per (source, target) pair, carrying every transition
// between them. Forward arrows run right from box to box; arrows within a column run up or down;
// arrows back to the left arc over (or under) the boxes so they never cut through them.
import type { MachineGraph } from '../runtime/stream';
import { transitionLabel } from './statechartText';

export interface EdgeShape {
  source: string;
  target: string;
  /** indices into the graph's transitions */
  transitions: number[];
  /** distinct "event [guard]" labels, in definition order */
  labels: string[];
  /** SVG path, ending at the target's border (the arrowhead is a marker) */
  d: string;
  labelX: number;
  labelY: number;
  /** extent of the path, to size the canvas */
  top: number;
  bottom: number;
  right: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const ARC = 16;
/** boxes this close (or closer) one above the other have nothing in between */
const NEIGHBOURS = 12;
const r1 = (v: number) => Math.round(v * 10) / 10;

function curve(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) {
  const mid = { x: (x0 + 3 * x1 + 3 * x2 + x3) / 8, y: (y0 + 3 * y1 + 3 * y2 + y3) / 8 };
  return {
    d: `M${r1(x0)},${r1(y0)} C${r1(x1)},${r1(y1)} ${r1(x2)},${r1(y2)} ${r1(x3)},${r1(y3)}`,
    mid,
    top: Math.min(y0, y3, mid.y),
    bottom: Math.max(y0, y3, mid.y),
    right: Math.max(x0, x3, mid.x),
  };
}

/** The path from box s to box t; `over` chooses the side of an arc back to the left. */
export function connect(s: Box, t: Box, over: boolean) {
  const sy = s.y + s.height / 2;
  const ty = t.y + t.height / 2;
  if (t.x >= s.x + s.width) {
    const x0 = s.x + s.width;
    const dx = (t.x - x0) / 2;
    return curve(x0, sy, x0 + dx, sy, t.x - dx, ty, t.x, ty);
  }
  if (t.x + t.width <= s.x) {
    // Back to the left: leave from the top (bottom), arrive on the top (bottom).
    const y0 = over ? s.y : s.y + s.height;
    const y3 = over ? t.y : t.y + t.height;
    const bend = over ? Math.min(y0, y3) - ARC : Math.max(y0, y3) + ARC;
    const x0 = s.x + s.width / 2;
    const x3 = t.x + t.width / 2;
    return curve(x0, y0, x0, bend, x3, bend, x3, y3);
  }
  // Same column, not neighbours: an arc out to the right, clear of the boxes in between.
  const gap = ty > sy ? t.y - (s.y + s.height) : s.y - (t.y + t.height);
  if (gap > NEIGHBOURS) {
    const x0 = s.x + s.width;
    const x3 = t.x + t.width;
    const bend = Math.max(x0, x3) + ARC + Math.min(24, gap / 4);
    return curve(x0, sy, bend, sy, bend, ty, x3, ty);
  }
  // Neighbours in a column: straight down or up, a little curved so two-way pairs do not overlap.
  const down = ty > sy;
  const x0 = s.x + s.width / 2 + (down ? -4 : 4);
  const x3 = t.x + t.width / 2 + (down ? -4 : 4);
  const y0 = down ? s.y + s.height : s.y;
  const y3 = down ? t.y : t.y + t.height;
  const pull = (y3 - y0) / 2;
  return curve(x0, y0, x0 - 6, y0 + pull, x3 - 6, y3 - pull, x3, y3);
}

export function routeEdges(graph: MachineGraph, boxOf: Map<string, Box>): EdgeShape[] {
  const pairs = new Map<string, { source: string; target: string; transitions: number[] }>();
  graph.transitions.forEach((t, i) => {
    for (const target of t.targets) {
      if (target === t.source || !boxOf.has(t.source) || !boxOf.has(target)) continue;
      const key = `${t.source}\u0000${target}`;
      if (!pairs.has(key)) pairs.set(key, { source: t.source, target, transitions: [] });
      pairs.get(key)!.transitions.push(i);
    }
  });
  const all = [...boxOf.values()];
  const middle = (Math.min(...all.map((b) => b.y)) + Math.max(...all.map((b) => b.y + b.height))) / 2;
  return [...pairs.values()].map(({ source, target, transitions }) => {
    const s = boxOf.get(source)!;
    const t = boxOf.get(target)!;
    // Arcs from the upper half go over the top, the others under the bottom.
    const over = Math.min(s.y, t.y) + Math.min(s.height, t.height) / 2 <= middle;
    const path = connect(s, t, over);
    const labels = [...new Set(transitions.map((i) => transitionLabel(graph.transitions[i])))];
    return { source, target, transitions, labels, d: path.d, labelX: r1(path.mid.x), labelY: r1(path.mid.y), top: path.top, bottom: path.bottom, right: path.right };
  });
}

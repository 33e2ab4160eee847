// A statechart laid out for drawing, from the MachineGraph read off the XState definition: each
// compound state is a container whose children are laid out the same way, recursively; within one
// container the states stand in layers left to right by longest path from the initial state (back
// edges ignored), so a rollout reads from "idle" on the left to its final states on the right.
// No layout library: the machines have about a dozen states.
import type { MachineGraph } from '../runtime/stream';
import { routeEdges, type EdgeShape } from './statechartEdges';
import { transitionLabel, wrapKey } from './statechartText';

type GraphState = MachineGraph['states'][number];

export interface StateBox {
  path: string;
  key: string;
  type: GraphState['type'];
  /** the key in one or two lines (long camelCase keys are broken) */
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** nesting depth: 1 for the root's children */
  depth: number;
  /** a region of a parallel state (drawn dashed) */
  region: boolean;
}

export interface InitialMarker {
  /** the dot */
  x: number;
  y: number;
  /** the arrow from the dot into the initial state */
  d: string;
  target: string;
}

export interface StatechartLayout {
  width: number;
  height: number;
  boxes: StateBox[];
  edges: EdgeShape[];
  initials: InitialMarker[];
  /** targetless or self transitions: listed in the text alternative, not drawn as arrows */
  internal: Array<{ source: string; label: string }>;
}

export const METRICS = {
  charWidth: 6.2,
  lineHeight: 12,
  padX: 8,
  padY: 5,
  header: 15,
  inset: 6,
  gapX: 26,
  gapY: 8,
  /** room left of each container for its initial marker */
  initialRoom: 12,
};

interface Placed {
  width: number;
  height: number;
  /** positions relative to the group's top-left corner, by state path */
  at: Map<string, { x: number; y: number; width: number; height: number }>;
}

/** The child of `group` that is `path` or contains it; undefined when `path` lies outside the group. */
function representative(children: GraphState[], path: string): GraphState | undefined {
  return children.find((c) => path === c.path || path.startsWith(c.path + '.'));
}

/** Longest-path layers from the initial child, back edges (found by depth-first search) ignored. */
function layers(children: GraphState[], initial: string | null, arcs: Array<[string, string]>): Map<string, number> {
  const next = new Map(children.map((c) => [c.path, [] as string[]]));
  for (const [a, b] of arcs) if (!next.get(a)!.includes(b)) next.get(a)!.push(b);
  const forward: Array<[string, string]> = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (p: string) => {
    state.set(p, 'open');
    for (const q of next.get(p)!) {
      if (state.get(q) === 'open') continue; // a back edge
      forward.push([p, q]);
      if (!state.has(q)) visit(q);
    }
    state.set(p, 'done');
  };
  const first = children.find((c) => c.key === initial) ?? children[0];
  const order = [first, ...children.filter((c) => c !== first)];
  for (const c of order) if (!state.has(c.path)) visit(c.path);
  const layer = new Map(children.map((c) => [c.path, 0]));
  // Longest path over the forward (acyclic) edges: relax until nothing changes (n ≤ ~12).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [a, b] of forward) {
      if (layer.get(b)! < layer.get(a)! + 1) {
        layer.set(b, layer.get(a)! + 1);
        changed = true;
      }
    }
  }
  return layer;
}

/** The widest a group may be laid out: a 400 px panel then shows it at about 0.85× or more. */
export const MAX_WIDTH = 440;

/**
 * Long chains of layers make a strip too wide for a panel: merge adjacent columns (the pair whose
 * merged column is shortest, the later pair on ties, the starting column kept alone) until the group is no wider than `maxWidth`, keeping at least two columns. Merged states stack in layer order.
 */
function foldColumns<T>(dense: T[][], widthOf: (c: T) => number, heightOf: (col: T[]) => number, out: T[][], maxWidth: number): void {
  const cols = dense.map((c) => [...c]);
  const totalWidth = () => cols.reduce((w, col) => w + Math.max(...col.map(widthOf)), 0) + METRICS.gapX * (cols.length - 1);
  while (cols.length > 2 && totalWidth() > maxWidth) {
    // The first column (where the machine starts) stays on its own while three or more remain.
    const first = cols.length > 3 ? 1 : 0;
    let best = first;
    for (let i = first + 1; i + 1 < cols.length; i++) {
      if (heightOf([...cols[i], ...cols[i + 1]]) <= heightOf([...cols[best], ...cols[best + 1]])) best = i;
    }
    cols.splice(best, 2, [...cols[best], ...cols[best + 1]]);
  }
  out.length = 0;
  out.push(...cols);
}

function atomicSize(state: GraphState): { width: number; height: number } {
  const lines = wrapKey(state.key);
  const longest = Math.max(...lines.map((l) => l.length));
  return { width: Math.round(longest * METRICS.charWidth + 2 * METRICS.padX), height: lines.length * METRICS.lineHeight + 2 * METRICS.padY };
}

function placeGroup(graph: MachineGraph, group: GraphState, maxWidth: number): Placed {
  const children = graph.states.filter((s) => s.parent === group.path);
  const sizes = new Map<string, Placed>();
  for (const c of children) {
    if (c.type === 'compound' || c.type === 'parallel') {
      const inner = placeGroup(graph, c, maxWidth);
      sizes.set(c.path, {
        width: inner.width + 2 * METRICS.inset + METRICS.initialRoom,
        height: inner.height + METRICS.header + METRICS.inset,
        at: inner.at,
      });
    } else sizes.set(c.path, { ...atomicSize(c), at: new Map() });
  }
  // A parallel state's regions stand one under the other, all active at once.
  const arcs: Array<[string, string]> = [];
  if (group.type !== 'parallel') {
    for (const t of graph.transitions) {
      const a = representative(children, t.source);
      for (const target of t.targets) {
        const b = representative(children, target);
        if (a && b && a !== b) arcs.push([a.path, b.path]);
      }
    }
  }
  const layer = group.type === 'parallel' ? new Map(children.map((c) => [c.path, 0])) : layers(children, group.initial, arcs);
  const columns: GraphState[][] = [];
  for (const c of children) (columns[layer.get(c.path)!] ??= []).push(c);

  const heightOf = (col: GraphState[]) => col.reduce((h, c) => h + sizes.get(c.path)!.height, 0) + METRICS.gapY * (col.length - 1);
  if (group.type !== 'parallel') foldColumns(columns.filter(Boolean), (c) => sizes.get(c.path)!.width, heightOf, columns, maxWidth);
  const height = Math.max(...columns.map(heightOf));
  const at = new Map<string, { x: number; y: number; width: number; height: number }>();
  let x = 0;
  for (const col of columns) {
    const width = group.type === 'parallel' ? 0 : Math.max(...col.map((c) => sizes.get(c.path)!.width));
    const colWidth = group.type === 'parallel' ? Math.max(...children.map((c) => sizes.get(c.path)!.width)) : width;
    let y = (height - heightOf(col)) / 2;
    for (const c of col) {
      const size = sizes.get(c.path)!;
      // Regions of a parallel state share one width; other states are centred in their column.
      const w = group.type === 'parallel' ? colWidth : size.width;
      const cx = x + (colWidth - w) / 2;
      at.set(c.path, { x: cx, y, width: w, height: size.height });
      // Children of a container are placed relative to the container's inner origin.
      for (const [p, box] of size.at) {
        at.set(p, { ...box, x: box.x + cx + METRICS.inset + METRICS.initialRoom, y: box.y + y + METRICS.header });
      }
      y += size.height + METRICS.gapY;
    }
    x += colWidth + METRICS.gapX;
  }
  return { width: Math.max(0, x - METRICS.gapX), height, at };
}

/** `maxWidth`: the widest a group may be before its columns fold (a narrow panel asks for less). */
export function layoutStatechart(graph: MachineGraph, maxWidth = MAX_WIDTH): StatechartLayout {
  const root = graph.states.find((s) => s.parent === null);
  if (!root) return { width: 0, height: 0, boxes: [], edges: [], initials: [], internal: [] };
  const margin = { left: METRICS.initialRoom + 4, top: 16, right: 8, bottom: 16 };
  const placed = placeGroup(graph, root, maxWidth);
  const byPath = new Map(graph.states.map((s) => [s.path, s]));
  const boxes: StateBox[] = [];
  for (const [path, box] of placed.at) {
    const s = byPath.get(path)!;
    boxes.push({
      path,
      key: s.key,
      type: s.type,
      lines: s.type === 'compound' || s.type === 'parallel' ? [s.key] : wrapKey(s.key),
      x: box.x + margin.left,
      y: box.y + margin.top,
      width: box.width,
      height: box.height,
      depth: path.split('.').length,
      region: byPath.get(s.parent ?? '')?.type === 'parallel',
    });
  }
  // Outer containers first, so children are drawn on top of them.
  boxes.sort((a, b) => a.depth - b.depth);
  const boxOf = new Map(boxes.map((b) => [b.path, b]));

  const initials: InitialMarker[] = [];
  for (const s of graph.states) {
    if (s.type !== 'compound' || s.initial === null) continue;
    const target = boxOf.get(s.path === '' ? s.initial : `${s.path}.${s.initial}`);
    if (!target) continue;
    const x = target.x - METRICS.initialRoom + 1;
    const y = target.y + Math.min(target.height / 2, 11);
    initials.push({ x, y, d: `M${x + 3},${y} L${target.x},${y}`, target: target.path });
  }

  const internal: StatechartLayout['internal'] = [];
  for (const t of graph.transitions) {
    if (t.targets.length === 0 || t.targets.every((p) => p === t.source)) internal.push({ source: t.source, label: transitionLabel(t) });
  }
  const edges = routeEdges(graph, boxOf);
  const bottom = Math.max(placed.height, ...edges.map((e) => e.bottom - margin.top));
  const top = Math.min(0, ...edges.map((e) => e.top - margin.top));
  // Arcs over or under the boxes may leave the boxes' area: grow the canvas to hold them.
  if (top < 0) {
    for (const b of boxes) b.y -= top;
    for (const m of initials) {
      m.y -= top;
      m.d = `M${m.x + 3},${m.y} L${boxOf.get(m.target)!.x},${m.y}`;
    }
  }
  const shifted = top < 0 ? routeEdges(graph, boxOf) : edges;
  return {
    width: Math.max(placed.width + margin.left, ...shifted.map((e) => e.right)) + margin.right,
    height: bottom - top + margin.top + margin.bottom,
    boxes,
    edges: shifted,
    initials,
    internal,
  };
}

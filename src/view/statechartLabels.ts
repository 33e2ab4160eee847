// Where the words on a statechart's arrows go, so that no two overlap and none covers a state:
// each label tries spots along its arrow, from the middle outwards, and takes the first free one.
// The last transition's cause is placed first (it matters most); any other label with no free spot
// is left off the drawing — every transition stays in the text list beside it and on hover. A last
// step's cause with no free spot goes in a band under the drawing, below its arrow.
import type { EdgeShape } from './statechartEdges';
import type { StateBox } from './statechartLayout';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLabel extends Rect {
  edge: EdgeShape;
  text: string;
  last: boolean;
  /** where the text's baseline is centred */
  textX: number;
  textY: number;
}

export interface LabelRequest {
  edge: EdgeShape;
  text: string;
  last: boolean;
}

/** average advance of a character: 9 px labels, 10 px bold for the last step (generous for wide fonts) */
export const LABEL_CHAR = { normal: 5.6, last: 6.3 };
const HEIGHT = { normal: 11, last: 13 };
/** spots along the arrow, as its curve parameter, from the middle outwards */
const SPOTS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9];
/** and nudges above and below each spot */
const NUDGES = [0, -7, 7, -13, 13, -20, 20];
/** offsets around the arrow's middle, nearest first, where the last step's cause may go instead */
const NEARBY = Array.from({ length: 17 * 15 }, (_, k) => [(k % 17) * 8 - 64, Math.floor(k / 17) * 6 - 42]).sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The point at parameter u of the arrow's cubic Bézier ("M x,y C x,y x,y x,y"). */
export function pointOnEdge(d: string, u: number): { x: number; y: number } {
  const n = d.match(/-?[\d.]+/g)!.map(Number);
  const v = 1 - u;
  const [a, b, c, e] = [v * v * v, 3 * v * v * u, 3 * v * u * u, u * u * u];
  return { x: a * n[0] + b * n[2] + c * n[4] + e * n[6], y: a * n[1] + b * n[3] + c * n[5] + e * n[7] };
}

/** What a label must keep clear of: every state that is not a container, and each container's name. */
export function labelObstacles(boxes: StateBox[]): Rect[] {
  return boxes.map((b) =>
    b.type === 'compound' || b.type === 'parallel' ? { x: b.x, y: b.y, width: Math.min(b.width, b.key.length * 6 + 10), height: 14 } : b,
  );
}

export function placeLabels(requests: LabelRequest[], boxes: StateBox[], bounds: { width: number; height: number }): PlacedLabel[] {
  const obstacles = labelObstacles(boxes);
  const placed: PlacedLabel[] = [];
  const ordered = [...requests.filter((r) => r.last), ...requests.filter((r) => !r.last)];
  for (const request of ordered) {
    const width = request.text.length * (request.last ? LABEL_CHAR.last : LABEL_CHAR.normal) + 6;
    const height = request.last ? HEIGHT.last : HEIGHT.normal;
    const free = (rect: Rect) =>
      rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= bounds.width && rect.y + rect.height <= bounds.height && !obstacles.some((o) => overlaps(rect, o)) && !placed.some((o) => overlaps(rect, o));
    // Spots on the arrow; for the last step's cause, then spots near the arrow's middle as well.
    // (each point computed once: reading the arrow's path is most of the cost)
    const spots = SPOTS.flatMap((u) => {
      const point = pointOnEdge(request.edge.d, u);
      return NUDGES.map((dy) => ({ ...point, dy, dx: 0 }));
    });
    if (request.last) {
      const middle = pointOnEdge(request.edge.d, 0.5);
      spots.push(...NEARBY.map(([dx, dy]) => ({ ...middle, dx, dy })));
    }
    let found: PlacedLabel | undefined;
    for (const p of spots) {
      const rect = { x: p.x + p.dx - width / 2, y: p.y + p.dy - height / 2, width, height };
      if (!free(rect)) continue;
      found = { ...rect, edge: request.edge, text: request.text, last: request.last, textX: p.x + p.dx, textY: rect.y + height - 3 };
      break;
    }
    // Nowhere free: the last step's cause goes in a band under the drawing, below its arrow.
    if (!found && request.last) {
      const mid = pointOnEdge(request.edge.d, 0.5);
      const x = Math.max(0, Math.min(bounds.width - width, mid.x - width / 2));
      found = { x, y: bounds.height + 2, width, height, edge: request.edge, text: request.text, last: true, textX: x + width / 2, textY: bounds.height + 2 + height - 3 };
    }
    if (found) placed.push(found);
  }
  return placed;
}

/** How far the labels reach below the drawing (the band for a last step's cause that found no room). */
export function labelsBelow(placed: PlacedLabel[], height: number): number {
  return Math.max(0, ...placed.map((p) => p.y + p.height - height));
}

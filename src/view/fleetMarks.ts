// The outlines a fleet cell is drawn with, already placed at the cell's centre. The coordinates are in
// the path itself, not in an SVG transform: the browser gives every transformed element its own paint
// chunk, and a chunk added or removed (an instance replaced by another) makes it lay out all of the
// page's compositing layers again on the next frame.
import { pathRound } from 'd3-path';
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, type SymbolType } from 'd3-shape';
import type { MarkerShape } from './palette';

/** Areas in square pixels, chosen so that the four shapes look the same size. */
const SYMBOLS: Record<MarkerShape, { type: SymbolType; size: number }> = {
  circle: { type: symbolCircle, size: 190 },
  triangle: { type: symbolTriangle, size: 150 },
  square: { type: symbolSquare, size: 200 },
  diamond: { type: symbolDiamond, size: 150 },
};

/** A version's shape centred on (x, y); `size` overrides its area (the legend's smaller keys). */
export function shapePath(shape: MarkerShape, x: number, y: number, size = SYMBOLS[shape].size): string {
  // to three decimals, as d3-shape's own symbol()
  const out = pathRound(3);
  SYMBOLS[shape].type.draw(
    {
      moveTo: (a, b) => out.moveTo(a + x, b + y),
      lineTo: (a, b) => out.lineTo(a + x, b + y),
      arc: (a, b, r, from, to, ccw) => out.arc(a + x, b + y, r, from, to, ccw),
      rect: (a, b, w, h) => out.rect(a + x, b + y, w, h),
      closePath: () => out.closePath(),
    } as Parameters<SymbolType['draw']>[0],
    size,
  );
  return out.toString();
}

/** The cross over a failed instance. */
export const failedPath = (x: number, y: number) => `M${x - 4},${y - 4}L${x + 4},${y + 4}M${x + 4},${y - 4}L${x - 4},${y + 4}`;

/** The hourglass over an instance in crash-loop back-off. */
export const hourglassPath = (x: number, y: number) => `M${x - 3},${y - 4}L${x + 3},${y - 4}L${x - 3},${y + 4}L${x + 3},${y + 4}Z`;

/** The queue bar under a cell: its track and its filled part, as rectangles. */
export function queueBar(x: number, y: number, share: number) {
  const track = { x: x - 8, y: y + 10, width: 16, height: 3 };
  return { track, fill: { ...track, width: 16 * share } };
}

// The charts' y axes, painted once into a canvas of their own and copied onto the charts' canvas at
// each redraw. A row's axis changes only when its domain does, but the charts' canvas is cleared and
// painted again at every step; a V8 profile of nine panels at 600× put about a tenth of the main
// thread's wall time in the labels' fillText when they were drawn again at each step.
import type { ScaleLinear } from 'd3-scale';

/** What a row's axis is drawn from (a row of ChartSeriesCanvas has these and its series). */
export interface AxisRow {
  /** the row's top, in the chart's pixels */
  y: number;
  yScale: ScaleLinear<number, number>;
  /** the y axis's labelled values */
  ticks: Array<{ v: number; label: string }>;
}

/** the time axis's type (.viz-axis text) */
const AXIS_FONT = "9px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export interface AxesImage {
  canvas: HTMLCanvasElement;
  /** what it was painted from: painted again when this changes */
  key: string;
}

/** Everything the axes' pixels depend on. */
function axesKey(rows: AxisRow[], left: number, height: number, ratio: number, ink: string): string {
  const parts = rows.map((r) => `${r.y}:${r.yScale.domain().join(',')}:${r.yScale.range().join(',')}:${r.ticks.map((t) => `${t.v}=${t.label}`).join(',')}`);
  return `${left} ${height} ${ratio} ${ink}|${parts.join('|')}`;
}

/** The axes as `previous` has them if nothing they depend on changed; else painted again (reusing its canvas). */
export function axesImage(previous: AxesImage | null, rows: AxisRow[], left: number, height: number, ratio: number, ink: string): AxesImage {
  const key = axesKey(rows, left, height, ratio, ink);
  if (previous?.key === key) return previous;
  const canvas = previous?.canvas ?? document.createElement('canvas');
  // the axes lie left of the plot: the image is as wide as the left margin
  canvas.width = Math.ceil(left * ratio);
  canvas.height = Math.ceil(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.font = AXIS_FONT;
  for (const row of rows) {
    ctx.setTransform(ratio, 0, 0, ratio, 0, ratio * row.y);
    paintAxis(ctx, row, left, ink);
  }
  return { canvas, key };
}

/**
 * The y axis as d3-axis drew it on the left (tick size 3, inner and outer): a bracket along the
 * plot just left of its frame, which the SVG draws over the canvas, and the labels 6 px to its left.
 */
function paintAxis(ctx: CanvasRenderingContext2D, { yScale, ticks }: AxisRow, left: number, ink: string) {
  const [bottom, top] = yScale.range();
  const at = left - 1.5;
  ctx.strokeStyle = ctx.fillStyle = ink;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(at - 3, top + 0.5);
  ctx.lineTo(at, top + 0.5);
  ctx.lineTo(at, bottom - 0.5);
  ctx.lineTo(at - 3, bottom - 0.5);
  for (const { v } of ticks) {
    const y = Math.round(yScale(v)) + 0.5;
    ctx.moveTo(at - 3, y);
    ctx.lineTo(at, y);
  }
  ctx.stroke();
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const { v, label } of ticks) ctx.fillText(label, left - 6, yScale(v));
}

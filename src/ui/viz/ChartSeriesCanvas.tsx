// The charts' lines and stacked areas, their y axes (copied from an image of their own, see
// chartAxesImage), and the fault windows' shade and outline beneath them, painted on one canvas
// under the charts' SVG, which keeps what a learner points at or reads: titles, the time axis,
// fault labels and tooltips, decision markers.
// At 600× a bucket ends on nearly every frame, and every row's series changes with it: as SVG
// paths, each was set, laid out and painted again by the browser, the largest part of a panel's
// redraw with nine panels on screen. On a canvas it is a few hundred segments.
import { useLayoutEffect, useRef } from 'react';
import { area, line } from 'd3-shape';
import type { ScaleLinear } from 'd3-scale';
import type { Point, StackPoint } from '../../view/chartSeries';
import { FAULT_FILL, FAULT_INK, versionStyle } from '../../view/palette';
import { TEXTURE, type RowLine } from './ChartRow';
import { useCanvasInks, type CanvasInks } from './useCanvasInks';
import { axesImage, type AxesImage, type AxisRow } from './chartAxesImage';

export interface SeriesRow extends AxisRow {
  lines?: RowLine[];
  stacks?: Array<{ version: number; points: StackPoint[] }>;
}

interface Props {
  rows: SeriesRow[];
  /** the fault windows' shade, in the chart's pixels, under the series */
  shades: Array<{ x0: number; x1: number; y0: number; y1: number }>;
  x: ScaleLinear<number, number>;
  width: number;
  height: number;
}

export function ChartSeriesCanvas({ rows, shades, x, width, height }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const inks = useCanvasInks(canvas);
  const axes = useRef<AxesImage | null>(null);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  // a layout effect: the canvas changes in the same frame as the SVG drawn over it
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width * ratio, height * ratio);
    axes.current = axesImage(axes.current, rows, x.range()[0], height, ratio, inks.current.muted);
    ctx.drawImage(axes.current.canvas, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.fillStyle = FAULT_FILL;
    ctx.strokeStyle = FAULT_INK;
    ctx.lineWidth = 0.8;
    ctx.setLineDash([3, 2]);
    for (const s of shades) {
      ctx.fillRect(s.x0, s.y0, s.x1 - s.x0, s.y1 - s.y0);
      ctx.strokeRect(s.x0, s.y0, s.x1 - s.x0, s.y1 - s.y0);
    }
    ctx.setLineDash([]);
    for (const row of rows) {
      ctx.setTransform(ratio, 0, 0, ratio, 0, ratio * row.y);
      paintRow(ctx, row, x, inks.current, ratio);
    }
  }, [rows, shades, x, width, height, ratio, inks.current.version]);
  return <canvas ref={canvas} className="chart-series" aria-hidden="true" width={width * ratio} height={height * ratio} style={{ width, height }} />;
}

function paintRow(ctx: CanvasRenderingContext2D, { yScale, lines = [], stacks = [] }: SeriesRow, x: ScaleLinear<number, number>, inks: CanvasInks, ratio: number) {
  const toArea = area<StackPoint>().x((p) => x(p.t)).y0((p) => yScale(p.y0)).y1((p) => yScale(p.y1)).context(ctx);
  for (const s of stacks) {
    const style = versionStyle(s.version);
    ctx.beginPath();
    toArea(s.points);
    ctx.globalAlpha = 0.55;
    ctx.fillStyle = style.colour;
    ctx.fill();
    ctx.globalAlpha = 1;
    stroke(ctx, style.colour, 1, style.dash);
    const texture = s.version % TEXTURE.length;
    if (TEXTURE[texture]) {
      ctx.fillStyle = texturePattern(ctx, texture, inks.ink, ratio);
      ctx.fill();
    }
  }
  const toLine = line<Point>().defined((p) => p.value !== null).x((p) => x(p.t)).y((p) => yScale(p.value ?? 0)).context(ctx);
  for (const l of lines) {
    const style = l.version === null ? { colour: inks.ink, dash: '' } : versionStyle(l.version);
    ctx.beginPath();
    toLine(l.points);
    stroke(ctx, style.colour, 1.8, style.dash);
    // A lone point (one bucket of traffic) has no line: mark it with a dot.
    ctx.fillStyle = style.colour;
    l.points.forEach((p, i) => {
      if (p.value === null || (l.points[i - 1]?.value ?? null) !== null || (l.points[i + 1]?.value ?? null) !== null) return;
      ctx.beginPath();
      ctx.arc(x(p.t), yScale(p.value), 2, 0, 2 * Math.PI);
      ctx.fill();
    });
  }
}

function stroke(ctx: CanvasRenderingContext2D, colour: string, width: number, dash: string) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash ? dash.split(/[\s,]+/).map(Number) : []);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** A stacked area's texture (ChartRow's TEXTURE), as a 6 px tile in the ink's colour; made once per canvas, ink and pixel ratio. */
const patterns = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern>>();
function texturePattern(ctx: CanvasRenderingContext2D, texture: number, ink: string, ratio: number): CanvasPattern {
  const key = `${texture} ${ink} ${ratio}`;
  const cache = patterns.get(ctx) ?? new Map<string, CanvasPattern>();
  patterns.set(ctx, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const tile = document.createElement('canvas');
  tile.width = tile.height = Math.round(6 * ratio);
  const t = tile.getContext('2d')!;
  t.scale(ratio, ratio);
  t.strokeStyle = ink;
  t.lineWidth = texture === 3 ? 2 : 0.9;
  t.lineCap = 'round';
  t.globalAlpha = 0.7;
  t.stroke(new Path2D(TEXTURE[texture]));
  const pattern = ctx.createPattern(tile, 'repeat')!;
  // the tile is drawn at the screen's resolution; the context's own scale would enlarge it again
  pattern.setTransform(new DOMMatrix([1 / ratio, 0, 0, 1 / ratio, 0, 0]));
  cache.set(key, pattern);
  return pattern;
}

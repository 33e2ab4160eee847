// One of the small multiples: a title, a y axis, and its lines or stacked areas over the shared
// time axis. Fault windows, decision lines and the playhead are drawn by the parent across all rows.
import { useId, useMemo } from 'react';
import { area, line } from 'd3-shape';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { Point, StackPoint } from '../../view/chartSeries';
import { versionStyle } from '../../view/palette';
import { Axis } from './Axis';

export interface RowLine {
  version: number | null;
  points: Point[];
}

export interface ChartRowProps {
  title: string;
  x: ScaleLinear<number, number>;
  y: number;
  height: number;
  /** the bottom of the scale; 0 unless a line goes below it */
  min?: number;
  max: number;
  format: (value: number) => string;
  lines?: RowLine[];
  stacks?: Array<{ version: number; points: StackPoint[] }>;
}

/** A stacked area's texture per version beyond the first, so shares read without colour: hatched one way, the other, dotted. */
const TEXTURE = ['', 'M0,6 L6,0', 'M0,0 L6,6', 'M2.5,2.5 h1'];

export function ChartRow({ title, x, y, height, min = 0, max, format, lines = [], stacks = [] }: ChartRowProps) {
  const textureId = useId();
  // The scale (and so its axis, drawn by D3) changes only when its rounded domain does: a growing
  // total moves its maximum at every step, its rounded domain seldom.
  const [bottom, top] = scaleLinear().domain([min, max]).nice(3).domain();
  const yScale = useMemo(() => scaleLinear().domain([bottom, top]).range([height, 0]), [bottom, top, height]);
  // A short row has room for few labels on its axis: its bottom and top, or (compact) its top only.
  const yTicks = useMemo(() => {
    const [bottom, top] = yScale.domain();
    return height < 20 ? [top] : height < 40 ? [bottom, top] : undefined;
  }, [yScale, height]);
  const toLine = line<Point>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.t))
    .y((p) => yScale(p.value ?? 0));
  const toArea = area<StackPoint>()
    .x((p) => x(p.t))
    .y0((p) => yScale(p.y0))
    .y1((p) => yScale(p.y1));
  return (
    <g transform={`translate(0,${y})`} className="chart-row">
      <text className="chart-title" x={x.range()[0] + 3} y={-3}>
        {title}
      </text>
      <rect className="chart-frame" x={x.range()[0]} y={0} width={x.range()[1] - x.range()[0]} height={height} />
      {stacks.length > 0 && (
        <defs>
          {TEXTURE.map((d, v) =>
            d ? (
              <pattern key={v} id={`${textureId}${v}`} width={6} height={6} patternUnits="userSpaceOnUse">
                <path d={d} stroke="var(--ink, #1b2733)" strokeWidth={v === 3 ? 2 : 0.9} strokeLinecap="round" opacity={0.7} />
              </pattern>
            ) : null,
          )}
        </defs>
      )}
      {stacks.map((s) => {
        const style = versionStyle(s.version);
        const texture = TEXTURE[s.version % TEXTURE.length];
        const d = toArea(s.points) ?? '';
        return (
          <g key={s.version} data-texture={texture ? s.version % TEXTURE.length : undefined}>
            <path d={d} fill={style.colour} fillOpacity={0.55} stroke={style.colour} strokeDasharray={style.dash || undefined} />
            {texture && <path d={d} fill={`url(#${textureId}${s.version % TEXTURE.length})`} stroke="none" />}
          </g>
        );
      })}
      {lines.map((l, k) => {
        const style = l.version === null ? { colour: 'var(--ink, #1b2733)', dash: '' } : versionStyle(l.version);
        // A lone point (one bucket of traffic) has no line: mark it with a dot.
        const dots = l.points.filter((p, i) => p.value !== null && (l.points[i - 1]?.value ?? null) === null && (l.points[i + 1]?.value ?? null) === null);
        return (
          <g key={k}>
            <path d={toLine(l.points) ?? ''} fill="none" stroke={style.colour} strokeWidth={1.8} strokeDasharray={style.dash || undefined} />
            {dots.map((p) => (
              <circle key={p.t} cx={x(p.t)} cy={yScale(p.value ?? 0)} r={2} fill={style.colour} />
            ))}
          </g>
        );
      })}
      <Axis scale={yScale} orient="left" x={x.range()[0]} ticks={2} values={yTicks} format={format} />
    </g>
  );
}

export type { ScaleLinear };

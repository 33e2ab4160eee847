// One of the small multiples, as SVG: its title, its frame and its y axis. Its lines and stacked
// areas are painted under it on the charts' canvas (ChartSeriesCanvas); fault windows, decision
// lines and the playhead are drawn by the parent across all rows.
import { useMemo } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { Point } from '../../view/chartSeries';
import { Axis } from './Axis';
import { rowScale } from './rowScale';

export interface RowLine {
  version: number | null;
  points: Point[];
}

export interface ChartRowProps {
  title: string;
  x: ScaleLinear<number, number>;
  y: number;
  height: number;
  /** the rounded domain of its values (rowDomain) */
  bottom: number;
  top: number;
  format: (value: number) => string;
}

/** A stacked area's texture per version beyond the first, so shares read without colour: hatched one way, the other, dotted. */
export const TEXTURE = ['', 'M0,6 L6,0', 'M0,0 L6,6', 'M2.5,2.5 h1'];

export function ChartRow({ title, x, y, height, bottom, top, format }: ChartRowProps) {
  // The scale (and so its axis, drawn by D3) changes only when its rounded domain does.
  const yScale = useMemo(() => rowScale([bottom, top], height), [bottom, top, height]);
  // A short row has room for few labels on its axis: its bottom and top, or (compact) its top only.
  const yTicks = useMemo(() => (height < 20 ? [top] : height < 40 ? [bottom, top] : undefined), [bottom, top, height]);
  return (
    <g transform={`translate(0,${y})`} className="chart-row">
      <text className="chart-title" x={x.range()[0] + 3} y={-3}>
        {title}
      </text>
      <rect className="chart-frame" x={x.range()[0]} y={0} width={x.range()[1] - x.range()[0]} height={height} />
      <Axis scale={yScale} orient="left" x={x.range()[0]} ticks={2} values={yTicks} format={format} />
    </g>
  );
}

export type { ScaleLinear };

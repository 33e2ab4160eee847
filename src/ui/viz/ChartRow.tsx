// One of the small multiples, as SVG: its title and its frame. Its y axis, lines and stacked areas
// are painted under it on the charts' canvas (ChartSeriesCanvas): they change as the series grows,
// and a canvas painted again costs the browser less than SVG ticks added and removed; fault
// windows, decision lines and the playhead are drawn by the parent across all rows.
import type { ScaleLinear } from 'd3-scale';
import type { Point } from '../../view/chartSeries';

export interface RowLine {
  version: number | null;
  points: Point[];
}

export interface ChartRowProps {
  title: string;
  x: ScaleLinear<number, number>;
  y: number;
  height: number;
}

/** A stacked area's texture per version beyond the first, so shares read without colour: hatched one way, the other, dotted. */
export const TEXTURE = ['', 'M0,6 L6,0', 'M0,0 L6,6', 'M2.5,2.5 h1'];

// Placed by its coordinates, not by a transform: see Charts on why nothing in the charts' SVG has one.
export function ChartRow({ title, x, y, height }: ChartRowProps) {
  return (
    <g className="chart-row">
      <text className="chart-title" x={x.range()[0] + 3} y={y - 3}>
        {title}
      </text>
      <rect className="chart-frame" x={x.range()[0]} y={y} width={x.range()[1] - x.range()[0]} height={height} />
    </g>
  );
}

export type { ScaleLinear };

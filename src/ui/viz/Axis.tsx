// A d3-axis drawn into a React-owned <g>: React places it, D3 draws the ticks.
import { useLayoutEffect, useRef } from 'react';
import { axisBottom, axisLeft, type AxisDomain, type AxisScale } from 'd3-axis';
import { select } from 'd3-selection';

export interface AxisProps<D extends AxisDomain> {
  scale: AxisScale<D>;
  orient: 'left' | 'bottom';
  ticks?: number;
  format?: (value: D) => string;
  /** explicit tick positions (e.g. whole minutes), instead of `ticks` */
  values?: D[];
  x?: number;
  y?: number;
}

export function Axis<D extends AxisDomain>({ scale, orient, ticks = 3, format, values, x = 0, y = 0 }: AxisProps<D>) {
  const ref = useRef<SVGGElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    const axis = (orient === 'left' ? axisLeft(scale) : axisBottom(scale)).ticks(ticks).tickSizeOuter(0).tickSize(3);
    if (format) axis.tickFormat((d) => format(d as D));
    if (values) axis.tickValues(values);
    select(ref.current).call(axis);
  }, [scale, orient, ticks, format, values]);
  return <g ref={ref} className="viz-axis" transform={`translate(${x},${y})`} aria-hidden="true" />;
}

// A small multiple's y scale: its domain rounded outward to a few round ticks, so that a growing
// total moves the scale (and the axis drawn from it) seldom, not at every step.
import { scaleLinear, type ScaleLinear } from 'd3-scale';

/** The rounded domain [bottom, top] of a row whose values lie in [min, max]. */
export function rowDomain(min: number, max: number): [number, number] {
  const [bottom, top] = scaleLinear().domain([min, max]).nice(3).domain();
  return [bottom, top];
}

/** The row's scale from its rounded domain to pixels, `height` at the bottom and 0 at the top. */
export function rowScale([bottom, top]: [number, number], height: number): ScaleLinear<number, number> {
  return scaleLinear().domain([bottom, top]).range([height, 0]);
}

/** Rows shorter than this are compact: they label their top only. */
const COMPACT_BELOW = 20;

/** The values labelled on a row's y axis: a short row has room for its bottom and top, or (compact) its top only. */
export function rowTicks(yScale: ScaleLinear<number, number>, height: number): number[] {
  const [bottom, top] = yScale.domain();
  return height < COMPACT_BELOW ? [top] : height < 40 ? [bottom, top] : yScale.ticks(2);
}

/**
 * The space between two rows, which holds the lower row's title. A compact row has no bottom label,
 * so the gap needs room for the title alone, and the row gets the rest.
 */
export function rowGap(height: number): number {
  return height < COMPACT_BELOW ? 12 : 16;
}

// How large a whole statechart can be drawn in the room it is given, and whether that is large
// enough to read: the choice between the whole drawing and the focus on the active state is made
// from the measured room, never from the pattern.
import { layoutStatechart, MAX_WIDTH, type StatechartLayout } from './statechartLayout';
import type { MachineGraph } from '../runtime/stream';

/** a state's name in the drawing, in SVG units (as `.sc-state text` in viz.css) */
export const STATE_FONT = 10.5;
/** the smallest a state's name may be shown and still be read at a glance, in CSS px */
export const READABLE_FONT = 10;

export interface Fit {
  layout: StatechartLayout;
  scale: number;
  readable: boolean;
}

/**
 * The layout for a room `width` × `height` and the scale that fits it there (never above
 * `maxScale`): a narrow room folds the layout into fewer columns first, so that its text is not
 * shrunk below ~85% merely by width.
 */
export function fitStatechart(graph: MachineGraph, width: number, height: number, maxScale: number): Fit {
  const layout = layoutStatechart(graph, Math.min(MAX_WIDTH, Math.max(280, Math.round(width / 0.85))));
  const scale = Math.min(width / layout.width, height / layout.height, maxScale);
  return { layout, scale, readable: scale * STATE_FONT >= READABLE_FONT };
}

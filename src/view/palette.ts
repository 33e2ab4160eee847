// The sandbox's colours, defined once: the Okabe–Ito palette, which stays distinguishable under the
// common colour-vision deficiencies. Colour is never the only cue: every version also has a dash
// pattern and a marker shape, and every outcome a glyph.
import type { InstanceState } from '../runtime/stream';

/** Okabe & Ito (2008), "Color Universal Design": the eight colours by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Version k (in the stream's `versions` order: the stable one first, then the candidate…). */
const VERSION_COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.skyBlue, OKABE_ITO.yellow];
/** SVG stroke-dasharray per version: solid, dashed, dotted, dash-dot… */
const VERSION_DASHES = ['', '6 3', '2 2', '8 3 2 3', '4 4', '1 3'];
export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond';
const VERSION_MARKERS: MarkerShape[] = ['circle', 'triangle', 'square', 'diamond'];

export interface VersionStyle {
  colour: string;
  dash: string;
  marker: MarkerShape;
}

export function versionStyle(index: number): VersionStyle {
  const k = Math.max(0, index);
  return {
    colour: VERSION_COLOURS[k % VERSION_COLOURS.length],
    dash: VERSION_DASHES[k % VERSION_DASHES.length],
    marker: VERSION_MARKERS[k % VERSION_MARKERS.length],
  };
}

/** An analysis verdict or a request's outcome: a colour and a glyph that says the same thing. */
export const OUTCOME = {
  pass: { colour: OKABE_ITO.bluishGreen, glyph: '✓', word: 'passed' },
  fail: { colour: OKABE_ITO.vermillion, glyph: '✗', word: 'failed' },
  inconclusive: { colour: OKABE_ITO.yellow, glyph: '?', word: 'inconclusive' },
} as const;

/** Faults are shaded in vermillion, lightly, with a hatch so they read in greyscale too. */
export const FAULT_FILL = 'rgb(213 94 0 / 0.14)';
export const FAULT_INK = OKABE_ITO.vermillion;
/** What lights the active state and the last transition. */
export const HIGHLIGHT = OKABE_ITO.orange;

/** An instance's state in words (the drawing marks it by fill, stripes, a cross or an hourglass). */
export const INSTANCE_MARK: Record<InstanceState, { word: string }> = {
  starting: { word: 'starting' },
  ready: { word: 'ready' },
  draining: { word: 'draining' },
  terminated: { word: 'terminated' },
  failed: { word: 'failed' },
  backoff: { word: 'crash-loop back-off' },
};

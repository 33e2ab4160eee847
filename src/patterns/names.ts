// The patterns by name, and one entry of a scenario's `compare` list: a pattern with its knobs.

export type PatternName =
  | 'none'
  | 'big-bang'
  | 'rolling'
  | 'blue-green'
  | 'canary'
  | 'feature-toggle'
  | 'ab-test'
  | 'dark-launch'
  | 'traffic-split';

export interface CompareEntry {
  pattern: PatternName;
  /** unique within the scenario; defaults to the pattern name */
  label: string;
  /** the pattern's own knobs, validated per pattern */
  options: Record<string, unknown>;
}


/** How a run ended: the release promoted, rolled back, paused for a human, none of these, or no release (none). */
export type RunOutcome = 'promoted' | 'rolled-back' | 'paused' | 'incomplete' | 'steady';

// A what-if beside the story it forked from: per run, the scoreboard's figures in both and the
// difference, so a learner reads "had I aborted here, 1,204 fewer users would have been hurt".
import type { ScenarioResult } from '../runtime/types';
import { SCORE_COLUMNS, type ScoreContext } from './scoreboard';

/** The columns compared: what an act changes most visibly. */
const KEYS = ['usersAffected', 'failed', 'detection', 'lostConversions', 'badWrites'];

export interface ForkCell {
  title: string;
  story: string;
  fork: string;
  /** "−1,204", "+35", "same"; empty when either side has no value */
  change: string;
  /** the fork is better (lower), worse, or the same */
  direction: 'better' | 'worse' | 'same' | 'none';
}

export interface ForkRow {
  label: string;
  outcome: { story: string; fork: string };
  cells: ForkCell[];
}

const signed = (x: number) => `${x > 0 ? '+' : '−'}${Math.abs(Math.round(x)).toLocaleString('en-US')}`;

export function forkDiff(story: ScenarioResult, fork: ScenarioResult): ForkRow[] {
  const context = (result: ScenarioResult): ScoreContext => ({ control: result.runs.find((r) => r.pattern === 'none'), peakP99: undefined });
  const columns = SCORE_COLUMNS.filter((c) => KEYS.includes(c.key));
  return story.runs.map((run, k) => {
    const other = fork.runs[k];
    const cells = columns.map((column): ForkCell => {
      const a = column.value(run, context(story));
      const b = column.value(other, context(fork));
      const change = a === null || b === null ? '' : a === b ? 'same' : signed(b - a);
      const direction = a === null || b === null ? 'none' : b < a ? 'better' : b > a ? 'worse' : 'same';
      return { title: column.title, story: column.format(a, run), fork: column.format(b, other), change, direction };
    });
    return { label: run.label, outcome: { story: run.outcome, fork: other.outcome }, cells };
  });
}

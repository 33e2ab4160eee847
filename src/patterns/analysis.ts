// An analysis run (Argo AnalysisRun / Flagger's checks) as a machine sees it: the events it sends
// and the input a state invokes it with. The run itself, which reads the world's metrics, is the
// runtime's (runtime/analysisRun.ts); without it an invoked analysis never reports.
import { fromCallback } from 'xstate';
import type { Verdict } from '../judges/types';
import type { AnalysisOptions } from './options';

export type AnalysisEvent =
  | { type: 'analysis.check'; verdict: Verdict; failedChecks: number; checks: number }
  /** the run failed (failed checks over failureLimit) or errored (consecutive errors over consecutiveErrorLimit) */
  | { type: 'analysis.failed'; verdict: Verdict; failedChecks: number; failureLimit: number; errors?: { consecutive: number; limit: number }; streak?: StreakMissed }
  | { type: 'analysis.inconclusive'; verdict: Verdict; minSamples: number; streak?: StreakMissed }
  /** `step`: the run of an inline analysis step (a background run passing moves no step on) */
  | { type: 'analysis.passed'; verdict: Verdict; checks: number; step?: true };

/** The count was reached without consecutiveSuccessLimit successes in a row (Argo ≥ 1.8). */
export interface StreakMissed {
  successes: number;
  limit: number;
  count: number;
}

/** The candidate is judged against the stable version. */
export interface AnalysisInput {
  /** no analysis configured: the run does nothing */
  spec: AnalysisOptions | undefined;
  /** bounded runs stop after spec.count checks and report analysis.passed */
  bounded: boolean;
  /** the run of an inline analysis step: its analysis.passed says so */
  step?: true;
}

/** The declaration the machines invoke; the runtime provides the real run. */
export const analysisActor = fromCallback<{ type: 'noop' }, AnalysisInput>(() => () => {});

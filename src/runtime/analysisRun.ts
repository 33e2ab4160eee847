// An analysis run (Argo AnalysisRun / Flagger's checks) as an XState callback actor: invoked by the
// states that are analysed, it judges the candidate against the stable version every `interval` on
// simulated time and reports to its parent. Leaving the state stops it, as deleting an AnalysisRun does.
// What the measurements add up to (failed, inconclusive, errored, done) is judges/analysisRun.ts.
import { fromCallback } from 'xstate';
import { judgeThreshold } from '../judges/threshold';
import { judgeBaseline, type Look } from '../judges/baseline';
import { BASELINE_DEFAULTS } from '../judges/baseline';
import { DEFAULT_PLANNED_LOOKS, lookAlpha } from '../judges/alphaSpending';
import type { AnalysisInput } from '../patterns/analysis';
import type { Platform } from './platform';
import { measurement } from '../patterns/decisions';
import { assess, countedVerdict, emptyTally, measurementPhase, record, runLimits } from '../judges/analysisRun';

export const analysisRun = (platform: Platform) => fromCallback<{ type: 'noop' }, AnalysisInput>(({ sendBack, input }) => {
  const { spec, bounded } = input;
  const { candidate, stable: baseline } = platform;
  if (!spec) return () => {};
  const candidateWindow = platform.window(candidate);
  const baselineWindow = platform.window(baseline);
  let checks = 0;
  let tally = emptyTally();
  const limits = runLimits(spec, bounded || spec.stopsAtCount ? spec.count : undefined);
  /** looks that tested something: a look without enough data spends no α */
  let judgedLooks = 0;
  let cancel = () => {};
  const looks = spec.looks ?? (bounded ? spec.count : DEFAULT_PLANNED_LOOKS);
  const control = spec.errorControl ?? 'plan';
  const nextLook = (): Look => ({
    k: judgedLooks + 1,
    looks,
    control,
    alpha: lookAlpha(spec.alpha ?? BASELINE_DEFAULTS.alpha, looks, judgedLooks + 1, control),
  });

  const check = () => {
    const c = candidateWindow.read();
    const judged =
      spec.judge === 'baseline' ? judgeBaseline(spec, c, baselineWindow.read(), nextLook()) : judgeThreshold(spec, c);
    candidateWindow.open();
    baselineWindow.open();
    const phase = measurementPhase(spec, judged, candidateWindow.everServed());
    const verdict = countedVerdict(spec, judged, phase);
    tally = record(tally, phase);
    checks++;
    platform.measure(measurement(platform.now, checks, verdict, tally.failed, spec.failureLimit));
    const run = assess(tally, limits);
    if (judged.verdict !== 'inconclusive') judgedLooks++;
    if (run === 'Failed' || run === 'Error') {
      const errors = run === 'Error' ? { consecutive: tally.consecutiveErrors, limit: limits.consecutiveErrorLimit } : undefined;
      sendBack({ type: 'analysis.failed', verdict, failedChecks: tally.failed, failureLimit: spec.failureLimit, ...(errors ? { errors } : {}) });
      return;
    }
    if (run === 'Inconclusive') {
      sendBack({ type: 'analysis.inconclusive', verdict, minSamples: spec.minSamples });
      return;
    }
    if (phase !== 'Inconclusive' && phase !== 'Error') sendBack({ type: 'analysis.check', verdict, failedChecks: tally.failed, checks });
    if (run === 'Successful') {
      sendBack({ type: 'analysis.passed', verdict, checks });
      return;
    }
    cancel = platform.at(platform.now + spec.interval, check);
  };
  const delay = spec.initialDelay ?? 0;
  if (spec.firstCheck === 'atStart') {
    // Argo measures at once (after initialDelay), over what the query sees since the run started.
    candidateWindow.open();
    baselineWindow.open();
    cancel = platform.at(platform.now + delay, check);
  } else {
    // The first check judges one whole interval after initialDelay: what happened before is not judged.
    const begin = () => {
      candidateWindow.open();
      baselineWindow.open();
      cancel = platform.at(platform.now + spec.interval, check);
    };
    if (delay > 0) cancel = platform.at(platform.now + delay, begin);
    else begin();
  }
  return () => cancel();
});

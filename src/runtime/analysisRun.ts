// An analysis run (Argo AnalysisRun / Flagger's checks) as an XState callback actor: invoked by the
// states that are analysed, it judges the candidate against the stable version every `interval` on
// simulated time and reports to its parent. Leaving the state stops it, as deleting an AnalysisRun does.
import { fromCallback } from 'xstate';
import { judgeThreshold } from '../judges/threshold';
import { judgeBaseline, type Look } from '../judges/baseline';
import { BASELINE_DEFAULTS } from '../judges/baseline';
import { DEFAULT_PLANNED_LOOKS, lookAlpha } from '../judges/alphaSpending';
import type { AnalysisInput } from '../patterns/analysis';
import type { Platform } from './platform';
import { measurement } from '../patterns/decisions';

export const analysisRun = (platform: Platform) => fromCallback<{ type: 'noop' }, AnalysisInput>(({ sendBack, input }) => {
  const { spec, bounded } = input;
  const { candidate, stable: baseline } = platform;
  if (!spec) return () => {};
  const candidateWindow = platform.window(candidate);
  const baselineWindow = platform.window(baseline);
  let checks = 0;
  let failedChecks = 0;
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
    const verdict =
      spec.judge === 'baseline' ? judgeBaseline(spec, c, baselineWindow.read(), nextLook()) : judgeThreshold(spec, c);
    candidateWindow.open();
    baselineWindow.open();
    checks++;
    if (verdict.verdict === 'fail') failedChecks++;
    platform.measure(measurement(platform.now, checks, verdict, failedChecks, spec.failureLimit));
    if (verdict.verdict === 'inconclusive') {
      sendBack({ type: 'analysis.inconclusive', verdict, minSamples: spec.minSamples });
      return;
    }
    judgedLooks++;
    if (failedChecks > spec.failureLimit) {
      sendBack({ type: 'analysis.failed', verdict, failedChecks, failureLimit: spec.failureLimit });
      return;
    }
    sendBack({ type: 'analysis.check', verdict, failedChecks, checks });
    if (bounded && checks >= spec.count) {
      sendBack({ type: 'analysis.passed', verdict, checks });
      return;
    }
    cancel = platform.at(platform.now + spec.interval, check);
  };
  // The first measurement starts after initialDelay: what happened before is not judged.
  const begin = () => {
    candidateWindow.open();
    baselineWindow.open();
    cancel = platform.at(platform.now + spec.interval, check);
  };
  const delay = spec.initialDelay ?? 0;
  if (delay > 0) cancel = platform.at(platform.now + delay, begin);
  else begin();
  return () => cancel();
});

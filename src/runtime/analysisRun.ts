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
import { assess, assessPerMetric, countedVerdict, emptyTally, endedWithoutStreak, measurementPhase, metricPhases, record, runLimits, type RunLimits, type RunPhase, type Tally } from '../judges/analysisRun';
import type { MetricName } from '../judges/types';

export const analysisRun = (platform: Platform) => fromCallback<{ type: 'noop' }, AnalysisInput>(({ sendBack, input }) => {
  const { spec, bounded } = input;
  const { candidate, stable: baseline } = platform;
  if (!spec) return () => {};
  const candidateWindow = platform.window(candidate);
  const baselineWindow = platform.window(baseline);
  let checks = 0;
  let tally = emptyTally();
  const limits = runLimits(spec, bounded || spec.stopsAtCount ? spec.count : undefined);
  // Argo counts each metric against its own limits when the template's metrics have their own.
  const perMetric = spec.metricLimits;
  const tallies = new Map<MetricName, Tally>();
  /** metrics that completed (their own count or streak reached): Argo measures them no more */
  const done = new Set<MetricName>();
  // a metric's own count applies wherever the run is, as Argo's does; else the run's
  const limitsOf = (m: MetricName): RunLimits => ({ ...limits, ...perMetric?.[m], count: perMetric?.[m]?.count ?? limits.count });
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
    const phase = measurementPhase(spec, judged, candidateWindow.everServed(), done);
    const verdict = countedVerdict(spec, judged, phase);
    tally = record(tally, phase);
    if (perMetric) for (const [m, p] of metricPhases(spec, judged, candidateWindow.everServed(), done)) tallies.set(m, record(tallies.get(m) ?? emptyTally(), p));
    checks++;
    const assessed: { phase: RunPhase; metric?: MetricName; done?: MetricName[] } = perMetric
      ? assessPerMetric(tallies, Object.fromEntries([...tallies.keys()].map((m) => [m, limitsOf(m)])))
      : { phase: assess(tally, limits) };
    for (const m of assessed.done ?? []) done.add(m);
    const run = assessed.phase;
    // the count that decides: the whole run's, or the metric's that failed the run
    const decidingTally = assessed.metric ? tallies.get(assessed.metric)! : tally;
    const decidingLimits = assessed.metric ? limitsOf(assessed.metric) : limits;
    platform.measure(measurement(platform.now, checks, verdict, decidingTally.failed, decidingLimits.failureLimit));
    if (judged.verdict !== 'inconclusive') judgedLooks++;
    // a consecutiveSuccessLimit not met by the count ends the run Failed or Inconclusive: say so
    const streak = endedWithoutStreak(decidingTally, decidingLimits)
      ? { successes: decidingTally.consecutiveSuccesses, limit: decidingLimits.consecutiveSuccessLimit!, count: decidingLimits.count! }
      : undefined;
    if (run === 'Failed' || run === 'Error') {
      const errors = run === 'Error' ? { consecutive: decidingTally.consecutiveErrors, limit: decidingLimits.consecutiveErrorLimit } : undefined;
      sendBack({ type: 'analysis.failed', verdict, failedChecks: decidingTally.failed, failureLimit: decidingLimits.failureLimit, ...(errors ? { errors } : {}), ...(streak ? { streak } : {}) });
      return;
    }
    if (run === 'Inconclusive') {
      sendBack({ type: 'analysis.inconclusive', verdict, minSamples: spec.minSamples, ...(streak ? { streak } : {}) });
      return;
    }
    if (phase !== 'Inconclusive' && phase !== 'Error') sendBack({ type: 'analysis.check', verdict, failedChecks: tally.failed, checks });
    if (run === 'Successful') {
      sendBack({ type: 'analysis.passed', verdict, checks, ...(input.step ? { step: true as const } : {}) });
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

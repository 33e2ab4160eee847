// Decision records: what changed, why, and a sentence with the run's real numbers in it.
import type { AbVerdict, Verdict } from '../judges/types';
import { count } from '../judges/format';
import type { Decision, Measurement } from './report';
import type { StreakMissed } from './analysis';

/** Simulated time as a clock a learner reads: 12:40 (m:ss) or 1:02:03 (h:mm:ss). */
export function clock(t: number): string {
  const s = Math.floor(t);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "canary halted: error rate 4.2% > 1% (n=1,204); 1 failed check exceeds failureLimit 0 → rolling back" */
export function analysisFailed(
  t: number,
  label: string,
  from: string,
  to: string,
  verdict: Verdict,
  failedChecks: number,
  failureLimit: number,
  consequence: string,
  /** the run errored instead (Argo: more consecutive errors than consecutiveErrorLimit) */
  errors?: { consecutive: number; limit: number },
  /** the run reached its count without its consecutiveSuccessLimit (the only limit that applied) */
  streak?: StreakMissed,
): Decision {
  const why = errors
    ? `${plural(errors.consecutive, 'consecutive error')} ${errors.consecutive === 1 ? 'exceeds' : 'exceed'} consecutiveErrorLimit ${errors.limit}`
    : streak
      ? streakText(streak)
      : `${plural(failedChecks, 'failed check')} ${failedChecks === 1 ? 'exceeds' : 'exceed'} failureLimit ${failureLimit}`;
  return {
    t,
    from,
    to,
    reason: errors ? 'analysis error' : 'analysis failed',
    text: `${clock(t)} ${label} halted: ${verdict.text}; ${why} → ${consequence}`,
    evidence: { verdict: verdict.verdict, metrics: verdict.metrics, samples: verdict.samples, score: verdict.score, failedChecks, failureLimit, ...(errors ? { consecutiveErrors: errors.consecutive, consecutiveErrorLimit: errors.limit } : {}) },
  };
}

const streakText = (s: StreakMissed) => `count ${s.count} reached with ${plural(s.successes, 'passed check')} in a row, short of consecutiveSuccessLimit ${s.limit}`;

export function analysisInconclusive(t: number, label: string, from: string, to: string, verdict: Verdict, minSamples: number, streak?: StreakMissed): Decision {
  const why = streak ? `${streakText(streak)}, and failureLimit not exceeded` : `needs at least ${minSamples.toLocaleString('en-US')} requests per interval`;
  return {
    t,
    from,
    to,
    reason: 'AnalysisRunInconclusive',
    text: `${clock(t)} ${label} paused: analysis inconclusive (${verdict.text}; ${why}) → waiting for a human`,
    evidence: { verdict: verdict.verdict, samples: verdict.samples, minSamples },
  };
}

/** A decision that is not a judge's: a plan step, a timeout, a human. */
export function planned(t: number, label: string, from: string, to: string, reason: string, what: string, evidence?: Record<string, unknown>): Decision {
  return { t, from, to, reason, text: `${clock(t)} ${label} ${what}`, ...(evidence ? { evidence } : {}) };
}

/**
 * One look at an A/B test: B better (pass), B worse or the split broken (fail), or nothing to say yet
 * (inconclusive; the fixed method reads the test only at its horizon of `minSamples` users per variant).
 */
export function abLook(t: number, look: number, verdict: AbVerdict | null, users: number, minSamples: number): Measurement {
  if (verdict === null) {
    return { t, verdict: 'inconclusive', text: `${clock(t)} look ${look}: ${count(users)} users enrolled, read at ${count(minSamples)} per variant`, evidence: { users, minSamples } };
  }
  const outcome = verdict.srm || verdict.winner === 'A' ? 'fail' : verdict.winner === 'B' ? 'pass' : 'inconclusive';
  return { t, verdict: outcome, text: `${clock(t)} look ${look}: ${verdict.text}`, evidence: { ...verdict } };
}

/** One analysis measurement, passed or not: "2:30 check 3 passed: error rate 0.2% ≤ 1% (n=1,204)". */
export function measurement(t: number, check: number, verdict: Verdict, failedChecks: number, failureLimit: number): Measurement {
  const outcome = verdict.verdict === 'fail' ? 'fail' : verdict.verdict === 'inconclusive' ? 'inconclusive' : 'pass';
  const said = { pass: 'passed', fail: 'failed', inconclusive: 'inconclusive' }[outcome];
  const marginal = verdict.verdict === 'marginal' ? ` (marginal, score ${verdict.score})` : '';
  return {
    t,
    verdict: outcome,
    text: `${clock(t)} check ${check} ${said}${marginal}: ${verdict.text}`,
    evidence: { verdict: verdict.verdict, metrics: verdict.metrics, samples: verdict.samples, score: verdict.score, check, failedChecks, failureLimit },
  };
}

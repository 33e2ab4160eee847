// An Argo metric's successCondition / failureCondition → the simulated figure it bounds, and what
// the conditions make of a window without data. Argo evaluates the conditions on the query's result
// (analysis/evaluate.go, EvaluateResult): with only a successCondition, a measurement that does not
// satisfy it fails; with only a failureCondition, one that does not satisfy it succeeds; with both,
// one that satisfies neither is inconclusive. A ratio over no requests is NaN, which satisfies no
// comparison; a query with no series at all returns an empty vector, and `result[0]` cannot be
// evaluated: an Error measurement. The guards `isNaN(result[0]) ||` and `len(result) == 0 ||` turn
// those into successes (docs/features/analysis.md, "Handling Metric Results").
import type { AnalysisSpec } from '../../judges/types';

export type Bound = { errorRate: { max: number; failAbove?: number } } | { latencyP99: { max: number; failAbove?: number } };
type Phase = NonNullable<AnalysisSpec['noData']>;

const COMPARISON = /^result(?:\[0\])?\s*(<=|<|>=|>)\s*(\d+(?:\.\d+)?)$/;
const NAN_GUARD = /^isNaN\(result(?:\[0\])?\)\s*\|\|\s*/;
const EMPTY_GUARD = /^len\(result\)\s*==\s*0\s*\|\|\s*/;
const NON_EMPTY_GUARD = /^len\(result\)\s*>\s*0\s*&&\s*/;

interface Condition {
  atMost: boolean;
  value: number;
  /** passes on NaN (isNaN guard) / on an empty result (len guard); fails on empty (len > 0 guard) */
  nanPasses: boolean;
  emptyPasses: boolean;
  emptyFails: boolean;
}

function parse(text: string): Condition | undefined {
  let rest = text.trim();
  const guards = { nanPasses: false, emptyPasses: false, emptyFails: false };
  for (;;) {
    if (NAN_GUARD.test(rest)) [guards.nanPasses, rest] = [true, rest.replace(NAN_GUARD, '')];
    else if (EMPTY_GUARD.test(rest)) [guards.emptyPasses, rest] = [true, rest.replace(EMPTY_GUARD, '')];
    else if (NON_EMPTY_GUARD.test(rest)) [guards.emptyFails, rest] = [true, rest.replace(NON_EMPTY_GUARD, '')];
    else break;
  }
  const m = COMPARISON.exec(rest);
  return m ? { atMost: m[1].startsWith('<'), value: Number(m[2]), ...guards } : undefined;
}

/** The figure `atMost ? result ≤ value : result ≥ value` bounds, for a metric of this name and query. */
function figure(name: string, query: string, atMost: boolean, value: number): Bound | string {
  const text = `${name} ${query}`;
  if (/histogram_quantile|latency|duration/i.test(text)) {
    if (!atMost) return 'a latency must be bounded from above (result[0] <= …)';
    if (/_seconds|seconds/i.test(query)) return { latencyP99: { max: value } };
    if (/_milliseconds|_ms\b|milliseconds/i.test(query)) return { latencyP99: { max: value / 1000 } };
    return 'cannot tell the latency unit: the query names neither seconds nor milliseconds';
  }
  if (value > 1) return 'a success or error rate is a ratio between 0 and 1';
  if (!atMost && /success|2\.\.|!~\s*"5/i.test(text)) return { errorRate: { max: Math.round((1 - value) * 1e12) / 1e12 } };
  if (atMost && /error|fail|5\.\.|5\.\*|5xx/i.test(text)) return { errorRate: { max: value } };
  return 'neither a success rate, an error rate nor a latency by its name and query';
}

export interface BoundMetric {
  bound: Bound;
  noData: Phase;
  noSeries: Phase;
  /** a remark for the notes: a band the simulation narrows, a condition it read one way */
  remark?: string;
}

/** EvaluateResult: an error in either condition errors; a missing condition is the other's negation; failure wins. */
function evaluate(success: boolean | 'error' | undefined, failure: boolean | 'error' | undefined): Phase {
  if (success === 'error' || failure === 'error') return 'Error';
  const failed = failure ?? !success;
  const passed = success ?? !failure;
  return failed ? 'Failed' : passed ? 'Successful' : 'Inconclusive';
}

const FORM = 'of the form "result[0] >= 0.95" or "result[0] <= 0.5" (optionally after isNaN(result[0]) || or len(result) == 0 ||)';

/** Binds a metric by its conditions; a string says why it cannot be. */
export function bindConditions(name: string, query: string, success: unknown, failure: unknown): BoundMetric | string {
  const s = typeof success === 'string' ? parse(success) : undefined;
  const f = typeof failure === 'string' ? parse(failure) : undefined;
  if (typeof success === 'string' && !s) return `successCondition ${JSON.stringify(success)} is not ${FORM}`;
  if (typeof failure === 'string' && !f) return `failureCondition ${JSON.stringify(failure)} is not ${FORM}`;
  if (!s && !f) return 'it has neither a successCondition nor a failureCondition';
  // A failureCondition `result > x` bounds the same figure as a successCondition `result <= x`.
  const bound = s ? figure(name, query, s.atMost, s.value) : figure(name, query, !f!.atMost, f!.value);
  if (typeof bound === 'string') return bound;
  // What each condition says of NaN (a ratio over no requests) and of an empty result (no series).
  const onNaN = (c?: Condition) => (c ? c.nanPasses : undefined);
  const onEmpty = (c?: Condition) => (c ? (c.emptyPasses ? true : c.emptyFails ? false : 'error' as const) : undefined);
  const banded = s && f ? withFailureBound(bound, figure(name, query, !f.atMost, f.value)) : { bound };
  if (typeof banded === 'string') return banded;
  return { bound: banded.bound, noData: evaluate(onNaN(s), onNaN(f)), noSeries: evaluate(onEmpty(s), onEmpty(f)), ...(banded.remark ? { remark: banded.remark } : {}) };
}

/**
 * Both conditions: the failureCondition bounds the same figure. Looser than the successCondition,
 * it leaves a band where a measurement meets neither: Inconclusive (analysis/evaluate.go). Stricter,
 * it fails first (a failed condition wins), so it is the bound.
 */
function withFailureBound(bound: Bound, failing: Bound | string): { bound: Bound; remark?: string } | string {
  if (typeof failing === 'string') return `failureCondition: ${failing}`;
  const key = Object.keys(bound)[0] as keyof Bound & ('errorRate' | 'latencyP99');
  const s = (bound as Record<string, { max: number }>)[key];
  const f = (failing as Record<string, { max: number }>)[key];
  if (!f) return 'the successCondition and the failureCondition bound different figures';
  if (f.max > s.max) return { bound: { [key]: { max: s.max, failAbove: f.max } } as Bound, remark: `between ${s.max} and ${f.max} a measurement meets neither condition and is Inconclusive` };
  return { bound: { [key]: { max: f.max } } as Bound };
}

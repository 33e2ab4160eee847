// Argo `AnalysisTemplate` / `ClusterAnalysisTemplate` → the simulation's analysis. A metric is bound
// to a simulated figure by its query and condition, as the Argo docs' examples write them:
// a success rate (`result[0] >= 0.95` over a non-5xx / all ratio), an error rate (`result[0] <= 0.01`
// over 5xx), or a p99 latency (`histogram_quantile(0.99, …) `, `result[0] <= 0.5` in the query's unit).
import type { AnalysisOptions } from '../../patterns/options';
import { DEFAULT_CONSECUTIVE_ERROR_LIMIT, type MeasurementPhase, PHASES } from '../../judges/analysisRun';
import type { MetricLimits, MetricName } from '../../judges/types';
import { parseGoDuration } from '../goDuration';
import { bindConditions } from './argoConditions';
import { type ManifestObject, type Path, isObject } from './document';

const METRIC_KEYS = ['name', 'interval', 'initialDelay', 'count', 'successCondition', 'failureCondition', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit', 'consecutiveSuccessLimit', 'provider'];
const WHY: Record<string, string> = {
  args: 'queries are not run: the metric is bound to a simulated figure',
  provider: 'queries are not run: the metric is bound to a simulated figure',
  measurementRetention: 'nothing to retain in a simulation',
};

/** A whole number of at least `min` (Argo's limits and count: 0; failureLimit: -1, which turns it off), or undefined when absent. */
const whole = (o: ManifestObject, path: Path, min = 0): number | undefined => {
  const raw = o.get(path);
  if (raw === undefined) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= min) return raw;
  o.error(path, `expected a whole number of at least ${min}${min < 0 ? ' (-1 turns the failure limit off)' : ''}, got ${JSON.stringify(raw)}`);
  return undefined;
};

/** Argo (1.8) runs a metric without a count or an interval once, one with an interval only until the run is stopped. */
const INDEFINITE = 10_000;

/** Metric names a `dryRun: [{ metricName }]` list matches (Argo matches each name as a regular expression, e.g. ".*"). */
export function dryRunNames(o: ManifestObject, path: Path): RegExp[] {
  const list = o.get(path);
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    o.error(path, 'expected a list: [{ metricName: … }]');
    return [];
  }
  return list.flatMap((_, i) => {
    o.closed([...path, i], ['metricName']);
    const name = o.get([...path, i, 'metricName']);
    if (typeof name !== 'string' || name === '') {
      o.error([...path, i], 'expected { metricName: NAME } (a metric name or a pattern such as ".*")');
      return [];
    }
    try {
      return [new RegExp(name)];
    } catch {
      o.error([...path, i, 'metricName'], `not a valid pattern: ${JSON.stringify(name)}`);
      return [];
    }
  });
}

const duration = (o: ManifestObject, path: Path): number | undefined => {
  const raw = o.get(path);
  if (raw === undefined) return undefined;
  const s = typeof raw === 'string' ? parseGoDuration(raw) : undefined;
  if (s === undefined || s <= 0) o.error(path, `expected a duration like 30s, 1m or 5m (Go's form), got ${JSON.stringify(raw)}`);
  return s;
};

/**
 * The analysis a template asks for, or undefined (with the reason noted) when none of its metrics has
 * a simulated counterpart. `dryRun`: the Rollout's own dry-run list, added to the template's.
 * Argo keeps counts and limits per metric; so does the simulation when the metrics' limits differ
 * (two metrics on the same simulated figure are counted together, with the stricter limits).
 */
export function templateAnalysis(t: ManifestObject, dryRun: RegExp[] = []): AnalysisOptions | undefined {
  t.closed(['spec'], ['metrics', 'args', 'dryRun', 'measurementRetention']);
  const metrics = t.get(['spec', 'metrics']);
  if (!Array.isArray(metrics) || metrics.length === 0) {
    t.error(['spec'], `${t.kind} ${t.name} needs spec.metrics`, true);
    return undefined;
  }
  const dry = [...dryRunNames(t, ['spec', 'dryRun']), ...dryRun];
  let analysis: AnalysisOptions | undefined;
  const limitsByFigure: Partial<Record<MetricName, MetricLimits>> = {};
  metrics.forEach((m, i) => {
    const at: Path = ['spec', 'metrics', i];
    if (!isObject(m)) return t.error(at, 'expected a metric: { name, interval, successCondition, provider }');
    t.closed(at, METRIC_KEYS);
    const name = String(t.get([...at, 'name']) ?? '');
    const provider = isObject(m.provider) ? m.provider : {};
    const query = Object.values(provider).map((p) => (isObject(p) && typeof p.query === 'string' ? p.query : '')).join(' ');
    const bound = bindConditions(name, query, t.get([...at, 'successCondition']), t.get([...at, 'failureCondition']));
    if (typeof bound === 'string') return t.note(at, `not modelled: metric ${name} — ${bound}`);
    if (bound.remark) t.note([...at, 'failureCondition'], `metric ${name}: ${bound.remark}`);
    const interval = duration(t, [...at, 'interval']) ?? 60;
    const initialDelay = duration(t, [...at, 'initialDelay']) ?? 0;
    const failureLimit = whole(t, [...at, 'failureLimit'], -1) ?? 0;
    const inconclusiveLimit = whole(t, [...at, 'inconclusiveLimit']) ?? 0;
    const consecutiveErrorLimit = whole(t, [...at, 'consecutiveErrorLimit']) ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT;
    const consecutiveSuccessLimit = whole(t, [...at, 'consecutiveSuccessLimit']) ?? 0;
    // Argo's validation: one of the two limits must apply
    if (failureLimit === -1 && consecutiveSuccessLimit === 0) t.error([...at, 'failureLimit'], 'failureLimit -1 turns the failure limit off, so consecutiveSuccessLimit must be set (at least 1): one of the two must apply');
    const count = whole(t, [...at, 'count']);
    if (count === 0) t.error([...at, 'count'], 'expected at least 1 measurement');
    const ownCount = count ?? (m.interval === undefined ? 1 : INDEFINITE);
    if (analysis && analysis.interval !== interval) t.note([...at, 'interval'], `not modelled: metrics with different intervals; the simulation checks every ${analysis.interval}s`);
    const figure = Object.keys(bound.bound)[0] as MetricName;
    const inDryRun = dry.some((re) => re.test(name));
    const own: MetricLimits = { failureLimit, inconclusiveLimit, consecutiveErrorLimit, count: ownCount, ...(consecutiveSuccessLimit > 0 ? { consecutiveSuccessLimit } : {}) };
    if (limitsByFigure[figure]) {
      t.note(at, `metric ${name}: a second metric on the same simulated figure; the two are counted together, with the stricter limits`);
      limitsByFigure[figure] = stricter(limitsByFigure[figure]!, own);
    } else limitsByFigure[figure] = own;
    const min = (a: number | undefined, b: number) => Math.min(a ?? Infinity, b);
    // a run-level failureLimit for the single-count path: -1 (off) leaves it to the per-metric counts
    const runFailureLimit = Math.max(0, failureLimit);
    analysis = {
      judge: 'threshold',
      interval: analysis?.interval ?? interval,
      initialDelay: analysis?.initialDelay ?? initialDelay,
      firstCheck: 'atStart', // Argo takes its first measurement at once (after initialDelay)
      failureLimit: min(analysis?.failureLimit, runFailureLimit),
      inconclusiveLimit: min(analysis?.inconclusiveLimit, inconclusiveLimit),
      consecutiveErrorLimit: min(analysis?.consecutiveErrorLimit, consecutiveErrorLimit),
      minSamples: 1,
      // Argo: a metric with neither count nor interval is measured once; with an interval only, until the run ends.
      count: count ?? (m.interval === undefined ? 1 : (analysis?.count ?? INDEFINITE)),
      ...(count !== undefined || m.interval === undefined || analysis?.stopsAtCount ? { stopsAtCount: true } : {}),
      // Conditions are per metric in Argo; two metrics reading no data differently: the stricter reading.
      noData: worse(analysis?.noData, bound.noData),
      noSeries: worse(analysis?.noSeries, bound.noSeries),
      errorRate: analysis?.errorRate,
      latencyP99: analysis?.latencyP99,
      ...(analysis?.dryRun || inDryRun ? { dryRun: [...(analysis?.dryRun ?? []), ...(inDryRun ? [figure] : [])] } : {}),
      ...bound.bound,
    };
  });
  t.noteUnread(['spec'], WHY, 'not modelled');
  // Argo counts each metric against its own limits and count: kept per figure when the metrics'
  // limits or counts differ, or when a metric has a consecutiveSuccessLimit or no failure limit.
  const all = Object.values(limitsByFigure);
  const distinct = new Set(all.map((l) => JSON.stringify(l)));
  const perMetric = distinct.size > 1 || all.some((l) => l.failureLimit < 0 || l.consecutiveSuccessLimit !== undefined);
  return analysis && perMetric ? { ...analysis, metricLimits: limitsByFigure } : analysis;
}

/** Two metrics on one figure: the stricter of each limit (a failureLimit of -1 is no limit), the longer count and streak. */
const stricter = (a: MetricLimits, b: MetricLimits): MetricLimits => {
  const streak = Math.max(a.consecutiveSuccessLimit ?? 0, b.consecutiveSuccessLimit ?? 0);
  const failureLimits = [a.failureLimit, b.failureLimit].filter((l) => l >= 0);
  return {
    failureLimit: failureLimits.length > 0 ? Math.min(...failureLimits) : -1,
    inconclusiveLimit: Math.min(a.inconclusiveLimit, b.inconclusiveLimit),
    consecutiveErrorLimit: Math.min(a.consecutiveErrorLimit, b.consecutiveErrorLimit),
    count: Math.max(a.count ?? 0, b.count ?? 0),
    ...(streak > 0 ? { consecutiveSuccessLimit: streak } : {}),
  };
};

const worse = (a: MeasurementPhase | undefined, b: MeasurementPhase): MeasurementPhase => (a !== undefined && PHASES.indexOf(a) > PHASES.indexOf(b) ? a : b);

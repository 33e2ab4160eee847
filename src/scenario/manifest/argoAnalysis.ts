// Argo `AnalysisTemplate` / `ClusterAnalysisTemplate` → the simulation's analysis. A metric is bound
// to a simulated figure by its query and condition, as the Argo docs' examples write them:
// a success rate (`result[0] >= 0.95` over a non-5xx / all ratio), an error rate (`result[0] <= 0.01`
// over 5xx), or a p99 latency (`histogram_quantile(0.99, …) `, `result[0] <= 0.5` in the query's unit).
import type { AnalysisOptions } from '../../patterns/options';
import { parseGoDuration } from '../goDuration';
import { type ManifestObject, type Path, isObject } from './document';

const METRIC_KEYS = ['name', 'interval', 'initialDelay', 'count', 'successCondition', 'failureCondition', 'failureLimit', 'inconclusiveLimit', 'consecutiveErrorLimit', 'consecutiveSuccessLimit', 'provider'];
const WHY: Record<string, string> = {
  args: 'queries are not run: the metric is bound to a simulated figure',
  provider: 'queries are not run: the metric is bound to a simulated figure',
  inconclusiveLimit: 'not modelled yet: an inconclusive check pauses the rollout',
  consecutiveErrorLimit: 'a simulated measurement never errors',
  consecutiveSuccessLimit: 'not modelled yet',
  measurementRetention: 'nothing to retain in a simulation',
  dryRun: 'not modelled yet: every metric decides',
  failureCondition: 'not modelled yet: the successCondition decides',
};

type Bound = { errorRate: { max: number } } | { latencyP99: { max: number } };

const CONDITION = /^\s*result(?:\[0\])?\s*(<=|<|>=|>)\s*(\d+(?:\.\d+)?)\s*$/;

/** The simulated figure a metric measures, from its name, query and successCondition; a reason when none. */
function bind(name: string, query: string, condition: string): Bound | string {
  const m = CONDITION.exec(condition);
  if (!m) return `successCondition ${JSON.stringify(condition)} is not of the form "result[0] >= 0.95" or "result[0] <= 0.5"`;
  const [, op, raw] = m;
  const value = Number(raw);
  const text = `${name} ${query}`;
  const atMost = op.startsWith('<');
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

const duration = (o: ManifestObject, path: Path): number | undefined => {
  const raw = o.get(path);
  if (raw === undefined) return undefined;
  const s = typeof raw === 'string' ? parseGoDuration(raw) : undefined;
  if (s === undefined || s <= 0) o.error(path, `expected a duration like 30s, 1m or 5m (Go's form), got ${JSON.stringify(raw)}`);
  return s;
};

/**
 * The analysis a template asks for, or undefined (with the reason noted) when none of its metrics has
 * a simulated counterpart. `bounded`: a run with a count (blue-green analyses) rather than background.
 */
export function templateAnalysis(t: ManifestObject): AnalysisOptions | undefined {
  t.closed(['spec'], ['metrics', 'args', 'dryRun', 'measurementRetention']);
  const metrics = t.get(['spec', 'metrics']);
  if (!Array.isArray(metrics) || metrics.length === 0) {
    t.error(['spec'], `${t.kind} ${t.name} needs spec.metrics`, true);
    return undefined;
  }
  let analysis: AnalysisOptions | undefined;
  metrics.forEach((m, i) => {
    const at: Path = ['spec', 'metrics', i];
    if (!isObject(m)) return t.error(at, 'expected a metric: { name, interval, successCondition, provider }');
    t.closed(at, METRIC_KEYS);
    const name = String(t.get([...at, 'name']) ?? '');
    const condition = t.get([...at, 'successCondition']);
    const provider = isObject(m.provider) ? m.provider : {};
    const query = Object.values(provider).map((p) => (isObject(p) && typeof p.query === 'string' ? p.query : '')).join(' ');
    const bound = typeof condition === 'string' ? bind(name, query, condition) : 'it has no successCondition';
    if (typeof bound === 'string') return t.note(at, `not modelled: metric ${name} — ${bound}`);
    const interval = duration(t, [...at, 'interval']) ?? 60;
    const initialDelay = duration(t, [...at, 'initialDelay']) ?? 0;
    const failureLimit = t.get([...at, 'failureLimit']);
    const count = t.get([...at, 'count']);
    if (analysis && analysis.interval !== interval) t.note([...at, 'interval'], `not modelled: metrics with different intervals; the simulation checks every ${analysis.interval}s`);
    analysis = {
      judge: 'threshold',
      interval: analysis?.interval ?? interval,
      initialDelay: analysis?.initialDelay ?? initialDelay,
      failureLimit: Math.min(analysis?.failureLimit ?? Infinity, typeof failureLimit === 'number' ? failureLimit : 0),
      minSamples: 1,
      // Argo: a metric with neither count nor interval is measured once; with an interval only, until the run ends.
      count: typeof count === 'number' ? count : m.interval === undefined ? 1 : (analysis?.count ?? 10_000),
      errorRate: analysis?.errorRate,
      latencyP99: analysis?.latencyP99,
      ...bound,
    };
  });
  t.noteUnread(['spec'], WHY, 'not modelled');
  return analysis;
}

// Flagger's metric checks → the simulation's analysis. Flagger's built-ins map onto simulated
// figures: request-success-rate (thresholdRange.min, in percent) is 1 − the error rate, and
// request-duration (thresholdRange.max, in milliseconds) is the p99 latency (Flagger's docs, "Metrics
// Analysis": "request-duration ... percentile 99"). Other metrics have no simulated counterpart.
import type { AnalysisOptions } from '../../patterns/options';
import { type ManifestObject, isObject } from './document';

const METRIC_KEYS = ['name', 'thresholdRange', 'interval', 'templateRef', 'templateVariables', 'query'];

/** Reads spec.analysis.metrics into the threshold judge's limits; leaves a note for what it cannot bind. */
export function flaggerLimits(o: ManifestObject): Pick<AnalysisOptions, 'errorRate' | 'latencyP99'> {
  const limits: Pick<AnalysisOptions, 'errorRate' | 'latencyP99'> = {};
  const metrics = o.get(['spec', 'analysis', 'metrics']);
  if (!Array.isArray(metrics)) return limits;
  metrics.forEach((m, i) => {
    const at = ['spec', 'analysis', 'metrics', i];
    if (!isObject(m)) return o.error(at, 'expected a metric: { name, thresholdRange, interval }');
    o.closed(at, METRIC_KEYS);
    const name = o.get([...at, 'name']);
    const range = o.get([...at, 'thresholdRange']);
    const min = isObject(range) ? range.min : undefined;
    const max = isObject(range) ? range.max : undefined;
    if (isObject(range)) o.closed([...at, 'thresholdRange'], ['min', 'max']);
    o.get([...at, 'thresholdRange', 'min']);
    o.get([...at, 'thresholdRange', 'max']);
    if (m.templateRef !== undefined) {
      o.note([...at, 'templateRef'], `not modelled: metric ${String(name)} (a MetricTemplate query) has no simulated counterpart; only request-success-rate and request-duration are judged`);
      o.get([...at, 'templateRef']);
      o.get([...at, 'templateVariables']);
      return;
    }
    if (name === 'request-success-rate') {
      if (typeof min !== 'number' || min < 0 || min > 100) return o.error([...at, 'thresholdRange'], 'request-success-rate needs thresholdRange.min, a percentage between 0 and 100 (e.g. 99)');
      limits.errorRate = { max: Math.round((100 - min) * 1e9) / 1e11 };
    } else if (name === 'request-duration') {
      if (typeof max !== 'number' || max <= 0) return o.error([...at, 'thresholdRange'], 'request-duration needs thresholdRange.max, the p99 latency in milliseconds (e.g. 500)');
      limits.latencyP99 = { max: max / 1000 };
    } else {
      o.error([...at, 'name'], `unknown built-in metric ${JSON.stringify(name)}; Flagger's built-ins are "request-success-rate" and "request-duration" (or give a templateRef)`);
    }
    if (m.interval !== undefined) o.note([...at, 'interval'], `ignored: spec.analysis.metrics[${i}].interval (the query window) — the simulation measures each check over the analysis interval`);
    o.get([...at, 'interval']);
  });
  return limits;
}

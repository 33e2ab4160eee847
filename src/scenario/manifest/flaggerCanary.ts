// A Flagger `Canary` → the canary pattern. Flagger advances the weight by stepWeight (or through
// stepWeights) once per interval while its checks pass, up to maxWeight, then promotes; it rolls
// back after `threshold` failed checks. Defaults from pkg/apis/flagger/v1beta1/canary.go: interval
// 60 s (at least 10 s), threshold 1, progressDeadlineSeconds 600; maxWeight 100. With `iterations`
// and `match` it is an A/B test (runAB in pkg/controller/scheduler.go): the matched users go to the
// canary for `iterations` passing checks, then it promotes. `mirror` runs one mirrored interval before
// the first weight (runCanary), or mirrors through a blue/green's checks (runBlueGreen).
import type { AnalysisOptions, CanaryStep } from '../../patterns/options';
import type { CompareEntry } from '../types';
import { parseGoDuration } from '../goDuration';
import { type ManifestObject, isObject } from './document';
import { flaggerBlueGreen } from './flaggerBlueGreen';
import { type UserNames, flaggerMatch } from './flaggerMatch';
import { flaggerLimits } from './flaggerMetrics';

const SPEC_KEYS = ['targetRef', 'autoscalerRef', 'ingressRef', 'upstreamRef', 'service', 'provider', 'progressDeadlineSeconds', 'skipAnalysis', 'analysis', 'revertOnDeletion', 'suspend'];
const ANALYSIS_KEYS = ['interval', 'threshold', 'maxWeight', 'stepWeight', 'stepWeights', 'stepWeightPromotion', 'iterations', 'match', 'mirror', 'mirrorWeight', 'primaryReadyThreshold', 'canaryReadyThreshold', 'metrics', 'webhooks', 'alerts', 'sessionAffinity'];

const WHY: Record<string, string> = {
  targetRef: 'the simulation rolls the scenario from rollout.from to rollout.to',
  autoscalerRef: 'the fleet has the scenario’s fixed size',
  service: 'the simulated router splits the traffic',
  provider: 'the simulated router splits the traffic',
  webhooks: 'the simulation makes its own traffic',
  alerts: 'nothing to notify in a simulation',
  stepWeightPromotion: 'the promotion shifts traffic from the canary to the primary once both run the new version: users see no difference',
  mirror: 'Flagger mirrors in a canary or a blue/green, not in an A/B test (runAB), nor with the kubernetes provider',
  mirrorWeight: 'it sets the share mirrored when mirror is true; mirror is off',
  match: 'Flagger routes by match only in an A/B test (with iterations)',
  primaryReadyThreshold: 'instances are ready or not in the simulation',
  canaryReadyThreshold: 'instances are ready or not in the simulation',
  revertOnDeletion: 'nothing is deleted in a simulation',
  suspend: 'not modelled',
  sessionAffinity: 'not modelled yet',
};

function seconds(o: ManifestObject, path: (string | number)[], fallback: number): number {
  const raw = o.get(path);
  if (raw === undefined) return fallback;
  const s = typeof raw === 'string' ? parseGoDuration(raw) : undefined;
  if (s === undefined || s < 0) {
    o.error(path, `expected a duration like 30s, 1m or 1h30m (Go's form), got ${JSON.stringify(raw)}`);
    return fallback;
  }
  return s;
}

function wholeNumber(o: ManifestObject, path: (string | number)[], min: number): number | undefined {
  const raw = o.get(path);
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min) {
    o.error(path, `expected a whole number of at least ${min}, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  return raw;
}

/** The weights Flagger walks: stepWeights as given, else stepWeight, 2·stepWeight, … up to maxWeight. */
function weights(o: ManifestObject): number[] {
  const a = ['spec', 'analysis'];
  const maxWeight = wholeNumber(o, [...a, 'maxWeight'], 1) ?? 100;
  const list = o.get([...a, 'stepWeights']);
  if (Array.isArray(list)) {
    if (!list.every((w) => typeof w === 'number' && w > 0 && w <= 100)) o.error([...a, 'stepWeights'], 'expected a list of percentages between 1 and 100, e.g. [1, 10, 50]');
    return list.filter((w): w is number => typeof w === 'number' && w > 0 && w <= 100);
  }
  const step = wholeNumber(o, [...a, 'stepWeight'], 1);
  if (step === undefined) return [];
  const out: number[] = [];
  for (let w = step; w <= Math.min(maxWeight, 100); w += step) out.push(w);
  if (out.at(-1) !== maxWeight && maxWeight < 100) out.push(maxWeight); // Flagger caps the last step at maxWeight
  return out;
}

/** `mirror: true` → the share of the traffic Flagger copies to the canary (mirrorWeight %, default 100); 0: no mirroring. */
function mirrorShare(o: ManifestObject): number {
  const a = ['spec', 'analysis'];
  const mirror = o.get([...a, 'mirror']);
  if (mirror !== undefined && typeof mirror !== 'boolean') o.error([...a, 'mirror'], `expected true or false, got ${JSON.stringify(mirror)}`);
  if (mirror !== true) return 0;
  const weight = wholeNumber(o, [...a, 'mirrorWeight'], 1) ?? 100;
  if (weight > 100) o.error([...a, 'mirrorWeight'], `expected a percentage between 1 and 100, got ${weight}`);
  return Math.min(weight, 100) / 100;
}

export function flaggerCanaryEntry(o: ManifestObject, label: string, users?: UserNames): CompareEntry | undefined {
  o.closed(['spec'], SPEC_KEYS);
  o.closed(['spec', 'analysis'], ANALYSIS_KEYS);
  const a = ['spec', 'analysis'];
  if (!isObject(o.get(a))) {
    o.error(['spec'], 'a Canary needs spec.analysis (interval, threshold, stepWeight, maxWeight, metrics)', true);
    return undefined;
  }
  const interval = Math.max(10, seconds(o, [...a, 'interval'], 60));
  const threshold = wholeNumber(o, [...a, 'threshold'], 1) ?? 1;
  const iterations = wholeNumber(o, [...a, 'iterations'], 1);
  const abTest = iterations !== undefined && o.get([...a, 'match']) !== undefined;
  const matched = abTest ? flaggerMatch(o, [...a, 'match'], users) : undefined;
  const kubernetes = o.get(['spec', 'provider']) === 'kubernetes';
  // Flagger mirrors only through a mesh, and never in an A/B test.
  const mirror = abTest || kubernetes ? 0 : mirrorShare(o);
  const progressDeadline = wholeNumber(o, ['spec', 'progressDeadlineSeconds'], 1) ?? 600;
  const walk = iterations === undefined ? weights(o) : [];
  const limits = flaggerLimits(o); // read before any early return, so that its errors are reported too
  if (iterations === undefined && walk.length === 0) {
    if (o.errors.length === 0) o.error(a, 'give stepWeight (with maxWeight) or stepWeights: the weights the canary walks (or iterations for blue/green)', true);
    return undefined;
  }
  const hooks = o.get([...a, 'webhooks']);
  const gate = (type: string) => Array.isArray(hooks) && hooks.some((h) => isObject(h) && h.type === type);
  const skip = o.get(['spec', 'skipAnalysis']) === true;
  const checked = limits.errorRate !== undefined || limits.latencyP99 !== undefined;
  // Flagger checks at the end of each interval (the first one interval after the start); `threshold`
  // failed checks roll back, so failureLimit is one less; a metric without data ("no values found
  // for metric … probably … is not receiving traffic") is a failed check, as the scheduler counts it.
  const analysis = (count: number): AnalysisOptions | undefined =>
    skip || !checked
      ? undefined
      : { judge: 'threshold', interval, firstCheck: 'afterInterval', failureLimit: threshold - 1, minSamples: 1, count, noData: 'Failed', noSeries: 'Failed', ...limits };
  if (skip) o.note(['spec', 'skipAnalysis'], 'skipAnalysis: the canary walks its weights without checks');
  if (Array.isArray(hooks)) {
    hooks.forEach((h, i) => {
      if (isObject(h) && (h.type === 'confirm-rollout' || h.type === 'confirm-promotion')) {
        o.get([...a, 'webhooks', i]);
        o.note([...a, 'webhooks', i], `${String(h.type)} ${String(h.name ?? '')}: modelled as a wait for a human (promote it with manual: [{ at, event: promote }])`);
      }
    });
  }
  if (iterations !== undefined && !abTest) {
    const entry = flaggerBlueGreen(o, label, { interval, iterations, analysis: analysis(iterations), after: analysis(1), confirm: gate('confirm-promotion'), mirror, progressDeadline });
    o.noteUnread(['spec'], WHY, 'not modelled');
    return entry;
  }
  if (abTest && !matched) return undefined;
  // Flagger scales the canary Deployment up to its full size before the first step ("Scaling up",
  // then "Waiting for … rollout to finish"), then moves one step and one check per interval: a step
  // holds its weight for one interval. An A/B test routes the matched users to the canary at its
  // first step and holds them there for `iterations` checks; a mirror runs one checked interval of
  // mirrored traffic before the first weight.
  const plan: CanaryStep[] = matched
    ? [{ setHeaderRoute: matched }, ...Array.from({ length: iterations! }, (): CanaryStep => ({ pause: interval }))]
    : [
        ...(mirror > 0 ? [{ setMirrorRoute: mirror }, { pause: interval }, { setMirrorRoute: 0 }] : []),
        ...walk.flatMap((w): CanaryStep[] => [{ setWeight: w / 100 }, { pause: interval }]),
      ];
  const steps: CanaryStep[] = [...(gate('confirm-rollout') ? [{ pause: null }] : []), { setCanaryScale: { weight: 1 } }, ...plan];
  if (gate('confirm-promotion')) steps.push({ pause: null });
  if (mirror > 0) o.note([...a, 'mirror'], `mirror: ${mirror * 100}% of the requests are copied to the canary for one interval before the first weight; their answers are discarded, the checks judge them`);
  const checks = analysis(5);
  o.noteUnread(['spec'], WHY, 'not modelled');
  // Flagger halts advancement while a check fails: a step moves on at a passing check only.
  return { pattern: 'canary', label, options: { steps, progressDeadline, ...(checks ? { analysis: checks, holdOnFailedCheck: true } : {}) } };
}

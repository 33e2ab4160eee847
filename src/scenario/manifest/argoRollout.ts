// An Argo Rollouts `Rollout` → the canary pattern (steps setWeight / pause / setCanaryScale / analysis,
// background analysis) or
// blue-green (autoPromotionEnabled, autoPromotionSeconds, scaleDownDelaySeconds, pre- and
// postPromotionAnalysis). Field names and defaults: argo-rollouts pkg/apis/rollouts/v1alpha1/types.go.
import type { AnalysisOptions, CanaryScale, CanaryStep } from '../../patterns/options';
import type { CompareEntry } from '../types';
import { parseArgoDuration } from '../goDuration';
import { type ManifestObject, type Path, isObject } from './document';
import { noteReplicas } from './deployment';
import { dryRunNames, templateAnalysis } from './argoAnalysis';

/** Argo's abortScaleDownDelaySeconds when left out. */
const ARGO_DEFAULT_ABORT_SCALE_DOWN_DELAY = 30;

type FindTemplate = (name: string, cluster: boolean) => ManifestObject | undefined;

const WHY: Record<string, string> = {
  selector: 'the simulation runs the scenario’s versions',
  template: 'the simulation runs the scenario’s versions (rollout.from → rollout.to)',
  workloadRef: 'the simulation runs the scenario’s versions',
  trafficRouting: 'the simulated router sets the exact weight, as the named router does',
  canaryService: 'the simulated router splits the traffic',
  stableService: 'the simulated router splits the traffic',
  activeService: 'the simulated router switches the traffic',
  previewService: 'the simulated router switches the traffic',
  antiAffinity: 'the simulation has no nodes',
  canaryMetadata: 'labels change nothing in a simulation',
  stableMetadata: 'labels change nothing in a simulation',
  previewMetadata: 'labels change nothing in a simulation',
  activeMetadata: 'labels change nothing in a simulation',
  revisionHistoryLimit: 'nothing is kept between simulated runs',
  maxSurge: 'not modelled for canaries: the canary’s instances follow its weight',
  maxUnavailable: 'not modelled for canaries: the canary’s instances follow its weight',
  minReadySeconds: 'not modelled for Rollouts yet',
  progressDeadlineSeconds: 'not modelled for Rollouts yet',
};

/** The analysis of `{ templates: [{ templateName, clusterScope }] }` at `path`. */
function analysisAt(o: ManifestObject, path: Path, find: FindTemplate, background = false): AnalysisOptions | undefined {
  const block = o.get(path);
  if (block === undefined) return undefined;
  // startingStep belongs to the canary's background analysis only (RolloutAnalysisBackground)
  o.closed(path, ['name', 'templates', 'args', ...(background ? ['startingStep'] : []), 'dryRun', 'measurementRetention', 'analysisRunMetadata']);
  const templates = o.get([...path, 'templates']);
  if (!Array.isArray(templates) || templates.length === 0) {
    o.error(path, 'expected templates: [{ templateName: … }]', true);
    return undefined;
  }
  if (templates.length > 1) o.note([...path, 'templates', 1], 'not modelled yet: only the first template is judged');
  const ref = templates[0];
  const at = [...path, 'templates', 0];
  o.closed(at, ['templateName', 'clusterScope']);
  const name = isObject(ref) ? o.get([...at, 'templateName']) : undefined;
  const cluster = o.get([...at, 'clusterScope']) === true;
  if (typeof name !== 'string') {
    o.error(at, 'expected { templateName: … }');
    return undefined;
  }
  const template = find(name, cluster);
  if (!template) {
    o.error([...at, 'templateName'], `no ${cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'} named ${JSON.stringify(name)} in this file or beside it`);
    return undefined;
  }
  const analysis = templateAnalysis(template, dryRunNames(o, [...path, 'dryRun']));
  o.errors.push(...template.errors);
  o.notes.push(...template.notes);
  if (!analysis) o.note(at, `not modelled: template ${name} has no metric the simulation can judge; the run goes without analysis`);
  return analysis;
}

/** `setCanaryScale: { replicas } | { weight } | { matchTrafficWeight: true }` (exactly one, as Argo validates it). */
function canaryScale(o: ManifestObject, at: Path): CanaryScale | undefined {
  o.closed(at, ['replicas', 'weight', 'matchTrafficWeight']);
  const replicas = o.get([...at, 'replicas']);
  const weight = o.get([...at, 'weight']);
  const match = o.get([...at, 'matchTrafficWeight']);
  const given = [replicas, weight, match].filter((v) => v !== undefined).length;
  if (given !== 1) {
    o.error(at, 'expected exactly one of replicas, weight or matchTrafficWeight: true');
    return undefined;
  }
  if (replicas !== undefined) {
    if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0) return { replicas };
    o.error([...at, 'replicas'], `expected a whole number of instances, got ${JSON.stringify(replicas)}`);
    return undefined;
  }
  if (weight !== undefined) {
    if (typeof weight === 'number' && weight >= 0 && weight <= 100) return { weight: weight / 100 };
    o.error([...at, 'weight'], `expected a percentage between 0 and 100, got ${JSON.stringify(weight)}`);
    return undefined;
  }
  if (match === true) return { matchTrafficWeight: true };
  o.error([...at, 'matchTrafficWeight'], `expected true, got ${JSON.stringify(match)}`);
  return undefined;
}

function canary(o: ManifestObject, label: string, find: FindTemplate): CompareEntry | undefined {
  const c: Path = ['spec', 'strategy', 'canary'];
  const stepsRaw = o.get([...c, 'steps']);
  const steps: CanaryStep[] = [];
  (Array.isArray(stepsRaw) ? stepsRaw : []).forEach((s, i) => {
    const at = [...c, 'steps', i];
    o.closed(at, ['setWeight', 'pause', 'analysis', 'setCanaryScale', 'experiment', 'setHeaderRoute', 'setMirrorRoute', 'plugin']);
    const w = o.get([...at, 'setWeight']);
    if (w !== undefined) {
      if (typeof w !== 'number' || w < 0 || w > 100) o.error([...at, 'setWeight'], `expected a percentage between 0 and 100, got ${JSON.stringify(w)}`);
      else steps.push({ setWeight: w / 100 });
    }
    if (isObject(s) && 'pause' in s) {
      const p = o.get([...at, 'pause']);
      o.closed([...at, 'pause'], ['duration']);
      const d = isObject(p) ? o.get([...at, 'pause', 'duration']) : undefined;
      const secs = d === undefined || d === null ? null : parseArgoDuration(d);
      if (secs === undefined || (secs !== null && secs < 0)) o.error([...at, 'pause', 'duration'], `expected a duration like 30s, 2m or 1h, or a whole number of seconds, got ${JSON.stringify(d)}`);
      else steps.push({ pause: secs === null ? null : Math.floor(secs) }); // Argo counts whole seconds
    }
    if (isObject(s) && 'setCanaryScale' in s) {
      const scale = canaryScale(o, [...at, 'setCanaryScale']);
      if (scale) steps.push({ setCanaryScale: scale });
    }
    // an analysis step: its own AnalysisRun from the templates, blocking the steps until it completes
    if (isObject(s) && 'analysis' in s) {
      const a = analysisAt(o, [...at, 'analysis'], find);
      if (a) steps.push({ analysis: a });
    }
    for (const kind of ['experiment', 'setHeaderRoute', 'setMirrorRoute', 'plugin']) {
      if (isObject(s) && kind in s) o.error([...at, kind], `not modelled yet: ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} step; the simulation runs setWeight, setCanaryScale, pause and analysis steps`, true);
    }
  });
  if (steps.length === 0) steps.push({ setWeight: 1 }); // Argo: no steps means straight to 100%
  const background = analysisAt(o, [...c, 'analysis'], find, true);
  const startingStep = startingStepOf(o, [...c, 'analysis', 'startingStep'], steps.length);
  const analysis = background && startingStep ? { ...background, startingStep } : background;
  const sizing = canarySizing(o, c, stepsRaw);
  o.noteUnread(['spec'], WHY, 'not modelled');
  return { pattern: 'canary', label, options: { steps, ...(analysis ? { analysis } : {}), ...sizing } };
}

/** `analysis.startingStep`: a step index (int32 ≥ 0); Argo accepts one past the steps, and its background run then never starts. */
function startingStepOf(o: ManifestObject, at: Path, steps: number): number | undefined {
  const v = o.get(at);
  if (v === undefined) return undefined;
  if (!(typeof v === 'number' && Number.isInteger(v) && v >= 0)) {
    o.error(at, `expected a step index (a whole number from 0), got ${JSON.stringify(v)}`);
    return undefined;
  }
  if (v >= steps) o.note(at, `startingStep ${v} is past the last step (${steps - 1}): Argo accepts it, and the background analysis never starts`);
  return v;
}

/**
 * How the canary's two sides are sized and scaled down: trafficRouting (left out: Argo's basic
 * canary), dynamicStableScale and the two scale-down delays, with Argo's validation
 * (validation.go, ValidateRolloutStrategyCanary) for the knobs that need a router.
 */
function canarySizing(o: ManifestObject, c: Path, stepsRaw: unknown) {
  const routed = o.get([...c, 'trafficRouting']) !== undefined;
  const seconds = (key: string): number | undefined => {
    const v = o.get([...c, key]);
    if (v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0)) return v;
    o.error([...c, key], `expected a whole number of seconds, got ${JSON.stringify(v)}`);
    return undefined;
  };
  const minPods = o.get([...c, 'minPodsPerReplicaSet']);
  if (minPods !== undefined && !(typeof minPods === 'number' && Number.isInteger(minPods) && minPods >= 1)) o.error([...c, 'minPodsPerReplicaSet'], `expected a whole number of pods, 1 or more, got ${JSON.stringify(minPods)}`);
  const dynamic = o.get([...c, 'dynamicStableScale']);
  if (dynamic !== undefined && typeof dynamic !== 'boolean') o.error([...c, 'dynamicStableScale'], `expected true or false, got ${JSON.stringify(dynamic)}`);
  const scaleDownDelay = seconds('scaleDownDelaySeconds');
  const abortDelay = seconds('abortScaleDownDelaySeconds');
  if (!routed) {
    const needsRouter = 'needs trafficRouting (Argo refuses it on the basic canary)';
    if (scaleDownDelay !== undefined) o.error([...c, 'scaleDownDelaySeconds'], `scaleDownDelaySeconds ${needsRouter}`);
    if (dynamic === true) o.error([...c, 'dynamicStableScale'], `dynamicStableScale ${needsRouter}`);
    (Array.isArray(stepsRaw) ? stepsRaw : []).forEach((s, i) => isObject(s) && 'setCanaryScale' in s && o.error([...c, 'steps', i, 'setCanaryScale'], `setCanaryScale ${needsRouter}`));
    if (minPods !== undefined) o.note([...c, 'minPodsPerReplicaSet'], 'ignored: Argo applies it only with trafficRouting');
    if (abortDelay !== undefined) o.note([...c, 'abortScaleDownDelaySeconds'], 'ignored: the basic canary rolls back by scaling the stable up again (not applicable, as in Argo)');
    o.note(c, "without trafficRouting this is Argo's basic canary: both sides are sized by the weight and the traffic follows the pods");
    return { trafficRouting: false };
  }
  if (dynamic === true && scaleDownDelay !== undefined) o.error([...c, 'dynamicStableScale'], 'dynamicStableScale cannot be used with scaleDownDelaySeconds (Argo refuses both)');
  return {
    ...(dynamic === true ? { dynamicStableScale: true } : {}),
    ...(typeof minPods === 'number' && Number.isInteger(minPods) && minPods >= 1 ? { minPodsPerReplicaSet: minPods } : {}),
    ...(scaleDownDelay !== undefined ? { scaleDownDelay } : {}),
    ...(abortDelay !== undefined ? { abortScaleDownDelay: abortDelay === 0 ? null : abortDelay } : {}),
  };
}

function blueGreen(o: ManifestObject, label: string, find: FindTemplate): CompareEntry {
  const b: Path = ['spec', 'strategy', 'blueGreen'];
  const whole = (key: string, fallback: number) => {
    const v = o.get([...b, key]);
    if (v === undefined) return fallback;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    o.error([...b, key], `expected a whole number of seconds, got ${JSON.stringify(v)}`);
    return fallback;
  };
  const replicas = (key: string): number | undefined => {
    const v = o.get([...b, key]);
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    o.error([...b, key], `expected a whole number of replicas, got ${JSON.stringify(v)}`);
    return undefined;
  };
  const enabled = o.get([...b, 'autoPromotionEnabled']) !== false;
  const autoPromotionSeconds = enabled ? whole('autoPromotionSeconds', 0) : null;
  if (!enabled && o.get([...b, 'autoPromotionSeconds']) !== undefined) o.note([...b, 'autoPromotionSeconds'], 'ignored: autoPromotionEnabled is false, so the rollout waits for a promotion');
  const pre = analysisAt(o, [...b, 'prePromotionAnalysis'], find);
  const post = analysisAt(o, [...b, 'postPromotionAnalysis'], find);
  // Argo scales the preview down 30 s after an abort by default; 0 keeps it (docs/features/scaledown-aborted-rs.md).
  const abortDelay = whole('abortScaleDownDelaySeconds', ARGO_DEFAULT_ABORT_SCALE_DOWN_DELAY);
  const preview = replicas('previewReplicaCount');
  const options = {
    autoPromotionSeconds,
    previewTraffic: 0,
    scaleDownDelay: o.get([...b, 'scaleDownDelaySeconds']) === undefined ? null : whole('scaleDownDelaySeconds', 30),
    abortScaleDownDelay: abortDelay === 0 ? null : abortDelay,
    ...(preview !== undefined ? { previewReplicaCount: preview } : {}),
    ...(pre ? { prePromotionAnalysis: pre } : {}), ...(post ? { postPromotionAnalysis: post } : {}) };
  o.noteUnread(['spec'], WHY, 'not modelled');
  return { pattern: 'blue-green', label, options };
}

export function argoRolloutEntry(o: ManifestObject, label: string, find: FindTemplate): CompareEntry | undefined {
  o.closed(['spec'], ['replicas', 'selector', 'template', 'workloadRef', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds', 'progressDeadlineAbort', 'restartAt', 'rollbackWindow', 'analysis']);
  o.closed(['spec', 'strategy'], ['canary', 'blueGreen']);
  noteReplicas(o);
  const strategy = o.get(['spec', 'strategy']);
  if (isObject(strategy) && isObject(strategy.canary)) {
    o.closed(['spec', 'strategy', 'canary'], ['steps', 'analysis', 'trafficRouting', 'canaryService', 'stableService', 'maxSurge', 'maxUnavailable', 'scaleDownDelaySeconds', 'abortScaleDownDelaySeconds', 'scaleDownDelayRevisionLimit', 'dynamicStableScale', 'antiAffinity', 'canaryMetadata', 'stableMetadata', 'pingPong', 'minPodsPerReplicaSet']);
    return canary(o, label, find);
  }
  if (isObject(strategy) && isObject(strategy.blueGreen)) {
    o.closed(['spec', 'strategy', 'blueGreen'], ['activeService', 'previewService', 'autoPromotionEnabled', 'autoPromotionSeconds', 'scaleDownDelaySeconds', 'scaleDownDelayRevisionLimit', 'abortScaleDownDelaySeconds', 'prePromotionAnalysis', 'postPromotionAnalysis', 'previewReplicaCount', 'antiAffinity', 'previewMetadata', 'activeMetadata']);
    return blueGreen(o, label, find);
  }
  o.error(['spec', 'strategy'], 'a Rollout needs strategy.canary or strategy.blueGreen', true);
  return undefined;
}

// The knobs of each pattern, as the scenario layer hands them over: validated and normalised
// (durations in seconds, percentages as fractions). Names follow the real tools.
import type { AnalysisSpec } from '../judges/types';
import type { UserMatchSpec } from '../world/userMatch';

/** Kubernetes' IntOrString: an absolute count or a share of the desired instances. */
export type CountOrPercent = { kind: 'count'; value: number } | { kind: 'percent'; value: number };

/** Analysis as a pattern runs it: the judge's spec plus how many checks a bounded run makes. */
export interface AnalysisOptions extends AnalysisSpec {
  /** checks in a bounded (post-promotion / verification) run; background runs ignore it unless stopsAtCount */
  count: number;
  /** a background run also ends, Successful, after `count` checks (Argo: a metric's count applies wherever the run is) */
  stopsAtCount?: boolean;
  /** a canary's background analysis starts when the steps reach this index (Argo's analysis.startingStep; default 0) */
  startingStep?: number;
}

/**
 * A canary or flag step: a weight/share to set, or a pause (null duration: until promoted by hand).
 * setHeaderRoute sends the users any match selects to the canary, before the weight (an empty list
 * removes the route); setMirrorRoute copies a share of all requests to the canary, answers discarded
 * (0 stops the copy); (canary) an inline analysis blocks the steps until its run completes.
 */
export type CanaryStep =
  | { setWeight: number }
  | { pause: number | null }
  | { setCanaryScale: CanaryScale }
  | { setHeaderRoute: UserMatchSpec[] }
  | { setMirrorRoute: number }
  | { analysis: AnalysisOptions };
/**
 * Argo's setCanaryScale: the canary's instances apart from its traffic weight, as a count or a share
 * of the fleet, until `matchTrafficWeight` hands them back to the weight.
 */
export type CanaryScale = { replicas: number } | { weight: number } | { matchTrafficWeight: true };
export type FlagStep = { rollout: number } | { pause: number | null };

export interface BigBangOptions {
  /** verification after the switch; a failure redeploys the old version */
  analysis?: AnalysisOptions;
}

export interface RollingOptions {
  maxSurge: CountOrPercent; // default 25%
  maxUnavailable: CountOrPercent; // default 25%
  minReadySeconds: number; // default 0
  progressDeadline: number; // default 600 s
  analysis?: AnalysisOptions;
}

export interface BlueGreenOptions {
  /** seconds to wait after the preview stack is ready before switching; null: wait for a manual promote */
  autoPromotionSeconds: number | null; // default 0
  /** synthetic requests per second sent to the preview stack (smoke traffic) */
  previewTraffic: number; // default 0
  prePromotionAnalysis?: AnalysisOptions;
  postPromotionAnalysis?: AnalysisOptions;
  /**
   * how long the old stack stays up after the switch, for an instant switch back. null (Argo's
   * scaleDownDelaySeconds left out): it stays until the post-promotion analysis has passed, and at
   * least 30 s.
   */
  scaleDownDelay: number | null;
  /**
   * seconds green stays up after an abort (Argo's abortScaleDownDelaySeconds); null: for good (Argo's
   * 0). Left out, green goes as soon as traffic is back on blue (a manifest gets Argo's 30).
   */
  abortScaleDownDelay?: number | null;
  /** green's instances until promotion (Argo's previewReplicaCount); scaled to full size before the switch. Default: full size */
  previewReplicaCount?: number;
  /** share of the users' requests copied to green before the switch, answers discarded (Flagger's mirror); default 0 */
  previewMirror?: number;
  /** Flagger's progressDeadlineSeconds: green still not ready this long after its scale-up rolls back; left out: it waits */
  progressDeadline?: number;
}

export interface CanaryOptions {
  steps: CanaryStep[];
  analysis?: AnalysisOptions;
  /**
   * Argo's canary with a traffic router (the default here): exact weights, the stable kept at full
   * size. false: Argo's basic canary, where the weight is the ratio of pods behind one Service and the
   * stable is scaled down as the canary grows.
   */
  trafficRouting?: boolean;
  /** traffic-routed only: the stable scaled down as the canary's weight rises (default false) */
  dynamicStableScale?: boolean;
  /** traffic-routed only: a side running any pod runs at least this many (Argo's minPodsPerReplicaSet; default 1) */
  minPodsPerReplicaSet?: number;
  /** seconds the old stable stays up after full promotion; left out: 30 (0 with dynamicStableScale) */
  scaleDownDelay?: number;
  /**
   * seconds the canary stays up after an abort; null: never scaled down (Argo's 0); left out: 30
   * (with dynamicStableScale, scaled down as the stable comes back)
   */
  abortScaleDownDelay?: number | null;
  /** Flagger: a failed check (below the threshold) holds the weight for one more interval */
  holdOnFailedCheck?: boolean;
  /** Flagger's progressDeadlineSeconds: a canary still waiting for its pods this long rolls back; left out: it waits */
  progressDeadline?: number;
}

export interface FlagRuleOptions {
  when: UserMatchSpec;
  serve: 'on' | 'off';
  /** Unleash's DATE_AFTER on currentTime: the rule applies only after this simulated second */
  after?: number;
  /** Unleash's DATE_BEFORE on currentTime: the rule applies only before this simulated second */
  before?: number;
}

/** A scheduled flag change (LaunchDarkly's scheduled changes): at simulated second `at`, turn the flag on or off, or set its share. */
export interface FlagChange {
  at: number;
  on?: boolean;
  /** the share (0 to 1) of the users no rule matches */
  rollout?: number;
}

export interface FeatureToggleOptions {
  flag: string;
  /** the progressive rollout; left out: the default plan, or none when the flag has a schedule */
  steps?: FlagStep[];
  /** scheduled changes instead of steps, in time order */
  schedule?: FlagChange[];
  rules: FlagRuleOptions[];
  propagationDelay: number; // default 30 s
  analysis?: AnalysisOptions;
  /** judged once the flag is on for everyone; a failure turns the flag off */
  postPromotionAnalysis?: AnalysisOptions;
}

export interface AbVariant {
  name: string;
  version: string;
  weight: number; // fraction
}

export interface AbTestOptions {
  variants: AbVariant[]; // exactly two: control first
  metric: 'conversion';
  alpha: number; // default 0.05
  method: 'fixed' | 'sequential';
  /** users per variant before the fixed test is read (its horizon) */
  minSamples: number; // default 2000
  maxDuration: number; // default 40 min
  /** how often the experiment is read */
  interval: number; // default 60 s
  /** sequential method: total users where the mSPRT is sharpest (GrowthBook's sequentialTuningParameter) */
  sequentialTuning?: number; // default 5000
}

export interface DarkLaunchOptions {
  mirror: number; // share of requests copied to the new version, default 100%
  internalUsers: boolean; // employees get the new version for real, default true
  duration: number; // how long to watch before release, default 10 min
  analysis?: AnalysisOptions;
}

export interface TrafficSplitStage {
  /** users matching this go to the new version */
  match?: UserMatchSpec;
  /** or a share of all traffic */
  weight?: number;
  pause: number | null;
}

export interface TrafficSplitOptions {
  stages: TrafficSplitStage[];
  analysis?: AnalysisOptions;
}

export interface PatternOptions {
  none: Record<string, never>;
  'big-bang': BigBangOptions;
  rolling: RollingOptions;
  'blue-green': BlueGreenOptions;
  canary: CanaryOptions;
  'feature-toggle': FeatureToggleOptions;
  'ab-test': AbTestOptions;
  'dark-launch': DarkLaunchOptions;
  'traffic-split': TrafficSplitOptions;
}

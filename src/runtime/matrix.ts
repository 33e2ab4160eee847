// The fault × pattern matrix: every fault kind against every pattern on one standard fleet, so a
// learner can see which pattern catches which failure, how fast, and at what cost. Generated, never
// typed by hand.
import type { CompareEntry, Scenario } from '../scenario/types';
import type { Fault, FaultKind } from '../world/faults/types';
import type { AnalysisOptions } from '../patterns/options';
import type { RunRecord } from './types';
import { runScenario } from './run';

const ROLLOUT_AT = 120;

const analysis: AnalysisOptions = {
  judge: 'threshold', interval: 60, failureLimit: 0, minSamples: 100, errorRate: { max: 0.01 }, latencyP99: { max: 0.8 }, count: 5,
};

/** Each pattern with the knobs a team would typically start from. */
export const MATRIX_PATTERNS: CompareEntry[] = [
  { pattern: 'none', label: 'none', options: {} },
  { pattern: 'big-bang', label: 'big-bang', options: { analysis } },
  { pattern: 'rolling', label: 'rolling', options: { maxSurge: { kind: 'percent', value: 0.25 }, maxUnavailable: { kind: 'count', value: 0 }, minReadySeconds: 10, progressDeadline: 600 } },
  { pattern: 'blue-green', label: 'blue-green', options: { autoPromotionSeconds: 120, previewTraffic: 5, scaleDownDelay: 300, prePromotionAnalysis: analysis, postPromotionAnalysis: analysis } },
  { pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.1 }, { pause: 300 }, { setWeight: 0.5 }, { pause: 300 }], analysis } },
  { pattern: 'feature-toggle', label: 'feature-toggle', options: { flag: 'release', steps: [{ rollout: 0.1 }, { pause: 300 }, { rollout: 0.5 }, { pause: 300 }], rules: [], propagationDelay: 30, analysis } },
  { pattern: 'ab-test', label: 'ab-test', options: { variants: [{ name: 'A', version: 'v1', weight: 0.5 }, { name: 'B', version: 'v2', weight: 0.5 }], metric: 'conversion', alpha: 0.05, method: 'sequential', minSamples: 2000, maxDuration: 1500, interval: 60 } },
  { pattern: 'dark-launch', label: 'dark-launch', options: { mirror: 1, internalUsers: true, duration: 600, analysis } },
  { pattern: 'traffic-split', label: 'traffic-split', options: { stages: [{ match: { region: 'eu' }, pause: 300 }, { match: { region: ['eu', 'us'] }, pause: 300 }, { weight: 1, pause: 0 }], analysis } },
];

/** One fault of each kind, hitting the new version from the rollout on, with a telling magnitude. */
export function standardFault(kind: FaultKind): Fault {
  const base = { start: { at: ROLLOUT_AT }, duration: null, label: kind };
  switch (kind) {
    case 'error-rate': return { ...base, kind, version: 'v2', rate: 0.1 };
    case 'latency': return { ...base, kind, version: 'v2', factor: 4, add: 0, above: { utilisation: 0.5 } };
    case 'crash-loop': return { ...base, kind, version: 'v2', after: null };
    case 'memory-leak': return { ...base, kind, version: 'v2', per: 900, errorRate: 0.02, factor: 1.5 };
    case 'segment': return { ...base, kind, version: 'v2', match: { platform: 'ios' }, rate: 0.3 };
    case 'conversion-drop': return { ...base, kind, version: 'v2', drop: 0.3 };
    case 'dependency-outage': return { ...base, kind, start: { at: 600 }, duration: 300, rate: 0.2 };
    case 'instance-loss': return { ...base, kind, start: { at: 600 }, duration: 120, count: null, zone: 'a', version: null };
    case 'traffic-spike': return { ...base, kind, start: { at: 600 }, duration: 300, factor: 2.5 };
    case 'mixed-version': return { ...base, kind, rate: 1 };
    case 'cold-start': return { ...base, kind, version: 'v2', warmup: 120, factor: 6 };
    case 'bad-writes': return { ...base, kind, version: 'v2', rate: 0.05, writes: 0.2 };
  }
}

export function matrixScenario(kind: FaultKind, seed = 1): Scenario {
  return {
    schemaVersion: 1,
    title: `${kind} against every pattern`,
    seed,
    duration: 1800,
    fleet: { instances: 10, concurrency: 4, queueLimit: 100, startupTime: 20, loadBalancer: 'round-robin' },
    traffic: { rps: 200, shape: { kind: 'constant' } },
    users: {
      count: 20000, regions: { us: 0.5, eu: 0.3, apac: 0.2 }, platforms: { web: 0.6, ios: 0.25, android: 0.15 },
      internal: 0.01, beta: 0.05, newUsers: 0.02, maxAccountAge: 730 * 86400,
    },
    versions: [
      { name: 'v1', serviceTime: { distribution: 'exponential', mean: 0.1 }, errorRate: 0, conversionRate: 0.03 },
      { name: 'v2', serviceTime: { distribution: 'exponential', mean: 0.1 }, errorRate: 0, conversionRate: 0.03 },
    ],
    rollout: { from: 'v1', to: 'v2', at: ROLLOUT_AT },
    compare: MATRIX_PATTERNS,
    faults: [standardFault(kind)],
  };
}

export interface MatrixCell {
  outcome: string;
  /** the release was stopped before it reached everyone (rolled back, paused, stalled, or A kept) */
  caught: boolean;
  /** rolled back or halted although the release had no defect of its own */
  falseAlarm: boolean;
  detectionSeconds: number | null;
  usersAffected: number;
  failedRequests: number;
  corruptedWrites: number;
  /** extra instance-hours over the control run */
  extraInstanceHours: number;
}

export type Matrix = Record<FaultKind, Record<string, MatrixCell>>;

export function cellOf(run: RunRecord, control: RunRecord): MatrixCell {
  const fault = run.faults[0];
  return {
    outcome: run.outcome,
    caught: run.outcome !== 'promoted' && run.outcome !== 'steady' && run.falseAlarm !== true,
    falseAlarm: run.falseAlarm === true,
    detectionSeconds: run.detectionSeconds,
    usersAffected: run.usersAffected,
    failedRequests: run.errors + run.rejected,
    corruptedWrites: fault?.corruptedWrites ?? 0,
    extraInstanceHours: Math.round(((run.instanceSeconds - control.instanceSeconds) / 3600) * 10) / 10,
  };
}

/** Runs one fault kind against every pattern. */
export function matrixRow(kind: FaultKind, seed = 1): Record<string, MatrixCell> {
  const runs = runScenario(matrixScenario(kind, seed)).runs;
  const control = runs[0];
  return Object.fromEntries(runs.map((r) => [r.label, cellOf(r, control)]));
}

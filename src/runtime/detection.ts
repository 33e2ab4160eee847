// Scores a run's decision against the truth: how long users had been meeting the release's defect
// when the rollout reacted (detectionSeconds), or that there was no defect to react to (falseAlarm).
import type { WorldSpec } from '../world/spec';
import type { MeasuredWorld } from '../metrics/measuredWorld';
import type { Decision } from './types';
import { defectExposure, troubleBefore } from './defects';
import { clock } from '../patterns/decisions';

interface DetectionScore {
  /**
   * Seconds from the moment users were first exposed to what the rollout reacted to, until it
   * reacted: the release's defect; for a false alarm, the latest fault begun before the decision,
   * or else the new version's first request. null when the rollout never reacted.
   */
  detectionSeconds: number | null;
  /** present when the rollout reacted (rolled back, halted, aborted): true when the release had no defect */
  falseAlarm?: boolean;
  decisions: Decision[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** `detectedBy`: the index of the decision that reacted (the platform notes it when the detection is marked). */
export function scoreDetection(world: MeasuredWorld, scenario: WorldSpec, candidate: number, stable: number, detectedAt: number | null, detectedBy: number | null, decisions: Decision[]): DetectionScore {
  if (detectedAt === null) return { detectionSeconds: null, decisions };
  const names = world.versions.names;
  const r = world.recorder;
  const first = r.firstArrivalAt[candidate] >= 0 ? r.firstArrivalAt[candidate] : r.firstShadowAt[candidate];
  const firstServedAt = first >= 0 ? first : null;
  const starts = world.faultCosts.startedAt;
  const defect = defectExposure(scenario, world.faults, starts, names[candidate], names[stable], firstServedAt, detectedAt);
  if (defect.defective) {
    // Caught before the new version answered anything (a failed start-up): no exposure to time from.
    const detectionSeconds = defect.exposedAt === null ? null : round1(detectedAt - defect.exposedAt);
    return { detectionSeconds, falseAlarm: false, decisions };
  }

  const trouble = troubleBefore(world.faults, starts, detectedAt);
  const from = trouble?.at ?? firstServedAt ?? detectedAt;
  const why = trouble ? `"${trouble.label}" (${kindOf(world, trouble.label)}) hit it from ${clock(trouble.at)}` : 'nothing was wrong with it';
  const note = ` (a false alarm: ${names[candidate]} has no defect; ${why})`;
  // The decision that reacted says so, for the learner reading the log.
  const marked = decisions.map((d, i) => (i === detectedBy ? { ...d, text: d.text + note, evidence: { ...d.evidence, falseAlarm: true } } : d));
  return { detectionSeconds: round1(detectedAt - from), falseAlarm: true, decisions: marked };
}

function kindOf(world: MeasuredWorld, label: string): string {
  return world.faults.find((f) => f.label === label)?.kind ?? 'fault';
}

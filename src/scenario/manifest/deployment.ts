// A Kubernetes `Deployment` → the rolling pattern (RollingUpdate: maxSurge, maxUnavailable,
// minReadySeconds, progressDeadlineSeconds; defaults 25%, 25%, 0, 600 as in apps/v1) or big-bang
// (Recreate: every old pod goes before the new ones start).
import type { CountOrPercent } from '../../patterns/options';
import type { CompareEntry } from '../types';
import type { ManifestObject, Path } from './document';

const WHY: Record<string, string> = {
  selector: 'the simulation runs the scenario’s versions',
  template: 'the simulation runs the scenario’s versions (rollout.from → rollout.to)',
  revisionHistoryLimit: 'nothing is kept between simulated runs',
  paused: 'start paused deployments with manual: actions instead',
};

function intOrPercent(o: ManifestObject, path: Path, fallback: CountOrPercent): CountOrPercent {
  const raw = o.get(path);
  if (raw === undefined) return fallback;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return { kind: 'count', value: raw };
  if (typeof raw === 'string' && /^\d+%$/.test(raw) && Number(raw.slice(0, -1)) <= 100) return { kind: 'percent', value: Number(raw.slice(0, -1)) / 100 };
  o.error(path, `expected a whole number of pods like 1, or a percentage like 25%, got ${JSON.stringify(raw)}`);
  return fallback;
}

function seconds(o: ManifestObject, path: Path, fallback: number): number {
  const raw = o.get(path);
  if (raw === undefined) return fallback;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return raw;
  o.error(path, `expected a whole number of seconds, got ${JSON.stringify(raw)}`);
  return fallback;
}

/** spec.replicas: noted, since every run of a scenario shares its fleet. */
export function noteReplicas(o: ManifestObject): void {
  if (o.get(['spec', 'replicas']) !== undefined) {
    o.note(['spec', 'replicas'], 'not modelled yet: every compared run uses the scenario’s fleet.instances, so that runs stay comparable');
  }
}

export function deploymentEntry(o: ManifestObject, label: string): CompareEntry | undefined {
  o.closed(['spec'], ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'progressDeadlineSeconds', 'revisionHistoryLimit', 'paused']);
  o.closed(['spec', 'strategy'], ['type', 'rollingUpdate']);
  noteReplicas(o);
  const type = o.get(['spec', 'strategy', 'type']) ?? 'RollingUpdate';
  if (type === 'Recreate') {
    o.noteUnread(['spec'], WHY, 'not modelled');
    return { pattern: 'big-bang', label, options: {} };
  }
  if (type !== 'RollingUpdate') {
    o.error(['spec', 'strategy', 'type'], `expected "RollingUpdate" or "Recreate", got ${JSON.stringify(type)}`);
    return undefined;
  }
  const ru = ['spec', 'strategy', 'rollingUpdate'];
  o.closed(ru, ['maxSurge', 'maxUnavailable']);
  const maxSurge = intOrPercent(o, [...ru, 'maxSurge'], { kind: 'percent', value: 0.25 });
  const maxUnavailable = intOrPercent(o, [...ru, 'maxUnavailable'], { kind: 'percent', value: 0.25 });
  if (maxSurge.value === 0 && maxUnavailable.value === 0) o.error([...ru, 'maxUnavailable'], 'may not be 0 when maxSurge is 0 (Kubernetes rejects this Deployment)');
  const minReadySeconds = seconds(o, ['spec', 'minReadySeconds'], 0);
  const progressDeadline = seconds(o, ['spec', 'progressDeadlineSeconds'], 600);
  if (progressDeadline <= minReadySeconds) o.error(['spec', 'progressDeadlineSeconds'], `must be greater than minReadySeconds (${minReadySeconds})`);
  o.noteUnread(['spec'], WHY, 'not modelled');
  return { pattern: 'rolling', label, options: { maxSurge, maxUnavailable, minReadySeconds, progressDeadline } };
}

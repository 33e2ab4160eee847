// Faults built in code, normalised as the scenario layer produces them.
import type { Fault, FaultStart } from '../../src/world/faults/types';

type Extra<K extends Fault['kind']> = Omit<Extract<Fault, { kind: K }>, 'kind' | 'start' | 'duration' | 'label'>;

export function fault<K extends Fault['kind']>(
  kind: K,
  extra: Extra<K>,
  start: FaultStart = { at: 0 },
  duration: number | null = null,
  label: string = kind,
): Fault {
  return { kind, start, duration, label, ...extra } as unknown as Fault;
}

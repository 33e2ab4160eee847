// The first message of a stream, from the parsed scenario alone: it needs no simulation, so the
// page can lay out its panels while the runs are still being set up.
import type { Scenario } from '../scenario/types';
import { describeMachine } from './machineGraph';
import { PATTERNS } from '../patterns/registry';
import type { StreamStart } from './stream';

export function streamStart(s: Scenario, seed: number, bucketSeconds: number): StreamStart {
  return {
    scenario: s.title,
    ...(s.summary !== undefined ? { summary: s.summary } : {}),
    objectives: s.objectives ?? [],
    ...(s.narrative !== undefined ? { narrative: s.narrative } : {}),
    seed,
    durationSeconds: s.duration,
    bucketSeconds,
    versions: s.versions.map((v) => v.name),
    users: { regions: Object.keys(s.users.regions), platforms: Object.keys(s.users.platforms) },
    runs: s.compare.map((e) => ({
      pattern: e.pattern,
      label: e.label,
      machine: describeMachine(PATTERNS[e.pattern].machine),
      // a pattern that starts behind a flag: how long a flag change takes to reach every instance
      ...(PATTERNS[e.pattern].before === 'flag' ? { flagDelay: (e.options as { propagationDelay: number }).propagationDelay } : {}),
    })),
    plannedFaults: (s.faults ?? []).map((f) => ({
      label: f.label,
      kind: f.kind,
      at: 'at' in f.start ? f.start.at : null,
      duration: f.duration,
    })),
  };
}

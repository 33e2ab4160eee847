// Cross-field checks of `manual:` on the raw file data: each action names a run of `compare` and
// happens before the end of the run.
import type { Problem } from '../issues';
import { runLabels, unknownName } from '../names';
import { type Data, entries } from '../raw';
import { formatDuration, parseDuration } from '../units';

export function manualProblems(data: Data): Problem[] {
  const runs = [...new Set(runLabels(data).filter((l): l is string => l !== undefined))];
  const end = parseDuration(data.duration);
  return entries(data.manual).flatMap((action, i): Problem[] => {
    const problems: Problem[] = [];
    if (typeof action.run === 'string' && !runs.includes(action.run)) {
      problems.push({ path: ['manual', i, 'run'], anchor: 'value', message: unknownName('run label', action.run, runs, 'compare has') });
    }
    const at = parseDuration(action.at);
    if (at !== undefined && end !== undefined && end > 0 && at >= end) {
      problems.push({ path: ['manual', i, 'at'], anchor: 'value', message: `must be before the end of the run (duration ${formatDuration(end)}), got ${formatDuration(at)}` });
    }
    return problems;
  });
}

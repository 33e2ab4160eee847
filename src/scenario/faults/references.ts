// Cross-field checks of `faults:` on the raw file data: unique labels, declared versions, the
// regions and platforms of segment matches, starts within the run and phases that can happen.
import { patternStateNames } from '../../patterns/stateNames';
import { didYouMean } from '../didYouMean';
import type { Problem } from '../issues';
import { quoteList } from '../messages';
import { PATTERN_NAMES } from '../patterns';
import type { PatternName } from '../types';
import { matchProblems } from '../knobs/references';
import { labelsOf, uniqueNames, unknownName } from '../names';
import { type Data, entries, isMapping } from '../raw';
import { formatDuration, parseDuration } from '../units';

/** The fault labels as defaulted (the kind), for references from `expect`. */
export function faultLabels(data: Data): (string | undefined)[] {
  return labelsOf(entries(data.faults), 'kind');
}

function faultProblem(fault: Data, i: number, data: Data, versions: string[]): Problem[] {
  const problems: Problem[] = [];
  const report = (field: string, message: string) => problems.push({ path: ['faults', i, field], anchor: 'value', message });
  if (typeof fault.version === 'string' && versions.length > 0 && !versions.includes(fault.version)) {
    report('version', unknownName('version', fault.version, versions, 'declared versions are'));
  }
  const at = parseDuration(fault.at);
  const end = parseDuration(data.duration);
  if (at !== undefined && end !== undefined && end > 0 && at >= end) {
    report('at', `must be before the end of the run (duration ${formatDuration(end)}), got ${formatDuration(at)}`);
  }
  if (fault.when !== undefined && fault.when !== null && data.rollout === undefined) {
    report('when', 'starts on a rollout phase, but the scenario has no rollout section; use at: instead');
  }
  if (fault.kind === 'segment') problems.push(...matchProblems(fault.match, ['faults', i, 'match'], data));
  return problems;
}

/** The states of every compared pattern; undefined while some pattern name is invalid (the schema reports it). */
function comparedStates(data: Data): string[] | undefined {
  const patterns = data.compare === undefined ? ['none'] : entries(data.compare).map((e) => e.pattern);
  if (!patterns.every((p): p is PatternName => PATTERN_NAMES.includes(p as PatternName))) return undefined;
  return [...new Set(patterns.flatMap(patternStateNames))].sort();
}

/** `when: { state: X }` must name a state that some compared pattern's statechart has: else it never starts. */
function stateProblem(fault: Data, i: number, data: Data, states: string[] | undefined): Problem[] {
  // Without a rollout, `when` itself is the error (reported above).
  const state = isMapping(fault.when) && data.rollout !== undefined ? fault.when.state : undefined;
  if (typeof state !== 'string' || state === '' || states === undefined || states.includes(state)) return [];
  const hint = didYouMean(state, states) || `; the compared patterns' states are ${quoteList(states)}`;
  return [{ path: ['faults', i, 'when', 'state'], anchor: 'value', message: `no compared pattern has a state ${JSON.stringify(state)}${hint}` }];
}

/** Problems with the faults' names and references; `versions` are the declared version names. */
export function faultProblems(data: Data, versions: string[]): Problem[] {
  const list = entries(data.faults);
  // A missing label defaults to the kind, so two plain `{ kind: latency, … }` entries collide.
  const labels = uniqueNames('faults', 'label', faultLabels(data), 'label').map((p) =>
    typeof list[p.path[1] as number].label === 'string' ? p : { ...p, message: `${p.message} (a fault without a label is labelled by its kind; add a distinct label)` },
  );
  const states = comparedStates(data);
  return [...labels, ...list.flatMap((f, i) => [...faultProblem(f, i, data, versions), ...stateProblem(f, i, data, states)])];
}

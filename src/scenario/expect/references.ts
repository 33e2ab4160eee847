// Cross-field checks of `expect:` on the raw file data: each expectation names a run of `compare`
// and the faults it bounds by their labels; an A/B winner only exists in an ab-test run.
import { faultLabels } from '../faults/references';
import type { Problem } from '../issues';
import { runLabels, unknownName } from '../names';
import { type Data, entries, isMapping } from '../raw';

const known = (labels: (string | undefined)[]) => [...new Set(labels.filter((l): l is string => l !== undefined))];

/** The pattern of the compare entry labelled `label` (compare defaults to one `none` run). */
function patternOf(data: Data, label: string): unknown {
  if (data.compare === undefined) return label === 'none' ? 'none' : undefined;
  return entries(data.compare).find((e) => (typeof e.label === 'string' ? e.label : e.pattern) === label)?.pattern;
}

function expectationProblems(data: Data, label: string, expectation: Data, faults: string[]): Problem[] {
  const problems: Problem[] = [];
  const pattern = patternOf(data, label);
  if (expectation.abWinner !== undefined && typeof pattern === 'string' && pattern !== 'ab-test') {
    problems.push({ path: ['expect', label, 'abWinner'], anchor: 'key', message: `only an ab-test run has a winner; run "${label}" is a ${pattern} run` });
  }
  for (const key of ['abLift', 'abPValue', 'abSamples']) {
    if (expectation[key] !== undefined && typeof pattern === 'string' && pattern !== 'ab-test') {
      problems.push({ path: ['expect', label, key], anchor: 'key', message: `only an ab-test run has ${key}; run "${label}" is a ${pattern} run` });
    }
  }
  if (isMapping(expectation.fault)) {
    for (const name of Object.keys(expectation.fault)) {
      if (faults.includes(name)) continue;
      const message = faults.length === 0 ? `unknown fault "${name}": the scenario has no faults` : unknownName('fault', name, faults, 'fault labels are');
      problems.push({ path: ['expect', label, 'fault', name], anchor: 'key', message });
    }
  }
  return problems;
}

/** Problems with the names `expect` refers to: run labels, fault labels. */
export function expectProblems(data: Data): Problem[] {
  if (!isMapping(data.expect)) return [];
  const runs = known(runLabels(data));
  const faults = known(faultLabels(data));
  return Object.entries(data.expect).flatMap(([label, expectation]): Problem[] => {
    if (!runs.includes(label)) return [{ path: ['expect', label], anchor: 'key', message: unknownName('run label', label, runs, 'compare has') }];
    return isMapping(expectation) ? expectationProblems(data, label, expectation, faults) : [];
  });
}

// Rules that span several fields (unique names, references between sections). They read the raw
// file data rather than zod's output so they still run, and report, when other fields are invalid;
// values of the wrong type are skipped here because the schema already reports them.
import { didYouMean } from './didYouMean';
import { expectProblems } from './expect/references';
import { faultProblems } from './faults/references';
import { quoteList } from './messages';
import type { Problem } from './issues';
import { knobReferenceProblems } from './knobs/references';
import { manualProblems } from './manual/references';
import { labelsOf, uniqueNames } from './names';
import { PATTERNS, PATTERN_NAMES } from './patterns';
import { type Data, entries, isMapping } from './raw';
import type { PatternName } from './types';
import { formatDuration, parseDuration } from './units';

function rolloutProblems(data: Data, versionNames: string[]): Problem[] {
  const rollout = data.rollout;
  if (!isMapping(rollout)) return [];
  const problems: Problem[] = [];
  for (const side of ['from', 'to'] as const) {
    const v = rollout[side];
    if (typeof v === 'string' && versionNames.length > 0 && !versionNames.includes(v)) {
      const hint = didYouMean(v, versionNames) || `; declared versions are ${quoteList(versionNames)}`;
      problems.push({ path: ['rollout', side], anchor: 'value', message: `unknown version ${JSON.stringify(v)}${hint}` });
    }
  }
  if (typeof rollout.from === 'string' && rollout.from === rollout.to) {
    problems.push({ path: ['rollout', 'to'], anchor: 'value', message: `must differ from rollout.from (both are ${JSON.stringify(rollout.from)})` });
  }
  const at = parseDuration(rollout.at);
  const end = parseDuration(data.duration);
  if (at !== undefined && end !== undefined && end > 0 && at >= end) {
    problems.push({ path: ['rollout', 'at'], anchor: 'value', message: `must be before the end of the run (duration ${formatDuration(end)}), got ${formatDuration(at)}` });
  }
  return problems;
}

function compareProblems(data: Data): Problem[] {
  const list = entries(data.compare);
  const labels = labelsOf(list, 'pattern');
  // A missing label defaults to the pattern name, so two plain `{ pattern: none }` entries collide.
  const problems = uniqueNames('compare', 'label', labels, 'label').map((p) =>
    typeof list[p.path[1] as number].label === 'string' ? p : { ...p, message: `${p.message} (an entry without a label is labelled by its pattern; add a distinct label)` },
  );
  list.forEach((e, i) => {
    const pattern = e.pattern as PatternName;
    if (PATTERN_NAMES.includes(pattern) && PATTERNS[pattern].needsRollout && data.rollout === undefined) {
      problems.push({ path: ['compare', i, 'pattern'], anchor: 'value', message: `pattern "${pattern}" needs a rollout section (rollout: { from, to, at })` });
    }
  });
  return problems;
}

/** Cross-field problems in the raw (already YAML-decoded) scenario data. */
export function crossFieldProblems(data: Data): Problem[] {
  const versionNames = entries(data.versions).map((v) => (typeof v.name === 'string' ? v.name : undefined));
  const declared = [...new Set(versionNames.filter((n): n is string => n !== undefined))];
  return [
    ...uniqueNames('versions', 'name', versionNames, 'version name'),
    ...rolloutProblems(data, declared),
    ...compareProblems(data),
    ...knobReferenceProblems(data, declared),
    ...faultProblems(data, declared),
    ...expectProblems(data),
    ...manualProblems(data),
  ];
}

// Names that other sections refer to (version names, run labels, fault labels): uniqueness, the
// labels as defaulted, and the wording when a reference names nothing declared.
import { didYouMean } from './didYouMean';
import { formatPath } from './errors';
import type { Problem } from './issues';
import { quoteList } from './messages';
import { type Data, entries } from './raw';

/** Each name may appear once; later uses are reported, pointing back at the first. */
export function uniqueNames(section: string, field: string, names: (string | undefined)[], what: string): Problem[] {
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  names.forEach((n, i) => {
    if (n === undefined) return;
    const earlier = first.get(n);
    if (earlier === undefined) first.set(n, i);
    else problems.push({ path: [section, i, field], anchor: 'value', message: `${what} ${JSON.stringify(n)} is already used by ${formatPath([section, earlier])}; ${what}s must be unique` });
  });
  return problems;
}

/** The label of each entry of a list section: `label`, else the value of `byDefault` (the pattern, the kind). */
export function labelsOf(list: Data[], byDefault: string): (string | undefined)[] {
  return list.map((e) => (typeof e.label === 'string' ? e.label : typeof e[byDefault] === 'string' ? (e[byDefault] as string) : undefined));
}

/** The run labels of `compare` (which defaults to a single `none` run). */
export function runLabels(data: Data): (string | undefined)[] {
  return data.compare === undefined ? ['none'] : labelsOf(entries(data.compare), 'pattern');
}

/** `unknown version "v3"; did you mean "v2"?`, else `…; declared versions are "v1", "v2"` (`known` says how to list them). */
export function unknownName(what: string, name: string, candidates: readonly string[], known: string): string {
  return `unknown ${what} ${JSON.stringify(name)}${didYouMean(name, candidates) || (candidates.length > 0 ? `; ${known} ${quoteList(candidates)}` : '')}`;
}

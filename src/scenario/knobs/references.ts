// Cross-field checks of pattern knobs that name things declared elsewhere in the file: the regions
// and platforms of user matches (in `users`, maybe defaulted), the versions of A/B variants, and
// the times of a flag's scheduled changes (within the run, from the release on).
import { didYouMean, didYouMeanName } from '../didYouMean';
import type { Problem } from '../issues';
import { quoteList } from '../messages';
import { formatDuration, parseDuration } from '../units';
import { type Data, entries, isMapping } from '../raw';
import { DEFAULT_PLATFORMS, DEFAULT_REGIONS } from '../schema';

type Path = PropertyKey[];

/** The names of users.regions / users.platforms, defaults included; undefined when the section is invalid. */
function userNames(data: Data, section: 'regions' | 'platforms'): string[] | undefined {
  const users = data.users ?? {};
  if (!isMapping(users)) return undefined;
  const map = users[section] ?? (section === 'regions' ? DEFAULT_REGIONS : DEFAULT_PLATFORMS);
  return isMapping(map) ? Object.keys(map) : undefined;
}

/** `region: eu` or `region: [eu, us]`: every name must be one of `known`. */
export function matchProblems(match: unknown, path: Path, data: Data): Problem[] {
  if (!isMapping(match)) return [];
  return (['region', 'platform'] as const).flatMap((attribute) => {
    const known = userNames(data, attribute === 'region' ? 'regions' : 'platforms');
    const value = match[attribute];
    if (known === undefined || known.length === 0) return [];
    const named: [unknown, Path][] = Array.isArray(value) ? value.map((v, i) => [v, [...path, attribute, i]]) : [[value, [...path, attribute]]];
    return named.flatMap(([name, at]): Problem[] => {
      if (typeof name !== 'string' || name === '' || known.includes(name)) return [];
      const hint = didYouMeanName(name, known) || `; users.${attribute}s has ${quoteList(known)}`;
      return [{ path: at, anchor: 'value', message: `unknown ${attribute} ${JSON.stringify(name)}${hint}` }];
    });
  });
}

function variantProblems(entry: Data, path: Path, versions: string[]): Problem[] {
  if (versions.length === 0) return [];
  return entries(entry.variants).flatMap((v, j): Problem[] => {
    const version = v.version;
    if (typeof version !== 'string' || versions.includes(version)) return [];
    const hint = didYouMean(version, versions) || `; declared versions are ${quoteList(versions)}`;
    return [{ path: [...path, 'variants', j, 'version'], anchor: 'value', message: `unknown version ${JSON.stringify(version)}${hint}` }];
  });
}

/** A flag follows its schedule from the release on, until the end of the run: a change outside that never happens as written. */
function scheduleProblems(entry: Data, path: Path, data: Data): Problem[] {
  const end = parseDuration(data.duration);
  const release = isMapping(data.rollout) ? parseDuration(data.rollout.at) : undefined;
  return entries(entry.schedule).flatMap((change, j): Problem[] => {
    const at = parseDuration(change.at);
    const where = { path: [...path, 'schedule', j, 'at'], anchor: 'value' as const };
    if (at === undefined) return [];
    if (end !== undefined && end > 0 && at >= end) return [{ ...where, message: `must be before the end of the run (duration ${formatDuration(end)}), got ${formatDuration(at)}` }];
    if (release !== undefined && at < release) return [{ ...where, message: `must not be before the release (rollout.at ${formatDuration(release)}), got ${formatDuration(at)}; the flag follows its schedule from the release on` }];
    return [];
  });
}

/** Problems with names that pattern knobs refer to; `versions` are the declared version names. */
export function knobReferenceProblems(data: Data, versions: string[]): Problem[] {
  return entries(data.compare).flatMap((entry, i) => {
    const path: Path = ['compare', i];
    switch (entry.pattern) {
      case 'feature-toggle':
        return [...entries(entry.rules).flatMap((r, j) => matchProblems(r.when, [...path, 'rules', j, 'when'], data)), ...scheduleProblems(entry, path, data)];
      case 'traffic-split':
        return entries(entry.stages).flatMap((s, j) => matchProblems(s.match, [...path, 'stages', j, 'match'], data));
      case 'ab-test':
        return variantProblems(entry, path, versions);
      default:
        return [];
    }
  });
}

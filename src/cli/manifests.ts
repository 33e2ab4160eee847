// `sim run SCENARIO --manifest FILE`: the runs a real manifest describes, added to the scenario's
// compare list. What the simulation does not model is printed as notes on stderr, with positions.
import { formatScenarioError, type Scenario } from '../scenario';
import { userNamesOf } from '../scenario/manifest/flaggerMatch';
import { readManifest } from '../scenario/manifest/read';
import type { CompareEntry } from '../scenario/types';
import { CliError } from './errors';
import { besideOf, err, formatNote, readText } from './io';

/** Reads each manifest; its runs are appended to the scenario's compare list (labels kept unique). */
export function withManifests(scenario: Scenario, files: readonly string[], quiet = false): Scenario {
  if (files.length === 0) return scenario;
  const compare: CompareEntry[] = [...scenario.compare];
  for (const file of files) {
    const result = readManifest(readText(file), file, { beside: besideOf(file), users: userNamesOf(scenario) });
    if (!result.ok) throw new CliError(result.errors.map(formatScenarioError));
    if (!quiet) for (const note of result.notes) err(`${formatNote(note)}\n`);
    for (const entry of result.entries) {
      if (scenario.rollout === undefined) throw new CliError(`${file}: a manifest rolls out a new version, but the scenario has no rollout section (rollout: { from, to, at })`);
      let label = entry.label;
      for (let n = 2; compare.some((e) => e.label === label); n++) label = `${entry.label}-${n}`;
      compare.push({ ...entry, label });
    }
  }
  return { ...scenario, compare };
}

// `sim run SCENARIO --manifest FILE`: the runs a real manifest describes, added to the scenario's
// compare list. What the simulation does not model is printed as notes on stderr, with positions.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatScenarioError, type Scenario } from '../scenario';
import { type ManifestNote, readManifest, readObjects } from '../scenario/manifest/read';
import type { CompareEntry } from '../scenario/types';
import { CliError } from './errors';
import { err, readText } from './io';

const formatNote = (n: ManifestNote) => `${n.file}:${n.line}:${n.column}: ${n.path === '' ? '' : `${n.path}: `}note: ${n.message}`;

/** The objects of the other YAML files in `file`'s folder (for AnalysisTemplates kept beside the Rollout). */
function besideOf(file: string) {
  return () => {
    const folder = dirname(file);
    const others = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f) && f !== basename(file));
    return others.flatMap((f) => readObjects(readText(join(folder, f)), join(folder, f)).objects);
  };
}

/** Reads each manifest; its runs are appended to the scenario's compare list (labels kept unique). */
export function withManifests(scenario: Scenario, files: readonly string[], quiet = false): Scenario {
  if (files.length === 0) return scenario;
  const compare: CompareEntry[] = [...scenario.compare];
  for (const file of files) {
    const result = readManifest(readText(file), file, { beside: besideOf(file) });
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

// `compare: [{ manifest: FILE, label? }]`: a run described by a real manifest. Parsing a scenario is
// pure (the page has no files), so such an entry is held by a placeholder while the rest of the file
// is validated, then replaced by the manifest's run when the caller can read files (the command line).
import { z } from 'zod';
import { closed } from '../closed';
import { didYouMean } from '../didYouMean';
import type { ScenarioError } from '../errors';
import type { Problem } from '../issues';
import { type Data, isMapping } from '../raw';
import type { CompareEntry } from '../types';
import type { ManifestNote } from './document';
import type { UserNames } from './flaggerMatch';
import type { ManifestResult } from './read';

interface ManifestRef {
  /** position in compare */
  index: number;
  /** as written: relative to the scenario file */
  file: string;
  label?: string;
}

/**
 * Reads a manifest named in a scenario (the caller resolves the path against the scenario's folder);
 * `users` are the scenario's region and platform names, which a Flagger A/B match selects from.
 */
export type ManifestReader = (file: string, label: string | undefined, users: UserNames) => ManifestResult;

const KEYS = ['manifest', 'label'];

/**
 * The entry's file form, for editors only: the scenario schema never sees such an entry (it is held
 * by a placeholder before parsing), so this is what the JSON Schema offers beside the patterns.
 */
export const manifestEntrySchema = closed(
  {
    manifest: z.string().min(1).describe('A real manifest to run: an Argo Rollout (with its AnalysisTemplates), a Flagger Canary or a Kubernetes Deployment; the path is relative to this scenario file. Read by the command line only.'),
    label: z.string().min(1).describe('Name of this run in charts and reports. Default: the manifest\'s metadata.name.').optional(),
  },
  'A run described by a real manifest (sim run reads it; the page cannot open files).',
);

/** `data` with each manifest entry replaced by a placeholder run (so indices and labels stay), and the entries. */
export function holdManifestEntries(data: Data): { data: Data; refs: ManifestRef[]; problems: Problem[] } {
  if (!Array.isArray(data.compare)) return { data, refs: [], problems: [] };
  const refs: ManifestRef[] = [];
  const problems: Problem[] = [];
  const compare = data.compare.map((entry, index) => {
    if (!isMapping(entry) || !('manifest' in entry)) return entry;
    for (const key of Object.keys(entry)) {
      if (!KEYS.includes(key)) problems.push({ path: ['compare', index, key], anchor: 'key', message: `unknown key "${key}"${didYouMean(key, KEYS) || '; a manifest entry takes manifest and label'}` });
    }
    if (typeof entry.manifest !== 'string' || entry.manifest === '') problems.push({ path: ['compare', index, 'manifest'], anchor: 'value', message: 'expected the path of a manifest file, relative to this scenario' });
    if (entry.label !== undefined && (typeof entry.label !== 'string' || entry.label === '')) problems.push({ path: ['compare', index, 'label'], anchor: 'value', message: 'expected a label' });
    const label = typeof entry.label === 'string' ? entry.label : undefined;
    refs.push({ index, file: String(entry.manifest), label });
    return { pattern: 'none', label: label ?? `manifest ${String(entry.manifest)}` };
  });
  return { data: { ...data, compare }, refs, problems };
}

/** The compare list with each placeholder replaced by its manifest's runs; errors are the manifests' own. */
export function fillManifestEntries(compare: CompareEntry[], refs: ManifestRef[], read: ManifestReader, users: UserNames): { compare: CompareEntry[]; notes: ManifestNote[]; errors: ScenarioError[] } {
  const byIndex = new Map(refs.map((r) => [r.index, r]));
  const notes: ManifestNote[] = [];
  const errors: ScenarioError[] = [];
  const filled = compare.flatMap((entry, index): CompareEntry[] => {
    const ref = byIndex.get(index);
    if (!ref) return [entry];
    const result = read(ref.file, ref.label, users);
    if (!result.ok) {
      errors.push(...result.errors);
      return [];
    }
    notes.push(...result.notes);
    return result.entries;
  });
  return { compare: filled, notes, errors };
}

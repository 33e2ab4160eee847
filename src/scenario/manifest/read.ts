// A manifest file → the compare entries it describes, with notes on what was not modelled, or its
// errors. One entry per Rollout, Canary or Deployment; AnalysisTemplates are found by name in the
// same file, else among `beside` (the objects of the other files in its folder).
import { didYouMean } from '../didYouMean';
import { type ScenarioError, sortErrors } from '../errors';
import type { CompareEntry } from '../types';
import { argoRolloutEntry } from './argoRollout';
import { deploymentEntry } from './deployment';
import { type ManifestNote, type ManifestObject, readObjects } from './document';
import { flaggerCanaryEntry } from './flaggerCanary';
import type { UserNames } from './flaggerMatch';

export type ManifestResult = { ok: true; entries: CompareEntry[]; notes: ManifestNote[] } | { ok: false; errors: ScenarioError[] };

const WORKLOADS: Record<string, string> = { Rollout: 'argoproj.io/', Canary: 'flagger.app/', Deployment: 'apps/' };
const SUPPORTING = ['AnalysisTemplate', 'ClusterAnalysisTemplate', 'MetricTemplate'];
const KINDS = [...Object.keys(WORKLOADS), ...SUPPORTING];

/** Reads `text` (the file `file`); `label` names the entry when the file holds a single workload. */
export function readManifest(text: string, file: string, options: { label?: string; beside?: () => ManifestObject[]; users?: UserNames } = {}): ManifestResult {
  const { objects, errors } = readObjects(text, file);
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  let besideCache: ManifestObject[] | undefined;
  const find = (name: string, cluster: boolean) => {
    const kind = cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
    const match = (o: ManifestObject) => o.kind === kind && o.name === name;
    return objects.find(match) ?? (besideCache ??= options.beside?.() ?? []).find(match);
  };
  const entries: CompareEntry[] = [];
  const notes: ManifestNote[] = [];
  const all: ScenarioError[] = [];
  const workloads = objects.filter((o) => o.kind in WORKLOADS);
  for (const o of objects) {
    if (!KINDS.includes(o.kind)) {
      const hint = didYouMean(o.kind, KINDS);
      if (hint || workloads.length === 0) o.error(['kind'], `unknown kind ${JSON.stringify(o.data.kind)}${hint || `; expected a Rollout (Argo), a Canary (Flagger) or a Deployment`}`);
      else o.note(['kind'], `ignored: a ${o.kind} — only Rollouts, Canaries and Deployments are run`);
      all.push(...o.errors);
      notes.push(...o.notes);
      continue;
    }
    const api = String(o.data.apiVersion ?? '');
    if (o.kind in WORKLOADS && !api.startsWith(WORKLOADS[o.kind])) o.error(['apiVersion'], `a ${o.kind} has apiVersion ${WORKLOADS[o.kind]}…, got ${JSON.stringify(o.data.apiVersion)}`);
    const label = options.label !== undefined && workloads.length === 1 ? options.label : o.name || o.kind.toLowerCase();
    const entry = o.kind === 'Rollout' ? argoRolloutEntry(o, label, find) : o.kind === 'Canary' ? flaggerCanaryEntry(o, label, options.users) : o.kind === 'Deployment' ? deploymentEntry(o, label) : undefined;
    if (entry && o.errors.length === 0) entries.push(entry);
    all.push(...o.errors);
    notes.push(...o.notes);
  }
  if (all.length === 0 && workloads.length === 0) all.push({ file, line: 1, column: 1, path: '', message: 'the file holds no Rollout, Canary or Deployment to run' });
  if (all.length > 0) return { ok: false, errors: sortErrors(all) };
  const unique = [...new Map(notes.map((n) => [`${n.file}:${n.line}:${n.column}:${n.message}`, n])).values()];
  return { ok: true, entries, notes: unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column) };
}

export { readObjects } from './document';
export type { ManifestNote } from './document';

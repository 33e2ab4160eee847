// Reading scenario files and writing output. The rest of the command line gets text and Scenario
// objects from here, so file-system failures become user messages in one place.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkRunSize, RunLimitError } from '../runtime/runSize';
import { formatScenarioError, parseScenario, type ParseResult, type Scenario } from '..';
import { atField } from '../scenario/positions';
import type { UserNames } from '../scenario/manifest/flaggerMatch';
import { type ManifestNote, readManifest, readObjects } from '../scenario/manifest/read';
import { CliError } from './errors';
import { terminalSafe } from './terminalText';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, expected a scenario file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code !== undefined && REASONS[code]) || (error instanceof Error ? error.message : String(error));
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read: ${reason(error)}`);
  }
}

export function writeText(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new CliError(`${file}: cannot write: ${reason(error)}`);
  }
}

/** The objects of the other YAML files in `file`'s folder (AnalysisTemplates kept beside a Rollout). */
export function besideOf(file: string) {
  return () => {
    const folder = dirname(file);
    const others = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f) && f !== basename(file));
    return others.flatMap((f) => readObjects(readText(join(folder, f)), join(folder, f)).objects);
  };
}

/** Refuses, before it starts, a run that would allocate more than the limits allow. */
export function checkRunSizeOf(file: string, scenario: Scenario, seriesBucket: number | undefined): void {
  try {
    checkRunSize(scenario, seriesBucket);
  } catch (error) {
    if (error instanceof RunLimitError) throw new CliError(atField(readText(file), file, error.path, error.detail));
    throw error;
  }
}

export const formatNote = (n: ManifestNote) => `${n.file}:${n.line}:${n.column}: ${n.path === '' ? '' : `${n.path}: `}note: ${n.message}`;

/** Parses a file; every problem comes back formatted as `file:line:col: path: message`. Manifests it names are read relative to it. */
export function checkScenarioFile(file: string): ParseResult {
  const readManifestFile = (relative: string, label: string | undefined, users: UserNames) => {
    const path = join(dirname(file), relative);
    return readManifest(readText(path), path, { label, beside: besideOf(path), users });
  };
  return parseScenario(readText(file), file, { readManifest: readManifestFile });
}

/** The scenario in `file`; notes on the manifests it names go to stderr. */
export function loadScenario(file: string): Scenario {
  const result = checkScenarioFile(file);
  if (!result.ok) throw new CliError(result.errors.map(formatScenarioError));
  for (const note of result.notes ?? []) err(`${formatNote(note)}\n`);
  return result.scenario;
}

/** Set when the reader of stderr went away: messages are then dropped, the exit code still says. */
let stderrClosed = false;

export function out(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function err(text: string): void {
  if (!stderrClosed) process.stderr.write(terminalSafe(text));
}

/** `sim … | head` closes the pipe early: that is the reader's choice, not an error. */
export function toleratePipeClosing(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  process.stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stderrClosed = true;
  });
}

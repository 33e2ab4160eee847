// Reading scenario files and writing output. The rest of the command line gets text and Scenario
// objects from here, so file-system failures become user messages in one place.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatScenarioError, parseScenario, type ParseResult, type Scenario } from '..';
import { CliError } from './errors';

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

/** Parses a file; every problem comes back formatted as `file:line:col: path: message`. */
export function checkScenarioFile(file: string): ParseResult {
  return parseScenario(readText(file), file);
}

export function loadScenario(file: string): Scenario {
  const result = checkScenarioFile(file);
  if (!result.ok) throw new CliError(result.errors.map(formatScenarioError));
  return result.scenario;
}

export function out(text: string): void {
  process.stdout.write(text);
}

export function err(text: string): void {
  process.stderr.write(text);
}

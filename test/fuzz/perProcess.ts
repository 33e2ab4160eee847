// Per-input cost through the real command line: each input in its own Node process (`sim validate
// FILE`, then `sim run FILE --event-budget N`), its processor time (user + system) and peak
// resident memory read by GNU time, so the figures are the input's own and not the fuzzing
// process's accumulated heap. Wall time is kept too, though on a loaded machine it mostly
// measures the other processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessCost {
  name: string;
  command: 'validate' | 'run';
  exitCode: number;
  /** processor time, user + system */
  cpuSeconds: number;
  wallSeconds: number;
  peakRssMb: number;
  /** a stack trace or a Node warning in the output */
  foreign: boolean;
}

const LAUNCH = join(__dirname, '..', '..', 'src', 'cli', 'launch.mjs');

function measure(name: string, command: 'validate' | 'run', args: string[]): ProcessCost {
  const p = spawnSync('/usr/bin/time', ['-f', '%U %S %e %M', process.execPath, LAUNCH, command, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = p.stderr.trimEnd().split('\n');
  const [user, system, wall, kb] = lines[lines.length - 1].split(' ').map(Number);
  const output = p.stdout + lines.slice(0, -1).join('\n');
  return {
    name,
    command,
    exitCode: p.status ?? -1,
    cpuSeconds: user + system,
    wallSeconds: wall,
    peakRssMb: kb / 1024,
    foreign: /\n\s+at |Warning:|Maximum call stack|heap out of memory/.test(output),
  };
}

/** Every input validated, and run within `eventBudget` events per run, each in a fresh process. */
export function costPerProcess(inputs: { name: string; text: string }[], eventBudget: number): ProcessCost[] {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  try {
    return inputs.flatMap(({ name, text }, i) => {
      const file = join(dir, `input-${i}.yaml`);
      writeFileSync(file, text);
      return [measure(name, 'validate', [file]), measure(name, 'run', [file, '--event-budget', String(eventBudget)])];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

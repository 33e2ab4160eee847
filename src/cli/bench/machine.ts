// What a benchmark figure was measured on: the numbers mean little without it.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model.trim() || 'unknown';
}

export function describeMachine(): Machine {
  return { cores: availableParallelism(), cpu: cpuModel(), node: process.version };
}

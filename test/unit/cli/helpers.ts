// Runs the real command line (`node src/cli/launch.mjs …`) as a child process, on small scenario
// files written into a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');
const LAUNCHER = join(ROOT, 'src', 'cli', 'launch.mjs');

/** Each call is a whole Node process; a busy 2-core machine can take seconds per call. */
export const CLI_TIMEOUTS = { testTimeout: 60_000, hookTimeout: 60_000 };

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function sim(args: readonly string[], cwd: string = ROOT): CliResult {
  const child = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Fails with the command's stderr when it did not exit 0; returns its stdout. */
export function simOk(args: readonly string[]): string {
  const result = sim(args);
  if (result.status !== 0) throw new Error(`sim ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** A short, small scenario: answers in milliseconds, yet busy enough to queue, fail and reject. */
export const TINY = `schemaVersion: 1
title: Tiny fleet
seed: 11
duration: 90s
fleet: { instances: 3, concurrency: 2, queueLimit: 4, startupTime: 5s, loadBalancer: random }
traffic: { rps: 40 }
users: { count: 300 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 120ms }, errorRate: 2% }
  - { name: v2, serviceTime: { distribution: constant, value: 50ms }, errorRate: 0 }
compare:
  - { pattern: none }
  - { pattern: none, label: control }
`;

export interface Scratch {
  dir: string;
  /** writes `name` into the folder; returns its path */
  write(name: string, text: string): string;
  remove(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-lab-cli-'));
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `text` as a regular expression matching itself. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A stack trace line as Node prints it ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at /m;

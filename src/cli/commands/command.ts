// The shape every `sim` subcommand has: its flags, a one-line usage, and what it does.
import type { FlagSpecs, ParsedArgs } from '../args';

export interface CliContext {
  /** where the bundled entries (worker.cjs, benchChild.cjs) live */
  bundleDir: string;
}

export interface Command {
  name: string;
  /** e.g. "run FILE [--seed N] [--json]" */
  usage: string;
  summary: string;
  flags: FlagSpecs;
  /** resolves to the exit code */
  execute(args: ParsedArgs, context: CliContext): Promise<number> | number;
}

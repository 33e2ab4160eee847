// The `sim` command line: picks the subcommand, parses its flags, and turns every failure into a
// message and an exit code — 2 for anything the user can fix, 1 for our own bugs. Never a stack
// trace unless asked for with --debug.
import { closestMatch } from '../scenario/didYouMean';
import { BudgetExceededError } from '../sim/engine';
import { parseArgs } from './args';
import { benchCommand } from './commands/bench';
import type { CliContext, Command } from './commands/command';
import { helpCommand, usageText } from './commands/help';
import { runCommand } from './commands/run';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { checkCommand } from './commands/check';
import { matrixCommand } from './commands/matrix';
import { sweepCommand } from './commands/sweep';
import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './errors';
import { err, out, toleratePipeClosing } from './io';

const COMMANDS: Command[] = [runCommand, sweepCommand, validateCommand, checkCommand, matrixCommand, schemaCommand, benchCommand, helpCommand(() => COMMANDS)];

function findCommand(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (command !== undefined) return command;
  const names = COMMANDS.map((c) => c.name);
  const match = closestMatch(name, names);
  const hint = match === undefined ? `; the commands are ${names.join(', ')}` : `; did you mean "${match}"?`;
  throw new CliError(`unknown command "${name}"${hint}`);
}

async function dispatch(argv: readonly string[], context: CliContext): Promise<number> {
  // Global flags may come before the command: `sim --debug run …`.
  const at = argv.findIndex((word) => word !== '--debug');
  const name = at < 0 ? undefined : argv[at];
  if (name === undefined) {
    err(usageText(COMMANDS));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') return findCommand('help').execute({ positionals: [], flags: new Map() }, context);
  if (name.startsWith('-')) throw new CliError(`expected a command before ${name}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  const command = findCommand(name);
  const args = parseArgs([...argv.slice(0, at), ...argv.slice(at + 1)], command.flags, command.name);
  if (args.flags.has('--help')) {
    out(`usage: npm run --silent sim -- ${command.usage}\n${command.summary}\n`);
    return EXIT_OK;
  }
  return command.execute(args, context);
}

function report(error: unknown, debug: boolean): number {
  if (error instanceof CliError) {
    err(`${error.lines.join('\n')}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof BudgetExceededError) {
    err(`${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (debug && error instanceof Error && error.stack !== undefined) err(`internal error: ${error.stack}\n`);
  else err(`internal error: ${message.split('\n')[0]} (run again with --debug for the stack trace)\n`);
  return EXIT_INTERNAL;
}

export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  toleratePipeClosing();
  try {
    return await dispatch(argv, context);
  } catch (error) {
    return report(error, argv.includes('--debug'));
  }
}

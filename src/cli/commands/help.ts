// `sim help`: the usage text, built from the commands themselves so it cannot drift from them.
import { EXIT_OK } from '../errors';
import { out } from '../io';
import type { Command } from './command';

const EXAMPLES = [
  'npm run --silent sim -- run scenarios/default.yaml',
  'npm run --silent sim -- run scenarios/default.yaml --seed 3 --json --series 1m',
  'npm run --silent sim -- run scenarios/default.yaml --seeds 20',
  'npm run --silent sim -- validate scenarios/*.yaml',
];

export function usageText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Rollout Lab simulator: npm run --silent sim -- COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command: --help (this text), --debug (stack traces for internal errors).',
    'Exit codes: 0 ok, 2 bad input (flag, file, scenario, event budget), 1 internal error.',
    '',
    'Examples:',
    ...EXAMPLES.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

export function helpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    usage: 'help',
    summary: 'print this usage',
    flags: {},
    execute() {
      out(usageText(commands()));
      return EXIT_OK;
    },
  };
}

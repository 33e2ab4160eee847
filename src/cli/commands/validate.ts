// `sim validate FILE…`: checks scenario files without running them, for editors and CI. Every
// problem is printed compiler-style (file:line:col: path: message) so editors can jump to it.
import { formatScenarioError } from '../../scenario';
import { CliError, EXIT_OK, EXIT_USAGE } from '../errors';
import { checkScenarioFile, err, out } from '../io';
import type { Command } from './command';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'validate FILE…',
  summary: 'check scenario files; print "FILE: ok" or every error with its line and column',
  flags: {},
  execute(args) {
    if (args.positionals.length === 0) throw new CliError('`sim validate` expects one or more scenario files: sim validate FILE…');
    let allOk = true;
    for (const file of args.positionals) {
      try {
        const result = checkScenarioFile(file);
        if (result.ok) out(`${file}: ok\n`);
        else {
          allOk = false;
          err(result.errors.map((e) => `${formatScenarioError(e)}\n`).join(''));
        }
      } catch (error) {
        // An unreadable file is one more failed file; the others are still checked.
        if (!(error instanceof CliError)) throw error;
        allOk = false;
        err(`${error.lines.join('\n')}\n`);
      }
    }
    return allOk ? EXIT_OK : EXIT_USAGE;
  },
};

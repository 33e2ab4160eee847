// `sim schema [--write PATH]`: the scenario file format as JSON Schema (draft-07), for editors'
// completion through `# yaml-language-server: $schema=…`.
import { scenarioJsonSchema } from '../../scenario';
import { stringFlag } from '../args';
import { CliError, EXIT_OK } from '../errors';
import { out, writeText } from '../io';
import type { Command } from './command';

export const schemaCommand: Command = {
  name: 'schema',
  usage: 'schema [--write PATH]',
  summary: 'print the scenario JSON Schema, or write it to PATH',
  flags: { '--write': { kind: 'value', placeholder: 'PATH' } },
  execute(args) {
    if (args.positionals.length > 0) throw new CliError(`\`sim schema\` takes no file argument, got "${args.positionals[0]}"; to save it use --write PATH`);
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    const path = stringFlag(args, '--write');
    if (path === undefined) out(text);
    else {
      writeText(path, text);
      out(`wrote ${path}\n`);
    }
    return EXIT_OK;
  },
};

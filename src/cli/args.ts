// Command-line flags: `--name value`, `--name=value`, booleans, and flags whose value is optional
// (`--series` or `--series 30s`). Unknown or repeated flags are user errors with a did-you-mean.
import { closestMatch } from '../scenario/didYouMean';
import { CliError } from './errors';

type FlagSpec =
  | { kind: 'boolean' }
  /** `repeatable`: may be given more than once; every value is kept, in order, in `lists` */
  | { kind: 'value'; placeholder: string; repeatable?: boolean }
  /** the next word is taken as the value only when `accepts` says it looks like one */
  | { kind: 'optional'; placeholder: string; accepts: (word: string) => boolean };

export type FlagSpecs = Record<string, FlagSpec>;

export interface ParsedArgs {
  positionals: string[];
  /** flag name (with its dashes) → its value, or true for a flag given without one */
  flags: Map<string, string | true>;
  /** every value of a repeatable flag, in the order given */
  lists?: Map<string, string[]>;
}

/** Flags every command accepts. */
const GLOBAL_FLAGS: FlagSpecs = { '--help': { kind: 'boolean' }, '--debug': { kind: 'boolean' } };

function unknownFlag(flag: string, known: string[], command: string): CliError {
  const bare = (f: string) => f.replace(/^-+/, '');
  const match = closestMatch(bare(flag), known.map(bare));
  const hint = match === undefined ? `; see \`sim help\`` : `; did you mean --${match}?`;
  return new CliError(`unknown flag ${flag} for \`sim ${command}\`${hint}`);
}

export function parseArgs(argv: readonly string[], specs: FlagSpecs, command: string): ParsedArgs {
  const all: FlagSpecs = { ...GLOBAL_FLAGS, ...specs };
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = word === '-h' ? '--help' : eq > 0 ? word.slice(0, eq) : word;
    const spec = all[name];
    if (spec === undefined) throw unknownFlag(name, Object.keys(all), command);
    const repeatable = spec.kind === 'value' && spec.repeatable === true;
    if (flags.has(name) && !repeatable) throw new CliError(`${name} is given more than once`);
    let value: string | true = true;
    if (eq > 0) {
      if (spec.kind === 'boolean') throw new CliError(`${name} takes no value, got "${word.slice(eq + 1)}"`);
      value = word.slice(eq + 1);
    } else if (spec.kind === 'value') {
      if (i + 1 >= argv.length) throw new CliError(`${name} expects a value: ${name} ${spec.placeholder}`);
      value = argv[++i];
    } else if (spec.kind === 'optional' && i + 1 < argv.length && spec.accepts(argv[i + 1])) {
      value = argv[++i];
    }
    flags.set(name, value);
    if (repeatable && typeof value === 'string') lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { positionals, flags, lists };
}

/** An integer flag value within [min, max]; undefined when the flag is absent. */
export function integerFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const raw = args.flags.get(name);
  if (raw === undefined) return undefined;
  const value = raw === true ? NaN : Number(raw);
  if (raw === true || !/^[+-]?\d+$/.test(raw) || value < min || value > max) {
    const got = raw === true ? 'nothing' : `"${raw}"`;
    throw new CliError(`${name} expects a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got ${got}`);
  }
  return value;
}

/** A string flag value; undefined when the flag is absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const raw = args.flags.get(name);
  if (raw === true) throw new CliError(`${name} expects a value`);
  return raw;
}

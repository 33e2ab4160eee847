// Flag parsing: forms of values, optional values, unknown and repeated flags.
import { describe, expect, it } from 'vitest';
import { integerFlag, parseArgs, type FlagSpecs } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/errors';

const SPECS: FlagSpecs = {
  '--seed': { kind: 'value', placeholder: 'N' },
  '--json': { kind: 'boolean' },
  '--series': { kind: 'optional', placeholder: 'BUCKET', accepts: (w) => /^\d/.test(w) },
};

const parse = (...argv: string[]) => parseArgs(argv, SPECS, 'run');

describe('parseArgs', () => {
  it('reads --name value, --name=value, booleans and positionals in any order', () => {
    const args = parse('a.yaml', '--seed', '3', '--json', 'b.yaml');
    expect(args.positionals).toEqual(['a.yaml', 'b.yaml']);
    expect(args.flags).toEqual(new Map<string, string | true>([['--seed', '3'], ['--json', true]]));
    expect(parse('--seed=4').flags.get('--seed')).toBe('4');
  });

  it('takes an optional value only when the next word looks like one', () => {
    expect(parse('--series', '30s', 'a.yaml').flags.get('--series')).toBe('30s');
    const bare = parse('--series', 'a.yaml');
    expect(bare.flags.get('--series')).toBe(true);
    expect(bare.positionals).toEqual(['a.yaml']);
  });

  it('treats words after -- as positionals', () => {
    expect(parse('--', '--json').positionals).toEqual(['--json']);
  });

  it('names the unknown flag, with a did-you-mean when one is close', () => {
    expect(() => parse('--sed', '1')).toThrow('unknown flag --sed for `sim run`; did you mean --seed?');
    expect(() => parse('--colour')).toThrow('unknown flag --colour for `sim run`; see `sim help`');
  });

  it('rejects repeated flags, missing values and values on booleans', () => {
    expect(() => parse('--json', '--json')).toThrow('--json is given more than once');
    expect(() => parse('--seed')).toThrow('--seed expects a value: --seed N');
    expect(() => parse('--json=yes')).toThrow('--json takes no value');
    expect(() => parse('--sed')).toThrow(CliError);
  });
});

describe('integerFlag', () => {
  it('accepts whole numbers in range only', () => {
    expect(integerFlag(parse('--seed', '42'), '--seed', 0, 100)).toBe(42);
    expect(integerFlag(parse(), '--seed', 0, 100)).toBeUndefined();
    for (const bad of ['4.5', '1e3', 'x', '101', '-1', '']) {
      expect(() => integerFlag(parse(`--seed=${bad}`), '--seed', 0, 100)).toThrow('--seed expects a whole number from 0 to 100');
    }
  });
});

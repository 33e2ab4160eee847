// `sim schema [--write PATH]`: the JSON Schema of scenario files, pretty-printed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scenarioJsonSchema } from '../../../src/index';
import { CLI_TIMEOUTS, scratch, simOk, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

let files: Scratch;
beforeAll(() => (files = scratch()));
afterAll(() => files.remove());

const expected = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

describe('sim schema', () => {
  it('prints the draft-07 schema with two-space indents and a trailing newline', () => {
    const stdout = simOk(['schema']);
    expect(stdout).toBe(expected);
    expect(JSON.parse(stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('--write saves the same text, creating the folder', () => {
    const path = `${files.dir}/out/scenario.schema.json`;
    expect(simOk(['schema', '--write', path])).toBe(`wrote ${path}\n`);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});

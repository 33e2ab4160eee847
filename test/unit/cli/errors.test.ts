// User errors end with a message on stderr and exit 2, never a stack trace; --help exits 0.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_TIMEOUTS, literal, scratch, sim, STACK_LINE, TINY, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

let files: Scratch;
let tiny: string;
beforeAll(() => {
  files = scratch();
  tiny = files.write('tiny.yaml', TINY);
});
afterAll(() => files.remove());

function expectUserError(args: string[], message: string | RegExp): void {
  const result = sim(args);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('sim errors', () => {
  it('suggests the flag meant for a misspelt one', () => {
    expectUserError(['run', tiny, '--sed', '3'], 'unknown flag --sed for `sim run`; did you mean --seed?');
    expectUserError(['run', tiny, '--jsno'], 'did you mean --json?');
  });

  it('suggests the command meant for a misspelt one', () => {
    expectUserError(['rnu', tiny], 'unknown command "rnu"; did you mean "run"?');
    expectUserError(['frobnicate'], 'unknown command "frobnicate"; the commands are run, sweep, validate, check, matrix, schema, bench, help');
  });

  it('rejects malformed flag values', () => {
    expectUserError(['run', tiny, '--seed', 'abc'], '--seed expects a whole number from 0 to 4,294,967,295, got "abc"');
    expectUserError(['run', tiny, '--seed'], '--seed expects a value');
    expectUserError(['run', tiny, '--seeds', '1'], '--seeds expects a whole number from 2');
    expectUserError(['run', tiny, '--json', '--series=soon'], 'got "soon"');
    expectUserError(['run', tiny, '--json', '--json'], '--json is given more than once');
  });

  it('reports a missing, unreadable or invalid file', () => {
    expectUserError(['run', `${files.dir}/nope.yaml`], `${files.dir}/nope.yaml: cannot read: no such file`);
    expectUserError(['run', files.dir], 'is a directory');
    const bad = files.write('bad.yaml', TINY.replace('rps: 40', 'rps: lots'));
    expectUserError(['run', bad], new RegExp(`^${literal(bad)}:6:17: traffic\\.rps: `));
    expectUserError(['run'], '`sim run` expects a scenario file');
  });

  it('reports an exceeded event budget as a message, exit 2', () => {
    expectUserError(['run', tiny, '--event-budget', '500'], 'the simulation stopped after 500 events');
  });

  it('prints usage for help, --help and a command --help, exit 0', () => {
    for (const args of [['help'], ['--help'], ['run', '--help']]) {
      const result = sim(args);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('run FILE [--seed N] [--seeds K] [--json] [--series [BUCKET]]');
    }
    const none = sim([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Commands:');
  });
});

// `sim validate FILE…`: "FILE: ok" for good files, compiler-style errors for bad ones, exit 0 or 2.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI_TIMEOUTS, literal, scratch, sim, STACK_LINE, TINY, type Scratch } from './helpers';

vi.setConfig(CLI_TIMEOUTS);

let files: Scratch;
beforeAll(() => (files = scratch()));
afterAll(() => files.remove());

describe('sim validate', () => {
  it('prints "FILE: ok" for each good file and exits 0', () => {
    const a = files.write('a.yaml', TINY);
    const b = files.write('b.yaml', TINY.replace('seed: 11', 'seed: 12'));
    const result = sim(['validate', a, b]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${a}: ok\n${b}: ok\n`);
    expect(result.stderr).toBe('');
  });

  it('prints every error as file:line:col: path: message and exits 2', () => {
    const bad = files.write('bad.yaml', TINY.replace('instances: 3', 'instnces: 3').replace('rps: 40', 'rps: -40'));
    const result = sim(['validate', bad]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${bad}:5:10: fleet.instnces: unknown key "instnces"; did you mean "instances"?`,
      `${bad}:6:17: traffic.rps: must be greater than 0, got -40`,
    ]);
  });

  it('checks every file even when one is bad or missing', () => {
    const good = files.write('good.yaml', TINY);
    const broken = files.write('broken.yaml', 'title: [unclosed\n');
    const missing = `${files.dir}/missing.yaml`;
    const result = sim(['validate', broken, missing, good]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe(`${good}: ok\n`);
    expect(result.stderr).toMatch(new RegExp(`^${literal(broken)}:\\d+:\\d+: `, 'm'));
    expect(result.stderr).toContain(`${missing}: cannot read: no such file`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('asks for a file when given none', () => {
    const result = sim(['validate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('expects one or more scenario files');
  });
});

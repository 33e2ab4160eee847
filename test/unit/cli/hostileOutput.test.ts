// Scenario text reaches the terminal only as text, and a reader closing the pipe early is no error.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUTS, STACK_LINE, TINY, scratch, sim } from './helpers';

const files = scratch();
afterAll(() => files.remove());
const LAUNCHER = resolve(__dirname, '..', '..', '..', 'src', 'cli', 'launch.mjs');
// C0 escape, bell, carriage return, C1 CSI, a right-to-left override
const HOSTILE = '\u001b[31mred\u001b[0m\u0007\r\u009b2J\u202e';
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Runs `sim args` with stdout or stderr piped into a reader that exits at once; returns the exit code. */
function withReaderGone(stream: 'stdout' | 'stderr', args: string[]): number | null {
  const redirect = stream === 'stdout' ? '2>/dev/null' : '2>&1 >/dev/null';
  const command = `set -o pipefail; "${process.execPath}" "${LAUNCHER}" ${args.map((a) => `'${a}'`).join(' ')} ${redirect} | true`;
  return spawnSync('bash', ['-c', command], { encoding: 'utf8' }).status;
}

describe('hostile text on the terminal', () => {
  it('writes control characters in a title, a label and a key as visible escapes', () => {
    const text = TINY.replace('title: Tiny fleet', `title: ${JSON.stringify(HOSTILE)}`).replace('label: control', `label: ${JSON.stringify(`c${HOSTILE}`)}`);
    const table = sim(['run', files.write('title.yaml', text)]);
    expect(table.status).toBe(0);
    expect(table.stdout).not.toMatch(RAW_CONTROL);
    expect(table.stdout).toContain('\\u001b[31mred\\u001b[0m\\u0007\\u000d\\u009b2J\\u202e');
    const json = sim(['run', files.write('title.yaml', text), '--json']);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.stdout).scenario).toBe(HOSTILE); // the JSON escapes decode to the same title

    const bad = sim(['validate', files.write('key.yaml', `${TINY}${JSON.stringify(`x${HOSTILE}`)}: 1\n`)]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(RAW_CONTROL);
    expect(bad.stderr).toContain('unknown key "x\\u001b[31mred');
  }, CLI_TIMEOUTS.testTimeout);

  it('exits quietly when the reader of stdout or stderr goes away', () => {
    const many = Array.from({ length: 40 }, (_, i) => files.write(`bad${i}.yaml`, `${TINY}${Array.from({ length: 150 }, (_, k) => `x${k}: 1`).join('\n')}\n`));
    const good = Array.from({ length: 40 }, (_, i) => files.write(`good${i}.yaml`, TINY));
    expect(withReaderGone('stderr', ['validate', ...many])).toBe(2); // invalid files: 2, not a crash's 1
    expect(withReaderGone('stdout', ['validate', ...good])).toBe(0);
    expect(withReaderGone('stdout', ['schema'])).toBe(0);
  }, CLI_TIMEOUTS.testTimeout);

  it('never prints a stack trace for a complex key or deep nesting', () => {
    for (const tail of ['? [a, b]\n: 1\n', `x: ${'['.repeat(3000)}${']'.repeat(3000)}\n`]) {
      const result = sim(['validate', files.write('odd.yaml', `${TINY}${tail}`)]);
      expect(result.status).toBe(2);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stderr).not.toMatch(/Warning|mapAsMap|call stack/);
      expect(result.stderr).toMatch(/odd\.yaml:\d+:\d+: /);
    }
  }, CLI_TIMEOUTS.testTimeout);
});

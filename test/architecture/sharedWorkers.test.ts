// The fast tier runs its files in shared workers (`isolate: false` in vite.config.ts): a file that
// replaced a module, a global or the clock would leak into every file after it in the same worker.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEST_ROOT = join(__dirname, '..');
/** vi calls whose effect outlives the file that makes them. */
const LEAKING = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\b/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return item.name === 'e2e' ? [] : testFiles(path);
    return item.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('test files sharing a worker', () => {
  const files = testFiles(TEST_ROOT);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('replace no module, global, environment variable or clock', () => {
    const leaking = files.filter((file) => LEAKING.test(readFileSync(file, 'utf8'))).map((file) => relative(TEST_ROOT, file));
    expect(leaking).toEqual([]);
  });
});

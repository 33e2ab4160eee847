// The README's layers hold in the code: no room imports a room above it, nothing imports the
// command line, and no two files import each other, directly or around a loop.
import { describe, expect, it } from 'vitest';
import { cycles, importsOfSrc, roomOf, violation } from './imports';

describe('the layers of src/', () => {
  const imports = importsOfSrc();

  it('are read: the import graph is not empty', () => {
    expect(imports.length).toBeGreaterThan(200);
  });

  it('import only downwards (random → sim → world → metrics → judges → patterns → scenario → runtime → view → ui; cli beside)', () => {
    const wrong = imports.flatMap(({ from, to, line }) => {
      const why = violation(roomOf(from), roomOf(to));
      return why ? [`src/${from}:${line} imports src/${to}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('have no import cycles between modules, type-only imports included (a type cycle ties two files as tightly as a value one)', () => {
    expect(cycles(imports).map((c) => c.join(' → '))).toEqual([]);
  });

  it('sees type-only imports as such', () => {
    expect(imports.some((i) => i.typeOnly)).toBe(true);
    expect(imports.some((i) => !i.typeOnly)).toBe(true);
  });
});

describe('the layer rule itself', () => {
  it('refuses an upward import and one into the command line; allows same-room, downward and cli imports', () => {
    expect(violation('world', 'scenario')).toMatch(/below/);
    expect(violation('runtime', 'cli')).toMatch(/nothing imports/);
    expect(violation('cli', 'ui')).toMatch(/page/);
    expect([violation('world', 'world'), violation('scenario', 'patterns'), violation('cli', 'runtime')]).toEqual([null, null, null]);
  });

  it('finds a cycle', () => {
    const graph = [{ from: 'a', to: 'b', line: 1, typeOnly: false }, { from: 'b', to: 'c', line: 1, typeOnly: false }, { from: 'c', to: 'a', line: 1, typeOnly: false }];
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});

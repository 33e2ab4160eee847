// Reads the import graph of src/: every relative `import … from '…'` (type-only ones too) of every
// TypeScript file, resolved to a file, with the room (top-level folder) of each side.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The README's layer order: each room may import only from itself and the rooms before it. */
export const LAYERS = ['random', 'sim', 'world', 'metrics', 'judges', 'patterns', 'scenario', 'runtime', 'view', 'ui'];
/** Beside the layers: the command line may use any room but the page; nothing imports it. */
export const BESIDE = ['cli'];

export interface Import {
  from: string;
  to: string;
  line: number;
  /** `import type` / `export type`: erased when compiled */
  typeOnly: boolean;
}

const SRC = resolve(__dirname, '..', '..', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** `import … from './x'`, `export … from './x'` (over several lines too) and `import './x'`. */
const IMPORT = /(?:^|\n)[ \t]*(?:import|export)\s(type\s)?(?:[^'";]*?\sfrom\s)?['"](\.[^'"]+)['"]/g;

/** Every relative import in src/, as paths relative to src/, with the line of its specifier. */
export function importsOfSrc(): Import[] {
  return filesUnder(SRC).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(IMPORT)].flatMap((m) => {
      const target = resolveImport(file, m[2]);
      const line = text.slice(0, m.index + m[0].length).split('\n').length;
      return target ? [{ from: relative(SRC, file), to: relative(SRC, target), line, typeOnly: m[1] !== undefined }] : [];
    });
  });
}

export const roomOf = (path: string) => (path.includes('/') ? path.split('/')[0] : '');

/** Why `from` may not import `to`, or null when it may. */
export function violation(fromRoom: string, toRoom: string): string | null {
  if (fromRoom === toRoom) return null;
  if (BESIDE.includes(toRoom)) return `nothing imports ${toRoom}/`;
  if (BESIDE.includes(fromRoom)) return toRoom === 'ui' ? `${fromRoom}/ does not use the page` : null;
  const a = LAYERS.indexOf(fromRoom);
  const b = LAYERS.indexOf(toRoom);
  if (a < 0 || b < 0) return null; // src/index.ts, the public entry, may re-export any room
  return b > a ? `${fromRoom}/ is below ${toRoom}/` : null;
}

/** Import cycles between files (each reported once, by its files in order). */
export function cycles(imports: Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of imports) next.set(from, [...(next.get(from) ?? []), to]);
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const to of next.get(file) ?? []) {
      if (state.get(to) === 'open') {
        const cycle = stack.slice(stack.indexOf(to));
        found.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return [...found.values()];
}

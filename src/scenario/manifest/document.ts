// One Kubernetes object of a manifest file, read with positions: every value can be located, every
// field the simulation reads is marked, and the rest is reported as a note, never silently dropped.
import { type Document, LineCounter, isMap, isSeq, parseAllDocuments } from 'yaml';
import { didYouMean } from '../didYouMean';
import { type ScenarioError, formatPath } from '../errors';

export type Path = (string | number)[];
export type Json = Record<string, unknown>;

/** A remark on a manifest that does not stop it: a field not modelled, a rounding the simulation made. */
export interface ManifestNote {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

export const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export class ManifestObject {
  readonly errors: ScenarioError[] = [];
  readonly notes: ManifestNote[] = [];
  private readonly used = new Set<string>();

  constructor(
    readonly file: string,
    readonly data: Json,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  get kind(): string {
    return String(this.data.kind);
  }
  get name(): string {
    const meta = this.data.metadata;
    return isObject(meta) && typeof meta.name === 'string' ? meta.name : '';
  }

  /** Where the value at `path` (or, for a key, the key itself) is written. */
  at(path: Path, key = false): { line: number; column: number } {
    for (let p = path; p.length >= 0; p = p.slice(0, -1)) {
      const parent = p.length === 0 ? this.doc.contents : this.doc.getIn(p.slice(0, -1), true);
      const node = p.length === 0 ? this.doc.contents : this.doc.getIn(p, true);
      const pair = isMap(parent) && p.length > 0 ? parent.items.find((i) => (i.key as { value?: unknown })?.value === p[p.length - 1]) : undefined;
      const target = key && pair ? pair.key : node;
      const offset = (target as { range?: [number, number] } | undefined)?.range?.[0];
      if (offset !== undefined) {
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
      }
      if (p.length === 0) break;
    }
    return { line: 1, column: 1 };
  }

  /** The value at `path`, marking it as read. */
  get(path: Path): unknown {
    this.used.add(formatPath(path));
    let value: unknown = this.data;
    for (const segment of path) value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
    return value;
  }

  error(path: Path, message: string, key = false): void {
    this.errors.push({ file: this.file, ...this.at(path, key), path: formatPath(path), message });
  }
  note(path: Path, message: string): void {
    this.notes.push({ file: this.file, ...this.at(path, true), path: formatPath(path), message });
  }

  /** Unknown keys of the mapping at `path` are errors with a did-you-mean (a typo must not pass as "ignored"). */
  closed(path: Path, known: readonly string[]): void {
    const value = this.get(path);
    if (!isObject(value)) return;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.error([...path, key], `unknown field "${key}"${didYouMean(key, known) || `; expected one of ${known.map((k) => JSON.stringify(k)).join(', ')}`}`, true);
    }
  }

  /**
   * Every field under `path` that was not read becomes an "ignored" note; `why` gives the reason for
   * a field by its name (the last key), else `fallback`.
   */
  noteUnread(path: Path, why: Record<string, string>, fallback: string): void {
    const walk = (value: unknown, p: Path): void => {
      const key = formatPath(p);
      if (this.used.has(key)) {
        if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(v, [...p, k]);
        else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...p, i]));
        return;
      }
      const name = [...p].reverse().find((s): s is string => typeof s === 'string') ?? '';
      this.note(p, `ignored: ${key}${describe(value)} — ${why[name] ?? fallback}`);
    };
    walk(this.get(path), path);
  }
}

/** " load-test" for a list entry or mapping with a name: the note then says which one. */
function describe(value: unknown): string {
  return isObject(value) && typeof value.name === 'string' ? ` ${value.name}` : '';
}

/** Every object of a (multi-document) YAML file, or its syntax errors. */
export function readObjects(text: string, file: string): { objects: ManifestObject[]; errors: ScenarioError[] } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const errors: ScenarioError[] = [];
  const objects: ManifestObject[] = [];
  for (const doc of list) {
    for (const e of doc.errors) {
      const { line, col } = lines.linePos(e.pos[0]);
      errors.push({ file, line, column: col, path: '', message: e.message });
    }
    if (doc.errors.length > 0 || doc.contents === null) continue;
    const data = doc.toJS();
    if (!isObject(data)) {
      const { line, col } = lines.linePos(doc.contents.range?.[0] ?? 0);
      errors.push({ file, line, column: col, path: '', message: 'expected a Kubernetes object (apiVersion, kind, metadata, spec)' });
      continue;
    }
    if (isSeq(doc.contents)) continue;
    objects.push(new ManifestObject(file, data, doc, lines));
  }
  if (errors.length === 0 && objects.length === 0) errors.push({ file, line: 1, column: 1, path: '', message: 'the file holds no Kubernetes object' });
  return { objects, errors };
}

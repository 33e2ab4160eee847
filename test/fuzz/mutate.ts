// Mutations of a scenario text, as fast-check arbitraries: at the text level (characters and lines
// inserted, removed, repeated, swapped) and at the value level (a value anywhere in the parsed
// document replaced by another of any type, a key renamed or removed), then written back as YAML.
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

const HOSTILE_TOKENS = ['\u0000', '\ufeff', '\u202e', '\u200b', '\r', '\t', '---\n', '&a ', '*a', '!!str ', '? ', ': ', '- ', '[', ']', '{', '}', '"', "'", '#', '|', '>', '%YAML 1.1\n', '<script>', '__proto__', '1e999', '.nan', '-0', '\ud800'];

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_TOKENS), fc.string({ unit: 'binary', maxLength: 4 }));

/** One edit of the text at a position given as a fraction of its length. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), what: text }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('repeatLine' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('swapLines' as const), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyTextEdit(source: string, edit: TextEdit): string {
  const index = (f: number, n: number) => Math.min(n - 1, Math.floor(f * n));
  if (edit.kind === 'insert') {
    const i = Math.floor(edit.at * source.length);
    return source.slice(0, i) + edit.what + source.slice(i);
  }
  if (edit.kind === 'delete') {
    const i = Math.floor(edit.at * source.length);
    return source.slice(0, i) + source.slice(i + edit.length);
  }
  const lines = source.split('\n');
  if (edit.kind === 'repeatLine') {
    const i = index(edit.at, lines.length);
    lines.splice(i, 0, ...Array.from({ length: edit.times }, () => lines[i]));
  } else {
    const a = index(edit.a, lines.length);
    const b = index(edit.b, lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
  }
  return lines.join('\n');
}

/** A value of any type a YAML file can hold, hostile ones included. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e-308, Number.NaN, Infinity, '', '0s', '100%', '-5m', '1e9', 'v1', 'v2', 'none', 'canary', '__proto__', 'constructor'),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxKeys: 4 }),
);

const valueEdit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('replace' as const, 'removeKey' as const, 'renameKey' as const),
  value: anyValue,
  name: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'label', 'pattern')),
});

type ValueEdit = typeof valueEdit extends fc.Arbitrary<infer T> ? T : never;

/** Every node of the document, in document order. */
function nodes(root: unknown): Node[] {
  const out: Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) for (const pair of [...node.items].reverse()) stack.push(pair.value), stack.push(pair.key);
    else if (isSeq(node)) for (const item of [...node.items].reverse()) stack.push(item);
    if (node) out.push(node as Node);
  }
  return out;
}

/** A place holding a value: an entry of a mapping or of a list. */
type Slot = { map: YAMLMap; pair: Pair } | { seq: YAMLSeq; i: number };

function applyValueEdit(source: string, edit: ValueEdit): string {
  try {
    return editValue(source, edit);
  } catch {
    return source; // a document yaml cannot write back (an alias whose anchor was edited away)
  }
}

function editValue(source: string, edit: ValueEdit): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) return source;
  const slots: Slot[] = nodes(doc.contents).flatMap((n): Slot[] =>
    isMap(n) ? n.items.map((pair) => ({ map: n, pair: pair as Pair })) : isSeq(n) ? n.items.map((_, i) => ({ seq: n, i })) : [],
  );
  const slot = slots[Math.floor(edit.at * slots.length)];
  if (slot === undefined) return source;
  if ('seq' in slot) {
    if (edit.kind === 'removeKey') slot.seq.items.splice(slot.i, 1);
    else slot.seq.items[slot.i] = doc.createNode(edit.value);
  } else if (edit.kind === 'replace') slot.pair.value = doc.createNode(edit.value);
  else if (edit.kind === 'removeKey') slot.map.items.splice(slot.map.items.indexOf(slot.pair), 1);
  else if (isScalar(slot.pair.key)) slot.pair.key.value = edit.name;
  return doc.toString();
}

/** A mutant of `source`: a few text edits, or a few value edits. */
export function mutant(source: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.array(textEdit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(applyTextEdit, source)),
    fc.array(valueEdit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce(applyValueEdit, source)),
  );
}

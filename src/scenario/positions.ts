// Maps a field path back to its place in the YAML source, so errors can name line and column.
import { type Document, type LineCounter, type Node, isAlias, isMap, isScalar, isSeq } from 'yaml';

/** Which part of a mapping entry an error is about: the key (unknown keys) or its value. */
export type Anchor = 'key' | 'value';

interface Position {
  line: number;
  column: number;
}

function keyText(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

/**
 * The start offset of the node at `path`. When the path leads nowhere (a missing field), this is
 * the deepest node that exists, i.e. the mapping the field is missing from.
 */
function offsetOf(doc: Document, path: readonly PropertyKey[], anchor: Anchor): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    // Past an alias the nodes belong to the anchor, shared by every use: point at this use.
    if (isAlias(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      // `key:` with nothing after it has an empty value; point at the key instead.
      const valueStart = isScalar(node) && node.value === null && node.source === '' ? undefined : (node as Node | null)?.range?.[0];
      offset = anchor === 'key' && i === path.length - 1 ? keyStart : (valueStart ?? keyStart);
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = (node as Node | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** 1-based line and column of the key or value at `path` (or of the mapping a missing field belongs in). */
export function locate(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], anchor: Anchor = 'value'): Position {
  const { line, col } = lineCounter.linePos(offsetOf(doc, path, anchor));
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

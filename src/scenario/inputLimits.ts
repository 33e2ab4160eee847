// Size limits on the parsed YAML tree (before it becomes data and reaches the schema): lengths of
// strings and names, keys per mapping, entries per list; and keys that cannot be data: not plain
// names, "__proto__", or written twice (checked with a set: the YAML parser's check compares every
// pair). A walk with an explicit stack, linear in the file, so no input makes the checks costly.
import { type Document, type Node, isAlias, isMap, isScalar, isSeq } from 'yaml';
import { type LimitName, LIMITS, exceeds } from './limits';

interface SizeProblem {
  /** offset in the text */
  offset: number;
  path: PropertyKey[];
  message: string;
}

function start(node: unknown, fallback: number): number {
  return (node as Node | null)?.range?.[0] ?? fallback;
}

function what(node: unknown): string {
  return isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : isAlias(node) ? 'an alias' : 'a value';
}

/** Every size limit the document breaks (at most LIMITS.errorsReported of them). */
export function sizeProblems(doc: Document): SizeProblem[] {
  const problems: SizeProblem[] = [];
  const report = (node: unknown, path: PropertyKey[], text: string, limit: LimitName) =>
    problems.push({ offset: start(node, 0), path, message: exceeds(text, limit) });
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0 && problems.length < LIMITS.errorsReported) {
    const { node, path } = stack.pop()!;
    if (isMap(node)) {
      if (node.items.length > LIMITS.keysPerMap) report(node, path, `a mapping of ${node.items.length.toLocaleString('en-US')} keys`, 'keysPerMap');
      const seen = new Set<string>();
      for (const pair of node.items.slice(0, LIMITS.keysPerMap)) {
        const key = pair.key;
        if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
          problems.push({ offset: start(key, start(node, 0)), path, message: `a key must be a plain name, got ${what(key)}` });
          continue;
        }
        const name = String(key.value);
        if (name.length > LIMITS.nameChars) {
          report(key, path, `a key of ${name.length.toLocaleString('en-US')} characters`, 'nameChars');
          continue;
        }
        // Keys are data, but JavaScript objects treat this one as their prototype: it would vanish.
        if (name === '__proto__') {
          problems.push({ offset: start(key, 0), path, message: '"__proto__" cannot be used as a key or name; choose another' });
          continue;
        }
        if (seen.has(name)) {
          problems.push({ offset: start(key, 0), path: [...path, name], message: `${JSON.stringify(name)} is already a key of this mapping; keys must be unique` });
          continue;
        }
        seen.add(name);
        stack.push({ node: pair.value, path: [...path, name] });
      }
    } else if (isSeq(node)) {
      if (node.items.length > LIMITS.listEntries) report(node, path, `a list of ${node.items.length.toLocaleString('en-US')} entries`, 'listEntries');
      node.items.slice(0, LIMITS.listEntries).forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.length > LIMITS.stringChars) {
      report(node, path, `a text of ${node.value.length.toLocaleString('en-US')} characters`, 'stringChars');
    }
  }
  return problems;
}

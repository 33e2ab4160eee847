// How deeply a YAML text nests, found by a linear scan of the text before it is parsed: the YAML
// parser and everything after it recurse, so a file nested thousands deep must be refused unread.
import { LIMITS } from './limits';

/**
 * The offset where the nesting first goes deeper than the limit, or undefined. Block nesting is
 * counted from indentation ("- " entries count as a level), flow nesting from brackets outside
 * quotes and comments. It may overestimate only for unbalanced brackets in plain text.
 */
export function tooDeepAt(text: string, limit: number = LIMITS.nestingDepth): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    let i = 0;
    while (line[i] === ' ') i++;
    const blank = i === line.length || line[i] === '#' || line[i] === '\r';
    if (!blank && quote === '' && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= i) indents.pop();
      indents.push(i);
      // "- - - x" nests one level per dash
      while (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === undefined)) indents.push(++i), i++;
    }
    let previous = ' ';
    for (; i < line.length; i++) {
      const ch = line[i];
      if (quote !== '') {
        if (ch === '\\' && quote === '"') i++;
        else if (ch === quote) quote = '';
        continue;
      }
      if (ch === '#' && (previous === ' ' || previous === '\t')) break;
      // A quote opens a quoted scalar only where a value starts, not inside plain text ("don't").
      if ((ch === '"' || ch === "'") && ' \t:[{,-'.includes(previous)) quote = ch;
      else if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (indents.length + flow > limit) return start + i;
      if (ch !== ' ') previous = ch;
    }
    if (indents.length + flow > limit) return start;
  }
  return undefined;
}

// What a linear scan of a YAML text finds before it is parsed: nesting deeper than the limit (the
// YAML parser and everything after it recurse, so a file nested thousands deep must be refused
// unread), and a bracketed list or mapping longer than its limit (one of tens of thousands of
// entries with a syntax error near its start makes the parser report an error per token, for seconds).
import { LIMITS, exceeds } from './limits';

export interface TextProblem {
  offset: number;
  message: string;
}

export const TOO_DEEP = exceeds('the nesting of mappings and lists', 'nestingDepth');

/** A `[` or `{` not yet closed, and how many entries it has so far. */
interface OpenBracket {
  offset: number;
  list: boolean;
  entries: number;
}

function tooLong(open: OpenBracket): TextProblem | undefined {
  const limit = open.list ? 'listEntries' : 'keysPerMap';
  if (open.entries <= LIMITS[limit]) return undefined;
  const what = open.list ? `a list of more than ${LIMITS[limit].toLocaleString('en-US')} entries` : `a mapping of more than ${LIMITS[limit].toLocaleString('en-US')} keys`;
  return { offset: open.offset, message: exceeds(what, limit) };
}

/**
 * The first problem in the bare text, or undefined. Block nesting is counted from indentation
 * ("- " entries count as a level), flow nesting from brackets outside quotes and comments; a
 * bracketed collection's entries from the commas at its own level, reported at its opening bracket.
 * Both may overcount only after an unbalanced bracket in plain text.
 */
export function bareTextProblem(text: string, depthLimit: number = LIMITS.nestingDepth): TextProblem | undefined {
  const indents: number[] = [];
  const open: OpenBracket[] = [];
  let quote = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    let i = 0;
    while (line[i] === ' ') i++;
    const blank = i === line.length || line[i] === '#' || line[i] === '\r';
    if (!blank && quote === '' && open.length === 0) {
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
      else if (ch === '[' || ch === '{') open.push({ offset: start + i, list: ch === '[', entries: 1 });
      else if ((ch === ']' || ch === '}') && open.length > 0) open.pop();
      else if (ch === ',' && open.length > 0) {
        const top = open[open.length - 1];
        top.entries++;
        const long = tooLong(top);
        if (long) return long;
      }
      if (indents.length + open.length > depthLimit) return { offset: start + i, message: TOO_DEEP };
      if (ch !== ' ') previous = ch;
    }
    if (indents.length + open.length > depthLimit) return { offset: start, message: TOO_DEEP };
  }
  return undefined;
}

// How deeply a YAML text nests, and how long its bracketed lists and mappings are, found by a linear
// scan of the text before it is parsed: the YAML parser and everything after it recurse, so a file
// nested thousands deep must be refused unread; and a bracketed list of tens of thousands of entries
// with a syntax error near its start makes the parser report an error per token (over a second).
import { LIMITS, exceeds } from './limits';

export interface TextProblem {
  offset: number;
  message: string;
}

/** The first problem a linear scan of the bare text finds: too deep, or a bracketed collection too long. */
export function bareTextProblem(text: string): TextProblem | undefined {
  const deep = tooDeepAt(text);
  if (deep !== undefined) return { offset: deep, message: exceeds('the nesting of mappings and lists', 'nestingDepth') };
  const long = tooLongFlowAt(text);
  if (long !== undefined) return long;
  return undefined;
}

/**
 * The first `[…]` or `{…}` with more entries than its limit (listEntries, keysPerMap), counted by
 * the commas at its own level outside quotes and comments, reported at its opening bracket. Like
 * the nesting count, it may overcount only after an unbalanced bracket in plain text.
 */
export function tooLongFlowAt(text: string): TextProblem | undefined {
  const open: { offset: number; list: boolean; entries: number }[] = [];
  let quote = '';
  let previous = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '#' && ' \t\n'.includes(previous)) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end;
      previous = '\n';
      continue;
    }
    if ((ch === '"' || ch === "'") && ' \t\n:[{,-'.includes(previous)) quote = ch;
    else if (ch === '[' || ch === '{') open.push({ offset: i, list: ch === '[', entries: 1 });
    else if ((ch === ']' || ch === '}') && open.length > 0) open.pop();
    else if (ch === ',' && open.length > 0) {
      const top = open[open.length - 1];
      const limit = top.list ? 'listEntries' : 'keysPerMap';
      if (++top.entries > LIMITS[limit]) {
        const what = top.list ? 'a list' : 'a mapping';
        const unit = top.list ? 'entries' : 'keys';
        return { offset: top.offset, message: exceeds(`${what} of more than ${LIMITS[limit].toLocaleString('en-US')} ${unit}`, limit) };
      }
    }
    if (ch !== ' ' && ch !== '\t') previous = ch;
  }
  return undefined;
}

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

// Wording of validation errors: the error map handed to zod for its built-in issue kinds.
// Field-specific wording (durations, percentages, names) lives with the field in fields.ts.
import type { z } from 'zod';
import { didYouMean } from './didYouMean';
import { formatNumber } from './units';

/** How a YAML value is shown after "got": strings quoted, numbers with separators, shapes named. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : formatNumber(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  record: 'a mapping',
};

/** `"a", "b", "c"` */
export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** "expected one of …, got …; did you mean …?" for enum-like values. */
export function oneOfMessage(allowed: readonly unknown[], got: unknown): string {
  const hint = typeof got === 'string' ? didYouMean(got, allowed.map(String)) : '';
  return `expected one of ${quoteList(allowed)}, got ${describeValue(got)}${hint}`;
}

function typeMessage(expected: string, input: unknown): string {
  // YAML reads `name: 1.0` as the number 1; quoting keeps it text.
  const quoteHint = expected === 'string' && (typeof input === 'number' || typeof input === 'boolean') ? ' (put it in quotes to make it text)' : '';
  return `expected ${EXPECTED[expected] ?? expected}, got ${describeValue(input)}${quoteHint}`;
}

function sizeMessage(iss: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>): string {
  const small = iss.code === 'too_small';
  const bound = Number(small ? (iss as { minimum: unknown }).minimum : (iss as { maximum: unknown }).maximum);
  if (iss.origin === 'array' && (iss as { exact?: boolean }).exact) return `must have exactly ${bound} ${bound === 1 ? 'entry' : 'entries'}${Array.isArray(iss.input) ? `, got ${iss.input.length}` : ''}`;
  if (iss.origin === 'array') return small ? `must have at least ${bound} ${bound === 1 ? 'entry' : 'entries'}` : `must have at most ${bound} entries`;
  if (iss.origin === 'string') return small ? (bound === 1 ? 'must not be empty' : `must be at least ${bound} characters long`) : `must be at most ${bound} characters long`;
  const relation = small ? (iss.inclusive ? 'at least' : 'greater than') : iss.inclusive ? 'at most' : 'less than';
  return `must be ${relation} ${formatNumber(bound)}, got ${describeValue(iss.input)}`;
}

/** A discriminated union found no branch for the tag value (e.g. `distribution: gamma`). */
function discriminatorMessage(iss: { input: unknown; discriminator?: unknown; options?: unknown }): string {
  const tag = (iss.input as Record<string, unknown>)[String(iss.discriminator)];
  if (tag === undefined) return 'required field is missing';
  return oneOfMessage((iss.options as unknown[]) ?? [], tag);
}

/**
 * Wraps a field's own error wording so that a missing field still reads "required field is
 * missing": a field's own map outranks the shared one, so it must step aside for absent input.
 */
export function whenPresent(word: (input: unknown) => string) {
  return (iss: { input?: unknown }): string | undefined => (iss.input === undefined ? undefined : word(iss.input));
}

/** The zod error map: compiler-style wording for each issue kind; undefined keeps zod's own. */
export function issueMessage(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value' || iss.code === 'invalid_union')) {
    return 'required field is missing';
  }
  switch (iss.code) {
    case 'invalid_type':
      return typeMessage(iss.expected, iss.input);
    case 'too_small':
    case 'too_big':
      return sizeMessage(iss);
    case 'invalid_value':
      return iss.values.length === 1 ? `expected ${quoteList(iss.values)}, got ${describeValue(iss.input)}` : oneOfMessage(iss.values, iss.input);
    case 'invalid_union':
      return 'discriminator' in iss ? discriminatorMessage(iss) : `got ${describeValue(iss.input)}, which matches none of the allowed forms`;
    case 'unrecognized_keys':
      return 'unknown keys'; // split into one error per key, with suggestions, in issues.ts
    default:
      return undefined;
  }
}

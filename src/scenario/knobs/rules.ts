// Rules on a whole mapping (exactly one of two keys, one bound against another), and the shape in
// which each pattern hands its knobs to the registry.
import type { z } from 'zod';
import { quoteList } from '../messages';

/** Reports a problem at `path`, relative to the mapping the rule checks ([] is the mapping itself). */
export type Report = (message: string, path?: PropertyKey[]) => void;

/**
 * A zod check that runs `check` only when the mapping is otherwise valid: a misspelt key or a bad
 * field is reported on its own, without a second, derived complaint ("no step kind given").
 */
export function rule<T>(check: (value: T, report: Report) => void): z.core.CheckFn<T> {
  return (payload) => {
    if (payload.issues.length > 0) return;
    check(payload.value, (message, path = []) => payload.issues.push({ code: 'custom', message, input: payload.value, path }));
  };
}

/** `"a" or "b"`, `"a", "b" or "c"` */
function orList(keys: readonly string[]): string {
  return quoteList(keys).replace(/, (?=[^,]*$)/, ' or ');
}

/**
 * Exactly one of `keys` must be present (`what` names the mapping, e.g. "a step"). Keys whose value
 * is null count as present: `pause:` with nothing after it is a pause. Both given is reported at the
 * second key, with `bothHint` saying what to write instead.
 */
export function exactlyOne<T extends object>(keys: readonly (keyof T & string)[], what: string, bothHint: string) {
  return rule<T>((value, report) => {
    const given = keys.filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    if (given.length === 0) report(`${what} needs ${orList(keys)}`);
    else if (given.length > 1) report(`${what} has ${keys.length > 2 ? 'only one of' : 'either'} ${orList(keys)}${keys.length > 2 ? '' : ', not both'}; ${bothHint}`, [given[1]]);
  });
}

/** A pattern's knobs: the fields of its `compare` entry, and a rule across them if it needs one. */
export interface Knobs<S extends z.core.$ZodLooseShape = z.core.$ZodLooseShape> {
  shape: S;
  /** (a method, so that any pattern's knobs fit the registry's `Knobs`) */
  rule?(options: z.output<z.ZodObject<S>>, report: Report): void;
}

export function knobs<const S extends z.core.$ZodLooseShape>(shape: S, check?: Knobs<S>['rule']): Knobs<S> {
  return { shape, rule: check };
}

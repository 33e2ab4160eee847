// Field builders for pattern knobs, in the forms the real tools use: weights as percent numbers
// (Argo's `setWeight: 10`), Kubernetes' int-or-percent, and pauses that may wait for a human.
import { z } from 'zod';
import type { CountOrPercent } from '../../patterns/options';
import { closed } from '../closed';
import { type Bounds, boundsProblem } from '../fields';
import { describeValue, whenPresent } from '../messages';
import { GO_DURATION_FORM, parseArgoDuration } from '../goDuration';
import { DURATION_FORM, DURATION_PATTERN, PERCENT_PATTERN, formatDuration, formatNumber, formatPercent, parseDuration, parsePercent } from '../units';

const numberOrPercent = (error: (input: unknown) => string) =>
  z.union([z.number(), z.string().regex(PERCENT_PATTERN, { error: whenPresent(error) })], { error: whenPresent(error) });

const weightForm = (input: unknown) => `expected a percentage like 10 or 10%, got ${describeValue(input)}`;

/** A weight or share written as percent: 10 or "10%" → fraction 0.1 (a bare number is percent here, as in Argo). */
export function weight(description: string) {
  return numberOrPercent(weightForm)
    .transform((value, ctx) => {
      const fraction = typeof value === 'number' ? value / 100 : (parsePercent(value) as number);
      if (fraction < 0 || fraction > 1) {
        const message = typeof value === 'number' ? `must be between 0 and 100 (percent), got ${formatNumber(value)}` : `must be between 0% and 100%, got ${formatPercent(fraction)}`;
        ctx.issues.push({ code: 'custom', message, input: value });
      }
      return fraction;
    })
    .describe(`${description} Write a percentage: 10 or 10%.`);
}

const countForm = (input: unknown) => `expected a whole number of instances like 2, or a percentage like 25%, got ${describeValue(input)}`;

/** Kubernetes' IntOrString: 2 → { kind: 'count', value: 2 }, "25%" → { kind: 'percent', value: 0.25 }. */
export function countOrPercent(description: string) {
  return numberOrPercent(countForm)
    .transform((value, ctx): CountOrPercent => {
      const problem = (message: string) => ctx.issues.push({ code: 'custom', message, input: value });
      if (typeof value === 'number') {
        if (!Number.isInteger(value)) problem(countForm(value));
        else if (value < 0 || value > 10_000) problem(`must be between 0 and 10,000 instances, got ${formatNumber(value)}`);
        return { kind: 'count', value };
      }
      const fraction = parsePercent(value) as number;
      if (fraction < 0 || fraction > 1) problem(`must be between 0% and 100%, got ${formatPercent(fraction)}`);
      return { kind: 'percent', value: fraction };
    })
    .describe(`${description} Write a number of instances (2) or a percentage of the desired instances (25%).`);
}

const MANUAL_FORM = '{} (or nothing) to wait until promoted by hand';
const pauseForm = (input: unknown) => `expected ${DURATION_FORM}, or ${MANUAL_FORM}, got ${describeValue(input)}`;
const argoPauseForm = (input: unknown) => `expected ${DURATION_FORM}, { duration: 2m }, or ${MANUAL_FORM}, got ${describeValue(input)}`;
const argoDurationForm = (input: unknown) => `expected ${DURATION_FORM}, ${GO_DURATION_FORM.replace('a duration like ', '')} or a whole number of seconds, got ${describeValue(input)}`;

/** Seconds of a scenario duration or of an Argo one ("1h30m", "30"); undefined when neither. */
const anyDuration = (value: unknown) => parseDuration(value) ?? parseArgoDuration(value);

/**
 * A wait: a duration → seconds, or `{}` / an empty value → null, meaning "until promoted by hand".
 * With `argo`, Argo's step form `{ duration: 2m }` is a timed wait too (`{}` still waits for a human).
 */
export function untilPromoted(description: string, bounds: Bounds = { min: 0 }, { argo = false } = {}) {
  const duration = z
    .union([z.null(), z.number(), z.string()], { error: whenPresent(argoDurationForm) })
    .check((ctx) => {
      if (ctx.value !== null && anyDuration(ctx.value) === undefined) ctx.issues.push({ code: 'custom', message: argoDurationForm(ctx.value), input: ctx.value });
    })
    .describe(`Wait this long (Argo's form). Write ${DURATION_FORM}, Go's ${GO_DURATION_FORM.replace('a duration like ', '')}, or a whole number of seconds.`);
  const byHand = argo ? closed({ duration: duration.optional() }, 'Wait { duration: 2m }, or {} until promoted by hand.') : closed({}, 'Wait until promoted by hand.');
  const form = argo ? argoPauseForm : pauseForm;
  return z
    .union([z.null(), byHand, z.number(), z.string().regex(DURATION_PATTERN, { error: whenPresent(form) })], { error: whenPresent(form) })
    .transform((value, ctx): number | null => {
      const inMapping = typeof value === 'object' && value !== null;
      const written = inMapping ? (value as { duration?: unknown }).duration : value;
      if (written === null || written === undefined) return null;
      const seconds = anyDuration(written) as number;
      const problem = boundsProblem(seconds, bounds, formatDuration);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: written, ...(inMapping ? { path: ['duration'] } : {}) });
      return seconds;
    })
    .describe(`${description} Write ${DURATION_FORM} (or a number of seconds), ${argo ? "Argo's { duration: 2m }, " : ''}or ${MANUAL_FORM}.`);
}

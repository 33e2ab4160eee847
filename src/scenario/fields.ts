// Field builders for the scenario schema: integers, durations, percentages, names, share maps.
// Durations and percentages accept a string or a number in the file and come out as plain numbers.
import { z } from 'zod';
import { type LimitName, LIMITS, exceeds } from './limits';
import { describeValue, whenPresent } from './messages';
import {
  DURATION_FORM,
  DURATION_PATTERN,
  PERCENT_FORM,
  PERCENT_PATTERN,
  formatDuration,
  formatPercent,
  parseDuration,
  parsePercent,
} from './units';

/** Bounds for durations; `above` is exclusive ("must be greater than"), `min`/`max` inclusive. */
export interface Bounds {
  min?: number;
  above?: number;
  max?: number;
}

/** The message for the first bound `value` breaks, or undefined when it is within bounds. */
export function boundsProblem(value: number, b: Bounds, show: (x: number) => string): string | undefined {
  if (b.above !== undefined && value <= b.above) return `must be greater than ${show(b.above)}, got ${show(value)}`;
  if (b.min !== undefined && value < b.min) return `must be at least ${show(b.min)}, got ${show(value)}`;
  if (b.max !== undefined && value > b.max) return `must be at most ${show(b.max)}, got ${show(value)}`;
  return undefined;
}

// Used both for the union (wrong type, e.g. `true`) and for the string branch (wrong form, e.g. "5 minutes").
const expectedDuration = whenPresent((input) => `expected ${DURATION_FORM}, got ${describeValue(input)}`);
const expectedPercent = whenPresent((input) => `expected ${PERCENT_FORM}, got ${describeValue(input)}`);

/** An integer in [min, max]; the bounds also appear in the JSON Schema. */
export function int(min: number, max: number, description: string) {
  // Bounds before .int(): zod reports both our bound and its own safe-integer bound for 1e20,
  // and only the first issue per field is kept, so ours must come first.
  return z.number().min(min).max(max).int().describe(description);
}

/** An integer from min up to one of LIMITS; above it, "20,000 instances exceeds the limit of 10,000". */
export function limitedInt(min: number, limit: LimitName, unit: string, description: string) {
  return z
    .number()
    .min(min)
    .max(LIMITS[limit], { error: (iss) => exceeds(`${describeValue(iss.input)} ${unit}`, limit) })
    .int()
    .describe(description);
}

/** A duration: "250ms", "90s", "5m", "1h", "1d" (decimals allowed) or a number of seconds → seconds. */
export function duration(description: string, bounds: Bounds = { min: 0 }) {
  return z
    .union([z.number(), z.string().regex(DURATION_PATTERN, { error: expectedDuration })], { error: expectedDuration })
    .transform((value, ctx) => {
      const seconds = parseDuration(value) as number; // the union only lets parseable forms through
      const problem = boundsProblem(seconds, bounds, formatDuration);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
      return seconds;
    })
    .describe(`${description} Write ${DURATION_FORM}, or a number of seconds.`);
}

/** A share in [0%, 100%]: "5%", "0.2%" or a fraction such as 0.05 → fraction. */
export function percent(description: string) {
  return z
    .union([z.number(), z.string().regex(PERCENT_PATTERN, { error: expectedPercent })], { error: expectedPercent })
    .transform((value, ctx) => {
      const fraction = parsePercent(value) as number;
      if (fraction < 0 || fraction > 1) {
        // `errorRate: 5` most likely meant 5%, not 500%.
        const hint = typeof value === 'number' && value > 1 && value <= 100 ? `; a bare number is a fraction, write ${value}% for ${value} percent` : '';
        ctx.issues.push({ code: 'custom', message: `must be between 0% and 100%, got ${formatPercent(fraction)}${hint}`, input: value });
      }
      return fraction;
    })
    .describe(`${description} Write ${PERCENT_FORM}.`);
}

/** Version names: no spaces, so they can be referred to (rollout.from/to) and read in logs. */
const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;

/** A version name (see NAME_PATTERN). */
export function name(description: string) {
  return z
    .string()
    .regex(NAME_PATTERN, { error: (iss) => `expected a name made of letters, digits, ".", "_" or "-", got ${describeValue(iss.input)}` })
    .describe(description);
}

/** A map of name → share (e.g. regions) whose shares must add up to 100%. */
export function shares(description: string) {
  return z
    .record(z.string(), percent('Share of users.'))
    .superRefine((map, ctx) => {
      const sum = Object.values(map).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-6) {
        ctx.addIssue({ code: 'custom', message: `shares must add up to 100%, got ${formatPercent(sum)}`, input: map });
      }
    })
    .describe(`${description} Shares must add up to 100%.`);
}

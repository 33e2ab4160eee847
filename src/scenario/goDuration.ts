// Durations as the real tools write them. Argo Rollouts and Flagger are Go programs: a duration
// string goes through Go's time.ParseDuration ("1h30m", "1.5h", "300ms", "90s"), and Argo's pause
// also takes a whole number of seconds, bare or quoted ("30"), as RolloutPause.DurationSeconds does.

const GO_UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const GO_DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/;
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

export const GO_DURATION_FORM = 'a duration like 30s, 2m, 1h30m or 1.5h';

/** Seconds for a Go duration string ("1h30m" → 5400, "0" → 0); undefined when Go would reject it. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0' || text === '+0' || text === '-0') return 0;
  if (!GO_DURATION.test(text)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(GO_PART)) seconds += Number(amount) * GO_UNIT_SECONDS[unit];
  // Whole milliseconds and above are exact in decimal; round away binary noise such as 0.1 + 0.2.
  seconds = Math.round(seconds * 1e9) / 1e9;
  return text.startsWith('-') ? -seconds : seconds;
}

/** Argo's pause duration: an integer of seconds, a quoted integer, or a Go duration; undefined otherwise. */
export function parseArgoDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^[+-]?\d+$/.test(value)) return Number(value);
  return parseGoDuration(value);
}

// Units used in scenario files: durations (→ seconds) and percentages (→ fractions).
// Pure functions, shared by the schema (parsing) and by error messages (formatting back).

/** Accepted duration strings; a sign is allowed so that "-5m" gets a range error, not a form error. */
export const DURATION_PATTERN = /^[+-]?\d+(\.\d+)?(ms|s|m|h|d)$/;
/** Accepted percentage strings, e.g. "5%", "0.2%". */
export const PERCENT_PATTERN = /^[+-]?\d+(\.\d+)?%$/;

export const DURATION_FORM = 'a duration like 250ms, 90s, 5m, 1h or 1d';
export const PERCENT_FORM = 'a percentage like 5% or 0.2%, or a fraction like 0.05';

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds for a duration string or number; undefined when it is not in an accepted form. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const unit = match[2];
  const amount = Number(value.slice(0, -unit.length));
  // Divide for milliseconds: 100/1000 is exactly 0.1, 100*0.001 is not.
  return unit === 'ms' ? amount / 1000 : amount * SECONDS_PER_UNIT[unit];
}

/** Fraction for a percentage string or a fraction number; undefined when not in an accepted form. */
export function parsePercent(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  return PERCENT_PATTERN.test(value) ? Number(value.slice(0, -1)) / 100 : undefined;
}

/** Rounds away binary noise such as 0.1 * 3 = 0.30000000000000004 before printing. */
function tidy(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** A plain number with thousands separators: 1000000000 → "1,000,000,000". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return (Number.isInteger(x) ? x : tidy(x)).toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** A fraction as a percentage: 0.002 → "0.2%". */
export function formatPercent(fraction: number): string {
  return `${formatNumber(tidy(fraction * 100))}%`;
}

/** Seconds in the largest unit that shows them exactly: 300 → "5m", 0.25 → "250ms", 90 → "90s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return '0s';
  const abs = Math.abs(seconds);
  for (const unit of ['d', 'h', 'm'] as const) {
    const size = SECONDS_PER_UNIT[unit];
    if (abs >= size && Number.isInteger(tidy(abs / size))) return `${formatNumber(seconds / size)}${unit}`;
  }
  return abs >= 1 ? `${formatNumber(seconds)}s` : `${formatNumber(seconds * 1000)}ms`;
}

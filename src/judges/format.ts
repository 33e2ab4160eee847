// Number formatting for the evidence sentences learners read ("error rate 4.2% > 1% (n=1,204)").
// Written by hand rather than with Intl so the text is identical in every runtime and locale.

/** 1204 → "1,204". */
export function count(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + Math.round(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/**
 * A measured fraction as a percentage: one decimal from 1% up ("4.2%", "3.0%", "20.0%"), two
 * significant digits below, trailing zeros dropped ("0.1%", "0.27%", "0.0083%").
 */
export function percent(fraction: number): string {
  const p = fraction * 100;
  if (p === 0) return '0%';
  if (Math.abs(p) >= 1) return `${p.toFixed(1)}%`;
  return `${trimZeros(p.toPrecision(2))}%`;
}

/** A configured limit as written by a person: "1%", "2.5%", "0.25%". */
export function limitPercent(fraction: number): string {
  return `${trimZeros((fraction * 100).toFixed(3))}%`;
}

/** A signed relative change: "+20.0%", "-8.3%". */
export function signedPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return fraction > 0 ? '+∞%' : 'n/a';
  return `${fraction >= 0 ? '+' : ''}${percent(fraction)}`;
}

/** Seconds as milliseconds: "212 ms", "1,250 ms", "4.5 ms", "0.31 ms". */
export function ms(seconds: number): string {
  const v = seconds * 1000;
  if (v >= 10) return `${count(v)} ms`;
  if (v >= 1) return `${trimZeros(v.toFixed(1))} ms`;
  return `${trimZeros(v.toPrecision(2))} ms`;
}

/** A p-value: "0.034", "0.003", "0.0004", "<0.0001". */
export function pValue(p: number): string {
  if (p < 0.0001) return '<0.0001';
  if (p < 0.001) return trimZeros(p.toFixed(4));
  return trimZeros(p.toFixed(3));
}

/** "p=0.003" or "p<0.0001". */
export function pEquals(p: number): string {
  const s = pValue(p);
  return s.startsWith('<') ? `p${s}` : `p=${s}`;
}

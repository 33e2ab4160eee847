// Binary search over arrays sorted by time: the timeline answers "what was true at t" in log time,
// so scrubbing a long run stays as cheap as playing it.

/** How many leading items have key(item) ≤ t (the array is sorted by key, ascending). */
export function countAtOrBefore<T>(items: readonly T[], t: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many leading items have key(item) < t. */
export function countBefore<T>(items: readonly T[], t: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

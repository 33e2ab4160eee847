// "Did you mean …?" suggestions for misspelt keys and enum values.

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("radnom" → "random" is one edit). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** How many edits still look like a typo: about a third of the length, at most 2 ("v1" is no typo of "v4"). */
function typoLimit(word: string, candidate: string): number {
  return Math.min(2, Math.floor(Math.max(word.length, candidate.length) / 3));
}

/** Longer words are not suggested for: the distance costs length², and nobody mistypes 65 characters. */
const LONGEST_WORD = 64;

/** The closest candidate if it is close enough to be a likely typo, else undefined. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  if (word.length > LONGEST_WORD) return undefined;
  for (const candidate of candidates) {
    // More than two letters apart in length is more than two edits: not a typo.
    if (candidate === word || candidate.length > LONGEST_WORD || Math.abs(candidate.length - word.length) > 2) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance > typoLimit(word, candidate)) continue;
    // A case-only difference ("Random") is the likeliest typo of all, so it ranks first.
    const score = distance === 0 ? 0.5 : distance;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** "; did you mean "x"?" or "" — ready to append to a message. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

/**
 * A candidate the word spells out in full: same first letter, the candidate's letters in order
 * ("europe" → "eu", "asia-pacific" → "apac"). Short names such as regions are often abbreviations,
 * too far from the full word for an edit-distance match. The longest such candidate wins.
 */
export function abbreviationOf(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > LONGEST_WORD) return undefined;
  const w = word.toLowerCase();
  const spelledOut = (c: string) => {
    let i = 0;
    for (const ch of w) if (ch === c[i]) i++;
    return i === c.length;
  };
  return candidates
    .filter((c) => c.length >= 2 && c.length < w.length && c[0].toLowerCase() === w[0] && spelledOut(c.toLowerCase()))
    .sort((a, b) => b.length - a.length)[0];
}

/** didYouMean, falling back to an abbreviation of the word (for short names: regions, platforms). */
export function didYouMeanName(word: string, candidates: readonly string[]): string {
  const abbreviation = abbreviationOf(word, candidates);
  return didYouMean(word, candidates) || (abbreviation === undefined ? '' : `; did you mean "${abbreviation}"?`);
}

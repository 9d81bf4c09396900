/** A match of a query against one text: higher scores rank first. */
export type FuzzyMatch = { readonly score: number; readonly positions: readonly number[] };

const WORD_BREAK = /[\s\-_/.:()]/;

/**
 * Matches the query's characters in order (spaces ignored) against the text,
 * case-insensitively. Matches at word starts and runs of consecutive characters score
 * higher, gaps score lower, so "ex b" ranks "Export backup" above "Next review bump".
 * Returns null when some character of the query is missing.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return { score: 0, positions: [] };
  const t = text.toLowerCase();
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = pick(t, ch, from, previous);
    if (at === -1) return null;
    const atWordStart = at === 0 || WORD_BREAK.test(t.charAt(at - 1));
    if (at === previous + 1) score += 6;
    else if (atWordStart) score += 8;
    else score += 1;
    if (at > previous + 1 && previous >= 0) score -= Math.min(3, (at - previous - 1) * 0.2);
    positions.push(at);
    previous = at;
    from = at + 1;
  }
  if (t.startsWith(q)) score += 10;
  // Shorter texts win ties: "Inventory" over "Go to inventory settings".
  score -= t.length * 0.01;
  return { score, positions };
}

/** Next occurrence: continuing the current run first, then a word start, then any. */
function pick(t: string, ch: string, from: number, previous: number): number {
  if (previous >= 0 && t.charAt(previous + 1) === ch) return previous + 1;
  const wordStart = findWordStart(t, ch, from);
  return wordStart !== -1 ? wordStart : t.indexOf(ch, from);
}

function findWordStart(t: string, ch: string, from: number): number {
  for (let i = t.indexOf(ch, from); i !== -1; i = t.indexOf(ch, i + 1)) {
    if (i === 0 || WORD_BREAK.test(t.charAt(i - 1))) return i;
  }
  return -1;
}

/**
 * Keeps the items whose label (or one of whose keywords) matches, best first; an
 * empty query keeps every item in its original order.
 */
export function fuzzyFilter<T>(
  items: readonly T[],
  query: string,
  textsOf: (item: T) => readonly string[],
): T[] {
  if (query.trim() === '') return [...items];
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best = -Infinity;
    for (const [i, text] of textsOf(item).entries()) {
      const m = fuzzyMatch(query, text);
      // Keywords count a little less than the label the person reads.
      if (m) best = Math.max(best, m.score - (i === 0 ? 0 : 2));
    }
    if (best > -Infinity) scored.push({ item, score: best, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.item);
}

// "Did you mean …?": nearest keywords and names by edit distance, for every language's checks.

/** Levenshtein distance, case-insensitive, giving up (returning max + 1) past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) {
    return max + 1;
  }
  let prev = new Array<number>(t.length + 1);
  let cur = new Array<number>(t.length + 1);
  for (let j = 0; j <= t.length; j++) {
    prev[j] = j;
  }
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) {
      return max + 1;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[t.length];
}

/** How far a misspelling may be from a keyword or name to be worth suggesting. */
export function suggestionBudget(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/** Candidates at the smallest distance within the budget (several when tied), best first. */
export function nearest(
  word: string,
  candidates: Iterable<string>,
  budget = suggestionBudget(word),
): string[] {
  let best = budget + 1;
  let out: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c) || c === word) {
      continue;
    }
    seen.add(c);
    const d = editDistance(word, c, Math.min(best, budget));
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best && d <= budget) {
      out.push(c);
    }
  }
  return best <= budget ? out : [];
}

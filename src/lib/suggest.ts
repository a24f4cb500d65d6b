/** Edit distance (Levenshtein) between two short ids. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * The known ids closest to `id`: those within a third of its length in edit distance, or sharing
 * a dash-separated word with it, best first, at most `max`.
 */
export function nearest(id: string, known: Iterable<string>, max = 3): string[] {
  const words = new Set(id.split('-').filter((w) => w.length > 2));
  const scored: [string, number][] = [];
  for (const k of known) {
    const d = distance(id, k);
    const limit = Math.max(2, Math.ceil(Math.max(id.length, k.length) / 3));
    const shared = k.split('-').some((w) => words.has(w));
    if (d <= limit || shared || k.startsWith(id) || id.startsWith(k)) scored.push([k, d]);
  }
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([k]) => k);
}

/** "unknown indicator 'gdp-2042'; did you mean 'gdp-2024'?" */
export function unknownIdMessage(what: string, id: string, known: Iterable<string>): string {
  const near = nearest(id, known);
  const hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
  return `unknown ${what} '${id}'${hint}`;
}

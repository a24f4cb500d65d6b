/**
 * Where a page's HTML can be cut for a cut sweep (scripts/cut-sweep.ts): after each tag, and after each `，` and
 * `。` in text (where a line of Chinese can break differently once the rest of the sentence arrives).
 */

/** The offsets (string indices) in `html[from, to)` right after a `>`, `，` or `。`, in order. */
export function cutPoints(html: string, from: number, to: number): number[] {
  if (from < 0 || to < from) throw new Error(`cutPoints: no range [${from}, ${to})`);
  const out: number[] = [];
  for (let i = from; i < Math.min(to, html.length); i++) if (html[i] === '>' || html[i] === '，' || html[i] === '。') out.push(i + 1);
  return out;
}

/** At most `n` of `points`, evenly spread, the first included (all of them when there are `n` or fewer). */
export function spread<T>(points: readonly T[], n: number): T[] {
  if (!(n >= 1)) throw new Error(`spread: n must be at least 1, not ${n}`);
  if (points.length <= n) return [...points];
  const step = points.length / n;
  return Array.from({ length: n }, (_, k) => points[Math.floor(k * step)]!);
}

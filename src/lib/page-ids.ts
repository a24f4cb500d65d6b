/**
 * Deterministic element ids within one page render (the same build gives the same HTML).
 * `Astro.locals` lives for one page, so counters restart on every page.
 */
export function nextId(locals: object, prefix: string): string {
  const store = locals as { __ids?: Record<string, number> };
  store.__ids ??= {};
  const n = (store.__ids[prefix] ?? 0) + 1;
  store.__ids[prefix] = n;
  return `${prefix}-${n}`;
}

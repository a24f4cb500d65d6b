/**
 * Runs `f` when the page is idle, and at the latest `timeout` ms later (idle callbacks can wait a long
 * time: Chromium may leave a busy page without idle periods). Where the browser has no idle callbacks
 * (Safari), `f` runs after `fallback` ms. Returns a function that cancels the call.
 *
 * One helper for the scroll engine, the map's pause scheduler and the chart kit, each with its own timing.
 */
export function whenIdle(f: () => void, { timeout, fallback }: { timeout: number; fallback: number }): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => f(), { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, fallback);
  return () => clearTimeout(id);
}

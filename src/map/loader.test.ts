import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, PAUSE_MS, scheduler } from './loader.ts';

/** A window that only dispatches the events the test sends. */
function fakeWindow() {
  const listeners = new Map<string, Set<(e: Event) => void>>();
  return {
    scrollY: 0,
    setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
    addEventListener: (type: string, f: (e: Event) => void) => listeners.set(type, (listeners.get(type) ?? new Set()).add(f)),
    removeEventListener: (type: string, f: (e: Event) => void) => listeners.get(type)?.delete(f),
    fire(type: string) {
      for (const f of listeners.get(type) ?? []) f({ type } as Event);
    },
  };
}

describe('scheduler().pause()', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A page that never goes idle: the browser calls back only when the timeout runs out.
    vi.stubGlobal('requestIdleCallback', (cb: () => void, o: { timeout: number }) => setTimeout(cb, o.timeout));
    vi.stubGlobal('window', { setTimeout: (f: () => void, ms: number) => setTimeout(f, ms) });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('comes within a second of the last gesture even where the page never goes idle', async () => {
    const win = fakeWindow();
    const s = scheduler(win as unknown as Window);
    win.fire('scroll');
    let paused = false;
    void s.pause().then(() => (paused = true));
    await vi.advanceTimersByTimeAsync(PAUSE_MS);
    expect(paused).toBe(false);
    await vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS + 100);
    expect(paused).toBe(true);
    expect(PAUSE_MS + IDLE_TIMEOUT_MS + 100).toBeLessThanOrEqual(1200);
    s.cancel();
  });

  it('waits again when a gesture comes before the idle callback', async () => {
    const win = fakeWindow();
    const s = scheduler(win as unknown as Window);
    win.fire('scroll');
    let paused = false;
    void s.pause().then(() => (paused = true));
    // The idle callback is asked for at PAUSE_MS and comes at PAUSE_MS + IDLE_TIMEOUT_MS: a wheel
    // just before it makes it wait for a new pause.
    await vi.advanceTimersByTimeAsync(PAUSE_MS + IDLE_TIMEOUT_MS - 100);
    win.fire('wheel');
    await vi.advanceTimersByTimeAsync(200);
    expect(paused).toBe(false);
    await vi.advanceTimersByTimeAsync(PAUSE_MS + IDLE_TIMEOUT_MS);
    expect(paused).toBe(true);
    s.cancel();
  });
});

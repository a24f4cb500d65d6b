import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, PAUSE_MS, proximity, scheduler, whileNear } from './loader.ts';

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

/** An IntersectionObserver whose reports the test sends. */
function fakeIO() {
  let report: IntersectionObserverCallback = () => undefined;
  const observed = new Set<Element>();
  class IO {
    constructor(cb: IntersectionObserverCallback) {
      report = cb;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
    disconnect() {
      observed.clear();
    }
  }
  const send = (el: Element, isIntersecting: boolean) =>
    report([{ target: el, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);
  return { IO, observed, send };
}

describe('proximity() and whileNear(): start-up slices only while a map section is near', () => {
  const a = { id: 'a' } as unknown as Element;
  const b = { id: 'b' } as unknown as Element;

  it('is near until every section observed has been reported far, and again when one comes near', async () => {
    const io = fakeIO();
    const p = proximity(io.IO);
    expect(p.near()).toBe(true); // nothing observed: nothing to go by
    p.observe(a);
    p.observe(b);
    expect(io.observed.size).toBe(2);
    expect(p.near()).toBe(true); // not reported yet
    io.send(a, false);
    expect(p.near()).toBe(true); // b not reported yet
    io.send(b, false);
    expect(p.near()).toBe(false);
    let came = false;
    void p.approached().then(() => (came = true));
    await Promise.resolve();
    expect(came).toBe(false);
    io.send(b, true);
    await Promise.resolve();
    expect(came).toBe(true);
    expect(p.near()).toBe(true);
    p.unobserve(b);
    expect(p.near()).toBe(false); // a is still far
  });

  it('holds the slice after the gate while every section is far, and lets it go in the next gate once one is near', async () => {
    const io = fakeIO();
    const p = proximity(io.IO);
    p.observe(a);
    io.send(a, false);
    let gates = 0;
    const gate = () => {
      gates++;
      return Promise.resolve();
    };
    let opened = false;
    const slice = whileNear(gate, p, () => opened);
    let ran = false;
    void slice().then(() => (ran = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(gates).toBe(1); // the gate (a pause) passed, and yet:
    expect(ran).toBe(false);
    io.send(a, true);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(ran).toBe(true);
    expect(gates).toBe(2); // after coming near: a pause again, not at once
    // Near: the gate alone.
    ran = false;
    void slice().then(() => (ran = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(ran).toBe(true);
    // Explore mode being opened: no wait for nearness.
    io.send(a, false);
    opened = true;
    ran = false;
    void slice().then(() => (ran = true));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(ran).toBe(true);
  });
});

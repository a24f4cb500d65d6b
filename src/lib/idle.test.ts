import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './idle.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('asks for an idle callback with the given timeout, and cancels it', () => {
    let asked: { cb: IdleRequestCallback; o?: IdleRequestOptions } | undefined;
    const ric = vi.fn((cb: IdleRequestCallback, o?: IdleRequestOptions) => ((asked = { cb, o }), 7));
    const cic = vi.fn();
    vi.stubGlobal('requestIdleCallback', ric);
    vi.stubGlobal('cancelIdleCallback', cic);
    const f = vi.fn();
    const cancel = whenIdle(f, { timeout: 600, fallback: 200 });
    expect(ric).toHaveBeenCalledOnce();
    expect(asked?.o).toEqual({ timeout: 600 });
    expect(f).not.toHaveBeenCalled();
    asked?.cb({ didTimeout: false, timeRemaining: () => 10 });
    expect(f).toHaveBeenCalledOnce();
    cancel();
    expect(cic).toHaveBeenCalledWith(7);
  });

  it('falls back to a timer where the browser has no idle callbacks', () => {
    // Only the timers: fake-timers would otherwise install its own requestIdleCallback.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('requestIdleCallback', undefined);
    const f = vi.fn();
    whenIdle(f, { timeout: 600, fallback: 200 });
    vi.advanceTimersByTime(199);
    expect(f).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(f).toHaveBeenCalledOnce();
    const g = vi.fn();
    const cancel = whenIdle(g, { timeout: 600, fallback: 200 });
    cancel();
    vi.advanceTimersByTime(1000);
    expect(g).not.toHaveBeenCalled();
  });
});

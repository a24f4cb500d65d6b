/**
 * When to spend MapLibre's cost (≈ 250 KB of script to fetch and evaluate, then a WebGL context, a
 * worker and tessellation), on the devices and in the modes that use it (device.ts): never before the
 * reader's first scroll (the first-view budget), and only in pauses, when the page is idle and the
 * reader has not scrolled for a moment, so none of it lands while they are scrolling. Browser-only,
 * no dependencies.
 */

/** How long without a scroll counts as a pause. */
export const PAUSE_MS = 400;

export interface Scheduler {
  /** Resolves after the reader's first scroll (at once if the page is already scrolled, e.g. a reload mid-story). */
  firstScroll(): Promise<void>;
  /** Resolves in a pause: the main thread idle and no scroll for `PAUSE_MS`. */
  pause(): Promise<void>;
  /** Resolves at the next scroll event. */
  nextScroll(): Promise<void>;
  /** Stop listening; pending promises never resolve. */
  cancel(): void;
}

const idle = (cb: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(cb, { timeout: 3000 }) : window.setTimeout(cb, 200);

export function scheduler(win: Window = window): Scheduler {
  let lastScroll = win.scrollY > 0 ? performance.now() : -Infinity;
  let scrolled = win.scrollY > 0;
  let cancelled = false;
  const waiting: (() => void)[] = [];
  const onScroll = () => {
    lastScroll = performance.now();
    scrolled = true;
    waiting.splice(0).forEach((f) => f());
  };
  win.addEventListener('scroll', onScroll, { passive: true });

  const pause = (): Promise<void> =>
    new Promise((resolve) => {
      const check = () => {
        if (cancelled) return;
        const quiet = performance.now() - lastScroll;
        if (quiet >= PAUSE_MS) idle(() => (cancelled ? undefined : performance.now() - lastScroll >= PAUSE_MS ? resolve() : check()));
        else win.setTimeout(check, PAUSE_MS - quiet + 20);
      };
      check();
    });

  return {
    firstScroll: () => (scrolled ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    pause,
    nextScroll: () => new Promise<void>((resolve) => waiting.push(resolve)),
    cancel() {
      cancelled = true;
      waiting.length = 0;
      win.removeEventListener('scroll', onScroll);
    },
  };
}

/** Resolves once `el` has a size (it may be hidden, e.g. in a layout that is not shown). */
export function hasSize(el: HTMLElement): Promise<void> {
  if (el.clientWidth > 0 && el.clientHeight > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const ro = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientHeight > 0) {
        ro.disconnect();
        resolve();
      }
    });
    ro.observe(el);
  });
}

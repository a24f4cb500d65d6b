/**
 * The one place scrollama is used. It watches steps cross the trigger line with IntersectionObservers,
 * which is cheap while scrolling; we use its events only as a nudge ("a step may have crossed") and let
 * the engine compute the truth from geometry (`resolve.ts`), because the events alone are wrong on first
 * load, on fast scrolls, on anchor jumps and after viewport changes.
 */
// The ES module source, not the package's default UMD build: smaller, and no CommonJS wrapper.
import scrollama from 'scrollama/index.js';

/**
 * The parts of scrollama 3.2 we call, typed as the code behaves: its bundled types omit `offset()` and
 * pixel offsets (`"420px"`), and declare an `offsetTrigger()` that does not exist.
 */
interface Scrollama {
  setup(options: { step: HTMLElement[]; offset: string }): Scrollama;
  onStepEnter(f: () => void): Scrollama;
  onStepExit(f: () => void): Scrollama;
  offset(value: string): Scrollama;
  enable(): Scrollama;
  disable(): Scrollama;
  destroy(): Scrollama;
}

export interface ScrollerOptions {
  /** Every step of the page, in document order. */
  steps: HTMLElement[];
  /** The trigger line, px from the top of the viewport. */
  line: number;
  /** Called at most once per frame after steps may have crossed the line, and when a scroll ends. */
  onCross: () => void;
}

export interface Scroller {
  /** The trigger line or the layout changed (width, rotation): re-measure every observer. */
  remeasure(line: number): void;
  /** Stop watching (the page is read as an article). */
  pause(): void;
  /** Watch again after `pause`, with the trigger line as it is now. */
  resume(line: number): void;
  /** Stop for good: observers, listeners and the pending frame. */
  destroy(): void;
}

/** Watches `steps` crossing the trigger line. */
export function createScroller({ steps, line, onCross }: ScrollerOptions): Scroller {
  let frame = 0;
  const nudge = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      onCross();
    });
  };
  const scroller = (scrollama as unknown as () => Scrollama)()
    .setup({ step: steps, offset: `${line}px` })
    .onStepEnter(nudge)
    .onStepExit(nudge);
  // A fling can end between two observer thresholds; `scrollend` settles it where supported.
  window.addEventListener('scrollend', nudge, { passive: true });
  // scrollama's setup() adds a document scroll listener that destroy() cannot remove; it only records
  // the scroll direction. One scroller per page (paused, never re-created) keeps that to one listener.
  // scrollama's offset() reconnects its observers even while disabled, so a paused scroller only
  // remembers the line and applies it on resume.
  let paused = false;
  return {
    remeasure(next) {
      if (!paused) scroller.offset(`${next}px`);
    },
    pause() {
      paused = true;
      scroller.disable();
    },
    resume(next) {
      paused = false;
      scroller.enable().offset(`${next}px`);
    },
    destroy() {
      scroller.destroy();
      window.removeEventListener('scrollend', nudge);
      cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

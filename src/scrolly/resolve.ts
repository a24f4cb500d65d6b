/**
 * Which step is active, computed from geometry alone. Pure: positions in, indices out, no DOM.
 *
 * scrollama reports enter/exit events, and those events are wrong in known ways (nothing on first
 * load, skipped steps on a fast scroll, every step in between on an anchor jump, stale offsets after
 * a viewport change). So the engine treats an event only as "something may have changed" and asks
 * these functions what is true now. Positions are in viewport pixels, as `getBoundingClientRect()`
 * returns them: 0 is the top of the viewport, values grow downwards.
 */

/** The vertical extent of an element (a step, a chapter) in viewport pixels. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Index of the band that `line` has reached: the last band whose top is at or above the line.
 * -1 when the line has not reached the first band yet. Bands must be in document order.
 * Past the last band the last index stays active, so a section keeps its final state below it.
 */
export function activeIndex(bands: readonly Band[], line: number): number {
  let found = -1;
  for (let i = 0; i < bands.length; i++) {
    if ((bands[i] as Band).top <= line) found = i;
    else break;
  }
  return found;
}

/**
 * Whether `line` lies within the bands (from the first top to the last bottom): the reader is inside
 * the section. After a resize the engine re-anchors only such a section, so its active step stays
 * active; a section the reader is not in keeps the browser's own scroll anchoring.
 */
export function lineWithin(bands: readonly Band[], line: number): boolean {
  const first = bands[0];
  const last = bands[bands.length - 1];
  return first !== undefined && last !== undefined && first.top <= line && line < last.bottom;
}

/**
 * A step the reader went to on purpose (a `#step` link, a key, keyboard focus), remembered with the
 * scroll position right after the jump. It settles the active step while that step is on screen, for
 * the rare layouts where the browser cannot scroll it all the way to the trigger line.
 */
export interface JumpTarget {
  /** Index of the step within its section. */
  index: number;
  /** `scrollY` just after the jump. */
  scrollY: number;
}

/** Pixels of scrolling after which a jump target no longer applies: the reader has moved on. */
export const TARGET_SLACK = 4;

/** Whether a remembered jump target still applies at scroll position `scrollY`. */
export function targetHolds(target: JumpTarget, scrollY: number): boolean {
  return Math.abs(scrollY - target.scrollY) <= TARGET_SLACK;
}

export interface ActiveStepInput {
  /** The section's steps, in document order. */
  steps: readonly Band[];
  /** The trigger line, px from the top of the viewport. */
  line: number;
  viewportHeight: number;
  /** A jump target in this section that still holds (see `targetHolds`). */
  target?: number | undefined;
}

/**
 * The step a section shows. Before the section is reached its first step is active (the sticky
 * graphic starts in the first step's state, so nothing changes when the reader arrives). A jump
 * target wins while any part of it is on screen. Returns -1 only for a section without steps.
 */
export function activeStep({ steps, line, viewportHeight, target }: ActiveStepInput): number {
  const t = target === undefined ? undefined : steps[target];
  if (t && t.top < viewportHeight && t.bottom > 0) return target as number;
  if (steps.length === 0) return -1;
  return Math.max(0, activeIndex(steps, line));
}

/**
 * Why the engine resolves the active step. `jump` is scrolling the browser does on its own after Home
 * or End (smoothly, through every step in between); `key` is a step-to-step move with j/k or Tab.
 */
export type Reason = 'load' | 'scroll' | 'jump' | 'hash' | 'key' | 'resize' | 'mode';

export interface AnimateInput {
  reason: Reason;
  /** Previously active index in the section, -1 when none was applied yet. */
  from: number;
  to: number;
  reducedMotion: boolean;
  /** Scroll distance since the previous resolution, px (absolute). */
  scrolled: number;
  viewportHeight: number;
}

/**
 * Whether a state change may be animated: only a step-to-neighbour change while the reader scrolls
 * or steps with the keyboard. First paint, reloads, links, resizes, big jumps (Home/End, a scrollbar
 * drag, a fling) and reduced motion switch instantly; an animation there would replay history the
 * reader did not see.
 */
export function shouldAnimate({ reason, from, to, reducedMotion, scrolled, viewportHeight }: AnimateInput): boolean {
  if (reducedMotion || from < 0) return false;
  if (reason !== 'scroll' && reason !== 'key') return false;
  return Math.abs(to - from) === 1 && scrolled <= viewportHeight;
}

/**
 * The step to go to from the keyboard: the next (dir 1) or previous (dir -1) step relative to where a
 * step sits after a jump (`aligned`, px from the viewport top). Steps above `aligned` are behind the
 * reader, steps below ahead; one at `aligned` is the current one. -1 when there is none.
 * `tops` are all steps of the page in document order.
 */
export function neighbourStep(tops: readonly number[], aligned: number, dir: 1 | -1): number {
  const TOLERANCE = 2;
  if (dir === 1) return tops.findIndex((top) => top > aligned + TOLERANCE);
  return tops.findLastIndex((top) => top < aligned - TOLERANCE);
}

/**
 * How far the reader is through an element (the story), 0–1: 0 while its top is below the top of the
 * viewport, 1 once its bottom reaches the bottom of the viewport.
 */
export function readingProgress(band: Band, viewportHeight: number): number {
  const travel = band.bottom - band.top - viewportHeight;
  if (travel <= 0) return band.top <= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, -band.top / travel));
}

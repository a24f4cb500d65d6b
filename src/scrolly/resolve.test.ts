import { describe, expect, it } from 'vitest';
import {
  activeIndex,
  activeStep,
  lineWithin,
  neighbourStep,
  readingProgress,
  shouldAnimate,
  targetHolds,
  type AnimateInput,
  type Band,
} from './resolve.ts';

/**
 * A section as the browser lays it out: steps of the given heights stacked from `sectionTop`
 * (document px), seen from scroll position `scrollY`. Returns viewport-relative bands.
 */
function layout(heights: number[], sectionTop: number, scrollY: number): Band[] {
  let y = sectionTop - scrollY;
  return heights.map((h) => {
    const band = { top: y, bottom: y + h };
    y += h;
    return band;
  });
}

/** Document position of step `i`'s top. */
function stepTop(heights: number[], sectionTop: number, i: number): number {
  return sectionTop + heights.slice(0, i).reduce((a, b) => a + b, 0);
}

const DESKTOP = { vh: 800, line: 400, heights: [640, 640, 640, 640, 640] };
const PHONE = { vh: 844, line: 633, heights: [520, 560, 520, 600, 520] };
const SECTION_TOP = 1200;
/** Where a step's top lands after a jump: the trigger line minus the CSS scroll margin's slack. */
const ALIGN_SLACK = 32;

describe('activeIndex()', () => {
  it.each([
    { line: 0, want: -1, why: 'line above every band' },
    { line: 99, want: -1, why: 'line just above the first band' },
    { line: 100, want: 0, why: 'line exactly at the first top' },
    { line: 250, want: 1, why: 'inside the second band' },
    { line: 299, want: 1, why: 'just above the third top' },
    { line: 300, want: 2, why: 'at the third top' },
    { line: 5000, want: 2, why: 'past the last band: the last stays' },
  ])('activeIndex(bands, $line) is $want ($why)', ({ line, want }) => {
    const bands = [
      { top: 100, bottom: 200 },
      { top: 200, bottom: 300 },
      { top: 300, bottom: 400 },
    ];
    expect(activeIndex(bands, line)).toBe(want);
  });

  it('activeIndex([], line) is -1', () => {
    expect(activeIndex([], 10)).toBe(-1);
  });
});

describe('activeStep() while scrolling', () => {
  it('activates every step in order, exactly when its top crosses the trigger line', () => {
    const { vh, line, heights } = DESKTOP;
    const seen: number[] = [];
    const end = stepTop(heights, SECTION_TOP, heights.length);
    for (let scrollY = 0; scrollY <= end; scrollY += 10) {
      const i = activeStep({ steps: layout(heights, SECTION_TOP, scrollY), line, viewportHeight: vh });
      if (seen[seen.length - 1] !== i) seen.push(i);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    // step 2 becomes active at the first scroll position where its top reaches the line
    const at = stepTop(heights, SECTION_TOP, 2) - line;
    expect(activeStep({ steps: layout(heights, SECTION_TOP, at - 1), line, viewportHeight: vh })).toBe(1);
    expect(activeStep({ steps: layout(heights, SECTION_TOP, at), line, viewportHeight: vh })).toBe(2);
  });

  it('scrolling back up activates the steps in reverse order', () => {
    const { vh, line, heights } = PHONE;
    const seen: number[] = [];
    for (let scrollY = stepTop(heights, SECTION_TOP, 5); scrollY >= 0; scrollY -= 7) {
      const i = activeStep({ steps: layout(heights, SECTION_TOP, scrollY), line, viewportHeight: vh });
      if (seen[seen.length - 1] !== i) seen.push(i);
    }
    expect(seen).toEqual([4, 3, 2, 1, 0]);
  });
});

describe('activeStep() on first load and after jumps', () => {
  it.each([
    { scrollY: 0, want: 0, why: 'first load at the top: section below the fold shows its first state' },
    { scrollY: stepTop(DESKTOP.heights, SECTION_TOP, 3) - 400 + 10, want: 3, why: 'reload restored mid-story' },
    { scrollY: 99_999, want: 4, why: 'End key: far below the section, the last state stays' },
    { scrollY: stepTop(DESKTOP.heights, SECTION_TOP, 4) - 400 + 1, want: 4, why: 'scrollbar drag from the top straight to the last step' },
  ])('$why → step $want', ({ scrollY, want }) => {
    const { vh, line, heights } = DESKTOP;
    expect(activeStep({ steps: layout(heights, SECTION_TOP, scrollY), line, viewportHeight: vh })).toBe(want);
  });
});

describe('activeStep() with #step targets', () => {
  it.each(DESKTOP.heights.map((_, i) => ({ i })))('a #link to step $i lands on step $i (desktop)', ({ i }) => {
    const { vh, line, heights } = DESKTOP;
    const scrollY = stepTop(heights, SECTION_TOP, i) - (line - ALIGN_SLACK);
    expect(activeStep({ steps: layout(heights, SECTION_TOP, scrollY), line, viewportHeight: vh })).toBe(i);
  });

  it('a #link to a short step lands on it even when the next step starts just below', () => {
    const heights = [700, 60, 700];
    const scrollY = stepTop(heights, SECTION_TOP, 1) - (PHONE.line - ALIGN_SLACK);
    expect(activeStep({ steps: layout(heights, SECTION_TOP, scrollY), line: PHONE.line, viewportHeight: PHONE.vh })).toBe(1);
  });

  it('when the page cannot scroll far enough, the target holds while it is on screen', () => {
    const { vh, line, heights } = PHONE;
    // the page ends 150 px below the last step's top: that top stops at vh - 150, below the line
    const steps = layout(heights, SECTION_TOP, stepTop(heights, SECTION_TOP, 4) - (vh - 150));
    expect(activeStep({ steps, line, viewportHeight: vh })).toBe(3);
    expect(activeStep({ steps, line, viewportHeight: vh, target: 4 })).toBe(4);
  });

  it('a target off screen does not hold (geometry decides)', () => {
    const { vh, line, heights } = PHONE;
    const steps = layout(heights, SECTION_TOP, 0);
    expect(activeStep({ steps, line, viewportHeight: vh, target: 3 })).toBe(0);
  });

  it.each([
    { scrollY: 5000, holds: true },
    { scrollY: 5004, holds: true },
    { scrollY: 4996, holds: true },
    { scrollY: 5005, holds: false },
    { scrollY: 4000, holds: false },
  ])('a target set at scrollY 5000 holds at $scrollY: $holds', ({ scrollY, holds }) => {
    expect(targetHolds({ index: 2, scrollY: 5000 }, scrollY)).toBe(holds);
  });

  it('a section without steps has no active step', () => {
    expect(activeStep({ steps: [], line: 10, viewportHeight: 100, target: 0 })).toBe(-1);
  });
});

describe('activeStep() across a resize', () => {
  it('the same scroll position can mean another step after a resize, so the engine re-anchors', () => {
    const desktopY = stepTop(DESKTOP.heights, SECTION_TOP, 2) - DESKTOP.line + 600;
    const before = activeStep({ steps: layout(DESKTOP.heights, SECTION_TOP, desktopY), line: DESKTOP.line, viewportHeight: DESKTOP.vh });
    expect(before).toBe(2);
    // 1280×800 → 390×844: steps get taller and the trigger line moves; scrollY alone now points elsewhere
    const drifted = activeStep({ steps: layout(PHONE.heights, SECTION_TOP, desktopY), line: PHONE.line, viewportHeight: PHONE.vh });
    expect(drifted).not.toBe(before);
    // re-anchored: the engine scrolls the previously active step back to the aligned position
    const anchoredY = stepTop(PHONE.heights, SECTION_TOP, before) - (PHONE.line - ALIGN_SLACK);
    expect(activeStep({ steps: layout(PHONE.heights, SECTION_TOP, anchoredY), line: PHONE.line, viewportHeight: PHONE.vh })).toBe(before);
  });

  it.each([
    { scrollY: 0, inside: false, why: 'section below the fold' },
    { scrollY: SECTION_TOP - 400, inside: true, why: 'line at the first top' },
    { scrollY: SECTION_TOP + 5 * 640 - 400 - 1, inside: true, why: 'line at the last pixel of the last step' },
    { scrollY: SECTION_TOP + 5 * 640 - 400, inside: false, why: 'line just past the section' },
  ])('lineWithin: $why → $inside', ({ scrollY, inside }) => {
    expect(lineWithin(layout(DESKTOP.heights, SECTION_TOP, scrollY), DESKTOP.line)).toBe(inside);
  });

  it('lineWithin([]) is false', () => {
    expect(lineWithin([], 0)).toBe(false);
  });
});

describe('shouldAnimate()', () => {
  const base: AnimateInput = { reason: 'scroll', from: 1, to: 2, reducedMotion: false, scrolled: 120, viewportHeight: 800 };
  it.each<[string, Partial<AnimateInput>, boolean]>([
    ['a scroll to the next step animates', {}, true],
    ['a scroll to the previous step animates', { from: 2, to: 1 }, true],
    ['j/k to a neighbour animates', { reason: 'key' }, true],
    ['reduced motion never animates', { reducedMotion: true }, false],
    ['first paint does not animate', { reason: 'load', from: -1, to: 0 }, false],
    ['nothing applied yet does not animate', { from: -1, to: 0 }, false],
    ['a #link does not animate', { reason: 'hash' }, false],
    ['passing a step during a Home/End scroll does not animate', { reason: 'jump' }, false],
    ['a resize does not animate', { reason: 'resize' }, false],
    ['switching the reading mode does not animate', { reason: 'mode' }, false],
    ['skipping steps (fast scroll) does not animate', { from: 0, to: 3 }, false],
    ['Home/End or a scrollbar drag (more than a screen in one go) does not animate', { scrolled: 801 }, false],
  ])('%s', (_, change, want) => {
    expect(shouldAnimate({ ...base, ...change })).toBe(want);
  });
});

describe('neighbourStep()', () => {
  const tops = [-900, -40, 368, 1100, 1900];
  it.each<[string, number, 1 | -1, number]>([
    ['j from an aligned step goes to the next', 368, 1, 3],
    ['k from an aligned step goes to the previous', 368, -1, 1],
    ['j within 2 px of aligned still counts as aligned', 366, 1, 3],
    ['k while mid-step goes back to the start of that step', 400, -1, 2],
    ['j past the last step finds none', 2000, 1, -1],
    ['k before the first step finds none', -1000, -1, -1],
  ])('%s', (_, aligned, dir, want) => {
    expect(neighbourStep(tops, aligned, dir)).toBe(want);
  });
});

describe('readingProgress()', () => {
  it.each([
    { band: { top: 300, bottom: 5300 }, want: 0, why: 'story starts below the top' },
    { band: { top: 0, bottom: 5000 }, want: 0, why: 'story top at the viewport top' },
    { band: { top: -2100, bottom: 2900 }, want: 0.5, why: 'half way' },
    { band: { top: -4200, bottom: 800 }, want: 1, why: 'bottom reached' },
    { band: { top: -9000, bottom: -4000 }, want: 1, why: 'scrolled past' },
    { band: { top: 100, bottom: 500 }, want: 0, why: 'short story, below the top' },
    { band: { top: -10, bottom: 390 }, want: 1, why: 'short story, scrolled' },
  ])('$why → $want', ({ band, want }) => {
    expect(readingProgress(band, 800)).toBeCloseTo(want, 6);
  });
});

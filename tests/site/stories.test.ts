/**
 * Every story of the build, read through in real Chromium at phone (390×844) and desktop (1280×800)
 * size, with the static maps, and on a phone with the live MapLibre map (`?map=live`): scrolling down like
 * a reader, every step becomes current in document order, and at each position the step under the trigger
 * line is the current one and its graphic shows the step's state. No page errors, no console errors, no CSP
 * violations, no request leaving the origin, and nothing moving by itself while it is read (no layout shift;
 * also on the demo's own steps, the graphics no real story shows).
 *
 * On phones, every map step is also checked where it becomes current (its top on the trigger line): the
 * step's card must not cover the map's legend or its source/schematic note, and nothing else may cover
 * them either, with the static SVG and with the live MapLibre map.
 *
 * The readings are the shared walk's (./walk.ts: each story read once per reader per run, for all the
 * gates); the judging is ./walk-gates.ts, shown failing on bad recordings in tests/unit/walk-gates.test.ts.
 * Stories are discovered from the build (every page with a `[data-story]`), so a new story is covered
 * without touching this file. The demo is not read here: scrolly.test.ts reads it through step by step
 * (order, states, drawn marks) at both sizes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasStickyMap, TEST_DIST } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';
import { DEMO, realStories } from './pages.ts';
import { ensureWalks, readWalk, type WalkKind } from './walk.ts';
import { cleanProblems, forcedLiveProblems, mapStepProblems, shiftProblems, stepOrderProblems } from './walk-gates.ts';

/** The real stories of the build (pages with a `[data-story]`, without the demo), as paths (`fyp-projects/`). */
const STORIES = realStories();
const KINDS: WalkKind[] = ['phone', 'desktop', 'live'];
/** The demo's own steps are walked by these readers (walk.ts: allWalks). */
const DEMO_KINDS = ['phone', 'desktop'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
  await ensureWalks(browser, [
    ...KINDS.flatMap((kind) => STORIES.map((path) => ({ path, kind }))),
    ...DEMO_KINDS.map((kind) => ({ path: DEMO, kind })),
  ]);
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

/** The stories with a sticky map. */
const mapStories = STORIES.filter((s) => hasStickyMap(readFileSync(`${TEST_DIST}/${s}index.html`, 'utf8')));

const expectNone = (problems: string[]) => expect(problems, problems.join('\n')).toEqual([]);

describe.each([
  ['phone', 'phone'],
  ['desktop', 'desktop'],
  ['phone, live map', 'live'],
] as const)('every story at %s size', (_label, kind) => {
  it('finds the stories in the build', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(6);
    expect(STORIES).not.toContain('demo/');
  });

  it.each(STORIES)('%s: every step becomes current in order and shows its state; no errors, nothing off the origin', (path) => {
    const w = readWalk({ path, kind });
    expect(w.steps.length, 'the story has steps').toBeGreaterThan(0);
    expectNone([...stepOrderProblems(w), ...cleanProblems(w)]);
  });

  // A step's graphic may change, the page around it may not move: e.g. a sticky chart whose state adds a note
  // pushed its source line down (industry-2025, #growth-target, 0.0031).
  it.each(STORIES)('%s: nothing moves by itself while the story is read (no layout shift)', (path) => {
    expectNone(shiftProblems(readWalk({ path, kind })));
  });
});

describe.each(DEMO_KINDS)('the demo, at %s size', (kind) => {
  it('nothing moves by itself at its own steps (no layout shift)', () => {
    expectNone(shiftProblems(readWalk({ path: DEMO, kind })));
  });
});

describe.each([
  ['the static SVG', 'phone'],
  ['the live MapLibre map', 'live'],
] as const)('on a phone, with %s, a map step that becomes current leaves the legend and the note readable', (_label, kind) => {
  it('finds map steps', () => {
    // fyp-projects, industry-2025, winter-tour-2022: the sticky map of the real stories (the demo's is the same component)
    expect(mapStories.length).toBeGreaterThanOrEqual(3);
  });

  it.each(mapStories)('%s', (path) => {
    expectNone(mapStepProblems(readWalk({ path, kind }), kind === 'live'));
  });
});

/**
 * The live map forced (`?map=live`: this machine's software WebGL does not qualify for it; map-path.test.ts
 * covers which path a device takes), read by the live reader on every story with a sticky map: nothing of
 * MapLibre before the first scroll, the map shown at every map step after the reader's pause there, and one
 * MapLibre instance for all the map sections of the page.
 */
describe('with the live map forced (?map=live), on a phone', () => {
  it.each(mapStories)('%s: nothing of MapLibre before the first scroll, shown at every map step, one instance', (path) => {
    expectNone(forcedLiveProblems(readWalk({ path, kind: 'live' })));
  });
});

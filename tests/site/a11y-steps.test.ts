/**
 * Accessibility gate, part two (part one: a11y.test.ts): on a phone, axe-core on each story page in its
 * initial state (the whole page), then at each scrolly step where it becomes current: 0 serious or critical
 * violations. Every step of the real stories; on the demo, the steps whose kind of graphic no real story
 * shows (pages.ts: demoOnlySteps).
 *
 * The readings are taken by the shared walk (./walk.ts: the phone reader, once per run for all the gates)
 * and judged here (./walk-gates.ts: axeStepProblems, shown failing on bad recordings in
 * tests/unit/walk-gates.test.ts). After a step, axe reads what the step changed: the step's section's sticky
 * slot (the graphic), the current step, and every element the page mutated since the previous reading (a
 * MutationObserver from the load on: the step that lost aria-current, the live region, anything else the
 * engine touched, including at the stops between steps). The text of the other steps is not re-read at
 * every step: it does not change between steps and was read in the page's initial state. A positive control
 * below shows the narrower scope still catches a violation the step brings.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { sharedBrowser } from './shared.ts';
import { builtPages } from './gates.ts';
import { DEMO, demoOnlySteps } from './pages.ts';
import { allWalks, axeChanged, ensureWalks, goToStep, openFor, readWalk, type WalkSpec } from './walk.ts';
import { axeStepProblems, cleanProblems } from './walk-gates.ts';

const stories = builtPages().filter((p) => !p.path.startsWith('embed/') && readFileSync(p.file, 'utf8').includes('data-step'));
const WALKS: WalkSpec[] = allWalks().filter((w) => w.kind === 'phone');

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
  await ensureWalks(browser, WALKS);
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

describe('axe-core: every scrolly step, on a phone', () => {
  const demoOnly = demoOnlySteps();
  it('the demo pass covers its own kinds of graphic; every story page is walked', () => {
    expect(demoOnly.length).toBeGreaterThan(0);
    expect(WALKS.map((w) => w.path).sort()).toEqual(stories.map((p) => p.path).sort());
  });
  it.each(WALKS.map((w) => w.path))('/%s (initial state, whole page, then every step): 0 serious or critical violations', (path) => {
    const w = readWalk({ path, kind: 'phone' });
    const file = stories.find((p) => p.path === path)!.file;
    expect(w.steps.length, 'the built page’s steps are found').toBe(readFileSync(file, 'utf8').match(/ data-step /g)?.length);
    expect(w.visited).toEqual(path === DEMO ? w.steps.filter((s) => demoOnly.includes(s)) : w.steps);
    const problems = [...axeStepProblems(w), ...cleanProblems(w)];
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the narrower scope still sees what a step changes (positive controls)', () => {
  const story = stories.find((p) => p.path.startsWith('fyp')) ?? stories.find((p) => p.path !== DEMO)!;

  it('a nameless button the step puts in its graphic, and one far from the section, are caught; untouched text is not re-read', async () => {
    // The phone walk's reader: its browser without WebGL, reduced motion, the same page set-up.
    const noWebGL = await sharedBrowser({ webgl: false });
    const { page } = await openFor(noWebGL, inject('siteUrl'), { path: story.path, kind: 'phone' });
    try {
      const steps = await page.$$eval('[data-step]', (els) => els.map((e) => e.id));
      expect(steps.length).toBeGreaterThan(4);
      await page.evaluate(() => (window as unknown as { __axeChanged: Set<Element> }).__axeChanged.clear());
      await goToStep(page, steps[1]!);
      // A violation in the graphic the step shows: a button without a name in its active layer.
      await page.evaluate((id) => {
        const layer = document.getElementById(id)!.closest('[data-scrolly]')!.querySelector('.scrolly__layer.is-active')!;
        const b = document.createElement('button');
        b.id = 'axe-near';
        layer.append(b);
      }, steps[1]!);
      expect((await axeChanged(page, steps[1]!)).flatMap((v) => v.targets)).toContain('#axe-near');
      // The engine's own changes were marked too, and a step nothing touched was not.
      expect(
        await page.$$eval('[data-axe-scope]', (els) => els.length),
        'the step, its sticky slot, what the engine touched',
      ).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate((id) => !!document.getElementById(id)!.closest('[data-axe-scope]'), steps[4]!)).toBe(false);
      // Something far from the section that changes while the reader moves on (as the live region does).
      await page.evaluate(() => document.getElementById('axe-near')!.remove());
      await goToStep(page, steps[2]!);
      await page.evaluate(() => {
        const b = document.createElement('button');
        b.id = 'axe-far';
        document.querySelector('header, footer, body')!.append(b);
      });
      expect((await axeChanged(page, steps[2]!)).flatMap((v) => v.targets)).toContain('#axe-far');
    } finally {
      await noWebGL.close();
    }
  });
});

/**
 * Accessibility gate, part two (part one: a11y.test.ts): on a phone, axe-core on each story page in its
 * initial state (the whole page), then after scrolling to each scrolly step: 0 serious or critical
 * violations. Every step of the real stories; on the demo, the steps whose kind of graphic no real story
 * shows (pages.ts: demoOnlySteps).
 *
 * After a step, axe reads what the step changed: the step's section's sticky slot (the graphic), the
 * current step, and every element the page mutated since the previous reading (a MutationObserver from
 * the load on: the step that lost aria-current, the live region, anything else the engine touched). The
 * text of the other steps is not re-read at every step: it does not change between steps and was read in
 * the page's initial state (the active step differs from the others by its border colour only). Before,
 * each step re-read its whole section; a positive control below shows the narrower scope still catches a
 * violation the step brings.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { frames, PHONE_1X } from '../../scripts/lib/browser.ts';
import { expectClean, sharedBrowser } from './shared.ts';
import { openForAxe } from './axe-page.ts';
import { axeConfirmed, builtPages, describeAxe, type AxeProblem } from './gates.ts';
import { DEMO, demoOnlySteps } from './pages.ts';

const stories = builtPages().filter((p) => !p.path.startsWith('embed/') && readFileSync(p.file, 'utf8').includes('data-step'));

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Reduced motion: each step's state is applied at once, so axe sees the step's final picture without
 * waiting out transitions (the scrolly tests check that both ways end in the same marks). The phone's
 * layout at device scale 1 (PHONE_1X): the pixel ratio changes no layout or colour, only the cost of drawing.
 * From the load on, the page records every element it mutates (`changedSinceLastRead` reads and resets it).
 */
async function open(path: string, options: BrowserContextOptions = { ...PHONE_1X, reducedMotion: 'reduce' }) {
  const opened = await openForAxe(browser, inject('siteUrl'), path, options, () => {
    const changed = new Set<Element>();
    (window as unknown as { __axeChanged: Set<Element> }).__axeChanged = changed;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName === 'data-axe-scope') continue;
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        if (el) changed.add(el);
      }
    }).observe(document, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  return opened;
}

/**
 * Forgets what the page changed while loading (everything the parser and the engine's start inserted):
 * the state it reached is the one the whole-page reading checks.
 */
async function forgetLoad(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __axeChanged: Set<Element> }).__axeChanged.clear());
}

/** A step as the engine sees it: id, graphic and state. */
interface StepRef {
  id: string;
  graphic: string;
  state: string;
}

/** A story's steps in document order, read from the built file (so the work can be split into tests). */
function builtSteps(file: string): StepRef[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(/<div class="step" data-step id="([^"]+)" data-graphic="([^"]+)" data-state="([^"]+)"/g),
  ].map((m) => ({ id: m[1]!, graphic: m[2]!, state: m[3]! }));
}

/**
 * Scrolls so the step's top sits just above the trigger line, as a reader's scroll would, and waits
 * until the engine shows it: the step is current and its section's visible layer is the step's
 * graphic in the step's state.
 */
async function scrollToStep(page: Page, step: StepRef): Promise<void> {
  await page.evaluate((id) => {
    const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
    window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 40);
  }, step.id);
  await page.waitForFunction(
    ({ id, graphic, state }) => {
      const el = document.getElementById(id)!;
      const layer = el.closest('[data-scrolly]')!.querySelector<HTMLElement>('.scrolly__layer.is-active');
      const shown = layer?.querySelector<HTMLElement>('[data-state]');
      return (
        el.getAttribute('aria-current') === 'step' &&
        layer?.dataset['graphic'] === graphic &&
        shown?.dataset['state'] === state &&
        getComputedStyle(layer).visibility === 'visible'
      );
    },
    step,
    { timeout: 30_000 },
  );
  await frames(page);
}

/**
 * Marks what the step changed (its section's sticky slot, the step, every element mutated since the last
 * reading; only the outermost of nested ones) with `data-axe-scope` and clears the record. Returns how
 * many elements were marked.
 */
async function markChanged(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    for (const el of document.querySelectorAll('[data-axe-scope]')) el.removeAttribute('data-axe-scope');
    const w = window as unknown as { __axeChanged: Set<Element> };
    const step = document.getElementById(id)!;
    const all = [...w.__axeChanged, step, step.closest('[data-scrolly]')!.querySelector('.scrolly__sticky')!].filter(
      (el) => el.isConnected,
    );
    // The outermost only: axe reads an element's whole subtree.
    const outer = all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
    for (const el of outer) el.setAttribute('data-axe-scope', '');
    w.__axeChanged.clear();
    return outer.length;
  }, id);
}

/** axe on what the step changed, read twice when it finds something (`axeConfirmed`). */
async function axeChanged(page: Page, step: StepRef): Promise<AxeProblem[]> {
  await markChanged(page, step.id);
  return axeConfirmed(page, '[data-axe-scope]');
}

describe('axe-core: every scrolly step, on a phone', () => {
  // Steps in groups of at most twelve (one page load for each real story: the longest has 10), each group a test with its own time limit.
  const GROUP = 12;
  // The demo once: its initial state and the steps showing a kind of graphic no real story shows.
  const demoOnly = new Set(demoOnlySteps());
  it('the demo pass covers its own kinds of graphic', () => {
    expect(demoOnly.size).toBeGreaterThan(0);
  });
  for (const p of stories) {
    const all = builtSteps(p.file);
    const steps = p.path === DEMO ? all.filter((s) => demoOnly.has(s.id)) : all;
    it(`/${p.path}: the built page's steps are found`, () => {
      expect(all.length).toBe(readFileSync(p.file, 'utf8').match(/ data-step /g)?.length);
      if (p.path === DEMO) expect(steps.map((s) => s.id)).toEqual([...demoOnly]);
    });
    for (let from = 0; from < steps.length; from += GROUP) {
      const group = steps.slice(from, from + GROUP);
      it(`/${p.path}${from === 0 ? ' (initial state, whole page, then steps' : ' (steps'} ${from + 1}–${from + group.length} of ${steps.length}): 0 serious or critical violations`, async () => {
        const { page, watch } = await open(p.path);
        // The state at load is the initial state, read whole by the first group of the page.
        await forgetLoad(page);
        const failures: string[] = [];
        if (from === 0) {
          const problems = await axeConfirmed(page);
          if (problems.length) failures.push(describeAxe(`/${p.path} (phone, initial state)`, problems));
        }
        for (const step of group) {
          await scrollToStep(page, step);
          const problems = await axeChanged(page, step);
          if (problems.length) failures.push(describeAxe(`/${p.path}#${step.id}`, problems));
        }
        expect(failures, failures.join('\n')).toEqual([]);
        expectClean(watch);
        await page.context().close();
      });
    }
  }
});

describe('the narrower scope still sees what a step changes (positive controls)', () => {
  const story = stories.find((p) => p.path.startsWith('fyp')) ?? stories.find((p) => p.path !== DEMO)!;

  it('a nameless button the step puts in its graphic, and one far from the section, are caught; untouched text is not re-read', async () => {
    const steps = builtSteps(story.file);
    expect(steps.length).toBeGreaterThan(4);
    const { page } = await open(story.path);
    try {
      await forgetLoad(page);
      await scrollToStep(page, steps[1]!);
      // A violation in the graphic the step shows: a button without a name in its active layer.
      await page.evaluate((id) => {
        const layer = document.getElementById(id)!.closest('[data-scrolly]')!.querySelector('.scrolly__layer.is-active')!;
        const b = document.createElement('button');
        b.id = 'axe-near';
        layer.append(b);
      }, steps[1]!.id);
      expect((await axeChanged(page, steps[1]!)).flatMap((v) => v.targets)).toContain('#axe-near');
      // The engine's own changes were marked too, and a step nothing touched was not.
      expect(
        await page.$$eval('[data-axe-scope]', (els) => els.length),
        'the step, its sticky slot, what the engine touched',
      ).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate((id) => !!document.getElementById(id)!.closest('[data-axe-scope]'), steps[4]!.id)).toBe(false);
      // Something far from the section that changes while the reader moves on (as the live region does).
      await page.evaluate(() => document.getElementById('axe-near')!.remove());
      await scrollToStep(page, steps[2]!);
      await page.evaluate(() => {
        const b = document.createElement('button');
        b.id = 'axe-far';
        document.querySelector('header, footer, body')!.append(b);
      });
      expect((await axeChanged(page, steps[2]!)).flatMap((v) => v.targets)).toContain('#axe-far');
    } finally {
      await page.context().close();
    }
  });
});

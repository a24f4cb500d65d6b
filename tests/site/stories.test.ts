/**
 * Every story of the build, read through in real Chromium at phone (390×844) and desktop (1280×800)
 * size: scrolling down like a reader, every step becomes current in document order, and at each
 * position the step under the trigger line is the current one and its graphic shows the step's
 * state. No page errors, no console errors, no CSP violations, no request leaving the origin.
 *
 * On phones, every map step is also checked where it becomes current (its top on the trigger line):
 * the step's card must not cover the map's legend or its source/schematic note, and nothing else may
 * cover them either, with the static SVG and with the live MapLibre map.
 *
 * Stories are discovered from the build (every page with a `[data-story]`), so a new story is
 * covered without touching this file. The demo is not read here: scrolly.test.ts reads it through step
 * by step (order, states, drawn marks) at both sizes, and legibility.test.ts draws each of its steps whose
 * kind of graphic no real story shows (pages.ts: demoOnlySteps). One browser for the whole file; every
 * wait is on a condition.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, frames, openPage, PHONE_1X, type PageWatch, TEST_DIST } from '../../scripts/lib/browser.ts';
import { expectClean, sharedBrowser } from './shared.ts';
import { overlap, type Box } from './boxes.ts';
import { realStories } from './pages.ts';

/** The real stories of the build (pages with a `[data-story]`, without the demo), as folder names. */
const STORIES = realStories().map((p) => p.replace(/\/$/, ''));

/** Generous: the machine is small and shared; every wait is for a condition, so a fast run is fast. */
const WAIT = 15_000;

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(
  story: string,
  options: BrowserContextOptions,
  noWebGL2 = false,
  query = '',
): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await openPage(browser, inject('siteUrl'), options);
  if (noWebGL2) {
    // As on a device without WebGL2: the map's probe fails and the static SVG stays.
    await opened.page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return kind === 'webgl2' ? null : (get as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof get;
    });
  }
  await opened.page.goto(`${inject('siteUrl')}${story}/${query}`);
  // The engine has started when the first step of every section is marked current.
  await opened.page.waitForFunction(
    () => [...document.querySelectorAll('[data-scrolly]')].every((s) => s.querySelector('[data-step][aria-current="step"]')),
    undefined,
    { timeout: WAIT },
  );
  return opened;
}

interface Where {
  /** The step whose box holds the trigger line, if any. */
  under: string | null;
  /** Whether that step is current and the visible layer of its section draws its graphic and state. */
  ok: boolean;
  /** What the section shows instead, for messages. */
  showing: string;
}

/** What the page shows at the trigger line now (runs in the page); with `okOnly`, just whether it is right. */
function whereNow(okOnly: boolean): Where | boolean {
  const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
  const step = [...document.querySelectorAll<HTMLElement>('[data-step]')].find((el) => {
    const r = el.getBoundingClientRect();
    return r.top <= line && line < r.bottom;
  });
  if (!step) return okOnly || { under: null, ok: true, showing: '' };
  const section = step.closest('[data-scrolly]')!;
  const current = section.querySelector<HTMLElement>('[data-step][aria-current="step"]');
  const layer = section.querySelector<HTMLElement>('.scrolly__layer.is-active');
  const state = layer?.querySelector<HTMLElement>('[data-state]')?.dataset['state'];
  const graphic = layer?.dataset['graphic'];
  const ok = current === step && graphic === step.dataset['graphic'] && state === step.dataset['state'];
  if (okOnly) return ok;
  return {
    under: step.id,
    ok,
    showing: `current #${current?.id ?? '-'}, layer ${graphic ?? '-'}/${state ?? '-'}`,
  };
}

/**
 * Scrolls from the top to the end in moves smaller than any step (a step is at least 80% of the
 * screen high), waiting at each stop until the step under the trigger line is current and drawn.
 * Returns the steps in the order they were found current.
 */
async function readThrough(page: Page): Promise<string[]> {
  const seen: string[] = [];
  const move = await page.evaluate(() => Math.round(window.innerHeight * 0.4));
  for (let guard = 0; guard < 5000; guard++) {
    try {
      // A function, not a string: the site's CSP forbids eval.
      await page.waitForFunction(whereNow, true, { timeout: WAIT, polling: 'raf' });
    } catch (e) {
      const w = (await page.evaluate(whereNow, false)) as Where;
      throw new Error(
        `at scrollY ${await page.evaluate(() => window.scrollY)}, step #${w.under} is under the trigger line but the page shows ${w.showing} (${String(e).split('\n')[0]})`,
        { cause: e },
      );
    }
    // One round trip: what is under the line now, then the move (positions before and after it).
    const { under, before, after } = await page.evaluate((dy) => {
      const steps = [...document.querySelectorAll('[data-step]')];
      const probe = () => document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
      // The step whose box holds the trigger line (as whereNow finds it; whereNow said it is shown right).
      const at = probe();
      const under =
        steps.find((el) => {
          const r = el.getBoundingClientRect();
          return r.top <= at && at < r.bottom;
        })?.id ?? null;
      const before = window.scrollY;
      window.scrollBy(0, dy);
      // A step whose top is within a few pixels of the line is neither clearly before nor after it
      // (fractional pixels): move on a little.
      const line = probe();
      if (steps.some((el) => Math.abs(el.getBoundingClientRect().top - line) < 3)) window.scrollBy(0, 6);
      return { under, before, after: window.scrollY };
    }, move);
    if (under && seen[seen.length - 1] !== under) seen.push(under);
    if (after === before) return seen;
  }
  throw new Error('the page never stopped scrolling');
}

describe.each([
  ['phone', PHONE_1X],
  ['desktop', DESKTOP],
] as const)('every story at %s size', (_label, options) => {
  it('finds the stories in the build', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(6);
    expect(STORIES).not.toContain('demo');
  });

  it.each(STORIES)('%s: every step becomes current in order and shows its state; no errors, nothing off the origin', async (story) => {
    const { page, watch } = await open(story, options);
    try {
      const steps = await page.$$eval('[data-step]', (els) => els.map((e) => e.id));
      expect(steps.length, 'the story has steps').toBeGreaterThan(0);
      const seen = await readThrough(page);
      expect(seen).toEqual(steps);
      // Late work (the live map, lazy modules) has finished before the page is judged.
      await page.waitForLoadState('networkidle', { timeout: WAIT }).catch(() => undefined);
      expectClean(watch);
    } finally {
      await page.context().close();
    }
  });
});

/** Map steps of a page: where each becomes current, its card and the visible legend and note. */
async function mapStepBoxes(page: Page, id: string) {
  return page.evaluate((id) => {
    const box = (el: Element | null | undefined) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
    };
    const step = document.getElementById(id)!;
    const layer = step.closest('[data-scrolly]')!.querySelector('.scrolly__layer.is-active')!;
    const legend = [...layer.querySelectorAll('.story-map__legend')].find((l) => getComputedStyle(l).visibility === 'visible');
    const parts = { legend, note: layer.querySelector('.story-map__source'), badge: layer.querySelector('.story-map__badge') };
    /** Points of a part where the topmost element is not inside the part (something covers it). */
    const covered = (el: Element | null | undefined) => {
      if (!el) return [];
      const r = el.getBoundingClientRect();
      const out: string[] = [];
      for (const fx of [0.1, 0.5, 0.9]) {
        for (const fy of [0.25, 0.75]) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit && !el.contains(hit) && hit !== el) out.push(`${Math.round(x)},${Math.round(y)} under ${hit.className || hit.tagName}`);
        }
      }
      return out;
    };
    return {
      card: box(step.querySelector('.step__card')),
      legend: box(parts.legend),
      hasLegend: !!step.querySelector(':scope > .figure .story-map__legend'),
      note: box(parts.note),
      badge: box(parts.badge),
      viewport: window.innerHeight,
      covered: { legend: covered(parts.legend), note: covered(parts.note), badge: covered(parts.badge) },
      live: layer.querySelector('.story-map')!.classList.contains('is-live'),
    };
  }, id);
}

/** Puts a step's top just past the trigger line (where it becomes current) and waits until it is drawn. */
async function toTrigger(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
    window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 2);
  }, id);
  await page.waitForFunction(
    (id) => {
      const step = document.getElementById(id)!;
      const layer = step.closest('[data-scrolly]')!.querySelector<HTMLElement>('.scrolly__layer.is-active');
      return (
        step.getAttribute('aria-current') === 'step' &&
        layer?.querySelector<HTMLElement>('[data-state]')?.dataset['state'] === step.dataset['state']
      );
    },
    id,
    { timeout: WAIT },
  );
  // Two frames: the state's legend and the live map's camera have been applied.
  await frames(page);
}

describe.each([
  ['the static SVG', true],
  ['the live MapLibre map', false],
] as const)('on a phone, with %s, a map step that becomes current leaves the legend and the note readable', (_label, staticOnly) => {
  const mapStories = STORIES.filter((s) => readFileSync(`${TEST_DIST}/${s}/index.html`, 'utf8').includes('story-map--sticky'));

  it('finds map steps', () => {
    // fyp-projects, industry-2025, winter-tour-2022: the sticky map of the real stories (the demo's is the same component)
    expect(mapStories.length).toBeGreaterThanOrEqual(3);
  });

  it.each(mapStories)('%s', async (story) => {
    // Without WebGL2 the map stays the SVG; with it, wait until MapLibre has been swapped in.
    // The live map forced (`?map=live`): this machine's software WebGL does not qualify for it.
    const { page, watch } = await open(story, PHONE_1X, staticOnly, staticOnly ? '' : '?map=live');
    try {
      const ids = await page.$$eval('[data-step]', (els) =>
        els
          .filter((e) =>
            e
              .closest('[data-scrolly]')!
              .querySelector(`.scrolly__layer[data-graphic="${(e as HTMLElement).dataset['graphic']}"] .story-map`),
          )
          .map((e) => e.id),
      );
      expect(ids.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const id of ids) {
        await toTrigger(page, id);
        if (!staticOnly) {
          // Each map section brings in its live map once the reader pauses there.
          await page.waitForFunction(
            (id) => document.getElementById(id)!.closest('[data-scrolly]')!.querySelector('.scrolly__layer.is-active .story-map.is-live'),
            id,
            { timeout: 60_000 },
          );
        }
        const b = await mapStepBoxes(page, id);
        if (b.live === staticOnly) problems.push(`#${id}: the map is ${b.live ? 'live' : 'static'}`);
        if (!b.card) throw new Error(`#${id} has no card`);
        if (b.hasLegend && !b.legend) problems.push(`#${id}: its legend is not shown`);
        if (!b.note) problems.push(`#${id}: no source note`);
        for (const [name, part] of [
          ['legend', b.legend],
          ['note', b.note],
          ['badge', b.badge],
        ] as const) {
          if (!part) continue;
          if (overlap(b.card, part as Box))
            problems.push(
              `#${id}: the card (${Math.round(b.card.top)}–${Math.round(b.card.bottom)}) covers the ${name} (${Math.round(part.top)}–${Math.round(part.bottom)})`,
            );
          if (part.top < 0 || part.bottom > b.viewport) problems.push(`#${id}: the ${name} is off the screen`);
          const c = b.covered[name];
          if (c.length > 0) problems.push(`#${id}: something covers the ${name}: ${c.join('; ')}`);
        }
      }
      expect(problems).toEqual([]);
      expectClean(watch);
    } finally {
      await page.context().close();
    }
  });
});

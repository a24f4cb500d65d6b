/**
 * What a reader of every story sees, measured in Chromium:
 *
 * - step cards: at 375×667 and 390×844 no step's text card is taller than half the screen (the
 *   graphic must stay in view beside or behind it);
 * - labels: at 390 px and 1280 px, in every state of every chart and map (each step's state where the
 *   step becomes current, and every figure outside a scrolly), no two text labels overlap and no label
 *   leaves its graphic. Boxes are the rendered SVG text boxes (getBoundingClientRect), with the page's
 *   fonts loaded.
 *
 * The demo story: step cards as every story; labels only in the steps and inline figures whose kind of
 * graphic no real story shows (pages.ts: demoOnlySteps) — every other kind is measured on the real stories.
 *
 * One browser for the file; each story page is opened and scrolled through once per viewport, with
 * reduced motion (states switch at once, so every wait is for a condition) and without WebGL2 (maps
 * stay the static SVG whose labels can be measured; MapLibre places its own labels). The same
 * in-page measurements are first run on bad fixtures (tests/fixtures/legibility/) to prove they fail.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage, openStaticStory, showStep, TEST_DIST } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';
import { labelProblems, tallCards, type Card, type RenderedGraphic } from './boxes.ts';
import { DEMO, demoOnlyInlineKinds, demoOnlySteps } from './pages.ts';

const STORIES = readdirSync(TEST_DIST, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${TEST_DIST}/${d.name}/index.html`))
  .map((d) => d.name)
  .filter((name) => /<[^>]+\sdata-story[\s>]/.test(readFileSync(`${TEST_DIST}/${name}/index.html`, 'utf8')))
  .sort();

const WAIT = 15_000;
const FIXTURES = 'tests/fixtures/legibility';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** In the page: the rendered chart and map SVGs inside `scope` (a selector), with their labels. */
function graphicsIn({ scope, where }: { scope: string; where: string }): RenderedGraphic[] {
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const out: RenderedGraphic[] = [];
  for (const root of document.querySelectorAll(scope)) {
    for (const svg of root.querySelectorAll<SVGSVGElement>('svg.chart__svg, svg.story-map__svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || !svg.checkVisibility({ visibilityProperty: true })) continue;
      // The graphic is the SVG, cut to its frame when the frame clips it (a map's camera crop).
      const frame = svg.closest('.chart, .story-map');
      const f = frame ? frame.getBoundingClientRect() : r;
      const clips = frame ? getComputedStyle(frame).overflow !== 'visible' : false;
      const bounds = clips
        ? {
            top: Math.max(r.top, f.top),
            bottom: Math.min(r.bottom, f.bottom),
            left: Math.max(r.left, f.left),
            right: Math.min(r.right, f.right),
          }
        : rect(svg);
      // A map's camera crops the county map: labels wholly outside the view are not seen (a label the
      // crop cuts in part is, and counts as leaving the graphic).
      const isMap = svg.classList.contains('story-map__svg');
      const seen = (b: { top: number; bottom: number; left: number; right: number }) =>
        !isMap || (b.right > bounds.left && b.left < bounds.right && b.bottom > bounds.top && b.top < bounds.bottom);
      const labels = [...svg.querySelectorAll('text')]
        .filter((t) => t.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && Number(getComputedStyle(t).opacity) > 0)
        .map((t) => ({ text: t.textContent ?? '', box: rect(t) }))
        .filter((l) => seen(l.box));
      const chart = svg.closest<HTMLElement>('[data-graphic][data-state]');
      const what = chart
        ? `${chart.dataset['graphic']}/${chart.dataset['state']}`
        : (svg.closest<HTMLElement>('[data-state]')?.dataset['state'] ?? '');
      out.push({ where: `${where} (${what}, ${svg.dataset['layout'] ?? 'svg'})`, bounds, labels });
    }
  }
  return out;
}

/** In the page: the height of every step's text card. */
function cardsNow(): Card[] {
  return [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => ({
    step: s.id,
    height: s.querySelector('.step__card')?.getBoundingClientRect().height ?? 0,
  }));
}

/**
 * Reads a story once at this size: the label problems of every step's state and of every figure outside a
 * scrolly; on the demo, only the steps and inline figures whose kind no real story shows.
 */
async function readLabels(page: Page, demo: boolean): Promise<string[]> {
  const all = await page.$$eval('[data-step]', (els) => els.map((e) => e.id));
  const only = new Set(demoOnlySteps());
  const steps = demo ? all.filter((id) => only.has(id)) : all;
  if (demo) expect(steps.length, 'the demo pass has steps').toBeGreaterThan(0);
  const problems: string[] = [];
  for (const id of steps) {
    await showStep(page, id, WAIT);
    const scope = `[data-scrolly]:has(#${id}) .scrolly__layer.is-active`;
    const graphics = await page.evaluate(graphicsIn, { scope, where: `#${id}` });
    expect(graphics.length, `#${id}: a rendered graphic`).toBeGreaterThan(0);
    problems.push(...graphics.flatMap((g) => labelProblems(g)));
  }
  const kinds = demo ? demoOnlyInlineKinds() : [];
  const scope = demo
    ? kinds.map((k) => `.figure:not([data-scrolly] .figure):has(.chart--${k})`).join(', ')
    : '.figure:not([data-scrolly] .figure)';
  const figures = scope ? await page.evaluate(graphicsIn, { scope, where: 'figure' }) : [];
  if (demo && kinds.length) expect(figures.length, `the demo's inline ${kinds.join(', ')} figures`).toBeGreaterThan(0);
  problems.push(...figures.flatMap((g) => labelProblems(g)));
  return problems;
}

describe('the measurements fail on bad fixtures (positive controls, in Chromium)', () => {
  it('finds overlapping labels and a label outside its graphic, and passes the good twin', async () => {
    const { page } = await openPage(browser, inject('siteUrl'), { viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(readFileSync(`${FIXTURES}/labels-bad.html`, 'utf8'));
      const bad = (await page.evaluate(graphicsIn, { scope: 'body', where: 'fixture' })).flatMap((g) => labelProblems(g));
      expect(bad).toEqual([
        'fixture (goals/both, compact): labels "目标8%" and "8.6%" overlap',
        expect.stringMatching(/^fixture \(goals\/both, compact\): label "2025年一季度" leaves the graphic by \d+ px$/),
      ]);
      await page.setContent(readFileSync(`${FIXTURES}/labels-good.html`, 'utf8'));
      const good = await page.evaluate(graphicsIn, { scope: 'body', where: 'fixture' });
      expect(good.flatMap((g) => g.labels)).toHaveLength(3);
      expect(good.flatMap((g) => labelProblems(g))).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('finds a step card taller than half of a 375×667 screen (read as the gate reads it: a 390×844 page resized)', async () => {
    const { page } = await openPage(browser, inject('siteUrl'), { viewport: { width: 390, height: 844 } });
    try {
      await page.setContent(readFileSync(`${FIXTURES}/cards.html`, 'utf8'));
      await page.setViewportSize({ width: 375, height: 667 });
      await page.waitForFunction(() => window.innerHeight === 667);
      expect(tallCards(await page.evaluate(cardsNow), 667)).toEqual([
        expect.stringMatching(/^#long: card \d+ px > 333\.5 px \(half of 667\)$/),
      ]);
    } finally {
      await page.context().close();
    }
  });
});

it('finds the stories in the build', () => {
  expect(STORIES.length).toBeGreaterThanOrEqual(6);
});

/**
 * The three sizes: card heights where the issue measures them, labels at phone and desktop width. The two
 * phone sizes are read on one page: opened at 390×844 (cards, then labels in every state), then resized to
 * 375×667 for the cards (a card's height is CSS layout at that viewport, the same after a resize as after a
 * load; the same context, so the same mobile and touch settings).
 */
const PHONE_OPTIONS = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const SMALL = { width: 375, height: 667 } as const;

/** Card heights now, with the checks that they were read at all. */
async function cardProblems(page: Page, height: number): Promise<string[]> {
  const cards = await page.evaluate(cardsNow);
  expect(cards.length).toBeGreaterThan(0);
  expect(
    cards.every((c) => c.height > 0),
    'every card is rendered',
  ).toBe(true);
  return tallCards(cards, height);
}

describe('at 390×844 then 375×667 (one page, resized): step cards at most half the screen high at both; no label overlapping another or leaving its graphic at 390, in any state', () => {
  it.each(STORIES)('%s', async (story) => {
    const page = await openStaticStory(browser, inject('siteUrl'), story, PHONE_OPTIONS, WAIT);
    try {
      const found = {
        cards: await cardProblems(page, PHONE_OPTIONS.viewport.height),
        labels: await readLabels(page, `${story}/` === DEMO),
      };
      await page.setViewportSize(SMALL);
      await page.waitForFunction((h) => window.innerHeight === h, SMALL.height);
      found.cards.push(...(await cardProblems(page, SMALL.height)));
      expect(found).toEqual({ cards: [], labels: [] });
    } finally {
      await page.context().close();
    }
  });
});

describe('at 1280×800: no label overlapping another or leaving its graphic, in any state', () => {
  it.each(STORIES)('%s', async (story) => {
    const page = await openStaticStory(browser, inject('siteUrl'), story, { viewport: { width: 1280, height: 800 } }, WAIT);
    try {
      expect(await readLabels(page, `${story}/` === DEMO)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

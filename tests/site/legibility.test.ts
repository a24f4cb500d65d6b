/**
 * What a reader of every story sees, measured in Chromium:
 *
 * - step cards: at 375×667 and 390×844 (one phone page, resized) no step's text card is taller than half the screen (the
 *   graphic must stay in view beside or behind it);
 * - labels: at 390 px and 1280 px, in every state of every chart and map (each step's state where the
 *   step becomes current, and every figure outside a scrolly), no two text labels overlap and no label
 *   leaves its graphic. Boxes are the rendered SVG text boxes (getBoundingClientRect), with the page's
 *   fonts loaded.
 *
 * The demo story: step cards as every story; labels only in the steps and inline figures whose kind of
 * graphic no real story shows (pages.ts: demoOnlySteps) — every other kind is measured on the real stories.
 *
 * The measurements are the shared walk's (./walk.ts: each story read once per reader per run, for all
 * the gates): each story page scrolled through once per viewport without WebGL2 (maps stay the static SVG
 * whose labels can be measured; MapLibre places its own labels), each step measured where it becomes
 * current once its state is drawn and no transition runs. The same in-page measurements (walk.ts:
 * graphicsIn, cardsNow) are run here on bad fixtures (tests/fixtures/legibility/) to prove they fail, and
 * the judging (./walk-gates.ts) on bad recordings in tests/unit/walk-gates.test.ts.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, TEST_DIST } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';
import { labelProblems, tallCards } from './boxes.ts';
import { cardsNow, ensureWalks, graphicsIn, readWalk, SMALL_PHONE, WALK_KINDS } from './walk.ts';
import { cardWalkProblems, labelWalkProblems } from './walk-gates.ts';

const STORIES = readdirSync(TEST_DIST, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${TEST_DIST}/${d.name}/index.html`))
  .map((d) => d.name)
  .filter((name) => /<[^>]+\sdata-story[\s>]/.test(readFileSync(`${TEST_DIST}/${name}/index.html`, 'utf8')))
  .sort();

const FIXTURES = 'tests/fixtures/legibility';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
  await ensureWalks(
    browser,
    (['phone', 'desktop'] as const).flatMap((kind) => STORIES.map((s) => ({ path: `${s}/`, kind }))),
  );
}, 900_000);
afterAll(async () => {
  await browser?.close();
});

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

const PHONE_HEIGHT = WALK_KINDS.phone.options.viewport!.height;
const expectNone = (problems: string[]) => expect(problems, problems.join('\n')).toEqual([]);

describe(`at 390×${PHONE_HEIGHT} then ${SMALL_PHONE.width}×${SMALL_PHONE.height} (one page, resized): step cards at most half the screen high at both; no label overlapping another or leaving its graphic at 390, in any state`, () => {
  it.each(STORIES)('%s', (story) => {
    const w = readWalk({ path: `${story}/`, kind: 'phone' });
    expectNone([...cardWalkProblems(w, [PHONE_HEIGHT, SMALL_PHONE.height]), ...labelWalkProblems(w)]);
  });
});

describe('at 1280×800: no label overlapping another or leaving its graphic, in any state', () => {
  it.each(STORIES)('%s', (story) => {
    expectNone(labelWalkProblems(readWalk({ path: `${story}/`, kind: 'desktop' })));
  });
});

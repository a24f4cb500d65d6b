/**
 * The front page over the built site: it opens with the series' findings (one per story, in series
 * order, each linking to its story) and the first story card follows within the second phone screen;
 * the overview (timeline and map of where the stories look) reads without JavaScript; the cards match the stories' own story.yaml (date, headline, dek,
 * thumbnail), each card is one link covering it, nothing shifts when thumbnails load, nothing
 * overflows a phone; and every page's og:image is a 1200×630 PNG in the build.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { DESKTOP, openPage, PHONE_1X, TEST_BASE, TEST_DIST, TEST_SITE } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';
import { ogProblems } from './og-check.ts';

interface StoryYaml {
  headline: string;
  dek: string;
  basedOn: string;
  order: number;
  listed?: boolean;
  draft?: boolean;
  thumbnail?: unknown;
}

/** What the cards must show: the listed, published stories in series order, from their own files. */
const stories = readdirSync('content', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`content/${d.name}/story.yaml`))
  .map((d) => ({ slug: d.name, ...(parse(readFileSync(`content/${d.name}/story.yaml`, 'utf8')) as StoryYaml) }))
  .filter((s) => s.listed !== false && s.draft !== true)
  .sort((a, b) => a.order - b.order);
const sources = new Map(
  (JSON.parse(readFileSync('data/tongliao.json', 'utf8')) as { sources: { id: string; date: string }[] }).sources.map((s) => [
    s.id,
    s.date,
  ]),
);

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(opts: object, js = true): Promise<Page> {
  const { page, watch } = await openPage(browser, inject('siteUrl'), { ...opts, javaScriptEnabled: js });
  const res = await page.goto(inject('siteUrl'));
  expect(res?.status()).toBe(200);
  (page as Page & { watch?: typeof watch }).watch = watch;
  return page;
}

describe.each([
  ['phone', PHONE_1X],
  ['desktop', DESKTOP],
] as const)('front page at %s size, JavaScript off', (_name, size) => {
  // One page per size, read by the tests in turn (without JavaScript nothing on it changes but the
  // thumbnails that load once scrolled to, which the last two tests do): not a new context and load each.
  let shared: Promise<Page> | undefined;
  const frontPage = () => (shared ??= open(size, false));
  afterAll(async () => {
    if (shared) await (await shared).context().close();
  });
  it('opens with the findings, one per story in series order, then the cards', async () => {
    const page = await frontPage();
    const items = page.locator('section.findings li');
    expect(await items.count()).toBe(stories.length);
    for (const [i, s] of stories.entries()) {
      const item = items.nth(i);
      // A figure (digits, from the dataset), a caption in words, a link to the story and one to the figure's data row.
      expect(await item.locator('.finding__num').textContent()).toMatch(/\d/);
      expect(((await item.locator('.finding__cap').textContent()) ?? '').length).toBeGreaterThan(8);
      expect(await item.locator(`a[href="${TEST_BASE}${s.slug}/"]`).count()).toBe(1);
      const data = (await item.locator('a[href*="data/#"]').getAttribute('href')) as string;
      const anchor = data.split('#')[1] as string;
      const dataPage = readFileSync(`${TEST_DIST}/data/index.html`, 'utf8');
      expect(dataPage, `data row #${anchor}`).toContain(`id="${anchor}"`);
    }
    // Findings come before the cards, and the cards before the overview of the articles.
    const top = async (sel: string) => ((await page.locator(sel).first().boundingBox()) as { y: number }).y;
    expect(await top('section.findings')).toBeLessThan(await top('ol.cards > li'));
    expect(await top('ol.cards > li')).toBeLessThan(await top('section.overview'));
    // The first card starts in the upper half of the second screen (it used to be on the third phone screen).
    expect(await top('ol.cards > li')).toBeLessThan(1.5 * size.viewport.height);
  });

  it('shows the overview: timeline, map and one line per story with its inferred date and focus', async () => {
    const page = await frontPage();
    const overview = page.locator('section.overview');
    await expect(overview.locator('h2').textContent()).resolves.toBeTruthy();
    // One timeline drawing is shown at each size, with a numbered dot per story.
    const timeline = overview.locator('.overview__timeline svg:visible');
    expect(await timeline.count()).toBe(1);
    expect(await timeline.locator('circle').count()).toBe(stories.length);
    const box = await timeline.boundingBox();
    expect(box?.height).toBeGreaterThan(40);
    // The map draws the counties and labels them (readable as static SVG).
    const map = overview.locator('.overview__map svg');
    expect(await map.isVisible()).toBe(true);
    expect(await map.locator('path').count()).toBeGreaterThan(3);
    expect(await map.locator('text').allTextContents()).toEqual(expect.arrayContaining(['科尔沁区', '霍林郭勒市', '开发区']));
    const items = overview.locator('.overview__list > li');
    expect(await items.count()).toBe(stories.length);
    for (const [i, s] of stories.entries()) {
      const date = sources.get(s.basedOn) as string;
      expect(await items.nth(i).locator('time').getAttribute('datetime')).toBe(date);
      expect(await items.nth(i).textContent()).toContain(s.headline.split('：')[0]);
    }
    expect(await overview.textContent()).toContain('推断');
  });

  it('has one card per story with date, headline, dek and thumbnail, one link each, covering the card', async () => {
    const page = await frontPage();
    const cards = page.locator('ol.cards > li');
    expect(await cards.count()).toBe(stories.length);
    for (const [i, s] of stories.entries()) {
      const card = cards.nth(i);
      expect((await card.locator('h3').textContent())?.trim()).toBe(s.headline);
      expect((await card.locator('.card__dek').textContent())?.trim()).toBe(s.dek);
      expect(await card.locator('time').getAttribute('datetime')).toBe(sources.get(s.basedOn));
      // Exactly one interactive element: the heading's link to the story, which resolves.
      expect(await card.locator('a, button, input, select, textarea, [tabindex], details').count()).toBe(1);
      const href = (await card.locator('h3 a').getAttribute('href')) as string;
      expect(href).toBe(`${TEST_BASE}${s.slug}/`);
      expect((await page.request.get(new URL(href, inject('siteUrl')).href)).status()).toBe(200);
      // The thumbnail: decorative (the link names the card), a real SVG drawing, loaded once in view.
      const img = card.locator('.card__thumb img');
      expect(await img.count()).toBe(s.thumbnail ? 1 : 0);
      if (s.thumbnail) {
        expect(await img.getAttribute('alt')).toBe('');
        const res = await page.request.get(new URL((await img.getAttribute('src')) as string, inject('siteUrl')).href);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain('image/svg+xml');
        expect((await res.text()).startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        await img.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
          await img.elementHandle(),
          { timeout: 30_000 },
        );
      }
      // The link covers the card: the point at the middle of the picture belongs to it.
      const thumb = (await card.locator('.card__thumb').boundingBox()) as { x: number; y: number; width: number; height: number };
      await card.locator('.card__thumb').scrollIntoViewIfNeeded();
      const hit = await page.evaluate(
        ([x, y]) => {
          const el = document.elementFromPoint(x as number, y as number);
          return el?.closest('a')?.getAttribute('href') ?? null;
        },
        [thumb.x + thumb.width / 2, (await card.locator('.card__thumb').boundingBox())!.y + thumb.height / 2],
      );
      expect(hit).toBe(href);
    }
  });

  it("does not overflow the screen and reserves the thumbnails' space before they load", async () => {
    // Cards with thumbnails blocked, then loaded: the same heights (no layout shift when images arrive).
    const { page: blocked } = await openPage(browser, inject('siteUrl'), { ...size, javaScriptEnabled: false });
    await blocked.route('**/thumbnail.svg', (r) => r.abort());
    await blocked.goto(inject('siteUrl'));
    const before = await blocked
      .locator('ol.cards > li')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    await blocked.context().close();

    const page = await frontPage();
    for (const img of await page.locator('.card__thumb img').all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0,
        await img.elementHandle(),
        { timeout: 30_000 },
      );
    }
    const after = await page.locator('ol.cards > li').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(after).toEqual(before);
    // Every picture box keeps one shape (16:10) whatever its drawing's proportions, so cards in a row line up.
    const ratios = await page
      .locator('.card__thumb')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.round((r.width / r.height) * 100) / 100));
    expect(ratios).toEqual(ratios.map(() => 1.6));
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
  });
});

/** A half-width space after full-width punctuation, or between a number and %: both wrong in Chinese text. */
const BAD_SPACE = /[，。；：！？、）》」][ \u00a0]|\d[ \u00a0]+%/;

describe('Chinese typography', () => {
  it('the front page and the footer of every page have no half-width space after full-width punctuation', async () => {
    const page = await open(PHONE_1X, false);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.split('\n').filter((l) => BAD_SPACE.test(l))).toEqual([]);
    // Positive control: the check does see such a space where one is put.
    expect(BAD_SPACE.test('原报道。 地图')).toBe(true);
    const pages = readdirSync(TEST_DIST, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${TEST_DIST}/${d.name}/index.html`))
      .map((d) => `${d.name}/`);
    for (const path of pages) {
      await page.goto(`${inject('siteUrl')}${path}`);
      const footer = await page.locator('footer.site-footer').innerText();
      expect(BAD_SPACE.test(footer), `${path} footer: ${footer}`).toBe(false);
    }
    await page.context().close();
  });
});

describe('front page with JavaScript', () => {
  it('has no errors, CSP violations or foreign requests', async () => {
    const page = await open(PHONE_1X, true);
    await page.waitForLoadState('networkidle');
    expect((page as Page & { watch?: unknown }).watch).toEqual({ errors: [], consoleErrors: [], foreignRequests: [], cspViolations: [] });
    await page.context().close();
  });
});

describe('social images', () => {
  it('every page names an og:image that is a 1200×630 PNG in the build, with size and alt', () => {
    expect(ogProblems(TEST_DIST, TEST_SITE, TEST_BASE)).toEqual([]);
  });

  it('the story pages use their own image and the others the series image', () => {
    for (const s of stories) {
      const html = readFileSync(`${TEST_DIST}/${s.slug}/index.html`, 'utf8');
      expect(html).toContain(`<meta property="og:image" content="${TEST_SITE}${TEST_BASE}${s.slug}/og.png"`);
    }
    expect(readFileSync(`${TEST_DIST}/data/index.html`, 'utf8')).toContain(
      `<meta property="og:image" content="${TEST_SITE}${TEST_BASE}og.png"`,
    );
  });
});

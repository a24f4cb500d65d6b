/**
 * Accessibility gate, in Debian's Chromium over the served test build:
 * - axe-core on every built page (found on disk, so new pages are covered) in its initial state, on a
 *   desktop and on a phone: 0 serious or critical violations;
 * - (a11y-steps.test.ts: on a phone, each story page in its initial state and after each scrolly step;)
 * - a keyboard-only pass through one story with a map and charts: every step and control is reached
 *   and shows a visible focus indicator;
 * - the same checks (gates.ts) reject the bad fixtures in tests/fixtures/gates/ and pass the good one.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, openPage, PHONE_1X, type PageWatch } from '../../scripts/lib/browser.ts';
import { goForAxe, openForAxe } from './axe-page.ts';
import { expectClean, sharedBrowser } from './shared.ts';
import { axeConfirmed, axeProblems, builtPages, describeAxe, focusView } from './gates.ts';
import { embedKind, embedSample } from './pages.ts';
import { ensureWalks, readWalk } from './walk.ts';
import { cleanProblems, initialAxeProblems } from './walk-gates.ts';

// Embed pages (~120, one per graphic state): axe runs on a representative set, one per graphic kind
// and the map (pages.ts: embedSample); vnu, the CSP and links gates check every one of them.
const embedsChecked = new Set(embedSample());
const pages = builtPages().filter((p) => !p.path.startsWith('embed/') || embedsChecked.has(p.path));
const stories = pages.filter((p) => readFileSync(p.file, 'utf8').includes('data-step'));
const FIXTURES = 'tests/fixtures/gates';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page of the site, ready for axe (axe-page.ts). */
const open = (path: string, options: BrowserContextOptions) => openForAxe(browser, inject('siteUrl'), path, options);

describe('axe-core: every page in its initial state', () => {
  it('finds the pages of the build: the front page, the stories, data/ and sources/', () => {
    expect(pages.map((p) => p.path)).toEqual(expect.arrayContaining(['', 'data/', 'sources/']));
    expect(stories.length).toBeGreaterThanOrEqual(2);
    // embed pages: every chart kind, the waffle and the map are among those checked
    expect([...embedsChecked].map(embedKind)).toEqual(expect.arrayContaining(['map', 'line', 'bar', 'share-cell', 'bignumber']));
  });

  // Story pages are read in their initial state by the shared walk (./walk.ts), on the page it opens
  // anyway: on a phone (a11y-steps.test.ts judges it) and on a desktop (judged below). The phone at device
  // scale 1 (PHONE_1X): the pixel ratio changes no layout or colour.
  const cases = [
    ...pages.filter((p) => !stories.includes(p)).map((p) => [p, 'desktop', DESKTOP] as const),
    ...pages.filter((p) => !stories.includes(p)).map((p) => [p, 'phone', PHONE_1X] as const),
  ];
  it.each(stories.map((p) => p.path))(
    '/%s on a desktop (the shared walk, initial state): 0 serious or critical violations',
    async (path) => {
      await ensureWalks(browser, [{ path, kind: 'desktop' }]);
      const w = readWalk({ path, kind: 'desktop' });
      const problems = [...initialAxeProblems(w), ...cleanProblems(w)];
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );
  // One tab per screen size, led from page to page as a reader follows links (the site keeps no state
  // in the browser: no storage, no cookies), its watch emptied before each page: a new browser context
  // and renderer process for each of these ~30 pages cost more than reading them.
  const tabs = new Map<string, Promise<{ page: Page; watch: PageWatch }>>();
  afterAll(async () => {
    for (const tab of tabs.values()) await (await tab).page.context().close();
  });
  for (const [p, name, options] of cases) {
    it(`/${p.path} on a ${name}: 0 serious or critical violations`, async () => {
      if (!tabs.has(name)) tabs.set(name, openPage(browser, inject('siteUrl'), options));
      const { page, watch } = await tabs.get(name)!;
      for (const list of Object.values(watch)) list.length = 0;
      await goForAxe(page, inject('siteUrl'), p.path);
      const problems = await axeConfirmed(page);
      expect(problems, describeAxe(`/${p.path} (${name})`, problems)).toEqual([]);
      expectClean(watch);
    });
  }
});

/** Descriptor of the focused element used to tell elements apart: its `data-kb` tag (set below). */
const focusedTag = (page: Page) =>
  page.evaluate(
    () => (document.activeElement as HTMLElement | null)?.dataset['kb'] ?? (document.activeElement === document.body ? 'body' : '?'),
  );

describe('keyboard only: one story with a map and charts', () => {
  const STORY = 'fyp-projects/';

  it('Tab, Enter and Escape reach every step and control, each with a visible focus indicator', async () => {
    const { page, watch } = await open(STORY, DESKTOP);
    expect(await page.$$eval('.scrolly__layer[data-family="map"]', (els) => els.length), 'the story has a map').toBeGreaterThan(0);
    expect(await page.$$eval('.scrolly__layer:not([data-family="map"])', (els) => els.length), 'the story has charts').toBeGreaterThan(0);
    // Tag what a keyboard reader must reach: the skip links, the table of contents and its links, the
    // read-as-article switch, every step, and every figure link (<V>) that is shown.
    const expected = await page.evaluate(() => {
      const want = [
        ...document.querySelectorAll<HTMLElement>('.skip-link, .toc summary, .toc a, [data-read-mode], .scrolly__skip, [data-step]'),
        ...[...document.querySelectorAll<HTMLElement>('.v__num')].filter((a) => a.checkVisibility()),
      ];
      let i = 0;
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, summary, [tabindex], select, input'))
        el.dataset['kb'] = String(i++);
      return want.map((el) => `${el.dataset['kb']}`);
    });
    const describe = (tag: string) =>
      page.evaluate((t) => {
        const el = document.querySelector(`[data-kb="${t}"]`);
        return el
          ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 20)}"`
          : t;
      }, tag);

    const reached = new Set<string>();
    const problems: string[] = [];
    /** Checks that a reader can see the focused element, recorded under its tag. */
    const seen = async (label: string, tag: string) => {
      reached.add(tag);
      const view = await focusView(page);
      if (!view.onScreen || !view.indicator)
        problems.push(`${label}: ${view.what} ${view.onScreen ? '' : 'off screen '}${view.indicator ? '' : 'without a focus indicator'}`);
    };
    /** Records the focused element and checks that a reader can see it. */
    const check = async (label: string) => {
      const tag = await focusedTag(page);
      await seen(label, tag);
      return tag;
    };
    const is = (selector: string) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);
    /**
     * The focused element's tag and what it is, in one read per Tab stop (the walk's ~200 stops each read
     * these; one round trip to the page instead of six): the same matches as `is` and `focusedTag`.
     */
    const where = () =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        const m = (sel: string) => !!a?.matches(sel);
        return {
          tag: a?.dataset['kb'] ?? (a === document.body ? 'body' : '?'),
          toc: m('.toc summary'),
          mode: m('[data-read-mode]'),
          step: m('[data-step]'),
          v: m('.v__num'),
          skip: m('.skip-link'),
        };
      });

    // 1. The page's skip link first; Enter takes the reader to the content.
    await page.keyboard.press('Tab');
    expect(await is('.skip-link'), 'the first Tab reaches the skip link').toBe(true);
    await check('skip link');
    await page.keyboard.press('Enter');
    expect(await is('main'), 'the skip link moves focus to the content').toBe(true);
    // 2. On from there: the table of contents, the switch, then the whole story.
    let tocDone = false;
    let switchDone = false;
    await page.keyboard.press('Tab');
    let at = await where();
    for (let guard = 0; guard < 1500; guard++) {
      const tag = at.tag;
      await seen(`Tab #${guard}`, tag);
      if (!tocDone && at.toc) {
        // Enter opens the table of contents; Tab walks its links; Escape closes it, back on its summary.
        await page.keyboard.press('Enter');
        expect(await page.$eval('details.toc', (d) => (d as HTMLDetailsElement).open)).toBe(true);
        const links = await page.$$eval('.toc a', (els) => els.length);
        for (let i = 0; i < links; i++) {
          await page.keyboard.press('Tab');
          expect(await is('.toc a'), `Tab reaches table-of-contents link ${i + 1}`).toBe(true);
          await check(`toc link ${i + 1}`);
        }
        await page.keyboard.press('Escape');
        expect(await page.$eval('details.toc', (d) => (d as HTMLDetailsElement).open)).toBe(false);
        expect(await is('.toc summary'), 'Escape returns to the table of contents').toBe(true);
        tocDone = true;
      } else if (!switchDone && at.mode) {
        // Enter switches to the article and back; the focus stays on the switch.
        for (const pressed of ['true', 'false']) {
          await page.keyboard.press('Enter');
          await page.waitForFunction((p) => document.querySelector('[data-read-mode]')?.getAttribute('aria-pressed') === p, pressed);
          expect(await is('[data-read-mode]')).toBe(true);
          await check(`read-as-article switch, pressed=${pressed}`);
        }
        switchDone = true;
      } else if (at.step) {
        // Focusing a step makes it the current one, as scrolling to it would.
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-current') === 'step', undefined, { timeout: 30_000 });
      } else if (at.v) {
        // A figure's source shows while its link has the keyboard focus.
        expect(
          await page.evaluate(() => document.activeElement!.nextElementSibling!.checkVisibility()),
          `${await describe(tag)}: its source shows on focus`,
        ).toBe(true);
      }
      await page.keyboard.press('Tab');
      at = await where();
      if (at.tag === 'body' || at.tag === '?' || at.skip) break;
    }
    expect(tocDone && switchDone).toBe(true);
    const steps = await page.$$eval('[data-step]', (els) => els.length);
    expect(steps).toBeGreaterThan(5);
    expect(reached.size, 'stops on the walk').toBeGreaterThan(steps + 10);
    const missed = expected.filter((t) => !reached.has(t));
    expect(await Promise.all(missed.map(describe)), 'reached by the keyboard').toEqual([]);
    expect(problems, problems.join('\n')).toEqual([]);
    expectClean(watch);
    await page.context().close();
  });

  it('the map: a table-of-contents link leads there, Tab reaches "explore the map", Enter and back return to the story', async () => {
    const { page, watch } = await open(STORY, DESKTOP);
    const problems: string[] = [];
    const check = async (label: string) => {
      const view = await focusView(page);
      if (!view.onScreen || !view.indicator)
        problems.push(`${label}: ${view.what} ${view.onScreen ? '' : 'off screen '}${view.indicator ? '' : 'without a focus indicator'}`);
    };
    const is = (selector: string) => page.evaluate((sel) => !!document.activeElement?.matches(sel), selector);
    // The chapter that holds the map, as the table of contents names it.
    const chapter = await page.evaluate(() => {
      const section = document.querySelector('.scrolly__layer[data-family="map"]')!.closest('[data-scrolly]')!;
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')];
      const anchors = links.map((a) => document.getElementById(a.hash.slice(1))!);
      // the last chapter heading before the section
      let index = -1;
      anchors.forEach((h, i) => {
        if (h.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING) index = i;
      });
      return { index, hash: links[index]!.hash };
    });
    // Tab through the site's header (checked too) to the table of contents.
    for (let guard = 0; guard < 20 && !(await is('.toc summary')); guard++) {
      await page.keyboard.press('Tab');
      await check('header');
    }
    await page.keyboard.press('Enter');
    for (let i = 0; i <= chapter.index; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).hash)).toBe(chapter.hash);
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, chapter.hash);
    expect(await page.$eval('details.toc', (d) => (d as HTMLDetailsElement).open), 'following a link closes the table of contents').toBe(
      false,
    );
    expect(
      await page.$eval(decodeURIComponent(chapter.hash), (h) => {
        const r = h.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight;
      }),
      'the chapter heading is on screen',
    ).toBe(true);
    // Tab from the chapter heading to the map section's skip link.
    for (
      let guard = 0;
      guard < 40 &&
      !(await page.evaluate(
        () =>
          !!document.activeElement?.closest('[data-scrolly]')?.querySelector('.scrolly__layer[data-family="map"]') &&
          document.activeElement.matches('.scrolly__skip'),
      ));
      guard++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await is('.scrolly__skip')).toBe(true);
    await check('map section skip link');
    // The live map comes in the reader's pause; then its "explore" button is the next stop.
    await page.waitForFunction(
      () => document.querySelector<HTMLButtonElement>('.scrolly__layer.is-active .story-map__explore')?.hidden === false,
      undefined,
      { timeout: 100_000 },
    );
    await page.keyboard.press('Tab');
    expect(await is('.story-map__explore'), 'Tab reaches "explore the map"').toBe(true);
    await check('explore the map');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.matches('.story-map__back') && document.querySelector('.story-map.is-exploring'),
    );
    await check('back to the story');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.matches('.story-map__explore') && !document.querySelector('.story-map.is-exploring'),
    );
    await check('explore the map, again');
    // Escape leaves explore mode too.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.story-map.is-exploring'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => document.activeElement?.matches('.story-map__explore') && !document.querySelector('.story-map.is-exploring'),
    );
    // Shift+Tab goes back to the skip link; Tab, Tab on to the first step.
    await page.keyboard.press('Shift+Tab');
    expect(await is('.scrolly__skip')).toBe(true);
    // Past the map's own controls (explore, the credit's sources link), and nothing else, to the first step.
    for (let stops = 0; stops < 4 && !(await is('[data-step]')); stops++) {
      await page.keyboard.press('Tab');
      if (!(await is('[data-step]')))
        expect(
          await is('.scrolly__layer[data-family="map"] :is(a, button)'),
          'between the skip link and the first step only map controls',
        ).toBe(true);
    }
    expect(await is('[data-step]'), 'after the map controls comes the first step').toBe(true);
    await check('first map step');
    // j and k move through the section's steps.
    const ids = await page.evaluate(() =>
      [...document.activeElement!.closest('[data-scrolly]')!.querySelectorAll('[data-step]')].map((s) => s.id),
    );
    for (const id of ids.slice(1)) {
      await page.keyboard.press('j');
      await page.waitForFunction(
        (i) => document.activeElement?.id === i && document.activeElement.getAttribute('aria-current') === 'step',
        id,
      );
      await check(`j to #${id}`);
    }
    await page.keyboard.press('k');
    await page.waitForFunction((i) => document.activeElement?.id === i, ids[ids.length - 2]);
    await check('k');
    expect(problems, problems.join('\n')).toEqual([]);
    expectClean(watch);
    await page.context().close();
  });
});

describe('the gates reject bad pages (tests/fixtures/gates/)', () => {
  const load = async (name: string) => {
    const page = await browser.newPage({ viewport: DESKTOP.viewport });
    await page.setContent(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
    return page;
  };

  it('axe: a page with low contrast and unlabeled controls fails, its fixed twin passes', async () => {
    const bad = await load('a11y-bad.html');
    const problems = await axeProblems(bad);
    const found = problems.flatMap((p) => p.targets.map((t) => `${p.id} ${t}`));
    expect(found, describeAxe('a11y-bad.html', problems)).toEqual(
      expect.arrayContaining(['color-contrast #faint', 'button-name #unlabeled', 'image-alt #no-alt', 'label #unlabeled-input']),
    );
    // scoped to a part of the page, only that part's problems count
    expect((await axeProblems(bad, '#faint')).map((p) => p.id)).toEqual(['color-contrast']);
    // read twice, as after each scrolly step: a lasting violation is still reported
    expect((await axeConfirmed(bad, 'main')).flatMap((p) => p.targets.map((t) => `${p.id} ${t}`))).toEqual(expect.arrayContaining(found));
    await bad.close();
    const good = await load('a11y-good.html');
    const none = await axeProblems(good);
    expect(none, describeAxe('a11y-good.html', none)).toEqual([]);
    await good.close();
  });

  it('focus: a link whose focus ring is removed has no visible indicator; the default ring counts', async () => {
    for (const [name, indicator] of [
      ['focus-bad.html', false],
      ['a11y-good.html', true],
    ] as const) {
      const page = await load(name);
      for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.id === 'link')); i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('link');
      expect(await focusView(page), name).toMatchObject({ onScreen: true, indicator });
      await page.close();
    }
  });
});

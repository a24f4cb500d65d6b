/**
 * The scrolly engine in a real browser (Debian's Chromium through playwright-core), on the demo story
 * of the test build: scrolling, reloads, #step links, resizes, keyboard, reduced motion, no JavaScript,
 * the "read as article" switch, the phone layout and the debug view. Every test also requires no page
 * errors, no console errors, no CSP violations and no request leaving the origin or the base path: this is
 * where those gates read the demo (security.test.ts scrolls the real stories).
 */
import { runningMotion } from './gates/resilience.ts';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  DESKTOP,
  FULL_HD,
  frames,
  openPage,
  PHONE,
  PHONE_1X,
  settled,
  trackPending,
  type PageWatch,
  TEST_BASE,
  TEST_DIST,
} from '../../scripts/lib/browser.ts';
import { expectClean, expectNoLayoutShift, sharedBrowser } from './shared.ts';
import { leadEndId } from '../../src/lib/content/lead.ts';
import { cutProxy } from '../../scripts/lib/cuts.ts';

const STORY = 'demo/';
/** The story's step ids as built, read before the tests run so that per-step work can be split into tests. */
const BUILT = `${TEST_DIST}/${STORY}index.html`;
const BUILT_STEPS = existsSync(BUILT)
  ? [...readFileSync(BUILT, 'utf8').matchAll(/<div class="step" data-step id="([^"]+)"/g)].map((m) => m[1]!)
  : [];

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});
// Each test's pages are closed after it: a page left open keeps its live map (software WebGL) and
// timers running and slows every later test on a loaded machine.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

interface Opened {
  page: Page;
  watch: PageWatch;
}

/** Same-origin requests outside the base path count as leaving the site (as in security.test.ts). */
function watchBase(page: Page, watch: PageWatch): void {
  const origin = new URL(inject('siteUrl')).origin;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && !u.pathname.startsWith(TEST_BASE)) watch.foreignRequests.push(`off the base path: ${r.url()}`);
  });
}

async function open(options: BrowserContextOptions = DESKTOP, hash = '', query = ''): Promise<Opened> {
  const opened = await openPage(browser, inject('siteUrl'), options);
  contexts.push(opened.page.context());
  watchBase(opened.page, opened.watch);
  await trackPending(opened.page);
  await opened.page.goto(`${inject('siteUrl')}${STORY}${query}${hash}`);
  if (options.javaScriptEnabled !== false) await settled(opened.page);
  return opened;
}

/**
 * Presses a button the way a reader does. Playwright's own click first scrolls the element "into
 * view", which for a button in the sticky bar moves the page, so the reader's place would be lost.
 */
async function press(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (el) => (el as HTMLElement).click());
}

/**
 * Animations and transitions still running on the page, described for messages. The global
 * reduced-motion rule shortens every transition to 0.01 ms rather than removing it; those count as
 * instant, anything with a perceptible duration or delay does not.
 */
const running = (page: Page): Promise<string[]> => page.evaluate(runningMotion);

// frames(): two frames (scroll events, observers and the engine's frame have run). settled(): nothing the
// engine reacts to is pending (controllers loaded, resize debounced, jumps ended, transitions over), a
// condition read from the page (scripts/lib/browser.ts), not a fixed time.

/** Every step of the page in document order: id, section index, graphic, state, summary. */
async function allSteps(page: Page) {
  return page.$$eval('[data-scrolly]', (sections) =>
    sections.flatMap((s, section) =>
      [...s.querySelectorAll<HTMLElement>('[data-step]')].map((el) => ({
        id: el.id,
        section,
        graphic: el.dataset['graphic'] ?? '',
        state: el.dataset['state'] ?? '',
        summary: el.dataset['summary'] ?? '',
      })),
    ),
  );
}

interface SectionView {
  /** The step marked current. */
  step: string | null;
  /** Graphics of the layers that are visible. */
  visible: string[];
  /** The state the visible chart says it shows, and whether its marks equal the step's static figure. */
  shows: string | null;
  /** The state the current step asks for. */
  wants: string | null;
  drawn: boolean;
  /** The same for the layouts on screen only (a layout the container query hides switches when the page is idle). */
  drawnShown: boolean;
}

/**
 * What each section shows now, checked against the page itself: the visible layer's marks (every
 * keyed SVG element's geometry) must equal those of the current step's own static figure.
 */
function sectionsNow(): SectionView[] {
  return [...document.querySelectorAll('[data-scrolly]')].map((s) => {
    const step = s.querySelector<HTMLElement>('[data-step][aria-current="step"]');
    const layers = [...s.querySelectorAll<HTMLElement>('.scrolly__layer')];
    const visible = layers.filter((l) => getComputedStyle(l).visibility === 'visible' && Number(getComputedStyle(l).opacity) > 0.99);
    const layer = visible[0];
    const marks = (root: Element | null | undefined, layout?: string) =>
      [...(root?.querySelectorAll(`svg[data-layout${layout === undefined ? '' : `="${layout}"`}] > [data-key]`) ?? [])]
        .map((el) =>
          [
            el.getAttribute('data-key'),
            ...['d', 'x', 'y', 'cx', 'cy', 'r', 'width', 'height', 'x1', 'x2', 'y1', 'y2'].map((a) => el.getAttribute(a) ?? ''),
          ].join('|'),
        )
        .sort()
        .join('\n');
    const mine = marks(layer);
    const onScreen = [...(layer?.querySelectorAll<SVGSVGElement>('svg[data-layout]') ?? [])]
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .map((svg) => svg.dataset['layout'] ?? '');
    return {
      step: step?.id ?? null,
      visible: visible.map((l) => l.dataset['graphic'] ?? ''),
      shows: layer?.querySelector<HTMLElement>('[data-state]')?.dataset['state'] ?? null,
      wants: step?.dataset['state'] ?? null,
      drawn: !!step && mine !== '' && mine === marks(step.querySelector('.figure')),
      // the layouts the reader sees (those the container query shows); a hidden one may follow at idle
      drawnShown:
        !!step &&
        mine !== '' &&
        onScreen.length > 0 &&
        onScreen.every((name) => marks(layer, name) === marks(step.querySelector('.figure'), name)),
    };
  });
}
const sections = (page: Page): Promise<SectionView[]> => page.evaluate(sectionsNow);

/** Expects section views to show exactly the given steps (by id) and to draw their states. */
async function expectShowing(page: Page, want: string[]): Promise<void> {
  const steps = await allSteps(page);
  const views = await sections(page);
  expect(views.map((v) => v.step)).toEqual(want);
  views.forEach((v, i) => {
    const step = steps.find((s) => s.id === want[i]);
    expect(v.visible, `section ${i}: only the step's graphic is visible`).toEqual([step?.graphic]);
    expect(v.shows, `section ${i}: the chart reports the step's state`).toBe(step?.state);
    expect(v.drawn, `section ${i}: the sticky graphic draws the same marks as step ${want[i]}'s own figure`).toBe(true);
  });
}

/**
 * Waits until each section shows the wanted step (by id): it is marked current, its graphic's layer is
 * the only one fully visible, shows the step's state, and (unless `idle: false`) no CSS transition is running. A condition,
 * not a sleep: fast when the machine is idle, patient when it is loaded. `expectShowing` then checks
 * the same and more (the marks drawn) with messages.
 */
async function untilShowing(page: Page, want: string[], { idle = true } = {}): Promise<void> {
  await page.waitForFunction(
    ({ want, idle }) => {
      const list = [...document.querySelectorAll<HTMLElement>('[data-scrolly]')];
      if (list.length !== want.length) return false;
      return list.every((s, i) => {
        const step = s.querySelector<HTMLElement>('[data-step][aria-current="step"]');
        if ((step?.id ?? '') !== want[i]) return false;
        if (!step) return true;
        const visible = [...s.querySelectorAll<HTMLElement>('.scrolly__layer')].filter(
          (l) => getComputedStyle(l).visibility === 'visible' && Number(getComputedStyle(l).opacity) > 0.99,
        );
        const running = idle && s.getAnimations({ subtree: true }).some((a) => a.playState === 'running');
        return (
          !running &&
          visible.length === 1 &&
          visible[0]!.dataset['graphic'] === step.dataset['graphic'] &&
          visible[0]!.querySelector<HTMLElement>('[data-state]')?.dataset['state'] === step.dataset['state']
        );
      });
    },
    { want, idle },
    { timeout: 60_000 },
  );
  await frames(page);
}

/** For each section, the step that should be current when the given step is current. */
async function expectedWith(page: Page, id: string, before: 'first' | 'keep' = 'first'): Promise<string[]> {
  const steps = await allSteps(page);
  const at = steps.find((s) => s.id === id);
  if (!at) throw new Error(`no step ${id}`);
  const count = Math.max(...steps.map((s) => s.section)) + 1;
  return Array.from({ length: count }, (_, section) => {
    const own = steps.filter((s) => s.section === section);
    if (section < at.section) return own[own.length - 1]?.id ?? '';
    if (section > at.section) return before === 'first' ? (own[0]?.id ?? '') : '';
    return id;
  });
}

/**
 * Scrolls with the mouse wheel like a reader and returns what `read` found after every notch. `read` is
 * the source of a self-contained function run in the page (`inPage(f)`); it runs in the same round trip
 * as the two frames after the notch (one wheel and one evaluate per notch, not three or four round trips).
 * A notch of more than 100 px must stay under half the shortest step's height (checked here), so that
 * every step is still under the trigger line after at least one notch, whichever way the page is read.
 */
async function wheelThrough<T>(page: Page, deltaY: number, read: string): Promise<T[]> {
  if (Math.abs(deltaY) > 100) {
    const shortest = await page.$$eval('[data-step]', (els) => Math.min(...els.map((e) => e.getBoundingClientRect().height)));
    expect(Math.abs(deltaY), `a notch under half the shortest step (${shortest} px)`).toBeLessThan(shortest / 2);
  }
  await page.mouse.move(20, 300);
  // Where a notch ends is where the next one starts: one read of the position per notch.
  let before = await page.evaluate(() => window.scrollY);
  const out: T[] = [];
  // Two frames (bounded as frames() is: 1 s without frames), then the position and the reading.
  const afterNotch = `(async () => {
    await new Promise((resolve) => {
      const bound = setTimeout(resolve, 1000);
      requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(bound); resolve(); }));
    });
    return { y: window.scrollY, value: (${read})() };
  })()`;
  // The end of the page in the notches' direction (the wheel cannot move the page further).
  const atEnd = (down: boolean) =>
    down ? Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2 : window.scrollY <= 0;
  for (let guard = 0; guard < 2000; guard++) {
    await page.mouse.wheel(0, deltaY);
    let { y, value } = (await page.evaluate(afterNotch)) as { y: number; value: T };
    if (y === before && !(await page.evaluate(atEnd, deltaY > 0))) {
      // The notch has not moved the page yet (on a loaded machine its scroll can land after the two frames
      // or their 1 s bound): wait until it has, then read. Only the end of the page ends the read-through.
      await page
        .waitForFunction((b) => window.scrollY !== b, before, { timeout: 30_000 })
        .catch((e: unknown) => {
          throw new Error(`a wheel notch at scrollY ${before} never moved the page (not at its end)`, { cause: e });
        });
      ({ y, value } = (await page.evaluate(afterNotch)) as { y: number; value: T });
    }
    out.push(value);
    if (y === before) return out;
    before = y;
  }
  throw new Error('the page never stopped scrolling');
}

/** The source of a self-contained function, to run in the page (wheelThrough's reading). */
const inPage = (f: () => unknown): string => `(${f.toString()})`;

/**
 * The wheel notch of the desktop read-throughs: under half the shortest step (80svh of 800 px), so every
 * step is under the trigger line after some notch (wheelThrough checks it); 100 px notches read each step
 * about six times over for the same assertions.
 */
const NOTCH = 300;

/** Scrolls so that the step's top sits `px` above the trigger line, as a reader's scroll would. */
async function scrollStepToLine(page: Page, id: string, px = 40): Promise<void> {
  await page.evaluate(
    ({ id, px }) => {
      const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
      const top = document.getElementById(id)!.getBoundingClientRect().top;
      window.scrollBy(0, top - line + px);
    },
    { id, px },
  );
  await settled(page);
}

/**
 * A page handed from one test to the next (as map.test.ts does): the test that leaves it keeps its context
 * out of the after-each close; the next takes it (or opens its own when the first failed before handing it on).
 */
let handed: { to: string; opened: Opened } | undefined;
/** Hands the page on to the test named `to` (only that one takes it: one run with -t gets fresh pages). */
function handOn(opened: Opened, to: string): void {
  contexts.splice(contexts.indexOf(opened.page.context()), 1);
  handed = { to, opened };
}
function takeHanded(to: string): Opened | undefined {
  const h = handed;
  handed = undefined;
  if (!h) return undefined;
  contexts.push(h.opened.page.context());
  return h.to === to ? h.opened : undefined;
}

describe('scrolling', () => {
  it('activates every step in order, draws each state and announces each summary once', async () => {
    const opened = await open();
    const { page, watch } = opened;
    const steps = await allSteps(page);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __log: string[] }).__log = log;
      new MutationObserver(() => log.push(document.querySelector('[data-scrolly-live]')!.textContent ?? '')).observe(
        document.querySelector('[data-scrolly-live]')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    // The step current in the section under the trigger line, after every notch.
    const currents = await wheelThrough<string | null>(
      page,
      NOTCH,
      inPage(() => {
        const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
        const inside = [...document.querySelectorAll('[data-scrolly]')].find((s) => {
          const r = s.querySelector('.scrolly__steps')!.getBoundingClientRect();
          return r.top <= line && line < r.bottom;
        });
        return inside?.querySelector('[aria-current="step"]')?.id ?? null;
      }),
    );
    const seen: string[] = [];
    for (const current of currents) if (current && seen[seen.length - 1] !== current) seen.push(current);
    expect(seen).toEqual(steps.map((s) => s.id));
    expect(await page.evaluate(() => (window as unknown as { __log: string[] }).__log)).toEqual(steps.map((s) => s.summary));
    await settled(page);
    await expectShowing(page, await expectedWith(page, steps[steps.length - 1]!.id));
    expectClean(watch);
    // The page is at the bottom, where the next test starts (it presses End all the same): handed on, not reloaded.
    handOn(opened, 'up');
  });

  it('scrolling back up activates the steps in reverse order', async () => {
    const { page, watch } = takeHanded('up') ?? (await open());
    const steps = await allSteps(page);
    await page.keyboard.press('End');
    await settled(page);
    const seen: string[] = [];
    const read = await wheelThrough<string[]>(
      page,
      -NOTCH,
      inPage(() => [...document.querySelectorAll('[aria-current="step"]')].map((e) => e.id)),
    );
    for (const ids of read) for (const id of ids) if (!seen.includes(id)) seen.push(id);
    const bySection = (ids: string[]) => ids.map((id) => steps.find((s) => s.id === id)!);
    for (let section = 0; section <= Math.max(...steps.map((s) => s.section)); section++) {
      const order = bySection(seen)
        .filter((s) => s.section === section)
        .map((s) => s.id);
      expect(order).toEqual(
        steps
          .filter((s) => s.section === section)
          .map((s) => s.id)
          .reverse(),
      );
    }
    expectClean(watch);
  });

  it('Home and End land on the first and last states, passing the steps in between instantly and silently', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    await page.evaluate(() => {
      const log: { id: string; instant: boolean }[] = [];
      (window as unknown as { __log: typeof log }).__log = log;
      // Recorded in the same task as the change: an instant switch marks its section .is-instant.
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.getAttribute('aria-current') === 'step') log.push({ id: el.id, instant: !!el.closest('.scrolly.is-instant') });
        }
      }).observe(document.body, { attributes: true, attributeFilter: ['aria-current'], subtree: true });
      const said: string[] = [];
      (window as unknown as { __said: string[] }).__said = said;
      const live = document.querySelector('[data-scrolly-live]')!;
      new MutationObserver(() => said.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    });
    const wants = { End: await expectedWith(page, steps[steps.length - 1]!.id), Home: await expectedWith(page, steps[0]!.id) };
    for (const [key, step] of [
      ['End', steps[steps.length - 1]!],
      ['Home', steps[0]!],
    ] as const) {
      await page.evaluate(() => {
        (window as unknown as { __log: unknown[] }).__log.length = 0;
        (window as unknown as { __said: unknown[] }).__said.length = 0;
      });
      await page.keyboard.press(key);
      // Until the key's scroll has landed (however long that takes on a loaded machine), then quiet.
      await untilShowing(page, wants[key], { idle: false });
      await settled(page);
      const log = await page.evaluate(() => (window as unknown as { __log: { id: string; instant: boolean }[] }).__log);
      expect(log.length, `${key} changed steps`).toBeGreaterThan(0);
      expect(
        log.filter((l) => !l.instant),
        `${key}: every change on the way was instant`,
      ).toEqual([]);
      // The live map fading in over its SVG is not a step change: it comes in the reader's first pause
      // after scrolling near the map (src/map/enhance.ts), which End can be, at any moment.
      expect((await running(page)).filter((a) => !/ on DIV\.story-map__gl\b/.test(a))).toEqual([]);
      await expectShowing(page, wants[key]);
      // At most the step where the scroll ends is announced (End may stop inside the last step).
      const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
      expect(
        said.filter((x) => x !== step.summary),
        `${key}: steps flown past are not announced`,
      ).toEqual([]);
      expect(said.length).toBeLessThanOrEqual(1);
    }
    expectClean(watch);
  });
});

describe('reloads and links', () => {
  it('a reload mid-story restores the step the reader was at', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    const mid = steps[Math.floor(steps.length / 2)]!;
    await scrollStepToLine(page, mid.id);
    await expectShowing(page, await expectedWith(page, mid.id));
    await page.reload();
    await settled(page);
    await expectShowing(page, await expectedWith(page, mid.id));
    expectClean(watch);
  });

  // Every step, in groups of seven: a load per step is slow on a loaded machine, and each group gets
  // its own time limit. The groups together cover the built story's steps (checked in each).
  const GROUP = 7;
  if (BUILT_STEPS.length === 0) throw new Error(`${BUILT} has no steps (build with "npm run build:test")`);
  for (let from = 0; from < BUILT_STEPS.length; from += GROUP) {
    const group = BUILT_STEPS.slice(from, from + GROUP);
    it(`a #step link opens on that step, for every step (${from + 1}–${from + group.length} of ${BUILT_STEPS.length}: #${group[0]} …)`, async () => {
      const { page, watch } = await open();
      const steps = await allSteps(page);
      expect(steps.map((s) => s.id)).toEqual(BUILT_STEPS);
      // The sections each step implies, worked out once (the steps do not change between loads).
      const wants = await Promise.all(group.map((id) => expectedWith(page, id)));
      for (const [i, id] of group.entries()) {
        // A fresh load each time (a same-document #change is the next test): about:blank in between,
        // so the load is not a hash change of the open page. Then wait for the condition, not a time.
        await page.goto('about:blank');
        await page.goto(`${inject('siteUrl')}${STORY}#${id}`);
        await untilShowing(page, wants[i]!);
        await expectShowing(page, wants[i]!);
        const card = await page.$eval(`#${id} .step__card`, (el) => ({ top: el.getBoundingClientRect().top, vh: window.innerHeight }));
        expect(card.top, `#${id}: its text is on screen`).toBeGreaterThanOrEqual(0);
        expect(card.top).toBeLessThan(card.vh);
        // and it has the focus, as a link's focusable target does: keyboard and screen readers go on from there
        expect(await page.evaluate(() => document.activeElement?.id), `#${id}: focused`).toBe(id);
      }
      expectClean(watch);
    });
  }

  it('following a #step link within the page jumps there without replaying the steps in between', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    const last = steps[steps.length - 1]!;
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { __log: string[] }).__log = log;
      new MutationObserver((records) => {
        for (const r of records) if ((r.target as Element).getAttribute('aria-current') === 'step') log.push((r.target as Element).id);
      }).observe(document.body, { attributes: true, attributeFilter: ['aria-current'], subtree: true });
    });
    await page.evaluate((id) => (location.hash = id), last.id);
    await settled(page);
    await expectShowing(page, await expectedWith(page, last.id));
    const log = await page.evaluate(() => (window as unknown as { __log: string[] }).__log);
    const sectionsBefore = new Set(steps.filter((s) => s.section < last.section).map((s) => s.section)).size;
    // each earlier section goes straight to its last step, this one straight to the target
    expect(log.length).toBeLessThanOrEqual(sectionsBefore + 1);
    expect(log).toContain(last.id);
    expectClean(watch);
  });
});

describe('resizing', () => {
  it('1280×800 → 390×844 mid-scroll keeps the step and its state, and back', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    for (const step of [steps[1]!, steps[Math.floor(steps.length / 2)]!, steps[steps.length - 2]!]) {
      await page.setViewportSize(DESKTOP.viewport);
      await settled(page);
      await scrollStepToLine(page, step.id, 120);
      const want = await expectedWith(page, step.id);
      await expectShowing(page, want);
      await page.setViewportSize(PHONE_1X.viewport);
      await settled(page);
      await expectShowing(page, want);
      await page.setViewportSize(DESKTOP.viewport);
      await settled(page);
      await expectShowing(page, want);
    }
    expectClean(watch);
  });

  it('a height-only change keeps the step and its state', async () => {
    const opened = await open(PHONE_1X);
    const { page, watch } = opened;
    const steps = await allSteps(page);
    const step = steps[2]!;
    await scrollStepToLine(page, step.id);
    for (const height of [700, 844]) {
      await page.setViewportSize({ width: 390, height });
      await settled(page);
      await expectShowing(page, await expectedWith(page, step.id));
    }
    expectClean(watch);
    // Back at 390×844, the next test's phone: handed on, not reloaded (it scrolls to its own step).
    handOn(opened, 'resize-event');
  });

  it('a resize event that changes neither the width nor the small viewport height moves nothing', async () => {
    const { page, watch } = takeHanded('resize-event') ?? (await open(PHONE_1X));
    const steps = await allSteps(page);
    await scrollStepToLine(page, steps[1]!.id, 200);
    const y = await page.evaluate(() => window.scrollY);
    await page.evaluate(() => window.dispatchEvent(new Event('resize')));
    // settled() waits out the engine's check of that event (its timer), however late it runs.
    await settled(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
    // Positive control: the same wait and reading see the engine move the page for a real height change
    // (it puts the reader's step back at the trigger line, which moved).
    await page.setViewportSize({ width: 390, height: 700 });
    await settled(page);
    expect(await page.evaluate(() => window.scrollY), 'a real height change does move the page').not.toBe(y);
    expectClean(watch);
  });
});

describe('keyboard', () => {
  it('j and k move through the steps, with visible focus; arrows still scroll', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    for (const step of steps) {
      await page.keyboard.press('j');
      // The key moves focus and the current step in its own handler: wait for that, then check it.
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute('aria-current') === 'step', step.id, {
        timeout: 30_000,
      });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(step.id);
      expect(await page.$eval(`#${step.id} .step__card`, (el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      expect(await page.$eval(`#${step.id}`, (el) => el.getAttribute('aria-current'))).toBe('step');
    }
    await settled(page);
    await expectShowing(page, await expectedWith(page, steps[steps.length - 1]!.id));
    await page.keyboard.press('k');
    await settled(page);
    await expectShowing(page, await expectedWith(page, steps[steps.length - 2]!.id));
    const y = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    // The arrow scrolls the page (the engine leaves it alone): wait for the page to move, then for quiet.
    await page.waitForFunction((y) => window.scrollY > y, y, { timeout: 30_000 });
    await settled(page);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(y);
    expectClean(watch);
  });

  it('Tab reaches the skip link and the steps; the skip link lands on the first step', async () => {
    const { page, watch } = await open();
    const steps = await allSteps(page);
    const first = steps[0]!;
    await page.focus('.scrolly__skip');
    expect(await page.$eval('.scrolly__skip', (el) => el.getBoundingClientRect().height)).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(first.id);
    await expectShowing(page, await expectedWith(page, first.id));
    await page.keyboard.press('Shift+Tab');
    await page.focus(`#${first.id}`);
    // Tab from a step walks through the links in its text, then to the next step
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.id)) !== steps[1]!.id; i++)
      await page.keyboard.press('Tab');
    await settled(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(steps[1]!.id);
    await expectShowing(page, await expectedWith(page, steps[1]!.id));
    expectClean(watch);
  });
});

describe('reduced motion', () => {
  it('switches states instantly: no running animation right after any step change', async () => {
    const { page, watch } = await open({ ...DESKTOP, reducedMotion: 'reduce' });
    const steps = await allSteps(page);
    await settled(page);
    // After every notch: what still runs and what each section draws, read in the notch's round trip.
    const read = await wheelThrough<{ running: string[]; views: SectionView[] }>(
      page,
      NOTCH,
      `() => ({ running: (${runningMotion.toString()})(), views: (${sectionsNow.toString()})() })`,
    );
    // A graphic's controller is mounted in an idle moment ahead of its section (src/scrolly/engine.ts); on a
    // loaded machine a fast wheel can arrive first, and the graphic then shows the step's state once it has
    // mounted (a run of the whole suite saw one such step). Once a graphic has drawn a state, every later
    // state must be drawn in the same frame as its step change.
    const drewOnce = new Set<string>();
    let sameFrame = 0;
    for (const { running, views } of read) {
      expect(running).toEqual([]);
      for (const v of views) {
        if (!v.step || v.visible.length !== 1) continue;
        const graphic = v.visible[0]!;
        if (v.shows !== v.wants && !drewOnce.has(graphic)) continue;
        expect(v.drawnShown, `${v.step} drawn in the same frame (${graphic} shows ${v.shows}, the step wants ${v.wants})`).toBe(true);
        drewOnce.add(graphic);
        sameFrame++;
      }
    }
    expect(read.length).toBeGreaterThan(steps.length);
    // (the check above is not vacuous: nearly every step change is read drawn)
    expect(sameFrame).toBeGreaterThan(steps.length);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    expectClean(watch);
  });
});

describe('without JavaScript', () => {
  it('unrolls every scrolly into an article: each step shows its own static state', async () => {
    const { page, watch } = await open({ ...DESKTOP, javaScriptEnabled: false });
    const figures = await page.$$eval('[data-step]', (els) =>
      els.map((el) => {
        const fig = el.querySelector<HTMLElement>(':scope > .figure');
        const r = fig?.getBoundingClientRect();
        const chart = fig?.querySelector<HTMLElement>('[data-state]');
        return {
          state: (el as HTMLElement).dataset['state'],
          shows: chart?.dataset['state'],
          visible: !!r && r.height > 50 && getComputedStyle(fig!).display !== 'none',
          above: !!r && r.bottom <= el.querySelector('.step__card')!.getBoundingClientRect().top + 1,
        };
      }),
    );
    expect(figures.length).toBeGreaterThanOrEqual(4);
    for (const f of figures) expect(f).toEqual({ state: f.state, shows: f.state, visible: true, above: true });
    expect(await page.$$eval('.scrolly__sticky', (els) => els.every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    expect(await page.$eval('[data-read-mode]', (el) => getComputedStyle(el).display)).toBe('none');
    expectClean(watch);
  });
});

describe('print', () => {
  it('prints every scrolly as the article: each step with its own figure, no sticky slot, no story bar', async () => {
    const opened = await open();
    const { page, watch } = opened;
    await page.emulateMedia({ media: 'print' });
    expect(await page.$$eval('.scrolly__sticky, .story-bar', (els) => els.every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    expect(
      await page.$$eval('[data-step] > .figure', (els) =>
        els.every((e) => e.getBoundingClientRect().height > 50 && getComputedStyle(e).breakInside === 'avoid'),
      ),
    ).toBe(true);
    expectClean(watch);
    // Back on screen, still at the top: the next test's page, handed on rather than reloaded.
    await page.emulateMedia({ media: 'screen' });
    await settled(page);
    handOn(opened, 'read-mode');
  });
});

describe('read as article', () => {
  it('the switch unrolls the page, keeps the reader on the same step, and switches back', async () => {
    const { page, watch } = takeHanded('read-mode') ?? (await open());
    const steps = await allSteps(page);
    const step = steps[2]!;
    await scrollStepToLine(page, step.id);
    await press(page, '[data-read-mode]');
    await settled(page);
    expect(await page.getAttribute('[data-read-mode]', 'aria-pressed')).toBe('true');
    expect(await page.$$eval('.scrolly__sticky', (els) => els.every((e) => getComputedStyle(e).display === 'none'))).toBe(true);
    expect(await page.$$eval('[data-step] > .figure', (els) => els.every((e) => e.getBoundingClientRect().height > 50))).toBe(true);
    expect(await page.$eval(`#${step.id}`, (el) => Math.abs(el.getBoundingClientRect().top) < window.innerHeight / 2)).toBe(true);
    expect(await page.$$eval('[aria-current="step"]', (els) => els.length)).toBe(0);
    await press(page, '[data-read-mode]');
    await settled(page);
    expect(await page.getAttribute('[data-read-mode]', 'aria-pressed')).toBe('false');
    await expectShowing(page, await expectedWith(page, step.id));
    expectClean(watch);
  });
});

describe('a graphic that cannot start', () => {
  it('turns the page into the static article for good, with the reason in the console and nothing left running', async () => {
    const opened = await openPage(browser, inject('siteUrl'), DESKTOP);
    contexts.push(opened.page.context());
    const { page, watch } = opened;
    watchBase(page, watch);
    await trackPending(page);
    await page.route('**/_astro/enhance.*.js', (route) => route.abort());
    await page.goto(`${inject('siteUrl')}${STORY}`);
    const steps = await allSteps(page);
    await scrollStepToLine(page, steps[1]!.id);
    expect(await page.$eval('[data-story]', (el) => (el as HTMLElement).dataset['mode'])).toBe('article');
    expect(await page.$eval('[data-read-mode]', (el) => [el.getAttribute('aria-pressed'), (el as HTMLButtonElement).disabled])).toEqual([
      'true',
      true,
    ]);
    expect(await page.$$eval('[data-step] > .figure', (els) => els.every((e) => e.getBoundingClientRect().height > 50))).toBe(true);
    // the engine is gone: scrolling and keys no longer mark steps
    await page.mouse.wheel(0, 1500);
    await page.keyboard.press('j');
    await settled(page);
    expect(await page.$$eval('[aria-current="step"]', (els) => els.length)).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors.length).toBeGreaterThan(0);
    expect(
      watch.consoleErrors.every((e) => e.startsWith('scrolly: a graphic could not start') || /Failed to load|ERR_FAILED/.test(e)),
    ).toBe(true);
    expect(watch.foreignRequests).toEqual([]);
  });
});

describe('layout', () => {
  it('opens without layout shift, on a phone and on a desktop', async () => {
    // The phone at its real pixel ratio (PHONE): layout shift is measured in device pixels' snapping too
    // (at scale 1 the same page reports a sub-pixel shift of 0.00004 that scale 3 does not).
    for (const options of [PHONE, DESKTOP]) {
      const { page, watch } = await open(options);
      // Every shift since the page opened (open() waited until it settled), then a shift caused on purpose,
      // which the same observer must see (the reading is not vacuous).
      await expectNoLayoutShift(page);
      expectClean(watch);
      await page.context().close();
    }
  });

  it('painted half loaded (its HTML in two parts, a pause between), still without layout shift', async () => {
    // A slow network or a busy phone: the browser shows what it has parsed while the rest of the HTML is on
    // its way. Cut inside the bars at the top, a half-parsed page moved when the rest came: the site header's
    // right-aligned links shifted left as the last one arrived (seen in a test run: 0.0013), the story bar's
    // details drew the browser's own summary until the real one came (src/styles/global.css). Cut in the first
    // chapter's opening paragraph, after its first number (seen in a CI run: 0.0187, phone), the number was
    // drawn at the end of the first line; the `，` that follows it may not begin a line, so when it came the
    // number went down to the second. The first paint waits for the story header and the first chapter's lead,
    // whole (`<link rel="expect" blocking="render">`, src/layouts/Base.astro, src/lib/content/lead.ts): cut in
    // them, the browser must not paint before the rest is sent. The positive control is a cut after the lead:
    // there it does paint the half page before the rest is sent (so the cuts above it are real tests).
    const site = new URL(inject('siteUrl'));
    const CUTS = [
      { name: "in the site header, before its last link's text", at: '>来源与方法<', paintsEarly: false },
      { name: 'in the story bar, before its summary', at: '<details class="toc"', paintsEarly: false },
      { name: 'in the story header, before its dek', at: '<p class="story__dek"', paintsEarly: false },
      { name: "in the first chapter's lead, after its first number", at: '</a><span class="v__tip"', paintsEarly: false },
      { name: "after the first chapter's lead", at: `<span id="${leadEndId('figures')}" hidden`, paintsEarly: true },
      // On a story whose first scrolly section is in view at 1920×1080 with a graphic tall enough to reach into
      // the first screen: before the engine, as a wide screen lays it out (src/scrolly/scrolly.css), its first
      // step's graphic is centred there; cut after its title (without the rule that hides it until whole: 0.0007).
      {
        name: "goals-2025, in the first step's graphic, after its title",
        story: 'goals-2025/',
        at: '</p>',
        after: '<figure class="figure figure--step"',
        paintsEarly: true,
      },
    ];
    // A cut where the browser must not paint holds the rest for PAUSE_MS; one where it must, until it has
    // painted (seen through a paint observer in the page), at most CEILING_MS: a busy machine (a CI run took
    // over 1.3 s to paint goals-2025's half page) makes it slow, not wrong.
    const PAUSE_MS = 800;
    const CEILING_MS = 10_000;
    /** Where the HTML of a request was cut, when its rest was sent and what sent it. */
    type Sent = { cutAt: number; restSent: number; by?: 'release' | 'pause' };
    /** By the cut's index (the query `?cut=`). */
    const sent = new Map<number, Sent>();
    /** For a cut that must paint early: resolved when its page has painted. */
    const painted = new Map<number, Promise<void>>();
    const proxy = await cutProxy(site.href, (u, html) => {
      const which = Number(u.searchParams.get('cut') ?? -1);
      const cut = CUTS[which];
      if (!cut) return null;
      const at = html.indexOf(cut.at, cut.after === undefined ? 0 : html.indexOf(cut.after));
      if (at < 0) return null;
      const record: Sent = { cutAt: html.indexOf('>', at) + 1, restSent: Infinity };
      sent.set(which, record);
      const onRest = (by: 'release' | 'pause') => Object.assign(record, { restSent: Date.now(), by });
      return cut.paintsEarly
        ? { at: record.cutAt, pauseMs: CEILING_MS, release: painted.get(which), onRest }
        : { at: record.cutAt, pauseMs: PAUSE_MS, onRest };
    });
    try {
      const url = `${proxy.origin}${site.pathname}`;
      for (const options of [PHONE, DESKTOP, FULL_HD]) {
        // The cuts side by side (the pauses are the time this takes, not the machine).
        await Promise.all(
          CUTS.map(async (cut, i) => {
            const what = `${cut.name} (${options.viewport.width}×${options.viewport.height})`;
            const { page, watch } = await openPage(browser, url, options);
            contexts.push(page.context());
            await trackPending(page);
            if (cut.paintsEarly) {
              const { promise, resolve } = Promise.withResolvers<void>();
              painted.set(i, promise);
              await page.exposeFunction('__paintedHalf', resolve);
              await page.addInitScript(() => {
                new PerformanceObserver((list) => {
                  if (list.getEntriesByName('first-paint').length) (window as unknown as { __paintedHalf: () => void }).__paintedHalf();
                }).observe({ type: 'paint', buffered: true });
              });
            }
            await page.goto(`${url}${cut.story ?? STORY}?cut=${i}`);
            await settled(page);
            const record = sent.get(i);
            expect(record?.cutAt ?? -1, `${what}: the page has ${cut.at}`).toBeGreaterThan(0);
            const paintedAt = await page.evaluate(
              () => performance.timeOrigin + (performance.getEntriesByName('first-paint')[0]?.startTime ?? Infinity),
            );
            if (cut.paintsEarly) {
              expect(record!.by, `${what}: painted the half page within ${CEILING_MS} ms`).toBe('release');
              expect(paintedAt, `${what}: painted the half page before the rest was sent`).toBeLessThan(record!.restSent);
            }
            // (half a pause of slack for the two clocks: a paint of the half page comes a whole pause early)
            else expect(paintedAt, `${what}: no paint before the rest was sent`).toBeGreaterThan(record!.restSent - PAUSE_MS / 2);
            await expectNoLayoutShift(page, what);
            expectClean(watch, what);
            await page.context().close();
          }),
        );
      }
    } finally {
      proxy.close();
    }
  });

  it('on a phone the step text never hides the graphic: a card is read below it and only passes over it', async () => {
    const { page, watch } = await open(PHONE_1X);
    const steps = await allSteps(page);
    const shortest = await page.$$eval('[data-step]', (els) => Math.min(...els.map((e) => e.getBoundingClientRect().height)));
    expect(120, `a move under half the shortest step (${shortest} px)`).toBeLessThan(shortest / 2);
    // Read down the page in 120 px moves, every one read after two frames (scroll events, the engine's
    // frame), all in the page: one round trip for the whole read-through instead of four per move. The
    // geometry is what is checked here; the wheel's path into the engine is the desktop read-throughs'.
    const read = await page.evaluate(async (dy) => {
      const twoFrames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const boxesNow = () => {
        const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
        return [...document.querySelectorAll('[data-scrolly]')].flatMap((s) => {
          const layer = s.querySelector('.scrolly__layer.is-active')?.getBoundingClientRect();
          const step = s.querySelector('[aria-current="step"]');
          const card = step?.querySelector('.step__card')?.getBoundingClientRect();
          if (!layer || !card || !step) return [];
          const top = step.getBoundingClientRect().top;
          const covered = Math.max(0, Math.min(layer.bottom, card.bottom) - Math.max(layer.top, card.top)) / layer.height;
          // Where the card was when its step became current (its step's top on the trigger line).
          const cardAtLine = card.top + (line - top);
          return [
            {
              y: window.scrollY,
              step: step.id,
              justActive: top <= line && top > line - 130,
              covered,
              layerTop: layer.top,
              cardTop: cardAtLine,
              layerBottom: layer.bottom,
            },
          ];
        });
      };
      const out: ReturnType<typeof boxesNow>[] = [];
      let before = window.scrollY;
      for (let guard = 0; guard < 2000; guard++) {
        window.scrollBy(0, dy);
        await twoFrames();
        out.push(boxesNow());
        if (window.scrollY === before) return out;
        before = window.scrollY;
      }
      throw new Error('the page never stopped scrolling');
    }, 120);
    let checked = 0;
    for (const b of read.flat()) {
      expect(b.covered, `at scrollY ${b.y}, #${b.step}: a card never covers the whole graphic`).toBeLessThan(0.75);
      if (b.justActive)
        expect(b.cardTop, `at scrollY ${b.y}, #${b.step}: a card becomes active below the graphic`).toBeGreaterThanOrEqual(
          b.layerBottom - 1,
        );
      checked++;
    }
    expect(checked).toBeGreaterThan(steps.length);
    expectClean(watch);
  });
});

describe('debug view', () => {
  it('?debug shows the trigger line, the active step and its declared state', async () => {
    const { page, watch } = await open(DESKTOP, '', '?debug');
    const steps = await allSteps(page);
    const step = steps[1]!;
    await scrollStepToLine(page, step.id);
    await page.waitForSelector('.scrolly-debug');
    const text = await page.$eval('.scrolly-debug', (el) => el.textContent ?? '');
    expect(text).toContain(`#${step.id}`);
    expect(text).toContain(`${step.graphic} / ${step.state}`);
    expect(text).toMatch(/content\/demo\/\d\d-[a-z-]+\.mdx/);
    const probe = await page.$eval('[data-scrolly-probe]', (el) => ({
      visibility: getComputedStyle(el).visibility,
      top: el.getBoundingClientRect().top,
    }));
    expect(probe.visibility).toBe('visible');
    expect(probe.top).toBeCloseTo(400, 0);
    expectClean(watch);
  });
});

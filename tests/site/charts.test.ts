/**
 * The chart kit on the built demo page, in Chromium: accessible structure, legibility and label
 * overlap with real fonts at phone and desktop widths, and the browser controller (enhance.ts)
 * morphing one state into another. The controller is bundled here with rolldown, the bundler and
 * minifier of the site build, and served from the page's own origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { rolldown } from 'rolldown';
import { brotliCompressSync, constants } from 'node:zlib';
import { openPage, DESKTOP, settled, trackPending } from '../../scripts/lib/browser.ts';
import { expectNoLayoutShift, sharedBrowser } from './shared.ts';

const ENHANCE_URL = '__charts-test__/enhance.js';
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  browser = await sharedBrowser();
  const build = await rolldown({ input: 'src/charts/enhance.ts', logLevel: 'silent' });
  bundle = (await build.generate({ format: 'es', minify: true })).output[0].code;
});
afterAll(async () => {
  await browser?.close();
});

const demo = () => `${inject('siteUrl')}demo/`;

/** Opens the demo page with the chart controller importable as `window.__charts.mount`. */
async function demoPage(options = {}): Promise<Page> {
  const { page } = await openPage(browser, inject('siteUrl'), { ...DESKTOP, ...options });
  await page.route(`**/${ENHANCE_URL}`, (r) => r.fulfill({ body: bundle, contentType: 'text/javascript' }));
  await page.goto(demo());
  // A string, so that the test runner does not rewrite import() for Node.
  await page.evaluate(`import('${inject('siteUrl')}${ENHANCE_URL}').then((m) => { window.__charts = m; })`);
  return page;
}

describe('charts on the demo page', () => {
  it('each chart is an image with a title and description, a source line and a table of its values', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'));
    await page.goto(demo());
    const charts = await page.$$eval('.chart', (els) =>
      els.map((el) => ({
        kind: [...el.classList].find((c) => c.startsWith('chart--') && !/step|sticky|inline/.test(c)),
        svgs: [...el.querySelectorAll('svg')].map((s) => ({
          role: s.getAttribute('role'),
          title: s.querySelector(':scope > title')?.textContent ?? '',
          desc: s.querySelector(':scope > desc')?.textContent ?? '',
          labelled: (s.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => document.getElementById(id)?.closest('svg') === s),
        })),
        source: el.querySelector('.chart__source')?.textContent ?? '',
        sticky: el.classList.contains('chart--sticky'),
        rows: el.querySelectorAll('details table tbody tr').length,
      })),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.svgs).toHaveLength(2);
      for (const s of c.svgs) {
        expect(s).toMatchObject({ role: 'img', labelled: true });
        expect(s.title.length).toBeGreaterThan(1);
        expect(s.desc).toMatch(/\d/);
      }
      expect(c.source).toMatch(/^数据来源：《.+》（约\d{4}年\d{1,2}月）/);
      // A scrolly's sticky layer has no table (it would open inside a clipped slot); every other rendering has one.
      if (c.sticky) expect(c.rows).toBe(0);
      else expect(c.rows).toBeGreaterThan(0);
    }
    // The static charts carry no inline styles (a strict CSP forbids them); scripts may set some later.
    expect(await page.locator('.chart[style], .chart [style]').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it.each([320, 390, 560, 1280])('at %i px wide, chart text is at least 11 px and no two labels overlap', async (width) => {
    const { page } = await openPage(browser, inject('siteUrl'), { viewport: { width, height: 800 } });
    await page.goto(demo());
    const report = await page.$$eval('svg.chart__svg', (els) =>
      (els as SVGSVGElement[])
        // Rendered ones only: a hidden layout, or a step's figure hidden by the scrolly layout, has no box.
        .filter((svg) => svg.getBoundingClientRect().width > 0)
        .map((svg) => {
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const texts = [...svg.querySelectorAll('text')];
          const small = texts.filter((t) => Number(t.getAttribute('font-size')) * scale < 11).map((t) => t.textContent);
          const boxes = texts.map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
          const overlaps: string[] = [];
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => {
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (w > 1 && h > 1) overlaps.push(`${a.text} × ${b.text}`);
            }),
          );
          const outside = boxes
            .filter(({ r }) => r.left < svg.getBoundingClientRect().left - 1 || r.right > svg.getBoundingClientRect().right + 1)
            .map((b) => b.text);
          return { layout: svg.dataset['layout'], scale, small, overlaps, outside };
        }),
    );
    expect(report.length).toBeGreaterThan(0);
    expect(new Set(report.map((r) => r.layout))).toEqual(new Set([width < 560 ? 'compact' : 'regular']));
    for (const r of report)
      expect({ small: r.small, overlaps: r.overlaps, outside: r.outside }).toEqual({ small: [], overlaps: [], outside: [] });
    await page.context().close();
  });

  it('does not shift layout while loading', async () => {
    const { page } = await openPage(browser, inject('siteUrl'));
    await trackPending(page);
    await page.goto(demo());
    // Loading is over (nothing pending: requests, fonts' timers, controllers); then every shift since the
    // first paint, with a deliberate shift as the positive control.
    await settled(page);
    await expectNoLayoutShift(page);
    await page.context().close();
  });
});

/** Every mark of every SVG of a chart as key → attributes, for comparing two renderings. */
const marksOf = (page: Page, selector: string) =>
  page.$eval(selector, (chart) =>
    [...chart.querySelectorAll('svg[data-layout]')].map((svg) =>
      [...svg.querySelectorAll('[data-key]')].map((m) => [
        m.getAttribute('data-key'),
        ...[...m.attributes]
          .filter((a) => a.name !== 'data-key')
          .map((a) => `${a.name}=${a.value}`)
          .sort(),
        m.textContent,
      ]),
    ),
  );

describe('enhance.ts mount()', () => {
  // 13.25 KiB until an animated state change waited for the next frame (13.27 KiB with it, 13,590 B).
  it(`ships at most 13.5 KiB brotli (d3-selection + d3-transition and their dependencies are 12.3 KB of it)`, () => {
    const size = brotliCompressSync(Buffer.from(bundle), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.info(`charts browser JS: ${bundle.length} B minified, ${size} B brotli`);
    expect(size).toBeLessThanOrEqual(13.5 * 1024);
  });

  it('setState() without animation gives the layer exactly the marks, description and table of the target state, for every kind', async () => {
    const page = await demoPage();
    // Every chart shown by two or more steps (map steps have their own tests): move the first step's rendering to each later state.
    const pairs = await page.$$eval('.step:has(.chart)', (steps) => {
      const first = new Map<string, string>();
      const out: { graphic: string; from: string; to: string }[] = [];
      for (const s of steps as HTMLElement[]) {
        const g = s.dataset['graphic'] as string;
        if (!first.has(g)) first.set(g, s.id);
        else out.push({ graphic: g, from: first.get(g) as string, to: s.id });
      }
      return out;
    });
    expect(new Set(pairs.map((p) => p.graphic)).size).toBeGreaterThanOrEqual(5);
    for (const { graphic, from, to } of pairs) {
      const layer = `#${from} .chart`;
      const target = `#${to} .chart`;
      expect(await marksOf(page, layer), graphic).not.toEqual(await marksOf(page, target));
      await page.evaluate(
        ([l, t]) => {
          const { mount } = (
            window as unknown as {
              __charts: { mount: (el: Element, o: object) => { setState: (s: string, src: Element | null, o: object) => void } };
            }
          ).__charts;
          const to = document.querySelector(t as string) as HTMLElement;
          mount(document.querySelector(l as string) as Element, { reducedMotion: false }).setState(
            to.dataset['state'] as string,
            to.closest('.step'),
            { animate: false },
          );
        },
        [layer, target],
      );
      expect(await marksOf(page, layer), graphic).toEqual(await marksOf(page, target));
      const texts = (sel: string) =>
        page.$eval(sel, (c) => [
          c.dataset['state'],
          c.querySelector('desc')?.textContent,
          c.querySelector('table')?.textContent,
          c.querySelector('.chart__source')?.textContent,
        ]);
      expect(await texts(layer), graphic).toEqual(await texts(target));
    }
    await page.context().close();
  });

  it('animates between states with d3-transition, and switches at once with reduced motion', async () => {
    for (const [reducedMotion, animatedMidway] of [
      [false, true],
      [true, false],
    ] as const) {
      const page = await demoPage();
      const midway = await page.evaluate(async (reduced) => {
        const { mount } = (
          window as unknown as {
            __charts: { mount: (el: Element, o: object) => { setState: (s: string, src: Element | null, o: object) => void } };
          }
        ).__charts;
        const layer = document.querySelector('.chart[data-graphic="growth"][data-state="trough"]') as Element;
        const point = () => layer.querySelector('svg[data-layout="regular"] [data-key="point-actual-2020"]') as SVGCircleElement;
        // The highlighted 2020 point shrinks back to the normal size (a highlight changes size, not colour).
        const before = point().getAttribute('r');
        const after = document.querySelector('#charts-latest svg[data-layout="regular"] [data-key="point-actual-2020"]')?.getAttribute('r');
        mount(layer, { reducedMotion: reduced }).setState('latest', document.querySelector('#charts-latest'), { animate: true });
        // An animated change starts in the frame after the step change's (enhance.ts): from that frame on,
        // its tweens are pending until they end.
        await new Promise((f) => requestAnimationFrame(f));
        // Every frame until the point's transition is over: was an in-between radius ever drawn? (However
        // slow the machine, a 650 ms transition is sampled by its own frames, not at a fixed time.)
        const pending = () =>
          [...layer.querySelectorAll('*')].some(
            (el) => Object.keys((el as unknown as { __transition?: object }).__transition ?? {}).length > 0,
          );
        let between = false;
        for (let i = 0; i < 600; i++) {
          const r = point().getAttribute('r');
          if (r !== before && r !== after) between = true;
          if (!pending()) break;
          await new Promise((f) => requestAnimationFrame(f));
        }
        return { changes: before !== after, between, done: !pending(), landed: point().getAttribute('r') === after };
      }, reducedMotion);
      expect(midway).toEqual({ changes: true, between: animatedMidway, done: true, landed: true });
      expect(await marksOf(page, '.chart[data-graphic="growth"][data-state="latest"]')).toEqual(
        await marksOf(page, '#charts-latest .chart'),
      );
      await page.context().close();
    }
  });
});

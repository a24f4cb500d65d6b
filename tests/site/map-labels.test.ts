/**
 * Every project circle on every story map is identifiable by a reader at 390×844 (issue 12): measured
 * in Chromium on the built pages, for each map state a step shows (where the step becomes current) and
 * each map figure outside a scrolly:
 *
 * - every circle whose centre is in the visible map has a name or a number beside it (same
 *   `data-marker`), visible (not hidden under the explore button or the badge: the label's own
 *   glyphs are what the reader's finger would hit at its centre), at least 11 CSS px;
 * - no circle label's box overlaps another text of the map or any circle, nor leaves the map;
 * - a numbered state shows a key beside the map that lists exactly the numbers drawn.
 *
 * Maps stay the static SVG (no WebGL2, as on devices that never load MapLibre); reduced motion, so
 * every wait is for a condition. The same in-page measurement first runs on bad fixtures
 * (tests/fixtures/map-labels/) to prove it finds each problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, openStaticStory, PHONE_1X, showStep, TEST_DIST } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';

const STORIES = readdirSync(TEST_DIST, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${TEST_DIST}/${d.name}/index.html`))
  .map((d) => d.name)
  .filter((name) => /<[^>]+\sdata-story[\s>]/.test(readFileSync(`${TEST_DIST}/${name}/index.html`, 'utf8')))
  .filter((name) => readFileSync(`${TEST_DIST}/${name}/index.html`, 'utf8').includes('data-key="markers"'))
  .sort();

/** The phone at device scale 1 (PHONE_1X): label boxes are CSS layout, the same at any pixel ratio. */
const PHONE = PHONE_1X;
const WAIT = 15_000;
const FIXTURES = 'tests/fixtures/map-labels';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface MapReading {
  where: string;
  circles: number;
  labels: number;
  problems: string[];
}

/** In the page: every visible map SVG inside `scope`, its circles and their labels checked. */
function readMaps({ scope, where, only }: { scope: string; where: string; only?: number }): MapReading[] {
  const out: MapReading[] = [];
  let index = -1;
  const overlap = (a: DOMRect, b: DOMRect, tol = 0.5) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
  for (const root of document.querySelectorAll(scope)) {
    for (const svg of root.querySelectorAll<SVGSVGElement>('svg.story-map__svg')) {
      index++;
      if (only !== undefined && index !== only) continue;
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || !svg.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const map = svg.closest<HTMLElement>('.story-map');
      const name = `${where} ${map?.dataset['graphic'] ?? ''}/${map?.dataset['state'] ?? ''}`;
      const scale = box.width / svg.viewBox.baseVal.width;
      const problems: string[] = [];
      // Every project circle (one without a data-marker cannot be matched to a label, and fails below).
      const circles = [...svg.querySelectorAll<SVGCircleElement>('[data-key="markers"] > circle')].map((c, i) => {
        const r = c.getBoundingClientRect();
        const stroke = Number(c.getAttribute('stroke-width') ?? 0) * scale;
        return {
          id: c.dataset['marker'] ?? `#${i + 1} (no data-marker)`,
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
          r: r.width / 2 + stroke / 2,
        };
      });
      const shown = circles.filter((c) => c.x >= box.left && c.x <= box.right && c.y >= box.top && c.y <= box.bottom);
      const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) =>
        t.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
      );
      const labels = texts.filter((t) => t.closest('[data-key="marker-labels"]'));
      const others = texts.filter((t) => !t.closest('[data-key="marker-labels"]'));
      for (const c of shown) {
        const t = labels.find((l) => l.dataset['marker'] === c.id);
        if (!t) {
          problems.push(`${name}: circle ${c.id} has no visible name or number`);
          continue;
        }
        const b = t.getBoundingClientRect();
        const text = t.textContent ?? '';
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < 11) problems.push(`${name}: "${text}" is ${px.toFixed(1)} px`);
        if (b.left < box.left - 0.5 || b.right > box.right + 0.5 || b.top < box.top - 0.5 || b.bottom > box.bottom + 0.5)
          problems.push(`${name}: "${text}" leaves the map`);
        const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
        if (hit !== t && !(hit && t.contains(hit)))
          problems.push(
            `${name}: "${text}" is covered by ${hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing (off screen?)'}`,
          );
        for (const o of [...others, ...labels.filter((l) => l !== t)]) {
          if (overlap(b, o.getBoundingClientRect())) problems.push(`${name}: "${text}" overlaps "${o.textContent}"`);
        }
        for (const d of circles) {
          const nx = Math.max(b.left, Math.min(d.x, b.right));
          const ny = Math.max(b.top, Math.min(d.y, b.bottom));
          if (Math.hypot(d.x - nx, d.y - ny) < d.r - 0.5) problems.push(`${name}: "${text}" lies on the circle ${d.id}`);
        }
      }
      // Numbers need their key, beside the map, listing exactly the numbers drawn.
      const numbers = labels
        .filter((l) => /^\d+$/.test(l.textContent ?? ''))
        .map((l) => l.textContent)
        .sort();
      if (numbers.length > 0) {
        // The key of the state shown (the sticky layer stacks every state's legend and shows one).
        const legend = map?.querySelector<HTMLElement>('.story-map__legend.is-shown');
        const items = [...(legend?.querySelectorAll<HTMLElement>('.story-map__numbers li') ?? [])].filter(
          (li) => li.checkVisibility({ visibilityProperty: true }) && li.getBoundingClientRect().width > 0,
        );
        const keyed = items.map((li) => /^\d+/.exec(li.textContent ?? '')?.[0]).sort();
        if (JSON.stringify(keyed) !== JSON.stringify(numbers))
          problems.push(`${name}: the key lists [${keyed.join(' ')}] for the numbers [${numbers.join(' ')}]`);
        for (const li of items)
          if (parseFloat(getComputedStyle(li).fontSize) < 11) problems.push(`${name}: key "${li.textContent}" below 11 px`);
      }
      out.push({ where: name, circles: shown.length, labels: labels.length, problems });
    }
  }
  return out;
}

describe('the measurement finds unnamed, hidden, overlapping and unkeyed circles (positive controls)', () => {
  it('on bad fixtures, and passes the good one', async () => {
    const { page } = await openPage(browser, inject('siteUrl'), PHONE);
    try {
      await page.setContent(readFileSync(`${FIXTURES}/bad.html`, 'utf8'));
      const bad = (await page.evaluate(readMaps, { scope: 'body', where: 'fixture' })).flatMap((m) => m.problems);
      expect(bad).toEqual([
        'fixture g/s: circle unnamed has no visible name or number',
        'fixture g/s: "龙马基地" overlaps "科尔沁区"',
        'fixture g/s: "龙马基地" lies on the circle other',
        expect.stringMatching(/^fixture g\/s: "小字" is \d+\.\d px$/),
        'fixture g/s: "被遮住" is covered by button.story-map__explore',
        'fixture g/s: the key lists [1] for the numbers [1 2]',
      ]);
      await page.setContent(readFileSync(`${FIXTURES}/good.html`, 'utf8'));
      const good = await page.evaluate(readMaps, { scope: 'body', where: 'fixture' });
      expect(good.map((m) => [m.circles, m.labels])).toEqual([[2, 2]]);
      expect(good.flatMap((m) => m.problems)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

it('finds the story pages with maps of projects', () => {
  expect(STORIES.length).toBeGreaterThanOrEqual(5);
});

describe('at 390×844 every circle on every story map carries a visible name or number, clear of every other label and circle', () => {
  it.each(STORIES)('%s', async (story) => {
    const page = await openStaticStory(browser, inject('siteUrl'), story, PHONE, WAIT);
    try {
      const readings: MapReading[] = [];
      const steps = await page.$$eval('[data-step]', (els) =>
        els.filter((e) => document.querySelector(`.story-map[data-graphic="${(e as HTMLElement).dataset['graphic']}"]`)).map((e) => e.id),
      );
      for (const id of steps) {
        await showStep(page, id, WAIT);
        readings.push(
          ...(await page.evaluate(readMaps, { scope: `[data-scrolly]:has(#${id}) .scrolly__layer.is-active`, where: `#${id}` })),
        );
      }
      // Figures outside a scrolly: each brought to the middle of the screen (what is covered is measured there).
      const scope = '.figure:not([data-scrolly] .figure)';
      const figures = await page.$$eval(`${scope} svg.story-map__svg`, (els) => els.length);
      for (let i = 0; i < figures; i++) {
        await page.evaluate(
          ({ scope, i }) => document.querySelectorAll(`${scope} svg.story-map__svg`)[i]!.scrollIntoView({ block: 'center' }),
          { scope, i },
        );
        await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
        readings.push(...(await page.evaluate(readMaps, { scope, where: 'figure', only: i })));
      }
      const circles = readings.reduce((n, m) => n + m.circles, 0);
      expect(circles, 'circles measured').toBeGreaterThan(0);
      expect(readings.flatMap((m) => m.problems)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

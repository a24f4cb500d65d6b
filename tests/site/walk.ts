/**
 * The shared walk: each story page is read once per kind of reader (a phone and a desktop with the static
 * maps and reduced motion, a phone with the live MapLibre map and motion), scrolled down step by step as a reader scrolls, and everything
 * the per-step gates need is recorded along the way into a plain JSON recording (`Walk`). The gates
 * (a11y-steps, stories, security, legibility, resilience's WebGL-off pass) are then assertions over recordings (./walk-gates.ts), shown
 * failing on bad recordings (tests/unit/walk-gates.test.ts with tests/fixtures/walks/).
 *
 * One recording per page × kind per `vitest run`: the site project's global set-up (./setup.ts) makes an
 * empty folder for the run and hands it over (`inject('walkDir')`); the first test file that needs a walk
 * records it (a lock folder per walk, so the two workers share the work and never record one walk twice)
 * and every other file reads the file. Nothing survives the run.
 *
 * The walk, in order:
 * 1. open the page as the reader (WALK_KINDS), wait until the engine has marked a current step in every
 *    section and the fonts are ready;
 * 2. axe on the whole page in its initial state (phone, desktop), step-card heights at 390×844 (phone);
 * 3. scroll down in moves of at most 40% of the screen (smaller than any step), and also stop where each
 *    step's top is 2 px past the trigger line (where it becomes current). At every stop: wait until the step
 *    under the trigger line is current and its section shows its graphic in its state (or record where it
 *    did not), and record any animation still running; at a step's own stop: wait until it is drawn and no
 *    transition runs, then record axe on what changed (phone), the label boxes of its graphic (phone,
 *    desktop), the map's card/legend/note boxes and the enhancer's decision (map steps; the live kind first
 *    waits for the live map, the phone for the decision);
 * 4. at the bottom: the labels of the figures outside a scrolly (phone, desktop), the network gone idle, the
 *    layout shifts since the first scroll, the page's errors, console errors, CSP violations, requests off
 *    the origin or off the base path;
 * 5. (phone) step-card heights again at 375×667 (the same page, resized).
 *
 * The demo (the engine's own test page) is not read through here: its steps whose kind of graphic no real
 * story shows are visited directly (pages.ts: demoOnlySteps), with the same recordings at each.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  DESKTOP,
  frames,
  layoutShift,
  openPage,
  PHONE_1X,
  settled,
  TEST_BASE,
  trackPending,
  type PageWatch,
} from '../../scripts/lib/browser.ts';
import { runningMotion } from './gates/resilience.ts';
import { sharedBrowser } from './shared.ts';
import { axeConfirmed, type AxeProblem } from './gates.ts';
import type { Box, Card, RenderedGraphic } from './boxes.ts';
import { DEMO, demoOnlyInlineKinds, demoOnlySteps, realStories } from './pages.ts';

/**
 * The three readers: a phone with reduced motion on a browser without WebGL (the live map asked for with
 * `?map=live`, so only the missing WebGL keeps the static SVG: the resilience gate's reader too), a desktop
 * with reduced motion and the static maps (WebGL2 refused to the page), and a phone with the live MapLibre
 * map and motion allowed (the read-through with animations; scrolly.test.ts reads the demo with animations
 * at both sizes).
 */
export type WalkKind = 'phone' | 'desktop' | 'live';

export interface KindOptions {
  options: BrowserContextOptions;
  /** Read on the worker's browser launched without WebGL (shared.ts), not its WebGL one. */
  noWebGL: boolean;
  /** Refuse WebGL2 to the page (the map's probe fails, the static SVG stays). */
  refuseWebGL2: boolean;
  query: string;
  /** axe on the whole page in its initial state ('initial'), and on what each step changed ('steps' too). */
  axe: 'steps' | 'initial' | false;
  labels: boolean;
}

export const WALK_KINDS: Record<WalkKind, KindOptions> = {
  // The phone's layout at device scale 1 (PHONE_1X): the pixel ratio changes no layout or colour.
  phone: {
    options: { ...PHONE_1X, reducedMotion: 'reduce' },
    noWebGL: true,
    refuseWebGL2: false,
    query: '?map=live',
    axe: 'steps',
    labels: true,
  },
  // Reduced motion, as on the phone: the static map's camera tweens frame by frame (no animation or transition
  // to wait for), so its labels are measured in the state the step settles in.
  desktop: {
    options: { ...DESKTOP, reducedMotion: 'reduce' },
    noWebGL: false,
    refuseWebGL2: true,
    query: '',
    axe: 'initial',
    labels: true,
  },
  // The live map forced: this machine's software WebGL does not qualify for it.
  live: { options: PHONE_1X, noWebGL: false, refuseWebGL2: false, query: '?map=live', axe: false, labels: false },
};

/** The smaller phone the step cards are also measured at (the phone page, resized). */
export const SMALL_PHONE = { width: 375, height: 667 } as const;

/** A map step's parts as seen where the step becomes current. */
export interface MapBoxes {
  card: Box | null;
  legend: Box | null;
  /** The step's own figure has a legend (so one must be shown). */
  hasLegend: boolean;
  note: Box | null;
  badge: Box | null;
  viewport: number;
  /** Points of each part where something else is on top. */
  covered: { legend: string[]; note: string[]; badge: string[] };
  live: boolean;
  /** The enhancer's decision for the active map (`data-live`: off, wanted, shown, failed), once made. */
  decision: string | null;
  /** The static SVG map is shown (at least 100×100, visible). */
  svg: boolean;
  /**
   * The live reader only, when the live map did not come within the wait: how far its start-up got (the
   * page's `map:` performance marks, see src/map/map-controller.ts), for the failure message.
   */
  stalled?: string;
}

/** What was recorded at one step's own stop (its top just past the trigger line). */
export interface StepRecord {
  id: string;
  /** The step became current and its section drew its graphic in its state. */
  shown: boolean;
  /** What the section showed instead, when not. */
  showing: string;
  /** axe on what the step changed (phone): serious and critical violations. */
  axe?: AxeProblem[];
  /** The rendered graphics of the step's active layer with their labels (static kinds). */
  graphics?: RenderedGraphic[];
  /** The map's parts (map steps). */
  map?: MapBoxes;
}

/** A stop of the read-through where the page showed the wrong thing. */
export interface BadStop {
  scrollY: number;
  under: string | null;
  showing: string;
}

/** One page read once by one kind of reader: plain JSON. */
export interface Walk {
  path: string;
  kind: WalkKind;
  /** Every step of the page, in document order. */
  steps: string[];
  /** The steps visited (all, or the demo's own). */
  visited: string[];
  /** Read through (every stop checked) rather than visited step by step (the demo). */
  readThrough: boolean;
  /** The steps in the order they were found current under the trigger line. */
  seen: string[];
  badStops: BadStop[];
  records: StepRecord[];
  /** axe on the whole page in its initial state (phone). */
  initialAxe?: AxeProblem[];
  /** Step-card heights at each screen height (phone: 844, then 667). */
  cards?: { height: number; cards: Card[] }[];
  /** Figures outside a scrolly (all of them; on the demo, those of kinds no real story shows). */
  figures?: RenderedGraphic[];
  /** Inline figure kinds the demo pass had to find. */
  figureKinds?: string[];
  watch: PageWatch;
  /** Requests on the origin but outside the base path. */
  offBase: string[];
  /** Map layers on the page, and whether a map went live. */
  maps: number;
  live: boolean;
  /** MapLibre's files requested (its code, the map controller chunk that bundles it, and its worker). */
  maplibre: string[];
  /** Of those, the ones requested before the walk's first scroll (the page opened, fonts loaded, axe run). */
  maplibreBeforeScroll?: string[];
  /** MapLibre instances on the page at the end of the read-through (`.maplibregl-map`). */
  instances?: number;
  /** Animations and d3 transitions running right after a stop (`scrollY 1234: animation … on …`). */
  motion: string[];
  /**
   * Layout shifts from the first scroll to the bottom (before the phone's resize), as `layoutShift()` names
   * them ("15362 ms: 0.0031 (p.chart__source 16,469 358×42 → 16,496 358×42; …)"): something a reader is
   * looking at moved by itself.
   */
  shifts?: string[];
  /** Reached the bottom of the page. */
  bottom: boolean;
  /** Why the walk stopped early, if it did. */
  failure?: string;
}

export interface WalkSpec {
  path: string;
  kind: WalkKind;
}

/** The walks of the build: every real story by each kind; the demo's own steps by the phone and the desktop. */
export function allWalks(): WalkSpec[] {
  const out: WalkSpec[] = [];
  for (const kind of ['phone', 'desktop', 'live'] as const) {
    for (const path of realStories()) out.push({ path, kind });
    if (kind !== 'live') out.push({ path: DEMO, kind });
  }
  return out;
}

/** MapLibre's files: the chunk that bundles it with the map controller, and its worker. */
export const MAPLIBRE = /map-controller|maplibre/;

/** Generous: the machine is small and shared; every wait is for a condition. */
const WAIT = 30_000;

// ---- In the page ----

/** In the page: the rendered chart and map SVGs inside `scope` (a selector), with their labels. */
export function graphicsIn({ scope, where }: { scope: string; where: string }): RenderedGraphic[] {
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
export function cardsNow(): Card[] {
  return [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => ({
    step: s.id,
    height: s.querySelector('.step__card')?.getBoundingClientRect().height ?? 0,
  }));
}

/** In the page: what is under the trigger line and whether the page shows it right. */
function whereNow(okOnly: boolean): { under: string | null; ok: boolean; showing: string } | boolean {
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
  return { under: step.id, ok, showing: `current #${current?.id ?? '-'}, layer ${graphic ?? '-'}/${state ?? '-'}` };
}

/**
 * In the page: the step is current, its section's visible layer is its graphic in its state and drawn (an
 * SVG with a box, or the live map's canvas), and, with `quiet`, no transition or finite animation runs.
 */
function stepDrawn({ id, quiet }: { id: string; quiet: boolean }): boolean {
  const step = document.getElementById(id)!;
  const layer = step.closest('[data-scrolly]')!.querySelector<HTMLElement>('.scrolly__layer.is-active');
  if (!layer) return false;
  const drawn = [...layer.querySelectorAll('svg.chart__svg, svg.story-map__svg, .story-map.is-live canvas')].some(
    (el) => el.getBoundingClientRect().width > 0 && el.checkVisibility({ visibilityProperty: true }),
  );
  const shown =
    drawn &&
    step.getAttribute('aria-current') === 'step' &&
    layer.dataset['graphic'] === step.dataset['graphic'] &&
    layer.querySelector<HTMLElement>('[data-state]')?.dataset['state'] === step.dataset['state'] &&
    getComputedStyle(layer).visibility === 'visible';
  if (!shown || !quiet) return shown;
  const running = document.getAnimations().some((a) => {
    const t = a.effect?.getComputedTiming();
    return a.playState === 'running' && Number.isFinite(Number(t?.endTime)) && Number(t?.duration ?? 0) + Number(t?.delay ?? 0) > 1;
  });
  const d3 = [...document.querySelectorAll('svg *')].some((el) => {
    const s = (el as unknown as { __transition?: Record<string, unknown> }).__transition;
    return !!s && Object.keys(s).length > 0;
  });
  return !running && !d3;
}

/** In the page: a map step's card, legend, note and badge, and what covers them. */
function mapBoxesNow(id: string): MapBoxes {
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
    live: layer.querySelector('.story-map')?.classList.contains('is-live') ?? false,
    decision: layer.querySelector<HTMLElement>('.story-map')?.dataset['live'] ?? null,
    svg: [...layer.querySelectorAll('svg.story-map__svg')].some((s) => {
      const b = s.getBoundingClientRect();
      return b.width > 100 && b.height > 100 && s.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    }),
  };
}

/**
 * (In the page.) How far the live map's start-up got: its `map:` marks in order, a repeated one counted once
 * with its last time, why the live loop's last pass did not show the map, then the time now and the page's
 * visibility; e.g. "map:import 6.1 s, map:glyph-slice ×14 (last 19.8 s); now 70.2 s, visible".
 */
export function liveStartUp(): string {
  const marks: { name: string; n: number; last: number }[] = [];
  for (const m of performance.getEntriesByType('mark')) {
    if (!m.name.startsWith('map:')) continue;
    const prev = marks.find((x) => x.name === m.name);
    if (prev) {
      prev.n++;
      prev.last = m.startTime;
    } else marks.push({ name: m.name, n: 1, last: m.startTime });
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const list = marks.map((m) => (m.n > 1 ? `${m.name} ×${m.n} (last ${s(m.last)})` : `${m.name} ${s(m.last)}`));
  // Why the live loop's last pass did not show the map (src/map/enhance.ts, sync()).
  const not = performance.getEntriesByName('map:not-shown').at(-1) as PerformanceMark | undefined;
  if (not) list.push(`last not shown: ${String(not.detail)}`);
  return `${list.length ? list.join(', ') : 'no map: marks'}; now ${s(performance.now())}, ${document.visibilityState}`;
}

// ---- Recording ----

/** Opens the page as the kind of reader reads it, ready (engine started, fonts loaded). */
export async function openFor(
  browser: Browser,
  siteUrl: string,
  spec: WalkSpec,
): Promise<{ page: Page; watch: PageWatch; offBase: string[]; maplibre: string[] }> {
  const kind = WALK_KINDS[spec.kind];
  const { page, watch } = await openPage(browser, siteUrl, kind.options);
  const offBase: string[] = [];
  const origin = new URL(siteUrl).origin;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin && !u.pathname.startsWith(TEST_BASE)) offBase.push(r.url());
  });
  const maplibre: string[] = [];
  page.on('request', (r) => {
    if (MAPLIBRE.test(r.url())) maplibre.push(r.url());
  });
  // settled() at the map stops of the reduced-motion phone: the enhancer's work has finished.
  if (spec.kind === 'phone') await trackPending(page);
  if (kind.refuseWebGL2) {
    // As on a device without WebGL2: the map's probe fails and the static SVG stays (its labels can be measured).
    await page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, k: string, ...rest: unknown[]) {
        return k === 'webgl2' ? null : (get as (...a: unknown[]) => unknown).call(this, k, ...rest);
      } as typeof get;
    });
  }
  if (kind.axe === 'steps') {
    // From the load on, every element the page mutates (what a step changed is what axe re-reads).
    await page.addInitScript(() => {
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
  }
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.story-map.is-live')) (window as unknown as { __mapLive?: boolean }).__mapLive = true;
    }).observe(document, { attributes: true, attributeFilter: ['class'], subtree: true });
  });
  const res = await page.goto(`${siteUrl}${spec.path}${kind.query}`, { waitUntil: 'load' });
  if (res?.status() !== 200) throw new Error(`HTTP ${res?.status()}`);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-scrolly]')].every((s) => s.querySelector('[data-step][aria-current="step"]')),
    undefined,
    { timeout: WAIT },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await frames(page);
  return { page, watch, offBase, maplibre };
}

/** axe on what changed since the last reading: the step, its sticky slot, every element mutated (outermost only). */
export async function axeChanged(page: Page, id: string): Promise<AxeProblem[]> {
  await page.evaluate((id) => {
    for (const el of document.querySelectorAll('[data-axe-scope]')) el.removeAttribute('data-axe-scope');
    const w = window as unknown as { __axeChanged: Set<Element> };
    const step = document.getElementById(id)!;
    const all = [...w.__axeChanged, step, step.closest('[data-scrolly]')!.querySelector('.scrolly__sticky')!].filter(
      (el) => el.isConnected,
    );
    const outer = all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
    for (const el of outer) el.setAttribute('data-axe-scope', '');
    w.__axeChanged.clear();
  }, id);
  return axeConfirmed(page, '[data-axe-scope]');
}

/** Puts a step's top 2 px past the trigger line and waits until it is shown, drawn and still (the static kinds' wait). */
export async function goToStep(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => {
    const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
    window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 2);
  }, id);
  await page.waitForFunction(stepDrawn, { id, quiet: true }, { timeout: WAIT });
  await frames(page);
}

/** What a step's own stop records, once the step is drawn (and, for the static kinds, still). */
async function recordStep(page: Page, spec: WalkSpec, id: string, mapSteps: Set<string>): Promise<StepRecord> {
  const kind = WALK_KINDS[spec.kind];
  try {
    await page.waitForFunction(stepDrawn, { id, quiet: spec.kind !== 'live' }, { timeout: WAIT });
  } catch {
    const w = (await page.evaluate(whereNow, false)) as { showing: string };
    return { id, shown: false, showing: w.showing };
  }
  await frames(page);
  const rec: StepRecord = { id, shown: true, showing: '' };
  if (mapSteps.has(id)) {
    let stalled: string | undefined;
    if (spec.kind === 'live') {
      // Each map section brings in its live map once the reader pauses there.
      const came = await page
        .waitForFunction(
          (id) => document.getElementById(id)!.closest('[data-scrolly]')!.querySelector('.scrolly__layer.is-active .story-map.is-live'),
          id,
          { timeout: 60_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!came) stalled = await page.evaluate(liveStartUp);
      await frames(page);
    } else if (spec.kind === 'phone') {
      // The live map is asked for: wait until the enhancer has decided, and its work is over.
      await page
        .waitForFunction(
          (id) =>
            document.getElementById(id)!.closest('[data-scrolly]')!.querySelector<HTMLElement>('.scrolly__layer.is-active .story-map')
              ?.dataset['live'] !== undefined,
          id,
          { timeout: 60_000 },
        )
        .catch(() => undefined);
      await settled(page);
    }
    rec.map = await page.evaluate(mapBoxesNow, id);
    if (stalled) rec.map.stalled = stalled;
  }
  if (kind.axe === 'steps') rec.axe = await axeChanged(page, id);
  if (kind.labels)
    rec.graphics = await page.evaluate(graphicsIn, { scope: `[data-scrolly]:has(#${id}) .scrolly__layer.is-active`, where: `#${id}` });
  return rec;
}

/**
 * Reads `spec.path` once as `spec.kind`'s reader and returns the recording. Never throws for what the page
 * does: a step that is not shown, a timeout, a crash are recorded (`failure`, `badStops`, `shown: false`) for
 * the gates to report, naming the page and the step.
 */
export async function recordWalk(browser: Browser, siteUrl: string, spec: WalkSpec): Promise<Walk> {
  const kind = WALK_KINDS[spec.kind];
  const demo = spec.path === DEMO;
  const walk: Walk = {
    path: spec.path,
    kind: spec.kind,
    steps: [],
    visited: [],
    readThrough: !demo,
    seen: [],
    badStops: [],
    records: [],
    watch: { errors: [], consoleErrors: [], foreignRequests: [], cspViolations: [] },
    offBase: [],
    maps: 0,
    live: false,
    maplibre: [],
    motion: [],
    bottom: false,
  };
  let page: Page | undefined;
  try {
    const opened = await openFor(browser, siteUrl, spec);
    page = opened.page;
    walk.watch = opened.watch;
    walk.offBase = opened.offBase;
    walk.maplibre = opened.maplibre;
    const p = page;
    const { steps, mapSteps, maps } = await p.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>('[data-step]')];
      return {
        steps: all.map((e) => e.id),
        mapSteps: all
          .filter((e) => e.closest('[data-scrolly]')!.querySelector(`.scrolly__layer[data-graphic="${e.dataset['graphic']}"] .story-map`))
          .map((e) => e.id),
        maps: document.querySelectorAll('.scrolly__layer[data-family="map"]').length,
      };
    });
    walk.steps = steps;
    walk.maps = maps;
    const only = demo ? new Set(demoOnlySteps()) : null;
    walk.visited = only ? steps.filter((s) => only.has(s)) : steps;
    const maps_ = new Set(mapSteps);
    if (kind.axe === 'steps') await p.evaluate(() => (window as unknown as { __axeChanged: Set<Element> }).__axeChanged.clear());
    if (kind.axe) walk.initialAxe = await axeConfirmed(p);
    if (spec.kind === 'phone') walk.cards = [{ height: kind.options.viewport!.height, cards: await p.evaluate(cardsNow) }];

    walk.maplibreBeforeScroll = [...walk.maplibre];
    const scrollStart = await p.evaluate(() => performance.now());
    if (only) {
      // The demo: straight to each of its own steps' trigger stop.
      for (const id of walk.visited) {
        await p.evaluate((id) => {
          const line = document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
          window.scrollBy(0, document.getElementById(id)!.getBoundingClientRect().top - line + 2);
        }, id);
        walk.records.push(await recordStep(p, spec, id, maps_));
      }
    } else {
      const move = await p.evaluate(() => Math.round(window.innerHeight * 0.4));
      let atTrigger: string | null = null;
      let stopY = 0;
      for (let guard = 0; ; guard++) {
        if (guard > 5000) throw new Error('the page never stopped scrolling');
        const ok = await p.waitForFunction(whereNow, true, { timeout: WAIT, polling: 'raf' }).then(
          () => true,
          () => false,
        );
        if (!ok) {
          const w = (await p.evaluate(whereNow, false)) as { under: string | null; showing: string };
          walk.badStops.push({ scrollY: Math.round(stopY), under: w.under, showing: w.showing });
        }
        // Right after the step change (if any): nothing may still move on a reduced-motion reader.
        const motion = await p.evaluate(runningMotion);
        if (motion.length) walk.motion.push(...motion.map((m) => `at scrollY ${Math.round(stopY)}: ${m}`));
        if (atTrigger) walk.records.push(await recordStep(p, spec, atTrigger, maps_));
        // One round trip: what is under the line now, then the move (to the next step's trigger stop if nearer).
        const r = await p.evaluate((dy) => {
          const steps = [...document.querySelectorAll<HTMLElement>('[data-step]')];
          const probe = () => document.querySelector('[data-scrolly-probe]')!.getBoundingClientRect().top;
          const at = probe();
          const under =
            steps.find((el) => {
              const b = el.getBoundingClientRect();
              return b.top <= at && at < b.bottom;
            })?.id ?? null;
          const before = window.scrollY;
          // Where each step's top is 2 px past the line, from here.
          const ahead = steps.map((el) => ({ id: el.id, d: el.getBoundingClientRect().top - at + 2 })).filter((s) => s.d > 0.5);
          const next = ahead.reduce<{ id: string; d: number } | null>((m, s) => (!m || s.d < m.d ? s : m), null);
          let trigger: string | null = null;
          if (next && next.d <= dy) {
            window.scrollBy(0, next.d);
            trigger = next.id;
          } else {
            window.scrollBy(0, dy);
            // A step whose top is within a few pixels of the line is neither clearly before nor after it
            // (fractional pixels): go to its trigger stop instead.
            const line = probe();
            const near = steps.find((el) => Math.abs(el.getBoundingClientRect().top - line) < 3);
            if (near) {
              window.scrollBy(0, near.getBoundingClientRect().top - line + 2);
              trigger = near.id;
            }
          }
          return { under, before, after: window.scrollY, trigger };
        }, move);
        if (r.under && walk.seen[walk.seen.length - 1] !== r.under) walk.seen.push(r.under);
        if (r.after === r.before) break;
        // A trigger stop the page could not reach (the end of the page) is an ordinary stop.
        atTrigger = r.trigger;
        stopY = r.after;
      }
    }
    if (kind.labels) {
      const kinds = demo ? demoOnlyInlineKinds() : null;
      const scope = kinds
        ? kinds.map((k) => `.figure:not([data-scrolly] .figure):has(.chart--${k})`).join(', ')
        : '.figure:not([data-scrolly] .figure)';
      walk.figureKinds = kinds ?? [];
      walk.figures = scope ? await p.evaluate(graphicsIn, { scope, where: 'figure' }) : [];
    }
    walk.bottom = await p.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2);
    if (!demo) {
      // Scroll to the very end (past the last step), then let late work (the live map, lazy modules) finish.
      await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await frames(p);
      walk.bottom = await p.evaluate(() => Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 2);
    }
    await p.waitForLoadState('networkidle', { timeout: WAIT }).catch(() => undefined);
    walk.live = await p.evaluate(() => (window as unknown as { __mapLive?: boolean }).__mapLive === true);
    walk.shifts = (await layoutShift(p, { since: scrollStart, control: false })).shifts;
    walk.instances = await p.evaluate(() => document.querySelectorAll('.maplibregl-map').length);
    if (spec.kind === 'phone') {
      // The same context (mobile, touch), resized: a card's height is CSS layout at that viewport.
      await p.setViewportSize(SMALL_PHONE);
      await p.waitForFunction((h) => window.innerHeight === h, SMALL_PHONE.height);
      walk.cards!.push({ height: SMALL_PHONE.height, cards: await p.evaluate(cardsNow) });
    }
  } catch (e) {
    walk.failure = String(e).split('\n')[0];
  } finally {
    await page?.context().close();
  }
  // Copies: the watch is filled by listeners until the context closed.
  walk.watch = structuredClone(walk.watch);
  walk.offBase = [...walk.offBase];
  return walk;
}

// ---- Sharing within the run ----

const fileOf = (dir: string, spec: WalkSpec) => join(dir, `${spec.kind}-${spec.path.replace(/\/$/, '') || 'front'}.json`);

/** Until this long with no walk of ours finished, a lock held by the other worker counts as stuck. */
const LOCK_LIMIT_MS = 10 * 60_000;

/**
 * Makes sure every walk in `specs` is recorded in this run's folder: records those no one else is
 * recording (with `browser`), and waits for those the other worker is. Call in a `beforeAll` with a
 * long time limit; then read them with `readWalk`.
 */
export async function ensureWalks(browser: Browser, specs: WalkSpec[]): Promise<void> {
  // The reader without WebGL reads on the worker's browser launched so (./shared.ts; this lease closed at the end).
  let noWebGL: Promise<Browser> | undefined;
  try {
    await ensureWith(
      (spec) => (WALK_KINDS[spec.kind].noWebGL ? (noWebGL ??= sharedBrowser({ webgl: false })) : Promise.resolve(browser)),
      specs,
    );
  } finally {
    if (noWebGL) await (await noWebGL).close();
  }
}

async function ensureWith(browserFor: (spec: WalkSpec) => Promise<Browser>, specs: WalkSpec[]): Promise<void> {
  const dir = inject('walkDir');
  const siteUrl = inject('siteUrl');
  const pending = [...specs];
  let since = Date.now();
  while (pending.length > 0) {
    let recorded = false;
    for (const spec of [...pending]) {
      const file = fileOf(dir, spec);
      if (existsSync(file)) {
        pending.splice(pending.indexOf(spec), 1);
        continue;
      }
      try {
        mkdirSync(`${file}.lock`);
      } catch {
        continue; // the other worker is recording it
      }
      try {
        if (!existsSync(file)) {
          const walk = await recordWalk(await browserFor(spec), siteUrl, spec);
          writeFileSync(`${file}.tmp`, JSON.stringify(walk));
          renameSync(`${file}.tmp`, file);
        }
      } finally {
        rmSync(`${file}.lock`, { recursive: true, force: true });
      }
      pending.splice(pending.indexOf(spec), 1);
      recorded = true;
      since = Date.now();
    }
    if (pending.length > 0 && !recorded) {
      // The rest are being recorded by the other worker: wait for its files (a condition, polled).
      if (Date.now() - since > LOCK_LIMIT_MS) {
        throw new Error(`walks still locked after ${LOCK_LIMIT_MS / 60_000} min: ${pending.map((s) => fileOf(dir, s)).join(', ')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A walk recorded in this run (`ensureWalks` first). */
export function readWalk(spec: WalkSpec): Walk {
  const file = fileOf(inject('walkDir'), spec);
  if (!existsSync(file)) throw new Error(`${file}: not recorded (call ensureWalks in beforeAll)`);
  return JSON.parse(readFileSync(file, 'utf8')) as Walk;
}

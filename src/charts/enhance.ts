/**
 * Browser side of the chart kit (the only chart code that ships). A chart layer already shows one
 * state as static SVG; `setState` moves it to another by reading that state's static rendering
 * (the step's own figure) and animating every mark, matched by `data-key`, to the attributes found
 * there. Nothing is recomputed: the geometry was made at build. Marks that only exist in one state
 * fade in or out; everything happens at once when motion is off.
 *
 * Text is copied as nodes (cloneNode), never through innerHTML. Transitions use d3-transition's
 * default easing (cubic in-out), so d3-ease adds nothing to the bundle.
 */
import { select, selectAll, type BaseType } from 'd3-selection';
import 'd3-transition';
import type { GraphicController, Mount } from '../lib/graphic-client.ts';
import { whenIdle } from '../lib/idle.ts';

const DURATION = 650;

/** Attributes a transition interpolates (numbers, path strings, colours). */
const TWEENED = ['x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'd', 'fill', 'stroke', 'stroke-width', 'opacity'];
/** Attributes that switch at once. */
const SWITCHED = ['stroke-dasharray', 'text-anchor', 'font-size', 'font-weight', 'class'];

function marksOf(svg: Element): Map<string, Element> {
  return new Map([...svg.querySelectorAll(':scope > [data-key]')].map((el) => [el.getAttribute('data-key') as string, el]));
}

type Attrs = [name: string, value: string | null][];

/** The presentation attributes of a mark as its static rendering has them. */
function attrsOf(el: Element): Attrs {
  return [...TWEENED, ...SWITCHED].map((name) => [name, el.getAttribute(name)]);
}

/**
 * Gives a mark exactly the given attributes (interpolation ends on equivalent, not identical, strings),
 * and the text of `text` if given.
 * Only those that differ are written: setting an SVG attribute to the value it has still restyles and
 * repaints the mark (every mark, in the frame a transition ends, before).
 */
export function settle(el: Element, attrs: Attrs, text?: Element): void {
  // The same text written again would still replace the text node (its layout, in the step's frame).
  if (text && el.textContent !== text.textContent) el.textContent = text.textContent;
  for (const [name, value] of attrs) {
    if (el.getAttribute(name) === value) continue;
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
}

/** Moves `target` (a live layer's SVG) to the marks of `source` (a static rendering of the next state). */
function morph(target: SVGSVGElement, source: SVGSVGElement, animate: boolean): void {
  const now = marksOf(target);
  const next = marksOf(source);
  const shared = animate ? select<BaseType, unknown>(target).transition().duration(DURATION) : null;

  for (const [key, el] of now) {
    if (next.has(key)) continue;
    if (shared) select<BaseType, unknown>(el).interrupt().transition(shared).attr('opacity', 0).remove();
    else el.remove();
  }

  // Walk backwards so each mark can be placed before its successor: paint order follows the source.
  let after: Element | null = null;
  for (const [key, src] of [...next].reverse()) {
    const existing = now.get(key);
    const el = existing ?? (src.cloneNode(true) as Element);
    // Only marks out of place move: re-inserting a node that is already there is a DOM mutation
    // (style, layout and paint for every mark) in the scroll frame that changes the step. The next
    // *element*: the built SVG has a line break between marks, which made every mark move once.
    if (el.parentNode !== target || el.nextElementSibling !== after) target.insertBefore(el, after);
    after = el;
    // A mark already as the next state has it (most of them: axes, grid, labels that stay) is left
    // alone, after one native comparison instead of reading its attributes one by one. A tween still
    // running on it stops where it is, which is already its end.
    if (existing && el.isEqualNode(src)) {
      select<BaseType, unknown>(el).interrupt();
      continue;
    }
    const final = attrsOf(src);
    if (!shared) {
      // a tween still running on it (started while this layout was shown) would end on the old state
      select<BaseType, unknown>(el).interrupt();
      settle(el, final, src);
      continue;
    }
    const sel = select<BaseType, unknown>(el).interrupt();
    if (!existing) {
      sel
        .attr('opacity', 0)
        .transition(shared)
        .attr('opacity', src.getAttribute('opacity') ?? '1')
        .on('end', () => settle(el, final));
      continue;
    }
    const tweens = final.filter(([name, to]) => {
      const from = el.getAttribute(name);
      return TWEENED.includes(name) && to !== null && from !== null && to !== from;
    });
    // A mark whose change only switches (its text, a dash, a class) takes it at once and gets no
    // transition: a transition per mark costs script in the frame that starts it and in every frame after.
    if (tweens.length === 0) {
      settle(el, final, src);
      continue;
    }
    settle(
      el,
      final.filter(([name]) => SWITCHED.includes(name)),
      src,
    );
    const tr = sel.transition(shared);
    for (const [name, to] of tweens) tr.attr(name, to);
    tr.on('end', () => settle(el, final));
  }
  for (const name of ['viewBox', 'width', 'height']) {
    const v = source.getAttribute(name);
    if (v !== null) target.setAttribute(name, v);
  }
}

/** Whether two elements have equal child nodes (the elements' own attributes aside). */
export function sameChildren(a: Element, b: Element): boolean {
  const x = a.childNodes;
  const y = b.childNodes;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!(x[i] as Node).isEqualNode(y[i] as Node)) return false;
  return true;
}

/**
 * Replaces the content of every `[data-sync]` part (descriptions, source line, table) with that of
 * the same part, by name and order, in the source. Parts the layer does not have are skipped.
 */
function syncParts(chart: Element, from: Element): void {
  const byName = (root: Element) => {
    const parts = new Map<string, Element[]>();
    for (const el of root.querySelectorAll('[data-sync]')) {
      const name = el.getAttribute('data-sync') as string;
      parts.set(name, [...(parts.get(name) ?? []), el]);
    }
    return parts;
  };
  const sources = byName(from);
  for (const [name, targets] of byName(chart)) {
    targets.forEach((el, i) => {
      const src = sources.get(name)?.[i];
      // Unchanged parts (a source line, notes shared by both states) are left alone: replacing them
      // would re-lay out their text in the frame that changes the step.
      if (src && !sameChildren(el, src)) el.replaceChildren(...[...src.childNodes].map((n) => n.cloneNode(true)));
    });
  }
}

/** Runs `f` when the page is idle (within 500 ms); returns a cancel function. */
const idle = (f: () => void) => whenIdle(f, { timeout: 500, fallback: 50 });

/**
 * Which of a chart's layout SVGs (`svg[data-layout]`, one per container-query layout) are displayed,
 * kept up to date by a ResizeObserver (a hidden one has no box): read after layout, never forcing it.
 * Until its first report every layout counts as displayed. `onShown` hears of a hidden one that gets a box.
 */
export function displayedLayouts(
  chart: Element,
  onShown?: (svg: SVGSVGElement) => void,
): { has(svg: Element): boolean; disconnect(): void } {
  const svgs = [...chart.querySelectorAll<SVGSVGElement>('svg[data-layout]')];
  const hidden = new Set<Element>();
  if (typeof ResizeObserver !== 'function') return { has: () => true, disconnect: () => undefined };
  const ro = new ResizeObserver((entries) => {
    for (const e of entries) {
      if (!(e.contentRect.width > 0 && e.contentRect.height > 0)) hidden.add(e.target);
      else if (hidden.delete(e.target)) onShown?.(e.target as SVGSVGElement);
    }
  });
  for (const svg of svgs) ro.observe(svg);
  return { has: (svg) => !hidden.has(svg), disconnect: () => ro.disconnect() };
}

/** Mounts the chart controller on a sticky layer (the layer, or the `.chart` inside it). */
export const mount: Mount = (layer, opts): GraphicController => {
  const chart = layer.matches('.chart') ? layer : layer.querySelector<HTMLElement>('.chart');
  if (!chart) throw new Error('chart layer without a .chart element');
  /** The hidden layouts' pending switches, by SVG: done when the page is idle, not in the step's frame. */
  const later = new Map<SVGSVGElement, { run: () => void; cancel: () => void }>();
  const cancel = (svg: SVGSVGElement) => {
    later.get(svg)?.cancel();
    later.delete(svg);
  };
  // a hidden layout that gets a box before the page is idle (a rotated phone) switches at once
  const shown = displayedLayouts(chart, (svg) => {
    const pending = later.get(svg);
    cancel(svg);
    pending?.run();
  });
  /**
   * An animated state change waits for the next frame: the step change's frame (the engine's
   * bookkeeping, the cards, the layer shown) does not also read both states' marks and start every
   * tween; the tweens start one frame later, from the same picture (as the map's state changes do).
   */
  let pending = 0;
  const show = (state: string, source: Element | null, animate: boolean) => {
    const id = CSS.escape(chart.dataset['graphic'] ?? '');
    // Without a step of its own, any static rendering of that state on the page will do.
    const from =
      source?.querySelector(`.chart[data-graphic="${id}"]`) ??
      [...document.querySelectorAll(`.chart[data-graphic="${id}"][data-state="${CSS.escape(state)}"]`)].find((el) => el !== chart);
    if (!from) return;
    for (const svg of chart.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
      const twin = from.querySelector<SVGSVGElement>(`svg[data-layout="${svg.dataset['layout'] ?? ''}"]`);
      cancel(svg);
      if (!twin) continue;
      // The layout the container query hides switches without animation, when the page is idle (or
      // at once if it gets a box before that): tweening it, or even switching it in the step's frame, would
      // cost script in the scroll for nothing on screen.
      if (shown.has(svg)) morph(svg, twin, animate);
      else {
        const run = () => morph(svg, twin, false);
        later.set(svg, { run, cancel: idle(() => (later.delete(svg), run())) });
      }
    }
    syncParts(chart, from);
    chart.dataset['state'] = state;
  };
  return {
    setState(state, source, { animate }) {
      cancelAnimationFrame(pending);
      pending = 0;
      if (!animate || opts.reducedMotion) {
        show(state, source, false);
        return;
      }
      pending = requestAnimationFrame(() => {
        pending = 0;
        show(state, source, true);
      });
    },
    destroy() {
      cancelAnimationFrame(pending);
      pending = 0;
      for (const svg of [...later.keys()]) cancel(svg);
      shown.disconnect();
      selectAll(chart.querySelectorAll('[data-key]')).interrupt();
    },
  };
};

/**
 * The per-step gates as pure functions over walk recordings (./walk.ts): each returns its problems as
 * messages naming the page, the reader (phone, desktop, live) and the step; an empty list passes. The site
 * tests apply them to the walks of the build; tests/unit/walk-gates.test.ts shows each one failing on a bad
 * recording (tests/fixtures/walks/).
 */
import { describeAxe } from './gates.ts';
import { labelProblems, overlap, tallCards } from './boxes.ts';
import type { Walk } from './walk.ts';

const at = (w: Walk) => `/${w.path} (${w.kind})`;

/** The walk itself ran to the end (a walk that broke off proves nothing about the steps after). */
export function walkProblems(w: Walk): string[] {
  const out: string[] = [];
  if (w.failure) out.push(`${at(w)}: the walk broke off: ${w.failure}`);
  if (w.steps.length === 0) out.push(`${at(w)}: no steps found`);
  if (w.visited.length === 0) out.push(`${at(w)}: no step visited`);
  const recorded = new Set(w.records.map((r) => r.id));
  for (const id of w.visited) if (!recorded.has(id)) out.push(`${at(w)}#${id}: the walk never stopped where the step becomes current`);
  return out;
}

/**
 * Scrolling down like a reader: every step becomes current in document order, and at every stop the step
 * under the trigger line is current and its section shows its graphic in its state; at its own stop each
 * step is shown and drawn.
 */
export function stepOrderProblems(w: Walk): string[] {
  const out = walkProblems(w);
  if (w.readThrough && JSON.stringify(w.seen) !== JSON.stringify(w.steps)) {
    out.push(`${at(w)}: steps found current in the order ${w.seen.join(', ')}; expected ${w.steps.join(', ')}`);
  }
  for (const s of w.badStops) {
    out.push(`${at(w)}: at scrollY ${s.scrollY}, step #${s.under} is under the trigger line but the page shows ${s.showing}`);
  }
  for (const r of w.records)
    if (!r.shown) out.push(`${at(w)}#${r.id}: its section never showed the step's graphic and state (${r.showing})`);
  if (w.readThrough && !w.bottom) out.push(`${at(w)}: never reached the bottom of the page`);
  return out;
}

/** No page errors, console errors, CSP violations, requests leaving the origin or the base path. */
export function cleanProblems(w: Walk): string[] {
  return [
    ...w.watch.errors.map((e) => `${at(w)}: page error: ${e}`),
    ...w.watch.consoleErrors.map((e) => `${at(w)}: console error: ${e}`),
    ...w.watch.cspViolations.map((e) => `${at(w)}: CSP violation: ${e}`),
    ...w.watch.foreignRequests.map((e) => `${at(w)}: request leaving the origin: ${e}`),
    ...w.offBase.map((e) => `${at(w)}: request outside the base path: ${e}`),
  ];
}

/** Nothing moved by itself while the page was read: no layout shift from the first scroll to the bottom. */
export function shiftProblems(w: Walk): string[] {
  if (!w.shifts) return [`${at(w)}: layout shifts were not recorded${w.failure ? ` (the walk broke off: ${w.failure})` : ''}`];
  return w.shifts.map((s) => `${at(w)}: layout shift while reading, ${s}`);
}

/** A page with a map layer had a map go live (MapLibre and its worker ran, under the CSP): the live reader. */
export function liveMapProblems(w: Walk): string[] {
  return w.maps > 0 && !w.live ? [`${at(w)}: ${w.maps} map layer(s) but no map went live`] : [];
}

/**
 * The live map forced (`?map=live`, the live reader): nothing of MapLibre before the reader's first scroll;
 * at every map step the enhancer decided `shown`; one MapLibre instance serves every map section of the page.
 */
export function forcedLiveProblems(w: Walk): string[] {
  const out: string[] = [];
  if (!w.maplibreBeforeScroll) out.push(`${at(w)}: what was fetched before the first scroll was not recorded`);
  else out.push(...w.maplibreBeforeScroll.map((u) => `${at(w)}: MapLibre fetched before the first scroll: ${u}`));
  const maps = w.records.filter((r) => r.map);
  if (w.maps > 0 && maps.length === 0) out.push(`${at(w)}: ${w.maps} map layer(s) but no map step recorded`);
  for (const r of maps) {
    if (r.map!.decision !== 'shown') {
      const stalled = r.map!.stalled ? ` (its start-up got to: ${r.map!.stalled})` : '';
      out.push(`${at(w)}#${r.id}: the map's enhancer decided ${r.map!.decision ?? 'nothing'}, not shown${stalled}`);
    }
  }
  if (w.maps > 0 && w.instances !== 1) out.push(`${at(w)}: ${w.instances ?? 'an uncounted number of'} MapLibre instances, not one`);
  return out;
}

/** axe: 0 serious or critical violations on the whole page in its initial state. */
export function initialAxeProblems(w: Walk): string[] {
  if (w.failure && !w.initialAxe) return [`${at(w)}: the walk broke off: ${w.failure}`];
  if (!w.initialAxe) return [`${at(w)}: axe did not run on the initial state`];
  return w.initialAxe.length ? [describeAxe(`${at(w)}, initial state`, w.initialAxe)] : [];
}

/** axe: 0 serious or critical violations in the initial state (whole page) and in what each step changed. */
export function axeStepProblems(w: Walk): string[] {
  const out = walkProblems(w);
  if (!w.initialAxe) out.push(`${at(w)}: axe did not run on the initial state`);
  else if (w.initialAxe.length) out.push(describeAxe(`${at(w)}, initial state`, w.initialAxe));
  for (const r of w.records) {
    if (!r.shown) out.push(`${at(w)}#${r.id}: not shown, so not checked (${r.showing})`);
    else if (!r.axe) out.push(`${at(w)}#${r.id}: axe did not run`);
    else if (r.axe.length) out.push(describeAxe(`${at(w)}#${r.id}`, r.axe));
  }
  return out;
}

/** Labels: in each visited step's state and each figure outside a scrolly, none overlapping another or leaving its graphic. */
export function labelWalkProblems(w: Walk): string[] {
  const out = walkProblems(w);
  for (const r of w.records) {
    if (!r.shown) out.push(`${at(w)}#${r.id}: not shown, so its labels were not measured (${r.showing})`);
    else if (!r.graphics?.length) out.push(`${at(w)}#${r.id}: no rendered graphic`);
    else out.push(...r.graphics.flatMap((g) => labelProblems({ ...g, where: `${at(w)} ${g.where}` })));
  }
  if (!w.figures) out.push(`${at(w)}: the figures outside a scrolly were not measured`);
  else {
    if (w.figureKinds?.length && w.figures.length === 0) out.push(`${at(w)}: no inline ${w.figureKinds.join(', ')} figure found`);
    out.push(...w.figures.flatMap((g) => labelProblems({ ...g, where: `${at(w)} ${g.where}` })));
  }
  return out;
}

/** Step cards: every card rendered, none taller than half the screen, at each height measured. */
export function cardWalkProblems(w: Walk, heights: number[]): string[] {
  const out: string[] = [];
  if (w.failure) out.push(`${at(w)}: the walk broke off: ${w.failure}`);
  for (const h of heights) {
    const m = w.cards?.find((c) => c.height === h);
    if (!m || m.cards.length === 0) {
      out.push(`${at(w)}: step cards not measured at ${h} px high`);
      continue;
    }
    for (const c of m.cards) if (!(c.height > 0)) out.push(`${at(w)}#${c.step}: card not rendered at ${h} px high`);
    out.push(...tallCards(m.cards, h).map((p) => `${at(w)}${p}`));
  }
  return out;
}

/**
 * A map step, where it becomes current: its card covers neither the map's legend, its source note nor its
 * badge, nothing else covers them, they are on the screen, the legend is shown when the step's figure has one,
 * and the map is live or static as the reader expects.
 */
export function mapStepProblems(w: Walk, live: boolean): string[] {
  const out: string[] = [];
  const steps = w.records.filter((r) => r.map);
  if (steps.length === 0) out.push(`${at(w)}: no map step recorded`);
  for (const r of steps) {
    const b = r.map!;
    const id = `${at(w)}#${r.id}`;
    if (b.live !== live)
      out.push(`${id}: the map is ${b.live ? 'live' : 'static'}${b.stalled ? ` (the live map's start-up got to: ${b.stalled})` : ''}`);
    if (!b.card) {
      out.push(`${id}: no card`);
      continue;
    }
    if (b.hasLegend && !b.legend) out.push(`${id}: its legend is not shown`);
    if (!b.note) out.push(`${id}: no source note`);
    for (const [name, part] of [
      ['legend', b.legend],
      ['note', b.note],
      ['badge', b.badge],
    ] as const) {
      if (!part) continue;
      if (overlap(b.card, part)) {
        out.push(
          `${id}: the card (${Math.round(b.card.top)}–${Math.round(b.card.bottom)}) covers the ${name} (${Math.round(part.top)}–${Math.round(part.bottom)})`,
        );
      }
      if (part.top < 0 || part.bottom > b.viewport) out.push(`${id}: the ${name} is off the screen`);
      const c = b.covered[name];
      if (c.length > 0) out.push(`${id}: something covers the ${name}: ${c.join('; ')}`);
    }
  }
  return out;
}

/** Reduced motion: no animation or d3 transition running right after any stop of the read-through. */
export function motionProblems(w: Walk): string[] {
  return w.motion.map((m) => `${at(w)}: motion running after a step change: ${m}`);
}

/**
 * Without WebGL, with the live map asked for: at every map step the enhancer decided `off` and the static
 * SVG shows; no map went live and nothing of MapLibre was fetched.
 */
export function noWebGLMapProblems(w: Walk): string[] {
  const out: string[] = [];
  const maps = w.records.filter((r) => r.map);
  if (w.maps > 0 && maps.length === 0) out.push(`${at(w)}: ${w.maps} map layer(s) but no map step recorded`);
  for (const r of maps) {
    if (r.map!.decision !== 'off') out.push(`${at(w)}#${r.id}: the map's enhancer decided ${r.map!.decision ?? 'nothing'}, not off`);
    if (!r.map!.svg) out.push(`${at(w)}#${r.id}: the SVG map is not shown`);
    if (r.map!.live) out.push(`${at(w)}#${r.id}: the map is live`);
  }
  if (w.live) out.push(`${at(w)}: a map went live`);
  out.push(...w.maplibre.map((u) => `${at(w)}: MapLibre fetched: ${u}`));
  return out;
}

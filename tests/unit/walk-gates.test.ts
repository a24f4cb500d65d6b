/**
 * The per-step gates over walk recordings (tests/site/walk-gates.ts) fail on bad recordings: a "failing
 * pass" (tests/fixtures/walks/bad.json: a read-through that went wrong in every way a gate checks) and a
 * walk that broke off; the good twin (good.json) passes every gate. The site tests apply the same functions
 * to the walks of the build (tests/site/walk.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Walk } from '../site/walk.ts';
import {
  axeStepProblems,
  cardWalkProblems,
  cleanProblems,
  forcedLiveProblems,
  initialAxeProblems,
  labelWalkProblems,
  liveMapProblems,
  mapStepProblems,
  shiftProblems,
  motionProblems,
  noWebGLMapProblems,
  stepOrderProblems,
  walkProblems,
} from '../site/walk-gates.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/walks/${name}.json`, 'utf8')) as Walk;
const good = fixture('good');
const bad = fixture('bad');
/** The good walk, broken off after its first step. */
const broken: Walk = {
  ...good,
  failure: 'TimeoutError: page.waitForFunction: Timeout 30000ms exceeded.',
  records: good.records.slice(0, 1),
};
const P = '/fixture-story/ (phone)';

describe('the good recording passes every gate', () => {
  it('all of them', () => {
    expect(walkProblems(good)).toEqual([]);
    expect(stepOrderProblems(good)).toEqual([]);
    expect(cleanProblems(good)).toEqual([]);
    expect(liveMapProblems({ ...good, live: true })).toEqual([]);
    expect(motionProblems(good)).toEqual([]);
    expect(noWebGLMapProblems(good)).toEqual([]);
    expect(axeStepProblems(good)).toEqual([]);
    expect(labelWalkProblems(good)).toEqual([]);
    expect(cardWalkProblems(good, [844, 667])).toEqual([]);
    expect(mapStepProblems(good, false)).toEqual([]);
  });
});

describe('each gate fails the bad recording, naming the page and the step', () => {
  it('a walk that broke off, or never stopped at a step', () => {
    expect(walkProblems(broken)).toEqual([
      `${P}: the walk broke off: TimeoutError: page.waitForFunction: Timeout 30000ms exceeded.`,
      `${P}#s2: the walk never stopped where the step becomes current`,
    ]);
    // Every gate that reads steps carries it.
    for (const gate of [stepOrderProblems, axeStepProblems, labelWalkProblems]) expect(gate(broken).length).toBeGreaterThanOrEqual(2);
    expect(cardWalkProblems(broken, [844])).toEqual([
      `${P}: the walk broke off: TimeoutError: page.waitForFunction: Timeout 30000ms exceeded.`,
    ]);
  });

  it('steps out of order, a stop showing the wrong step, a step never shown, the bottom never reached', () => {
    expect(stepOrderProblems(bad)).toEqual([
      `${P}: steps found current in the order s2, s1; expected s1, s2, s3`,
      `${P}: at scrollY 1234, step #s2 is under the trigger line but the page shows current #s1, layer growth/latest`,
      `${P}#s2: its section never showed the step's graphic and state (current #s1, layer growth/latest)`,
      `${P}: never reached the bottom of the page`,
    ]);
  });

  it('page errors, console errors, CSP violations, requests off the origin and off the base path', () => {
    expect(cleanProblems(bad)).toEqual([
      `${P}: page error: TypeError: x is undefined`,
      `${P}: console error: Failed to load resource`,
      `${P}: CSP violation: script-src https://cdn.example.com/x.js`,
      `${P}: request leaving the origin: https://tiles.example.com/a.pbf`,
      `${P}: request outside the base path: http://127.0.0.1:1234/elsewhere.js`,
    ]);
  });

  it('a page with maps where none went live', () => {
    expect(liveMapProblems({ ...bad, live: false })).toEqual([`${P}: 2 map layer(s) but no map went live`]);
    expect(liveMapProblems(good)).toEqual([`${P}: 1 map layer(s) but no map went live`]);
  });

  it('motion after a step change (reduced motion)', () => {
    expect(motionProblems(bad)).toEqual([
      `${P}: motion running after a step change: at scrollY 1234: animation opacity on DIV.scrolly__layer`,
    ]);
  });

  it('without WebGL: a map that went live or was not decided off, a hidden SVG, MapLibre fetched, a map page with no map step', () => {
    expect(noWebGLMapProblems(bad)).toEqual([
      `${P}#s3: the map's enhancer decided shown, not off`,
      `${P}#s3: the SVG map is not shown`,
      `${P}#s3: the map is live`,
      `${P}: a map went live`,
      `${P}: MapLibre fetched: http://127.0.0.1:1234/stories/tongliao/_astro/maplibre-gl.js`,
    ]);
    expect(noWebGLMapProblems({ ...good, records: good.records.slice(0, 1) })).toEqual([`${P}: 1 map layer(s) but no map step recorded`]);
  });

  it('axe violations in the initial state and at a step; a step not shown is not passed', () => {
    expect(axeStepProblems(bad)).toEqual([
      `${P}, initial state: 1 serious/critical axe violation(s)\n  color-contrast (serious): .dek — Elements must meet minimum color contrast ratio thresholds`,
      `${P}#s1: 1 serious/critical axe violation(s)\n  button-name (critical): #nameless — Buttons must have discernible text`,
      `${P}#s2: not shown, so not checked (current #s1, layer growth/latest)`,
    ]);
    expect(axeStepProblems({ ...good, initialAxe: undefined })).toEqual([`${P}: axe did not run on the initial state`]);
    // The initial state alone (a11y.test.ts reads the desktop walk's).
    expect(initialAxeProblems(good)).toEqual([]);
    expect(initialAxeProblems(bad)).toEqual([
      `${P}, initial state: 1 serious/critical axe violation(s)\n  color-contrast (serious): .dek — Elements must meet minimum color contrast ratio thresholds`,
    ]);
    expect(initialAxeProblems({ ...good, initialAxe: undefined })).toEqual([`${P}: axe did not run on the initial state`]);
    expect(initialAxeProblems({ ...broken, initialAxe: undefined })).toEqual([
      `${P}: the walk broke off: TimeoutError: page.waitForFunction: Timeout 30000ms exceeded.`,
    ]);
  });

  it('overlapping labels, a label leaving its graphic, a step without a graphic, a missing inline figure', () => {
    expect(labelWalkProblems(bad)).toEqual([
      `${P} #s1 (growth/latest, compact): labels "2024" and "2025" overlap`,
      `${P} #s1 (growth/latest, compact): label "边上" leaves the graphic by 30 px`,
      `${P}#s2: not shown, so its labels were not measured (current #s1, layer growth/latest)`,
      `${P}#s3: no rendered graphic`,
      `${P}: no inline waffle figure found`,
    ]);
  });

  it('a card taller than half the screen, a card not rendered, a height not measured', () => {
    expect(cardWalkProblems(bad, [844, 667])).toEqual([
      `${P}#s2: card not rendered at 844 px high`,
      `${P}#s1: card 500 px > 422 px (half of 844)`,
      `${P}: step cards not measured at 667 px high`,
    ]);
  });

  it('a map step whose card covers the legend, with no note, a badge off the screen, the wrong map', () => {
    expect(mapStepProblems(bad, false)).toEqual([
      `${P}#s3: the map is live`,
      `${P}#s3: no source note`,
      `${P}#s3: the card (400–700) covers the legend (650–700)`,
      `${P}#s3: something covers the legend: 100,660 under step__card`,
      `${P}#s3: the badge is off the screen`,
    ]);
    expect(mapStepProblems({ ...good, records: good.records.slice(0, 1) }, false)).toEqual([`${P}: no map step recorded`]);
  });

  it('the live map forced: MapLibre before the first scroll, a map step not shown, two instances or none counted', () => {
    /** The good walk read by the live reader: its map step shown, nothing before the scroll, one instance. */
    const live: Walk = {
      ...good,
      maplibreBeforeScroll: [],
      instances: 1,
      records: good.records.map((r) => (r.map ? { ...r, map: { ...r.map, live: true, decision: 'shown' } } : r)),
    };
    expect(forcedLiveProblems(live)).toEqual([]);
    const early = 'http://127.0.0.1:1234/stories/tongliao/_astro/map-controller.js';
    expect(forcedLiveProblems({ ...live, maplibreBeforeScroll: [early], instances: 2 })).toEqual([
      `${P}: MapLibre fetched before the first scroll: ${early}`,
      `${P}: 2 MapLibre instances, not one`,
    ]);
    expect(forcedLiveProblems(good)).toEqual([
      `${P}: what was fetched before the first scroll was not recorded`,
      `${P}#s2: the map's enhancer decided off, not shown`,
      `${P}: an uncounted number of MapLibre instances, not one`,
    ]);
    expect(forcedLiveProblems({ ...live, records: live.records.slice(0, 1) })).toEqual([`${P}: 1 map layer(s) but no map step recorded`]);
    // A live map that never came: the message says how far its start-up got.
    const stalled = 'map:import 6.1 s, map:glyph-slice ×14 (last 19.8 s); now 70.2 s, visible';
    const stuck: Walk = {
      ...live,
      records: good.records.map((r) => (r.map ? { ...r, map: { ...r.map, live: false, decision: 'wanted', stalled } } : r)),
    };
    expect(forcedLiveProblems(stuck)).toEqual([`${P}#s2: the map's enhancer decided wanted, not shown (its start-up got to: ${stalled})`]);
    expect(mapStepProblems(stuck, true)).toEqual([`${P}#s2: the map is static (the live map's start-up got to: ${stalled})`]);
  });
});

describe('shiftProblems', () => {
  it('names every layout shift recorded while reading, and a walk that recorded none', () => {
    expect(shiftProblems({ ...good, shifts: [] })).toEqual([]);
    const shift = '15362 ms: 0.0031 (p.chart__source 16,469 358×42 → 16,496 358×42)';
    expect(shiftProblems({ ...good, shifts: [shift] })).toEqual([`${P}: layout shift while reading, ${shift}`]);
    expect(shiftProblems({ ...good, shifts: undefined })).toEqual([`${P}: layout shifts were not recorded`]);
  });
});

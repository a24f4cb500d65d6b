/**
 * Project circles carry their names on every story map (issue 12): every circle in view is named
 * beside it, or numbered with a key when the state has too many to name; no name overlaps another
 * label, a circle, the 示意图 badge or the explore button, none leaves the map, and all are legible
 * on a 390 px phone. Checked on every state of every story's map, and on fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { data } from '../lib/data/index.ts';
import { DataIndex } from '../lib/data/index.ts';
import type { Dataset } from '../lib/data/schema.ts';
import { VIEW } from './camera.ts';
import { checkMap } from './check.ts';
import { boxesOverlap, circleHitsBox, labelBox, segmentHitsBox, segmentsCross, type Box } from './labels.ts';
import { layers } from './geo.ts';
import { buildScene, featureStates } from './live-style.ts';
import { BADGE, clientState, CONTROLS, mapBase, MAX_NAMED, resolveMapState, type MapStateModel } from './model.ts';
import { MapSpec, parseMapSpec } from './spec.ts';
import { MAP_SIZES, MARKER_PAINT } from './style.ts';
import { mapStateSvg } from './svg.ts';
import { fixtureDataset } from './test-fixture.ts';

/** CSS px per viewBox unit on a 390 px phone (the map is the content width, 390 − 2 × 16 px). */
const PHONE = 358 / VIEW.width;

const size = (numbered: boolean) => (numbered ? MAP_SIZES.markerNumber : MAP_SIZES.markerLabel);

/** Everything wrong with a resolved state's circle labels, as text (empty: all good). */
export function markerLabelProblems(m: MapStateModel): string[] {
  const out: string[] = [];
  const inView = (x: number, y: number) => x >= 0 && y >= 0 && x <= VIEW.width && y <= VIEW.height;
  const circles = [
    ...m.markers.map((k) => ({ what: `circle ${k.short}`, c: { x: k.x, y: k.y, r: k.r + MARKER_PAINT.filled.strokeWidth / 2 } })),
    { what: 'zone point', c: { x: m.zone.x, y: m.zone.y, r: MAP_SIZES.zoneRadius } },
  ];
  const fixed: { what: string; box: Box }[] = [
    { what: 'badge', box: BADGE },
    { what: 'explore button', box: CONTROLS },
  ];
  if (m.layers.labels) {
    fixed.push({ what: `label ${m.zone.label}`, box: labelBox(m.zone.label, m.zone.labelX, m.zone.labelY, MAP_SIZES.zoneLabel) });
    for (const l of m.countyLabels) fixed.push({ what: `label ${l.text}`, box: labelBox(l.text, l.x, l.y, MAP_SIZES.countyLabel) });
    if (m.layers.neighbours)
      for (const l of m.neighbourLabels) fixed.push({ what: `label ${l.text}`, box: labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel) });
  }
  const names: { what: string; box: Box }[] = [];
  for (const k of m.markers) {
    if (!inView(k.x, k.y)) continue;
    if (!k.label) {
      out.push(`circle ${k.short} has no name or number`);
      continue;
    }
    const box = labelBox(k.label.text, k.label.x, k.label.y, size(k.label.numbered));
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > VIEW.width || box.y1 > VIEW.height) out.push(`${k.label.text} leaves the map`);
    for (const c of circles) if (circleHitsBox(c.c, box)) out.push(`${k.label.text} on the ${c.what}`);
    for (const f of [...fixed, ...names]) if (boxesOverlap(f.box, box)) out.push(`${k.label.text} on the ${f.what}`);
    if (k.leader)
      for (const f of [...fixed, ...names])
        if (f.what.startsWith('label') && segmentHitsBox(...k.leader, f.box)) out.push(`${k.label.text}'s leader crosses the ${f.what}`);
    names.push({ what: `name ${k.label.text}`, box });
    if (size(k.label.numbered) * PHONE < 11) out.push(`${k.label.text} is ${(size(k.label.numbered) * PHONE).toFixed(1)} px on a phone`);
  }
  const leaders = m.markers.flatMap((k) => (k.leader ? [{ k, line: k.leader }] : []));
  for (const a of leaders) {
    for (const b of leaders)
      if (a.k.id < b.k.id && segmentsCross(a.line, b.line)) out.push(`the leaders of ${a.k.short} and ${b.k.short} cross`);
    for (const n of names)
      if (!n.what.endsWith(` ${a.k.label?.text}`) && segmentHitsBox(...a.line, n.box))
        out.push(`${a.k.short}'s leader crosses the ${n.what}`);
  }
  const numbered = m.markers.filter((k) => k.label?.numbered);
  if (numbered.length > 0) {
    if (numbered.length !== m.markers.filter((k) => k.label).length) out.push('names and numbers mixed');
    const key = m.markerKey.map((i) => `${i.n}:${i.id}`).sort();
    const drawn = numbered.map((k) => `${k.label!.text}:${k.id}`).sort();
    if (JSON.stringify(key) !== JSON.stringify(drawn))
      out.push(`the key (${key.join(' ')}) does not match the numbers on the map (${drawn.join(' ')})`);
  } else if (m.markerKey.length > 0) out.push('a key without numbers');
  return out;
}

const maps: { where: string; spec: MapSpec }[] = [];
const root = new URL('../../content/', import.meta.url);
for (const story of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(new URL(`${story.name}/`, root)).filter((f) => f.endsWith('.mdx'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(new URL(`${story.name}/${file}`, root), 'utf8'))?.[1];
    const graphics = ((front ? parse(front) : {}) as { graphics?: Record<string, { kind?: string }> }).graphics ?? {};
    for (const [id, g] of Object.entries(graphics))
      if (g.kind === 'map') maps.push({ where: `content/${story.name}/${file} ${id}`, spec: parseMapSpec(g, file) });
  }
}

describe('the story maps name their circles', () => {
  // Long: the first test to load the dataset, on a shared machine.
  it(
    'every circle in view of every state has a name (or a number and a key), clear of everything, inside the map, ≥ 11 px on a phone',
    { timeout: 60_000 },
    () => {
      const problems: string[] = [];
      let named = 0;
      for (const { where, spec } of maps) {
        for (const state of Object.keys(spec.states)) {
          const m = resolveMapState(spec, state, data());
          named += m.markers.filter((k) => k.label && !k.label.numbered).length;
          problems.push(...markerLabelProblems(m).map((p) => `${where} ${state}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
      expect(named).toBeGreaterThan(20);
    },
  );

  it('names are the dataset’s short names (the map never prints a full name longer than 8 characters)', () => {
    for (const { spec } of maps) {
      for (const state of Object.keys(spec.states)) {
        for (const k of resolveMapState(spec, state, data()).markers) {
          const p = data().getProject(k.id);
          expect(k.short).toBe(p.short ?? p.name);
          if (k.label && !k.label.numbered) expect(k.label.text).toBe(k.short);
          expect([...k.short].length).toBeLessThanOrEqual(8);
        }
      }
    }
    expect(data().getProject('longma-base').short).toBe('龙马基地');
  });

  it('the 科尔沁区 label and the zone label stay off the Longma circle on the industry and approvals maps', () => {
    for (const { where, spec } of maps.filter((x) => /industry-2025|major-projects-2025/.test(x.where))) {
      for (const state of Object.keys(spec.states)) {
        const m = resolveMapState(spec, state, data());
        const longma = m.markers.find((k) => k.id === 'longma-base');
        if (!longma) continue;
        const c = { x: longma.x, y: longma.y, r: longma.r + MARKER_PAINT.filled.strokeWidth / 2 + 2 };
        const horqin = m.countyLabels.find((l) => l.id === '150502')!;
        expect(circleHitsBox(c, labelBox(horqin.text, horqin.x, horqin.y, MAP_SIZES.countyLabel)), `${where} ${state}`).toBe(false);
        expect(circleHitsBox(c, labelBox(m.zone.label, m.zone.labelX, m.zone.labelY, MAP_SIZES.zoneLabel)), `${where} ${state}`).toBe(
          false,
        );
      }
    }
  });

  it('the zone’s label and the county labels are legible on a phone (≥ 11 px)', () => {
    expect(MAP_SIZES.zoneLabel * PHONE).toBeGreaterThanOrEqual(11);
    expect(MAP_SIZES.countyLabel * PHONE).toBeGreaterThanOrEqual(11);
    expect(MAP_SIZES.markerLabel * PHONE).toBeGreaterThanOrEqual(11);
  });
});

/** A fixture dataset: the map fixture plus `n` projects spread over six counties and the zone. */
function crowded(n: number, name = (i: number) => `拥挤项目${i}`): DataIndex {
  const extra = Array.from({ length: n }, (_, i) => ({
    id: `crowd-${i}`,
    name: name(i),
    region: ['150523', 'etdz', '150526', '150525', '150581', '150522'][i % 6] as string,
    precision: 'county',
    sector: 'aluminium',
    capacity: [],
    mentions: [],
    ...(i % 3 ? {} : { investment: { value: 5 + i, unit: '亿元', cite: [{ source: 'goals-2025', section: 's1', printed: 'x' }] } }),
  }));
  return new DataIndex({ ...fixtureDataset, projects: [...fixtureDataset.projects, ...extra] } as unknown as Dataset);
}

describe('numbered circles and their key', () => {
  const spec = MapSpec.parse({
    kind: 'map',
    title: '测试地图',
    states: { city: { projects: 'all' }, few: { camera: { fit: ['150502', 'etdz'] }, projects: ['proj-a', 'proj-b', 'crowd-1'] } },
  });

  it('a state with more circles than can be named gets numbers, north to south, and a key in that order', () => {
    const d = crowded(12);
    const m = resolveMapState(spec, 'city', d);
    expect(m.markers.length).toBeGreaterThan(MAX_NAMED);
    expect(m.markerKey.map((i) => i.n)).toEqual(m.markerKey.map((_, i) => i + 1));
    expect(m.markerKey).toHaveLength(m.markers.length);
    const byId = new Map(m.markers.map((k) => [k.id, k]));
    const ys = m.markerKey.map((i) => byId.get(i.id)!.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(m.markers.every((k) => k.label?.numbered)).toBe(true);
    expect(markerLabelProblems(m)).toEqual([]);
    // The key names them by their map names.
    expect(m.markerKey.find((i) => i.id === 'crowd-3')?.short).toBe('拥挤项目3');
  });

  it('a state with few circles names them, with the same fixture', () => {
    const m = resolveMapState(spec, 'few', crowded(12));
    expect(m.markerKey).toEqual([]);
    expect(m.markers.map((k) => k.label?.text).sort()).toEqual(['拥挤项目1', '测试项目a', '测试项目b']);
    expect(markerLabelProblems(m)).toEqual([]);
  });

  it('the check catches a name on a circle, a name off the map and a missing key (bad fixtures)', () => {
    const m = resolveMapState(spec, 'few', crowded(12));
    const [a, b] = m.markers;
    const onCircle = { ...m, markers: m.markers.map((k) => (k === a ? { ...k, label: { ...k.label!, x: b!.x, y: b!.y } } : k)) };
    expect(markerLabelProblems(onCircle).join()).toMatch(/on the circle/);
    const off = { ...m, markers: m.markers.map((k) => (k === a ? { ...k, label: { ...k.label!, x: VIEW.width - 5 } } : k)) };
    expect(markerLabelProblems(off).join()).toMatch(/leaves the map/);
    const unnamed = { ...m, markers: m.markers.map((k) => (k === a ? { ...k, label: null } : k)) };
    expect(markerLabelProblems(unnamed).join()).toMatch(/has no name/);
    const numbered = resolveMapState(spec, 'city', crowded(12));
    expect(markerLabelProblems({ ...numbered, markerKey: numbered.markerKey.slice(1) }).join()).toMatch(/does not match/);
  });

  it('a project without a short name whose name is too long to place stops the build, saying what to add', () => {
    const d = crowded(2, (i) => (i === 1 ? '一个名字很长很长的测试项目工程' : `短名${i}`));
    expect(() => resolveMapState(spec, 'few', d)).toThrow(/crowd-1.*too long.*add "short" \(2–8 characters/);
    expect(checkMap(spec, d).map((p) => p.path.join('.'))).toEqual(['states.city.projects', 'states.few.projects.2']);
  });
});

describe('both renderers draw the names', () => {
  const spec = MapSpec.parse({
    kind: 'map',
    title: '测试地图',
    states: { few: { camera: { fit: ['150502', 'etdz'] }, projects: ['proj-a', 'proj-b', 'proj-c'] }, city: { projects: 'all' } },
  });
  const d = crowded(12);

  it('the standalone SVG (thumbnails, exports) prints every label', () => {
    for (const state of ['few', 'city']) {
      const m = resolveMapState(spec, state, d);
      const svg = mapStateSvg(m);
      expect(m.markers.length).toBeGreaterThan(2);
      for (const k of m.markers) expect(svg).toContain(`>${k.label?.text}</text>`);
    }
  });

  it('the live map’s source holds each state’s labels and leaders where the SVG has them, shown only in their state', () => {
    const states = Object.fromEntries(['few', 'city'].map((s) => [`g/${s}`, clientState(resolveMapState(spec, s, d))]));
    const scene = buildScene(layers, mapBase(d), states);
    for (const [key, s] of Object.entries(states)) {
      const on = new Set([...featureStates(scene, key, s)].filter(([, st]) => st.on).map(([id]) => id));
      const shown = scene.data.features.filter((f) => on.has(f.id as number));
      const labels = shown
        .filter((f) => f.properties.kind === 'marker-label')
        .map((f) => f.properties.name)
        .sort();
      expect(labels).toEqual(
        s.m
          .map((x) => x[6])
          .filter(Boolean)
          .sort(),
      );
      expect(shown.filter((f) => f.properties.kind === 'leader')).toHaveLength(s.m.filter((x) => x[8]).length);
    }
    expect(states['g/city']!.m.every((x) => /^\d+$/.test(x[6]))).toBe(true);
  });
});

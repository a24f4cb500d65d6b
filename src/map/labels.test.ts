import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { data } from '../lib/data/index.ts';
import { VIEW } from './camera.ts';
import { boxesOverlap, circleHitsBox, labelBox, placeLabels, type Circle } from './labels.ts';
import { BADGE, clientState, resolveMapState, type MapStateModel } from './model.ts';
import { parseMapSpec, type MapSpec } from './spec.ts';
import { MAP_SIZES, MARKER_PAINT } from './style.ts';
import { fixture } from './test-fixture.ts';

const view = { width: 600, height: 600 };

describe('circleHitsBox()', () => {
  const box = { x0: 100, x1: 160, y0: 90, y1: 110 };
  it('finds a circle on, beside or at the corner of a box', () => {
    expect(circleHitsBox({ x: 130, y: 100, r: 5 }, box)).toBe(true);
    expect(circleHitsBox({ x: 95, y: 100, r: 6 }, box)).toBe(true);
    expect(circleHitsBox({ x: 96, y: 86, r: 6 }, box)).toBe(true);
  });
  it('passes a circle that is clear of it, also diagonally off a corner', () => {
    expect(circleHitsBox({ x: 130, y: 80, r: 9 }, box)).toBe(false);
    expect(circleHitsBox({ x: 94, y: 84, r: 8 }, box)).toBe(false);
  });
});

describe('placeLabels()', () => {
  it('leaves a label where it is when nothing is in the way', () => {
    expect(placeLabels([{ id: 'a', text: '开鲁县', x: 300, y: 300, size: 19 }], [{ x: 400, y: 400, r: 20 }], view)).toEqual({});
  });

  it('moves a label off a circle on its anchor, as little as it can', () => {
    const circle = { x: 300, y: 300, r: 20 };
    const label = { id: 'a', text: '科尔沁区', x: 300, y: 305, size: 19 };
    expect(circleHitsBox(circle, labelBox(label.text, label.x, label.y, label.size))).toBe(true);
    const off = placeLabels([label], [circle], view)['a'];
    expect(off).toBeDefined();
    const [dx, dy] = off!;
    expect(circleHitsBox(circle, labelBox(label.text, label.x + dx, label.y + dy, label.size))).toBe(false);
    expect(Math.hypot(dx, dy)).toBeLessThan(60);
  });

  it('keeps labels off a crowd of circles and off each other, inside the view, the same way every time', () => {
    const circles: Circle[] = [
      { x: 300, y: 300, r: 30 },
      { x: 330, y: 270, r: 14 },
      { x: 270, y: 335, r: 10 },
      { x: 320, y: 330, r: 8 },
    ];
    const labels = [
      { id: 'a', text: '科尔沁区', x: 300, y: 300, size: 19 },
      { id: 'b', text: '开发区', x: 315, y: 305, size: 16 },
      { id: 'c', text: '科左中旗', x: 585, y: 12, size: 19 },
    ];
    const offsets = placeLabels(labels, circles, view);
    expect(placeLabels(labels, circles, view)).toEqual(offsets);
    const boxes = labels.map((l) => {
      const [dx, dy] = offsets[l.id] ?? [0, 0];
      return labelBox(l.text, l.x + dx, l.y + dy, l.size);
    });
    for (const b of boxes) {
      for (const c of circles) expect(circleHitsBox(c, b)).toBe(false);
      expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 600 && b.y1 <= 600).toBe(true);
    }
    expect(boxesOverlap(boxes[0]!, boxes[1]!)).toBe(false);
  });

  it('keeps labels out of areas to avoid', () => {
    const badge = { x0: 460, x1: 600, y0: 0, y1: 72 };
    const off = placeLabels([{ id: 'a', text: '科左中旗', x: 520, y: 46, size: 19 }], [], { ...view, avoid: [badge] })['a'];
    expect(off).toBeDefined();
    expect(boxesOverlap(labelBox('科左中旗', 520 + off![0], 46 + off![1], 19), badge)).toBe(false);
  });

  it('tries the candidates it is given, in order', () => {
    const off = placeLabels(
      [
        {
          id: 'z',
          text: '开发区',
          x: 300,
          y: 300,
          size: 16,
          candidates: [
            [40, 0],
            [-40, 0],
          ],
        },
      ],
      [{ x: 340, y: 300, r: 10 }],
      view,
    );
    expect(off).toEqual({ z: [-40, 0] });
  });
});

/** Every drawn label's box against every circle of a resolved state; problems as text. */
function collisions(m: MapStateModel): string[] {
  const circles: Circle[] = [
    ...m.markers.map((k) => ({ x: k.x, y: k.y, r: k.r + MARKER_PAINT.filled.strokeWidth / 2 })),
    { x: m.zone.x, y: m.zone.y, r: MAP_SIZES.zoneRadius },
  ];
  const labels = [
    ...m.countyLabels.map((l) => ({ text: l.text, box: labelBox(l.text, l.x, l.y, MAP_SIZES.countyLabel) })),
    { text: m.zone.label, box: labelBox(m.zone.label, m.zone.labelX, m.zone.labelY, MAP_SIZES.zoneLabel) },
  ].filter((l) => l.box.x1 > 0 && l.box.x0 < VIEW.width && l.box.y1 > 0 && l.box.y0 < VIEW.height);
  return labels.flatMap((l) =>
    circles.filter((c) => circleHitsBox(c, l.box)).map((c) => `${l.text} on the circle at ${Math.round(c.x)},${Math.round(c.y)}`),
  );
}

describe('the maps of the stories', () => {
  const root = new URL('../../content/', import.meta.url);
  const maps: { where: string; spec: MapSpec }[] = [];
  for (const story of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(new URL(`${story.name}/`, root)).filter((f) => f.endsWith('.mdx'))) {
      const text = readFileSync(new URL(`${story.name}/${file}`, root), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
      const graphics = ((front ? parse(front) : {}) as { graphics?: Record<string, { kind?: string }> }).graphics ?? {};
      for (const [id, g] of Object.entries(graphics)) {
        if (g.kind === 'map') maps.push({ where: `content/${story.name}/${file} ${id}`, spec: parseMapSpec(g, file) });
      }
    }
  }

  it('are found', () => {
    expect(maps.length).toBeGreaterThanOrEqual(5);
  });

  it('never draw a county label or the zone label on a project circle or the zone point, in any state', { timeout: 60_000 }, () => {
    const problems: string[] = [];
    let markers = 0;
    for (const { where, spec } of maps) {
      for (const state of Object.keys(spec.states)) {
        const m = resolveMapState(spec, state, data());
        markers += m.markers.length;
        problems.push(...collisions(m).map((c) => `${where} ${state}: ${c}`));
      }
    }
    expect(markers).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  it('keep neighbour names and county labels out of the 示意图 badge’s corner, zoomed in or not', () => {
    let zoomed = 0;
    for (const { spec } of maps) {
      for (const state of Object.keys(spec.states)) {
        const m = resolveMapState(spec, state, data());
        for (const l of m.neighbourLabels)
          expect(boxesOverlap(labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel), BADGE), `${l.text} under the badge`).toBe(false);
        for (const l of m.countyLabels) {
          const inView = l.x >= 0 && l.x <= VIEW.width && l.y >= 0 && l.y <= VIEW.height;
          if (inView)
            expect(boxesOverlap(labelBox(l.text, l.x, l.y, MAP_SIZES.countyLabel), BADGE), `${l.text} under the badge`).toBe(false);
        }
        if (spec.states[state]?.camera !== 'city') zoomed++;
      }
    }
    expect(zoomed).toBeGreaterThan(5);
  });

  it('the check finds labels on circles when nothing moves them (the naive placement of a busy state)', () => {
    const spec = parseMapSpec(
      {
        kind: 'map',
        title: '测试地图',
        states: { all: { camera: 'city', projects: 'all' }, horqin: { camera: { fit: ['150502', 'etdz'] }, projects: 'all' } },
      },
      'test',
    );
    const naive = (m: MapStateModel): MapStateModel => ({
      ...m,
      countyLabels: m.countyLabels.map((l) => {
        const [dx, dy] = m.labelOffsets[l.id] ?? [0, 0];
        return { ...l, x: l.x - dx, y: l.y - dy };
      }),
      zone: { ...m.zone, labelX: m.zone.x, labelY: m.zone.y },
    });
    const m = resolveMapState(spec, 'horqin', fixture);
    expect(Object.keys(m.labelOffsets).length).toBeGreaterThan(0);
    expect(collisions(naive(m)).length).toBeGreaterThan(0);
    expect(collisions(m)).toEqual([]);
    // MapLibre gets the same nudges.
    expect(clientState(m).o).toEqual(m.labelOffsets);
  });
});

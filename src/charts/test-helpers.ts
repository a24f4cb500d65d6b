/**
 * Shared steps of the chart kit's unit tests: checking a definition the way the build does, and
 * rendering a state at both widths with the layout guarantees asserted and an SVG snapshot stored.
 */
import { expect } from 'vitest';
import { checkGraphic } from '../graphics/registry.ts';
import type { GraphicSpecBase } from '../lib/graphic.ts';
import { formatPath } from '../lib/data/load.ts';
import type { ChartKind } from './kind.ts';
import { LAYOUT_NAMES, type LayoutName } from './layout.ts';
import { sceneSvg, type Scene } from './scene.ts';
import { textOutside, textOverlaps } from './text.ts';
import { fixtureData } from './test-fixture.ts';

/** The problems the build would report for `spec`, as "path: message" lines. */
export function checkGraphicWith(kind: ChartKind, spec: unknown): string[] {
  expect((spec as { kind: string }).kind).toBe(kind.kind);
  return checkGraphic(spec, fixtureData()).problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
}

/**
 * Renders `state` in both layouts, asserts that no label overlaps another or leaves the box, and
 * (unless `snapshot` is null) compares each with `<snapshot>.<layout>.svg` beside the tests.
 */
export async function expectScenes(
  kind: ChartKind,
  spec: unknown,
  state: string,
  snapshot: string | null,
): Promise<Record<LayoutName, Scene>> {
  const parsed = kind.schema.parse(spec) as GraphicSpecBase;
  const view = kind.view(parsed, state, fixtureData());
  for (const layout of LAYOUT_NAMES) {
    const scene = view.scenes[layout];
    expect(textOverlaps(scene), `${layout}: overlapping labels`).toEqual([]);
    expect(textOutside(scene), `${layout}: labels outside the box`).toEqual([]);
    if (snapshot) await expect(sceneSvg(scene)).toMatchFileSnapshot(`./${snapshot}.${layout}.svg`);
  }
  return view.scenes;
}

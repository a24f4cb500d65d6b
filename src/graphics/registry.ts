/**
 * The graphic kinds a chapter may use. Each kind module owns its schema, its dataset checks, its
 * thumbnail and its family (which renders it on the page and enhances it in the browser); this file
 * only lists them. A chart kind is added in `src/charts/kinds.ts`; a new family in `FAMILIES`.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { ChapterMeta, GraphicId } from '../lib/content/schema.ts';
import { checkWithKind, type Family, type GraphicKind, type GraphicRef, type SpecProblem } from '../lib/graphic.ts';
import { formatPath } from '../lib/data/load.ts';
import { z } from 'zod';
import { CHART_KIND_LIST } from '../charts/kinds.ts';
import { mapKind } from '../map/kind.ts';

/** Every graphic kind: the chart kinds and the map. */
const KIND_LIST = [...CHART_KIND_LIST, mapKind] as const;

export const GRAPHIC_KINDS: Record<string, GraphicKind<AnyGraphicSpec>> = Object.fromEntries(KIND_LIST.map((k) => [k.kind, k]));

type SpecOf<K> = K extends GraphicKind<infer S> ? S : never;
/** A graphic definition of any kind (the union of the kinds' spec types). */
export type AnyGraphicSpec = SpecOf<(typeof KIND_LIST)[number]>;

/**
 * The union of the kinds' own schemas: the chapters collection types `graphics:` with it, so code
 * and editors' tooling see the real fields of each kind. (The content check, which runs first,
 * reports a bad definition with its file, line and hint; this only types what passed.)
 */
export const GraphicSpec = z.union(
  KIND_LIST.map((k) => k.schema) as unknown as [z.ZodType<AnyGraphicSpec>, ...z.ZodType<AnyGraphicSpec>[]],
);

/** Names of the known kinds, for messages and editor tooling. */
export function kindNames(): string[] {
  return Object.keys(GRAPHIC_KINDS).sort();
}

/** Validate one graphic definition: known kind, shape, dataset references. Every problem, with paths. */
export function checkGraphic(spec: unknown, data: DataIndex): { spec: AnyGraphicSpec | null; problems: SpecProblem[] } {
  const kind = (spec as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !(kind in GRAPHIC_KINDS)) {
    return {
      spec: null,
      problems: [{ path: ['kind'], message: `unknown graphic kind ${JSON.stringify(kind)}; use one of: ${kindNames().join(', ')}` }],
    };
  }
  return checkWithKind(GRAPHIC_KINDS[kind] as GraphicKind<AnyGraphicSpec>, spec, data);
}

/**
 * A chapter's graphic, checked, for build-time drawing (thumbnails, downloads): fails naming the
 * chapter file, the graphic and every problem. (The content check reports them first, with lines.)
 */
export function checkedGraphic(graphic: GraphicRef, data: DataIndex): AnyGraphicSpec {
  const checked = checkGraphic(graphic.spec, data);
  if (!checked.spec || checked.problems.length > 0) {
    throw new Error(
      `${graphic.file}: graphic "${graphic.id}": ${checked.problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ')}`,
    );
  }
  return checked.spec;
}

/** The kind module of `kind`; fails for an unknown kind, naming the known ones. */
export function graphicKind(kind: string): GraphicKind<AnyGraphicSpec> {
  const k = Object.hasOwn(GRAPHIC_KINDS, kind) ? GRAPHIC_KINDS[kind] : undefined;
  if (!k) throw new Error(`unknown graphic kind ${JSON.stringify(kind)}; use one of: ${kindNames().join(', ')}`);
  return k;
}

/** The family a kind declares (its renderer and browser enhancer); fails for an unknown kind. */
export function familyOf(kind: string): Family {
  return graphicKind(kind).family;
}

/** A chapter's frontmatter with every graphic typed by its kind (the chapters collection's schema). */
export const ChapterWithGraphics = ChapterMeta.extend({ graphics: z.record(GraphicId, GraphicSpec).default({}) });

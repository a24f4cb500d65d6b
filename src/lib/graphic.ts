/**
 * The contract between chapters, the scrolly engine and the graphic kinds (charts and the map).
 *
 * A chapter's frontmatter declares its graphics under `graphics:`; each graphic has a `kind`, a `title`
 * and named `states`. A `<Step graphic="id" state="name" summary="…">` selects one complete state; the
 * step declares the whole picture, never a change to the previous one.
 */
import type { z } from 'zod';
import type { DataIndex } from './data/index.ts';
import type { JsonPath } from './data/validate.ts';
import { wordIssues } from './zod-words.ts';

/** A problem in a graphic definition, with a path inside that definition (e.g. ['states', 'peak', 'highlight', 0]). */
export interface SpecProblem {
  path: JsonPath;
  /** What is wrong and how to fix it, e.g. "unknown period '2030' for indicator 'gdp'; it has 2024, 2025". */
  message: string;
  /** How to fix it, when the problem knows better than the kind's section of the guide. */
  hint?: string;
}

/** Every graphic definition has these fields; kinds add their own. */
export interface GraphicSpecBase {
  kind: string;
  /** Title shown above the graphic (Chinese). */
  title: string;
  /** Optional line under the title, e.g. the unit or what is compared. */
  subtitle?: string | undefined;
  /** Named states; each step chooses one. */
  states: Record<string, unknown>;
}

/**
 * The families of graphic kinds. A family has one page renderer (dispatched in
 * `src/graphics/Graphic.astro`) and one browser enhancer (`ENHANCERS` in `src/graphics/client.ts`);
 * both are typed by this list, so adding a family here makes the compiler point at the two places
 * that need its renderer and enhancer. Kinds declare their family.
 */
export const FAMILIES = ['chart', 'map'] as const;
export type Family = (typeof FAMILIES)[number];

/** A standalone SVG document (with xmlns, width, height and viewBox) and its size. */
export interface StandaloneSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * What a graphic kind provides at build time. Rendering on the page is done by its family's Astro
 * component, dispatched in `src/graphics/Graphic.astro`.
 */
export interface GraphicKind<S extends GraphicSpecBase = GraphicSpecBase> {
  kind: S['kind'];
  family: Family;
  /** Validates the frontmatter definition (shape only). */
  schema: z.ZodType<S>;
  /**
   * Checks against the dataset: ids exist, periods exist, units agree, states are complete.
   * Return every problem; paths are relative to the graphic definition.
   */
  check(spec: S, data: DataIndex): SpecProblem[];
  /**
   * One state as a standalone SVG document (front-page cards, social images, embeds' thumbnails).
   * Call only for a definition that passed `check`; `file` names the chapter in errors.
   */
  thumbnail(spec: S, state: string, data: DataIndex, opts: { fontFamily: string; file: string }): StandaloneSvg;
  /**
   * The regions (dataset ids) the graphic points at in any state, for the front page's map of where
   * the stories look; a kind that names no place leaves it out. Takes the definition as written (the
   * kind parses it, failing with `file`).
   */
  places?(raw: unknown, data: DataIndex, file: string): string[];
}

/** Shape, then dataset checks, with one kind: every problem, with paths inside the definition. */
export function checkWithKind<S extends GraphicSpecBase>(
  k: GraphicKind<S>,
  raw: unknown,
  data: DataIndex,
): { spec: S | null; problems: SpecProblem[] } {
  const parsed = k.schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const kind = (raw as { kind?: unknown }).kind;
    return {
      spec: null,
      problems: wordIssues(parsed.error.issues, { guide: `see "${String(kind)}" in section 6 of docs/editing.md`, field: () => '' }),
    };
  }
  return { spec: parsed.data, problems: k.check(parsed.data, data) };
}

/** A graphic as a page knows it: its id (unique within a story) and definition. */
export interface GraphicRef {
  id: string;
  spec: GraphicSpecBase;
  /** The chapter file that defines it (for messages). */
  file: string;
}

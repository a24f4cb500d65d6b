/**
 * The contract between chapters, the scrolly engine and the graphic kinds (charts and the map).
 *
 * A chapter's frontmatter declares its graphics under `graphics:`; each graphic has a `kind`, a `title`
 * and named `states`. A `<Step graphic="id" state="name" summary="…">` selects one complete state; the
 * step declares the whole picture, never a change to the previous one.
 */
import type { z } from 'zod';
import type { DataIndex } from '../lib/data/index.ts';
import type { JsonPath } from '../lib/data/validate.ts';

/** A problem in a graphic definition, with a path inside that definition (e.g. ['states', 'peak', 'highlight', 0]). */
export interface SpecProblem {
  path: JsonPath;
  /** What is wrong and how to fix it, e.g. "unknown period '2030' for indicator 'gdp'; it has 2024, 2025". */
  message: string;
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
 * What a graphic kind provides at build time. Rendering is done by the kind's Astro component,
 * dispatched in `src/graphics/Graphic.astro`.
 */
export interface GraphicKind<S extends GraphicSpecBase = GraphicSpecBase> {
  kind: S['kind'];
  /** Validates the frontmatter definition (shape only). */
  schema: z.ZodType<S>;
  /**
   * Checks against the dataset: ids exist, periods exist, units agree, states are complete.
   * Return every problem; paths are relative to the graphic definition.
   */
  check(spec: S, data: DataIndex): SpecProblem[];
}

/** A graphic as a page knows it: its id (unique within a story) and definition. */
export interface GraphicRef {
  id: string;
  spec: GraphicSpecBase;
  /** The chapter file that defines it (for messages). */
  file: string;
}

/**
 * What every chart kind provides, and the parts of a definition they share. A kind's `view` turns
 * (definition, state, dataset) into everything the frame (Chart.astro) shows: a scene per layout,
 * the unit line, a text description, the table of plotted values, and the plotted data (whose
 * citations make the source line). `defineChartKind` adds the checks every chart gets: no label
 * overlaps or leaves the box in any state at either width, and the chart fits a phone screen.
 */
import { z } from 'zod';
import type { DataIndex } from '../lib/data/index.ts';
import { Id } from '../lib/data/schema.ts';
import type { GraphicKind, GraphicSpecBase, SpecProblem } from '../lib/graphic.ts';
import type { Datum } from './data.ts';
import { LAYOUT_NAMES, MAX_COMPACT_HEIGHT, type LayoutName } from './layout.ts';
import { round, sceneSvg, type Scene } from './scene.ts';
import { textOutside, textOverlaps } from './text.ts';

/** Title, optional subtitle and note: the words around every chart (figures come from the data). */
export const chartBase = {
  /** Shown above the chart and as the SVG's title. */
  title: z.string().min(2).max(40),
  /** A second line under the title, e.g. what is compared. */
  subtitle: z.string().min(1).max(60).optional(),
  /** A footnote under the chart (definitions, caveats). */
  note: z.string().min(1).max(140).optional(),
};

/** The fields `chartBase` adds to every chart definition. */
export interface ChartSpecBase extends GraphicSpecBase {
  note?: string | undefined;
}

/** Named states, at least one; names are what `<Step state="…">` uses. */
export function statesOf<T extends z.ZodType>(state: T) {
  return z.record(Id, state).refine((s) => Object.keys(s).length > 0, { message: 'define at least one state, e.g. `states: { all: {} }`' });
}

/** A table of exactly the plotted values. */
export interface DataTable {
  /** Column headings; the first heads the row headers. */
  columns: string[];
  rows: { header: string; cells: string[] }[];
}

export interface ChartView {
  /** Unit line under the title, e.g. "单位：亿元"; empty when the drawing states its unit itself. */
  unit: string;
  scenes: Record<LayoutName, Scene>;
  /** What the chart shows in this state, in words and figures (the SVG's <desc>). */
  description: string;
  table: DataTable;
  /** The values plotted in this state; their citations make the source line. */
  plotted: Datum[];
  /** Notes the kind adds by itself (how to read the drawing), shown before the editor's note. */
  notes?: string[];
}

export interface ChartKind<S extends ChartSpecBase = ChartSpecBase> extends GraphicKind<S> {
  /** Everything shown for one state. Call only for a definition whose `check` found no problems. */
  view(spec: S, state: string, data: DataIndex): ChartView;
}

interface KindParts<S extends ChartSpecBase> {
  kind: S['kind'];
  schema: z.ZodType<S>;
  /** Dataset and state checks specific to the kind. */
  check(spec: S, data: DataIndex): SpecProblem[];
  view(spec: S, state: string, data: DataIndex): ChartView;
}

/** Problems of the drawn result: labels that overlap or leave the box (per state and layout), or a chart too tall for a phone. */
function layoutProblems<S extends ChartSpecBase>(spec: S, data: DataIndex, view: KindParts<S>['view']): SpecProblem[] {
  const problems: SpecProblem[] = [];
  let tallest = 0;
  for (const state of Object.keys(spec.states)) {
    const v = view(spec, state, data);
    tallest = Math.max(tallest, v.scenes.compact.height);
    for (const layout of LAYOUT_NAMES) {
      const scene = v.scenes[layout];
      for (const o of textOverlaps(scene)) {
        problems.push({
          path: ['states', state],
          message: `labels "${o.a}" and "${o.b}" overlap in the ${layout} layout; shorten a label or highlight fewer items`,
        });
      }
      for (const t of textOutside(scene)) {
        problems.push({ path: ['states', state], message: `label "${t}" does not fit in the ${layout} layout; shorten it` });
      }
    }
  }
  if (tallest > MAX_COMPACT_HEIGHT) {
    problems.push({
      path: [],
      message: `the chart is ${Math.round(tallest)} units tall on phones, but at most ${MAX_COMPACT_HEIGHT} fit on screen beside the text; show fewer rows, shorten labels or split the chart`,
    });
  }
  return problems;
}

/** A chart kind: its own checks first, then (when the data resolves) the layout checks. */
export function defineChartKind<S extends ChartSpecBase>(parts: KindParts<S>): ChartKind<S> {
  return {
    kind: parts.kind,
    family: 'chart',
    schema: parts.schema,
    view: parts.view,
    thumbnail(spec, state, data, { fontFamily }) {
      // the phone layout: thumbnails are shown small
      const scene = parts.view(spec, state, data).scenes.compact;
      return { svg: sceneSvg(scene, fontFamily), width: round(scene.width), height: round(scene.height) };
    },
    check(spec, data) {
      const problems = parts.check(spec, data);
      return problems.length > 0 ? problems : layoutProblems(spec, data, parts.view);
    },
  };
}

/**
 * The `kind: map` graphic as editors declare it in a chapter's frontmatter:
 *
 * ```yaml
 * graphics:
 *   where:
 *     kind: map
 *     title: 重点项目分布
 *     states:
 *       overview: { camera: city, projects: all }
 *       horqin: { camera: { fit: [150502, etdz] }, highlight: [150502], projects: all }
 *       investment: { choropleth: { projects: investment } }
 * ```
 *
 * Shape only; ids (regions, indicators, projects, sectors, layers, views) are checked against the
 * dataset in check.ts, so every unknown id gets a "did you mean" problem with its precise path.
 */
import { z } from 'zod';
import { issuesLine } from '../lib/zod-words.ts';

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A region id: a 6-digit county code or `etdz`. YAML reads an unquoted 150502 as a number; both work. */
const RegionId = z.union([z.string(), z.int()]).transform(String);

/** The context layers a state can show (all by default). */
export const LAYERS = ['neighbours', 'rivers', 'labels'] as const;
export type LayerName = (typeof LAYERS)[number];

/** Named views: `city` fits the whole city (all eight county-level divisions). */
export const VIEWS = ['city'] as const;

/** Where the camera looks: a named view, a fit to regions, or an explicit centre and zoom (from the debug view). */
export const CameraSpec = z.union([
  z.string().describe('A named view: city.'),
  z.strictObject({
    /** Region ids to fit into view (their whole areas; the zone by its point). */
    fit: z.array(RegionId).min(1, 'fit needs at least one region id'),
  }),
  z.strictObject({
    /** [longitude, latitude], WGS84. */
    center: z.tuple([z.number().min(115).max(128), z.number().min(39).max(49)]),
    /** Zoom for the map's reference width (600 px); copy it from the ?debug view. */
    zoom: z.number().min(4).max(12),
    /** The map never rotates or tilts; accepted so the debug view's snippet pastes as is. */
    bearing: z.literal(0).optional(),
    pitch: z.literal(0).optional(),
  }),
]);

/** Colour the counties by a value per region. */
export const ChoroplethSpec = z.union([
  z.strictObject({
    /** One indicator per county (each with that county as its scope), all in one unit. */
    indicators: z
      .array(z.string().regex(kebab, 'indicator ids are kebab-case'))
      .min(2, 'a choropleth needs indicators for at least two counties'),
    /** Period of the values, e.g. "2024", when an indicator has several. */
    period: z.string().optional(),
    /** actual, target or growth, when a period has several. */
    kind: z.enum(['actual', 'target', 'forecast', 'growth']).optional(),
    /** What is coloured, for the legend (the period and unit are added); default: the first indicator's label. */
    label: z.string().min(2).optional(),
  }),
  z.strictObject({
    /** Sum of project investment (亿元) or number of projects, per county. */
    projects: z.enum(['investment', 'count']),
    /** Only projects of these sectors (dataset sector ids). */
    sectors: z.array(z.string()).optional(),
  }),
]);

/** One complete map state. */
export const MapStateSpec = z.strictObject({
  /** Named view, `{ fit: [ids] }` or `{ center, zoom }`. Default: the whole city. */
  camera: CameraSpec.default('city'),
  /** Regions drawn emphasised (outlined in the highlight colour, labels bold). */
  highlight: z.array(RegionId).default([]),
  /** Colour counties by a value per region; a legend and a table are added. */
  choropleth: ChoroplethSpec.optional(),
  /** Project markers: `all` (every project placed in a county) or a list of project ids. */
  projects: z.union([z.literal('all'), z.array(z.string()).min(1)]).optional(),
  /** With `projects: all`, only these sectors. */
  sectors: z.array(z.string()).optional(),
  /** Context layers to show; default all of neighbours, rivers, labels. */
  layers: z.array(z.string()).optional(),
});

export const MapSpec = z.strictObject({
  kind: z.literal('map'),
  /** Title shown above the map (Chinese). */
  title: z.string().min(2),
  /** Optional line under the title. */
  subtitle: z.string().optional(),
  /** Named states; each map step selects one. */
  states: z
    .record(z.string().regex(kebab, 'state names are kebab-case, e.g. "overview"'), MapStateSpec)
    .refine((s) => Object.keys(s).length > 0, 'a map needs at least one state'),
});

export type MapSpec = z.infer<typeof MapSpec>;
export type MapStateSpec = z.infer<typeof MapStateSpec>;
export type CameraSpec = z.infer<typeof CameraSpec>;
export type ChoroplethSpec = z.infer<typeof ChoroplethSpec>;

/** Parse a map definition for rendering; the content check reports problems first, this only guards. */
export function parseMapSpec(raw: unknown, file: string): MapSpec {
  const r = MapSpec.safeParse(raw, { reportInput: true });
  if (!r.success)
    throw new Error(`${file}: invalid map definition: ${issuesLine(r.error.issues, 'see "map" in section 6 of docs/editing.md')}`);
  return r.data;
}

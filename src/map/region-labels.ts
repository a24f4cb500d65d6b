/**
 * A state's place names: the counties', the development zone's (nudged off the project circles and the
 * zone's point, kept inside the view) and the neighbouring prefectures' (context: dropped where they
 * would be cut, hidden under the badge or in the way of a project). Pure, in viewBox units.
 */
import type { DataIndex } from '../lib/data/index.ts';
import { VIEW, type LngLat } from './camera.ts';
import { counties, layers } from './geo.ts';
import {
  boxesOverlap,
  circleHitsBox,
  labelBox,
  mapTextWidth,
  placeLabels,
  segmentHitsBox,
  type Box,
  type Circle,
  type LabelInput,
} from './labels.ts';
import { markerLabelSize, type MarkerModel } from './markers.ts';
import { MAP_SIZES } from './style.ts';

export interface LabelModel {
  id: string;
  text: string;
  x: number;
  y: number;
  /** Drawn in the highlight colour. */
  highlighted: boolean;
}

/** The development zone's point (always drawn; in the highlight colour when highlighted) and its label's centre. */
export interface ZoneModel {
  x: number;
  y: number;
  lngLat: LngLat;
  label: string;
  labelX: number;
  labelY: number;
  highlighted: boolean;
}

/**
 * The corner the 示意图 badge covers (viewBox units, as large as it gets: on a phone-sized map).
 * Neighbour names there are dropped rather than hidden under it; county labels move out of it.
 */
export const BADGE: Box = { x0: 460, x1: 600, y0: 0, y1: 72 };

/**
 * The corner the 探索地图 / 返回故事 button covers (bottom left; viewBox units where it is largest: an
 * 82 × 44 px button 8 px from the edges of a phone's map, which can be as small as ~275 px when a
 * numbered state's key shares the screen). No label goes there.
 */
export const CONTROLS: Box = { x0: 0, x1: 200, y0: 485, y1: 600 };

/** Space between the zone's point and its label. */
const ZONE_GAP = 8;

/** Whether a centred label lies wholly inside the view (half-cut neighbour names are dropped, not clipped). */
function fitsInView(l: { text: string; x: number; y: number }, size: number): boolean {
  const half = mapTextWidth(l.text, size) / 2 + 4;
  return l.x - half >= 0 && l.x + half <= VIEW.width && l.y - size >= 0 && l.y + size <= VIEW.height;
}

/**
 * A county label that the camera cuts (its county runs off the edge of a zoomed view) moves inside the
 * view, so the name is read whole; one wholly outside stays where it is (the view clips it away).
 */
export function keepInView(text: string, x: number, y: number, size: number): [number, number] {
  const b = labelBox(text, x, y, size);
  if (b.x1 <= 0 || b.x0 >= VIEW.width || b.y1 <= 0 || b.y0 >= VIEW.height) return [x, y];
  const dx = b.x0 < 0 ? -b.x0 : b.x1 > VIEW.width ? VIEW.width - b.x1 : 0;
  const dy = b.y0 < 0 ? -b.y0 : b.y1 > VIEW.height ? VIEW.height - b.y1 : 0;
  return [x + dx, y + dy];
}

/** The neighbouring prefectures' names that fit whole in the view and clear of the badge. */
export function neighbourLabelsInView(project: (p: LngLat) => [number, number]): LabelModel[] {
  return layers.neighbourLabels
    .map((n) => {
      const [x, y] = project(n.label);
      return { id: n.name, text: n.name, x, y, highlighted: false };
    })
    .filter((l) => fitsInView(l, MAP_SIZES.neighbourLabel) && !boxesOverlap(labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel), BADGE));
}

/**
 * The zone's label first (beside its point), then the counties', where no circle is and clear of the
 * badge and the controls. `offsets` are the nudges by county code and `zone` (what MapLibre needs).
 */
export function placeRegionLabels(
  project: (p: LngLat) => [number, number],
  data: DataIndex,
  circles: Circle[],
  highlight: string[],
): { countyLabels: LabelModel[]; zone: ZoneModel; offsets: Record<string, [number, number]> } {
  const zoneRegion = data.getRegion('etdz');
  const zoneLngLat: LngLat = [zoneRegion.seat.lon, zoneRegion.seat.lat];
  const [zx, zy] = project(zoneLngLat);
  const zoneText = zoneRegion.short;
  const zoneHalf = mapTextWidth(zoneText, MAP_SIZES.zoneLabel) / 2 + ZONE_GAP;
  const zoneInput: LabelInput = {
    id: 'zone',
    text: zoneText,
    x: zx,
    y: zy,
    size: MAP_SIZES.zoneLabel,
    // Beside the point, right then left, then below and above, further out when crowded.
    candidates: [1, 1.6, 2.4, 3.4].flatMap(
      (k) =>
        [
          [zoneHalf * k, 0],
          [-zoneHalf * k, 0],
          [0, MAP_SIZES.zoneLabel * k],
          [0, -MAP_SIZES.zoneLabel * k],
        ] as [number, number][],
    ),
  };
  const countyInputs: LabelInput[] = counties.features.map((f) => {
    const [x, y] = project(f.properties.label);
    return { id: String(f.id), text: data.getRegion(String(f.id)).short, x, y, size: MAP_SIZES.countyLabel };
  });
  const offsets = placeLabels([zoneInput, ...countyInputs], circles, { width: VIEW.width, height: VIEW.height, avoid: [BADGE, CONTROLS] });
  const zoneOffset = offsets['zone'] ?? [0, 0];
  const countyLabels: LabelModel[] = countyInputs.map((l) => {
    const [dx, dy] = offsets[l.id] ?? [0, 0];
    const [x, y] = keepInView(l.text, l.x + dx, l.y + dy, l.size);
    return { id: l.id, text: l.text, x, y, highlighted: highlight.includes(l.id) };
  });
  const zone: ZoneModel = {
    x: zx,
    y: zy,
    lngLat: zoneLngLat,
    label: zoneText,
    labelX: zx + zoneOffset[0],
    labelY: zy + zoneOffset[1],
    highlighted: highlight.includes('etdz'),
  };
  return { countyLabels, zone, offsets };
}

/** The boxes the region labels take (the circles' names must keep clear of them). */
export function regionLabelBoxes(countyLabels: LabelModel[], zone: ZoneModel): Box[] {
  return [
    labelBox(zone.label, zone.labelX, zone.labelY, MAP_SIZES.zoneLabel),
    ...countyLabels.map((l) => labelBox(l.text, l.x, l.y, MAP_SIZES.countyLabel)),
  ];
}

/** A neighbouring prefecture's name is context: it gives way to a project's name, circle or leader line. */
export function clearOfMarkers(neighbourLabels: LabelModel[], markers: MarkerModel[], circles: Circle[]): LabelModel[] {
  const markerMarks = markers.flatMap((k) =>
    k.label ? [labelBox(k.label.text, k.label.x, k.label.y, markerLabelSize(k.label.numbered))] : [],
  );
  return neighbourLabels.filter((l) => {
    const b = labelBox(l.text, l.x, l.y, MAP_SIZES.neighbourLabel);
    return (
      !markerMarks.some((m) => boxesOverlap(m, b)) &&
      !circles.some((c) => circleHitsBox(c, b)) &&
      !markers.some((k) => k.leader && segmentHitsBox(...k.leader, b))
    );
  });
}

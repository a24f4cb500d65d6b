/**
 * Where the series' articles sit on a time axis: a horizontal position for each (by month) and a
 * lane, so that dots closer together than `minGap` stack instead of overlapping. Pure; the front
 * page draws the result as SVG.
 */

export interface TimelineItem {
  id: string;
  /** `YYYY-MM` (or `YYYY-MM-DD`; only year and month count). */
  date: string;
}

export interface TimelineOptions {
  /** Width of the axis in drawing units. */
  width: number;
  /** Smallest distance between two dots in one lane (drawing units). */
  minGap: number;
}

export interface PlacedItem extends TimelineItem {
  /** Position along the axis, 0…width. */
  x: number;
  /** 0 on the axis, then 1, 2… away from it. */
  lane: number;
}

export interface TimelineLayout {
  items: PlacedItem[];
  /** Year boundaries (1 January) on the axis, with their positions. */
  ticks: { year: number; x: number }[];
  /** Number of lanes used (at least 1). */
  lanes: number;
}

/** Months since year 0 of a `YYYY-MM…` date; throws on anything else. */
export function monthIndex(date: string): number {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(date);
  if (!m) throw new Error(`invalid timeline date: ${date} (use YYYY-MM)`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new Error(`invalid timeline date: ${date} (month out of range)`);
  return Number(m[1]) * 12 + month - 1;
}

/**
 * The axis runs from 1 January of the first item's year to 1 January after the last item's year,
 * so every year appears whole. A dot sits in the middle of its month. Items keep their input order
 * in the result; lanes are assigned in date order (ties by input order), each item taking the lowest
 * lane whose previous dot is at least `minGap` away.
 */
export function timelineLayout(items: TimelineItem[], opts: TimelineOptions): TimelineLayout {
  if (items.length === 0) throw new Error('a timeline needs at least one item');
  if (!(opts.width > 0) || !(opts.minGap >= 0)) throw new Error(`invalid timeline size: width ${opts.width}, minGap ${opts.minGap}`);
  const months = items.map((i) => monthIndex(i.date));
  const firstYear = Math.floor(Math.min(...months) / 12);
  const lastYear = Math.floor(Math.max(...months) / 12);
  const start = firstYear * 12;
  const span = (lastYear + 1) * 12 - start;
  const xOf = (month: number) => ((month - start) / span) * opts.width;

  const order = items.map((_, i) => i).sort((a, b) => (months[a] as number) - (months[b] as number) || a - b);
  const laneEnds: number[] = [];
  const placed: PlacedItem[] = new Array(items.length);
  for (const i of order) {
    const x = xOf((months[i] as number) + 0.5);
    let lane = laneEnds.findIndex((end) => x - end >= opts.minGap);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = x;
    placed[i] = { ...(items[i] as TimelineItem), x, lane };
  }
  const ticks = [];
  for (let y = firstYear; y <= lastYear + 1; y++) ticks.push({ year: y, x: xOf(y * 12) });
  return { items: placed, ticks, lanes: laneEnds.length };
}

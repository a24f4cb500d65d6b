/** Rectangles in CSS pixels, as `getBoundingClientRect` gives them. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Whether two rectangles share an area (touching edges, within half a pixel, do not count). */
export function overlap(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance && Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance
  );
}

/** A text label of a graphic, as the browser measured it. */
export interface Label {
  text: string;
  box: Box;
}

/** One rendered graphic (a chart or map SVG in a state): its labels and the area they must stay in. */
export interface RenderedGraphic {
  /** Where it was seen, for messages: "#step-id (chart growth/latest, compact)". */
  where: string;
  bounds: Box;
  labels: Label[];
}

/** How far (CSS px) two labels may overlap, or a label may stick out, before it counts: sub-pixel rounding. */
export const LABEL_TOLERANCE = 1;

/**
 * Every pair of labels that overlap and every label that leaves the graphic, as messages. Empty
 * labels do not count (they draw nothing).
 */
export function labelProblems(g: RenderedGraphic, tolerance = LABEL_TOLERANCE): string[] {
  const labels = g.labels.filter((l) => l.text.trim() !== '');
  // Only the parts inside the graphic can collide where a reader sees them.
  const clip = (b: Box): Box => ({
    top: Math.max(b.top, g.bounds.top),
    bottom: Math.min(b.bottom, g.bounds.bottom),
    left: Math.max(b.left, g.bounds.left),
    right: Math.min(b.right, g.bounds.right),
  });
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (overlap(clip(a.box), clip(b.box), tolerance)) out.push(`${g.where}: labels "${a.text}" and "${b.text}" overlap`);
    }),
  );
  for (const l of labels) {
    const b = l.box;
    const by = Math.max(g.bounds.left - b.left, b.right - g.bounds.right, g.bounds.top - b.top, b.bottom - g.bounds.bottom);
    if (by > tolerance) out.push(`${g.where}: label "${l.text}" leaves the graphic by ${Math.round(by)} px`);
  }
  return out;
}

/** A step's text card, measured. */
export interface Card {
  step: string;
  height: number;
}

/** Cards taller than half the viewport (a reader must see the graphic beside or behind the card). */
export function tallCards(cards: Card[], viewportHeight: number): string[] {
  return cards
    .filter((c) => c.height > viewportHeight / 2)
    .map((c) => `#${c.step}: card ${Math.round(c.height)} px > ${viewportHeight / 2} px (half of ${viewportHeight})`);
}

/**
 * What a scrolly section needs to know about its steps at build time, read from their rendered HTML
 * (`Astro.slots.render`): which graphics the sticky slot must hold, and in which state each starts.
 */

/** A step's declaration as rendered by `Step.astro`. */
export interface StepDecl {
  id: string;
  graphic: string;
  state: string;
}

/** The attribute that marks a step's root element; `Step.astro` writes it, the engine queries it. */
export const STEP_ATTR = 'data-step';

const OPENING_TAG = new RegExp(`<[a-z]+\\b[^>]*\\s${STEP_ATTR}(?=[\\s=/>])[^>]*>`, 'gi');
const ATTRIBUTE = /\s([a-z-]+)=(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };

function decode(value: string): string {
  return value.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => ENTITIES[e] ?? e);
}

/** The steps in `html`, in document order. Throws for a marked element without id, graphic or state. */
export function stepsInHtml(html: string): StepDecl[] {
  return [...html.matchAll(OPENING_TAG)].map(([tag]) => {
    const attrs = new Map([...tag.matchAll(ATTRIBUTE)].map((m) => [m[1] as string, decode(m[2] ?? m[3] ?? '')]));
    const get = (name: string): string => {
      const v = attrs.get(name);
      if (!v) throw new Error(`a step is missing its ${name}: ${tag}`);
      return v;
    };
    return { id: get('id'), graphic: get('data-graphic'), state: get('data-state') };
  });
}

/** A layer of the sticky slot: one graphic, shown first in the state of the first step that uses it. */
export interface LayerDecl {
  graphic: string;
  state: string;
}

/** One layer per graphic the steps use, in order of first use. */
export function stickyLayers(steps: readonly StepDecl[]): LayerDecl[] {
  const layers = new Map<string, LayerDecl>();
  for (const s of steps) if (!layers.has(s.graphic)) layers.set(s.graphic, { graphic: s.graphic, state: s.state });
  return [...layers.values()];
}

/**
 * The browser modules of the graphic families, loaded on demand by the scroll engine. The contract
 * they implement is in `src/lib/graphic-client.ts`.
 */
import type { Family } from '../lib/graphic.ts';
import type { Mount } from '../lib/graphic-client.ts';

export type { GraphicController, Mount, MountOptions, SetStateOptions } from '../lib/graphic-client.ts';

/**
 * Lazy loaders per family, keyed by the layer's `data-family` (`FAMILIES`). Each is a dynamic
 * import, so a page only downloads what its graphics need (no MapLibre on pages without a map).
 */
const LOADERS: Record<Family, () => Promise<{ mount: Mount }>> = {
  chart: () => import('../charts/enhance.ts'),
  map: () => import('../map/enhance.ts'),
};

/** The loaders, looked up by a `data-family` read from the page: an unknown family gives undefined. */
export const ENHANCERS: Partial<Record<string, () => Promise<{ mount: Mount }>>> = LOADERS;

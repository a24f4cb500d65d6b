/**
 * Browser side of the graphics contract. The scrolly engine mounts one controller per graphic layer
 * in a sticky slot and tells it which state to show; it never knows how a kind draws.
 */

export interface SetStateOptions {
  /** False with prefers-reduced-motion, on first paint, after a jump or a resize: switch instantly. */
  animate: boolean;
}

export interface GraphicController {
  /**
   * Show `state`. `source` is an element holding the static rendering of that state (the step's own
   * figure), from which precomputed geometry can be read; null when the state has no step.
   */
  setState(state: string, source: Element | null, opts: SetStateOptions): void;
  /** Remove listeners, timers, WebGL contexts. */
  destroy(): void;
}

export interface MountOptions {
  reducedMotion: boolean;
}

/** A kind family's browser module exports `mount`. */
export type Mount = (layer: HTMLElement, opts: MountOptions) => GraphicController;

/**
 * Lazy loaders per family, keyed by the layer's `data-family` ("chart" or "map"). Each is a dynamic
 * import, so a page only downloads what its graphics need (no MapLibre on pages without a map).
 */
export const ENHANCERS: Record<string, () => Promise<{ mount: Mount }>> = {
  chart: () => import('../charts/enhance.ts'),
};

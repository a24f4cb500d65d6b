/**
 * Browser side of the graphics contract. The scrolly engine mounts one controller per graphic layer
 * in a sticky slot and tells it which state to show; it never knows how a kind draws. Each family's
 * browser module (`src/charts/enhance.ts`, `src/map/enhance.ts`) implements `Mount`; the loaders
 * are in `src/graphics/client.ts`.
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

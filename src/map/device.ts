/**
 * Which path the story map takes in this browser (pure decisions, plus the small probes that feed them).
 *
 * - `svg` (the default): camera moves and highlight changes are tweens between the build-time SVG
 *   states (tween.ts); MapLibre is loaded only when the reader opens explore mode.
 * - `live`: MapLibre takes over the sticky map during a reading pause, seamlessly (enhance.ts). Chosen
 *   on devices that can afford it, or forced with `?map=live` (benchmarks, tests, editors).
 *
 * `?map=svg` forces the SVG path on a device that would qualify.
 */
import { rendererOf } from './gl-renderer.ts';

export type MapMode = 'live' | 'svg' | 'auto';

/** The mode a page's URL asks for: `?map=live`, `?map=svg`, otherwise `auto` (decided by the device). */
export function mapMode(search: string): MapMode {
  const v = new URLSearchParams(search).get('map');
  return v === 'live' || v === 'svg' ? v : 'auto';
}

export interface DeviceSignals {
  /** navigator.deviceMemory (GiB, rounded by the browser; Chromium only), undefined where unknown. */
  deviceMemory: number | undefined;
  /** navigator.hardwareConcurrency (logical cores), undefined where unknown. */
  cores: number | undefined;
  /** The WebGL renderer string (unmasked where the browser gives it); null when WebGL2 is missing. */
  renderer: string | null;
}

/** Renderers that draw on the CPU: MapLibre's frames cost the main thread and the scroll there. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

/** Phones at 3× render 2.25 times the pixels of 2× for no visible gain on a schematic map. */
export const MAX_PIXEL_RATIO = 2;

/**
 * The pixel ratio the live map draws at: the screen's, capped at MAX_PIXEL_RATIO; 1 on a software
 * renderer, where every pixel is drawn, and copied back for the page, on the CPU (a quarter of the
 * pixels of 2×: each MapLibre frame waits on them). Text stays as large, only less crisp there.
 */
export function livePixelRatio(devicePixelRatio: number, renderer: string | null): number {
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  if (renderer !== null && SOFTWARE_RENDERER.test(renderer)) return 1;
  return Math.min(dpr, MAX_PIXEL_RATIO);
}

/** Thresholds for the live map: at least this much memory (GiB) and this many cores. */
export const LIVE_MIN = { memory: 4, cores: 4 } as const;

/**
 * Whether the live map may take over the story on this device: WebGL2 on a hardware renderer, at
 * least 4 GiB and 4 cores. An unknown memory figure (browsers other than Chromium) does not count
 * against a device; unknown cores do (a browser that hides them gets the SVG).
 */
export function qualifies(d: DeviceSignals): boolean {
  if (d.cores === undefined || d.cores < LIVE_MIN.cores) return false;
  if (d.deviceMemory !== undefined && d.deviceMemory < LIVE_MIN.memory) return false;
  if (d.renderer === null) return false;
  return !SOFTWARE_RENDERER.test(d.renderer);
}

/** The cheap signals (no WebGL context): enough to rule most poor devices out before probing. */
export function cheapSignals(nav: Navigator = navigator): Omit<DeviceSignals, 'renderer'> {
  const memory = (nav as Navigator & { deviceMemory?: number }).deviceMemory;
  return { deviceMemory: typeof memory === 'number' ? memory : undefined, cores: nav.hardwareConcurrency || undefined };
}

let probed: string | null | undefined;

/** How long the off-thread probe may take before the page asks on the main thread instead. */
export const PROBE_TIMEOUT_MS = 3000;

/** What `webgl2RendererOffThread` needs from the browser (a seam for the unit tests). */
export interface ProbeEnv {
  /** Starts the probe worker; null where there are no workers or no OffscreenCanvas. */
  worker: () => Pick<Worker, 'terminate' | 'addEventListener'> | null;
  /** The main-thread probe (`webgl2Renderer`). */
  here: () => string | null;
}

const browserEnv: ProbeEnv = {
  worker: () =>
    typeof Worker === 'function' && typeof OffscreenCanvas === 'function'
      ? new Worker(new URL('./webgl-probe.worker.ts', import.meta.url), { type: 'module' })
      : null,
  here: () => webgl2Renderer(),
};

/**
 * The WebGL2 renderer string, asked in a worker (an OffscreenCanvas context): the main thread never
 * pays for creating a WebGL context just to learn whether one can be made. Where the worker cannot
 * answer (no workers or OffscreenCanvas, an error, no answer within PROBE_TIMEOUT_MS) or answers
 * null (some browsers have WebGL2 on the page but not in workers), the main-thread probe decides,
 * which fails fast where there is no WebGL at all. Cached like `webgl2Renderer`.
 */
export function webgl2RendererOffThread(env: ProbeEnv = browserEnv): Promise<string | null> {
  if (probed !== undefined) return Promise.resolve(probed);
  return new Promise((resolve) => {
    let worker: ReturnType<ProbeEnv['worker']>;
    try {
      worker = env.worker();
    } catch {
      worker = null;
    }
    if (!worker) {
      resolve(env.here());
      return;
    }
    const w = worker;
    let done = false;
    const finish = (answer: string | null | undefined) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      w.terminate();
      if (typeof answer === 'string') {
        probed = answer;
        resolve(answer);
      } else resolve(env.here());
    };
    const timer = setTimeout(() => finish(undefined), PROBE_TIMEOUT_MS);
    w.addEventListener('message', (e) =>
      finish(typeof (e as MessageEvent).data === 'string' ? ((e as MessageEvent).data as string) : undefined),
    );
    w.addEventListener('error', () => finish(undefined));
  });
}

/** Forgets the cached probe (unit tests). */
export function resetProbe(): void {
  probed = undefined;
}

/**
 * The WebGL2 renderer string, or null without WebGL2. Creates (and releases) one small context, so it
 * is called once per page, in a pause; the answer is cached.
 */
export function webgl2Renderer(): string | null {
  if (probed !== undefined) return probed;
  probed = null;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (gl) probed = rendererOf(gl);
  } catch {
    probed = null;
  }
  return probed;
}

/**
 * `mount` for the `map` family (loaded by the scrolly engine through ENHANCERS). Small and free of
 * MapLibre: it swaps the static SVG state by state right away, and brings in the live map only
 * later, in the reader's pauses (loader.ts):
 *   first scroll → pause → import MapLibre → pause → create the map hidden in the map's box and render
 *   the current state → pause → cross-fade it in over the SVG (same box, so no layout shift).
 * Without WebGL2, or if anything fails, or when the WebGL context is lost, the SVG simply stays; a
 * failure is never thrown at the page (the story keeps working).
 */
import type { GraphicController, Mount, MountOptions, SetStateOptions } from '../graphics/client.ts';
import type { LngLat } from './camera.ts';
import { hasSize, scheduler, supportsWebGL2 } from './loader.ts';
import type { LiveMap } from './map-controller.ts';
import type { ClientState, MapBase } from './model.ts';

export interface MapCamera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface MapController extends GraphicController {
  /** The camera shown now, in the spec's terms (paste into a state's `camera:`); the ?debug view prints it. */
  getCamera(): MapCamera;
  /** Resolves when the live map is shown (or rejects when the SVG stays); for tests and the benchmark. */
  readonly ready: Promise<void>;
}

const read = <T>(el: HTMLElement | SVGElement, key: string): T | null => {
  const raw = el.dataset[key];
  return raw ? (JSON.parse(raw) as T) : null;
};

/**
 * Copy the static rendering of a state into the layer: the SVG (ids dropped, since the step keeps
 * its own). The layer already holds every state's legend in one cell: show the state's.
 */
function copyStatic(root: HTMLElement, from: HTMLElement): void {
  const state = from.dataset['state'] ?? '';
  for (const legend of root.querySelectorAll<HTMLElement>('.story-map__legends > .story-map__legend')) {
    legend.classList.toggle('is-shown', legend.dataset['state'] === state);
  }
  const mine = root.querySelector('.story-map__svg');
  const clone = from.querySelector('.story-map__svg')?.cloneNode(true) as Element | undefined;
  if (clone instanceof SVGSVGElement) {
    clone.setAttribute('aria-label', clone.querySelector('title')?.textContent ?? '');
    clone.removeAttribute('aria-labelledby');
    clone.removeAttribute('aria-describedby');
    clone.querySelectorAll('[id]').forEach((e) => e.removeAttribute('id'));
  }
  if (mine && clone) mine.replaceWith(clone);
  else if (mine) mine.remove();
  else if (clone) root.append(clone);
}

export const mount: Mount = (layer: HTMLElement, opts: MountOptions): MapController => {
  const root = layer.querySelector<HTMLElement>('.story-map') ?? layer;
  const box = root.querySelector<HTMLElement>('.story-map__box');
  const defs = document.querySelector<HTMLElement>('.story-map__defs');
  const base = defs ? read<MapBase>(defs, 'mapBase') : null;
  const explore = root.querySelector<HTMLButtonElement>('.story-map__explore');
  const back = root.querySelector<HTMLButtonElement>('.story-map__back');
  let current = read<ClientState>(root, 'map');
  let live: LiveMap | null = null;
  let destroyed = false;
  const when = scheduler();

  const setExplore = (on: boolean) => {
    if (!live || !explore || !back) return;
    // In explore mode the box leaves the sticky slot for the top layer (above the step cards, whatever
    // their stacking); a manual popover does that without moving the canvas in the DOM.
    if (on && box && typeof box.showPopover === 'function') {
      box.setAttribute('popover', 'manual');
      box.showPopover();
    } else if (!on && box?.hasAttribute('popover')) {
      box.hidePopover();
      box.removeAttribute('popover');
    }
    root.classList.toggle('is-exploring', on);
    explore.hidden = on;
    back.hidden = !on;
    // Explore mode first: resizing outside it puts the story camera back.
    live.setExplore(on);
    live.resize();
    (on ? back : explore).focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && root.classList.contains('is-exploring')) setExplore(false);
  };
  const onExplore = () => setExplore(true);
  const onBack = () => setExplore(false);
  const onResize = () => live?.resize();

  async function start(): Promise<void> {
    if (!box || !base || !current || !supportsWebGL2()) throw new Error('static map only');
    await when.firstScroll();
    await when.pause();
    // Marks for the benchmark (bench/map.ts): when each step of bringing in MapLibre happened.
    performance.mark('map:import');
    const { createLiveMap } = await import('./map-controller.ts');
    performance.mark('map:imported');
    await hasSize(box);
    const map = await createLiveMap(box, current, base, {
      lost: () => {
        if (root.classList.contains('is-exploring')) setExplore(false);
        root.classList.remove('is-live');
        if (explore) explore.hidden = true;
      },
      restored: () => {
        root.classList.add('is-live');
        if (explore) explore.hidden = false;
      },
    }, when.pause);
    if (destroyed) {
      map.destroy();
      return;
    }
    live = map;
    performance.mark('map:rendered');
    await when.pause();
    // The reader may have moved on while the map was being built: show where they are now.
    if (current) map.show(current, { animate: false });
    root.classList.add('is-live');
    performance.mark('map:live');
    if (explore) explore.hidden = false;
    explore?.addEventListener('click', onExplore);
    back?.addEventListener('click', onBack);
    document.addEventListener('keydown', onKey);
    window.addEventListener('resize', onResize);
  }

  const ready = start();
  // The SVG stays when the live map cannot start; that is an expected outcome, not an error.
  ready.catch(() => undefined);

  return {
    ready,
    setState(_state: string, source: Element | null, o: SetStateOptions) {
      const from = source?.querySelector<HTMLElement>('.story-map') ?? null;
      if (!from) return;
      copyStatic(root, from);
      root.dataset['state'] = from.dataset['state'] ?? '';
      current = read<ClientState>(from, 'map');
      if (live && current) live.show(current, { animate: o.animate && !opts.reducedMotion });
    },
    getCamera() {
      if (live && root.classList.contains('is-live')) return live.getCamera();
      const c = current?.c ?? [0, 0, 0];
      return { center: [c[0], c[1]], zoom: c[2], bearing: 0, pitch: 0 };
    },
    destroy() {
      destroyed = true;
      when.cancel();
      explore?.removeEventListener('click', onExplore);
      back?.removeEventListener('click', onBack);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onResize);
      live?.destroy();
      live = null;
      root.classList.remove('is-live', 'is-exploring');
    },
  };
};

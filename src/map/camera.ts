/**
 * Camera maths shared by the static SVG (build time) and MapLibre (browser), so both show exactly the
 * same view: Web Mercator with 512-pixel tiles, as MapLibre uses. Pure functions, no DOM, no MapLibre.
 *
 * A camera is expressed for the map's reference box (`VIEW`, the SVG viewBox). In the browser the
 * container has the same aspect ratio but another width, so MapLibre's zoom is shifted by
 * log2(width / VIEW.width); `toMapZoom`/`fromMapZoom` do that in one place.
 */

/** [longitude, latitude] in degrees (WGS84). */
export type LngLat = [number, number];
/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

export interface Camera {
  center: LngLat;
  /** Zoom for a map `VIEW.width` pixels wide. */
  zoom: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The SVG viewBox of every map state, and the aspect ratio of the MapLibre container. */
export const VIEW = { width: 600, height: 600 } as const;

/** Default breathing room around fitted regions, in viewBox units. */
export const FIT_PADDING: Padding = { top: 36, right: 36, bottom: 36, left: 36 };

/** World size in pixels at zoom 0 (MapLibre's tile size). */
const TILE = 512;
const MAX_LAT = 85.051129;

/** Longitude/latitude → Web Mercator world coordinates in [0, 1] (y down). */
export function mercator([lon, lat]: LngLat): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

/** Inverse of `mercator`. */
export function unmercator([x, y]: [number, number]): LngLat {
  const lat = (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
  return [x * 360 - 180, lat];
}

/** Pixels per world unit at `zoom`. */
export function worldSize(zoom: number): number {
  return TILE * 2 ** zoom;
}

/**
 * The camera that fits `bounds` into a `view`-sized box with `padding`, like MapLibre's
 * `fitBounds` (no rotation). Asymmetric padding shifts the centre, as it does there.
 */
export function fitCamera(
  bounds: Bounds,
  view: { width: number; height: number } = VIEW,
  padding: Padding = FIT_PADDING,
  maxZoom = 11,
): Camera {
  const [w, s, e, n] = bounds;
  const [x0, y0] = mercator([w, n]);
  const [x1, y1] = mercator([e, s]);
  const innerW = view.width - padding.left - padding.right;
  const innerH = view.height - padding.top - padding.bottom;
  if (innerW <= 0 || innerH <= 0) throw new Error(`padding leaves no room in a ${view.width}×${view.height} box`);
  // A point (zero-size bounds) gets the maximum zoom rather than an infinite one.
  const scale = Math.min(innerW / Math.max(x1 - x0, 1e-12), innerH / Math.max(y1 - y0, 1e-12), worldSize(maxZoom));
  const zoom = Math.log2(scale / TILE);
  const cx = (x0 + x1) / 2 - (padding.left - padding.right) / 2 / scale;
  const cy = (y0 + y1) / 2 - (padding.top - padding.bottom) / 2 / scale;
  return { center: unmercator([cx, cy]), zoom };
}

/** A projection of longitude/latitude into the box for `camera` (x right, y down, origin top-left). */
export function projector(camera: Camera, view: { width: number; height: number } = VIEW): (p: LngLat) => [number, number] {
  const size = worldSize(camera.zoom);
  const [cx, cy] = mercator(camera.center);
  return (p) => {
    const [x, y] = mercator(p);
    return [(x - cx) * size + view.width / 2, (y - cy) * size + view.height / 2];
  };
}

/** The inverse of `projector`: a point in the box back to longitude/latitude. */
export function unproject(camera: Camera, view: { width: number; height: number } = VIEW): (p: [number, number]) => LngLat {
  const size = worldSize(camera.zoom);
  const [cx, cy] = mercator(camera.center);
  return ([x, y]) => unmercator([(x - view.width / 2) / size + cx, (y - view.height / 2) / size + cy]);
}

/**
 * The SVG transform that places geometry drawn in reference pixels (world pixels at `refZoom`, minus
 * `origin`) where `camera` shows it: a uniform scale and a translation.
 */
export function referenceTransform(
  camera: Camera,
  refZoom: number,
  origin: [number, number],
  view: { width: number; height: number } = VIEW,
): { k: number; x: number; y: number } {
  const k = 2 ** (camera.zoom - refZoom);
  const size = worldSize(camera.zoom);
  const [cx, cy] = mercator(camera.center);
  return { k, x: k * origin[0] - cx * size + view.width / 2, y: k * origin[1] - cy * size + view.height / 2 };
}

/** The MapLibre zoom that shows `camera` in a container `width` CSS pixels wide. */
export function toMapZoom(camera: Camera, width: number): number {
  return camera.zoom + Math.log2(width / VIEW.width);
}

/** The reference zoom (for `VIEW.width`) of a MapLibre zoom in a container `width` pixels wide. */
export function fromMapZoom(zoom: number, width: number): number {
  return zoom - Math.log2(width / VIEW.width);
}

/** The smallest part of MapLibre's Map that camera moves need (a fake in tests). */
export interface CameraTarget {
  getContainer(): { clientWidth: number };
  jumpTo(opts: { center: LngLat; zoom: number; bearing: number; pitch: number; padding: Padding }): unknown;
  easeTo(opts: {
    center: LngLat;
    zoom: number;
    bearing: number;
    pitch: number;
    padding: Padding;
    duration: number;
    essential: boolean;
  }): unknown;
}

const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * Move `map` to `camera`. Without animation it jumps; padding is always passed explicitly, because a
 * jump would otherwise keep padding left over from an earlier fit (maplibre-gl-js #6576).
 */
export function moveCamera(map: CameraTarget, camera: Camera, opts: { animate: boolean; duration?: number }): void {
  const zoom = toMapZoom(camera, map.getContainer().clientWidth);
  const target = { center: camera.center, zoom, bearing: 0, pitch: 0, padding: NO_PADDING };
  if (opts.animate) map.easeTo({ ...target, duration: opts.duration ?? 900, essential: false });
  else map.jumpTo(target);
}

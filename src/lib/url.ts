/**
 * Links inside the site, under whatever base path the build uses (`BASE_PATH`, e.g. /stories/tongliao/).
 * Always go through `url()` so no link escapes the base.
 */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `url('data/')` → `/stories/tongliao/data/`; `url()` → the site root under the base. */
export function url(path = ''): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('//')) throw new Error(`url() is for internal paths, got "${path}"`);
  return BASE + path.replace(/^\/+/, '');
}

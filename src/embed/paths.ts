/**
 * Where a graphic state's embed page and downloads live (paths under the site's base), and the
 * names readers' browsers save the downloads under. Pure: used by pages, graphics.json and tests.
 */

export interface StateKey {
  story: string;
  graphic: string;
  state: string;
}

/** The four downloads of every graphic state, by file name inside its embed directory. */
export const DOWNLOAD_FILES = {
  svg: 'graphic.svg',
  png: 'graphic.png',
  png2x: 'graphic@2x.png',
  csv: 'data.csv',
} as const;

export type DownloadKind = keyof typeof DOWNLOAD_FILES;

/** The downloads as links offer them (embed page and share menu), in reading order, with their labels. */
export const DOWNLOAD_LINKS: readonly (readonly [DownloadKind, string])[] = [
  ['png', 'PNG'],
  ['png2x', 'PNG（2倍）'],
  ['svg', 'SVG'],
  ['csv', '数据CSV'],
];

/** `embed/<story>/<graphic>/<state>/`: the embed page. */
export function embedPath(k: StateKey): string {
  return `embed/${k.story}/${k.graphic}/${k.state}/`;
}

/** The path of one download, e.g. `embed/demo/growth/latest/graphic@2x.png`. */
export function downloadPath(k: StateKey, kind: DownloadKind): string {
  return `${embedPath(k)}${DOWNLOAD_FILES[kind]}`;
}

/** The name a download is saved under: `tongliao-demo-growth-latest@2x.png`. */
export function downloadName(k: StateKey, kind: DownloadKind): string {
  const ext = DOWNLOAD_FILES[kind].replace(/^[a-z]+/, '');
  return `tongliao-${k.story}-${k.graphic}-${k.state}${ext}`;
}

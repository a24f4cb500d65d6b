/**
 * Builds the benchmark's comparison pages (issue 13): for each story with a map, the same chapters
 * (every step's text, the map states, the charts as their static SVG) told the storymap-template way
 * (bench/storymap/main.ts: MapLibre, scrollama and d3 loaded eagerly, map created on load, `flyTo`
 * per chapter), into `<dist>/_bench/storymap/<story>/`, served with the site so both are measured
 * in the same run, from the same server.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import type { Browser } from 'playwright-core';

export const STORYMAP_DIR = '_bench/storymap';

/** Bundles bench/storymap/main.ts (MapLibre, its worker and CSS, scrollama, d3) into `<dist>/_bench/storymap/assets/`. */
export async function buildStorymapBundle(dist: string, base: string): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'error',
    base: `${base}${STORYMAP_DIR}/assets/`,
    build: {
      outDir: join(dist, STORYMAP_DIR, 'assets'),
      emptyOutDir: true,
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      rollupOptions: {
        input: { main: 'bench/storymap/main.ts' },
        output: { entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
      },
    },
  });
}

interface Extracted {
  title: string;
  names: Record<string, string>;
  zone: [number, number];
  chapters: { id: string; html: string; map: unknown; figure: string | null }[];
}

/** Reads a built story page's chapters in the browser (unthrottled) and writes its storymap page. */
export async function writeStorymapPage(browser: Browser, pageUrl: string, dist: string, base: string, name: string): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    const story = await page.evaluate((): Extracted => {
      const defs = document.querySelector<HTMLElement>('.story-map__defs');
      const base = JSON.parse(defs?.dataset['mapBase'] ?? '{"names":{},"zone":[122.3,43.6]}') as {
        names: Record<string, string>;
        zone: [number, number];
      };
      const chapters = [...document.querySelectorAll<HTMLElement>('[data-step]')].map((step) => {
        const card = step.querySelector('.step__card') ?? step;
        const m = step.querySelector<HTMLElement>('.story-map[data-map]');
        const chart = m ? null : step.querySelector('figure svg');
        return {
          id: step.id,
          html: card.innerHTML.replace(/\s(id|aria-[a-z]+)="[^"]*"/g, ''),
          map: m ? JSON.parse(m.dataset['map'] as string) : null,
          figure: chart ? chart.outerHTML.replace(/\sid="[^"]*"/g, '') : null,
        };
      });
      return { title: document.title, names: base.names, zone: base.zone, chapters };
    });
    const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${story.title.replace(/</g, '&lt;')} (storymap-style comparison)</title>
<script type="module" src="${base}${STORYMAP_DIR}/assets/main.js"></script>
<link rel="stylesheet" href="${base}${STORYMAP_DIR}/assets/style.css">
<style>
  body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", sans-serif; line-height: 1.7; color: #1f1f1f; }
  #map { position: fixed; inset: 0; width: 100%; height: 100vh; }
  #story { position: relative; z-index: 1; padding: 0 0.75rem; }
  #header { margin: 0 -0.75rem; padding: 2rem 1rem; background: rgb(255 255 255 / 0.92); }
  .step { min-height: 80vh; padding-top: 40vh; opacity: 0.35; transition: opacity 0.3s; }
  .step.active { opacity: 1; }
  .card { max-width: 32rem; margin: 0 auto; padding: 1rem; background: rgb(255 255 255 / 0.95); border-radius: 6px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
  .card svg { width: 100%; height: auto; }
  #footer { height: 60vh; }
</style>
</head>
<body>
<div id="map"></div>
<div id="story"><div id="header"><h1>${story.title.replace(/</g, '&lt;')}</h1></div><div id="features"></div><div id="footer"></div></div>
<script type="application/json" id="chapters">${JSON.stringify(story).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
    const dir = join(dist, STORYMAP_DIR, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), html);
    return `${STORYMAP_DIR}/${name}/`;
  } finally {
    await context.close();
  }
}

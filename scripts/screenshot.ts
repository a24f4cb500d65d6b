/**
 * Screenshots of the built site, the way a reader sees it, for reviewing layouts:
 *   node scripts/screenshot.ts [--dist dist] [--base /] [--out shots] [--full] [--no-js] path ...
 * Each path is shot at phone (390×844) and desktop (1280×800) width into <out>/<name>-{phone,desktop}.png.
 */
import { mkdirSync } from 'node:fs';
import { serve } from './serve.ts';
import { launch } from './lib/browser.ts';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args.splice(i, 2)[1] as string) : def;
};
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const dist = opt('dist', 'dist');
const base = opt('base', process.env['BASE_PATH'] ?? '/');
const out = opt('out', 'shots');
const full = flag('full');
const noJs = flag('no-js');
mkdirSync(out, { recursive: true });
const server = await serve({ root: dist, base });
const browser = await launch();
try {
  for (const path of args.length ? args : ['']) {
    for (const [label, viewport, mobile] of [
      ['phone', { width: 390, height: 844 }, true],
      ['desktop', { width: 1280, height: 800 }, false],
    ] as const) {
      const ctx = await browser.newContext({
        viewport,
        deviceScaleFactor: mobile ? 2 : 1,
        isMobile: mobile,
        hasTouch: mobile,
        javaScriptEnabled: !noJs,
      });
      const page = await ctx.newPage();
      await page.goto(server.url + path.replace(/^\//, ''), { waitUntil: 'networkidle' });
      const name = (path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home') + (noJs ? '-nojs' : '');
      const file = `${out}/${name}-${label}.png`;
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of every map step, at 390×844 (`--desktop`: 1280×800), for comparing the map before and
 * after a change by eye: for each step of a sticky map, scroll to it, wait until the map shows the
 * step's state, shoot the viewport.
 *
 *   node bench/live-shots.ts --dist .test-dist [--base /stories/tongliao/] --out /tmp/shots [--svg] [--desktop] story-slug …
 *
 * With the live map (`?map=live`, the default), "shows" means the live map has taken over
 * (`.story-map.is-live` with the step's state). Writes <out>/<story>-<step id>.png; a step where the live
 * map did not take over within 60 s is shot anyway, named …-svg.png, and reported.
 * `--svg`: the page as built on a device that does not qualify (this machine's software WebGL): the SVG
 * states, shot once the map has the step's state and its fade and camera move are over. Writes
 * <out>/<story>-<step id>-svg.png. `--desktop` adds "-desktop" to every name.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '../scripts/serve.ts';
import { DESKTOP, launch, PHONE, showStep } from '../scripts/lib/browser.ts';

const { values: o, positionals } = parseArgs({
  options: {
    dist: { type: 'string', default: '.test-dist' },
    base: { type: 'string', default: '/stories/tongliao/' },
    out: { type: 'string', default: 'shots' },
    svg: { type: 'boolean', default: false },
    desktop: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
if (positionals.length === 0) throw new Error('live-shots: name at least one story slug');
const out = o.out ?? 'shots';
mkdirSync(out, { recursive: true });
const server = await serve({ root: o.dist ?? '.test-dist', base: o.base ?? '/stories/tongliao/' });
const browser = await launch();
try {
  for (const story of positionals) {
    const page = await (await browser.newContext(o.desktop ? { ...DESKTOP } : { ...PHONE, deviceScaleFactor: 2 })).newPage();
    await page.goto(`${server.url}${story}/${o.svg ? '' : '?map=live'}`, { waitUntil: 'load' });
    const steps = await page.$$eval('[data-step]', (els) =>
      els
        .filter((e) =>
          e
            .closest('[data-scrolly]')
            ?.querySelector(
              `.scrolly__layer[data-graphic="${(e as HTMLElement).dataset['graphic']}"] .story-map--sticky, .scrolly__layer[data-graphic="${(e as HTMLElement).dataset['graphic']}"] .story-map`,
            ),
        )
        .map((e) => e.id),
    );
    await page.mouse.wheel(0, 10);
    for (const id of steps) {
      await showStep(page, id, 30_000);
      const shown = await page
        .waitForFunction(
          ({ id, svg }) => {
            const step = document.getElementById(id)!;
            const map = step.closest('[data-scrolly]')!.querySelector<HTMLElement>(svg ? '.story-map' : '.story-map.is-live');
            return !!map && map.dataset['state'] === step.dataset['state'];
          },
          { id, svg: !!o.svg },
          { timeout: 60_000 },
        )
        .then(
          () => true,
          () => false,
        );
      // the SVG states' fade (350 ms) and camera move (900 ms) are over; the live map's settle
      if (shown) await page.waitForTimeout(o.svg ? 1500 : 300);
      const live = shown && !o.svg;
      await page.screenshot({ path: `${out}/${story}-${id}${live ? '' : '-svg'}${o.desktop ? '-desktop' : ''}.png` });
      console.log(
        `${story} #${id}: ${o.svg ? (shown ? 'SVG' : 'the map did not reach the step’s state') : live ? 'live' : 'the live map did not take over (SVG)'}`,
      );
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * Screenshots of every map step with the live map shown (`?map=live`), at 390×844, for comparing the
 * live map before and after a change by eye: for each step of a sticky map, scroll to it, wait until
 * the live map has taken over (`.story-map.is-live` with the step's state), shoot the viewport.
 *
 *   node bench/live-shots.ts --dist .test-dist [--base /stories/tongliao/] --out /tmp/shots story-slug …
 *
 * Writes <out>/<story>-<step id>.png; a step where the live map did not take over within 60 s is
 * shot anyway, named …-svg.png, and reported.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { serve } from '../scripts/serve.ts';
import { launch, PHONE, showStep } from '../scripts/lib/browser.ts';

const { values: o, positionals } = parseArgs({
  options: {
    dist: { type: 'string', default: '.test-dist' },
    base: { type: 'string', default: '/stories/tongliao/' },
    out: { type: 'string', default: 'shots' },
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
    const page = await (await browser.newContext({ ...PHONE, deviceScaleFactor: 2 })).newPage();
    await page.goto(`${server.url}${story}/?map=live`, { waitUntil: 'load' });
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
      const live = await page
        .waitForFunction(
          (id) => {
            const step = document.getElementById(id)!;
            const map = step.closest('[data-scrolly]')!.querySelector<HTMLElement>('.story-map.is-live');
            return !!map && map.dataset['state'] === step.dataset['state'];
          },
          id,
          { timeout: 60_000 },
        )
        .then(
          () => true,
          () => false,
        );
      if (live) await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${story}-${id}${live ? '' : '-svg'}.png` });
      console.log(`${story} #${id}: ${live ? 'live' : 'the live map did not take over (SVG)'}`);
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

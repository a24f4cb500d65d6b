/**
 * A cut sweep: what a reader on a slow network sees move. Serves a built page cut at each point of a range of its
 * HTML (after a tag, a `，` or a `。`), sends the rest after a pause, and reports every layout shift, with what
 * moved. One fresh page per cut and screen size; exits 1 when any cut shifts the page.
 *
 *   node scripts/cut-sweep.ts [--dist .test-dist] [--base /stories/tongliao/] [--from TEXT] [--span 3000]
 *     [--sample N] [--pause 300] [--screen phone|desktop|full-hd|WxH ...] path
 *
 * `--from` is where the range starts (the first occurrence of TEXT in the page, default the story's dek); the
 * range is `--span` characters long. `--sample N` sweeps N cuts spread over the range instead of all of them.
 * The default screens are phone and desktop. Found this way: a first paragraph whose number moved to the next
 * line when the `，` after it arrived, and a centred graphic that moved up as its parts came (src/lib/content/
 * lead.ts, src/scrolly/scrolly.css).
 */
import { parseArgs } from 'node:util';
import type { BrowserContextOptions } from 'playwright-core';
import { serve } from './serve.ts';
import { DESKTOP, FULL_HD, launch, layoutShift, openPage, PHONE, settled, TEST_BASE, TEST_DIST, trackPending } from './lib/browser.ts';
import { cutPoints, cutProxy, spread } from './lib/cuts.ts';

const { values, positionals } = parseArgs({
  options: {
    dist: { type: 'string', default: TEST_DIST },
    base: { type: 'string', default: TEST_BASE },
    from: { type: 'string', default: '<p class="story__dek"' },
    span: { type: 'string', default: '3000' },
    sample: { type: 'string' },
    pause: { type: 'string', default: '300' },
    screen: { type: 'string', multiple: true, default: ['phone', 'desktop'] },
  },
  allowPositionals: true,
});
const fail = (message: string): never => {
  console.error(`cut-sweep: ${message}`);
  process.exit(2);
};
const number = (name: string, v: string | undefined): number => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fail(`--${name} must be a positive whole number, not "${v}"`);
};
const NAMED: Record<string, BrowserContextOptions> = { phone: PHONE, desktop: DESKTOP, 'full-hd': FULL_HD };
const screens = values.screen.map((s): [string, BrowserContextOptions] => {
  const wh = /^(\d+)x(\d+)$/.exec(s);
  const named = NAMED[s];
  if (named) return [s, named];
  if (wh) return [s, { viewport: { width: Number(wh[1]), height: Number(wh[2]) } }];
  return fail(`--screen "${s}" is not phone, desktop, full-hd or WIDTHxHEIGHT`);
});
if (positionals.length !== 1) fail('give one page path under the base, e.g. goals-2025/');
const path = positionals[0]!;
const span = number('span', values.span);
const pause = number('pause', values.pause);

const site = await serve({ root: values.dist, base: values.base });
const pageUrl = new URL(path, site.url);
const res = await fetch(pageUrl, { headers: { 'accept-encoding': 'identity' } });
if (!res.ok) fail(`${pageUrl.pathname}: HTTP ${res.status} (is ${values.dist} built with base ${values.base}?)`);
const html = await res.text();
const from = html.indexOf(values.from);
if (from < 0) fail(`${pageUrl.pathname} has no ${JSON.stringify(values.from)}`);
const all = cutPoints(html, from, from + span);
const cuts = values.sample === undefined ? all : spread(all, number('sample', values.sample));

/** The cut of the page request in flight (the sweep loads one page at a time). */
let cut = 0;
const proxy = await cutProxy(site.url, (u) => (u.pathname === pageUrl.pathname ? { at: cut, pauseMs: pause } : null));
const origin = proxy.origin;
const browser = await launch();
let shifted = 0;
try {
  console.log(`${pageUrl.pathname}: ${cuts.length} of ${all.length} cuts from ${JSON.stringify(values.from)}, ${span} characters`);
  for (const [name, options] of screens) {
    for (const at of cuts) {
      cut = at;
      const { page } = await openPage(browser, origin, options);
      await trackPending(page);
      await page.goto(origin + pageUrl.pathname);
      await settled(page);
      const shift = await layoutShift(page, { control: false });
      if (shift.sinceLoad > 0) {
        shifted++;
        console.log(`${name} cut at ${at} after ${JSON.stringify(html.slice(Math.max(0, at - 40), at))}: ${shift.shifts.join('; ')}`);
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  proxy.close();
  await site.close();
}
console.log(shifted ? `${shifted} cut(s) shifted the page` : 'no cut shifted the page');
process.exit(shifted ? 1 : 0);

/**
 * Embeds on another site (issue 16). A host page served from a second origin (another port on
 * 127.0.0.1) frames three graphics — a chart, a map and a waffle — and at 320, 768 and 1280 px each
 * frame must take its content's height with no scrollbar inside, with each kind of host:
 * - the host snippet (src/embed/snippet.ts), exactly as the share menu gives it;
 * - a Pym.js parent (the `pym.js` library from npm, served by the host);
 * - a @newswire/frames parent (`autoInitFrames`, from npm, served by the host).
 * Without any script on the host, the snippet's frame shows the graphic at its default height, and
 * the scrollbar check sees the frame scroll when it is too short (positive control). The embeds set no
 * cookie and request nothing outside the site; a page opened on its own loads no resize code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { serve, type RunningServer } from '../../scripts/serve.ts';
import { hostSnippet } from '../../src/embed/snippet.ts';
import { PHONE_1X, TEST_DIST } from '../../scripts/lib/browser.ts';
import { axeProblems } from './gates.ts';
import { sharedBrowser } from './shared.ts';

/** A chart, a map and a waffle (share kind), as `<story>/<graphic>/<state>`. */
const GRAPHICS = ['demo/growth/latest', 'fyp-projects/county-map/overview', 'fyp-projects/private-share/share'] as const;
const WIDTHS = [320, 768, 1280];
type Host = 'snippet' | 'pym' | 'frames' | 'noscript';

interface Embed {
  path: string;
  title: string;
  height: number;
  code: string;
}

/** What the story's graphics.json says about a state: its default height and embed code. */
function embedInfo(path: string): Embed {
  const [story, graphic, state] = path.split('/') as [string, string, string];
  const json = JSON.parse(readFileSync(join(TEST_DIST, story, 'graphics.json'), 'utf8')) as Record<
    string,
    { title: string; embeds: Record<string, { height: number; code: string }> }
  >;
  const g = json[graphic]!;
  return { path, title: g.title, height: g.embeds[state]!.height, code: g.embeds[state]!.code };
}

let browser: Browser;
let host: RunningServer;
let siteUrl: string;
const embeds = GRAPHICS.map(embedInfo);

function hostPage(kind: Host): string {
  const src = (e: Embed) => `${siteUrl}embed/${e.path}/`;
  const body = embeds
    .map((e, i) => {
      if (kind === 'snippet') return hostSnippet({ src: src(e), title: e.title, height: e.height });
      if (kind === 'noscript')
        return hostSnippet({ src: src(e), title: e.title, height: e.height }).replace(/<script>[\s\S]*<\/script>/, '');
      if (kind === 'pym') return `<div id="pym-${i}"></div>`;
      return `<div data-frame-src="${src(e)}" data-frame-attribute-title="${e.title}"></div>`;
    })
    .map((x) => `<section><p>宿主网页的文字。</p>${x}</section>`)
    .join('\n');
  const scripts =
    kind === 'pym'
      ? `<script src="pym.v1.min.js"></script><script>${embeds.map((e, i) => `new pym.Parent('pym-${i}', ${JSON.stringify(src(e))}, { title: ${JSON.stringify(e.title)} });`).join('')}</script>`
      : kind === 'frames'
        ? '<script src="frames.umd.js"></script><script>newswireFrames.autoInitFrames()</script>'
        : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>宿主：${kind}</title><link rel="icon" href="data:,"><style>body{margin:0}section{margin:0 0 24px}iframe{display:block}</style></head><body>${body}${scripts}</body></html>`;
}

beforeAll(async () => {
  siteUrl = inject('siteUrl');
  browser = await sharedBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  writeFileSync(join(dir, 'pym.v1.min.js'), readFileSync('node_modules/pym.js/dist/pym.v1.min.js'));
  writeFileSync(join(dir, 'frames.umd.js'), readFileSync('node_modules/@newswire/frames/dist/frames.umd.js'));
  host = await serve({ root: dir, base: '/host/', compress: false });
  for (const kind of ['snippet', 'pym', 'frames', 'noscript'] as const) writeFileSync(join(dir, `${kind}.html`), hostPage(kind));
  expect(new URL(host.url).origin).not.toBe(new URL(siteUrl).origin);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

/** Each embed's frame on the host page, in order (found by URL). */
function embedFrames(page: Page): Frame[] {
  return embeds.map((e) => {
    const f = page.frames().find((x) => x.url().startsWith(`${siteUrl}embed/${e.path}/`));
    if (!f) throw new Error(`no frame for ${e.path}`);
    return f;
  });
}

interface FrameFit {
  path: string;
  /** The <iframe>'s height on the host, px. */
  frame: number;
  /** The embed document's height, px. */
  content: number;
  /** The embed's document scrolls inside the frame. */
  scrolls: boolean;
}

async function fits(page: Page): Promise<FrameFit[]> {
  return Promise.all(
    embedFrames(page).map(async (f, i) => {
      const el = await f.frameElement();
      const frame = await el.evaluate((n) => (n as HTMLIFrameElement).getBoundingClientRect().height);
      const inner = await f.evaluate(() => ({
        content: document.documentElement.getBoundingClientRect().height,
        scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
      }));
      return { path: embeds[i]!.path, frame, ...inner };
    }),
  );
}

/** Opens a host page, watching the embeds' requests and errors. */
async function openHost(kind: Host, width: number): Promise<{ page: Page; offSite: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const offSite: string[] = [];
  const errors: string[] = [];
  const site = new URL(siteUrl).origin;
  const hostOrigin = new URL(host.url).origin;
  page.on('request', (r) => {
    const u = new URL(r.url());
    // The host page loads its own files; everything an embed loads must come from the site.
    if (r.frame() !== page.mainFrame() && u.origin !== site && u.protocol !== 'data:') offSite.push(r.url());
    if (r.frame() === page.mainFrame() && u.origin !== hostOrigin && u.origin !== site) offSite.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${host.url}${kind}.html`, { waitUntil: 'load' });
  return { page, offSite, errors };
}

describe('embeds resize on a host page of another origin', () => {
  it('the host snippets are at most 1 KB, and graphics.json gives the same code as the share menu', () => {
    for (const e of embeds) {
      const bytes = new TextEncoder().encode(e.code).length;
      console.log(`host snippet for ${e.path}: ${bytes} bytes`);
      expect(bytes).toBeLessThanOrEqual(1024);
      const story = readFileSync(join(TEST_DIST, e.path.split('/')[0]!, 'index.html'), 'utf8');
      const escaped = e.code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      expect(
        story.includes(escaped) || story.includes(e.code.replace(/&/g, '&amp;').replace(/</g, '&lt;')),
        `${e.path}: the story's share menu has the code`,
      ).toBe(true);
    }
  });

  for (const kind of ['snippet', 'pym', 'frames'] as const) {
    for (const width of WIDTHS) {
      it(`${kind} host at ${width} px: each frame takes its content's height, no scrollbar inside`, async () => {
        const { page, offSite, errors } = await openHost(kind, width);
        let last: FrameFit[] = [];
        await expect
          .poll(
            async () => {
              last = await fits(page);
              return last.every((f) => Math.abs(f.frame - f.content) <= 1 && !f.scrolls);
            },
            { timeout: 30_000, interval: 100 },
          )
          .toBe(true)
          .catch(() => {
            throw new Error(`frames did not fit their content:\n${JSON.stringify(last, null, 1)}`);
          });
        // The heights differ by graphic: the frames were sized by their own content, not left at a default.
        expect(new Set(last.map((f) => Math.round(f.frame))).size).toBe(3);
        // Opening the data table makes the content taller: the frame follows.
        const f = embedFrames(page)[0]!;
        const before = last[0]!.frame;
        await f.locator('details summary').first().click();
        await expect.poll(async () => (await fits(page))[0]!, { timeout: 10_000 }).toMatchObject({ scrolls: false });
        await expect.poll(async () => (await fits(page))[0]!.frame, { timeout: 10_000 }).toBeGreaterThan(before + 20);
        const after = (await fits(page))[0]!;
        expect(Math.abs(after.frame - after.content)).toBeLessThanOrEqual(1);
        expect(offSite).toEqual([]);
        expect(errors).toEqual([]);
        for (const fr of embedFrames(page)) expect(await fr.evaluate(() => document.cookie)).toBe('');
        expect(await page.context().cookies()).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('without a script on the host, each frame shows its graphic at the default height (scrolling inside if it must)', async () => {
    const { page, errors } = await openHost('noscript', 768);
    // Every embed has loaded and shows its title inside the default height.
    await expect.poll(async () => embedFrames(page).length, { timeout: 30_000 }).toBe(3);
    for (const [i, f] of embedFrames(page).entries()) {
      await f.waitForLoadState('load');
      const el = await f.frameElement();
      expect(await el.getAttribute('height')).toBe(String(embeds[i]!.height));
      const title = await f.evaluate(() => {
        const t = document.querySelector('.chart__title, .story-map__title')!.getBoundingClientRect();
        const svg = document.querySelector('svg[role="img"]:not([hidden])')!.getBoundingClientRect();
        return { titleBottom: t.bottom, svgTop: svg.top, view: innerHeight };
      });
      expect(title.titleBottom).toBeLessThan(title.view);
      expect(title.svgTop).toBeLessThan(title.view);
    }
    // The defaults are sensible: within a fifth of the real height at an article column's width.
    const fit = await fits(page);
    for (const f of fit)
      expect(Math.abs(f.frame - f.content) / f.content, `${f.path}: default ${f.frame} px for ${f.content} px of content`).toBeLessThan(
        0.2,
      );
    // Positive control for the scrollbar check: a frame too short scrolls, and the check sees it.
    await (await embedFrames(page)[1]!.frameElement()).evaluate((n) => (n as HTMLIFrameElement).setAttribute('height', '200'));
    await expect.poll(async () => (await fits(page))[1]!.scrolls).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an embed page opened on its own loads no resize code; framed, it loads it (positive control)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${siteUrl}embed/${embeds[0]!.path}/`, { waitUntil: 'networkidle' });
    // The page's only script is the inline guard (under the page's CSP hash): no file is fetched.
    expect(scripts, scripts.join(', ')).toEqual([]);
    await page.goto(`${host.url}snippet.html`, { waitUntil: 'networkidle' });
    expect(scripts.filter((s) => /height/.test(s)).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the share menu under a story graphic', () => {
  it('shows the embed code and the link as named read-only text, copies each, and selects it when it cannot', async () => {
    const context = await browser.newContext({ ...PHONE_1X });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl).origin });
    const page = await context.newPage();
    await page.goto(`${siteUrl}fyp-projects/`);
    const e = embeds.find((x) => x.path.startsWith('fyp-projects/county-map/'))!;
    // The story's form controls: none (each one costs a forced style and layout at the end of parsing).
    expect(await page.locator('textarea, input').count()).toBe(0);
    const menu = page
      .locator('[data-share]')
      .filter({ has: page.locator('pre', { hasText: `/embed/${e.path}/` }) })
      .first();
    await menu.locator('summary').click();
    const code = menu.getByRole('textbox', { name: '嵌入代码（粘贴到其他网页）' });
    const link = menu.getByRole('textbox', { name: '本图在报道中的链接' });
    await expect.poll(() => code.textContent()).toBe(e.code);
    expect(await link.textContent()).toMatch(/^http.*\/fyp-projects\/#[\w-]+$/);
    expect(await code.getAttribute('aria-readonly')).toBe('true');
    expect(await axeProblems(page, '[data-share][open]')).toEqual([]);
    // Copy buttons (scripting on): each copies its own value and says so.
    await menu.getByRole('button', { name: '复制嵌入代码' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(e.code);
    await expect.poll(() => menu.locator('[data-copy-status]').textContent()).toBe('已复制：嵌入代码');
    await menu.getByRole('button', { name: '复制链接' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(await link.textContent());
    // Without clipboard access the value is selected for the reader to copy by hand.
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await menu.getByRole('button', { name: '复制嵌入代码' }).click();
    await expect.poll(() => menu.locator('[data-copy-status]').textContent()).toBe('无法自动复制，已选中文本，请手动复制');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(e.code);
    await context.close();
  });
});

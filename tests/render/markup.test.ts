/**
 * Security gate (issue 6): dataset strings that contain markup render as text. The real data page and
 * every story page are rendered with Astro's container API from a fixture dataset — the project's
 * dataset with an HTML payload appended to every string a reader sees (indicator labels, project and
 * company names, region names, article headlines, capacity names, the dataset's title and description)
 * — and the output is parsed: the payload must appear as text, and no element, attribute or script may
 * come from it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parse } from 'parse5';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphicSpecBase } from '../../src/lib/graphic.ts';

/** Every chapter file of every story. */
function chapterFiles(): string[] {
  return readdirSync('content', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join('content', d.name))
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => join('content', d.name, f)),
    );
}
const shown = new Set<string>();
import type { Dataset } from '../../src/lib/data/schema.ts';

const PAYLOAD = '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&';

/**
 * The fixture dataset. `globalThis.__payload` picks the payload: the long one is appended to every
 * string; charts check that labels fit their layout, so for them the short one replaces the string.
 */
vi.mock('../../src/lib/data/load.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/data/load.ts')>();
  const made = new Map<string, Dataset>();
  return {
    ...original,
    loadDataset: (): Dataset => {
      const mode = (globalThis as { __payload?: 'long' | 'short' }).__payload ?? 'long';
      let ds = made.get(mode);
      if (ds) return ds;
      ds = structuredClone(original.loadDataset());
      const P = (s: string) =>
        mode === 'long' ? s + '<img src=x onerror=alert(1)><script>alert(2)</script>"\'&' : '<img src=x onerror=alert(1)>';
      ds.title = P(ds.title);
      ds.description = P(ds.description);
      for (const i of ds.indicators) i.label = P(i.label);
      for (const r of ds.regions) {
        r.name = P(r.name);
        r.short = P(r.short);
      }
      for (const s of ds.sources) s.headline = P(s.headline);
      for (const p of ds.projects) {
        p.name = P(p.name);
        if (p.company) p.company = P(p.company);
        for (const c of p.capacity) c.what = P(c.what);
      }
      made.set(mode, ds);
      return ds;
    },
  };
});

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  value?: string;
  childNodes?: Node[];
  content?: Node;
}

/** What the parsed page holds that the payload could have made, and how often the payload is text. */
function inspect(html: string): { injected: string[]; asText: number } {
  const injected: string[] = [];
  let asText = 0;
  const walk = (n: Node) => {
    if (n.nodeName === '#text' && n.value?.includes('<img src=x onerror=alert(1)>')) asText++;
    if (n.tagName) {
      for (const a of n.attrs ?? []) {
        if (/^on/i.test(a.name)) injected.push(`<${n.tagName} ${a.name}="${a.value}">`);
        if (a.value.includes('<img src=x onerror=alert(1)>')) asText++; // escaped into an attribute: still text
      }
      if (n.tagName === 'img' && n.attrs?.some((a) => a.name === 'src' && a.value === 'x')) injected.push('<img src=x>');
      if (n.tagName === 'script' && (n.childNodes ?? []).some((c) => /alert\(2\)/.test(c.value ?? '')))
        injected.push('<script>alert(2)</script>');
    }
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(parse(html) as unknown as Node);
  return { injected, asText };
}

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create({ astroConfig: { site: 'http://127.0.0.1', base: '/stories/tongliao/' } });
});

describe('the gate’s check itself', () => {
  it('finds elements made by unescaped markup, and counts escaped markup as text', () => {
    expect(inspect(`<p>${PAYLOAD}</p>`).injected.sort()).toEqual(['<img onerror="alert(1)">', '<img src=x>', '<script>alert(2)</script>']);
    expect(inspect('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toEqual({ injected: [], asText: 1 });
  });

  it('fails a component that prints a dataset label as HTML (bad fixture)', async () => {
    (globalThis as { __payload?: string }).__payload = 'long';
    const { default: Unsafe } = await import('../fixtures/gates/UnsafeLabel.astro');
    const { injected } = inspect(await container.renderToString(Unsafe));
    expect(injected.sort()).toEqual(['<img onerror="alert(1)">', '<img src=x>', '<script>alert(2)</script>']);
  });
});

describe('dataset strings with markup render as text', () => {
  it('on the data page', async () => {
    (globalThis as { __payload?: string }).__payload = 'long';
    const { default: DataPage } = await import('../../src/pages/data/index.astro');
    const html = await container.renderToString(DataPage, { request: new Request('http://127.0.0.1/stories/tongliao/data/') });
    const { injected, asText } = inspect(html);
    expect(injected).toEqual([]);
    expect(asText, 'the payload reached the page (as text)').toBeGreaterThan(50);
  });

  it('in every chart and map of every story, in every state', async () => {
    const { default: Chart } = await import('../../src/charts/Chart.astro');
    const { default: StoryMap } = await import('../../src/map/StoryMap.astro');
    const { chartKind } = await import('../../src/charts/kinds.ts');
    const { parseMapSpec } = await import('../../src/map/spec.ts');
    const { data } = await import('../../src/lib/data/index.ts');
    (globalThis as { __payload?: string }).__payload = 'short';
    let rendered = 0;
    let rejected = 0;
    for (const file of chapterFiles()) {
      const front = parseYaml(readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '') as { graphics?: Record<string, GraphicSpecBase> };
      for (const [id, spec] of Object.entries(front.graphics ?? {})) {
        for (const state of Object.keys(spec.states)) {
          let html: string;
          try {
            html = chartKind(spec.kind)
              ? await container.renderToString(Chart, { props: { graphic: { id, spec, file }, state, variant: 'step' }, locals: {} })
              : await container.renderToString(StoryMap, {
                  props: { id, spec: parseMapSpec(spec, file), state, variant: 'step', data: data() },
                  locals: {},
                });
          } catch (e) {
            // A label too long for its layout fails the build: nothing is published, which is safe too.
            if (/does not fit in the (compact|regular) layout/.test(String(e))) {
              rejected++;
              continue;
            }
            throw e;
          }
          const { injected, asText } = inspect(html);
          expect(injected, `${file} ${id}/${state}`).toEqual([]);
          if (asText > 0) shown.add(`${id}`);
          rendered++;
        }
      }
    }
    console.log(
      `graphic states rendered: ${rendered}, rejected by the layout check: ${rejected}, graphics printing the payload as text: ${shown.size}`,
    );
    expect(rendered).toBeGreaterThan(40);
    // The payload reaches graphics (titles come from chapters, labels and names from the dataset).
    expect(shown.size, 'graphics that printed a dataset string').toBeGreaterThan(10);
  });
});

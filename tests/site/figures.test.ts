/**
 * Figures and provenance in the built pages (static HTML, no browser): a project's figure cited with
 * <V project="…"> links to its entry in the story's source list, which names the project and its
 * article and links to the project's row on the data page; and no label anywhere prints its scope
 * twice ("全市全市…"), in the source lists, the chart source lines and tables, or the data page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { data } from '../../src/lib/data/index.ts';
import { TEST_DIST } from '../../scripts/lib/browser.ts';

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return pages(p);
    return e.name.endsWith('.html') ? [p] : [];
  });
}

/** The visible text of an HTML page, roughly: tags dropped, entities left (none of the names need them). */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');

/** Scope names doubled back to back: 全市全市, 霍林郭勒市霍林郭勒市, 开发区开发区… */
export function doubledScopes(text: string, names: string[]): string[] {
  return names.filter((n) => text.includes(n + n));
}

const d = data();
const scopeNames = ['全市', ...[...d.regions.values()].flatMap((r) => [r.name, r.short])];

describe('the doubled-scope gate', () => {
  it('catches a doubled scope and passes a single one', () => {
    expect(doubledScopes('全市全市贷款余额，2024年', scopeNames)).toEqual(['全市']);
    expect(doubledScopes('霍林郭勒市霍林郭勒市重大项目', scopeNames)).toContain('霍林郭勒市');
    expect(doubledScopes('全市贷款余额；霍林郭勒市重大项目', scopeNames)).toEqual([]);
  });
});

describe('built pages', () => {
  const files = pages(TEST_DIST);

  it('no page prints a scope twice', () => {
    expect(files.length).toBeGreaterThan(5);
    const bad = files.flatMap((f) => doubledScopes(textOf(readFileSync(f, 'utf8')), scopeNames).map((n) => `${f}: ${n}${n}`));
    expect(bad).toEqual([]);
  });

  it('a project figure links to its source-list entry, which cites the article and links to the project on the data page', () => {
    const html = readFileSync(join(TEST_DIST, 'winter-tour-2022/index.html'), 'utf8');
    const p = d.getProject('longma-base');
    const anchor = 'fig-project-longma-base-investment';
    // The figure in prose: the formatted value, linking to the entry.
    expect(html).toMatch(new RegExp(`<a class="v__num"[^>]*href="#${anchor}"[^>]*>${p.investment?.value}亿元</a>`));
    // Its tooltip names the project before the provenance.
    expect(html).toContain(`${p.name}（${d.scopeName(p.region)}）总投资：`);
    // The entry: the project, the figure, the article as printed, and the data-page link.
    const entry = html.match(new RegExp(`<li id="${anchor}"[^>]*>([\\s\\S]*?)</li>`))?.[1] ?? '';
    expect(textOf(entry)).toContain(`${p.name}（${d.scopeName(p.region)}）总投资：${p.investment?.value}亿元`);
    const cite = p.investment?.cite[0];
    expect(textOf(entry)).toContain(`《${d.getSource(cite!.source).headline}》`);
    expect(textOf(entry)).toContain(`原文“${cite!.printed}”`);
    expect(entry).toMatch(/href="[^"]*data\/#project-longma-base"/);
    // …and the data page has that row.
    expect(readFileSync(join(TEST_DIST, 'data/index.html'), 'utf8')).toContain('id="project-longma-base"');
  });

  it('a capacity chosen with what="…" is its own entry', () => {
    const html = readFileSync(join(TEST_DIST, 'winter-tour-2022/index.html'), 'utf8');
    const caps = d.getProject('longma-base').capacity;
    for (const [i, c] of caps.entries()) {
      expect(html, c.what).toContain(`<li id="fig-project-longma-base-capacity-${i}"`);
    }
  });
});

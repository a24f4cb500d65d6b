import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import remarkLeadEnd, { anchorFromFileName, leadEnd, leadEndId } from './lead.ts';

const parse = (src: string): Root => unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).parse(src);

/** The tree's top-level nodes after the plugin, by type, with the marker as `marker#id`. */
function run(src: string, path = '/site/content/story/02-turnaround.mdx'): string[] {
  const tree = parse(src);
  remarkLeadEnd()(tree, new VFile({ path }));
  return tree.children.map((n) =>
    n.type === 'mdxJsxFlowElement' && n.name === 'span'
      ? `marker#${String(n.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value)}`
      : n.type === 'mdxJsxFlowElement'
        ? `<${n.name}>`
        : n.type,
  );
}

const FRONT = '---\ntitle: 标题\n---\n';

describe('a chapter’s lead', () => {
  it('is the prose before the first component: the marker goes between them', () => {
    const scrolly = '<Scrolly graphic="map">\n  <Step id="a">一</Step>\n</Scrolly>';
    expect(run(`${FRONT}第一段。\n\n第二段，有<V id="gdp" />。\n\n${scrolly}\n\n后文。\n`)).toEqual([
      'yaml',
      'paragraph',
      'paragraph',
      'marker#turnaround-lead-end',
      '<Scrolly>',
      'paragraph',
    ]);
  });
  it('is empty when a chapter opens with a graphic: the marker comes first', () => {
    const tree = run(`${FRONT}<Chart graphic="growth" />\n\n后文。\n`);
    expect(tree).toEqual(['yaml', 'marker#turnaround-lead-end', '<Chart>', 'paragraph']);
  });
  it('is the whole chapter when it has no component; headings, lists, quotes and comments are prose', () => {
    expect(run(`${FRONT}{/* 编辑注 */}\n\n一段。\n\n## 小标题\n\n- 一\n- 二\n\n> 引文\n`)).toEqual([
      'yaml',
      'mdxFlowExpression',
      'paragraph',
      'heading',
      'list',
      'blockquote',
      'marker#turnaround-lead-end',
    ]);
  });
  it('ends at an element block or code, which are not prose', () => {
    expect(leadEnd(parse(`${FRONT}一段。\n\n<div>\n  块\n</div>\n`))).toBe(2);
    expect(leadEnd(parse(`${FRONT}一段。\n\n\`\`\`\ncode\n\`\`\`\n`))).toBe(2);
  });
  it('is marked in chapters only: an MDX file outside content/ is left alone', () => {
    expect(run('一段。\n', '/site/src/pages/about.mdx')).toEqual(['paragraph']);
    expect(run('一段。\n', '/site/content/story/01-a.md')).toEqual(['paragraph']);
  });
  it('names its marker after the chapter’s anchor on the page', () => {
    expect(anchorFromFileName('03-map.mdx')).toBe('map');
    expect(anchorFromFileName('12-two-parts')).toBe('two-parts');
    expect(leadEndId('map')).toBe('map-lead-end');
  });
});

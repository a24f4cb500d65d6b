import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport } from '../problem.ts';
import { copyFiles, lintCopy, lintProjectCopy } from './copy.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => {
  const file = `tests/fixtures/copy-lint/${name}`;
  return lintCopy(file, readFileSync(`${root}${file}`, 'utf8')).map((p) => `${p.line}:${p.column} ${p.message}`);
};

describe('lintCopy() on chapters (MDX)', () => {
  it('finds banned phrases, spaces after full-width punctuation and before "%" in prose, frontmatter values and attributes', () => {
    expect(fixture('bad.mdx')).toEqual([
      '2:8 banned phrase "截至发稿" in "截至发稿的进展"',
      '7:11 banned phrase "数据集" in "数据集按整个项目记"',
      '7:22 a half-width space after full-width "。" in "整个项目记录。 其余照录。"',
      '13:1 banned phrase "到发稿时" in "到发稿时，项目仍在施"',
      '13:13 a half-width space after full-width "。" in "项目仍在施工。 下一句紧跟"',
      '15:40 a space between a number and "%" in "增速达到{…} %，比上年高"',
      '15:54 a space between a number and "%" in "。完成率 95 %以上。"',
      '17:52 banned phrase "本系列另一篇" in "本系列另一篇报道也提到了"',
      '18:5 a line break (shown as a space) after full-width "，" in "第一句， 第二句在换"',
    ]);
  });
  it('leaves code, frontmatter keys and YAML syntax alone (the good twin passes)', () => {
    expect(fixture('good.mdx')).toEqual([]);
  });
  it('gives a hint with every problem', () => {
    const file = 'tests/fixtures/copy-lint/bad.mdx';
    const problems = lintCopy(file, readFileSync(`${root}${file}`, 'utf8'));
    expect(problems.every((p) => p.file === file && (p.hint ?? '').length > 10)).toBe(true);
    expect(formatReport(problems)).toContain('tests/fixtures/copy-lint/bad.mdx:13:1  banned phrase "到发稿时"');
  });
});

describe('lintCopy() on pages (Astro) and story.yaml', () => {
  it('checks text between tags (a line break renders as a space), attribute values and string literals, not scripts or styles', () => {
    expect(fixture('bad.astro')).toEqual([
      '2:15 banned phrase "截至发稿" in "截至发稿，共{…}项"',
      '5:27 a half-width space after full-width "·" in "据新闻系列 · 2020—"',
      '6:23 banned phrase "本系列另一篇" in "本系列另一篇"',
      '7:11 banned phrase "数据集" in "把数字整理成数据集， 用图"',
      '7:15 a line break (shown as a space) after full-width "，" in "整理成数据集， 用图表"',
      '10:20 a space between a number and "%" in "约{…} %来自这里。"',
    ]);
    expect(fixture('good.astro')).toEqual([]);
  });
  it('checks every value of story.yaml', () => {
    expect(fixture('story.yaml')).toEqual([
      '1:11 banned phrase "截至发稿" in "截至发稿， 仍在建设"',
      '1:16 a half-width space after full-width "，" in "截至发稿， 仍在建设"',
      '2:6 banned phrase "数据集" in "数据集里的数字"',
    ]);
  });
  it('lets the data and sources pages, the page frame and the source list name the dataset', () => {
    const src = '<p>本站的数据集，可以下载。</p>\n';
    expect(lintCopy('src/pages/index.astro', src)).toHaveLength(1);
    for (const file of [
      'src/pages/data/index.astro',
      'src/pages/sources/index.astro',
      'src/layouts/Base.astro',
      'src/components/StorySources.astro',
    ]) {
      expect(lintCopy(file, src), file).toEqual([]);
    }
  });
  it('refuses a file it has no rules for', () => {
    expect(() => lintCopy('content/x/notes.txt', '')).toThrow(/no copy rules/);
  });
});

describe('the copy of this project', () => {
  it('covers every chapter, story.yaml and page', () => {
    const files = copyFiles(root);
    expect(files.filter((f) => f.endsWith('.mdx')).length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => f.endsWith('story.yaml')).length).toBeGreaterThanOrEqual(6);
    expect(files).toContain('src/pages/index.astro');
    expect(files).toContain('src/layouts/Base.astro');
  });
  it('follows the copy rules (npm run check:content prints the same list)', () => {
    const problems = lintProjectCopy(root);
    expect(problems, formatReport(problems)).toEqual([]);
  });
});

describe('lintCopy() on a built page (HTML)', () => {
  it('checks the text readers get, wherever it came from, but not scripts, styles or the word 数据集', () => {
    expect(fixture('page.html')).toEqual([
      '1:182 banned phrase "截至发稿" in "时期：截至发稿"',
      '1:201 a half-width space after full-width "。" in "字取自原报道。 地图为示意"',
      '1:240 a space between a number and "%" in "目标 8 %"',
      '1:272 banned phrase "本系列另一篇" in "本系列另一篇报道"',
    ]);
  });
});

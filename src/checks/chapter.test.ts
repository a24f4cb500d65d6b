/**
 * Each bad fixture is rejected with its location and a pinned message; the good ones pass.
 * Fixtures: tests/fixtures/mdx/{bad,good}/*.mdx.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { data } from '../lib/data/index.ts';
import { checkChapter } from './chapter.ts';
import { formatProblem } from './problem.ts';

const DIR = 'tests/fixtures/mdx';
const check = (kind: 'bad' | 'good', name: string) => {
  const file = `${DIR}/${kind}/${name}`;
  return checkChapter(file, readFileSync(file, 'utf8'), data()).problems.map(formatProblem);
};

describe('checkChapter() rejects', () => {
  it.each([
    ['script.mdx', 'tests/fixtures/mdx/bad/script.mdx:6:1  <script> is not allowed in a chapter'],
    ['event-handler.mdx', 'tests/fixtures/mdx/bad/event-handler.mdx:6:1  event handler "onClick" is not allowed'],
    ['javascript-url.mdx', 'tests/fixtures/mdx/bad/javascript-url.mdx:4:2  link to a javascript: URL'],
    ['iframe.mdx', 'tests/fixtures/mdx/bad/iframe.mdx:4:1  <iframe> is not allowed in a chapter'],
    ['import.mdx', 'tests/fixtures/mdx/bad/import.mdx:4:1  import and export are not allowed in chapters'],
    ['expression.mdx', 'tests/fixtures/mdx/bad/expression.mdx:4:5  JavaScript expressions {…} are not allowed in chapters'],
    [
      'prop-expression.mdx',
      'tests/fixtures/mdx/bad/prop-expression.mdx:4:1  <V id={…}> is a JavaScript expression, which chapters may not contain',
    ],
    ['hand-typed.mdx', 'tests/fixtures/mdx/bad/hand-typed.mdx:4:17  hand-typed figure "1686亿元"'],
    ['data-typo.mdx', "tests/fixtures/mdx/bad/data-typo.mdx:4:8  <V>: unknown indicator 'gpd'; did you mean 'gdp'?"],
    ['step-without-summary.mdx', 'tests/fixtures/mdx/bad/step-without-summary.mdx:5:3  <Step> is missing summary="…"'],
    [
      'frontmatter-field.mdx',
      'tests/fixtures/mdx/bad/frontmatter-field.mdx:3  frontmatter has unknown field "tilte"\n    → did you mean "title"?',
    ],
    ['image-without-alt.mdx', 'tests/fixtures/mdx/bad/image-without-alt.mdx:4:1  image "./photo.png" has no alt text'],
    ['remote-image.mdx', 'tests/fixtures/mdx/bad/remote-image.mdx:4:1  image "https://example.com/a.png" is loaded from another site'],
    ['heading.mdx', 'tests/fixtures/mdx/bad/heading.mdx:4:1  a level-1 heading ("#") in a chapter'],
    ['unclosed.mdx', 'tests/fixtures/mdx/bad/unclosed.mdx:7:1  this is not valid MDX'],
    [
      'unclosed-at-end.mdx',
      'tests/fixtures/mdx/bad/unclosed-at-end.mdx:6:1  this is not valid MDX: Expected a closing tag for `<Scrolly>`',
    ],
    ['project-typo.mdx', "tests/fixtures/mdx/bad/project-typo.mdx:4:8  <V>: unknown project 'longma-bas'; did you mean 'longma-base'"],
    [
      'project-capacity.mdx',
      'tests/fixtures/mdx/bad/project-capacity.mdx:4:7  <V>: project \'longma-base\' has 4 capacities; say which with what="…": 风电整机、减速机、电机、全产业链零部件',
    ],
  ])('%s', (name, expected) => {
    const problems = check('bad', name);
    expect(
      problems.some((p) => p.startsWith(expected)),
      `got:\n${problems.join('\n')}`,
    ).toBe(true);
  });

  it('every bad fixture is covered by a case above', () => {
    expect(readdirSync(`${DIR}/bad`).length).toBe(18);
  });
});

describe('checkChapter() accepts', () => {
  it.each(readdirSync(`${DIR}/good`))('%s', (name) => {
    expect(check('good', name)).toEqual([]);
  });
});

describe('<V project="…">', () => {
  const run = (body: string) => checkChapter('x.mdx', `---\ntitle: 测试章节\n---\n${body}\n`, data());
  it('collects project figures for the source list', () => {
    const r = run('总投资<V project="longma-base" field="investment" />，年产<V project="longma-base" field="capacity" what="电机" />。');
    expect(r.problems).toEqual([]);
    expect(r.cited).toEqual([
      { project: 'longma-base', field: 'investment', what: undefined, line: 4 },
      { project: 'longma-base', field: 'capacity', what: '电机', line: 4 },
    ]);
  });
  it.each([
    ['<V project="longma-base" />', '<V project="…"> is missing field="…"'],
    ['<V project="longma-base" field="price" />', '<V field="price"> must be one of investment, capacity'],
    ['<V project="longma-base" field="investment" period="2024" />', '<V project="…"> takes no period="…"'],
    ['<V id="gdp" project="longma-base" field="investment" />', '<V> has both id="…" and project="…"'],
    ['<V period="2024" />', '<V> is missing id="…" (or project="…")'],
    ['<V id="gdp" field="investment" />', '<V id="…"> takes no field="…"'],
    [
      '<V project="meihua-msg" field="investment" />',
      "<V>: project 'meihua-msg' has no investment figure in the dataset; it has: capacity (味精)",
    ],
    ['<V project="longma-base" field="capacity" what="风机" />', '<V>: project \'longma-base\' has no capacity "风机"'],
    ['<V project="longma-base" field="investment" what="风电整机" />', '<V>: what="风电整机" only applies to field="capacity"'],
  ])('%s is rejected with a line', (v, message) => {
    const problems = run(`数字${v}。`).problems;
    expect(
      problems.map((p) => `${p.line}  ${p.message}`).some((p) => p.startsWith(`4  ${message}`)),
      problems.map((p) => p.message).join('\n'),
    ).toBe(true);
  });
});

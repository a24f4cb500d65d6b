/**
 * Bad inputs found by probing (issue 15) and their neighbours, each reported with file:line and a fix,
 * all in one run, none with a stack trace. Fixture: tests/fixtures/input-errors/content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { data } from '../lib/data/index.ts';
import { checkContent } from './index.ts';
import { formatProblem } from './problem.ts';

const ROOT = 'tests/fixtures/input-errors';
const problems = checkContent({ root: ROOT, data: data() });
const lines = problems.map(formatProblem);
const expectLine = (expected: string) =>
  expect(
    lines.some((l) => l.startsWith(expected)),
    `not found:\n${expected}\n\nin:\n${lines.join('\n')}`,
  ).toBe(true);
const C = 'content';

describe('every URL a chapter can produce', () => {
  it.each([
    [
      'a reference image',
      `${C}/urls/01-links.mdx:4:7  image [aerial] "https://example.com/aerial.jpg" (defined on line 16) is loaded from another site\n    → the site makes no third-party requests`,
    ],
    [
      'a shortcut reference image (labels are case-insensitive)',
      `${C}/urls/01-links.mdx:6:10  image [logo] "http://example.com/logo.png" (defined on line 17) is loaded from another site`,
    ],
    [
      'a collapsed reference image',
      `${C}/urls/01-links.mdx:6:23  image [Logo] "http://example.com/logo.png" (defined on line 17) is loaded from another site`,
    ],
    ['an upper-case scheme', `${C}/urls/01-links.mdx:8:9  image "HTTPS://example.com/map.png" is loaded from another site`],
    ['a scheme-relative image', `${C}/urls/01-links.mdx:8:50  image "//cdn.example.com/map.png" is loaded from another site`],
    ['a root-relative image', `${C}/urls/01-links.mdx:10:7  image "/images/map.png" is an absolute path, outside the story`],
    [
      'a javascript: link with a tab in the scheme',
      `${C}/urls/01-links.mdx:12:26  link to a javascript: URL\n    → chapters cannot run code`,
    ],
    ['a reference link to JavaScript:', `${C}/urls/01-links.mdx:18:1  link to a javascript: URL`],
  ])('%s', (_what, expected) => expectLine(expected));

  it('a relative image in the story folder is fine', () => {
    expect(lines.filter((l) => l.includes('./park.png'))).toEqual([]);
  });
});

describe('figures typed by hand', () => {
  it.each([
    ['full-width digits in prose', `${C}/figures/01-prose.mdx:4:8  hand-typed figure "３.５％"`],
    ['full-width digits with a full-width comma', `${C}/figures/01-prose.mdx:4:15  hand-typed figure "１，６８６亿元"`],
    [
      '<V> typed with a Chinese keyboard',
      `${C}/figures/01-prose.mdx:6:11  "《V id=“gdp” period=“2024” /》" was typed with a Chinese keyboard: readers would see it as text\n    → type it with half-width characters: <V id="gdp" period="2024" />`,
    ],
    [
      '<V> with full-width angle brackets',
      `${C}/figures/01-prose.mdx:8:7  "＜V id="gdp" period="2024" ／＞" was typed with a Chinese keyboard`,
    ],
    [
      'a headline',
      `${C}/figures/story.yaml:1  hand-typed figure "３.５％" in headline\n    → the headline, the dek and corrections show on the front page`,
    ],
    ['a correction', `${C}/figures/story.yaml:8  hand-typed figure "1686亿元" in corrections.0.text`],
  ])('%s', (_what, expected) => expectLine(expected));

  it('a book title in 《》 is not a component', () => {
    expect(lines.filter((l) => l.includes('《通辽日报》'))).toEqual([]);
  });
});

describe('YAML that does not parse, without a stack trace, other problems still listed', () => {
  it.each([
    [
      'a half-width colon in a headline',
      `${C}/yaml-colon/story.yaml:1  story.yaml is not valid YAML: Nested mappings are not allowed in compact mappings\n    → put a value that contains ":"`,
    ],
    [
      'an alias bomb in story.yaml',
      `${C}/alias-bomb/story.yaml:2  story.yaml is not valid YAML: too many YAML aliases (*name): the file would expand enormously\n    → story.yaml needs no anchors`,
    ],
    ['an alias bomb in a chapter frontmatter', `${C}/alias-bomb/02-b.mdx:4  frontmatter is not valid YAML: too many YAML aliases`],
    ["…and the same story's other problems", `${C}/alias-bomb/01-a.mdx:4:5  hand-typed figure "1686亿元"`],
  ])('%s', (_what, expected) => expectLine(expected));

  it('astro.config.mjs loads when a story.yaml does not parse (the content check reports it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tongliao-config-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{"name":"tongliao-stories"}');
      mkdirSync(join(dir, 'data'));
      cpSync('data/tongliao.json', join(dir, 'data/tongliao.json'));
      for (const s of ['yaml-colon', 'alias-bomb']) cpSync(join(ROOT, C, s), join(dir, C, s), { recursive: true });
      const r = spawnSync(
        resolve('node_modules/.bin/node'),
        ['-e', `import(${JSON.stringify(resolve('astro.config.mjs'))}).then(() => console.log('config loaded'))`],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.stderr).not.toMatch(/YAMLParseError|ReferenceError|\n\s+at /);
      expect(r.stdout.trim()).toBe('config loaded');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('one error does not hide others', () => {
  it.each([
    [
      'a schema error in one map state…',
      `${C}/graphics/01-maps.mdx:8  graphic "where" states.broken.camera: the value cannot be the number 12\n    → see "map" in section 6 of docs/editing.md`,
    ],
    [
      '…and a reference error in another state of the same graphic',
      `${C}/graphics/01-maps.mdx:9  graphic "where" states.wrong-region.highlight.0: unknown region '150599'`,
    ],
    ['a bad period in one line state…', `${C}/graphics/01-maps.mdx:17  graphic "growth" states.early.through: not a period`],
    [
      '…and a period no series has in another',
      `${C}/graphics/01-maps.mdx:19  graphic "growth" states.late.through: no series has period 2019`,
    ],
  ])('%s', (_what, expected) => expectLine(expected));
});

describe('smaller', () => {
  it.each([
    [
      'an upper-case .MDX chapter',
      `${C}/files/06-x.MDX  chapter "06-x.MDX" is not read: the extension must be lower-case .mdx\n    → rename it to 06-x.mdx`,
    ],
    ['a mixed-case .Mdx chapter', `${C}/files/07-y.Mdx  chapter "07-y.Mdx" is not read`],
    ['a .markdown chapter', `${C}/files/08-z.markdown  "08-z.markdown" is not read: chapters are .mdx files`],
    ['a Story.yml', `${C}/files/Story.yml  "Story.yml" is not read: the story file is story.yaml`],
    [
      'two stories with one order',
      `${C}/urls/story.yaml:6  order: 101 is also the order of ${C}/same-order/story.yaml:6\n    → give each story its own position`,
    ],
    [
      'an impossible day',
      `${C}/dates/story.yaml:5  story.yaml published: 2026-02-30 is not a real date: 2026-02 has 28 days\n    → check the day and the month`,
    ],
    ['an impossible month', `${C}/dates/story.yaml:6  story.yaml updated: 2026-13-01 is not a real date: there is no month 13`],
    [
      'a number too small, in words',
      `${C}/dates/story.yaml:7  story.yaml "order" is the number 0; it must be at least 1\n    → change it to a value at least 1`,
    ],
    ['an empty list, in words', `${C}/dates/story.yaml:3  story.yaml "byline" has 0 items; it needs at least 1`],
  ])('%s', (_what, expected) => expectLine(expected));

  it('no raw schema text reaches an editor, and every problem has a fix', () => {
    expect(lines.filter((l) => /Too (big|small):|expected \w+, received|Invalid input/.test(l))).toEqual([]);
    expect(problems.filter((p) => !p.hint).map(formatProblem)).toEqual([]);
  });

  it('every fixture story is covered', () => {
    expect(readdirSync(join(ROOT, C)).sort()).toEqual([
      'alias-bomb',
      'dates',
      'figures',
      'files',
      'graphics',
      'same-order',
      'urls',
      'yaml-colon',
    ]);
  });
});

/**
 * Editor hints: graphics that may not earn their place. Reported, never failing the build, because an
 * editor may have a reason (a pause on a picture, a card that the text reads out on purpose):
 *
 * - a scrolly graphic whose state does not change between two consecutive steps (same state, or two
 *   states defined alike): the second step adds words but no picture;
 * - a `bignumber` card whose figure is also the only figure in its step's text: the card repeats the
 *   sentence beside it.
 *
 * Pure: a chapter's source and the dataset in, hints out (file:line, message, hint).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdx';
import { parse as parseYaml } from 'yaml';
import type { DataIndex } from '../../lib/data/index.ts';
import { resolveValue, ValueRef } from '../../charts/data.ts';
import type { ContentProblem } from '../problem.ts';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
type Graphics = Record<string, { kind?: string; value?: ValueRef; states?: Record<string, unknown> }>;

const attr = (el: Jsx, name: string): string | undefined => {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : undefined;
};

function* jsx(node: RootContent | Root, name: string): Generator<Jsx> {
  if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name) yield node;
  if ('children' in node) for (const c of node.children) yield* jsx(c as RootContent, name);
}

/** The value a `<V>` shows, as "id period kind", or null when it is not a single dataset value. */
function figureKey(v: Jsx, data: DataIndex): string | null {
  const project = attr(v, 'project');
  const field = attr(v, 'field');
  const ref: ValueRef | null = project
    ? field === undefined || field === 'investment'
      ? { project }
      : null
    : attr(v, 'id')
      ? { indicator: attr(v, 'id'), period: attr(v, 'period'), kind: attr(v, 'kind') as ValueRef['kind'] }
      : null;
  if (!ref) return `${project} ${field} ${attr(v, 'what') ?? ''}`;
  return datumKey(ref, data);
}

function datumKey(raw: unknown, data: DataIndex): string | null {
  // Through the schema, as the build reads it (unquoted years in YAML are numbers).
  const ref = ValueRef.safeParse(raw);
  if (!ref.success) return null;
  try {
    const { datum } = resolveValue(data, ref.data, []);
    return datum ? `${datum.id} ${datum.period} ${datum.kind}` : null;
  } catch {
    return null;
  }
}

/** Hints for one chapter. `graphics` may add graphics declared in other chapters of the story. */
export function chapterHints(file: string, src: string, data: DataIndex, storyGraphics: Graphics = {}): ContentProblem[] {
  const tree = processor.parse(src) as Root;
  const fm = tree.children.find((c) => c.type === 'yaml');
  const own = ((fm ? (parseYaml(fm.value) as { graphics?: Graphics } | null) : null)?.graphics ?? {}) as Graphics;
  const graphics: Graphics = { ...storyGraphics, ...own };
  const hints: ContentProblem[] = [];

  for (const scrolly of jsx(tree, 'Scrolly')) {
    const steps = [...jsx(scrolly, 'Step')];
    steps.forEach((step, i) => {
      const line = step.position?.start.line ?? null;
      const [id, graphic, state] = [attr(step, 'id'), attr(step, 'graphic'), attr(step, 'state')];
      const prev = steps[i - 1];
      if (prev && graphic && attr(prev, 'graphic') === graphic) {
        const prevState = attr(prev, 'state') as string;
        const states = graphics[graphic]?.states ?? {};
        const alike =
          prevState === state ||
          (state !== undefined &&
            prevState in states &&
            state in states &&
            JSON.stringify(states[prevState]) === JSON.stringify(states[state]));
        if (alike) {
          hints.push({
            file,
            line,
            message: `<Step id="${id}"> shows "${graphic}" exactly as the step before (#${attr(prev, 'id')}${prevState === state ? `, state "${state}"` : `: states "${prevState}" and "${state}" are defined alike`})`,
            hint: 'give this step a state that shows something new (a highlight, an annotation, more data), or merge the two steps',
          });
        }
      }
      const def = graphic ? graphics[graphic] : undefined;
      if (def?.kind === 'bignumber' && def.value) {
        const figures = [...jsx(step, 'V')];
        const card = datumKey(def.value, data);
        const keys = new Set(figures.map((v) => figureKey(v, data)));
        if (card && keys.size === 1 && keys.has(card)) {
          hints.push({
            file,
            line,
            message: `<Step id="${id}">: the number card "${graphic}" shows the only figure its text gives (${card.split(' ').slice(0, 2).join(' ')})`,
            hint: 'a card that repeats its sentence adds nothing: show a comparison (a chart), or let the text carry the figure and cut the card',
          });
        }
      }
    });
  }
  return hints;
}

/** Hints for every chapter under content/ (graphics are shared within a story). */
export function contentHints(root: string, data: DataIndex): ContentProblem[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return [];
  const out: ContentProblem[] = [];
  for (const story of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const files = readdirSync(join(dir, story.name))
      .filter((f) => f.endsWith('.mdx'))
      .sort();
    const sources = files.map((f) => ({ file: `content/${story.name}/${f}`, src: readFileSync(join(dir, story.name, f), 'utf8') }));
    const graphics: Graphics = {};
    for (const { src } of sources) {
      const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(src);
      try {
        Object.assign(graphics, (parseYaml(m?.[1] ?? '') as { graphics?: Graphics } | null)?.graphics ?? {});
      } catch {
        // The content check reports broken frontmatter.
      }
    }
    for (const { file, src } of sources) out.push(...chapterHints(file, src, data, graphics));
  }
  return out;
}

/**
 * Copy lint: the desk's rules for the words readers see, over chapters (MDX prose, component
 * attributes and frontmatter values), story.yaml and the Astro pages and layouts.
 *
 * - banned phrases: "截至发稿" and "到发稿时" (our pages are dated later than the articles, so readers
 *   read them as now), "本系列另一篇" (readers take it to mean our stories; write "原报道"), and
 *   "数据集" in narrative text (readers don't know our dataset; the data and method pages, which are
 *   about it, are exempt);
 * - no half-width space (or line break, which a browser renders as one) after full-width punctuation;
 * - no space between a number and "%".
 *
 * Code is not copy: frontmatter keys, ids, import lines, `<script>`/`<style>`, code spans, and
 * JavaScript outside string literals are skipped. Pure: text in, problems out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { ContentProblem } from '../problem.ts';
import { positionsIn } from '../../lib/position.ts';

/** A stretch of copy with, for each character, its offset in the source file (-1: stands for markup). */
interface Run {
  text: string;
  at: number[];
}

/** Full-width punctuation of Chinese text, plus the middle dot used between Chinese words. */
const FULL_WIDTH_PUNCT = '，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕…·・';

/** Stands for a figure rendered from data (`<V>`, `{expression}`) inside a run of copy. */
const FIGURE = '0';

interface BannedPhrase {
  phrase: string;
  hint: string;
  /** Files (project-relative) where the phrase is the subject and may stand. */
  exempt?: RegExp;
}

export const BANNED: BannedPhrase[] = [
  { phrase: '截至发稿', hint: 'readers read it as now: write "截至原报道（约2025年6月）" with the article\'s date' },
  { phrase: '到发稿时', hint: 'readers read it as now: write "到原报道刊出时（约2025年6月）" with the article\'s date' },
  {
    phrase: '本系列另一篇',
    hint: 'readers take it to mean our stories: write "原报道" for the newspaper\'s articles, or link our story by its headline',
  },
  {
    phrase: '数据集',
    hint: 'readers don\'t know our dataset: say what the numbers show; "我们按…计" for our choices; caveats go in the chart note or the data table',
    // The data and sources pages are about the dataset; the page frame and the source list link to them.
    exempt: /^src\/(pages\/(data|sources)|layouts|components)\//,
  },
];

const escapeClass = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');
const SPACE_AFTER_PUNCT = new RegExp(`([${escapeClass(FULL_WIDTH_PUNCT)}])([ \\t\\u00a0\\n\\r]+)(?=\\S)`, 'gu');
const SPACE_BEFORE_PERCENT = /(\d)([ \t\u00a0]+)[%％]/gu;

/** Problems in runs of copy of one file. */
function lintRuns(file: string, src: string, runs: Run[], banned: BannedPhrase[] = BANNED): ContentProblem[] {
  const out: ContentProblem[] = [];
  const positionAt = positionsIn(src);
  const at = (run: Run, i: number) => {
    // The nearest character that comes from the source (a figure stands for markup).
    for (let k = i; k < run.at.length; k++) if ((run.at[k] as number) >= 0) return run.at[k] as number;
    for (let k = i; k >= 0; k--) if ((run.at[k] as number) >= 0) return run.at[k] as number;
    return 0;
  };
  const report = (run: Run, i: number, message: string, hint: string) => out.push({ file, ...positionAt(at(run, i)), message, hint });
  /** The copy around a match, with "{…}" where a figure is rendered from data. */
  const excerpt = (run: Run, i: number, n: number) =>
    run.text
      .split('')
      .map((ch, k) => (run.at[k] === -1 && ch === FIGURE ? '{…}' : ch))
      .slice(Math.max(0, i - 6), i + n + 6)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();

  for (const run of runs) {
    for (const b of banned) {
      if (b.exempt?.test(file)) continue;
      for (let i = run.text.indexOf(b.phrase); i >= 0; i = run.text.indexOf(b.phrase, i + 1)) {
        report(run, i, `banned phrase "${b.phrase}" in "${excerpt(run, i, b.phrase.length)}"`, b.hint);
      }
    }
    for (const m of run.text.matchAll(SPACE_AFTER_PUNCT)) {
      const i = m.index + 1;
      const what = (m[2] as string).includes('\n') ? 'a line break (shown as a space)' : 'a half-width space';
      report(
        run,
        i,
        `${what} after full-width "${m[1]}" in "${excerpt(run, m.index, 1)}"`,
        'full-width punctuation carries its own space: delete the space, or join the lines',
      );
    }
    for (const m of run.text.matchAll(SPACE_BEFORE_PERCENT)) {
      report(run, m.index + 1, `a space between a number and "%" in "${excerpt(run, m.index, 2)}"`, 'write "95%以上", not "95 %以上"');
    }
  }
  return out;
}

/** A run of copy that appears verbatim in the source at `start` (offsets per UTF-16 unit, as regexes count). */
const run = (text: string, start: number): Run => ({ text, at: Array.from({ length: text.length }, (_, i) => start + i) });
/** A run whose characters cannot be mapped one by one (escapes): everything points at `start`. */
const runAt = (text: string, start: number): Run => ({ text, at: new Array<number>(text.length).fill(start) });
const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;

// --- YAML (frontmatter, story.yaml): every string value, never a key. ---

function yamlRuns(yamlSrc: string, offset: number): Run[] {
  const doc = parseDocument(yamlSrc, { prettyErrors: false });
  const runs: Run[] = [];
  const walk = (node: unknown): void => {
    if (isMap(node)) for (const p of node.items) walk(p.value);
    else if (isSeq(node)) for (const item of node.items) walk(item);
    else if (isScalar(node) && typeof node.value === 'string' && CJK.test(node.value) && node.range) {
      // Plain and quoted scalars: map characters onto the source where they appear verbatim.
      const rawStart = node.range[0];
      const raw = yamlSrc.slice(rawStart, node.range[1]);
      const k = raw.indexOf(node.value);
      const start = offset + rawStart + Math.max(0, k);
      runs.push(k >= 0 ? run(node.value, start) : runAt(node.value, offset + rawStart));
    }
  };
  walk(doc.contents);
  return runs;
}

// --- MDX chapters. ---

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

type AnyNode = RootContent | Root;

/** The copy of a block (paragraph, heading, list item…): its text, with figures for `<V>` and expressions. */
function mdxRuns(src: string): Run[] {
  const tree = processor.parse(src) as Root;
  const runs: Run[] = [];
  let current: Run | null = null;
  const flush = () => {
    if (current && current.text) runs.push(current);
    current = null;
  };
  const push = (text: string, at: number[]) => {
    current ??= { text: '', at: [] };
    current.text += text;
    current.at.push(...at);
  };
  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'yaml': {
        const start = (node.position?.start.offset ?? 0) + src.slice(node.position?.start.offset ?? 0).indexOf('\n') + 1;
        runs.push(...yamlRuns(node.value, start));
        return;
      }
      case 'text': {
        // remark gives the value after escapes; map it onto the source when it appears verbatim.
        const s = node.position?.start.offset ?? 0;
        const raw = src.slice(s, node.position?.end.offset ?? s);
        if (raw === node.value) push(node.value, run(node.value, s).at);
        else push(node.value, runAt(node.value, s).at);
        return;
      }
      case 'inlineCode':
      case 'code':
      case 'mdxjsEsm':
      case 'html':
        return;
      case 'mdxTextExpression':
      case 'mdxFlowExpression':
        push(FIGURE, [-1]);
        return;
      case 'mdxJsxTextElement':
      case 'mdxJsxFlowElement': {
        // Attributes readers see (summary, alt, label…) are copy of their own.
        for (const a of node.attributes) {
          if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && CJK.test(a.value)) {
            const s = node.position?.start.offset ?? 0;
            const tag = src.slice(s, node.position?.end.offset ?? s);
            const k = tag.indexOf(a.value);
            runs.push(k >= 0 ? run(a.value, s + k) : runAt(a.value, s));
          }
        }
        if (node.name === 'V') {
          push(FIGURE, [-1]);
          return;
        }
        if (node.type === 'mdxJsxFlowElement') flush();
        for (const c of node.children) visit(c as RootContent);
        if (node.type === 'mdxJsxFlowElement') flush();
        return;
      }
      case 'break':
        push('\n', [-1]);
        return;
      default:
        if ('children' in node) {
          const block = node.type !== 'emphasis' && node.type !== 'strong' && node.type !== 'link' && node.type !== 'delete';
          if (block) flush();
          for (const c of node.children) visit(c as RootContent);
          if (block) flush();
        }
    }
  };
  visit(tree);
  flush();
  return runs;
}

// --- Astro pages and layouts: text between tags, attribute values and string literals with Chinese. ---

/** Inline elements: text flows through them, so a space before one still shows. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'strong',
  'em',
  'i',
  'span',
  'time',
  'code',
  'small',
  'sup',
  'sub',
  'mark',
  'q',
  'cite',
  'br',
  'V',
  'Fragment',
]);

/** String literals (quotes and template literals, `${…}` as a figure) with Chinese, in a piece of JavaScript. */
function scriptRuns(src: string, from: number, to: number): Run[] {
  const runs: Run[] = [];
  let i = from;
  while (i < to) {
    const ch = src[i];
    if (ch === '/' && src[i + 1] === '/') {
      i = src.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? to : e + 2;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const r: Run = { text: '', at: [] };
      let j = i + 1;
      while (j < to && src[j] !== ch) {
        if (src[j] === '\\') {
          j += 2;
          continue;
        }
        if (ch === '`' && src[j] === '$' && src[j + 1] === '{') {
          let depth = 1;
          j += 2;
          while (j < to && depth > 0) {
            if (src[j] === '{') depth++;
            else if (src[j] === '}') depth--;
            j++;
          }
          r.text += FIGURE;
          r.at.push(-1);
          continue;
        }
        r.text += src[j];
        r.at.push(j);
        j++;
      }
      if (CJK.test(r.text)) runs.push(r);
      i = j + 1;
      continue;
    }
    i++;
  }
  return runs;
}

/** End of a `{…}` expression starting at `i` (the offset after its closing brace). */
function expressionEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const ch = src[j];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (j++; j < src.length && src[j] !== ch; j++) if (src[j] === '\\') j++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return j + 1;
  }
  return src.length;
}

/** Runs of an Astro file, or (with `html`) of a built HTML page, where braces are text, not expressions. */
function astroRuns(src: string, html = false): Run[] {
  const runs: Run[] = [];
  let i = 0;
  const fm = html ? null : /^---\r?\n/.exec(src);
  if (fm) {
    const end = src.indexOf('\n---', fm[0].length);
    const stop = end < 0 ? src.length : end;
    runs.push(...scriptRuns(src, fm[0].length, stop));
    i = end < 0 ? src.length : end + 4;
  }
  let current: Run = { text: '', at: [] };
  const flush = () => {
    if (/\S/.test(current.text)) runs.push(current);
    current = { text: '', at: [] };
  };
  while (i < src.length) {
    const ch = src[i] as string;
    if (src.startsWith('<!--', i)) {
      const e = src.indexOf('-->', i);
      i = e < 0 ? src.length : e + 3;
      continue;
    }
    const raw = /^<(script|style)\b/i.exec(src.slice(i, i + 8));
    if (raw) {
      const e = src.indexOf(`</${raw[1]}`, i);
      i = e < 0 ? src.length : src.indexOf('>', e) + 1;
      flush();
      continue;
    }
    if (ch === '<' && /[A-Za-z/!]/.test(src[i + 1] ?? '')) {
      // A tag: its quoted attribute values and expressions may hold copy.
      const name = /^<\/?([A-Za-z][\w.-]*)/.exec(src.slice(i))?.[1] ?? '';
      let j = i + 1;
      while (j < src.length && src[j] !== '>') {
        if (src[j] === '{' && !html) {
          const e = expressionEnd(src, j);
          runs.push(...scriptRuns(src, j, e));
          j = e;
        } else if (src[j] === '"' || src[j] === "'") {
          const q = src[j];
          const e = src.indexOf(q as string, j + 1);
          const value = src.slice(j + 1, e);
          if (CJK.test(value)) runs.push(run(value, j + 1));
          j = e + 1;
        } else j++;
      }
      i = j + 1;
      if (!INLINE.has(name)) flush();
      else if (src[j - 1] !== '/' || name === 'br' || name === 'V') {
        // An inline element: text continues through it; a self-closing component renders a figure.
        if (name === 'V') {
          current.text += FIGURE;
          current.at.push(-1);
        }
      }
      continue;
    }
    if (ch === '{' && !html) {
      const e = expressionEnd(src, i);
      const inner = scriptRuns(src, i, e);
      if (inner.length) {
        // Copy inside an expression (a conditional's text, a template) is a run of its own.
        runs.push(...inner);
      }
      current.text += FIGURE;
      current.at.push(-1);
      i = e;
      continue;
    }
    current.text += ch;
    current.at.push(i);
    i++;
  }
  flush();
  return runs;
}

/** Which copy rules `file` breaks. `file` is project-relative; its kind is told by the extension. */
export function lintCopy(file: string, src: string): ContentProblem[] {
  if (file.endsWith('.mdx')) return lintRuns(file, src, mdxRuns(src));
  if (file.endsWith('.yaml') || file.endsWith('.yml')) return lintRuns(file, src, yamlRuns(src, 0));
  if (file.endsWith('.astro')) return lintRuns(file, src, astroRuns(src));
  if (file.endsWith('.html')) return lintHtml(file, src);
  throw new Error(`lintCopy: no copy rules for "${file}" (chapters are .mdx, stories .yaml, pages .astro, built pages .html)`);
}

/** The files readers read: chapters and story.yaml under content/, every .astro under src/. */
export function copyFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string, keep: (name: string) => boolean) => {
    const dir = join(root, rel);
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path, keep);
      else if (keep(e.name)) out.push(path);
    }
  };
  walk('content', (n) => n.endsWith('.mdx') || n === 'story.yaml');
  walk('src', (n) => n.endsWith('.astro'));
  return out.sort();
}

/** Lints every file of `copyFiles(root)`. */
export function lintProjectCopy(root: string): ContentProblem[] {
  return copyFiles(root).flatMap((f) => lintCopy(f, readFileSync(join(root, f), 'utf8')));
}

/**
 * The copy of a built page: everything the sources say plus what the dataset and components add
 * (period labels, source lists, chart text). "数据集" is left to the source lint, which knows which
 * pages are about the dataset (the page frame links to it from every page).
 */
export function lintHtml(file: string, html: string): ContentProblem[] {
  const banned = BANNED.filter((b) => b.phrase !== '数据集');
  return lintRuns(file, html, astroRuns(html, true), banned).map((p) => ({
    ...p,
    hint: `${p.hint ?? ''} (in the built page: the text comes from a chapter, a component or the dataset)`,
  }));
}

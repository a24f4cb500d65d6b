/**
 * Checks one MDX chapter on its own: only the project's components and plain Markdown, valid
 * frontmatter, known data ids, no hand-typed figures, images with alt text. Collects what the
 * story-level check needs (graphics, steps, figures). Every problem has a line.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, Text, Yaml } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Node as EsNode, Program } from 'estree';
import type {} from 'mdast-util-mdx';
import type { DataIndex } from '../lib/data/index.ts';
import type { JsonPath } from '../lib/data/validate.ts';
import { nearest, unknownIdMessage } from '../lib/suggest.ts';
import { ChapterMeta } from '../lib/content/schema.ts';
import { VOCABULARY, COMPONENT_NAMES, type ComponentName, type ComponentSpec } from '../lib/content/vocabulary.ts';
import { findFakeComponents, findHandTypedFigures, realComponent } from './hand-typed.ts';
import { checkUrls } from './urls.ts';
import { issuePath, wordIssue } from '../lib/zod-words.ts';
import { projectFigure, type FigureRef, type ProjectField } from '../lib/content/figures.ts';
import { parseYamlWithLines, type YamlWithLines } from './yaml-lines.ts';
import { positionWithin } from '../lib/position.ts';
import type { ContentProblem } from './problem.ts';

export interface StepRef {
  id: string;
  graphic: string;
  state: string;
  line: number;
}

export interface FigureUse {
  graphic: string;
  state: string;
  line: number;
}

/** A `<V>` of the chapter: an indicator's value or a project's figure, with its line. */
export type FigureCited = FigureRef & { line: number };

export interface ChapterCheck {
  problems: ContentProblem[];
  /** Every <V> in the chapter, in order (valid ones only). */
  cited: FigureCited[];
  /** Graphics declared in the frontmatter, as written (validated by the story check). */
  graphics: Record<string, unknown>;
  /** Line of a path inside the frontmatter, in file lines. */
  frontmatterLine(path: JsonPath): number;
  steps: StepRef[];
  figures: FigureUse[];
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const HTML_HINT = 'chapters use Markdown and the components V, Scrolly, Step and Figure only; see docs/editing.md';

/** Frontmatter string fields that readers see, checked for hand-typed figures. */
const PROSE_KEYS = new Set([
  'title',
  'subtitle',
  'kicker',
  'note',
  'annotation',
  'label',
  'text',
  'caption',
  'compareLabel',
  'wholeLabel',
  'rest',
  'suffix',
]);

function isLiteralExpression(node: EsNode | null | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'Literal':
      return !('regex' in node && node.regex);
    case 'TemplateLiteral':
      return node.expressions.length === 0;
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'Literal' && typeof node.argument.value === 'number';
    case 'ArrayExpression':
      return node.elements.every((e) => e !== null && e.type !== 'SpreadElement' && isLiteralExpression(e));
    case 'ObjectExpression':
      return node.properties.every(
        (p) => p.type === 'Property' && !p.computed && p.kind === 'init' && !p.method && isLiteralExpression(p.value as EsNode),
      );
    default:
      return false;
  }
}

/** The string value of a literal `{"…"}` expression, else undefined. */
function literalString(program: Program | undefined): string | undefined {
  const stmt = program?.body[0];
  if (stmt?.type !== 'ExpressionStatement') return undefined;
  const e = stmt.expression;
  if (e.type === 'Literal' && typeof e.value === 'string') return e.value;
  if (e.type === 'TemplateLiteral' && e.expressions.length === 0) return e.quasis.map((q) => q.value.cooked ?? '').join('');
  return undefined;
}

export function checkChapter(file: string, source: string, data: DataIndex): ChapterCheck {
  const problems: ContentProblem[] = [];
  const add = (line: number | null | undefined, message: string, hint?: string, column?: number | null) =>
    problems.push({ file, line: line ?? null, column: column ?? null, message, ...(hint ? { hint } : {}) });

  const steps: StepRef[] = [];
  const figures: FigureUse[] = [];
  const cited: FigureCited[] = [];
  let graphics: Record<string, unknown> = {};
  let yamlDoc: YamlWithLines | undefined;
  let yamlStart = 1;

  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).parse(source);
  } catch (e) {
    const err = e as {
      line?: number;
      column?: number;
      reason?: string;
      message: string;
      place?: { line?: number; column?: number; start?: { line?: number; column?: number } };
    };
    // An unclosed tag at the end of the file has no position of its own: point at the opening tag,
    // which the message names as "(4:1-4:10)".
    const opened = /\((\d+):(\d+)-\d+:\d+\)/.exec(err.reason ?? err.message);
    const line = err.line ?? err.place?.line ?? err.place?.start?.line ?? (opened ? Number(opened[1]) : null);
    const column = err.column ?? err.place?.column ?? err.place?.start?.column ?? (opened ? Number(opened[2]) : null);
    add(
      line ?? 1,
      `this is not valid MDX: ${err.reason ?? err.message}`,
      'check for an unclosed <Step> or <Scrolly>, a stray "<" or "{" (write "＜" or "\\{" in text), or a missing "/>"',
      line ? column : null,
    );
    return { problems, cited, graphics, frontmatterLine: () => 1, steps, figures };
  }

  // ---- frontmatter
  const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
  if (!yamlNode) {
    add(1, 'the chapter has no frontmatter', 'start the file with ---, a line "title: …", and --- (see docs/editing.md)');
  } else {
    yamlStart = (yamlNode.position?.start.line ?? 1) + 1;
    yamlDoc = parseYamlWithLines(yamlNode.value);
    for (const e of yamlDoc.errors)
      add(
        yamlStart + e.line - 1,
        `frontmatter is not valid YAML: ${e.message}`,
        /alias/i.test(e.message)
          ? 'write each value out instead of using anchors (&name) and aliases (*name)'
          : 'check indentation (spaces, not tabs) and quote values that contain ":"',
      );
    if (!yamlDoc.errors.length) {
      const parsed = ChapterMeta.safeParse(yamlDoc.value ?? {}, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issuePath(issue);
          const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
          const known = issue.code === 'unrecognized_keys' && path.length === 0 ? { known: Object.keys(ChapterMeta.shape) } : {};
          const worded = wordIssue(issue, {
            field: path.join('.'),
            guide: 'see the chapter frontmatter section of docs/editing.md',
            ...known,
          });
          add(
            yamlStart + (yamlDoc.lineOf(at) - 1),
            `frontmatter ${path.length || issue.code !== 'unrecognized_keys' ? '' : 'has '}${worded.message}`,
            worded.hint,
          );
        }
      } else {
        graphics = parsed.data.graphics;
      }
      // Hand-typed figures in frontmatter prose (titles, annotations…).
      const walk = (v: unknown, path: JsonPath) => {
        if (typeof v === 'string' && PROSE_KEYS.has(String(path.at(-1)))) {
          for (const f of findHandTypedFigures(v)) {
            add(
              yamlStart + (yamlDoc!.lineOf(path) - 1),
              `hand-typed figure "${f.text}" in frontmatter ${path.join('.')}`,
              'titles and annotations must not type figures: describe in words, and let the graphic show the numbers from the dataset',
            );
          }
        } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(yamlDoc.value, []);
    }
  }

  // ---- body
  const attrValue = (el: JsxElement, name: string): string | undefined => {
    const a = el.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
    if (!a) return undefined;
    if (typeof a.value === 'string') return a.value;
    if (a.value && typeof a.value === 'object') return literalString(a.value.data?.estree as Program | undefined);
    return undefined;
  };

  const checkElement = (el: JsxElement, parent: JsxElement | null) => {
    const line = el.position?.start.line;
    const col = el.position?.start.column;
    if (el.name === null) {
      add(line, 'fragments <>…</> are not allowed', HTML_HINT, col);
      return;
    }
    if (!(COMPONENT_NAMES as string[]).includes(el.name)) {
      const lower = el.name.toLowerCase();
      if (['script', 'iframe', 'style', 'object', 'embed', 'form', 'input', 'link', 'meta', 'base'].includes(lower)) {
        add(line, `<${el.name}> is not allowed in a chapter`, `raw HTML can run code or load third-party content; ${HTML_HINT}`, col);
      } else {
        const near = nearest(el.name, COMPONENT_NAMES, 1);
        add(line, `unknown component <${el.name}>`, near.length ? `did you mean <${near[0]}>? ${HTML_HINT}` : HTML_HINT, col);
      }
      return;
    }
    const name = el.name as ComponentName;
    const spec: ComponentSpec = VOCABULARY[name];
    const values: Record<string, string> = {};
    for (const a of el.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
      const aline = a.position?.start.line ?? line;
      if (a.type === 'mdxJsxExpressionAttribute') {
        add(aline, `<${name}> has a JavaScript spread {…}`, 'write each prop as name="value"', col);
        continue;
      }
      if (/^on/i.test(a.name)) {
        add(aline, `event handler "${a.name}" is not allowed`, 'chapters cannot run code; remove the attribute', col);
        continue;
      }
      const propSpec = (spec.props as Record<string, ComponentSpec['props'][string]>)[a.name];
      if (!propSpec) {
        const known = Object.keys(spec.props);
        const near = nearest(a.name, known, 1);
        add(
          aline,
          `<${name}> has no prop "${a.name}"`,
          `${near.length ? `did you mean "${near[0]}"? ` : ''}its props: ${known.join(', ')}`,
          col,
        );
        continue;
      }
      let value: string | undefined;
      if (a.value === null || a.value === undefined) {
        add(aline, `<${name} ${a.name}> needs a value`, `write ${a.name}="…" (${propSpec.doc})`, col);
        continue;
      } else if (typeof a.value === 'string') {
        value = a.value;
      } else {
        const program = a.value.data?.estree as Program | undefined;
        value = literalString(program);
        if (value === undefined) {
          const stmt = program?.body[0];
          const literal = stmt?.type === 'ExpressionStatement' && isLiteralExpression(stmt.expression as EsNode);
          add(
            aline,
            `<${name} ${a.name}={…}> ${literal ? 'must be a text value' : 'is a JavaScript expression, which chapters may not contain'}`,
            `write ${a.name}="…" (${propSpec.doc})`,
            col,
          );
          continue;
        }
      }
      if (/^\s*(javascript|vbscript|data):/i.test(value)) {
        add(aline, `"${a.name}" holds a ${value.split(':')[0]}: URL`, 'chapters cannot run code; remove it', col);
        continue;
      }
      if (propSpec.pattern && !propSpec.pattern.test(value)) {
        add(
          aline,
          `<${name} ${a.name}="${value}"> is not a valid id`,
          `ids are lower-case letters, digits and dashes (${propSpec.doc})`,
          col,
        );
        continue;
      }
      if (propSpec.oneOf && !propSpec.oneOf.includes(value)) {
        add(aline, `<${name} ${a.name}="${value}"> must be one of ${propSpec.oneOf.join(', ')}`, propSpec.doc, col);
        continue;
      }
      values[a.name] = value;
    }
    for (const [prop, ps] of Object.entries(spec.props as Record<string, ComponentSpec['props'][string]>)) {
      if (ps.required && !(prop in values) && !el.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
        add(line, `<${name}> is missing ${prop}="…"`, `${prop}: ${ps.doc}`, col);
      }
    }
    if ('parent' in spec && spec.parent && parent?.name !== spec.parent) {
      add(line, `<${name}> must be directly inside <${spec.parent}>`, `wrap your steps in <${spec.parent}> … </${spec.parent}>`, col);
    }
    if (spec.children === 'none' && el.children.length > 0) {
      add(line, `<${name}> takes no content`, `write it self-closing: <${name} … />`, col);
    }
    if (spec.children === 'steps') {
      for (const c of el.children) {
        const isStep = (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && c.name === 'Step';
        const blank = c.type === 'paragraph' && c.children.every((t) => t.type === 'text' && !t.value.trim());
        if (!isStep && !blank && c.type !== 'mdxFlowExpression') {
          add(
            c.position?.start.line ?? line,
            `text inside <Scrolly> must be inside a <Step>`,
            'move it into a <Step>, or out of the <Scrolly>',
            c.position?.start.column,
          );
        }
      }
      if (!el.children.some((c) => (c.type === 'mdxJsxFlowElement' || c.type === 'mdxJsxTextElement') && c.name === 'Step')) {
        add(line, '<Scrolly> has no <Step>', 'a scrolly section needs at least one <Step graphic="…" state="…" summary="…">', col);
      }
    }

    // Component-specific checks.
    if (name === 'V') {
      const has = (p: string) => el.attributes.some((a) => a.type === 'mdxJsxAttribute' && a.name === p);
      if (has('id') && has('project')) {
        add(
          line,
          '<V> has both id="…" and project="…"',
          "a figure is either an indicator's value (id, period, kind) or a project's figure (project, field, what)",
          col,
        );
      } else if (!has('id') && !has('project')) {
        add(
          line,
          '<V> is missing id="…" (or project="…")',
          'write <V id="gdp" period="2024" /> for an indicator, or <V project="longma-base" field="investment" /> for a project',
          col,
        );
      } else if (has('project')) {
        for (const p of ['period', 'kind'])
          if (has(p))
            add(line, `<V project="…"> takes no ${p}="…"`, "a project's investment and capacity have one value each; remove it", col);
        if (!has('field'))
          add(line, '<V project="…"> is missing field="…"', 'field="investment" (total investment) or field="capacity"', col);
        if (values['project'] && values['field']) {
          try {
            const known = data.projects.has(values['project']);
            if (!known) throw new Error(unknownIdMessage('project', values['project'], data.projects.keys()));
            const ref = { project: values['project'], field: values['field'] as ProjectField, what: values['what'] };
            projectFigure(data, ref);
            cited.push({ ...ref, line: line ?? 1 });
          } catch (e) {
            add(
              line,
              `<V>: ${(e as Error).message}`,
              'look the project up on the data page (data/, table “项目”) or in content/ids.json',
              col,
            );
          }
        }
      } else {
        for (const p of ['field', 'what'])
          if (has(p))
            add(
              line,
              `<V id="…"> takes no ${p}="…"`,
              `${p} goes with project="…"; an indicator's value is chosen with period and kind`,
              col,
            );
        if (values['id']) {
          try {
            const ind = data.indicators.get(values['id']);
            if (!ind) throw new Error(unknownIdMessage('indicator', values['id'], data.indicators.keys()));
            const kind = values['kind'] as 'actual' | 'target' | 'forecast' | 'growth' | undefined;
            data.getObservation(values['id'], { period: values['period'], kind });
            cited.push({ id: values['id'], period: values['period'], kind, line: line ?? 1 });
          } catch (e) {
            add(line, `<V>: ${(e as Error).message}`, 'look the id up on the data page (data/) or in data/tongliao.json', col);
          }
        }
      }
    }
    if (name === 'Step') {
      const summary = values['summary'] ?? attrValue(el, 'summary');
      if (summary !== undefined && !summary.trim())
        add(line, '<Step> has an empty summary', 'write one line saying what the graphic shows at this step', col);
      if (summary && summary.length > 140)
        add(
          line,
          `<Step> summary is ${summary.length} characters long`,
          'keep it to one line (140 characters at most): screen readers announce it at every step',
          col,
        );
      if (values['id'] && values['graphic'] && values['state'])
        steps.push({ id: values['id'], graphic: values['graphic'], state: values['state'], line: line ?? 1 });
    }
    if (name === 'Figure' && values['graphic'] && values['state'])
      figures.push({ graphic: values['graphic'], state: values['state'], line: line ?? 1 });
    for (const prop of ['summary', 'caption']) {
      const v = values[prop];
      if (!v) continue;
      for (const f of findHandTypedFigures(v)) {
        add(
          line,
          `hand-typed figure "${f.text}" in <${name} ${prop}>`,
          'describe what the graphic shows in words; the numbers are in the graphic and its data table',
          col,
        );
      }
    }
  };

  const visit = (node: RootContent | Root, parentEl: JsxElement | null, inCode: boolean) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(
          node.position?.start.line,
          'import and export are not allowed in chapters',
          'the components V, Scrolly, Step and Figure are available without importing',
          node.position?.start.column,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree as Program | undefined;
        const onlyComment = program !== undefined && program.body.length === 0;
        if (!onlyComment)
          add(
            node.position?.start.line,
            `JavaScript expressions {…} are not allowed in chapters`,
            'write plain text, or a component such as <V id="…" />; to show a literal brace write \\{',
            node.position?.start.column,
          );
        return;
      }
      case 'html':
        add(node.position?.start.line, 'raw HTML is not allowed in chapters', HTML_HINT, node.position?.start.column);
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, parentEl);
        for (const c of node.children) visit(c as RootContent, node, inCode);
        return;
      case 'heading':
        if (node.depth <= 2)
          add(
            node.position?.start.line,
            `a level-${node.depth} heading ("${'#'.repeat(node.depth)}") in a chapter`,
            'the story title is level 1 and the chapter title (from the frontmatter) is level 2: use ### for subheadings',
            node.position?.start.column,
          );
        break;
      case 'code':
      case 'inlineCode':
        return;
      case 'text': {
        if (inCode) return;
        const t = node as Text;
        for (const f of findHandTypedFigures(t.value)) {
          const pos = positionWithin(t.value, f.index, { line: t.position?.start.line ?? 1, column: t.position?.start.column ?? 1 });
          add(
            pos.line,
            `hand-typed figure "${f.text}"`,
            'take figures from the dataset: <V id="…" period="…" /> (years, dates, ordinals and plan names like “十四五” are fine)',
            pos.column,
          );
        }
        for (const f of findFakeComponents(t.value)) {
          const pos = positionWithin(t.value, f.index, { line: t.position?.start.line ?? 1, column: t.position?.start.column ?? 1 });
          add(
            pos.line,
            `"${f.text}" was typed with a Chinese keyboard: readers would see it as text`,
            `type it with half-width characters: ${realComponent(f.text)}`,
            pos.column,
          );
        }
        return;
      }
      default:
        break;
    }
    if ('children' in node) for (const c of node.children as RootContent[]) visit(c, parentEl, inCode);
  };
  visit(tree, null, false);
  checkUrls(tree, add);

  const doc = yamlDoc;
  return {
    problems,
    cited,
    graphics,
    frontmatterLine: (path) => (doc ? yamlStart + doc.lineOf(path) - 1 : 1),
    steps,
    figures,
  };
}

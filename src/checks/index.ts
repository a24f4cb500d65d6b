/**
 * The content check: every story and chapter under content/, against the dataset and the graphic
 * kinds. Returns every problem at once (file, line, message, hint); an empty list means the content
 * builds. Run by the Astro integration before each build and dev start, by `npm run check:content`,
 * and by `npm run release:data`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataIndex } from '../lib/data/index.ts';
import { nearest, unknownIdMessage } from '../lib/suggest.ts';
import { checkChapter, type ChapterCheck } from './chapter.ts';
import { checkGraphicDef } from './graphic-def.ts';
import { checkStoryMeta } from './story-meta.ts';
import type { ContentProblem } from './problem.ts';

const CHAPTER_FILE = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

export interface CheckOptions {
  /** Project root (content/ is inside it). */
  root: string;
  data: DataIndex;
  /** Include stories marked draft (dev). Default true: drafts must be valid too. */
  drafts?: boolean;
}

export function checkContent({ root, data }: CheckOptions): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const contentDir = join(root, 'content');
  if (!existsSync(contentDir))
    return [{ file: 'content', line: null, message: 'the content/ folder is missing', hint: 'stories live in content/<story>/' }];
  const rel = (p: string) => relative(root, p).split('\\').join('/');

  const orders = new Map<number, string>();
  for (const storyDir of readdirSync(contentDir).sort()) {
    const dir = join(contentDir, storyDir);
    if (!statSync(dir).isDirectory()) continue;
    const story = checkStory(dir, rel, data);
    problems.push(...story.problems);
    // Two stories with one position in the series: the front page would order them by chance.
    if (story.order) {
      const first = orders.get(story.order.value);
      if (first)
        problems.push({
          file: story.order.file,
          line: story.order.line,
          message: `order: ${story.order.value} is also the order of ${first}`,
          hint: 'give each story its own position in the series (order: 1, 2, 3…)',
        });
      else orders.set(story.order.value, `${story.order.file}:${story.order.line}`);
    }
  }
  return problems;
}

/** Files in a story folder that look like chapters but would be ignored: a wrong name or extension. */
function fileNameProblem(f: string): { message: string; hint: string } | null {
  if (CHAPTER_FILE.test(f)) return null;
  const lower = f.toLowerCase();
  if (/^story\.ya?ml$/.test(lower) && f !== 'story.yaml')
    return { message: `"${f}" is not read: the story file is story.yaml`, hint: 'rename it to story.yaml (lower-case, .yaml)' };
  if (lower.endsWith('.mdx')) {
    if (CHAPTER_FILE.test(f.slice(0, -4) + '.mdx'))
      return { message: `chapter "${f}" is not read: the extension must be lower-case .mdx`, hint: `rename it to ${f.slice(0, -4)}.mdx` };
    return {
      message: `chapter file name "${f}" does not follow NN-name.mdx`,
      hint: 'name chapters 01-name.mdx, 02-name.mdx… (lower-case, dashes); the number sets the order',
    };
  }
  if (/\.(md|markdown|mdown|txt)$/.test(lower))
    return { message: `"${f}" is not read: chapters are .mdx files`, hint: 'rename it to NN-name.mdx' };
  return null;
}

function checkStory(
  dir: string,
  rel: (p: string) => string,
  data: DataIndex,
): { problems: ContentProblem[]; order: { value: number; line: number; file: string } | null } {
  const problems: ContentProblem[] = [];
  const metaFile = join(dir, 'story.yaml');
  const files = readdirSync(dir).sort();

  for (const f of files) {
    if (f === 'story.yaml' || f.startsWith('.')) continue;
    const bad = fileNameProblem(f);
    if (bad) problems.push({ file: rel(join(dir, f)), line: null, ...bad });
  }

  // Chapters.
  const chapters: { file: string; check: ChapterCheck; anchor: string }[] = [];
  for (const f of files.filter((x) => CHAPTER_FILE.test(x))) {
    const path = join(dir, f);
    const check = checkChapter(rel(path), readFileSync(path, 'utf8'), data);
    problems.push(...check.problems);
    chapters.push({ file: rel(path), check, anchor: f.replace(/^\d{2}-/, '').replace(/\.mdx$/, '') });
  }

  // story.yaml
  let thumbnail: { graphic: string; state: string } | undefined;
  let thumbnailLine = 1;
  let order: { value: number; line: number; file: string } | null = null;
  if (!existsSync(metaFile)) {
    problems.push({
      file: rel(dir),
      line: null,
      message: 'the story has no story.yaml',
      hint: 'create it with `npm run new:story` or copy one from another story',
    });
  } else {
    const meta = checkStoryMeta(rel(metaFile), readFileSync(metaFile, 'utf8'), data);
    problems.push(...meta.problems);
    if (meta.order) order = { ...meta.order, file: rel(metaFile) };
    if (meta.meta) {
      thumbnail = meta.meta.thumbnail;
      thumbnailLine = meta.lineOf(['thumbnail']);
    }
  }

  // Graphics: unique ids, valid definitions.
  const graphics = new Map<string, { spec: { states?: Record<string, unknown> } | null; file: string }>();
  for (const ch of chapters) {
    for (const [id, def] of Object.entries(ch.check.graphics)) {
      const first = graphics.get(id);
      if (first) {
        problems.push({
          file: ch.file,
          line: ch.check.frontmatterLine(['graphics', id]),
          message: `graphic id "${id}" is already used in ${first.file}`,
          hint: 'graphic ids must be unique within a story',
        });
        continue;
      }
      const res = checkGraphicDef(def, data);
      for (const p of res.problems) {
        const where = p.path.join('.');
        // worded schema messages already name their field
        const message =
          p.message.startsWith(`"${where}"`) || p.message.startsWith(`${where}:`) || !where
            ? `graphic "${id}" ${p.message}`
            : `graphic "${id}" ${where}: ${p.message}`;
        problems.push({ file: ch.file, line: ch.check.frontmatterLine(['graphics', id, ...p.path]), message, hint: p.hint });
      }
      graphics.set(id, { spec: def as { states?: Record<string, unknown> }, file: ch.file });
    }
  }

  // Steps and figures refer to real graphics and states; step ids are unique.
  const stepIds = new Map<string, string>();
  const anchors = new Set(chapters.map((c) => c.anchor));
  const checkRef = (file: string, line: number, what: string, graphic: string, state: string) => {
    const g = graphics.get(graphic);
    if (!g) {
      problems.push({
        file,
        line,
        message: `${what}: ${unknownIdMessage('graphic', graphic, graphics.keys())}`,
        hint: 'declare the graphic under graphics: in the chapter frontmatter',
      });
      return;
    }
    const states = Object.keys(g.spec?.states ?? {});
    if (states.length && !states.includes(state)) {
      const near = nearest(state, states);
      problems.push({
        file,
        line,
        message: `${what}: graphic "${graphic}" has no state "${state}"`,
        hint: `${near.length ? `did you mean "${near[0]}"? ` : ''}its states: ${states.join(', ')}`,
      });
    }
  };
  for (const ch of chapters) {
    for (const s of ch.check.steps) {
      const first = stepIds.get(s.id);
      if (first)
        problems.push({
          file: ch.file,
          line: s.line,
          message: `step id "${s.id}" is already used (${first})`,
          hint: 'step ids must be unique within a story: they are the #links to each step',
        });
      else if (anchors.has(s.id))
        problems.push({
          file: ch.file,
          line: s.line,
          message: `step id "${s.id}" is also a chapter's link name`,
          hint: 'choose another step id',
        });
      else stepIds.set(s.id, `${ch.file}:${s.line}`);
      checkRef(ch.file, s.line, `<Step id="${s.id}">`, s.graphic, s.state);
    }
    for (const f of ch.check.figures) checkRef(ch.file, f.line, '<Figure>', f.graphic, f.state);
  }
  if (thumbnail) checkRef(rel(metaFile), thumbnailLine, 'thumbnail', thumbnail.graphic, thumbnail.state);

  // Every declared state is shown somewhere (a step, a figure or the thumbnail): no dead definitions.
  const used = new Set<string>([
    ...chapters.flatMap((c) => [...c.check.steps, ...c.check.figures].map((r) => `${r.graphic} ${r.state}`)),
    ...(thumbnail ? [`${thumbnail.graphic} ${thumbnail.state}`] : []),
  ]);
  for (const ch of chapters) {
    for (const id of Object.keys(ch.check.graphics)) {
      const g = graphics.get(id);
      if (!g || g.file !== ch.file) continue;
      for (const state of Object.keys(g.spec?.states ?? {})) {
        if (!used.has(`${id} ${state}`)) {
          problems.push({
            file: ch.file,
            line: ch.check.frontmatterLine(['graphics', id, 'states', state]),
            message: `graphic "${id}" state "${state}" is not shown by any step or figure`,
            hint: 'use it in a <Step graphic=… state=…> or <Figure>, or delete it',
          });
        }
      }
    }
  }
  if (existsSync(metaFile) && chapters.length === 0) {
    problems.push({
      file: rel(dir),
      line: null,
      message: 'the story has no chapters',
      hint: 'add 01-name.mdx (npm run new:chapter -- <story> <name>)',
    });
  }
  return { problems, order };
}

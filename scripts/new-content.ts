/**
 * Scaffolds for editors.
 *   npm run new:story -- <story-slug> <source-id>     a story folder with story.yaml and a first chapter
 *   npm run new:chapter -- <story-slug> <chapter-slug> the next numbered chapter of a story
 * The chapter comes with frontmatter and an example scrolly section that builds as it is; the
 * content check runs at the end, so what is created is known to be valid.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/lib/root.ts';
import { data } from '../src/lib/data/index.ts';
import { unknownIdMessage } from '../src/lib/suggest.ts';
import { checkContent } from '../src/checks/index.ts';
import { formatReport } from '../src/checks/problem.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TEMPLATES = join(ROOT, 'scripts', 'templates');

function usage(msg?: string): never {
  if (msg) console.error(msg);
  console.error('usage:\n  npm run new:story -- <story-slug> <source-id>\n  npm run new:chapter -- <story-slug> <chapter-slug>');
  process.exit(2);
}

function fill(template: string, vars: Record<string, string>): string {
  return readFileSync(join(TEMPLATES, template), 'utf8').replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    if (!(k in vars)) throw new Error(`template ${template} uses {{${k}}}, which has no value`);
    return vars[k] as string;
  });
}

/** Chapter ids (anchors, step ids, graphic ids) must be unique within a story: prefix them with the chapter slug. */
function newChapter(story: string, slug: string): string {
  const dir = join(ROOT, 'content', story);
  if (!existsSync(dir)) usage(`there is no story "${story}" (content/${story}/); create it with npm run new:story`);
  const existing = readdirSync(dir).filter((f) => /^\d{2}-.*\.mdx$/.test(f));
  if (existing.some((f) => f.replace(/^\d{2}-|\.mdx$/g, '') === slug)) usage(`content/${story} already has a chapter "${slug}"`);
  const n = existing.reduce((max, f) => Math.max(max, Number(f.slice(0, 2))), 0) + 1;
  if (n > 99) usage('a story can have at most 99 chapters');
  const file = join(dir, `${String(n).padStart(2, '0')}-${slug}.mdx`);
  writeFileSync(file, fill('chapter.mdx', { slug }));
  return file;
}

const [cmd, a, b] = process.argv.slice(2).filter((x) => x !== '--');
const created: string[] = [];
if (cmd === 'story') {
  if (!a || !b || !SLUG.test(a)) usage('give a story slug (lower-case, dashes) and the id of the article it is based on');
  if (!data().sources.has(b)) usage(unknownIdMessage('source', b, data().sources.keys()));
  const dir = join(ROOT, 'content', a);
  if (existsSync(dir)) usage(`content/${a} already exists`);
  mkdirSync(dir, { recursive: true });
  const order = readdirSync(join(ROOT, 'content')).filter((f) => existsSync(join(ROOT, 'content', f, 'story.yaml'))).length + 1;
  writeFileSync(
    join(dir, 'story.yaml'),
    fill('story.yaml', { source: b, today: new Date().toISOString().slice(0, 10), order: String(order) }),
  );
  created.push(join(dir, 'story.yaml'), newChapter(a, 'opening'));
} else if (cmd === 'chapter') {
  if (!a || !b || !SLUG.test(b)) usage('give the story slug and a chapter slug (lower-case, dashes)');
  created.push(newChapter(a, b));
} else {
  usage();
}

const problems = checkContent({ root: ROOT, data: data() }).filter((p) => created.some((f) => f.endsWith(p.file) || f.includes(p.file)));
for (const f of created) console.log(`created ${f.slice(ROOT.length + 1)}`);
if (problems.length) {
  console.error(`\nThe new files have problems (this is a bug in the templates; please report it):\n${formatReport(problems)}`);
  process.exit(1);
}
console.log('\nNext: npm run dev, then open the story in the browser and edit the chapter; docs/editing.md explains every component.');

/**
 * The content check as a remark plugin inside the MDX pipeline: it stops any chapter that escaped
 * the build-start check (or was edited during `npm run dev`) before it is compiled, with its file and
 * line. Note that Astro 7's MDX integration ignores `mdx({ remarkPlugins })`: this plugin is passed
 * through `mdx({ processor: unified({ remarkPlugins: [remarkContentGuard] }) })`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { data } from '../lib/data/index.ts';
import { checkChapter } from './chapter.ts';
import { formatReport } from './problem.ts';

/** An error Astro's overlay can point at: file, line and column. */
class ChapterError extends Error {
  loc: { file: string; line: number | undefined; column: number | undefined };
  constructor(message: string, file: string, line: number | null, column: number | null | undefined) {
    super(message);
    this.name = 'ContentCheckError';
    this.loc = { file, line: line ?? undefined, column: column ?? undefined };
  }
}

export default function remarkContentGuard() {
  return (_tree: Root, file: VFile) => {
    if (!file.path || !file.path.endsWith('.mdx')) return;
    const rel = relative(process.cwd(), file.path).split('\\').join('/');
    if (!rel.startsWith('content/')) return;
    const { problems } = checkChapter(rel, readFileSync(file.path, 'utf8'), data());
    if (problems.length) {
      const first = problems[0]!;
      throw new ChapterError(formatReport(problems), file.path, first.line, first.column);
    }
  };
}

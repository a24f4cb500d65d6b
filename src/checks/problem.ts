/** A problem an editor can act on: where, what, and how to fix it. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. content/turnaround/01-trough.mdx. */
  file: string;
  /** 1-based line, when it can be known. */
  line: number | null;
  column?: number | null;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** `content/x/01-y.mdx:12:5  message\n    → hint` */
export function formatProblem(p: ContentProblem): string {
  const where = `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}`;
  return `${where}  ${p.message}${p.hint ? `\n    → ${p.hint}` : ''}`;
}

/** All problems, sorted by file and line, under one heading. */
export function formatReport(problems: ContentProblem[]): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const files = new Set(sorted.map((p) => p.file)).size;
  return [
    `Content check: ${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}:`,
    '',
    ...sorted.map(formatProblem),
    '',
    'Fix them and save; the guide docs/editing.md explains each message.',
  ].join('\n');
}

export class ContentCheckError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(formatReport(problems));
    this.name = 'ContentCheckError';
    this.problems = problems;
  }
}

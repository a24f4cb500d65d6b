/**
 * Loads and validates the dataset once. Any problem fails with the file, the JSON path, the line and
 * a readable message: all problems at once, not just the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { Dataset } from './schema.ts';
import { validateReferences, type JsonPath, type Problem } from './validate.ts';
import { nearest } from './suggest.ts';
import { ROOT } from '../root.ts';

/** The dataset file, relative to the project root. */
export const DATASET_FILE = 'data/tongliao.json';
export const DATASET_PATH = join(ROOT, DATASET_FILE);

export class DatasetError extends Error {
  readonly file: string;
  readonly problems: (Problem & { line: number | null })[];
  constructor(file: string, problems: (Problem & { line: number | null })[]) {
    const lines = problems.map(
      (p) => `  ${file}${p.line ? `:${p.line}` : ''}  ${formatPath(p.path) || '(root)'}: ${p.message}`,
    );
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'DatasetError';
    this.file = file;
    this.problems = problems;
  }
}

/** `indicators[3].observations[0].cite[0].printed` */
export function formatPath(path: JsonPath): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`))
    .join('');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line of the value at `path` in dataset text (or of its nearest existing parent), for messages. */
export function lineOfPath(text: string, path: JsonPath): number | null {
  const tree = parseTree(text);
  if (!tree) return null;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return lineOf(text, node.offset);
  }
  return null;
}

/** One readable sentence per zod issue (parsed with `reportInput`, so the bad value can be quoted). */
function zodMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const expected = issue.code === 'invalid_type' ? issue.expected : 'a value';
    return `the field is missing (expected ${expected})`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${JSON.stringify(input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling against src/lib/data/schema.ts)`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (values.length <= 8) return `${JSON.stringify(input)} is not allowed; use one of ${values.map((v) => `"${v}"`).join(', ')}`;
      const near = nearest(String(input), values);
      return `${JSON.stringify(input)} is not allowed${near.length ? `; did you mean ${near.map((v) => `"${v}"`).join(' or ')}?` : ''} (the full list is in src/lib/data/${issue.path.at(-1) === 'unit' ? 'units.ts' : 'schema.ts'})`;
    }
    default:
      return issue.message;
  }
}

/**
 * Parse and validate dataset text. `file` is used in messages only.
 * Throws `DatasetError` listing every problem; returns the typed dataset otherwise.
 */
export function parseDataset(text: string, file = DATASET_FILE): Dataset {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    throw new DatasetError(
      file,
      errors.map((e) => ({ path: [], message: `JSON syntax: ${printParseErrorCode(e.error)}`, line: lineOf(text, e.offset) })),
    );
  }
  const locate = (path: JsonPath): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(tree, path.slice(0, n));
      if (node) return lineOf(text, node.offset);
    }
    return null;
  };
  const raw: unknown = JSON.parse(text);
  const parsed = Dataset.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw new DatasetError(
      file,
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
        return { path, message: zodMessage(issue), line: locate(path) };
      }),
    );
  }
  const problems = validateReferences(parsed.data);
  if (problems.length > 0) {
    throw new DatasetError(file, problems.map((p) => ({ ...p, line: locate(p.path) })));
  }
  return parsed.data;
}

/** Earlier releases, kept byte for byte in data/releases/ so their versioned URLs stay valid. */
export const RELEASES_DIR = join(ROOT, 'data', 'releases');

/**
 * The earlier releases in data/releases/ (`tongliao-<version>.json`), oldest first. Each must parse
 * as JSON and carry the version its file name says, or loading fails with the file name.
 */
export function loadReleases(dir = RELEASES_DIR): { version: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json'))
    .map((name) => {
      const m = name.match(/^tongliao-(\d+\.\d+\.\d+)\.json$/);
      if (!m) throw new Error(`data/releases/${name}: release files are named tongliao-<version>.json`);
      const text = readFileSync(join(dir, name), 'utf8');
      const version = (JSON.parse(text) as { version?: unknown }).version;
      if (version !== m[1]) throw new Error(`data/releases/${name}: the file says version ${String(version)}, its name ${m[1]}`);
      return { version: m[1] as string, text };
    })
    .sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
}

let cached: { mtime: number; dataset: Dataset } | undefined;

/**
 * The validated dataset. Read once, and again only when the file changes (so `npm run dev` picks up
 * an edited dataset without a restart).
 */
export function loadDataset(): Dataset {
  const mtime = statSync(DATASET_PATH).mtimeMs;
  if (!cached || cached.mtime !== mtime) cached = { mtime, dataset: parseDataset(readFileSync(DATASET_PATH, 'utf8')) };
  return cached.dataset;
}

export type { Dataset };

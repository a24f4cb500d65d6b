/**
 * Loads and validates the dataset once. Any problem fails with the file, the JSON path, the line and
 * a readable message: all problems at once, not just the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { Dataset } from './schema.ts';
import { validateReferences, type JsonPath, type Problem } from './validate.ts';
import { wordIssue } from '../zod-words.ts';
import { ROOT } from '../root.ts';
import { positionsIn } from '../position.ts';

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

/** A text's offset → line, built once per text (messages ask many times per file). */
type LineAt = (offset: number) => number;
const linesOf = (text: string): LineAt => {
  const at = positionsIn(text);
  return (offset) => at(offset).line;
};

/** The line of the node at `path` (or of its nearest existing parent). */
function nodeLine(tree: JsonNode, path: JsonPath, lineAt: LineAt): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return lineAt(node.offset);
  }
  return null;
}

/** The line of the value at `path` in dataset text (or of its nearest existing parent), for messages. */
export function lineOfPath(text: string, path: JsonPath): number | null {
  const tree = parseTree(text);
  return tree ? nodeLine(tree, path, linesOf(text)) : null;
}

/** One readable sentence per zod issue (parsed with `reportInput`, so the bad value can be quoted). */
function zodMessage(issue: z.core.$ZodIssue): string {
  const listIn = `src/lib/data/${issue.path.at(-1) === 'unit' ? 'units.ts' : 'schema.ts'}`;
  const w = wordIssue(issue, { field: '', guide: 'see src/lib/data/schema.ts', listIn });
  return `${w.message}; ${w.hint}`;
}

/**
 * Keys given twice in one object: JSON.parse keeps the last silently (a second "kind" turns an actual
 * into a target), so each is a problem, with the lines of both.
 */
function duplicateKeys(tree: JsonNode, lineAt: LineAt): (Problem & { line: number })[] {
  const out: (Problem & { line: number })[] = [];
  const walk = (node: JsonNode, path: JsonPath) => {
    if (node.type === 'object') {
      const seen = new Map<string, number>();
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (!key) continue;
        const name = String(key.value);
        const line = lineAt(key.offset);
        const first = seen.get(name);
        if (first !== undefined) {
          out.push({ path: [...path, name], line, message: `the key "${name}" appears twice in this object (lines ${first} and ${line}); JSON keeps only the last one, so delete or rename one of them` });
        } else seen.set(name, line);
        if (value) walk(value, [...path, name]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((c, i) => walk(c, [...path, i]));
    }
  };
  walk(tree, []);
  return out;
}

/** The array schema inside a field schema (through .default()/.optional()), if it is one. */
function arrayElement(schema: unknown): z.ZodType | null {
  let t = schema as { def?: { type?: string; innerType?: unknown }; element?: z.ZodType } | undefined;
  while (t?.def?.innerType) t = t.def.innerType as typeof t;
  return t?.def?.type === 'array' && t.element ? t.element : null;
}

/**
 * The reference checks, run on the items that passed the schema, when others did not: so one run lists
 * both kinds of problem. References to an item dropped for its schema errors are not reported again.
 */
function referencesOfValidPart(raw: unknown): Problem[] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const partial: Record<string, unknown[]> = {};
  const kept: Record<string, number[]> = {};
  const dropped = new Set<string>();
  for (const [key, schema] of Object.entries(Dataset.shape)) {
    const element = arrayElement(schema);
    if (!element) continue;
    const items = (raw as Record<string, unknown>)[key];
    partial[key] = [];
    kept[key] = [];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      const r = element.safeParse(item);
      if (r.success) {
        partial[key]!.push(r.data);
        kept[key]!.push(i);
      } else {
        const id = (item as { id?: unknown } | null)?.id;
        if (typeof id === 'string') dropped.add(id);
      }
    });
  }
  let problems: Problem[];
  try {
    problems = validateReferences(partial as unknown as Dataset);
  } catch {
    return [];
  }
  return problems
    .filter((p) => ![...dropped].some((id) => p.message.includes(`"${id}"`) || p.message.includes(`'${id}'`)))
    .map((p) => {
      const [key, index, ...rest] = p.path;
      const original = typeof key === 'string' && typeof index === 'number' ? kept[key]?.[index] : undefined;
      return original === undefined ? p : { ...p, path: [key!, original, ...rest] };
    });
}

/**
 * Parse and validate dataset text. `file` is used in messages only.
 * Throws `DatasetError` listing every problem; returns the typed dataset otherwise.
 */
export function parseDataset(text: string, file = DATASET_FILE): Dataset {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lineAt = linesOf(text);
  if (errors.length > 0 || !tree) {
    throw new DatasetError(
      file,
      errors.map((e) => ({ path: [], message: `JSON syntax: ${printParseErrorCode(e.error)}`, line: lineAt(e.offset) })),
    );
  }
  const locate = (path: JsonPath): number | null => nodeLine(tree, path, lineAt);
  const duplicates = duplicateKeys(tree, lineAt);
  const raw: unknown = JSON.parse(text);
  const parsed = Dataset.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const schema = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      // an unknown field: the line of the field itself, not of the object holding it
      const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
      return { path, message: zodMessage(issue), line: locate(at) };
    });
    const references = referencesOfValidPart(raw).map((p) => ({ ...p, line: locate(p.path) }));
    throw new DatasetError(file, [...duplicates, ...schema, ...references]);
  }
  const problems = [...duplicates, ...validateReferences(parsed.data).map((p) => ({ ...p, line: locate(p.path) }))];
  if (problems.length > 0) throw new DatasetError(file, problems);
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

/**
 * story.yaml: valid YAML (no alias bombs), every field worded when wrong, real dates, and no figures
 * typed by hand in the headline, the dek or a correction (they reach the front page, the feed and the
 * share image, where no <V> can reach).
 */
import type { DataIndex } from '../lib/data/index.ts';
import { unknownIdMessage } from '../lib/suggest.ts';
import { StoryMeta } from '../lib/content/schema.ts';
import { findFakeComponents, findHandTypedFigures } from './hand-typed.ts';
import { issuePath, wordIssue } from '../lib/zod-words.ts';
import type { ContentProblem } from './problem.ts';
import { parseYamlWithLines } from './yaml-lines.ts';

export interface StoryMetaCheck {
  problems: ContentProblem[];
  /** The parsed fields, when the file is valid. */
  meta: StoryMeta | null;
  /** The order, with its line, when it is a valid number (even if other fields are not). */
  order: { value: number; line: number } | null;
  lineOf(path: (string | number)[]): number;
}

const GUIDE = 'see section 3, story.yaml, of docs/editing.md';
const FIELDS = Object.keys(StoryMeta.shape);
/** Fields readers see as text, where a figure cannot come from the dataset. */
const PROSE: (string | number)[][] = [['headline'], ['dek']];

export function checkStoryMeta(file: string, source: string, data: DataIndex): StoryMetaCheck {
  const problems: ContentProblem[] = [];
  const y = parseYamlWithLines(source);
  const result: StoryMetaCheck = { problems, meta: null, order: null, lineOf: y.lineOf };
  for (const e of y.errors) {
    const hint = /alias/i.test(e.message)
      ? 'story.yaml needs no anchors (&name) or aliases (*name): write each value out'
      : 'put a value that contains ":" or starts with a quote, "[" or "{" in quotes: headline: "通辽: 五年"; indent with spaces';
    problems.push({ file, line: e.line, message: `story.yaml is not valid YAML: ${e.message}`, hint });
  }
  if (y.errors.length) return result;
  const value = y.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, line: 1, message: 'story.yaml must be a list of fields ("name: value" lines)', hint: GUIDE });
    return result;
  }
  const raw = value as Record<string, unknown>;
  if (typeof raw['order'] === 'number' && Number.isInteger(raw['order'])) result.order = { value: raw['order'], line: y.lineOf(['order']) };

  // Figures typed by hand where readers see them, whether or not the rest of the file is valid.
  const corrections = Array.isArray(raw['corrections']) ? raw['corrections'] : [];
  const prose = [...PROSE, ...corrections.map((_, i) => ['corrections', i, 'text'])];
  for (const path of prose) {
    const text = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], raw);
    if (typeof text !== 'string') continue;
    for (const f of findHandTypedFigures(text)) {
      problems.push({
        file,
        line: y.lineOf(path),
        message: `hand-typed figure "${f.text}" in ${path.join('.')}`,
        hint: 'the headline, the dek and corrections show on the front page and the share image, where figures cannot come from the dataset: say it in words and give the figure in a chapter with <V id="…" />',
      });
    }
    for (const f of findFakeComponents(text)) {
      problems.push({
        file,
        line: y.lineOf(path),
        message: `"${f.text}" in ${path.join('.')} is shown as typed`,
        hint: 'components do not work in story.yaml; say it in words',
      });
    }
  }

  const parsed = StoryMeta.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issuePath(issue);
      const at = issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path;
      const worded = wordIssue(issue, { field: path.join('.'), guide: GUIDE, ...(path.length === 0 ? { known: FIELDS } : {}) });
      problems.push({
        file,
        line: y.lineOf(at),
        message: `story.yaml ${path.length || issue.code !== 'unrecognized_keys' ? '' : 'has '}${worded.message}`,
        hint: worded.hint,
      });
    }
    return result;
  }
  result.meta = parsed.data;
  if (!data.sources.has(parsed.data.basedOn)) {
    problems.push({
      file,
      line: y.lineOf(['basedOn']),
      message: `basedOn: ${unknownIdMessage('source', parsed.data.basedOn, data.sources.keys())}`,
      hint: 'use the id of an article in data/tongliao.json sources',
    });
  }
  return result;
}

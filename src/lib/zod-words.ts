/**
 * The one place zod's issues become words an editor can act on: what is wrong with which field, and
 * how to fix it, instead of zod's own texts ("Too big: expected number to be <=12", "expected
 * string, received undefined"). Used for the dataset, story.yaml, chapter frontmatter and graphic
 * definitions (parse with `{ reportInput: true }` so the bad value can be quoted).
 */
import type { z } from 'zod';
import { nearest } from './suggest.ts';

export interface Worded {
  message: string;
  hint: string;
}

export interface WordOptions {
  /**
   * The field as the editor sees it (`published`, `states.peak.through`); empty when the caller
   * prints the path itself in front of the message (the dataset's `indicators[0].unit: …`).
   */
  field: string;
  /** Where to read more, the fallback hint (`see section 6 of docs/editing.md`). */
  guide: string;
  /** The fields an object may have, for "did you mean" on an unknown field. */
  known?: string[];
  /** Where the allowed values are listed, when there are too many to print (`src/lib/data/units.ts`). */
  listIn?: string;
}

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list ([a, b] or lines starting with "- ")',
  object: 'a group of fields (indented lines "name: value")',
  date: 'a date',
};

/** More allowed values than this are not all printed; the nearest are, and where the list lives. */
const LISTED = 8;

function describe(v: unknown): string {
  if (v === null) return 'empty (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a group of fields';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`;
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

const MONTH_DAYS = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A YYYY-MM-DD string that is not a real day: why. */
export function impossibleDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${s} is not a real date: there is no month ${mo}`;
  const days = MONTH_DAYS(y, mo);
  if (d < 1 || d > days) return `${s} is not a real date: ${y}-${m[2]} has ${days} days`;
  return null;
}

/** The issue's path without symbols (zod allows them; our inputs are YAML and JSON). */
export function issuePath(issue: Issue): (string | number)[] {
  return issue.path.filter((p): p is string | number => typeof p !== 'symbol');
}

/** One schema issue, worded. */
export function wordIssue(issue: Issue, opts: WordOptions): Worded {
  const { field, guide, known, listIn } = opts;
  const input = (issue as { input?: unknown }).input;
  const f = field ? `"${field}"` : 'the value';
  /** `published: …` — the field, then what is wrong with its value (nothing when the caller prints the path). */
  const at = field ? `${field}: ` : '';
  const dateWhy = typeof input === 'string' ? impossibleDate(input) : null;
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined)
        return { message: field ? `${f} is missing` : 'the field is missing', hint: `add it: ${field || 'it'} takes ${want} (${guide})` };
      return { message: `${f} should be ${want}, not ${describe(input)}`, hint: `write ${want} (${guide})` };
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? (issue as { maximum?: number | bigint }).maximum : (issue as { minimum?: number | bigint }).minimum);
      const bound = big ? `at most ${limit}` : `at least ${limit}`;
      const origin = (issue as { origin?: string }).origin;
      // a message the schema wrote itself ("an indicator needs at least one observation") is already in words
      if (issue.message && !/^Too (big|small)\b/.test(issue.message)) {
        const has = Array.isArray(input)
          ? `it has ${input.length}`
          : typeof input === 'string'
            ? `it is ${[...input].length} characters long`
            : '';
        return { message: `${at}${issue.message}`, hint: has ? `${has} (${guide})` : guide };
      }
      if (origin === 'string' && typeof input === 'string') {
        const n = [...input].length;
        return {
          message: `${f} is ${n} characters long; it must be ${bound}`,
          hint: big ? `shorten it by ${n - limit} or more characters` : `lengthen it (${guide})`,
        };
      }
      if (origin === 'array' && Array.isArray(input)) {
        return { message: `${f} has ${input.length} item${input.length === 1 ? '' : 's'}; it needs ${bound}`, hint: guide };
      }
      return { message: `${f} is ${describe(input)}; it must be ${bound}`, hint: `change it to a value ${bound} (${guide})` };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const list = values.length <= LISTED || !listIn ? `use one of: ${values.join(', ')}` : `the full list is in ${listIn}`;
      if (input === undefined) return { message: field ? `${f} is missing` : 'the field is missing', hint: `add it: ${list}` };
      const near = nearest(String(input), values);
      const mean = near.length ? `did you mean ${near.map((v) => `"${v}"`).join(' or ')}? ` : '';
      return { message: `${f} cannot be ${describe(input)}`, hint: `${mean}${list}` };
    }
    case 'invalid_format': {
      if (dateWhy) return { message: `${at}${dateWhy}`, hint: 'check the day and the month' };
      // a message the schema wrote itself ("version must be semver, e.g. 1.2.0") is already in words
      if (issue.message && !/^Invalid\b/.test(issue.message) && issue.format !== 'date')
        return { message: `${at}${issue.message}`, hint: `not ${describe(input)} (${guide})` };
      if (issue.format === 'date') return { message: `${at}write the date as YYYY-MM-DD, e.g. 2025-03-15`, hint: `not ${describe(input)}` };
      if (issue.format === 'regex') {
        return {
          message: `${f} cannot be ${describe(input)}`,
          hint: /kebab|a-z0-9/.test(String(issue.pattern)) ? 'ids are lower-case letters, digits and dashes, e.g. gdp-growth' : guide,
        };
      }
      return { message: `${f} is not in the right form (${issue.format})`, hint: guide };
    }
    case 'unrecognized_keys': {
      const names = issue.keys.map((k) => `"${k}"`).join(', ');
      const near = known ? issue.keys.map((k) => nearest(k, known)[0]).filter(Boolean) : [];
      return {
        message: `${field ? `${f} has ` : ''}unknown field${issue.keys.length > 1 ? 's' : ''} ${names}`,
        hint: `${near.length ? `did you mean "${near[0]}"? ` : ''}${known ? `fields: ${known.join(', ')}` : `check the spelling (${guide})`}`,
      };
    }
    case 'invalid_union':
      return {
        message: input === undefined ? `${f} is missing or not in a form it can take` : `${f} cannot be ${describe(input)}`,
        hint: guide,
      };
    default:
      // A message written by the schema itself (refine, custom messages) is already in words.
      if (dateWhy) return { message: `${at}${dateWhy}`, hint: 'check the day and the month' };
      return { message: `${at}${issue.message}`, hint: guide };
  }
}

/** Every issue of a failed parse, worded, with its path: `field` is the path joined by dots. */
export function wordIssues(
  issues: readonly Issue[],
  opts: Omit<WordOptions, 'field'> & { field?: (path: (string | number)[]) => string },
): ({ path: (string | number)[] } & Worded)[] {
  return issues.map((issue) => {
    const path = issuePath(issue);
    return { path, ...wordIssue(issue, { ...opts, field: opts.field ? opts.field(path) : path.join('.') }) };
  });
}

/** One line per issue, for a thrown error (a guard after the content check has reported them). */
export function issuesLine(issues: readonly Issue[], guide: string): string {
  return wordIssues(issues, { guide })
    .map((w) => w.message)
    .join('; ');
}

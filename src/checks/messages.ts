/**
 * Schema problems in words an editor can act on: what is wrong with which field, and how to fix it,
 * instead of zod's own texts ("Too big: expected number to be <=12", "expected string, received
 * undefined"). Used for story.yaml, chapter frontmatter and graphic definitions.
 */
import type { z } from 'zod';
import { nearest } from '../lib/data/suggest.ts';

export interface Worded {
  message: string;
  hint: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list ([a, b] or lines starting with "- ")',
  object: 'a group of fields (indented lines "name: value")',
  date: 'a date',
};

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

/**
 * One schema issue, worded. `field` names the field as the editor sees it (e.g. `published`,
 * `states.peak.through`); `hint` is the fallback pointer to the guide.
 */
export function wordIssue(issue: z.core.$ZodIssue, field: string, guide: string, known?: string[]): Worded {
  const input = (issue as { input?: unknown }).input;
  const f = field ? `"${field}"` : 'the value';
  /** `published: …` — the field, then what is wrong with its value. */
  const at = field ? `${field}:` : 'the value:';
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (input === undefined) return { message: `${f} is missing`, hint: `add it: ${field || 'the field'} takes ${want} (${guide})` };
      return { message: `${f} should be ${want}, not ${describe(input)}`, hint: `write ${want} (${guide})` };
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = Number(big ? (issue as { maximum?: number | bigint }).maximum : (issue as { minimum?: number | bigint }).minimum);
      const bound = big ? `at most ${limit}` : `at least ${limit}`;
      const origin = (issue as { origin?: string }).origin;
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
      const near = nearest(String(input), values);
      return {
        message: `${f} cannot be ${describe(input)}`,
        hint: `${near.length ? `did you mean "${near[0]}"? ` : ''}use one of: ${values.join(', ')}`,
      };
    }
    case 'invalid_format': {
      if (typeof input === 'string') {
        const why = impossibleDate(input);
        if (why) return { message: `${at} ${why}`, hint: 'check the day and the month' };
      }
      // a message the schema wrote itself ("version must be semver, e.g. 1.2.0") is already in words
      if (issue.message && !/^Invalid\b/.test(issue.message) && issue.format !== 'date')
        return { message: `${at} ${issue.message}`, hint: `not ${describe(input)} (${guide})` };
      if (typeof input === 'string') {
        const why = impossibleDate(input);
        if (why) return { message: `${at} ${why}`, hint: 'check the day and the month' };
      }
      if (issue.format === 'date')
        return { message: `${at} write the date as YYYY-MM-DD, e.g. 2025-03-15`, hint: `not ${describe(input)}` };
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
        message: `${field ? `${f} has` : 'there is'} unknown field${issue.keys.length > 1 ? 's' : ''} ${names}`,
        hint: `${near.length ? `did you mean "${near[0]}"? ` : ''}${known ? `fields: ${known.join(', ')}` : guide}`,
      };
    }
    case 'invalid_union':
      return {
        message: input === undefined ? `${f} is missing or not in a form it can take` : `${f} cannot be ${describe(input)}`,
        hint: guide,
      };
    default: {
      // A message written by the schema itself (refine, custom messages) is already in words.
      const own = issue.message;
      if (typeof input === 'string') {
        const why = impossibleDate(input);
        if (why) return { message: `${at} ${why}`, hint: 'check the day and the month' };
      }
      return { message: `${at} ${own}`, hint: guide };
    }
  }
}

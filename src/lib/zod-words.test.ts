import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesLine, wordIssue, wordIssues } from './zod-words.ts';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error('expected a failure');
  return r.error.issues;
};
const one = (schema: z.ZodType, value: unknown, field = 'f', more: { listIn?: string; known?: string[] } = {}) =>
  wordIssue(issues(schema, value)[0]!, { field, guide: 'see the guide', ...more });

describe('wordIssue: one wording for every schema in the project', () => {
  it('names the field when given one, and not when the caller prints the path', () => {
    const S = z.object({ title: z.string() });
    expect(one(S, {}, 'title')).toEqual({ message: '"title" is missing', hint: 'add it: title takes text (see the guide)' });
    expect(one(S, {}, '').message).toBe('the field is missing');
    expect(one(S, { title: 3 }, 'title').message).toBe('"title" should be text, not the number 3');
  });

  it('keeps a message the schema wrote itself, with the count as the hint', () => {
    const S = z.array(z.number()).min(2, 'a funnel needs at least two stages');
    expect(one(S, [1], '')).toEqual({ message: 'a funnel needs at least two stages', hint: 'it has 1 (see the guide)' });
    expect(one(z.string().max(3), 'abcdef', 'label').message).toBe('"label" is 6 characters long; it must be at most 3');
  });

  it('suggests the nearest allowed value, and points to the list when it is long', () => {
    const few = z.enum(['actual', 'target']);
    expect(one(few, 'actul', 'kind').hint).toBe('did you mean "actual"? use one of: actual, target');
    const many = z.enum(['亿元', '万元', '亿支', '亿斤', '吨', '万吨', '户', '个', '项']);
    expect(one(many, '亿圆', 'unit', { listIn: 'units.ts' }).hint).toMatch(/^did you mean "亿元".*\? the full list is in units\.ts$/);
    expect(one(many, undefined, '', { listIn: 'units.ts' })).toEqual({
      message: 'the field is missing',
      hint: 'add it: the full list is in units.ts',
    });
  });

  it('words unknown fields with a did-you-mean from the known ones', () => {
    const S = z.strictObject({ title: z.string().optional() });
    expect(one(S, { tilte: 'x' }, '', { known: ['title'] })).toEqual({
      message: 'unknown field "tilte"',
      hint: 'did you mean "title"? fields: title',
    });
  });

  it('says why a date is impossible', () => {
    expect(one(z.iso.date(), '2025-02-30', 'published').message).toBe('published: 2025-02-30 is not a real date: 2025-02 has 28 days');
    expect(one(z.iso.date(), '15.03.2025', 'published').message).toBe('published: write the date as YYYY-MM-DD, e.g. 2025-03-15');
  });

  it('words every issue of a parse, with paths, and as one line for a thrown guard', () => {
    const S = z.object({ a: z.number(), b: z.object({ c: z.boolean() }) });
    const all = issues(S, { a: 'x', b: { c: 1 } });
    expect(wordIssues(all, { guide: 'g' }).map((w) => [w.path.join('.'), w.message])).toEqual([
      ['a', '"a" should be a number, not the text "x"'],
      ['b.c', '"b.c" should be true or false, not the number 1'],
    ]);
    expect(issuesLine(all, 'g')).toBe('"a" should be a number, not the text "x"; "b.c" should be true or false, not the number 1');
  });
});

/**
 * The sticky layout's CSS, read as the browser gets it: no rule that makes every change inside a
 * graphic cost a style recalculation of its container. A `:has()` with a descendant argument on the
 * sticky slot did: Chromium re-checks it for every node a step change inserts into the slot (a
 * chart's marks), in the scroll frame. Only the fallback for browsers without popovers keeps one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const FALLBACK = /^@supports\s+not\s+selector\(\s*:popover-open\s*\)$/;

/** Every rule's selector list with the preludes of the blocks around it (`@media …`, `@supports …`). */
function rules(css: string): { selectors: string[]; within: string[]; body: string }[] {
  const out: { selectors: string[]; within: string[]; body: string }[] = [];
  const stack: string[] = [];
  let prelude = '';
  let rule: { body: string } | null = null;
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (ch === '{') {
      const p = prelude.trim().replace(/\s+/g, ' ');
      rule = p.startsWith('@') ? null : { body: '' };
      if (rule) out.push(Object.assign(rule, { selectors: p.split(',').map((x) => x.trim()), within: [...stack] }));
      stack.push(p);
      prelude = '';
    } else if (ch === '}') {
      stack.pop();
      rule = null;
      prelude = '';
    } else if (rule) rule.body += ch;
    else if (ch === ';') prelude = '';
    else prelude += ch;
  }
  return out;
}

/** The declarations of the rules whose selector ends with `subject` outside any `@supports`, merged in order. */
function declared(css: string, subject: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules(css))
    if (!r.within.some((p) => p.startsWith('@supports')) && r.selectors.some((sel) => sel.endsWith(subject)))
      for (const d of r.body.split(';')) {
        const [k, ...v] = d.split(':');
        if (k?.trim() && v.length) out.set(k.trim(), v.join(':').trim());
      }
  return out;
}

/** Selectors with a `:has()` whose argument reaches below the children, outside the no-popover fallback. */
export function deepHasOutsideFallback(css: string): string[] {
  return rules(css).flatMap(({ selectors, within }) =>
    within.some((p) => FALLBACK.test(p))
      ? []
      : selectors.filter((sel) => [...sel.matchAll(/:has\(\s*([^)]*)\)/g)].some((m) => !(m[1] ?? '').startsWith('>'))),
  );
}

describe('scrolly.css', () => {
  it('has no descendant :has() outside the fallback for browsers without popovers', () => {
    expect(deepHasOutsideFallback(readFileSync('src/scrolly/scrolly.css', 'utf8'))).toEqual([]);
  });

  it('the sticky slot has strict containment and does not skip its content (content-visibility rendered graphics in scroll frames)', () => {
    const css = readFileSync('src/scrolly/scrolly.css', 'utf8');
    const all = declared(css, ":not([data-mode='article']) .scrolly__sticky");
    expect(all.get('contain')).toBe('strict');
    expect(all.get('content-visibility')).toBeUndefined();
  });

  it('a map box in the sticky slot is a layout boundary (strict containment): a camera move lays out the map alone', () => {
    expect(declared(readFileSync('src/scrolly/scrolly.css', 'utf8'), '.scrolly__sticky .story-map__box').get('contain')).toBe('strict');
  });

  it('positive control: such a rule, bare or under another @supports, is found; child :has() and the fallback are not', () => {
    const css = `
      .a:has(.b) { color: red }
      @supports (display: grid) { .c:has(.d) { color: red } }
      figure:has(> .chart) { margin: 0 }
      @supports not selector(:popover-open) { .e:has(.f) { contain: none } }`;
    expect(deepHasOutsideFallback(css)).toEqual(['.a:has(.b)', '.c:has(.d)']);
  });
});

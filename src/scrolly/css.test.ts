/**
 * The sticky layout's CSS, read as the browser gets it: no rule that makes every change inside a
 * graphic cost a style recalculation of its container. A `:has()` with a descendant argument on the
 * sticky slot did: Chromium re-checks it for every node a step change inserts into the slot (a
 * chart's marks), in the scroll frame. Only the fallback for browsers without popovers keeps one.
 */
import { readFileSync } from 'node:fs';
import postcss, { type AtRule, type Rule } from 'postcss';
import { describe, expect, it } from 'vitest';

const FALLBACK = /^not\s+selector\(\s*:popover-open\s*\)$/;

/** Selectors with a `:has()` whose argument reaches below the children, outside the no-popover fallback. */
export function deepHasOutsideFallback(css: string): string[] {
  const found: string[] = [];
  postcss.parse(css).walkRules((rule: Rule) => {
    for (const selector of rule.selectors) {
      const deep = [...selector.matchAll(/:has\(\s*([^)]*)\)/g)].some((m) => !(m[1] ?? '').startsWith('>'));
      if (!deep) continue;
      let at = rule.parent;
      let inFallback = false;
      while (at) {
        if (at.type === 'atrule' && (at as AtRule).name === 'supports' && FALLBACK.test((at as AtRule).params.trim())) inFallback = true;
        at = at.parent;
      }
      if (!inFallback) found.push(selector);
    }
  });
  return found;
}

describe('scrolly.css', () => {
  it('has no descendant :has() outside the fallback for browsers without popovers', () => {
    expect(deepHasOutsideFallback(readFileSync('src/scrolly/scrolly.css', 'utf8'))).toEqual([]);
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

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYOUTS, NARROWEST, REGULAR_FROM } from './layout.ts';

describe('layouts', () => {
  it('chart.css switches layouts at REGULAR_FROM', () => {
    const css = readFileSync(new URL('./chart.css', import.meta.url), 'utf8');
    expect(css).toContain(`@container (min-width: ${REGULAR_FROM}px)`);
  });

  it.each([
    ['compact', NARROWEST],
    ['regular', REGULAR_FROM],
  ] as const)('the smallest %s text renders at 11 px or more in the narrowest container it is shown in (%i px)', (name, container) => {
    const layout = LAYOUTS[name];
    expect((layout.small * container) / layout.width).toBeGreaterThanOrEqual(11);
  });
});

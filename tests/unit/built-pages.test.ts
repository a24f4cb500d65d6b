/**
 * Reading built pages as text (scripts/lib/browser.ts): which stories have a sticky map. Every story page carries
 * the whole site's CSS inline, so the class name appears in pages without a map too.
 */
import { describe, expect, it } from 'vitest';
import { hasStickyMap } from '../../scripts/lib/browser.ts';

describe('hasStickyMap', () => {
  it('finds the class in an element’s class attribute', () => {
    expect(hasStickyMap('<div class="story-map story-map--sticky" data-map="x"></div>')).toBe(true);
    expect(hasStickyMap('<div class="story-map--sticky"></div>')).toBe(true);
  });
  it('does not count the class named in the inline CSS, or a longer class name', () => {
    expect(hasStickyMap('<style>.story-map--sticky{position:sticky}</style><div class="story-map"></div>')).toBe(false);
    expect(hasStickyMap('<div class="story-map--sticky-note"></div>')).toBe(false);
  });
});

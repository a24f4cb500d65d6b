import { describe, expect, it } from 'vitest';
import { distance, nearest, unknownIdMessage } from './suggest.ts';

describe('distance()', () => {
  it.each([
    ['gdp', 'gdp', 0],
    ['gdp', 'gpd', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('distance(%j, %j) = %i', (a, b, d) => expect(distance(a, b)).toBe(d));
});

describe('unknownIdMessage()', () => {
  const known = ['gdp', 'gdp-growth', 'industrial-va-growth', 'funds-in-place'];
  it('suggests the nearest known ids', () => {
    expect(unknownIdMessage('indicator', 'gdp-grwth', known)).toBe("unknown indicator 'gdp-grwth'; did you mean 'gdp-growth' or 'gdp'?");
  });
  it('suggests by shared words', () => {
    expect(nearest('funds', known)).toEqual(['funds-in-place']);
  });
  it('says nothing more when nothing is close', () => {
    expect(unknownIdMessage('region', 'xyz', ['150502', '150581'])).toBe("unknown region 'xyz'");
  });
});

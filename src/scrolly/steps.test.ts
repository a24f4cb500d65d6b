import { describe, expect, it } from 'vitest';
import { stepsInHtml, stickyLayers } from './steps.ts';

describe('stepsInHtml()', () => {
  it('reads id, graphic and state of each marked element, in order, whatever the attribute order', () => {
    const html = `
      <div class="step" id="trough" data-step data-graphic="growth" data-state="trough" data-summary="负增长"><p>…</p></div>
      <p data-graphic="not-a-step">prose</p>
      <div data-state="latest" data-step="" data-graphic='growth' id="latest" class="step"></div>
      <div class="step" id="gdp-card" data-graphic="gdp" data-state="y&#39;24" data-step></div>`;
    expect(stepsInHtml(html)).toEqual([
      { id: 'trough', graphic: 'growth', state: 'trough' },
      { id: 'latest', graphic: 'growth', state: 'latest' },
      { id: 'gdp-card', graphic: 'gdp', state: "y'24" },
    ]);
  });

  it('does not take data-step-like attributes for the marker', () => {
    expect(stepsInHtml('<div data-steps id="a" data-graphic="g" data-state="s"></div>')).toEqual([]);
  });

  it('throws when a marked element lacks a declaration', () => {
    expect(() => stepsInHtml('<div data-step id="a" data-graphic="g"></div>')).toThrow('a step is missing its data-state');
  });
});

describe('stickyLayers()', () => {
  it('keeps one layer per graphic, in the state of its first step', () => {
    const steps = [
      { id: 'a', graphic: 'growth', state: 'trough' },
      { id: 'b', graphic: 'gdp', state: 'y2024' },
      { id: 'c', graphic: 'growth', state: 'latest' },
    ];
    expect(stickyLayers(steps)).toEqual([
      { graphic: 'growth', state: 'trough' },
      { graphic: 'gdp', state: 'y2024' },
    ]);
  });
});

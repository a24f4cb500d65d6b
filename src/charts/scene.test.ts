import { describe, expect, it } from 'vitest';
import { escapeXml, round, roundPath, sceneMarkup } from './scene.ts';

describe('scene serialisation', () => {
  it.each([
    [1.04, 1],
    [1.05, 1.1],
    [-0.04, 0],
    [123.456, 123.5],
  ])('round(%d) is %d', (n, r) => {
    expect(round(n)).toBe(r);
  });

  it('roundPath() rounds every number of a d3 path', () => {
    expect(roundPath('M10.123,20.987L30.55,-0.04Z')).toBe('M10.1,21L30.6,0Z');
  });

  it('escapeXml() neutralises markup in data', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('sceneMarkup() writes keyed elements with rounded attributes and escaped text', () => {
    const markup = sceneMarkup({
      width: 100,
      height: 50,
      marks: [
        { type: 'rect', key: 'bar-a', x: 0.04, y: 1.26, width: 10.01, height: 5, fill: '#1f5b99' },
        {
          type: 'text',
          key: 'label-a',
          x: 12,
          y: 6,
          text: '<b>龙马</b>',
          size: 13,
          fill: '#1b1b1b',
          anchor: 'start',
          weight: 700,
          halo: true,
        },
        { type: 'line', key: 'zero', x1: 0, y1: 0, x2: 0, y2: 50, stroke: '#1b1b1b', strokeWidth: 1, dash: '6 4', opacity: 0.5 },
      ],
    });
    expect(markup).toBe(
      [
        '<rect data-key="bar-a" x="0" y="1.3" width="10" height="5" fill="#1f5b99"/>',
        '<text data-key="label-a" x="12" y="6" font-size="13" font-weight="700" fill="#1b1b1b" class="halo">&lt;b&gt;龙马&lt;/b&gt;</text>',
        '<line data-key="zero" opacity="0.5" x1="0" y1="0" x2="0" y2="50" stroke="#1b1b1b" stroke-width="1" stroke-dasharray="6 4"/>',
      ].join('\n'),
    );
  });

  it('sceneMarkup() refuses two marks with one key (the browser matches marks by key)', () => {
    const mark = { type: 'circle', key: 'p', cx: 0, cy: 0, r: 1, fill: '#000' } as const;
    expect(() => sceneMarkup({ width: 1, height: 1, marks: [mark, mark] })).toThrowErrorMatchingInlineSnapshot(
      `[Error: duplicate mark key "p" in one scene]`,
    );
  });
});

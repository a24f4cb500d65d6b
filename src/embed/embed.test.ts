import { describe, expect, it } from 'vitest';
import { hostSnippet, HOST_SCRIPT, snippetBytes } from './snippet.ts';
import { exportCsv } from './export.ts';
import { placesIn } from './catalog-places.ts';
import { downloadName, downloadPath, embedPath } from './paths.ts';
import { GlyphCache } from './outline.ts';
import { findCjkFonts } from '../og/font.ts';

describe('hostSnippet()', () => {
  it('is an iframe at the default height plus the script, at most 1 KB even with a long title', () => {
    const s = hostSnippet({
      src: 'https://news.example.com/stories/tongliao/embed/major-projects-2025/investment-by-county/overview/',
      title: '报道点名的产业集群"按旗县区示意"<b>&',
      height: 812.4,
    });
    expect(snippetBytes(s)).toBeLessThanOrEqual(1024);
    expect(s).toMatch(
      /^<iframe src="https:\/\/news\.example\.com\/[^"]+" title="报道点名的产业集群&quot;按旗县区示意&quot;&lt;b>&amp;" width="100%" height="812" /,
    );
    expect(s.endsWith(`<script>${HOST_SCRIPT}</script>`)).toBe(true);
    expect(HOST_SCRIPT).not.toMatch(/<\/?script/i);
  });

  it('speaks the frames/AMP and Pym.js messages', () => {
    expect(HOST_SCRIPT).toContain('m.sentinel=="amp"&&m.type=="embed-size"');
    expect(HOST_SCRIPT).toContain('split(/xPYMx/)');
    expect(HOST_SCRIPT).toContain('{sentinel:"amp",type:"frames-init"}');
    // the script runs: a syntax error here would break every host page
    expect(() => new Function(HOST_SCRIPT)).not.toThrow();
  });
});

describe('paths', () => {
  const k = { story: 'demo', graphic: 'growth', state: 'latest' };
  it('puts the downloads beside the embed page, with descriptive names to save under', () => {
    expect(embedPath(k)).toBe('embed/demo/growth/latest/');
    expect(downloadPath(k, 'png2x')).toBe('embed/demo/growth/latest/graphic@2x.png');
    expect(downloadName(k, 'png2x')).toBe('tongliao-demo-growth-latest@2x.png');
    expect(downloadName(k, 'csv')).toBe('tongliao-demo-growth-latest.csv');
  });
});

describe('placesIn()', () => {
  it('links a state to the first step that shows it, else to the chapter of a figure', () => {
    const places = placesIn([
      { anchor: 'intro', body: '<Figure graphic="g" state="a" summary="x" />\n<Step id="s-1" graphic="g" state="b" summary="y">' },
      { anchor: 'more', body: "<Step summary='z' state='a' graphic='g' id='s-2'>\n<Step id=\"s-3\" graphic=\"g\" state=\"b\">" },
    ]);
    expect(Object.fromEntries(places)).toEqual({ 'g/a': 'intro', 'g/b': 's-1' });
  });
});

describe('exportCsv()', () => {
  it('writes RFC 4180 CSV with a BOM, quoting where needed, and the source and version as comments', () => {
    const csv = exportCsv({
      tables: [
        {
          caption: 't',
          columns: ['时期', '值'],
          rows: [
            { header: '2024年', cells: ['1,234亿元'] },
            { header: '说"明"', cells: ['—'] },
          ],
        },
      ],
      sourceLine: '数据来源：《甲》（约2025年3月）',
      versionLine: '数据集 tongliao v1.1.0（2026-11-22发布）',
    });
    expect(csv).toBe(
      '\uFEFF时期,值\r\n2024年,"1,234亿元"\r\n"说""明""",—\r\n\r\n# 数据来源：《甲》（约2025年3月）\r\n# 数据集 tongliao v1.1.0（2026-11-22发布）\r\n',
    );
  });
});

describe('GlyphCache.outline()', () => {
  it('replaces text by outlines placed by anchor and baseline, keeping paint and halo', () => {
    const g = new GlyphCache(findCjkFonts());
    const out = g.outline(
      '<svg><text x="100" y="50" font-size="20" text-anchor="middle" fill="#111" class="halo">通辽 1</text><text x="0" y="10" font-size="10" dominant-baseline="central">&amp;</text></svg>',
    );
    expect(out).not.toContain('<text');
    const groups = [...out.matchAll(/<g transform="translate\(([-\d.]+) ([-\d.]+)\) scale\(([\d.]+)\)"([^>]*)>/g)];
    expect(groups).toHaveLength(2);
    const [first, second] = groups as [RegExpMatchArray, RegExpMatchArray];
    // 通 and 辽 are 1 em, the space and the digit narrower: centred on x = 100
    const width = (g.get(400, '通').adv + g.get(400, '辽').adv + g.get(400, ' ').adv + g.get(400, '1').adv) * 0.02;
    expect(g.get(400, '通').adv).toBe(1000);
    expect(Number(first[1])).toBeCloseTo(100 - width / 2, 1);
    expect(Number(first[2])).toBe(50);
    expect(first[4]).toContain('stroke="#fdfcf8" stroke-width="150"');
    expect(first[4]).toContain('paint-order="stroke" fill="#111"');
    expect(Number(second[2])).toBeCloseTo(13.8, 5);
    expect(out.match(/<path /g)).toHaveLength(4);
  });
});

/**
 * The data page and the published data files of the test build (issue 14): every value's kind in
 * words (实绩/目标/预计/增速) with a marker that tells a forecast from a target, printed ranges as
 * printed, and the earlier release 1.1.0 still published byte for byte at its versioned URL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/lib/data/load.ts';
import { figureAnchor } from '../../src/lib/content/figures.ts';
import { KIND_WORDS } from '../../src/lib/data/schema.ts';
import { TEST_DIST } from '../../scripts/lib/browser.ts';

const html = readFileSync(join(TEST_DIST, 'data/index.html'), 'utf8');
const ds = loadDataset();

/** The <tr> of one observation on the data page. */
function row(id: string, o: Parameters<typeof figureAnchor>[1]): string {
  const at = html.indexOf(`id="${figureAnchor(id, o)}"`);
  expect(at, `row of ${id} ${o.period}`).toBeGreaterThan(0);
  return html.slice(at, html.indexOf('</tr>', at));
}

describe('data page', () => {
  it("names every value's kind in words, with its own marker class", () => {
    let forecasts = 0;
    for (const ind of ds.indicators) {
      for (const o of ind.observations) {
        const r = row(ind.id, o);
        expect(r, `${ind.id} ${o.period}`).toContain(`kind--${o.kind}`);
        expect(r).toContain(`>${KIND_WORDS[o.kind]}</span>`);
        if (o.kind === 'forecast') {
          forecasts++;
          expect(r).not.toContain('>目标</span>');
        }
      }
    }
    expect(forecasts).toBeGreaterThanOrEqual(8);
    // The audit's forecasts in particular.
    expect(row('road-freight-turnover', { period: '2025', kind: 'forecast' } as never)).toContain('>预计</span>');
    expect(row('longma-base-jobs', { period: 'current', kind: 'forecast' } as never)).toContain('>预计</span>');
  });

  it("prints a range as printed, and a firm's figure as not city-wide", () => {
    expect(row('longma-land-acceptance-months', { period: 'current', kind: 'actual' } as never)).toContain('1.5至2个月');
    expect(row('huaxin-line-sales', { period: 'current', kind: 'forecast' } as never)).toContain('2至4亿元');
    expect(row('liansheng-cast-rolling-lines', { period: 'current', kind: 'actual' } as never)).toContain('霍林郭勒市');
    expect(row('meihua-output-value', { period: '2024', kind: 'actual' } as never)).toContain('市内（旗县未写明）');
  });
});

describe('published data files', () => {
  it('keep 1.1.0 at its versioned URL, byte for byte, listed in SHA256SUMS and on the page', () => {
    const old = readFileSync(join(TEST_DIST, 'data/tongliao-1.1.0.json'), 'utf8');
    expect(old).toBe(readFileSync('data/releases/tongliao-1.1.0.json', 'utf8'));
    expect(readFileSync(join(TEST_DIST, 'data/SHA256SUMS'), 'utf8')).toContain(
      'bf03652ba30fb4a2761c254540a018cf683d75d276b7cc475bd22c2f2bf634a6  tongliao-1.1.0.json',
    );
    expect(html).toContain('tongliao-1.1.0.json');
    expect(readFileSync(join(TEST_DIST, `data/tongliao-${ds.version}.json`), 'utf8')).toBe(readFileSync('data/tongliao.json', 'utf8'));
  });
});

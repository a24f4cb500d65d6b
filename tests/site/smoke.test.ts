import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../../scripts/lib/browser.ts';
import { sharedBrowser } from './shared.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['', 'data/', 'sources/'])('page /%s', (path) => {
  it('renders in Chinese with the dataset version, no errors, no CSP violations, no foreign requests', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'));
    const res = await page.goto(inject('siteUrl') + path);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('meta[name="dataset-version"]').getAttribute('content')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).not.toContain('unsafe-inline');
    await page.waitForLoadState('networkidle');
    expect(watch).toEqual({ errors: [], consoleErrors: [], foreignRequests: [], cspViolations: [] });
    await page.context().close();
  });
});

describe('data page', () => {
  it('filters the table by region and article', async () => {
    const { page } = await openPage(browser, inject('siteUrl'));
    await page.goto(`${inject('siteUrl')}data/`);
    const rows = page.locator('#values-table tbody tr');
    const total = await rows.count();
    expect(total).toBeGreaterThan(0);
    await page.selectOption('select[name="source"]', 'goals-2025');
    const visible = await page.locator('#values-table tbody tr:not([hidden])').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(total);
    for (const src of await page
      .locator('#values-table tbody tr:not([hidden])')
      .evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset['source']))) {
      expect(src).toContain('goals-2025');
    }
    await page.selectOption('select[name="source"]', '');
    expect(await page.locator('#values-table tbody tr:not([hidden])').count()).toBe(total);
    await page.context().close();
  });
});

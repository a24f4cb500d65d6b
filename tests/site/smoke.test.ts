import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('home page', () => {
  it('renders in Chinese from the dataset, with no errors and no foreign requests', async () => {
    const { page, watch } = await openPage(browser, inject('siteUrl'));
    await page.goto(inject('siteUrl'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('meta[name="dataset-version"]').getAttribute('content')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

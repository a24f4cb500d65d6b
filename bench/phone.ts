/**
 * The benchmarks' phone profile for a page driven through playwright-core: no cache, DevTools' "slow
 * 4G" (what Lighthouse's simulated mobile profile corresponds to) and 4× CPU (`cpu`: another slowdown,
 * for a slower phone). Returns the CDP session.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export async function throttleLikeAPhone(context: BrowserContext, page: Page, cpu = 4): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

/**
 * One scripted scroll gesture of the read-throughs: a mouse-wheel scroll of 0.6 screen heights at `x`,
 * 500 px down, at 1,200 px/s. Returns its window on the page's clock (`performance.now()` before and after).
 */
export async function scrollGesture(page: Page, cdp: CDPSession, x: number, viewportHeight: number): Promise<[number, number]> {
  const t0 = await page.evaluate(() => performance.now());
  await cdp.send('Input.synthesizeScrollGesture', {
    x,
    y: 500,
    yDistance: -Math.round(viewportHeight * 0.6),
    speed: 1200,
    gestureSourceType: 'mouse',
    repeatCount: 1,
  });
  return [t0, await page.evaluate(() => performance.now())];
}

/**
 * The benchmarks' phone profile for a page driven through playwright-core: no cache, DevTools' "slow
 * 4G" (what Lighthouse's simulated mobile profile corresponds to) and 4× CPU. Returns the CDP session.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export async function throttleLikeAPhone(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

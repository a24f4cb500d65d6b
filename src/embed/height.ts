/**
 * Tells the host page how tall the embed is, in the messages newsroom hosts understand:
 * - AMP's `{sentinel: 'amp', type: 'embed-size', height}` (what @newswire/frames sends and reads; its
 *   `sendFrameHeight` is used as is), for AMP pages, frames hosts and our host snippet;
 * - Pym.js' `pymxPYMx<childId>xPYMxheightxPYMx<height>`, when a Pym.js parent framed the page (it passes
 *   `childId` in the frame's URL).
 * It reports on start, whenever the document's height changes (a ResizeObserver: a new width, fonts,
 * an opened data table) and when the host asks (frames' `frames-init`, Pym's `width` message).
 */
import { sendFrameHeight } from '@newswire/frames';

function height(): number {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

export function start(): void {
  const childId = new URLSearchParams(location.search).get('childId');
  let last = -1;
  const send = (force = false) => {
    const h = height();
    if (h === last && !force) return;
    last = h;
    sendFrameHeight(h);
    if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${h}`, '*');
  };
  new ResizeObserver(() => send()).observe(document.documentElement);
  window.addEventListener('message', (e) => {
    const m = e.data as unknown;
    if (e.source !== window.parent) return;
    const asked =
      (typeof m === 'object' &&
        m !== null &&
        (m as { sentinel?: unknown }).sentinel === 'amp' &&
        (m as { type?: unknown }).type === 'frames-init') ||
      (typeof m === 'string' && childId !== null && m.startsWith(`pymxPYMx${childId}xPYMxwidthxPYMx`));
    if (asked) send(true);
  });
  window.addEventListener('load', () => send(true));
  send(true);
}

import { createServer } from 'node:http';

/**
 * A page's HTML sent in two parts, as a slow network delivers it (scripts/cut-sweep.ts, the half-loaded test in
 * tests/site/scrolly.test.ts): where it can be cut (after each tag, and after each `，` and `。` in text, where a
 * line of Chinese can break differently once the rest of the sentence arrives), and a proxy that cuts it.
 */

/** The offsets (string indices) in `html[from, to)` right after a `>`, `，` or `。`, in order. */
export function cutPoints(html: string, from: number, to: number): number[] {
  if (from < 0 || to < from) throw new Error(`cutPoints: no range [${from}, ${to})`);
  const out: number[] = [];
  for (let i = from; i < Math.min(to, html.length); i++) if (html[i] === '>' || html[i] === '，' || html[i] === '。') out.push(i + 1);
  return out;
}

/** At most `n` of `points`, evenly spread, the first included (all of them when there are `n` or fewer). */
export function spread<T>(points: readonly T[], n: number): T[] {
  if (!(n >= 1)) throw new Error(`spread: n must be at least 1, not ${n}`);
  if (points.length <= n) return [...points];
  const step = points.length / n;
  return Array.from({ length: n }, (_, k) => points[Math.floor(k * step)]!);
}

/**
 * What a cut proxy does with one HTML page: send it up to `at` (a string index), the rest `pauseMs` later, or
 * as soon as `release` settles if that is sooner (a test that waits for something the half page does, with
 * `pauseMs` as its ceiling).
 */
export interface Cut {
  at: number;
  pauseMs: number;
  release?: Promise<unknown>;
  /** Called as the rest is sent, with what sent it. */
  onRest?: (by: 'release' | 'pause') => void;
}

/**
 * A proxy in front of a served site, on 127.0.0.1, that sends an HTML page in two parts when `cutFor` says where
 * (given the request URL and the page's HTML; null sends it whole); everything else passes through. The body is
 * fetched uncompressed and sent as is. Returns the proxy's origin and a `close`.
 */
export async function cutProxy(
  site: string,
  cutFor: (url: URL, html: string) => Cut | null,
): Promise<{ origin: string; close: () => void }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', site);
      const up = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
      const headers = [...up.headers].filter(
        ([k]) => !/^(content-encoding|content-length|transfer-encoding|connection|keep-alive)$/.test(k),
      );
      res.writeHead(up.status, Object.fromEntries(headers));
      const body = Buffer.from(await up.arrayBuffer());
      if (!(up.headers.get('content-type') ?? '').startsWith('text/html')) return void res.end(body);
      const html = body.toString('utf8');
      const cut = cutFor(url, html);
      if (!cut) return void res.end(body);
      res.write(html.slice(0, cut.at));
      let rest = false;
      const send = (by: 'release' | 'pause') => {
        if (rest) return;
        rest = true;
        clearTimeout(timer);
        cut.onRest?.(by);
        res.end(html.slice(cut.at));
      };
      const timer = setTimeout(() => send('pause'), cut.pauseMs);
      void cut.release?.then(
        () => send('release'),
        () => send('release'),
      );
    })().catch((e: unknown) => res.destroy(e as Error));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => void server.close() };
}

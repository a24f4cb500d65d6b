/**
 * The static server used by the browser tests, the benchmark and `npm run serve`: it compresses like a
 * CDN without holding up other requests, and a rebuilt file is served as rebuilt.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from './serve.ts';

function get(url: string): Promise<{ status: number; encoding?: string; body: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => ok({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(parts) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('scripts/serve.ts', () => {
  let root: string;
  let server: RunningServer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-'));
    // about 1.5 MB of varied JSON: brotli at quality 11 takes seconds over it
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ id: i, v: Math.sin(i) * 1e6, k: `k${(i * 7919) % 104729}` }));
    writeFileSync(join(root, 'big.json'), JSON.stringify(rows));
    writeFileSync(join(root, 'small.txt'), 'ok');
    writeFileSync(join(root, 'page.html'), `<p>${'first '.repeat(100)}</p>`);
    server = await serve({ root, base: '/b/' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a small request while it is still compressing a big file (compression off the event loop)', { timeout: 60_000 }, async () => {
    const order: string[] = [];
    const big = get(`${server.url}big.json`).then((r) => (order.push('big'), r));
    // The one fixed wait left in the tests, and on purpose: not a wait for a result but the moment to send
    // the second request, once the server is busy compressing the first (its stat and read take ~1 ms;
    // brotli 11 over 1.5 MB takes 1–2 s). Sent earlier, it would be answered first even by a server that
    // blocks, so the wait sits well after the read and well inside the compression. The old server fails it.
    await new Promise((r) => setTimeout(r, 50));
    const small = await get(`${server.url}small.txt`).then((r) => (order.push('small'), r));
    const done = await big;
    expect(small.body.toString()).toBe('ok');
    expect(order).toEqual(['small', 'big']);
    expect(done.encoding).toBe('br');
    expect(JSON.parse(brotliDecompressSync(done.body).toString())).toHaveLength(30_000);
  });

  it('serves a rebuilt file as rebuilt, not from the compression cache', async () => {
    const first = await get(`${server.url}page.html`);
    expect(brotliDecompressSync(first.body).toString()).toContain('first');
    writeFileSync(join(root, 'page.html'), `<p>${'second '.repeat(100)}</p>`);
    const second = await get(`${server.url}page.html`);
    expect(brotliDecompressSync(second.body).toString()).toContain('second');
  });

  it('keeps requests inside the base path', async () => {
    expect((await get(server.url.replace('/b/', '/elsewhere/'))).status).toBe(404);
  });
});

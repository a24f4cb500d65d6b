/**
 * A small static server for dist/, the way a CDN serves it: under a base path, with brotli or gzip
 * when the client accepts it, immutable caching for hashed assets, and 404 for anything else.
 * Used by the browser tests, the benchmark and `npm run serve`.
 *
 *   node scripts/serve.ts [--root dist] [--base /stories/tongliao/] [--port 4321]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zc } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml|javascript)|image\/svg)/;

export interface ServeOptions {
  root: string;
  base: string;
  port?: number;
  host?: string;
  /** Compress responses like a CDN (default true). */
  compress?: boolean;
  /** Brotli quality (default 11, the smallest bodies; the site tests ask for less CPU: tests/site/setup.ts). */
  brotliQuality?: number;
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:43123/stories/tongliao/ */
  url: string;
  /** Bytes sent per request path (after compression), for benchmarks. */
  bytes: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Compressed bodies by file, computed once. Compression runs on libuv's thread pool (the async zlib
 * calls), never on the event loop: brotli at quality 11 takes about 10 s over a test build, and done
 * synchronously it stalled every other request (and, inside Vitest's global set-up, the test runner).
 */
const cache = new Map<string, Promise<{ br: Buffer; gz: Buffer }>>();

function compressed(file: string, body: Buffer, quality: number) {
  // keyed by content too, so a rebuilt file served by a long-running `npm run serve` is not stale
  const key = `${file}\0${quality}\0${createHash('sha1').update(body).digest('hex')}`;
  let c = cache.get(key);
  if (!c) {
    c = Promise.all([
      brotliAsync(body, { params: { [zc.BROTLI_PARAM_QUALITY]: quality, [zc.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gzipAsync(body, { level: 9 }),
    ]).then(([br, gz]) => ({ br, gz }));
    cache.set(key, c);
    c.catch(() => cache.delete(key));
  }
  return c;
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: Required<ServeOptions>, bytes: Map<string, number>) {
  const u = new URL(req.url ?? '/', 'http://x');
  let path = decodeURIComponent(u.pathname);
  if (!path.startsWith(opts.base)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`outside the base path ${opts.base}`);
    return;
  }
  path = path.slice(opts.base.length);
  let file = normalize(join(opts.root, path));
  if (!file.startsWith(opts.root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const st = await stat(file);
    if (st.isDirectory()) {
      if (!u.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${u.pathname}/${u.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type };
    headers['cache-control'] = /\/_astro\//.test(u.pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
    let out: Buffer = body;
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (opts.compress && COMPRESSIBLE.test(type) && body.length > 256) {
      const c = await compressed(file, body, opts.brotliQuality);
      if (/\bbr\b/.test(accept)) {
        out = c.br;
        headers['content-encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept)) {
        out = c.gz;
        headers['content-encoding'] = 'gzip';
      }
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = String(out.length);
    bytes.set(u.pathname, (bytes.get(u.pathname) ?? 0) + out.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  } catch {
    try {
      const page = await readFile(join(opts.root, '404.html'));
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  }
}

/** Start serving; resolves when listening. Port 0 picks a free port. */
export function serve(options: ServeOptions): Promise<RunningServer> {
  const base = `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const opts: Required<ServeOptions> = {
    port: 0,
    host: '127.0.0.1',
    compress: true,
    brotliQuality: 11,
    ...options,
    base,
    root: resolve(options.root),
  };
  const bytes = new Map<string, number>();
  const server = createServer((req, res) => {
    handle(req, res, opts, bytes).catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      ok({
        server,
        url: `http://${opts.host}:${port}${base}`,
        bytes,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, def: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? (process.argv[i + 1] as string) : def;
  };
  const s = await serve({
    root: arg('root', 'dist'),
    base: arg('base', process.env['BASE_PATH'] ?? '/'),
    port: Number(arg('port', '4321')),
  });
  console.log(`serving ${arg('root', 'dist')} at ${s.url}`);
}

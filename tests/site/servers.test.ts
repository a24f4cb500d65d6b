/**
 * The generated server configurations, run by the real servers (issue 15): nginx with the build's
 * `.test-dist-server/nginx.conf` included, Caddy with `.test-dist-server/Caddyfile`, each serving a copy
 * of the test build under the base path (plus a stand-in embed page). Every built path is requested
 * and its headers checked: the security headers, frame-ancestors (embed pages: any site), the
 * long cache on `_astro/` only, and a CSP header on every page that covers its <meta> policy.
 * CI installs nginx and caddy (.ci/run); without them this file fails, it does not skip.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BASE, TEST_DIST } from '../../scripts/lib/browser.ts';
import { checkSecurityHeaders } from './gates/headers.ts';
import { sitePaths } from './pages.ts';

const SERVER_DIR = resolve(`${TEST_DIST}-server`);
const which = (cmd: string) => ['/usr/sbin', '/usr/bin', '/usr/local/bin'].map((d) => join(d, cmd)).find((p) => existsSync(p));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tongliao-servers-'));
  const site = join(work, 'root', ...TEST_BASE.split('/').filter(Boolean));
  mkdirSync(site, { recursive: true });
  cpSync(TEST_DIST, site, { recursive: true });
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

async function waitUp(url: string, proc: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}):\n${log()}`);
    try {
      await fetch(url);
      return;
    } catch {
      // A poll interval while waiting for a condition (the server answers), bounded by the loop: not a sleep.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`the server did not answer at ${url}:\n${log()}`);
}

/** The <meta> CSP of a built page, directive → sources. */
function metaPolicy(path: string): Map<string, string[]> | null {
  const file = join(TEST_DIST, path.slice(TEST_BASE.length), 'index.html');
  if (!path.endsWith('/') || !existsSync(file)) return null;
  const m = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(readFileSync(file, 'utf8'));
  return m ? parsePolicy(m[1]!.replace(/&#39;/g, "'")) : null;
}
function parsePolicy(p: string): Map<string, string[]> {
  return new Map(
    p
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k!, v]),
  );
}

/** Requests every path and lists what is wrong; prints a summary line per kind of path. */
async function checkAll(name: string, origin: string): Promise<string[]> {
  const paths = sitePaths();
  const problems: string[] = [];
  const seen = new Map<string, { n: number; example: string; headers: string[] }>();
  for (const path of paths) {
    const res = await fetch(origin + path, { redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) {
      problems.push(`${path}: status ${res.status}`);
      continue;
    }
    const h = new Map([...res.headers].map(([k, v]) => [k.toLowerCase(), v]));
    const embed = path.startsWith(`${TEST_BASE}embed/`);
    const asset = path.startsWith(`${TEST_BASE}_astro/`);
    for (const p of checkSecurityHeaders(h, { embed })) problems.push(`${path}: ${p}`);
    const immutable = (h.get('cache-control') ?? '').includes('immutable');
    if (immutable !== asset) problems.push(`${path}: Cache-Control ${h.get('cache-control') ?? '(none)'}`);
    const meta = metaPolicy(path);
    if (meta) {
      const header = parsePolicy(h.get('content-security-policy') ?? '');
      for (const [k, v] of meta) {
        const missing = v.filter((s) => !(header.get(k) ?? []).includes(s));
        if (missing.length) problems.push(`${path}: CSP header ${k} lacks ${missing.join(' ')}`);
      }
    }
    const kind = embed ? 'embed' : asset ? '_astro' : meta ? 'pages' : 'files';
    const s = seen.get(kind) ?? {
      n: 0,
      example: path,
      headers: [...h.keys()]
        .filter(
          (k) =>
            ![
              'date',
              'content-length',
              'content-type',
              'etag',
              'last-modified',
              'connection',
              'server',
              'accept-ranges',
              'keep-alive',
            ].includes(k),
        )
        .sort(),
    };
    s.n++;
    seen.set(kind, s);
  }
  const summary = [...seen].map(([k, s]) => `  ${k}: ${s.n} paths (e.g. ${s.example}) — ${s.headers.join(', ')}`);
  console.log(`${name}: ${paths.length} paths requested, ${problems.length} problems\n${summary.join('\n')}`);
  return problems;
}

describe('nginx, with the generated include', () => {
  let proc: ChildProcess | undefined;
  afterAll(() => {
    proc?.kill();
  });

  it('serves every built path with the headers of its kind', async () => {
    const nginx = which('nginx');
    expect(nginx, 'nginx is not installed: apt-get install nginx (CI: .ci/run)').toBeTruthy();
    const port = await freePort();
    const dir = join(work, 'nginx');
    mkdirSync(dir, { recursive: true });
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      [
        'daemon off;',
        'master_process off;',
        `pid ${dir}/nginx.pid;`,
        'error_log stderr warn;',
        'events { worker_connections 64; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
        '  server {',
        `    listen 127.0.0.1:${port};`,
        `    root ${join(work, 'root')};`,
        `    include ${SERVER_DIR}/nginx.conf;`,
        '  }',
        '}',
      ].join('\n'),
    );
    const test = spawnSync(nginx!, ['-t', '-c', conf, '-p', dir, '-e', 'stderr'], { encoding: 'utf8' });
    expect(test.status, test.stderr).toBe(0);
    let log = '';
    proc = spawn(nginx!, ['-c', conf, '-p', dir, '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stderr!.on('data', (d) => (log += d));
    await waitUp(`http://127.0.0.1:${port}${TEST_BASE}`, proc, () => log);
    expect(await checkAll(`nginx ${spawnSync(nginx!, ['-v'], { encoding: 'utf8' }).stderr.trim()}`, `http://127.0.0.1:${port}`)).toEqual(
      [],
    );
  });
});

describe('Caddy, with the generated Caddyfile', () => {
  let proc: ChildProcess | undefined;
  afterAll(() => {
    proc?.kill();
  });

  it('serves every built path with the headers of its kind', async () => {
    const caddy = which('caddy');
    expect(caddy, 'caddy is not installed: apt-get install caddy (CI: .ci/run)').toBeTruthy();
    const port = await freePort();
    const env = {
      ...process.env,
      HOME: join(work, 'caddy-home'),
      XDG_DATA_HOME: join(work, 'caddy-home'),
      XDG_CONFIG_HOME: join(work, 'caddy-home'),
      SITE_ADDRESS: `http://127.0.0.1:${port}`,
      SITE_ROOT: join(work, 'root'),
      CADDY_ADMIN: 'off',
    };
    const file = `${SERVER_DIR}/Caddyfile`;
    const valid = spawnSync(caddy!, ['validate', '--config', file, '--adapter', 'caddyfile'], { encoding: 'utf8', env });
    expect(valid.status, valid.stderr).toBe(0);
    let log = '';
    proc = spawn(caddy!, ['run', '--config', file, '--adapter', 'caddyfile'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    proc.stderr!.on('data', (d) => (log += d));
    await waitUp(`http://127.0.0.1:${port}${TEST_BASE}`, proc, () => log);
    expect(
      await checkAll(`caddy ${spawnSync(caddy!, ['version'], { encoding: 'utf8' }).stdout.trim()}`, `http://127.0.0.1:${port}`),
    ).toEqual([]);
  });
});

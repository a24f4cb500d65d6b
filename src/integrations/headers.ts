/**
 * After the build: writes the site's HTTP headers (src/lib/headers.ts, one list) for every kind of host.
 *
 * - `<outDir>/_headers` (Netlify, Cloudflare Pages: read at the root of the published folder), every rule
 *   under the base path. (`.nojekyll`, which GitHub Pages needs to serve `_astro/`, comes from public/.)
 * - `<outDir>-server/nginx.conf` (an include for the server block) and `<outDir>-server/Caddyfile`,
 *   beside the published folder, not inside it.
 *
 * The Content-Security-Policy header is the union of the pages' <meta> policies, read from the built
 * HTML, so it carries the same script and style hashes. Options (environment, at build):
 * `CSP_REPORT_URI` (violation reports), `HSTS_INCLUDE_SUBDOMAINS=1`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { renderCaddyfile, renderHeadersFile, renderNginx, unionCsp, type HeaderOptions } from '../lib/headers.ts';

/** `CSP_REPORT_URI` must be one URL: https://…, or a path on this host. */
export function checkReportUri(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^(https:\/\/[^\s;,'"]+|\/[^\s;,'"]*)$/.test(value)) {
    throw new Error(
      `CSP_REPORT_URI="${value}" is not a usable report URL: give one https:// URL or a path starting with "/", without spaces, ";", "," or quotes`,
    );
  }
  return value;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The union of the <meta> CSPs of every built page. */
export function builtPolicy(dir: string): string {
  const metas = htmlFiles(dir).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)].map((m) =>
      m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'),
    ),
  );
  if (!metas.length) throw new Error(`no page in ${dir} has a <meta> Content-Security-Policy`);
  return unionCsp(metas);
}

export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'tongliao:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        checkReportUri(process.env['CSP_REPORT_URI']);
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir).replace(/\/$/, '');
        const options: HeaderOptions = {
          base,
          csp: builtPolicy(out),
          reportUri: checkReportUri(process.env['CSP_REPORT_URI']),
          hstsIncludeSubdomains: process.env['HSTS_INCLUDE_SUBDOMAINS'] === '1',
        };
        const dirs = readdirSync(out, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name);
        writeFileSync(join(out, '_headers'), renderHeadersFile(options, dirs));
        const server = join(dirname(out), `${basename(out)}-server`);
        mkdirSync(server, { recursive: true });
        writeFileSync(join(server, 'nginx.conf'), renderNginx(options));
        writeFileSync(join(server, 'Caddyfile'), renderCaddyfile(options));
        logger.info(`headers: ${basename(out)}/_headers, ${basename(server)}/nginx.conf and Caddyfile (base ${base})`);
      },
    },
  };
}

/**
 * The HTTP headers of the site, as one list, rendered for every kind of host: a `_headers` file
 * (Netlify, Cloudflare Pages), an nginx snippet and a Caddyfile. The build writes all three
 * (`src/integrations/headers.ts`); README "Deploying" says where each goes.
 *
 * Three kinds of path, all under the base path:
 * - assets: `<base>_astro/*`, content-hashed, cached for a year (immutable);
 * - embed: `<base>embed/*`, pages meant to be framed by any site (`frame-ancestors *`, no X-Frame-Options);
 * - site: everything else, which refuses to be framed by other sites.
 * Every kind gets the common headers (HSTS, nosniff, Referrer-Policy, Permissions-Policy, COOP); site and
 * embed paths also get the pages' Content-Security-Policy as a header (the pages carry it in a <meta>
 * too; a header is what graders read, and only a header can carry frame-ancestors and reporting).
 */

export interface HeaderOptions {
  /** The base path, with leading and trailing slash: `/` or `/stories/tongliao/`. */
  base: string;
  /** The page policy as built (the union of every page's <meta> CSP), without frame-ancestors. */
  csp: string;
  /** `CSP_REPORT_URI`: where browsers report violations (report-uri, and report-to through Reporting-Endpoints). */
  reportUri?: string | undefined;
  /** `HSTS_INCLUDE_SUBDOMAINS=1`: only when every subdomain of the host serves HTTPS. */
  hstsIncludeSubdomains?: boolean;
}

/**
 * Where the pages' scripts and workers may load from (`script-src`, `worker-src`): `'self'`, or with
 * `CSP_SCOPE_TO_BASE=1` (for a host that serves more than this site on the origin) only this site's
 * `<base>_astro/`, named by its full URL, so SITE_URL must be set.
 */
export function scriptSource(env: { CSP_SCOPE_TO_BASE?: string | undefined; SITE_URL?: string | undefined }, base: string): string {
  const flag = env.CSP_SCOPE_TO_BASE;
  if (flag === undefined || flag === '' || flag === '0') return "'self'";
  if (flag !== '1') throw new Error(`CSP_SCOPE_TO_BASE="${flag}": set it to 1 (scripts only from ${base}_astro/) or leave it unset`);
  if (!env.SITE_URL) {
    throw new Error(
      'CSP_SCOPE_TO_BASE=1 needs SITE_URL (e.g. SITE_URL=https://news.example.com): the policy names the script folder by its full URL',
    );
  }
  return new URL(`${base.replace(/\/?$/, '/')}_astro/`, env.SITE_URL).href;
}

export type PathKind = 'site' | 'assets' | 'embed';
export type Header = [name: string, value: string];

/** One year, in seconds. */
const YEAR = 31_536_000;

/** The single list: the headers each kind of path gets. */
export function headerList(o: HeaderOptions): Record<PathKind, Header[]> {
  const report = o.reportUri ? `; report-uri ${o.reportUri}; report-to csp` : '';
  const csp = (frame: string) => `${o.csp.replace(/;\s*$/, '')}; frame-ancestors ${frame}${report}`;
  const common: Header[] = [
    ['Strict-Transport-Security', `max-age=${YEAR}${o.hstsIncludeSubdomains ? '; includeSubDomains' : ''}`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...(o.reportUri ? [['Reporting-Endpoints', `csp="${o.reportUri}"`] as Header] : []),
  ];
  const site: Header[] = [...common, ['Content-Security-Policy', csp("'self'")], ['X-Frame-Options', 'SAMEORIGIN']];
  return {
    site,
    // Scripts (MapLibre's worker among them) take no CSP header: a worker's own response CSP would
    // apply inside it. They are not documents, so they need no frame policy beyond X-Frame-Options.
    assets: [...common, ['X-Frame-Options', 'SAMEORIGIN'], ['Cache-Control', `public, max-age=${YEAR}, immutable`]],
    embed: [...common, ['Content-Security-Policy', csp('*')]],
  };
}

/** Which kind a URL path is (paths outside the base get no headers from this site). */
export function kindOf(base: string, path: string): PathKind | null {
  if (!path.startsWith(base)) return null;
  const rest = path.slice(base.length);
  if (rest.startsWith('_astro/')) return 'assets';
  if (rest === 'embed' || rest.startsWith('embed/')) return 'embed';
  return 'site';
}

/**
 * `_headers`. Every matching rule applies there and repeated headers are joined, so the site's framing
 * rule cannot be a catch-all (it would reach the embed pages): it is written for the top-level files and
 * once per top-level folder of the build (`dirs`: folder names in the output folder, e.g. `data`, `demo`).
 */
export function renderHeadersFile(o: HeaderOptions, dirs: string[]): string {
  const list = headerList(o);
  const block = (pattern: string, headers: Header[]) => [pattern, ...headers.map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
  const out = [
    '# Generated at build by src/integrations/headers.ts from src/lib/headers.ts (do not edit here).',
    `# Base path ${o.base}: this file must sit at the root of the published folder (Netlify, Cloudflare Pages).`,
    '',
  ];
  // the front page, every file at the top (`:name` is one path segment, so files written after this,
  // such as the sitemap, are covered too), then each folder but _astro/ and embed/
  out.push(block(o.base, list.site));
  out.push(block(`${o.base}:file`, list.site));
  for (const dir of dirs.filter((d) => d !== '_astro' && d !== 'embed').sort()) out.push(block(`${o.base}${dir}/*`, list.site));
  out.push(block(`${o.base}_astro/*`, list.assets));
  out.push(block(`${o.base}embed/*`, list.embed));
  return out.join('\n');
}

const nginxQuote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * nginx: `include` this inside the `server { }` that serves the site. One location per kind (nginx
 * picks exactly one location per request, and add_header does not add to a parent's), each with every
 * header, `always` so error pages get them too.
 */
export function renderNginx(o: HeaderOptions, root = '/srv/www'): string {
  const list = headerList(o);
  const loc = (match: string, headers: Header[]) =>
    [`location ${match} {`, ...headers.map(([k, v]) => `    add_header ${k} ${nginxQuote(v)} always;`), '}', ''].join('\n');
  return [
    '# Generated at build by src/integrations/headers.ts from src/lib/headers.ts (do not edit here).',
    `# include it in the server { } block that serves the site; the build's files live at ${root}${o.base}`,
    `# (set "root ${root};" in that block, or use your own root with the same layout).`,
    '',
    loc(`^~ ${o.base}_astro/`, list.assets),
    loc(`^~ ${o.base}embed/`, list.embed),
    loc(`^~ ${o.base}`, list.site),
  ].join('\n');
}

const caddyQuote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Caddy: a snippet, `(tongliao_headers)`, to `import` in your site block; and a site block that serves
 * the build with it, set by environment: `SITE_ADDRESS` (default `:8080`; your domain in production)
 * and `SITE_ROOT` (the folder holding `<base>`; default /srv/www). `CADDY_ADMIN` sets the admin API
 * address (default localhost:2019; `off` disables it).
 */
export function renderCaddyfile(o: HeaderOptions): string {
  const list = headerList(o);
  const headerBlock = (matcher: string, headers: Header[]) =>
    [`\theader ${matcher} {`, ...headers.map(([k, v]) => `\t\t${k} ${caddyQuote(v)}`), '\t}'].join('\n');
  return [
    '# Generated at build by src/integrations/headers.ts from src/lib/headers.ts (do not edit here).',
    '{',
    '\tadmin {$CADDY_ADMIN:localhost:2019}',
    '}',
    '',
    '(tongliao_headers) {',
    `\t@assets path ${o.base}_astro/*`,
    `\t@embed path ${o.base}embed ${o.base}embed/*`,
    '\t@site {',
    `\t\tpath ${o.base}*`,
    `\t\tnot path ${o.base}_astro/* ${o.base}embed ${o.base}embed/*`,
    '\t}',
    headerBlock('@assets', list.assets),
    headerBlock('@embed', list.embed),
    headerBlock('@site', list.site),
    '}',
    '',
    `# Serves the build: its files in {$SITE_ROOT}${o.base}.`,
    '{$SITE_ADDRESS::8080} {',
    '\troot * {$SITE_ROOT:/srv/www}',
    '\timport tongliao_headers',
    '\tfile_server',
    '}',
    '',
  ].join('\n');
}

/** The union of several CSPs' sources, directive by directive, in first-seen order. */
export function unionCsp(policies: string[]): string {
  const directives = new Map<string, string[]>();
  for (const p of policies) {
    for (const part of p.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (!name) continue;
      const have = directives.get(name) ?? [];
      for (const s of sources) if (!have.includes(s)) have.push(s);
      directives.set(name, have);
    }
  }
  return [...directives].map(([k, v]) => [k, ...v].join(' ')).join('; ');
}

/**
 * The links gate: crawl a served site from its base URL with linkinator (recursing, fragments and CSS
 * checked) and sort what it found into broken links/anchors/assets, URLs on the site's origin that
 * leave the base path, and external links (listed, never fetched: the tests run offline).
 */
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';

export interface CrawlReport {
  /** Every URL linkinator checked on the origin. */
  checked: string[];
  /** Broken internal links, anchors (`#id` with no such element) and assets. */
  broken: { url: string; parent: string; status: number | undefined }[];
  /** Same-origin URLs outside the base path (e.g. `/foo` instead of `/stories/tongliao/foo`). */
  escaping: { url: string; parent: string }[];
  /** Links to other origins or schemes, with the page that links them. */
  external: { url: string; parent: string }[];
}

export interface CrawlOptions {
  /** Pages nothing links to (e.g. an unlisted demo), crawled as extra starting points. */
  seeds?: string[];
  /**
   * The origin the site was built for (its `site` URL, used in canonical and feed links). Links on it
   * are checked against the served copy: they too must exist and stay under the base path.
   */
  siteOrigin?: string;
}

export async function crawlSite(baseUrl: string, opts: CrawlOptions = {}): Promise<CrawlReport> {
  const base = new URL(baseUrl);
  const siteOrigin = opts.siteOrigin ? new URL(opts.siteOrigin).origin : undefined;
  const external = new Map<string, string>();
  /** Links on the built-for origin, checked below against the served copy. */
  const canonical = new Map<string, string>();
  const checker = new LinkChecker();
  const results: LinkResult[] = [];
  checker.on('link', (r) => results.push(r));
  await checker.check({
    path: [base.href, ...(opts.seeds ?? []).map((p) => new URL(p, base).href)],
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 4,
    timeout: 20_000,
    retry: false,
    redirects: 'allow',
    linksToSkip: async (link) => {
      let u: URL;
      try {
        u = new URL(link);
      } catch {
        return false;
      }
      if (siteOrigin && u.origin === siteOrigin && u.origin !== base.origin) {
        canonical.set(link, '');
        return true;
      }
      return u.origin !== base.origin;
    },
  });
  const report: CrawlReport = { checked: [], broken: [], escaping: [], external: [] };
  for (const r of results) {
    let u: URL | undefined;
    try {
      u = new URL(r.url);
    } catch {
      u = undefined;
    }
    const parent = r.parent ?? '';
    if (u && canonical.has(r.url)) {
      if (!canonical.get(r.url)) canonical.set(r.url, parent);
      continue;
    }
    if (!u || u.origin !== base.origin) {
      if (!external.has(r.url)) external.set(r.url, parent);
      continue;
    }
    report.checked.push(r.url);
    if (!u.pathname.startsWith(base.pathname)) report.escaping.push({ url: r.url, parent });
    if (r.state === LinkState.BROKEN) report.broken.push({ url: r.url, parent, status: r.status });
  }
  for (const [link, parent] of canonical) {
    const u = new URL(link);
    if (!u.pathname.startsWith(base.pathname)) report.escaping.push({ url: link, parent });
    const served = new URL(u.pathname + u.search, base.origin).href;
    report.checked.push(served);
    const res = await fetch(served, { method: 'HEAD' });
    if (!res.ok) report.broken.push({ url: link, parent, status: res.status });
  }
  report.external = [...external].map(([url, parent]) => ({ url, parent })).sort((a, b) => a.url.localeCompare(b.url));
  return report;
}

import { describe, expect, it } from 'vitest';
import { checkReportUri } from '../integrations/headers.ts';
import { headerList, kindOf, renderCaddyfile, renderHeadersFile, renderNginx, scriptSource, unionCsp } from './headers.ts';

const CSP = "default-src 'self'; script-src 'self' 'sha256-a='; style-src 'self'";
const o = { base: '/stories/tongliao/', csp: CSP };

describe('the header list', () => {
  it('HSTS includeSubDomains only on request; reporting only with a report URI', () => {
    const plain = headerList(o);
    expect(new Map(plain.site).get('Strict-Transport-Security')).toBe('max-age=31536000');
    expect(new Map(headerList({ ...o, hstsIncludeSubdomains: true }).site).get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(new Map(plain.site).get('Content-Security-Policy')).toBe(`${CSP}; frame-ancestors 'self'`);
    expect(new Map(plain.site).has('Reporting-Endpoints')).toBe(false);
    const reported = new Map(headerList({ ...o, reportUri: 'https://r.example.com/csp' }).site);
    expect(reported.get('Content-Security-Policy')).toBe(
      `${CSP}; frame-ancestors 'self'; report-uri https://r.example.com/csp; report-to csp`,
    );
    expect(reported.get('Reporting-Endpoints')).toBe('csp="https://r.example.com/csp"');
  });

  it('embed pages may be framed by anyone and carry no X-Frame-Options; assets are cached for a year', () => {
    const l = headerList(o);
    expect(new Map(l.embed).get('Content-Security-Policy')).toMatch(/frame-ancestors \*$/);
    expect(new Map(l.embed).has('X-Frame-Options')).toBe(false);
    expect(new Map(l.assets).get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(new Map(l.site).has('Cache-Control')).toBe(false);
  });

  it('kinds of path', () => {
    expect(kindOf('/b/', '/b/_astro/x.js')).toBe('assets');
    expect(kindOf('/b/', '/b/embed/s/g/')).toBe('embed');
    expect(kindOf('/b/', '/b/embedded/')).toBe('site');
    expect(kindOf('/b/', '/other/')).toBe(null);
  });

  it('CSP_REPORT_URI is checked', () => {
    expect(checkReportUri(undefined)).toBeUndefined();
    expect(checkReportUri('/csp-reports')).toBe('/csp-reports');
    expect(() => checkReportUri('https://x.example/r; script-src *')).toThrow(/CSP_REPORT_URI=.*not a usable report URL/);
    expect(() => checkReportUri('http://x.example/r')).toThrow(/https:/);
  });

  it('unions policies directive by directive', () => {
    expect(unionCsp(["a 'self' 'h1'; b x", "a 'self' 'h2'; c y"])).toBe("a 'self' 'h1' 'h2'; b x; c y");
  });
});

describe('rendered for each host', () => {
  it('_headers: every rule under the base, the framing rule never a catch-all', () => {
    const text = renderHeadersFile(o, ['demo', 'data', '_astro', 'embed']);
    const patterns = text.split('\n').filter((l) => l.startsWith('/'));
    expect(patterns).toEqual([
      '/stories/tongliao/',
      '/stories/tongliao/:file',
      '/stories/tongliao/data/*',
      '/stories/tongliao/demo/*',
      '/stories/tongliao/_astro/*',
      '/stories/tongliao/embed/*',
    ]);
  });

  it('nginx: one location per kind, every header `always`', () => {
    const conf = renderNginx(o);
    expect(conf.match(/^location \^~ \S+ \{$/gm)).toEqual([
      'location ^~ /stories/tongliao/_astro/ {',
      'location ^~ /stories/tongliao/embed/ {',
      'location ^~ /stories/tongliao/ {',
    ]);
    expect(
      conf
        .split('\n')
        .filter((l) => l.includes('add_header'))
        .every((l) => l.endsWith(' always;')),
    ).toBe(true);
  });

  it('Caddy: a snippet with one matcher per kind, the site matcher excluding the others', () => {
    const file = renderCaddyfile(o);
    expect(file).toContain('(tongliao_headers) {');
    expect(file).toContain('\t\tnot path /stories/tongliao/_astro/* /stories/tongliao/embed /stories/tongliao/embed/*');
  });
});

describe("CSP_SCOPE_TO_BASE: scripts and workers only from this site's own folder", () => {
  it("is 'self' unless asked for", () => {
    expect(scriptSource({}, '/stories/tongliao/')).toBe("'self'");
    expect(scriptSource({ CSP_SCOPE_TO_BASE: '0', SITE_URL: 'https://news.example.com' }, '/')).toBe("'self'");
  });
  it('names <base>_astro/ on the site URL when set to 1', () => {
    expect(scriptSource({ CSP_SCOPE_TO_BASE: '1', SITE_URL: 'https://news.example.com' }, '/stories/tongliao/')).toBe(
      'https://news.example.com/stories/tongliao/_astro/',
    );
    expect(scriptSource({ CSP_SCOPE_TO_BASE: '1', SITE_URL: 'https://news.example.com/' }, '/stories/tongliao')).toBe(
      'https://news.example.com/stories/tongliao/_astro/',
    );
    expect(scriptSource({ CSP_SCOPE_TO_BASE: '1', SITE_URL: 'https://news.example.com' }, '/')).toBe('https://news.example.com/_astro/');
  });
  it('refuses a value it does not know and a missing SITE_URL, saying what to set', () => {
    expect(() => scriptSource({ CSP_SCOPE_TO_BASE: 'yes', SITE_URL: 'https://x.example' }, '/')).toThrow(
      /CSP_SCOPE_TO_BASE="yes": set it to 1/,
    );
    expect(() => scriptSource({ CSP_SCOPE_TO_BASE: '1' }, '/')).toThrow(/needs SITE_URL/);
  });
});

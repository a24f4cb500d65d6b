/**
 * The `_headers` gate (Netlify / Cloudflare Pages format): parse the file strictly, work out the headers
 * each URL path gets, and list the security headers a path is missing or has wrong.
 *
 *   /path/pattern            ← a rule: a path, `*` matches anything, `:name` one segment
 *     Header-Name: value     ← indented lines belong to the rule above
 */
export interface HeaderRule {
  pattern: string;
  line: number;
  headers: [string, string][];
  /** Headers that earlier matching rules set and this rule removes (`! Name`, Cloudflare Pages' detach). */
  detach?: string[];
}

export function parseHeaders(text: string): { rules: HeaderRule[]; problems: string[] } {
  const rules: HeaderRule[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trim().startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      const pattern = raw.trim();
      if (!pattern.startsWith('/') && !/^https?:\/\//.test(pattern)) problems.push(`line ${line}: "${pattern}" is not a path`);
      else if (/\s/.test(pattern)) problems.push(`line ${line}: a path cannot contain spaces: "${pattern}"`);
      rules.push({ pattern, line, headers: [] });
      return;
    }
    const detach = /^\s+!\s*([A-Za-z0-9-]+)\s*$/.exec(raw);
    if (detach && rules.length > 0) {
      const r = rules[rules.length - 1]!;
      (r.detach ??= []).push(detach[1]!.toLowerCase());
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(raw);
    if (!m) problems.push(`line ${line}: not a "Name: value" header: "${raw.trim()}"`);
    else if (rules.length === 0) problems.push(`line ${line}: header "${m[1]}" before any path`);
    else if (!m[2]) problems.push(`line ${line}: header "${m[1]}" has no value`);
    else rules[rules.length - 1]!.headers.push([m[1]!.toLowerCase(), m[2]!]);
  });
  for (const r of rules) if (r.headers.length === 0 && !r.detach) problems.push(`line ${r.line}: path ${r.pattern} has no headers`);
  return { rules, problems };
}

export function matches(pattern: string, path: string): boolean {
  const p = pattern.replace(/^https?:\/\/[^/]+/, '');
  const re = p
    .split(/(\*|:[A-Za-z]+)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(path);
}

/** Headers for one path: every matching rule applies; repeated headers are joined as hosts do. */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rules) {
    if (!matches(r.pattern, path)) continue;
    for (const k of r.detach ?? []) out.delete(k);
    for (const [k, v] of r.headers) out.set(k, out.has(k) ? `${out.get(k)}, ${v}` : v);
  }
  return out;
}

const REFERRER = new Set([
  'no-referrer',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'origin',
  'origin-when-cross-origin',
]);
/** Six months, the least HSTS preload lists and scanners accept. */
const HSTS_MIN = 15_552_000;

/** What is missing or wrong in the headers one path gets. `embed`: a page meant to be framed by any site. */
export function checkSecurityHeaders(h: Map<string, string>, { embed = false }: { embed?: boolean } = {}): string[] {
  const problems: string[] = [];
  const hsts = h.get('strict-transport-security');
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts ?? '')?.[1] ?? NaN);
  if (!hsts) problems.push('no Strict-Transport-Security');
  else if (!(maxAge >= HSTS_MIN)) problems.push(`Strict-Transport-Security max-age too short or missing: ${hsts}`);
  if (h.get('x-content-type-options')?.toLowerCase() !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  const ref = h.get('referrer-policy');
  if (!ref) problems.push('no Referrer-Policy');
  else if (!ref.split(',').every((t) => REFERRER.has(t.trim().toLowerCase()))) problems.push(`Referrer-Policy leaks or is invalid: ${ref}`);
  const pp = h.get('permissions-policy');
  if (!pp) problems.push('no Permissions-Policy');
  else {
    for (const item of pp.split(',')) {
      if (!/^\s*[a-z][a-z0-9-]*=(\*|\((\s*(self|"[^"]*"|\*)\s*)*\))\s*$/.test(item))
        problems.push(`Permissions-Policy item does not parse: "${item.trim()}"`);
    }
  }
  const xfo = h.get('x-frame-options')?.toUpperCase();
  if (embed) {
    const any = [...h].some(([k, v]) => k === 'content-security-policy' && /(^|;)\s*frame-ancestors\s+\*\s*(;|$)/.test(v));
    if (!any) problems.push('an embed page without CSP frame-ancestors *');
    if (xfo) problems.push(`an embed page with X-Frame-Options ${xfo}`);
    return problems;
  }
  const frameAncestors = [...h].some(([k, v]) => k === 'content-security-policy' && /(^|;)\s*frame-ancestors\s+('none'|'self')/.test(v));
  if (!frameAncestors && xfo !== 'DENY' && xfo !== 'SAMEORIGIN')
    problems.push("no CSP frame-ancestors 'none'/'self' and no X-Frame-Options DENY/SAMEORIGIN");
  return problems;
}

/** Parse problems plus, for each path, what its headers lack (paths under `<…>/embed/` are embed pages). */
export function checkHeadersFile(text: string, paths: string[], isEmbed: (path: string) => boolean = () => false): string[] {
  const { rules, problems } = parseHeaders(text);
  for (const path of paths)
    for (const p of checkSecurityHeaders(headersFor(rules, path), { embed: isEmbed(path) })) problems.push(`${path}: ${p}`);
  return problems;
}
